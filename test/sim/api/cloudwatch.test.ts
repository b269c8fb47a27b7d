import { describe, expect, it } from 'vitest';
import { Sim } from '../../../src/sim';
import { ok, refused } from '../../support/simapiWorld';

const alarm = { AlarmName: 'hot', Namespace: 'AWS/ECS', MetricName: 'CPUUtilization', Period: 60, EvaluationPeriods: 3, Threshold: 80, ComparisonOperator: 'GreaterThanThreshold' };

describe('PutMetricAlarm and DescribeAlarms', () => {
  it('create an alarm with INSUFFICIENT_DATA until its first evaluation, Average and all periods to alarm by default', () => {
    const sim = new Sim();
    expect(ok(sim, 'cloudwatch.PutMetricAlarm', alarm)).toEqual({});
    const a = ok(sim, 'cloudwatch.DescribeAlarms', { AlarmNames: ['hot'] }).MetricAlarms[0];
    expect(a).toMatchObject({
      ...alarm,
      AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:hot',
      Statistic: 'Average',
      DatapointsToAlarm: 3,
      Dimensions: [],
      AlarmActions: [],
      StateValue: 'INSUFFICIENT_DATA',
      StateReason: 'Unchecked: Initial alarm creation',
    });
    expect(a.ownedBy).toBeUndefined();
    expect(a.StateUpdatedMs).toBeUndefined();
    expect(typeof a.StateUpdatedTimestamp).toBe('number');
  });

  it.each([
    ['a period other than a minute', { Period: 300 }, 'ValidationError', 'The simulator publishes one datapoint a minute: Period must be 60.'],
    ['more datapoints than periods', { DatapointsToAlarm: 4 }, 'ValidationError', 'DatapointsToAlarm must be between 1 and EvaluationPeriods.'],
    ['an anomaly band operator', { ComparisonOperator: 'LessThanLowerOrGreaterThanUpperThreshold' }, 'ValidationError', 'Unsupported ComparisonOperator LessThanLowerOrGreaterThanUpperThreshold.'],
  ])('refuse %s', (_, extra, code, message) => {
    const sim = new Sim();
    expect(refused(sim, 'cloudwatch.PutMetricAlarm', { ...alarm, ...extra })).toEqual({ code, message });
    expect(ok(sim, 'cloudwatch.DescribeAlarms').MetricAlarms).toEqual([]);
  });

  it('replace an alarm put again under its name', () => {
    const sim = new Sim();
    ok(sim, 'cloudwatch.PutMetricAlarm', alarm);
    ok(sim, 'cloudwatch.PutMetricAlarm', { ...alarm, Threshold: 90 });
    expect((ok(sim, 'cloudwatch.DescribeAlarms').MetricAlarms as { Threshold: number }[]).map((a) => a.Threshold)).toEqual([90]);
  });
});

describe('SetAlarmState', () => {
  it('sets the state and reason until the next evaluation, with one event per change', () => {
    const sim = new Sim();
    ok(sim, 'cloudwatch.PutMetricAlarm', alarm);
    ok(sim, 'cloudwatch.SetAlarmState', { AlarmName: 'hot', StateValue: 'ALARM', StateReason: 'testing' });
    ok(sim, 'cloudwatch.SetAlarmState', { AlarmName: 'hot', StateValue: 'ALARM', StateReason: 'again' });
    expect(ok(sim, 'cloudwatch.DescribeAlarms').MetricAlarms[0]).toMatchObject({ StateValue: 'ALARM', StateReason: 'testing' });
    expect(sim.events.filter((e) => e.type === 'AlarmStateChange')).toHaveLength(1);
  });

  it('refuses an alarm that does not exist', () => {
    expect(refused(new Sim(), 'cloudwatch.SetAlarmState', { AlarmName: 'ghost', StateValue: 'OK', StateReason: 'x' })).toEqual({ code: 'ResourceNotFound', message: 'Alarm ghost does not exist.' });
  });
});

describe('DeleteAlarms', () => {
  it('deletes the alarms named and ignores names it does not know', () => {
    const sim = new Sim();
    ok(sim, 'cloudwatch.PutMetricAlarm', alarm);
    ok(sim, 'cloudwatch.PutMetricAlarm', { ...alarm, AlarmName: 'cold' });
    ok(sim, 'cloudwatch.DeleteAlarms', { AlarmNames: ['hot', 'ghost'] });
    expect((ok(sim, 'cloudwatch.DescribeAlarms').MetricAlarms as { AlarmName: string }[]).map((a) => a.AlarmName)).toEqual(['cold']);
  });
});
