import { describe, expect, it } from 'vitest';
import { ec2TaskDef, ec2World, liveTasks, ok, serviceMessages } from '../../../support/controllerWorld';

describe('the service scheduler', () => {
  it('backs off a service whose tasks keep failing to start: 30 s after the second failure, doubling, capped at 15 minutes', () => {
    const sim = ec2World(1);
    ok(sim, 'sim.SetImage', { image: 'bad', exists: false });
    ec2TaskDef(sim, 'web', { image: 'bad' });
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 1 });
    sim.runUntil(2_000_000);
    const created = Object.values(sim.world.tasks).map((t) => t.createdAtMs);
    // Each task fails its pull 6 s after placement; the first is replaced at once.
    expect(created).toEqual([60_000, 66_000, 102_000, 168_000, 294_000, 540_000, 1_026_000, 1_932_000]);
    const gaps = created.slice(2).map((c, i) => c - (created[i + 1]! + 6_000));
    expect(gaps).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 900_000]);
    expect(Object.values(sim.world.tasks).every((t) => t.stopCode === 'TaskFailedToStart' || t.lastStatus !== 'STOPPED')).toBe(true);
    // The warning is written once: the same problem is not repeated within six hours.
    expect(serviceMessages(sim, 'web').filter((m) => m === '(service web) is unable to consistently start tasks successfully.')).toHaveLength(1);
  });

  it('a task that reaches RUNNING resets the back-off', () => {
    const sim = ec2World(1);
    ok(sim, 'sim.SetImage', { image: 'bad', exists: false });
    ec2TaskDef(sim, 'web', { image: 'bad' });
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 1 });
    sim.runUntil(170_000);
    const svc = Object.values(sim.world.services)[0]!;
    expect(svc.consecutiveStartFailures).toBe(3);
    // The image appears: the task placed at 168 s runs, and the count starts again.
    ok(sim, 'sim.SetImage', { image: 'bad' });
    sim.runUntil(400_000);
    expect(svc.consecutiveStartFailures).toBe(0);
    expect(liveTasks(sim, 'web').map((t) => t.lastStatus)).toEqual(['RUNNING']);
  });

  it('runs a pass for the services of a cluster when an instance registers', () => {
    const sim = ec2World(0);
    ec2TaskDef(sim, 'web');
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 2 });
    sim.runUntil(90_000);
    expect(liveTasks(sim, 'web')).toEqual([]);
    ok(sim, 'sim.LaunchInstances', { cluster: 'demo', count: 1 });
    sim.runUntil(135_000); // registered at 135 s
    expect(liveTasks(sim, 'web').map((t) => t.createdAtMs)).toEqual([135_000, 135_000]);
  });
});
