import { describe, expect, it } from 'vitest';
import type { Sim } from '../../../../src/sim';
import { scaleInOrder } from '../../../../src/sim/controllers/services/scaleIn';
import type { Service, Task } from '../../../../src/sim/model/types';
import { ec2TaskDef, ec2World, liveTasks, ok, serviceMessages } from '../../../support/controllerWorld';

function webService(instances: number, desired: number): Sim {
  const sim = ec2World(instances);
  ec2TaskDef(sim, 'web', { cpu: 128, memory: 128 });
  ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: desired });
  sim.runUntil(180_000);
  return sim;
}
const running = (sim: Sim) => liveTasks(sim, 'web').filter((t) => t.desiredStatus === 'RUNNING');

describe('scale-in', () => {
  it('stops tasks from the zone with the most tasks first', () => {
    const sim = webService(3, 4);
    const byAz = (ts: ReturnType<typeof running>) => ts.map((t) => t.availabilityZone).sort();
    expect(byAz(running(sim))).toEqual(['us-east-1a', 'us-east-1a', 'us-east-1b', 'us-east-1c']);
    ok(sim, 'ecs.UpdateService', { cluster: 'demo', service: 'web', desiredCount: 3 });
    sim.runUntil(181_000);
    expect(byAz(running(sim))).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
  });

  it('never stops a task under scale-in protection, and says so when that keeps more tasks than desired', () => {
    const sim = webService(3, 3);
    const [a, b, c] = running(sim);
    ok(sim, 'ecs.UpdateTaskProtection', { cluster: 'demo', tasks: [a!.taskArn, b!.taskArn], protectionEnabled: true, expiresInMinutes: 10 });
    ok(sim, 'ecs.UpdateService', { cluster: 'demo', service: 'web', desiredCount: 0 });
    sim.runUntil(240_000);
    expect(
      running(sim)
        .map((t) => t.taskArn)
        .sort(),
    ).toEqual([a!.taskArn, b!.taskArn].sort());
    expect(sim.world.tasks[c!.taskArn]!.lastStatus).toBe('STOPPED');
    expect(serviceMessages(sim, 'web')).toContain('(service web) was unable to scale in due to (reason 2 tasks under protection).');
    // The protection expires ten minutes after it was set: the service wakes then and stops the two.
    sim.runUntil(180_000 + 600_000 - 1);
    expect(running(sim)).toHaveLength(2);
    sim.runUntil(180_000 + 600_000 + 5_000);
    expect(running(sim)).toEqual([]);
  });

  it('a deployment does not replace a protected task until its protection ends', () => {
    const sim = webService(3, 2);
    const [kept] = running(sim);
    ok(sim, 'ecs.UpdateTaskProtection', { cluster: 'demo', tasks: [kept!.taskArn], protectionEnabled: true, expiresInMinutes: 30 });
    ec2TaskDef(sim, 'web', { cpu: 128, memory: 128, image: 'web:2' });
    ok(sim, 'ecs.UpdateService', { cluster: 'demo', service: 'web', taskDefinition: 'web:2' });
    sim.runUntil(900_000);
    expect(sim.world.tasks[kept!.taskArn]!.desiredStatus).toBe('RUNNING');
    expect(
      running(sim)
        .map((t) => t.taskDefinitionArn.split(':').at(-1))
        .sort(),
    ).toEqual(['1', '2', '2']);
    sim.runUntil(180_000 + 1_800_000 + 10_000);
    expect(sim.world.tasks[kept!.taskArn]!.desiredStatus).toBe('STOPPED');
    expect(running(sim).map((t) => t.taskDefinitionArn.split(':').at(-1))).toEqual(['2', '2']);
  });

  it('orders tasks that are not yet RUNNING first, then the crowded zone’s, then the crowded instance’s, then the newest', () => {
    const sim = ec2World(0);
    const svc = { placementStrategy: [] } as unknown as Service;
    const t = (id: string, lastStatus: string, availabilityZone: string, createdAtMs: number, containerInstanceArn?: string) =>
      ({ taskArn: id, lastStatus, availabilityZone, createdAtMs, ...(containerInstanceArn ? { containerInstanceArn } : {}) }) as unknown as Task;
    const ts = [t('old-a1', 'RUNNING', 'a', 1, 'ci-1'), t('new-a1', 'RUNNING', 'a', 5, 'ci-1'), t('a2', 'RUNNING', 'a', 9, 'ci-2'), t('b', 'RUNNING', 'b', 10, 'ci-3'), t('pending-c', 'PENDING', 'c', 0, 'ci-4')];
    expect(scaleInOrder(sim, svc, ts).map((x) => x.taskArn)).toEqual(['pending-c', 'new-a1', 'old-a1', 'a2', 'b']);
  });

  it('with binpack, stops first the task on the instance with the most of that resource left', () => {
    const sim = ec2World(2);
    const [big, small] = Object.values(sim.world.containerInstances);
    big!.usedMemory = 0;
    small!.usedMemory = 6000;
    const svc = { placementStrategy: [{ type: 'binpack', field: 'memory' }] } as unknown as Service;
    const t = (id: string, ci: string) => ({ taskArn: id, lastStatus: 'RUNNING', availabilityZone: 'a', createdAtMs: 0, containerInstanceArn: ci, reserved: { cpu: 0, memory: 100 } }) as unknown as Task;
    expect(scaleInOrder(sim, svc, [t('on-small', small!.containerInstanceArn), t('on-big', big!.containerInstanceArn)]).map((x) => x.taskArn)).toEqual(['on-big', 'on-small']);
  });
});
