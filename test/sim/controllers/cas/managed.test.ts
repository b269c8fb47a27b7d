import { describe, expect, it } from 'vitest';
import { INSTANCE_TYPES, Sim } from '../../../../src/sim';
import { allTasks, ok } from '../../../support/controllerWorld';

const SUBNETS = ['subnet-us-east-1a', 'subnet-us-east-1b', 'subnet-us-east-1c'];

/** A cluster whose default provider is Managed Instances of 2 to 4 vCPUs and 8 to 16 GiB (Intel), idle instances removed after `scaleInAfter` s. */
function managedWorld(scaleInAfter: number): Sim {
  const sim = new Sim({ seed: 'managed' });
  ok(sim, 'ecs.CreateCluster', { clusterName: 'demo' });
  ok(sim, 'ecs.CreateCapacityProvider', {
    name: 'managed',
    cluster: 'demo',
    managedInstancesProvider: {
      infrastructureRoleArn: 'arn:aws:iam::123456789012:role/ecsInfrastructureRole',
      instanceLaunchTemplate: {
        ec2InstanceProfileArn: 'arn:aws:iam::123456789012:instance-profile/ecsInstanceRole',
        networkConfiguration: { subnets: SUBNETS },
        instanceRequirements: { vCpuCount: { min: 2, max: 4 }, memoryMiB: { min: 8192, max: 16384 }, cpuManufacturers: ['intel'] },
      },
      infrastructureOptimization: { scaleInAfter },
    },
  });
  ok(sim, 'ecs.PutClusterCapacityProviders', { cluster: 'demo', capacityProviders: ['managed'], defaultCapacityProviderStrategy: [{ capacityProvider: 'managed', weight: 1 }] });
  for (const [family, cpu, memory] of [
    ['api', '1024', '2048'],
    ['huge', '16384', '65536'],
  ] as const) {
    ok(sim, 'ecs.RegisterTaskDefinition', { family, requiresCompatibilities: ['MANAGED_INSTANCES'], networkMode: 'awsvpc', cpu, memory, containerDefinitions: [{ name: family, image: 'nginx' }] });
  }
  return sim;
}
const live = (sim: Sim) => Object.values(sim.world.ec2).filter((i) => i.state !== 'terminated');

describe('Managed Instances provisioning', () => {
  it('launches instances at once for waiting tasks, of a type the requirements allow, and places the tasks when they register', () => {
    const sim = managedWorld(120);
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'api', taskDefinition: 'api', desiredCount: 3, networkConfiguration: { awsvpcConfiguration: { subnets: SUBNETS } } });
    sim.runUntil(1);
    expect(allTasks(sim).map((t) => [t.lastStatus, t.capacityProviderName])).toEqual([
      ['PROVISIONING', 'managed'],
      ['PROVISIONING', 'managed'],
      ['PROVISIONING', 'managed'],
    ]);
    const launched = live(sim);
    expect(launched.length).toBeGreaterThan(0);
    expect(launched.every((i) => i.managedBy === 'managed' && i.launchedAtMs === 0)).toBe(true);
    sim.runUntil(300_000);
    expect(allTasks(sim).map((t) => [t.lastStatus, sim.world.ec2[t.ec2InstanceId!]!.managedBy])).toEqual([
      ['RUNNING', 'managed'],
      ['RUNNING', 'managed'],
      ['RUNNING', 'managed'],
    ]);
    for (const i of launched) {
      const type = INSTANCE_TYPES[i.instanceType]!;
      expect([type.vcpu >= 2 && type.vcpu <= 4, type.memoryMiB >= 8192 && type.memoryMiB <= 16384, type.arch]).toEqual([true, true, 'x86_64']);
    }
    // Instances come up 25 s after launch.
    const registered = Object.values(sim.world.containerInstances).map((ci) => ci.registeredAtMs);
    expect(registered.every((t) => t === 25_000)).toBe(true);
  });

  it('launches nothing for a task too big for every allowed type: it waits in PROVISIONING', () => {
    const sim = managedWorld(120);
    ok(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: 'huge', networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-us-east-1a'] } } });
    sim.runUntil(600_000);
    expect(live(sim)).toEqual([]);
    expect(allTasks(sim)[0]!.lastStatus).toBe('PROVISIONING');
  });

  it('removes an instance that has run no task for scaleInAfter seconds, and never with -1', () => {
    for (const after of [120, -1]) {
      const sim = managedWorld(after);
      ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'api', taskDefinition: 'api', desiredCount: 1, networkConfiguration: { awsvpcConfiguration: { subnets: SUBNETS } } });
      sim.runUntil(300_000);
      expect(live(sim)).toHaveLength(1);
      ok(sim, 'ecs.UpdateService', { cluster: 'demo', service: 'api', desiredCount: 0 });
      sim.runUntil(900_000);
      expect(live(sim)).toHaveLength(after === -1 ? 1 : 0);
    }
  });
});
