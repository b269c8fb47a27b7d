import { describe, expect, it } from 'vitest';
import { Sim } from '../../../../src/sim';
import { apiWorld, ok, refused } from '../../../support/simapiWorld';

/** Service `web` with two running tasks and a standalone task; their ARNs. */
function world(): { sim: Sim; service: string[]; standalone: string } {
  const sim = apiWorld(3);
  ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 2 });
  sim.runUntil(600_000);
  const service = ok(sim, 'ecs.ListTasks', { cluster: 'demo', serviceName: 'web' }).taskArns as string[];
  const standalone = ok(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: 'web' }).tasks[0].taskArn as string;
  return { sim, service, standalone };
}
const epoch = (sim: Sim) => sim.world.epochSeconds;

describe('UpdateTaskProtection', () => {
  it('protects service tasks for 2 hours by default, or the minutes given, and clears protection', () => {
    const { sim, service } = world();
    const [a, b] = service as [string, string];
    const on = ok(sim, 'ecs.UpdateTaskProtection', { cluster: 'demo', tasks: [a], protectionEnabled: true });
    expect(on).toEqual({ protectedTasks: [{ taskArn: a, protectionEnabled: true, expirationDate: epoch(sim) + (sim.now + 120 * 60_000) / 1000 }], failures: [] });
    const short = ok(sim, 'ecs.UpdateTaskProtection', { cluster: 'demo', tasks: [b.split('/').pop()], protectionEnabled: true, expiresInMinutes: 5 });
    expect(short.protectedTasks[0].expirationDate).toBe(epoch(sim) + (sim.now + 5 * 60_000) / 1000);
    expect(ok(sim, 'ecs.UpdateTaskProtection', { cluster: 'demo', tasks: [a], protectionEnabled: false }).protectedTasks).toEqual([{ taskArn: a, protectionEnabled: false }]);
  });

  it('reports a standalone task as TASK_NOT_VALID and an unknown one as MISSING, protecting the others', () => {
    const { sim, service, standalone } = world();
    const r = ok(sim, 'ecs.UpdateTaskProtection', { cluster: 'demo', tasks: [service[0], standalone, 'f'.repeat(32)], protectionEnabled: true });
    expect(r.protectedTasks.map((t: { taskArn: string }) => t.taskArn)).toEqual([service[0]]);
    expect(r.failures).toEqual([
      { arn: standalone, reason: 'TASK_NOT_VALID', detail: 'The task is not part of an Amazon ECS service.' },
      { arn: `arn:aws:ecs:us-east-1:123456789012:task/demo/${'f'.repeat(32)}`, reason: 'MISSING' },
    ]);
  });

  it('refuses expiresInMinutes outside 1 to 2880 and more than 10 tasks', () => {
    const { sim, service } = world();
    expect(refused(sim, 'ecs.UpdateTaskProtection', { cluster: 'demo', tasks: service, protectionEnabled: true, expiresInMinutes: 2881 })).toEqual({
      code: 'InvalidParameterException',
      message: 'expiresInMinutes must be between 1 and 2880 minutes.',
    });
    expect(refused(sim, 'ecs.UpdateTaskProtection', { cluster: 'demo', tasks: Array.from({ length: 11 }, (_, i) => `t${i}`), protectionEnabled: true })).toEqual({
      code: 'InvalidParameterException',
      message: 'tasks must list between 1 and 10 task IDs or ARNs.',
    });
  });

  it('keeps a protected task through a scale-in to zero until its protection is cleared', () => {
    const { sim, service } = world();
    const [a] = service as [string];
    ok(sim, 'ecs.UpdateTaskProtection', { cluster: 'demo', tasks: [a], protectionEnabled: true });
    ok(sim, 'ecs.UpdateService', { cluster: 'demo', service: 'web', desiredCount: 0 });
    sim.runUntil(sim.now + 300_000);
    expect(ok(sim, 'ecs.ListTasks', { cluster: 'demo', serviceName: 'web' }).taskArns).toEqual([a]);
    ok(sim, 'ecs.UpdateTaskProtection', { cluster: 'demo', tasks: [a], protectionEnabled: false });
    sim.runUntil(sim.now + 300_000);
    expect(ok(sim, 'ecs.ListTasks', { cluster: 'demo', serviceName: 'web' }).taskArns).toEqual([]);
  });
});

describe('GetTaskProtection', () => {
  it("without tasks answers every service task of the cluster; with tasks, those, with each one's failures", () => {
    const { sim, service, standalone } = world();
    ok(sim, 'ecs.UpdateTaskProtection', { cluster: 'demo', tasks: [service[1]], protectionEnabled: true, expiresInMinutes: 1 });
    const all = ok(sim, 'ecs.GetTaskProtection', { cluster: 'demo' });
    expect(all.protectedTasks.map((t: { taskArn: string; protectionEnabled: boolean }) => [t.taskArn, t.protectionEnabled])).toEqual([
      [service[0], false],
      [service[1], true],
    ]);
    expect(ok(sim, 'ecs.GetTaskProtection', { cluster: 'demo', tasks: [standalone] }).failures.map((f: { reason: string }) => f.reason)).toEqual(['TASK_NOT_VALID']);
    // Protection ends at its expiry without a call.
    sim.runUntil(sim.now + 61_000);
    expect(ok(sim, 'ecs.GetTaskProtection', { cluster: 'demo', tasks: [service[1]] }).protectedTasks).toEqual([{ taskArn: service[1], protectionEnabled: false }]);
  });
});
