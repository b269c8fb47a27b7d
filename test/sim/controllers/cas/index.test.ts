import { describe, expect, it } from 'vitest';
import type { Sim } from '../../../../src/sim';
import { reservation } from '../../../../src/sim/controllers/cas';
import { allTasks, casWorld, ec2TaskDef, ok } from '../../../support/controllerWorld';

type Ev = Record<string, any>;
const cp = (sim: Sim) => sim.world.capacityProviders.cp!;
const clusterArn = (sim: Sim) => Object.keys(sim.world.clusters)[0]!;
const asgSteps = (sim: Sim) => (sim.events as readonly Ev[]).filter((e) => e.type === 'AsgDesiredCapacity').map((e) => [e.t, e.from, e.to]);
const cpr = (sim: Sim) => sim.world.metrics['AWS/ECS/ManagedScaling|CapacityProviderReservation|CapacityProviderName=cp,ClusterName=demo']?.points ?? [];

describe('cluster auto scaling', () => {
  it('a service task with no instance waits in PROVISIONING; from zero instances the group scales to two (200 %), and the task is placed when one registers', () => {
    const sim = casWorld();
    ec2TaskDef(sim, 'web', { cpu: 256, memory: 512 });
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 1 });
    sim.runUntil(1);
    const [t] = allTasks(sim);
    expect(t).toMatchObject({ lastStatus: 'PROVISIONING', capacityProviderName: 'cp', waiting: { capacityProvider: 'cp' } });
    expect(sim.world.waiting).toEqual([t!.taskArn]);
    expect(reservation(sim, cp(sim), clusterArn(sim))).toEqual({ cpr: 200, m: 1, n: 0 });
    sim.runUntil(60_000);
    expect(asgSteps(sim)).toEqual([[60_000, 0, 2]]);
    sim.runUntil(180_000);
    expect(t!.lastStatus).toBe('RUNNING');
    expect(sim.world.waiting).toEqual([]);
    // Two instances, one busy: 50 %.
    expect(reservation(sim, cp(sim), clusterArn(sim))).toEqual({ cpr: 50, m: 1, n: 2 });
  });

  it('M counts instances needed for the waiting tasks by how many of them the largest type holds, within the step sizes', () => {
    const sim = casWorld(1, { maximumScalingStepSize: 3 });
    sim.runUntil(120_000);
    ec2TaskDef(sim, 'big', { cpu: 1024, memory: 1024 });
    // One instance (2048 CPU units) takes two; ten more wait: 10 / 2 = 5 instances, but at most 3 a step.
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'big', taskDefinition: 'big', desiredCount: 12 });
    sim.runUntil(120_001);
    expect(allTasks(sim).filter((t) => t.waiting)).toHaveLength(10);
    expect(reservation(sim, cp(sim), clusterArn(sim))).toEqual({ cpr: 400, m: 4, n: 1 });
  });

  it('a task too big for the group’s instance type is not compatible: no scale-out for it', () => {
    const sim = casWorld(1);
    sim.runUntil(120_000);
    ec2TaskDef(sim, 'huge', { cpu: 4096, memory: 1024 });
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'huge', taskDefinition: 'huge', desiredCount: 1 });
    sim.runUntil(600_000);
    expect(asgSteps(sim).filter((s) => s[0] > 120_000)).toEqual([]);
    expect(reservation(sim, cp(sim), clusterArn(sim)).cpr).toBe(0);
  });

  it('publishes CapacityProviderReservation each minute and scales in after 15 minutes below target, protecting busy instances', () => {
    const sim = casWorld(3);
    ec2TaskDef(sim, 'web', { cpu: 256, memory: 512 });
    sim.runUntil(120_000);
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 1 });
    sim.runUntil(180_000);
    const asg = sim.world.autoScalingGroups.asg!;
    const busy = allTasks(sim)[0]!.ec2InstanceId;
    // Managed termination protection: only the instance with a task stays protected.
    expect(asg.Instances.map((i) => [i.InstanceId === busy, i.ProtectedFromScaleIn]).sort()).toEqual([
      [false, false],
      [false, false],
      [true, true],
    ]);
    sim.runUntil(1_500_000);
    // Below 100 % from the first minute (60 s) on: after the fifteenth the group shrinks toward M / target = 1,
    // by at most half of it (one instance) a step.
    expect(asgSteps(sim)).toEqual([[900_000, 3, 2]]);
    const points = cpr(sim);
    expect(points.slice(points.indexOf(180_000 - 60_000), points.indexOf(180_000 - 60_000) + 2)).toEqual([120_000, 100 / 3]);
    expect(allTasks(sim)[0]!.lastStatus).toBe('RUNNING');
  });

  it('a task that waits 30 minutes in PROVISIONING stops with TaskFailedToStart', () => {
    const sim = casWorld(0, {}, 0);
    ec2TaskDef(sim, 'web', { cpu: 256, memory: 512 });
    ok(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: 'web', capacityProviderStrategy: [{ capacityProvider: 'cp', weight: 1 }] });
    sim.runUntil(1_800_000 + 10_000);
    expect(allTasks(sim)[0]).toMatchObject({
      lastStatus: 'STOPPED',
      stopCode: 'TaskFailedToStart',
      stoppedReason: 'Task stopped after waiting 30 minutes in PROVISIONING: capacity provider cp provided no container instance for it.',
    });
  });
});
