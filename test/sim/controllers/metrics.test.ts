import { describe, expect, it } from 'vitest';
import type { Sim } from '../../../src/sim';
import { INSTANCE_TYPES } from '../../../src/sim';
import { ec2TaskDef, ec2World, FARGATE_NETWORK, fargateTaskDef, ok } from '../../support/controllerWorld';

/** The datapoints of a series as [minute start, value] pairs. */
function series(sim: Sim, key: string): [number, number][] {
  const s = sim.world.metrics[key];
  if (!s) return [];
  const out: [number, number][] = [];
  for (let i = 0; i < s.points.length; i += 2) out.push([s.points[i]!, s.points[i + 1]!]);
  return out;
}
const at = (sim: Sim, key: string, t: number) => series(sim, key).find((p) => p[0] === t)?.[1];

describe('the metrics published each minute', () => {
  it('cluster reservation: the CPU and memory the tasks reserve over what the instances registered', () => {
    const sim = ec2World(1);
    ec2TaskDef(sim, 'web', { cpu: 512, memory: 1024 });
    ok(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: 'web', count: 2 });
    sim.runUntil(180_000);
    const mem = INSTANCE_TYPES['m5.large']!.osMemoryMiB;
    // The minute from 60 s is sampled at its end (120 s), with both tasks placed.
    expect(at(sim, 'AWS/ECS|CPUReservation|ClusterName=demo', 60_000)).toBe(50);
    expect(at(sim, 'AWS/ECS|MemoryReservation|ClusterName=demo', 60_000)).toBeCloseTo((2048 * 100) / mem, 9);
    // The first minute: the instance registered (at 45 s), no task yet.
    expect(at(sim, 'AWS/ECS|CPUReservation|ClusterName=demo', 0)).toBe(0);
  });

  it('service task counts, and CPU utilization as what the tasks use over what the task definition gives them', () => {
    const sim = ec2World(0);
    fargateTaskDef(sim, 'web');
    // A 100 s pull: the tasks placed at 60 s run at 168.5 s.
    ok(sim, 'sim.SetImage', { image: 'web:1', pullSeconds: 100 });
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 2, launchType: 'FARGATE', networkConfiguration: FARGATE_NETWORK });
    sim.runUntil(180_000);
    ok(sim, 'sim.SetLoad', { cluster: 'demo', service: 'web', cpuUnits: 64, memoryMiB: 128 });
    ok(sim, 'ecs.UpdateService', { cluster: 'demo', service: 'web', desiredCount: 3 });
    sim.runUntil(300_000);
    const dims = 'ClusterName=demo,ServiceName=web';
    // Each minute is sampled at its end and stamped with its start; the third task is placed at 180 s and runs at 288.5 s.
    const counts = (name: string) => series(sim, `ECS/ContainerInsights|${name}|${dims}`);
    expect(counts('RunningTaskCount')).toEqual([
      [60_000, 0],
      [120_000, 2],
      [180_000, 2],
      [240_000, 3],
    ]);
    expect(counts('PendingTaskCount')).toEqual([
      [60_000, 2],
      [120_000, 0],
      [180_000, 1],
      [240_000, 0],
    ]);
    expect(counts('DesiredTaskCount').map((p) => p[1])).toEqual([2, 2, 3, 3]);
    // No task ran in the service's first minute: no utilization datapoint then.
    expect(at(sim, `AWS/ECS|CPUUtilization|${dims}`, 60_000)).toBeUndefined();
    expect(at(sim, `AWS/ECS|CPUUtilization|${dims}`, 180_000)).toBe(25);
    expect(at(sim, `AWS/ECS|MemoryUtilization|${dims}`, 180_000)).toBe(25);
  });

  it('a task with container-level CPU shares only may burst past 100 % into idle instance CPU', () => {
    const sim = ec2World(1);
    ec2TaskDef(sim, 'web', { cpu: 256, memory: 512 });
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 1 });
    sim.runUntil(120_000);
    ok(sim, 'sim.SetLoad', { cluster: 'demo', service: 'web', cpuUnits: 1024 });
    sim.runUntil(240_000);
    expect(at(sim, 'AWS/ECS|CPUUtilization|ClusterName=demo,ServiceName=web', 180_000)).toBe(400);
  });

  it('a task-level cpu caps what the task gets', () => {
    const sim = ec2World(0);
    fargateTaskDef(sim, 'web');
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 1, launchType: 'FARGATE', networkConfiguration: FARGATE_NETWORK });
    sim.runUntil(120_000);
    ok(sim, 'sim.SetLoad', { cluster: 'demo', service: 'web', cpuUnits: 1024 });
    sim.runUntil(240_000);
    expect(at(sim, 'AWS/ECS|CPUUtilization|ClusterName=demo,ServiceName=web', 180_000)).toBe(100);
  });

  it('load balancer requests: a constant 10 requests a second is 600 a minute at the target group', () => {
    const sim = ec2World(0);
    const lb = ok(sim, 'elbv2.CreateLoadBalancer', { Name: 'lb' }).LoadBalancers[0].LoadBalancerArn;
    const tg = ok(sim, 'elbv2.CreateTargetGroup', { Name: 'web', Port: 80, TargetType: 'ip', HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 2 }).TargetGroups[0].TargetGroupArn as string;
    ok(sim, 'elbv2.CreateListener', { LoadBalancerArn: lb, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }] });
    fargateTaskDef(sim, 'web', 'web:1', { portMappings: [{ containerPort: 80 }] });
    ok(sim, 'sim.SetImage', { image: 'web:1', errorPercent: 10 });
    ok(sim, 'ecs.CreateService', {
      cluster: 'demo',
      serviceName: 'web',
      taskDefinition: 'web',
      desiredCount: 2,
      launchType: 'FARGATE',
      networkConfiguration: FARGATE_NETWORK,
      loadBalancers: [{ targetGroupArn: tg, containerName: 'app', containerPort: 80 }],
    });
    ok(sim, 'sim.SetTraffic', { loadBalancer: 'lb', path: '/', requestsPerSecond: 10 });
    sim.runUntil(600_000);
    const tgDim = tg.slice(tg.indexOf('targetgroup/'));
    const key = Object.keys(sim.world.metrics).find((k) => k.startsWith('AWS/ApplicationELB|RequestCount|') && k.includes(tgDim))!;
    expect(at(sim, key, 300_000)).toBe(600);
    const errors = Object.keys(sim.world.metrics).find((k) => k.startsWith('AWS/ApplicationELB|HTTPCode_Target_5XX_Count|') && k.includes(tgDim))!;
    expect(at(sim, errors, 300_000)).toBe(60);
  });

  it('billing: what the run has cost so far, per capacity type', () => {
    const sim = ec2World(1);
    sim.runUntil(600_000);
    const usd = series(sim, 'ECSSandbox/Billing|EstimatedChargesUSD|CapacityType=EC2');
    expect(usd).toHaveLength(10);
    expect(usd.at(-1)![1]).toBeCloseTo((INSTANCE_TYPES['m5.large']!.price * 10) / 60, 12);
  });
});
