import { describe, expect, it } from 'vitest';
import type { Sim } from '../../../src/sim';
import { alarmCondition } from '../../../src/sim/controllers/autoscaling';
import type { Alarm } from '../../../src/sim/model/types';
import { ec2World, FARGATE_NETWORK, fargateTaskDef, ok } from '../../support/controllerWorld';

type Ev = Record<string, any>;
const TARGET = { ServiceNamespace: 'ecs', ScalableDimension: 'ecs:service:DesiredCount', ResourceId: 'service/demo/web' };

/** A Fargate service `web` of two tasks (256 CPU units each) with a scalable target of 1 to `max`. */
function scalable(max = 10): Sim {
  const sim = ec2World(0);
  fargateTaskDef(sim, 'web');
  ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 2, launchType: 'FARGATE', networkConfiguration: FARGATE_NETWORK });
  ok(sim, 'applicationautoscaling.RegisterScalableTarget', { ...TARGET, MinCapacity: 1, MaxCapacity: max });
  return sim;
}
function cpuTracking(sim: Sim, extra: Record<string, unknown> = {}): void {
  ok(sim, 'applicationautoscaling.PutScalingPolicy', {
    ...TARGET,
    PolicyName: 'cpu',
    PolicyType: 'TargetTrackingScaling',
    TargetTrackingScalingPolicyConfiguration: { TargetValue: 50, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' }, ...extra },
  });
}
const activity = (sim: Sim) => (sim.events as readonly Ev[]).filter((e) => e.type === 'ScalingActivity').map((e) => [e.t, e.from, e.to]);
const svcOf = (sim: Sim) => Object.values(sim.world.services)[0]!;

describe('alarms', () => {
  it('state their condition as the CloudWatch console does', () => {
    expect(alarmCondition({ MetricName: 'CPUUtilization', ComparisonOperator: 'GreaterThanOrEqualToThreshold', Threshold: 60, DatapointsToAlarm: 2, EvaluationPeriods: 3, Period: 60 } as Alarm)).toBe(
      'CPUUtilization >= 60 for 2 datapoints within 3 minutes',
    );
  });

  it('go from INSUFFICIENT_DATA to OK with the first datapoint, and to ALARM when DatapointsToAlarm of the window breach', () => {
    const sim = scalable();
    ok(sim, 'cloudwatch.PutMetricAlarm', {
      AlarmName: 'hot',
      Namespace: 'AWS/ECS',
      MetricName: 'CPUUtilization',
      Dimensions: [
        { Name: 'ClusterName', Value: 'demo' },
        { Name: 'ServiceName', Value: 'web' },
      ],
      Statistic: 'Average',
      Period: 60,
      EvaluationPeriods: 3,
      DatapointsToAlarm: 2,
      Threshold: 50,
      ComparisonOperator: 'GreaterThanThreshold',
    });
    sim.runUntil(300_000);
    expect(sim.world.alarms.hot!.StateValue).toBe('OK');
    ok(sim, 'sim.SetLoad', { cluster: 'demo', service: 'web', cpuUnits: 230 });
    sim.runUntil(600_000);
    const changes = (sim.events as readonly Ev[]).filter((e) => e.type === 'AlarmStateChange' && e.alarmName === 'hot').map((e) => [e.t, e.state]);
    // Minutes from 300 s are at 90 %: the second of them is evaluated at 420 s.
    expect(changes).toEqual([
      [120_000, 'OK'],
      [420_000, 'ALARM'],
    ]);
    expect(sim.world.alarms.hot!.StateReason).toBe('Threshold Crossed: 2 out of the last 3 datapoints were > the threshold (50).');
  });
});

describe('target tracking', () => {
  it('scales out to ⌈desired × metric / target⌉ once the high alarm fires, counting the added capacity during the cooldown', () => {
    const sim = scalable();
    cpuTracking(sim);
    sim.runUntil(300_000);
    ok(sim, 'sim.SetLoad', { cluster: 'demo', service: 'web', cpuUnits: 230 }); // 89.84 % of 256
    sim.runUntil(900_000);
    // Three minutes over 50 % put the high alarm in ALARM at 480 s: ⌈2 × 89.84 / 50⌉ = 4. The 300 s cooldown
    // counts the two added tasks (⌈2 × 89.84 / 50⌉ is no more than 4), then ⌈4 × 89.84 / 50⌉ = 8.
    expect(activity(sim)).toEqual([
      [480_000, 2, 4],
      [780_000, 4, 8],
    ]);
    expect(svcOf(sim).desiredCount).toBe(8);
    expect(sim.world.scalingActivities[0]).toMatchObject({
      ResourceId: 'service/demo/web',
      Description: 'Setting desired count to 8.',
      StatusCode: 'Successful',
      StatusMessage: 'Successfully set desired count to 8. Change successfully fulfilled by ecs.',
    });
  });

  it('never goes above MaxCapacity', () => {
    const sim = scalable(3);
    cpuTracking(sim);
    sim.runUntil(300_000);
    ok(sim, 'sim.SetLoad', { cluster: 'demo', service: 'web', cpuUnits: 230 });
    sim.runUntil(1_200_000);
    expect(activity(sim)).toEqual([[480_000, 2, 3]]);
  });

  it('scales in after 15 minutes under 90 % of the target, not below MinCapacity, and not at all with DisableScaleIn', () => {
    for (const disable of [false, true]) {
      const sim = scalable();
      cpuTracking(sim, { DisableScaleIn: disable });
      sim.runUntil(1_500_000);
      // 10 CPU units of 256 (3.9 %): the low alarm (< 45 for 15 of 15 minutes) fires at 960 s, the first minute with 15 datapoints.
      expect(activity(sim)).toEqual(disable ? [] : [[960_000, 2, 1]]);
    }
  });

  it('does not scale in while a deployment is in progress', () => {
    const sim = scalable();
    cpuTracking(sim);
    fargateTaskDef(sim, 'web', 'web:2');
    sim.runUntil(900_000);
    // A deployment that cannot finish: its image never pulls.
    ok(sim, 'sim.SetImage', { image: 'web:bad', exists: false });
    fargateTaskDef(sim, 'web', 'web:bad');
    ok(sim, 'ecs.UpdateService', { cluster: 'demo', service: 'web', taskDefinition: 'web:3' });
    sim.runUntil(1_500_000);
    expect(activity(sim)).toEqual([]);
    expect(svcOf(sim).desiredCount).toBe(2);
  });
});

describe('step scaling', () => {
  it('adds the step’s adjustment for the breach, then waits its cooldown', () => {
    const sim = scalable();
    const policy = ok(sim, 'applicationautoscaling.PutScalingPolicy', {
      ...TARGET,
      PolicyName: 'steps',
      PolicyType: 'StepScaling',
      StepScalingPolicyConfiguration: {
        AdjustmentType: 'ChangeInCapacity',
        Cooldown: 240,
        StepAdjustments: [
          { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 20, ScalingAdjustment: 1 },
          { MetricIntervalLowerBound: 20, ScalingAdjustment: 3 },
        ],
      },
    }).PolicyARN as string;
    ok(sim, 'cloudwatch.PutMetricAlarm', {
      AlarmName: 'hot',
      Namespace: 'AWS/ECS',
      MetricName: 'CPUUtilization',
      Dimensions: [
        { Name: 'ClusterName', Value: 'demo' },
        { Name: 'ServiceName', Value: 'web' },
      ],
      Statistic: 'Average',
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 60,
      ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: [policy],
    });
    sim.runUntil(300_000);
    ok(sim, 'sim.SetLoad', { cluster: 'demo', service: 'web', cpuUnits: 180 }); // 70 %: breach 10, the first step
    sim.runUntil(700_000);
    expect(activity(sim)).toEqual([
      [360_000, 2, 3],
      [600_000, 3, 4],
    ]);
  });

  it('PercentChangeInCapacity rounds toward zero and is at least MinAdjustmentMagnitude', () => {
    const sim = scalable();
    const policy = ok(sim, 'applicationautoscaling.PutScalingPolicy', {
      ...TARGET,
      PolicyName: 'pct',
      PolicyType: 'StepScaling',
      StepScalingPolicyConfiguration: { AdjustmentType: 'PercentChangeInCapacity', MinAdjustmentMagnitude: 2, Cooldown: 3600, StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 10 }] },
    }).PolicyARN as string;
    ok(sim, 'cloudwatch.PutMetricAlarm', {
      AlarmName: 'hot',
      Namespace: 'AWS/ECS',
      MetricName: 'CPUUtilization',
      Dimensions: [
        { Name: 'ClusterName', Value: 'demo' },
        { Name: 'ServiceName', Value: 'web' },
      ],
      Statistic: 'Average',
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 60,
      ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: [policy],
    });
    sim.runUntil(300_000);
    ok(sim, 'sim.SetLoad', { cluster: 'demo', service: 'web', cpuUnits: 200 });
    sim.runUntil(700_000);
    // 10 % of 2 is 0.2, truncated to 0, so one task — raised to the minimum magnitude of 2.
    expect(activity(sim)).toEqual([[360_000, 2, 4]]);
  });
});

describe('scheduled actions', () => {
  it('set the capacity bounds at their time, and move the desired count into them', () => {
    const sim = scalable();
    ok(sim, 'applicationautoscaling.PutScheduledAction', { ...TARGET, ScheduledActionName: 'morning', Schedule: 'at(2025-01-01T00:05:00)', ScalableTargetAction: { MinCapacity: 5 } });
    sim.runUntil(299_999);
    expect(svcOf(sim).desiredCount).toBe(2);
    sim.runUntil(300_000);
    expect(svcOf(sim).desiredCount).toBe(5);
    expect(sim.world.scalableTargets['service/demo/web']!.MinCapacity).toBe(5);
    expect(sim.world.scalingActivities[0]).toMatchObject({ Description: 'Setting min capacity to 5 and desired count to 5.', Cause: 'scheduled action name morning was triggered' });
  });

  it('a lower MaxCapacity scales the service in to it; bounds that already hold the desired count change only the bounds', () => {
    const sim = scalable();
    ok(sim, 'applicationautoscaling.PutScheduledAction', { ...TARGET, ScheduledActionName: 'night', Schedule: 'at(2025-01-01T00:02:00)', ScalableTargetAction: { MaxCapacity: 1 } });
    ok(sim, 'applicationautoscaling.PutScheduledAction', { ...TARGET, ScheduledActionName: 'wide', Schedule: 'at(2025-01-01T00:04:00)', ScalableTargetAction: { MinCapacity: 1, MaxCapacity: 8 } });
    sim.runUntil(300_000);
    // The second action changes no desired count: its activity has no from and to.
    expect(activity(sim)).toEqual([
      [120_000, 2, 1],
      [240_000, undefined, undefined],
    ]);
    expect(sim.world.scalableTargets['service/demo/web']).toMatchObject({ MinCapacity: 1, MaxCapacity: 8 });
    expect(svcOf(sim).desiredCount).toBe(1);
    const said = (sim.events as readonly Ev[]).filter((e) => e.type === 'ScalingActivity' && e.t === 240_000);
    expect(said.map((e) => e.cause)).toEqual(['scheduled action name wide was triggered']);
  });
});
