import { describe, expect, it } from 'vitest';
import { Sim } from '../../../src/sim';
import { apiWorld, ok, refused } from '../../support/simapiWorld';

const CLUSTER = 'arn:aws:ecs:us-east-1:123456789012:cluster/demo';
const target = (Id: string, extra: Record<string, unknown> = {}) => ({
  Id,
  Arn: CLUSTER,
  RoleArn: 'arn:aws:iam::123456789012:role/ecsEventsRole',
  EcsParameters: { TaskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/job:1', TaskCount: 1, ...extra },
});

/** Cluster `demo` with an instance and task definition `job` (64 MiB). */
function world(): Sim {
  const sim = apiWorld(1);
  ok(sim, 'ecs.RegisterTaskDefinition', { family: 'job', containerDefinitions: [{ name: 'job', image: 'busybox', memory: 64 }] });
  return sim;
}

describe('scheduled rules', () => {
  it('run RunTask for each target at every firing, started by events-rule/<name>', () => {
    const sim = world();
    expect(ok(sim, 'events.PutRule', { Name: 'every5', ScheduleExpression: 'rate(5 minutes)' })).toEqual({ RuleArn: 'arn:aws:events:us-east-1:123456789012:rule/every5' });
    expect(ok(sim, 'events.PutTargets', { Rule: 'every5', Targets: [target('1', { TaskCount: 2 })] })).toEqual({ FailedEntryCount: 0, FailedEntries: [] });
    sim.runUntil(sim.now + 11 * 60_000);
    const started = ok(sim, 'ecs.ListTasks', { cluster: 'demo', startedBy: 'events-rule/every5' }).taskArns as string[];
    expect(started).toHaveLength(4);
    expect(sim.events.filter((e) => e.type === 'ScheduledTaskRun')).toHaveLength(2);
  });

  it('record a firing that RunTask refuses, without stopping the schedule', () => {
    const sim = world();
    ok(sim, 'events.PutRule', { Name: 'bad', ScheduleExpression: 'rate(1 minute)' });
    ok(sim, 'events.PutTargets', { Rule: 'bad', Targets: [target('1', { TaskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/ghost:1' })] });
    sim.runUntil(sim.now + 3 * 60_000 + 1);
    const failed = sim.events.filter((e) => e.type === 'ScheduledTaskFailed');
    expect(failed).toHaveLength(3);
    expect(failed[0]!.error).toEqual({ code: 'InvalidParameterException', message: 'TaskDefinition not found.' });
  });

  it('do not fire while DISABLED', () => {
    const sim = world();
    ok(sim, 'events.PutRule', { Name: 'off', ScheduleExpression: 'rate(1 minute)', State: 'DISABLED' });
    ok(sim, 'events.PutTargets', { Rule: 'off', Targets: [target('1')] });
    sim.runUntil(sim.now + 5 * 60_000);
    expect(ok(sim, 'ecs.ListTasks', { cluster: 'demo', startedBy: 'events-rule/off' }).taskArns).toEqual([]);
    expect(ok(sim, 'events.DescribeRule', { Name: 'off' })).toEqual({ Name: 'off', Arn: 'arn:aws:events:us-east-1:123456789012:rule/off', ScheduleExpression: 'rate(1 minute)', State: 'DISABLED', EventBusName: 'default' });
  });

  it('replace a target put again under its Id', () => {
    const sim = world();
    ok(sim, 'events.PutRule', { Name: 'r', ScheduleExpression: 'cron(0 12 * * ? *)' });
    ok(sim, 'events.PutTargets', { Rule: 'r', Targets: [target('1'), target('2')] });
    ok(sim, 'events.PutTargets', { Rule: 'r', Targets: [target('1', { TaskCount: 3 })] });
    const targets = ok(sim, 'events.ListTargetsByRule', { Rule: 'r' }).Targets as { Id: string; EcsParameters: { TaskCount: number } }[];
    expect(targets.map((t) => [t.Id, t.EcsParameters.TaskCount])).toEqual([
      ['2', 1],
      ['1', 3],
    ]);
  });

  it.each([
    [
      'a name with a slash (the pattern of the model)',
      { Name: 'a/b', ScheduleExpression: 'rate(1 day)' },
      "1 validation error detected: Value 'a/b' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+",
    ],
    ['a rule without a schedule', { Name: 'r' }, 'The simulator runs scheduled rules: ScheduleExpression is required.'],
    ['an at() expression', { Name: 'r', ScheduleExpression: 'at(2030-01-01T00:00:00)' }, 'Parameter ScheduleExpression is not valid: EventBridge rules take rate() or cron() expressions.'],
  ])('refuse %s', (_, input, message) => {
    expect(refused(new Sim(), 'events.PutRule', input)).toEqual({ code: 'ValidationException', message });
  });

  it('refuse targets of a rule that does not exist, targets without EcsParameters, and deleting a rule that has targets', () => {
    const sim = world();
    expect(refused(sim, 'events.PutTargets', { Rule: 'ghost', Targets: [target('1')] })).toEqual({ code: 'ResourceNotFoundException', message: 'Rule ghost does not exist on EventBus default.' });
    ok(sim, 'events.PutRule', { Name: 'r', ScheduleExpression: 'rate(1 day)' });
    expect(refused(sim, 'events.PutTargets', { Rule: 'r', Targets: [{ Id: 'x', Arn: CLUSTER }] }).message).toBe('Target x: the simulator runs ECS targets, which need EcsParameters.');
    ok(sim, 'events.PutTargets', { Rule: 'r', Targets: [target('1')] });
    expect(refused(sim, 'events.DeleteRule', { Name: 'r' })).toEqual({ code: 'ValidationException', message: "Rule can't be deleted since it has targets." });
    ok(sim, 'events.PutRule', { Name: 'empty', ScheduleExpression: 'rate(1 day)' });
    ok(sim, 'events.DeleteRule', { Name: 'empty' });
    expect(refused(sim, 'events.DescribeRule', { Name: 'empty' })).toEqual({ code: 'ResourceNotFoundException', message: 'Rule empty does not exist.' });
  });

  it('stop running a target once it is removed, and let a rule whose targets are all removed be deleted', () => {
    const sim = world();
    ok(sim, 'events.PutRule', { Name: 'r', ScheduleExpression: 'rate(5 minutes)' });
    ok(sim, 'events.PutTargets', { Rule: 'r', Targets: [target('a'), target('b', { TaskCount: 2 })] });
    sim.runUntil(sim.now + 6 * 60_000);
    const started = () => (ok(sim, 'ecs.ListTasks', { cluster: 'demo', startedBy: 'events-rule/r' }).taskArns as string[]).length;
    expect(started()).toBe(3);
    // An Id the rule does not have is no failure.
    expect(ok(sim, 'events.RemoveTargets', { Rule: 'r', Ids: ['b', 'never-put'] })).toEqual({ FailedEntryCount: 0, FailedEntries: [] });
    expect((ok(sim, 'events.ListTargetsByRule', { Rule: 'r' }).Targets as { Id: string }[]).map((t) => t.Id)).toEqual(['a']);
    sim.runUntil(sim.now + 5 * 60_000);
    expect(started()).toBe(4);
    expect(refused(sim, 'events.DeleteRule', { Name: 'r' }).code).toBe('ValidationException');
    ok(sim, 'events.RemoveTargets', { Rule: 'r', Ids: ['a'] });
    ok(sim, 'events.DeleteRule', { Name: 'r' });
    expect(refused(sim, 'events.RemoveTargets', { Rule: 'r', Ids: ['a'] })).toEqual({ code: 'ResourceNotFoundException', message: 'Rule r does not exist on EventBus default.' });
    expect(refused(sim, 'events.RemoveTargets', { Rule: 'r' }).code).toBe('ParamValidationError');
  });
});
