import { describe, expect, it } from 'vitest';
import { isDaemonTask, waitingTasks } from '../../../../src/sim/controllers/cas/waiting';
import { allTasks, casWorld, ec2TaskDef, ec2World, ok } from '../../../support/controllerWorld';

describe('tasks waiting for capacity', () => {
  it('are listed oldest first, of one provider when named, without those asked to stop', () => {
    const sim = casWorld(0, {}, 0);
    ec2TaskDef(sim, 'web', { cpu: 256, memory: 512 });
    const run = () => ok(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: 'web', capacityProviderStrategy: [{ capacityProvider: 'cp', weight: 1 }] }).tasks[0].taskArn as string;
    const first = run();
    sim.runUntil(10_000);
    const second = run();
    const third = run();
    const cluster = Object.keys(sim.world.clusters)[0]!;
    expect(waitingTasks(sim, cluster).map((t) => t.taskArn)).toEqual([first, second, third]);
    expect(waitingTasks(sim, cluster, 'cp').map((t) => t.taskArn)).toEqual([first, second, third]);
    expect(waitingTasks(sim, cluster, 'other')).toEqual([]);
    ok(sim, 'ecs.StopTask', { cluster: 'demo', task: second });
    expect(waitingTasks(sim, cluster).map((t) => t.taskArn)).toEqual([first, third]);
  });

  it('a DAEMON service’s task counts as a daemon task; a replica’s or a standalone one does not', () => {
    const sim = ec2World(1);
    ec2TaskDef(sim, 'agent', { cpu: 64, memory: 64 });
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'agent', taskDefinition: 'agent', schedulingStrategy: 'DAEMON' });
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'agent', desiredCount: 1 });
    ok(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: 'agent' });
    sim.runUntil(61_000);
    const by = Object.fromEntries(allTasks(sim).map((t) => [t.serviceArn?.split('/').at(-1) ?? 'standalone', isDaemonTask(sim, t)]));
    expect(by).toEqual({ agent: true, web: false, standalone: false });
  });
});
