import { describe, expect, it } from 'vitest';
import { INSTANCE_TYPES, Sim } from '../../../src/sim';
import { PRICES } from '../../../src/sim/model/prices';
import { ec2TaskDef, ec2World, FARGATE_NETWORK, fargateTaskDef, ok } from '../../support/controllerWorld';

const M5 = INSTANCE_TYPES['m5.large']!.price;

describe('the cost meter', () => {
  it('an EC2 instance costs its hourly price per minute while pending or running; unreserved, all of it is unused capacity', () => {
    const sim = new Sim();
    ok(sim, 'ecs.CreateCluster', { clusterName: 'demo' });
    ok(sim, 'sim.LaunchInstances', { cluster: 'demo', count: 2 });
    sim.runUntil(3_600_000);
    expect(sim.world.cost.totalUSD).toBeCloseTo(2 * M5, 12);
    expect(sim.world.cost.byCapacityType).toEqual({ EC2: sim.world.cost.totalUSD });
    expect(sim.world.cost.unusedEc2USD).toBeCloseTo(2 * M5, 12);
  });

  it('shares an instance’s minute over the services that reserve its CPU', () => {
    const sim = ec2World(1);
    ec2TaskDef(sim, 'web', { cpu: 1024, memory: 512 });
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 1 });
    ec2TaskDef(sim, 'job', { cpu: 512, memory: 512 });
    ok(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: 'job' });
    const before = { ...sim.world.cost };
    sim.runUntil(60_000 + 600_000);
    const tenMinutes = (M5 * 10) / 60;
    expect(sim.world.cost.totalUSD - before.totalUSD).toBeCloseTo(tenMinutes, 12);
    // Half the CPU to web, a quarter to the standalone task, a quarter unused.
    expect(sim.world.cost.byService.web).toBeCloseTo(tenMinutes / 2, 12);
    expect(sim.world.cost.byService.standalone).toBeCloseTo(tenMinutes / 4, 12);
    expect(sim.world.cost.unusedEc2USD - before.unusedEc2USD).toBeCloseTo(tenMinutes / 4, 12);
  });

  it('a stopped instance costs nothing', () => {
    const sim = ec2World(1);
    ok(sim, 'sim.StopInstances', { instanceIds: Object.keys(sim.world.ec2) });
    const total = sim.world.cost.totalUSD;
    sim.runUntil(3_600_000);
    expect(sim.world.cost.totalUSD).toBe(total);
  });

  it('a Fargate task costs its vCPU and GB per hour from the image pull until it stops; Spot at Spot prices', () => {
    const sim = ec2World(0);
    fargateTaskDef(sim, 'web');
    ok(sim, 'ecs.PutClusterCapacityProviders', { cluster: 'demo', capacityProviders: ['FARGATE', 'FARGATE_SPOT'], defaultCapacityProviderStrategy: [] });
    const on = ok(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: 'web', launchType: 'FARGATE', networkConfiguration: FARGATE_NETWORK }).tasks[0].taskArn as string;
    ok(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: 'web', capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }], networkConfiguration: FARGATE_NETWORK });
    // Placed at 60 s, pulling from 67 s: the minutes ending at 120 s ... 660 s are metered (ten of them).
    sim.runUntil(660_000);
    const minute = (vcpu: number, gb: number) => (0.25 * vcpu + 0.5 * gb) / 60;
    expect(sim.world.cost.byCapacityType.FARGATE).toBeCloseTo(10 * minute(PRICES.fargateVcpuHour, PRICES.fargateGbHour), 12);
    expect(sim.world.cost.byCapacityType.FARGATE_SPOT).toBeCloseTo(10 * minute(PRICES.fargateSpotVcpuHour, PRICES.fargateSpotGbHour), 12);
    expect(sim.world.cost.byService.standalone).toBeCloseTo(sim.world.cost.totalUSD, 12);
    ok(sim, 'ecs.StopTask', { cluster: 'demo', task: on });
    sim.runUntil(700_000);
    const after = sim.world.cost.byCapacityType.FARGATE;
    sim.runUntil(1_200_000);
    expect(sim.world.cost.byCapacityType.FARGATE).toBe(after);
  });
});
