import { describe, expect, it } from 'vitest';
import { Sim } from '../../../src/sim';
import { apiWorld, ok, refused } from '../../support/simapiWorld';

const ID = 'service/demo/web';
const target = { ServiceNamespace: 'ecs', ScalableDimension: 'ecs:service:DesiredCount', ResourceId: ID };
const cpu = (value: number) => ({ TargetValue: value, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' } });

/** Service `web` of cluster `demo` at `desired` tasks, optionally registered as a scalable target of 1 to 4. */
function world(desired = 1, registered = true): Sim {
  const sim = apiWorld(2);
  ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: desired });
  if (registered) ok(sim, 'applicationautoscaling.RegisterScalableTarget', { ...target, MinCapacity: 1, MaxCapacity: 4 });
  return sim;
}
const desiredCount = (sim: Sim) => ok(sim, 'ecs.DescribeServices', { cluster: 'demo', services: ['web'] }).services[0].desiredCount as number;

describe('RegisterScalableTarget', () => {
  it('registers a service with its range, and brings a desired count outside it inside at once', () => {
    const sim = world(3, false);
    const arn = ok(sim, 'applicationautoscaling.RegisterScalableTarget', { ...target, MinCapacity: 1, MaxCapacity: 2 }).ScalableTargetARN;
    expect(arn).toMatch(/^arn:aws:application-autoscaling:us-east-1:123456789012:scalable-target\/0e[0-9a-f]{30}$/);
    expect(desiredCount(sim)).toBe(2);
    const t = ok(sim, 'applicationautoscaling.DescribeScalableTargets', { ServiceNamespace: 'ecs' }).ScalableTargets[0];
    expect(t).toMatchObject({ ResourceId: ID, MinCapacity: 1, MaxCapacity: 2, SuspendedState: { DynamicScalingInSuspended: false, DynamicScalingOutSuspended: false, ScheduledScalingSuspended: false } });
    expect(t.RoleARN).toBe('arn:aws:iam::123456789012:role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService');
  });

  it('updates a registered target with only the members given', () => {
    const sim = world();
    ok(sim, 'applicationautoscaling.RegisterScalableTarget', { ...target, MaxCapacity: 8, SuspendedState: { ScheduledScalingSuspended: true } });
    expect(ok(sim, 'applicationautoscaling.DescribeScalableTargets', { ServiceNamespace: 'ecs', ResourceIds: [ID] }).ScalableTargets[0]).toMatchObject({
      MinCapacity: 1,
      MaxCapacity: 8,
      SuspendedState: { DynamicScalingInSuspended: false, ScheduledScalingSuspended: true },
    });
  });

  it.each([
    ['a minimum above the maximum', { MinCapacity: 5, MaxCapacity: 2 }, 'Minimum capacity cannot be greater than maximum capacity'],
    ['a new target without its range', { MinCapacity: 1 }, 'MinCapacity and MaxCapacity are required to register a new scalable target.'],
    ['a service that does not exist', { ResourceId: 'service/demo/api', MinCapacity: 1, MaxCapacity: 2 }, "ECS service doesn't exist: service/demo/api"],
    ['a resource ID not of a service', { ResourceId: 'demo/web', MinCapacity: 1, MaxCapacity: 2 }, 'Unsupported resource ID demo/web: for ECS it is service/<cluster name>/<service name>.'],
  ])('refuses %s with ValidationException', (_, extra, message) => {
    expect(refused(world(1, false), 'applicationautoscaling.RegisterScalableTarget', { ...target, ...extra })).toEqual({ code: 'ValidationException', message });
  });

  it('lists nothing for another service namespace', () => {
    expect(ok(world(), 'applicationautoscaling.DescribeScalableTargets', { ServiceNamespace: 'dynamodb' })).toEqual({ ScalableTargets: [] });
  });
});

describe('PutScalingPolicy', () => {
  it('makes a target tracking policy with its two alarms: above the target for 3 minutes, below 90 % of it for 15', () => {
    const sim = world();
    const r = ok(sim, 'applicationautoscaling.PutScalingPolicy', { ...target, PolicyName: 'cpu', PolicyType: 'TargetTrackingScaling', TargetTrackingScalingPolicyConfiguration: cpu(50) });
    expect(r.PolicyARN).toMatch(/^arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:[0-9a-f-]{36}:resource\/ecs\/service\/demo\/web:policyName\/cpu$/);
    expect(r.Alarms).toHaveLength(2);
    const alarms = ok(sim, 'cloudwatch.DescribeAlarms', { AlarmNames: r.Alarms.map((a: { AlarmName: string }) => a.AlarmName) }).MetricAlarms as Record<string, unknown>[];
    expect(alarms.map((a) => [a.MetricName, a.ComparisonOperator, a.Threshold, a.EvaluationPeriods])).toEqual([
      ['CPUUtilization', 'GreaterThanThreshold', 50, 3],
      ['CPUUtilization', 'LessThanThreshold', 45, 15],
    ]);
    expect(alarms[0]!.Dimensions).toEqual([
      { Name: 'ClusterName', Value: 'demo' },
      { Name: 'ServiceName', Value: 'web' },
    ]);
    const p = ok(sim, 'applicationautoscaling.DescribeScalingPolicies', { ServiceNamespace: 'ecs', ResourceId: ID }).ScalingPolicies[0];
    expect(p.TargetTrackingScalingPolicyConfiguration).toEqual({ ...cpu(50), ScaleOutCooldown: 300, ScaleInCooldown: 300, DisableScaleIn: false });
  });

  it('replaces its alarms when the policy is put again, and deletes them with the policy', () => {
    const sim = world();
    const put = (v: number) => ok(sim, 'applicationautoscaling.PutScalingPolicy', { ...target, PolicyName: 'cpu', PolicyType: 'TargetTrackingScaling', TargetTrackingScalingPolicyConfiguration: cpu(v) });
    const first = put(50);
    const second = put(70);
    expect(second.PolicyARN).toBe(first.PolicyARN);
    const names = () => (ok(sim, 'cloudwatch.DescribeAlarms').MetricAlarms as { AlarmName: string }[]).map((a) => a.AlarmName);
    expect(names()).toEqual(second.Alarms.map((a: { AlarmName: string }) => a.AlarmName));
    ok(sim, 'applicationautoscaling.DeleteScalingPolicy', { ...target, PolicyName: 'cpu' });
    expect(names()).toEqual([]);
    expect(refused(sim, 'applicationautoscaling.DeleteScalingPolicy', { ...target, PolicyName: 'cpu' })).toEqual({
      code: 'ObjectNotFoundException',
      message: 'No scaling policy found for service namespace: ecs, resource ID: service/demo/web, scalable dimension: ecs:service:DesiredCount, policy name: cpu',
    });
  });

  it('lists as its alarms the CloudWatch alarms whose actions name a step scaling policy', () => {
    const sim = world();
    const step = { AdjustmentType: 'ChangeInCapacity', StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }] };
    const arn = ok(sim, 'applicationautoscaling.PutScalingPolicy', { ...target, PolicyName: 'out', PolicyType: 'StepScaling', StepScalingPolicyConfiguration: step }).PolicyARN;
    ok(sim, 'cloudwatch.PutMetricAlarm', { AlarmName: 'hot', Namespace: 'AWS/ECS', MetricName: 'CPUUtilization', Period: 60, EvaluationPeriods: 1, Threshold: 80, ComparisonOperator: 'GreaterThanThreshold', AlarmActions: [arn] });
    const p = ok(sim, 'applicationautoscaling.DescribeScalingPolicies', { ServiceNamespace: 'ecs', PolicyNames: ['out'] }).ScalingPolicies[0];
    expect(p.Alarms).toEqual([{ AlarmName: 'hot', AlarmARN: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:hot' }]);
    expect(p.StepScalingPolicyConfiguration).toEqual({ ...step, Cooldown: 300, MetricAggregationType: 'Average' });
  });

  it.each([
    [
      'a policy for an unregistered target',
      { ResourceId: 'service/demo/api', PolicyType: 'TargetTrackingScaling', TargetTrackingScalingPolicyConfiguration: cpu(50) },
      'ObjectNotFoundException',
      'No scalable target registered for service namespace: ecs, resource ID: service/demo/api, scalable dimension: ecs:service:DesiredCount',
    ],
    ['a target tracking policy without its configuration', { PolicyType: 'TargetTrackingScaling' }, 'ValidationException', 'TargetTrackingScalingPolicyConfiguration is required for a TargetTrackingScaling policy.'],
    ['a target of 0', { PolicyType: 'TargetTrackingScaling', TargetTrackingScalingPolicyConfiguration: cpu(0) }, 'ValidationException', 'TargetValue must be greater than 0.'],
    [
      'a customized metric',
      { PolicyType: 'TargetTrackingScaling', TargetTrackingScalingPolicyConfiguration: { TargetValue: 5, CustomizedMetricSpecification: { MetricName: 'Queue', Namespace: 'App', Statistic: 'Average' } } },
      'ValidationException',
      'Customized metrics are not simulated: use a PredefinedMetricSpecification.',
    ],
    [
      'ALB requests without a target group of the service',
      { PolicyType: 'TargetTrackingScaling', TargetTrackingScalingPolicyConfiguration: { TargetValue: 5, PredefinedMetricSpecification: { PredefinedMetricType: 'ALBRequestCountPerTarget', ResourceLabel: 'app/lb/1/targetgroup/tg/2' } } },
      'ValidationException',
      'ALBRequestCountPerTarget needs a ResourceLabel app/<load-balancer>/<id>/targetgroup/<target-group>/<id> naming a target group of service/demo/web.',
    ],
    [
      'steps that overlap',
      {
        StepScalingPolicyConfiguration: {
          AdjustmentType: 'ChangeInCapacity',
          StepAdjustments: [
            { MetricIntervalUpperBound: 10, ScalingAdjustment: -1 },
            { MetricIntervalLowerBound: 5, ScalingAdjustment: 1 },
          ],
        },
      },
      'ValidationException',
      'Step adjustments must not overlap or leave gaps between them.',
    ],
    [
      'two open lower bounds',
      { StepScalingPolicyConfiguration: { AdjustmentType: 'ChangeInCapacity', StepAdjustments: [{ ScalingAdjustment: 1 }, { MetricIntervalUpperBound: 5, ScalingAdjustment: 1 }] } },
      'ValidationException',
      'Only one step adjustment can have a null lower bound and only one a null upper bound.',
    ],
    [
      'a minimum magnitude without a percent adjustment',
      { StepScalingPolicyConfiguration: { AdjustmentType: 'ChangeInCapacity', MinAdjustmentMagnitude: 2, StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }] } },
      'ValidationException',
      'MinAdjustmentMagnitude is only supported with the PercentChangeInCapacity adjustment type.',
    ],
  ])('refuses %s', (_, extra, code, message) => {
    expect(refused(world(), 'applicationautoscaling.PutScalingPolicy', { ...target, PolicyName: 'p', ...extra })).toEqual({ code, message });
  });
});

describe('scheduled actions', () => {
  it('are put, described and deleted; one in the past is refused', () => {
    const sim = world();
    ok(sim, 'applicationautoscaling.PutScheduledAction', { ...target, ScheduledActionName: 'night', Schedule: 'cron(0 22 * * ? *)', ScalableTargetAction: { MinCapacity: 2 } });
    const a = ok(sim, 'applicationautoscaling.DescribeScheduledActions', { ServiceNamespace: 'ecs', ResourceId: ID }).ScheduledActions[0];
    expect(a).toMatchObject({ ScheduledActionName: 'night', Schedule: 'cron(0 22 * * ? *)', ResourceId: ID, ScalableTargetAction: { MinCapacity: 2 } });
    expect(refused(sim, 'applicationautoscaling.PutScheduledAction', { ...target, ScheduledActionName: 'old', Schedule: 'at(2020-01-01T00:00:00)', ScalableTargetAction: { MinCapacity: 2 } })).toEqual({
      code: 'ValidationException',
      message: 'Invalid schedule expression at(2020-01-01T00:00:00): the time is in the past.',
    });
    expect(refused(sim, 'applicationautoscaling.PutScheduledAction', { ...target, ScheduledActionName: 'x', Schedule: 'rate(1 day)', ScalableTargetAction: {} }).message).toBe('ScalableTargetAction needs MinCapacity and/or MaxCapacity.');
    ok(sim, 'applicationautoscaling.DeleteScheduledAction', { ...target, ScheduledActionName: 'night' });
    expect(ok(sim, 'applicationautoscaling.DescribeScheduledActions', { ServiceNamespace: 'ecs' }).ScheduledActions).toEqual([]);
    expect(refused(sim, 'applicationautoscaling.DeleteScheduledAction', { ...target, ScheduledActionName: 'night' }).code).toBe('ObjectNotFoundException');
  });
});

describe('DeregisterScalableTarget', () => {
  it('removes the target with its policies, their alarms and its scheduled actions', () => {
    const sim = world();
    ok(sim, 'applicationautoscaling.PutScalingPolicy', { ...target, PolicyName: 'cpu', PolicyType: 'TargetTrackingScaling', TargetTrackingScalingPolicyConfiguration: cpu(50) });
    ok(sim, 'applicationautoscaling.PutScheduledAction', { ...target, ScheduledActionName: 'night', Schedule: 'rate(1 day)', ScalableTargetAction: { MaxCapacity: 2 } });
    ok(sim, 'applicationautoscaling.DeregisterScalableTarget', target);
    expect(ok(sim, 'applicationautoscaling.DescribeScalableTargets', { ServiceNamespace: 'ecs' }).ScalableTargets).toEqual([]);
    expect(ok(sim, 'applicationautoscaling.DescribeScalingPolicies', { ServiceNamespace: 'ecs' }).ScalingPolicies).toEqual([]);
    expect(ok(sim, 'applicationautoscaling.DescribeScheduledActions', { ServiceNamespace: 'ecs' }).ScheduledActions).toEqual([]);
    expect(ok(sim, 'cloudwatch.DescribeAlarms').MetricAlarms).toEqual([]);
    expect(refused(sim, 'applicationautoscaling.DeregisterScalableTarget', target)).toEqual({
      code: 'ObjectNotFoundException',
      message: 'No scalable target registered for service namespace: ecs, resource ID: service/demo/web, scalable dimension: ecs:service:DesiredCount',
    });
  });
});

describe('DescribeScalingActivities', () => {
  it('records the desired count a registration brought inside the range', () => {
    const sim = world(3, false);
    ok(sim, 'applicationautoscaling.RegisterScalableTarget', { ...target, MinCapacity: 1, MaxCapacity: 2 });
    const acts = ok(sim, 'applicationautoscaling.DescribeScalingActivities', { ServiceNamespace: 'ecs', ResourceId: ID }).ScalingActivities as { ResourceId: string; StatusCode: string }[];
    expect(acts).toHaveLength(1);
    expect(acts[0]).toMatchObject({ ResourceId: ID, StatusCode: 'Successful' });
  });
});
