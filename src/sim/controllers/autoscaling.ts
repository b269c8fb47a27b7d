import type { SimContext } from '../model/context';
import type { Alarm, ScalableTarget, ScalingPolicy, ScheduledAction, Service } from '../model/types';
import { MINUTE } from '../core/time';
import { nextFiring, parseSchedule } from '../core/schedule';
import { seriesKey } from '../queries/metrics';
import { say } from '../model/narration';

/**
 * CloudWatch alarms and Application Auto Scaling for ECS services (ecs-spec §6). Alarms are
 * evaluated every minute after the metrics are published; Auto Scaling actions run every minute
 * while their alarm is in ALARM. Target tracking scales out if any policy wants to and in only if
 * all do (§6.2); the capacity formula is [SIM]: out to ⌈base × metric / target⌉, in to
 * ⌈desired × metric / target⌉ (the most that keeps the metric at or below the target).
 */

const EPS = 1e-9;
const COMPARE: Record<Alarm['ComparisonOperator'], (v: number, t: number) => boolean> = {
  GreaterThanThreshold: (v, t) => v > t,
  GreaterThanOrEqualToThreshold: (v, t) => v >= t,
  LessThanThreshold: (v, t) => v < t,
  LessThanOrEqualToThreshold: (v, t) => v <= t,
};
const SYMBOL: Record<Alarm['ComparisonOperator'], string> = {
  GreaterThanThreshold: '>',
  GreaterThanOrEqualToThreshold: '>=',
  LessThanThreshold: '<',
  LessThanOrEqualToThreshold: '<=',
};

/** "CPUUtilization > 60 for 3 datapoints within 3 minutes", as the CloudWatch console states an alarm. */
export function alarmCondition(a: Alarm): string {
  return `${a.MetricName} ${SYMBOL[a.ComparisonOperator]} ${a.Threshold} for ${a.DatapointsToAlarm} datapoints within ${(a.EvaluationPeriods * a.Period) / 60} minutes`;
}

// The key of an alarm's series, built once per alarm record: its namespace, metric and dimensions never change.
const alarmKeys = new WeakMap<Alarm, string>();

function alarmKey(a: Alarm): string {
  let key = alarmKeys.get(a);
  if (key === undefined) {
    key = seriesKey(
      a.Namespace,
      a.MetricName,
      a.Dimensions.map((d) => ({ name: d.Name, value: d.Value })),
    );
    alarmKeys.set(a, key);
  }
  return key;
}

/** The alarm's datapoints for its last EvaluationPeriods periods, newest first (missing ones left out). */
function window(sim: SimContext, a: Alarm): number[] {
  const series = sim.world.metrics[alarmKey(a)];
  if (!series) return [];
  const newest = sim.now - MINUTE;
  const oldest = newest - (a.EvaluationPeriods - 1) * a.Period * 1000;
  const out: number[] = [];
  for (let i = series.points.length - 2; i >= 0; i -= 2) {
    const t = series.points[i]!;
    if (t < oldest) break;
    if (t <= newest) out.push(series.points[i + 1]!);
  }
  return out;
}

export function latestValue(sim: SimContext, a: Alarm): number | undefined {
  return window(sim, a)[0];
}

/** Listener of `minuteTicked`, after the metrics: alarms change state, then the scaling policies act. */
export function evaluateAlarms(sim: SimContext): void {
  const w = sim.world;
  for (const id in w.alarms) {
    const a = w.alarms[id]!;
    // The window's datapoints (as `window` lists them), counted in place rather than copied out.
    const series = w.metrics[alarmKey(a)];
    const compare = COMPARE[a.ComparisonOperator];
    let count = 0;
    let breaching = 0;
    if (series) {
      const points = series.points;
      const newest = sim.now - MINUTE;
      const oldest = newest - (a.EvaluationPeriods - 1) * a.Period * 1000;
      for (let i = points.length - 2; i >= 0; i -= 2) {
        const t = points[i]!;
        if (t < oldest) break;
        if (t > newest) continue;
        count++;
        if (compare(points[i + 1]!, a.Threshold)) breaching++;
      }
    }
    const state: Alarm['StateValue'] = count === 0 ? 'INSUFFICIENT_DATA' : breaching >= a.DatapointsToAlarm ? 'ALARM' : 'OK';
    if (state !== a.StateValue) {
      a.StateValue = state;
      a.StateUpdatedMs = sim.now;
      a.StateReason =
        state === 'INSUFFICIENT_DATA'
          ? 'Insufficient Data: no datapoints were received for the evaluation periods.'
          : `Threshold Crossed: ${breaching} out of the last ${count} datapoints ${state === 'ALARM' ? 'were' : 'were not all'} ${SYMBOL[a.ComparisonOperator]} the threshold (${a.Threshold}).`;
      sim.emit('AlarmStateChange', state === 'ALARM' ? say('AlarmStateChange.alarm', { name: a.AlarmName, condition: alarmCondition(a) }) : say('AlarmStateChange.state', { name: a.AlarmName, state }), { alarmName: a.AlarmName, state });
    }
  }
  runPolicies(sim);
}

// The service ARN a resource id names, per world and its account and region (they make the ARN), built once per id.
const serviceArns = new WeakMap<object, { region: string; account: string; arns: Map<string, string> }>();

function serviceOf(sim: SimContext, resourceId: string): Service | undefined {
  const w = sim.world;
  let memo = serviceArns.get(w);
  if (!memo || memo.region !== w.region || memo.account !== w.account) {
    memo = { region: w.region, account: w.account, arns: new Map() };
    serviceArns.set(w, memo);
  }
  const arns = memo.arns;
  let arn = arns.get(resourceId);
  if (arn === undefined) {
    const [, cluster, name] = resourceId.split('/');
    arn = sim.arn(`service/${cluster}/${name}`);
    arns.set(resourceId, arn);
  }
  const s = sim.world.services[arn];
  return s && s.status === 'ACTIVE' ? s : undefined;
}

function deploying(svc: Service): boolean {
  return svc.deployments.length > 1 || svc.deployments[0]?.rolloutState === 'IN_PROGRESS';
}

/** Sets the service's desired count and records the scaling activity. */
export function setDesired(sim: SimContext, target: ScalableTarget, svc: Service, n: number, cause: string, description?: string): void {
  const from = svc.desiredCount;
  svc.desiredCount = n;
  svc.deployments[0]!.desiredCount = n;
  svc.steady = false;
  const activity = {
    ActivityId: sim.uuid(),
    ServiceNamespace: 'ecs' as const,
    ResourceId: target.ResourceId,
    ScalableDimension: 'ecs:service:DesiredCount' as const,
    Description: description ?? `Setting desired count to ${n}.`,
    Cause: cause,
    StartMs: sim.now,
    EndMs: sim.now,
    StatusCode: 'Successful' as const,
    StatusMessage: `Successfully set desired count to ${n}. Change successfully fulfilled by ecs.`,
  };
  sim.world.scalingActivities.unshift(activity);
  if (sim.world.scalingActivities.length > 500) sim.world.scalingActivities.length = 500;
  sim.emit('ScalingActivity', say('ScalingActivity.desired', { target: target.ResourceId, from, to: n, cause }), { resourceId: target.ResourceId, from, to: n, cause });
  sim.notices.emit('desiredCountChanged', svc);
}

const clamp = (n: number, t: ScalableTarget) => Math.max(t.MinCapacity, Math.min(t.MaxCapacity, n));

function runPolicies(sim: SimContext): void {
  const w = sim.world;
  const byResource = new Map<string, ScalingPolicy[]>();
  for (const p of Object.values(w.scalingPolicies)) {
    const list = byResource.get(p.ResourceId) ?? [];
    list.push(p);
    byResource.set(p.ResourceId, list);
  }
  for (const target of Object.values(w.scalableTargets)) {
    const policies = byResource.get(target.ResourceId);
    if (!policies) continue;
    const svc = serviceOf(sim, target.ResourceId);
    if (!svc) continue;
    if (targetTracking(sim, target, svc, policies)) continue;
    stepScaling(sim, target, svc, policies);
  }
}

/**
 * Target tracking: every policy says out(n), in(n) or nothing; the service scales out if any wants
 * to, in only if all that may scale in want to. True when it changed the desired count.
 */
function targetTracking(sim: SimContext, target: ScalableTarget, svc: Service, policies: ScalingPolicy[]): boolean {
  const w = sim.world;
  const cur = svc.desiredCount;
  let out: { n: number; p: ScalingPolicy; alarm: Alarm } | undefined;
  const ins: { n: number; p: ScalingPolicy; alarm: Alarm }[] = [];
  let tracking = 0;
  let trackingIn = 0;
  for (const p of policies) {
    const c = p.TargetTrackingScalingPolicyConfiguration;
    if (p.PolicyType !== 'TargetTrackingScaling' || !c) continue;
    tracking++;
    if (!c.DisableScaleIn) trackingIn++;
    const [high, low] = p.Alarms.map((a) => w.alarms[a.AlarmName]!);
    if (high?.StateValue === 'ALARM' && !target.SuspendedState.DynamicScalingOutSuspended) {
      const m = latestValue(sim, high)!;
      // During the scale-out cooldown the capacity it added counts toward the next calculation.
      const base = sim.now < target.scaleOutUntilMs ? target.scaleOutBase : cur;
      const n = clamp(Math.ceil((base * m) / c.TargetValue - EPS), target);
      if (n > cur && (!out || n > out.n)) out = { n, p, alarm: high };
    } else if (low?.StateValue === 'ALARM' && !c.DisableScaleIn) {
      const m = latestValue(sim, low)!;
      const n = clamp(Math.max(1, Math.ceil((cur * m) / c.TargetValue - EPS)), target);
      if (n < cur) ins.push({ n, p, alarm: low });
    }
  }
  if (out) {
    if (sim.now >= target.scaleOutUntilMs) target.scaleOutBase = cur;
    target.scaleOutUntilMs = sim.now + out.p.TargetTrackingScalingPolicyConfiguration!.ScaleOutCooldown * 1000;
    target.scaleInUntilMs = 0; // a scale-out cancels the scale-in cooldown
    setDesired(sim, target, svc, out.n, `monitor alarm ${out.alarm.AlarmName} in state ALARM triggered policy ${out.p.PolicyName}`);
    return true;
  }
  if (tracking > 0 && ins.length === trackingIn && ins.length > 0 && !target.SuspendedState.DynamicScalingInSuspended && sim.now >= target.scaleInUntilMs && !deploying(svc)) {
    // Scale in only when every policy that may scale in wants to, and then by the least any of them asks.
    const pick = ins.reduce((a, b) => (b.n > a.n ? b : a));
    target.scaleInUntilMs = sim.now + pick.p.TargetTrackingScalingPolicyConfiguration!.ScaleInCooldown * 1000;
    setDesired(sim, target, svc, pick.n, `monitor alarm ${pick.alarm.AlarmName} in state ALARM triggered policy ${pick.p.PolicyName}`);
    return true;
  }
  return false;
}

/** Step scaling: each policy acts on its own alarms. */
function stepScaling(sim: SimContext, target: ScalableTarget, svc: Service, policies: ScalingPolicy[]): void {
  const w = sim.world;
  for (const p of policies) {
    const c = p.StepScalingPolicyConfiguration;
    if (p.PolicyType !== 'StepScaling' || !c || sim.now < p.cooldownUntilMs) continue;
    const alarm = Object.values(w.alarms).find((a) => a.StateValue === 'ALARM' && a.AlarmActions.includes(p.PolicyARN));
    if (!alarm) continue;
    const m = latestValue(sim, alarm)!;
    const breach = m - alarm.Threshold;
    const step = c.StepAdjustments.find((s) => {
      const lo = s.MetricIntervalLowerBound ?? -Infinity;
      const hi = s.MetricIntervalUpperBound ?? Infinity;
      return breach >= 0 ? lo <= breach && breach < hi : lo < breach && breach <= hi;
    });
    if (!step) continue;
    const now = svc.desiredCount;
    let n: number;
    if (c.AdjustmentType === 'ExactCapacity') n = step.ScalingAdjustment;
    else if (c.AdjustmentType === 'ChangeInCapacity') n = now + step.ScalingAdjustment;
    else {
      // Percent changes round toward zero; MinAdjustmentMagnitude sets a floor on their size (§6.3).
      let delta = Math.trunc((now * step.ScalingAdjustment) / 100);
      if (delta === 0 && step.ScalingAdjustment !== 0) delta = Math.sign(step.ScalingAdjustment);
      if (c.MinAdjustmentMagnitude && Math.abs(delta) < c.MinAdjustmentMagnitude) delta = Math.sign(step.ScalingAdjustment) * c.MinAdjustmentMagnitude;
      n = now + delta;
    }
    n = clamp(n, target);
    if (n === now) continue;
    if (n < now && (deploying(svc) || target.SuspendedState.DynamicScalingInSuspended)) continue;
    if (n > now && target.SuspendedState.DynamicScalingOutSuspended) continue;
    p.cooldownUntilMs = sim.now + c.Cooldown * 1000;
    setDesired(sim, target, svc, n, `monitor alarm ${alarm.AlarmName} in state ALARM triggered policy ${p.PolicyName}`);
  }
}

/** Schedules the next firing of a scheduled action, if it has one. */
export function scheduleAction(sim: SimContext, a: ScheduledAction): void {
  const t = nextFiring(parseSchedule(a.Schedule), sim.now, a.CreationMs, sim.world.epochSeconds);
  if (t !== undefined) sim.engine.at(t, { k: 'aas.scheduled', name: a.ScheduledActionName, resource: a.ResourceId, gen: a.gen });
}

export function registerAutoscalingHandlers(sim: SimContext): void {
  sim.engine.on('aas.scheduled', (ev) => {
    const a = sim.world.scheduledActions[`${ev.resource}|${ev.name}`];
    if (!a || a.gen !== ev.gen) return;
    const target = sim.world.scalableTargets[a.ResourceId];
    const svc = target ? serviceOf(sim, a.ResourceId) : undefined;
    if (target && svc && !target.SuspendedState.ScheduledScalingSuspended) {
      const { MinCapacity, MaxCapacity } = a.ScalableTargetAction;
      if (MinCapacity !== undefined) target.MinCapacity = MinCapacity;
      if (MaxCapacity !== undefined) target.MaxCapacity = MaxCapacity;
      const parts = [MinCapacity !== undefined ? `min capacity to ${MinCapacity}` : '', MaxCapacity !== undefined ? `max capacity to ${MaxCapacity}` : ''].filter(Boolean);
      const n = clamp(svc.desiredCount, target);
      const cause = `scheduled action name ${a.ScheduledActionName} was triggered`;
      if (n !== svc.desiredCount) setDesired(sim, target, svc, n, cause, `Setting ${parts.join(' and ')} and desired count to ${n}.`);
      else
        sim.emit(
          'ScalingActivity',
          MinCapacity === undefined
            ? say('ScalingActivity.max', { target: a.ResourceId, max: MaxCapacity!, cause })
            : MaxCapacity === undefined
              ? say('ScalingActivity.min', { target: a.ResourceId, min: MinCapacity, cause })
              : say('ScalingActivity.minMax', { target: a.ResourceId, min: MinCapacity, max: MaxCapacity, cause }),
          { resourceId: a.ResourceId, cause },
        );
    }
    scheduleAction(sim, a);
  });
}
