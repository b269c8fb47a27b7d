import type { SimContext } from '../model/context';
import type { Operation } from './operation';
import { PAGING, pageOf } from './paging';
import { ApiError } from '../core/errors';
import type { Alarm, ScalableTarget, ScalingPolicy, ScheduledAction, StepAdjustment } from '../model/types';
import { alarmCondition, scheduleAction, setDesired } from '../controllers/autoscaling';
import { parseSchedule } from '../core/schedule';
import { say } from '../model/narration';

/**
 * Application Auto Scaling (namespace `applicationautoscaling.`) for ECS services: scalable targets,
 * target tracking and step scaling policies, scheduled actions and scaling activities, with the
 * request members (PascalCase) and errors of that API.
 */

const validation = (m: string) => new ApiError('ValidationException', m);
const DIMENSION = 'ecs:service:DesiredCount';
const METRICS: Record<string, string> = {
  ECSServiceAverageCPUUtilization: 'CPUUtilization',
  ECSServiceAverageMemoryUtilization: 'MemoryUtilization',
};

function str(input: Record<string, unknown>, name: string, required = true): string | undefined {
  const v = input[name];
  if (v === undefined) {
    if (required) throw validation(`1 validation error detected: Value null at '${name[0]!.toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must not be null`);
    return undefined;
  }
  if (typeof v !== 'string') throw validation(`${name} must be a string.`);
  return v;
}

function num(input: Record<string, unknown>, name: string, opts: { required?: boolean; integer?: boolean; min?: number; max?: number } = {}): number | undefined {
  const v = input[name];
  if (v === undefined) {
    if (opts.required) throw validation(`1 validation error detected: Value null at '${name[0]!.toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must not be null`);
    return undefined;
  }
  if (typeof v !== 'number' || (opts.integer && !Number.isInteger(v))) throw validation(`${name} must be ${opts.integer ? 'an integer' : 'a number'}.`);
  if (opts.min !== undefined && v < opts.min) throw validation(`${name} must be at least ${opts.min}.`);
  if (opts.max !== undefined && v > opts.max) throw validation(`${name} must be at most ${opts.max}.`);
  return v;
}

/** ServiceNamespace, ResourceId and ScalableDimension of an ECS service. */
function resource(sim: SimContext, input: Record<string, unknown>): string {
  const ns = str(input, 'ServiceNamespace')!;
  if (ns !== 'ecs') throw validation(`Unsupported service namespace ${ns}: the simulator scales ECS services (ecs).`);
  const id = str(input, 'ResourceId')!;
  if (!/^service\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+$/.test(id)) throw validation(`Unsupported resource ID ${id}: for ECS it is service/<cluster name>/<service name>.`);
  const dim = str(input, 'ScalableDimension')!;
  if (dim !== DIMENSION) throw validation(`Unsupported scalable dimension ${dim} for service namespace ecs: use ${DIMENSION}.`);
  void sim;
  return id;
}

function targetOf(sim: SimContext, id: string): ScalableTarget {
  const t = sim.world.scalableTargets[id];
  if (!t) throw new ApiError('ObjectNotFoundException', `No scalable target registered for service namespace: ecs, resource ID: ${id}, scalable dimension: ${DIMENSION}`);
  return t;
}

function serviceFor(sim: SimContext, id: string) {
  const [, cluster, name] = id.split('/');
  const svc = sim.world.services[sim.arn(`service/${cluster}/${name}`)];
  if (!svc || svc.status !== 'ACTIVE') throw validation(`ECS service doesn't exist: ${id}`);
  return svc;
}

const arn = (sim: SimContext, service: string, rest: string) => `arn:aws:${service}:${sim.world.region}:${sim.world.account}:${rest}`;

function deleteAlarmsOf(sim: SimContext, p: ScalingPolicy): void {
  for (const a of p.Alarms) if (sim.world.alarms[a.AlarmName]?.ownedBy === p.PolicyARN) delete sim.world.alarms[a.AlarmName];
}

function describeTarget(sim: SimContext, t: ScalableTarget) {
  return {
    ServiceNamespace: t.ServiceNamespace,
    ResourceId: t.ResourceId,
    ScalableDimension: t.ScalableDimension,
    MinCapacity: t.MinCapacity,
    MaxCapacity: t.MaxCapacity,
    RoleARN: arn(sim, 'iam', 'role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService').replace(`:${sim.world.region}:`, '::'),
    CreationTime: sim.ts(t.CreationMs),
    SuspendedState: t.SuspendedState,
    ScalableTargetARN: t.ScalableTargetARN,
  };
}

function describePolicy(sim: SimContext, p: ScalingPolicy) {
  const { CreationMs, cooldownUntilMs, ...rest } = p;
  void cooldownUntilMs;
  return { ...rest, CreationTime: sim.ts(CreationMs) };
}

function checkSteps(steps: StepAdjustment[]): void {
  if (!Array.isArray(steps) || steps.length === 0) throw validation('StepAdjustments must contain at least one step adjustment.');
  const lowerNulls = steps.filter((s) => s.MetricIntervalLowerBound === undefined).length;
  const upperNulls = steps.filter((s) => s.MetricIntervalUpperBound === undefined).length;
  if (lowerNulls > 1 || upperNulls > 1) throw validation('Only one step adjustment can have a null lower bound and only one a null upper bound.');
  const sorted = [...steps].sort((a, b) => (a.MetricIntervalLowerBound ?? -Infinity) - (b.MetricIntervalLowerBound ?? -Infinity));
  for (let i = 0; i < sorted.length; i++) {
    const s = sorted[i]!;
    if (typeof s.ScalingAdjustment !== 'number' || !Number.isInteger(s.ScalingAdjustment)) throw validation('Each step adjustment needs an integer ScalingAdjustment.');
    const lo = s.MetricIntervalLowerBound ?? -Infinity;
    const hi = s.MetricIntervalUpperBound ?? Infinity;
    if (lo >= hi) throw validation('A step adjustment lower bound must be below its upper bound.');
    const next = sorted[i + 1];
    if (next && (next.MetricIntervalLowerBound ?? -Infinity) !== hi) throw validation('Step adjustments must not overlap or leave gaps between them.');
  }
}

/** The metric a target tracking policy keeps at its target: a predefined ECS service metric, or ALB requests per target. */
function trackedMetric(sim: SimContext, id: string, c: Record<string, unknown>): { metricType: string; spec: { ResourceLabel?: string } | undefined; namespace: string; metric: string; dims?: Alarm['Dimensions'] } {
  const spec = c.PredefinedMetricSpecification as { PredefinedMetricType?: string; ResourceLabel?: string } | undefined;
  if (c.CustomizedMetricSpecification !== undefined) throw validation('Customized metrics are not simulated: use a PredefinedMetricSpecification.');
  const metricType = spec?.PredefinedMetricType;
  if (!metricType) throw validation('PredefinedMetricSpecification with a PredefinedMetricType is required.');
  let namespace = 'AWS/ECS';
  let metric = METRICS[metricType];
  let dims: Alarm['Dimensions'] | undefined;
  if (metricType === 'ALBRequestCountPerTarget') {
    // ResourceLabel: app/<load balancer>/<id>/targetgroup/<target group>/<id>, a target group of this service.
    const label = spec?.ResourceLabel;
    const m = label ? /^app\/[^/]+\/[^/]+\/(targetgroup\/[^/]+\/[^/]+)$/.exec(label) : null;
    const tg = m ? Object.values(sim.world.targetGroups).find((x) => x.TargetGroupArn.endsWith(`:${m[1]}`)) : undefined;
    const svc = serviceFor(sim, id);
    if (!tg || !svc.loadBalancers.some((l) => l.targetGroupArn === tg.TargetGroupArn)) {
      throw validation(`ALBRequestCountPerTarget needs a ResourceLabel app/<load-balancer>/<id>/targetgroup/<target-group>/<id> naming a target group of ${id}.`);
    }
    namespace = 'AWS/ApplicationELB';
    metric = 'RequestCountPerTarget';
    dims = [{ Name: 'TargetGroup', Value: m![1]! }];
  }
  if (!metric) throw validation(`Unsupported PredefinedMetricType ${metricType} for ECS: use ECSServiceAverageCPUUtilization, ECSServiceAverageMemoryUtilization or ALBRequestCountPerTarget.`);
  return { metricType, spec, namespace, metric, ...(dims ? { dims } : {}) };
}

/** A target tracking policy: its configuration, and the two alarms it owns (replacing those of the policy it updates). */
function targetTracking(sim: SimContext, input: Record<string, unknown>, policy: ScalingPolicy, existing: ScalingPolicy | undefined): void {
  const id = policy.ResourceId;
  const name = policy.PolicyName;
  const policyArn = policy.PolicyARN;
  const c = input.TargetTrackingScalingPolicyConfiguration as Record<string, unknown> | undefined;
  if (!c) throw validation('TargetTrackingScalingPolicyConfiguration is required for a TargetTrackingScaling policy.');
  const value = num(c, 'TargetValue', { required: true })!;
  if (!(value > 0)) throw validation('TargetValue must be greater than 0.');
  const { metricType, spec, namespace, metric, dims } = trackedMetric(sim, id, c);
  policy.TargetTrackingScalingPolicyConfiguration = {
    TargetValue: value,
    PredefinedMetricSpecification: { PredefinedMetricType: metricType, ...(spec?.ResourceLabel ? { ResourceLabel: spec.ResourceLabel } : {}) },
    ScaleOutCooldown: num(c, 'ScaleOutCooldown', { integer: true, min: 0 }) ?? 300,
    ScaleInCooldown: num(c, 'ScaleInCooldown', { integer: true, min: 0 }) ?? 300,
    DisableScaleIn: c.DisableScaleIn === true,
  };
  if (existing) deleteAlarmsOf(sim, existing);
  const [, cluster, service] = id.split('/');
  const make = (kind: 'High' | 'Low'): Alarm => {
    const alarmName = `TargetTracking-${id}-Alarm${kind}-${sim.uuid()}`;
    const a: Alarm = {
      AlarmName: alarmName,
      AlarmArn: arn(sim, 'cloudwatch', `alarm:${alarmName}`),
      AlarmDescription: `DO NOT EDIT OR DELETE. For TargetTrackingScaling policy ${policyArn}.`,
      Namespace: namespace,
      MetricName: metric!,
      Dimensions: dims ?? [
        { Name: 'ClusterName', Value: cluster! },
        { Name: 'ServiceName', Value: service! },
      ],
      Statistic: namespace === 'AWS/ApplicationELB' ? 'Sum' : 'Average',
      Period: 60,
      // §6.2: above the target for 3 of 3 minutes; below 90 % of it for 15 of 15.
      EvaluationPeriods: kind === 'High' ? 3 : 15,
      DatapointsToAlarm: kind === 'High' ? 3 : 15,
      Threshold: kind === 'High' ? value : value * 0.9,
      ComparisonOperator: kind === 'High' ? 'GreaterThanThreshold' : 'LessThanThreshold',
      AlarmActions: [policyArn],
      StateValue: 'INSUFFICIENT_DATA',
      StateReason: 'Unchecked: Initial alarm creation',
      StateUpdatedMs: sim.now,
      ownedBy: policyArn,
    };
    sim.world.alarms[alarmName] = a;
    return a;
  };
  const alarms = [make('High'), make('Low')];
  policy.Alarms = alarms.map((a) => ({ AlarmName: a.AlarmName, AlarmARN: a.AlarmArn }));
  sim.emit('ScalingPolicyPut', say('ScalingPolicyPut.targetTracking', { name, metric, target: id, value, alarms: alarms.map(alarmCondition).join('; ') }), { policyArn });
}

/** A step scaling policy: its configuration; the alarms that invoke it are those whose actions name it. */
function stepScaling(sim: SimContext, input: Record<string, unknown>, policy: ScalingPolicy): void {
  const id = policy.ResourceId;
  const name = policy.PolicyName;
  const policyArn = policy.PolicyARN;
  const c = input.StepScalingPolicyConfiguration as Record<string, unknown> | undefined;
  if (!c) throw validation('StepScalingPolicyConfiguration is required for a StepScaling policy.');
  const adj = str(c, 'AdjustmentType')! as 'ChangeInCapacity' | 'PercentChangeInCapacity' | 'ExactCapacity';
  if (!['ChangeInCapacity', 'PercentChangeInCapacity', 'ExactCapacity'].includes(adj)) throw validation(`Unsupported AdjustmentType ${adj}.`);
  const steps = c.StepAdjustments as StepAdjustment[];
  checkSteps(steps);
  const mag = num(c, 'MinAdjustmentMagnitude', { integer: true, min: 1 });
  if (mag !== undefined && adj !== 'PercentChangeInCapacity') throw validation('MinAdjustmentMagnitude is only supported with the PercentChangeInCapacity adjustment type.');
  policy.StepScalingPolicyConfiguration = {
    AdjustmentType: adj,
    StepAdjustments: steps,
    ...(mag !== undefined ? { MinAdjustmentMagnitude: mag } : {}),
    Cooldown: num(c, 'Cooldown', { integer: true, min: 0 }) ?? 300,
    MetricAggregationType: (c.MetricAggregationType as string | undefined) ?? 'Average',
  };
  policy.Alarms = Object.values(sim.world.alarms)
    .filter((a) => a.AlarmActions.includes(policyArn))
    .map((a) => ({ AlarmName: a.AlarmName, AlarmARN: a.AlarmArn }));
  sim.emit('ScalingPolicyPut', say('ScalingPolicyPut.step', { name, target: id, adjustment: adj }), { policyArn });
}

export const AAS_OPERATIONS: Record<string, Operation> = {
  RegisterScalableTarget(sim, input) {
    const id = resource(sim, input);
    const svc = serviceFor(sim, id);
    const min = num(input, 'MinCapacity', { integer: true, min: 0 });
    const max = num(input, 'MaxCapacity', { integer: true, min: 0 });
    let t = sim.world.scalableTargets[id];
    if (!t) {
      if (min === undefined || max === undefined) throw validation('MinCapacity and MaxCapacity are required to register a new scalable target.');
      t = {
        ServiceNamespace: 'ecs',
        ResourceId: id,
        ScalableDimension: DIMENSION,
        MinCapacity: min,
        MaxCapacity: max,
        ScalableTargetARN: arn(sim, 'application-autoscaling', `scalable-target/0e${sim.hex(30)}`),
        CreationMs: sim.now,
        SuspendedState: { DynamicScalingInSuspended: false, DynamicScalingOutSuspended: false, ScheduledScalingSuspended: false },
        scaleOutUntilMs: 0,
        scaleInUntilMs: 0,
        scaleOutBase: svc.desiredCount,
      };
    }
    const nextMin = min ?? t.MinCapacity;
    const nextMax = max ?? t.MaxCapacity;
    if (nextMin > nextMax) throw validation('Minimum capacity cannot be greater than maximum capacity');
    t.MinCapacity = nextMin;
    t.MaxCapacity = nextMax;
    const s = input.SuspendedState as Partial<ScalableTarget['SuspendedState']> | undefined;
    if (s) t.SuspendedState = { ...t.SuspendedState, ...s };
    sim.world.scalableTargets[id] = t;
    sim.emit('ScalableTargetRegistered', say('ScalableTargetRegistered.range', { target: id, min: t.MinCapacity, max: t.MaxCapacity }), { resourceId: id });
    // A desired count outside the new range is brought inside it at once.
    const clamped = Math.max(t.MinCapacity, Math.min(t.MaxCapacity, svc.desiredCount));
    if (clamped !== svc.desiredCount) setDesired(sim, t, svc, clamped, 'scalable target registration set the desired count inside its new range');
    return { ScalableTargetARN: t.ScalableTargetARN };
  },

  DescribeScalableTargets(sim, input) {
    if (str(input, 'ServiceNamespace') !== 'ecs') return { ScalableTargets: [] };
    const ids = input.ResourceIds as string[] | undefined;
    const targets = Object.values(sim.world.scalableTargets).filter((t) => !ids || ids.includes(t.ResourceId));
    return pageOf(
      targets,
      input,
      PAGING.applicationautoscaling,
      'ScalableTargets',
      (t) => t.ResourceId,
      (t) => describeTarget(sim, t),
    );
  },

  DeregisterScalableTarget(sim, input) {
    const id = resource(sim, input);
    targetOf(sim, id);
    for (const p of Object.values(sim.world.scalingPolicies)) {
      if (p.ResourceId !== id) continue;
      deleteAlarmsOf(sim, p);
      delete sim.world.scalingPolicies[p.PolicyARN];
    }
    for (const [k, a] of Object.entries(sim.world.scheduledActions)) if (a.ResourceId === id) delete sim.world.scheduledActions[k];
    delete sim.world.scalableTargets[id];
    return {};
  },

  PutScalingPolicy(sim, input) {
    const name = str(input, 'PolicyName')!;
    const id = resource(sim, input);
    targetOf(sim, id);
    const type = (str(input, 'PolicyType', false) ?? 'StepScaling') as ScalingPolicy['PolicyType'];
    if (type !== 'TargetTrackingScaling' && type !== 'StepScaling') throw validation(`Unsupported policy type ${type}: use TargetTrackingScaling or StepScaling.`);
    const existing = Object.values(sim.world.scalingPolicies).find((p) => p.PolicyName === name && p.ResourceId === id);
    const policyArn = existing?.PolicyARN ?? arn(sim, 'autoscaling', `scalingPolicy:${sim.uuid()}:resource/ecs/${id}:policyName/${name}`);
    const policy: ScalingPolicy = {
      PolicyARN: policyArn,
      PolicyName: name,
      ServiceNamespace: 'ecs',
      ResourceId: id,
      ScalableDimension: DIMENSION,
      PolicyType: type,
      Alarms: [],
      CreationMs: existing?.CreationMs ?? sim.now,
      cooldownUntilMs: 0,
    };
    if (type === 'TargetTrackingScaling') targetTracking(sim, input, policy, existing);
    else stepScaling(sim, input, policy);
    sim.world.scalingPolicies[policyArn] = policy;
    return { PolicyARN: policyArn, Alarms: policy.Alarms };
  },

  DescribeScalingPolicies(sim, input) {
    const names = input.PolicyNames as string[] | undefined;
    const id = input.ResourceId as string | undefined;
    const policies = Object.values(sim.world.scalingPolicies).filter((p) => (!names || names.includes(p.PolicyName)) && (!id || p.ResourceId === id));
    return pageOf(
      policies,
      input,
      { ...PAGING.applicationautoscaling, max: 10 },
      'ScalingPolicies',
      (p) => p.PolicyARN,
      (p) => describePolicy(sim, p),
    );
  },

  DeleteScalingPolicy(sim, input) {
    const name = str(input, 'PolicyName')!;
    const id = resource(sim, input);
    const p = Object.values(sim.world.scalingPolicies).find((x) => x.PolicyName === name && x.ResourceId === id);
    if (!p) throw new ApiError('ObjectNotFoundException', `No scaling policy found for service namespace: ecs, resource ID: ${id}, scalable dimension: ${DIMENSION}, policy name: ${name}`);
    deleteAlarmsOf(sim, p);
    delete sim.world.scalingPolicies[p.PolicyARN];
    return {};
  },

  PutScheduledAction(sim, input) {
    const name = str(input, 'ScheduledActionName')!;
    const id = resource(sim, input);
    targetOf(sim, id);
    const schedule = str(input, 'Schedule')!;
    try {
      const parsed = parseSchedule(schedule);
      if (parsed.kind === 'at' && (parsed.epochSeconds - sim.world.epochSeconds) * 1000 <= sim.now) throw new Error('the time is in the past');
    } catch (e) {
      throw validation(`Invalid schedule expression ${schedule}: ${(e as Error).message}.`);
    }
    const action = (input.ScalableTargetAction as { MinCapacity?: number; MaxCapacity?: number } | undefined) ?? {};
    const min = num(action as Record<string, unknown>, 'MinCapacity', { integer: true, min: 0 });
    const max = num(action as Record<string, unknown>, 'MaxCapacity', { integer: true, min: 0 });
    if (min === undefined && max === undefined) throw validation('ScalableTargetAction needs MinCapacity and/or MaxCapacity.');
    if (min !== undefined && max !== undefined && min > max) throw validation('Minimum capacity cannot be greater than maximum capacity');
    const key = `${id}|${name}`;
    const previous = sim.world.scheduledActions[key];
    const a: ScheduledAction = {
      ScheduledActionName: name,
      ScheduledActionARN: previous?.ScheduledActionARN ?? arn(sim, 'autoscaling', `scheduledAction:${sim.uuid()}:resource/ecs/${id}:scheduledActionName/${name}`),
      ServiceNamespace: 'ecs',
      Schedule: schedule,
      ResourceId: id,
      ScalableDimension: DIMENSION,
      ScalableTargetAction: { ...(min !== undefined ? { MinCapacity: min } : {}), ...(max !== undefined ? { MaxCapacity: max } : {}) },
      CreationMs: sim.now,
      gen: (previous?.gen ?? 0) + 1,
    };
    sim.world.scheduledActions[key] = a;
    scheduleAction(sim, a);
    return {};
  },

  DescribeScheduledActions(sim, input) {
    const id = input.ResourceId as string | undefined;
    const actions = Object.values(sim.world.scheduledActions).filter((a) => !id || a.ResourceId === id);
    return pageOf(
      actions,
      input,
      PAGING.applicationautoscaling,
      'ScheduledActions',
      (a) => a.ScheduledActionARN,
      ({ CreationMs, gen, ...a }) => ({ ...a, CreationTime: sim.ts(CreationMs), ...(gen ? {} : {}) }),
    );
  },

  DeleteScheduledAction(sim, input) {
    const name = str(input, 'ScheduledActionName')!;
    const id = resource(sim, input);
    const key = `${id}|${name}`;
    if (!sim.world.scheduledActions[key]) throw new ApiError('ObjectNotFoundException', `No scheduled action found for service namespace: ecs, resource ID: ${id}, scalable dimension: ${DIMENSION}, scheduled action name: ${name}`);
    delete sim.world.scheduledActions[key];
    return {};
  },

  DescribeScalingActivities(sim, input) {
    const id = input.ResourceId as string | undefined;
    return pageOf(
      sim.world.scalingActivities.filter((a) => !id || a.ResourceId === id),
      input,
      PAGING.applicationautoscaling,
      'ScalingActivities',
      (a) => a.ActivityId,
      ({ StartMs, EndMs, ...a }) => ({ ...a, StartTime: sim.ts(StartMs), EndTime: sim.ts(EndMs) }),
    );
  },
};
