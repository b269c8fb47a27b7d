import { describe, expect, it } from 'vitest';
import { Sim } from '../../../../src/sim';
import { AWSVPC, ok } from '../../../support/simapiWorld';

const ROLE = 'arn:aws:iam::123456789012:role/appTask';
const NOT_ENABLED = "The execute command failed because execute command was not enabled when the task was run or the execute command agent isn't running. Wait and try again or run a new task with execute command enabled and try again.";

/** Running Fargate tasks of `one` (a task role, one container) and `two` (two containers), with or without ECS Exec; their ARNs. */
function world(enableExecuteCommand = true, taskRoleArn: string | null = ROLE) {
  const sim = new Sim();
  ok(sim, 'ecs.CreateCluster', { clusterName: 'demo' });
  const td = (family: string, names: string[]) =>
    ok(sim, 'ecs.RegisterTaskDefinition', {
      family,
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      ...(taskRoleArn ? { taskRoleArn } : {}),
      containerDefinitions: names.map((name) => ({ name, image: 'nginx', essential: true })),
    });
  td('one', ['app']);
  td('two', ['app', 'proxy']);
  const run = (family: string) => ok(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: family, launchType: 'FARGATE', networkConfiguration: AWSVPC, enableExecuteCommand }).tasks[0].taskArn as string;
  const one = run('one');
  const two = run('two');
  sim.runUntil(300_000);
  return { sim, one, two };
}
const exec = (sim: Sim, task: string, extra: Record<string, unknown> = {}) => sim.call('ecs.ExecuteCommand', { cluster: 'demo', task, command: '/bin/sh', interactive: true, ...extra });

describe('ExecuteCommand', () => {
  it("opens an interactive connection to the task's only container, with its stream URL and token", () => {
    const { sim, one } = world();
    const out = exec(sim, one).output as Record<string, any>;
    expect(out).toMatchObject({ clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/demo', containerName: 'app', interactive: true, taskArn: one });
    expect(out.session.sessionId).toMatch(/^ecs-execute-command-[0-9a-f]{17}$/);
    expect(out.session.streamUrl).toBe(`wss://ssmmessages.us-east-1.amazonaws.com/v1/data-channel/${out.session.sessionId}?role=publish_subscribe&cell-number=AAEAAQ`);
    expect(sim.events.filter((e) => e.type === 'ExecuteCommandSession')).toHaveLength(1);
  });

  it('needs the container named in a task of several', () => {
    const { sim, two } = world();
    expect(exec(sim, two).error).toEqual({ code: 'InvalidParameterException', message: 'The task has more than one container: specify the container to run the command in.' });
    expect(exec(sim, two, { container: 'proxy' }).error).toBeUndefined();
    expect(exec(sim, two, { container: 'db' }).error?.message).toBe('The specified container db was not found in the task.');
  });

  it.each([
    ['a task launched without ECS Exec', () => world(false), 'InvalidParameterException', NOT_ENABLED],
    ['a task without a task role (no ssmmessages permissions)', () => world(true, null), 'TargetNotConnectedException', 'The execute command failed due to an internal error. Try again later.'],
  ])('refuses %s', (_, make, code, message) => {
    const { sim, one } = make();
    expect(exec(sim, one).error).toEqual({ code, message });
  });

  it('refuses a request that is not interactive, a task not found, and a stopped task', () => {
    const { sim, one } = world();
    expect(exec(sim, one, { interactive: false }).error).toEqual({ code: 'InvalidParameterException', message: 'Interactive is the only mode supported currently.' });
    expect(exec(sim, 'f'.repeat(32)).error).toEqual({ code: 'InvalidParameterException', message: 'The specified task was not found.' });
    ok(sim, 'ecs.StopTask', { cluster: 'demo', task: one });
    expect(exec(sim, one).error?.message).toBe(NOT_ENABLED);
  });
});
