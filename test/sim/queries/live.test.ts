import { describe, expect, it } from 'vitest';
import { Sim } from '../../../src/sim';
import { PRICES } from '../../../src/sim/model/prices';
import { INSTANCE_TYPES } from '../../../src/sim/model/instanceTypes';
import { liveInstanceIds, liveTaskArns, resolveAll } from '../../../src/sim/queries/live';
import { copyWorld } from '../../../src/sim/model/snapshot';
import { demoSim, taskRecord } from '../../support/simcoreRecords';

// The per-minute work (the cost meter, the Fargate tasks' usage) walks the tasks not yet stopped and the instances
// not terminated, not every task and instance the world has had: a world with churn is billed for what runs, before
// and after a restore.

const MINUTE = 60_000;
const TASK_USD_PER_MINUTE = ((256 / 1024) * PRICES.fargateVcpuHour + (512 / 1024) * PRICES.fargateGbHour) / 60;

function world(): Sim {
  const sim = new Sim({ seed: 'live' });
  sim.call('ecs.CreateCluster', { clusterName: 'demo' });
  sim.call('ecs.RegisterTaskDefinition', { family: 'fg', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512', containerDefinitions: [{ name: 'app', image: 'fg' }] });
  sim.call('ecs.CreateService', {
    cluster: 'demo',
    serviceName: 'svc',
    taskDefinition: 'fg',
    desiredCount: 6,
    launchType: 'FARGATE',
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-us-east-1a', 'subnet-us-east-1b'] } },
  });
  return sim;
}

/** Scales the service down and up again a few times, so that stopped tasks pile up behind the running ones. */
function churn(sim: Sim, from: number): void {
  for (let i = 0; i < 4; i++) {
    sim.runUntil(from + (2 * i + 1) * 10 * MINUTE);
    sim.call('ecs.UpdateService', { cluster: 'demo', service: 'svc', desiredCount: 1 });
    sim.runUntil(from + (2 * i + 2) * 10 * MINUTE);
    sim.call('ecs.UpdateService', { cluster: 'demo', service: 'svc', desiredCount: 6 });
  }
}

const running = (sim: Sim) => Object.values(sim.world.tasks).filter((t) => t.lastStatus === 'RUNNING').length;
const stopped = (sim: Sim) => Object.values(sim.world.tasks).filter((t) => t.lastStatus === 'STOPPED').length;

describe('the minute walks the tasks not yet stopped and the instances not terminated', () => {
  it('after churn, a minute of Fargate costs what its running tasks cost, and the service reports their CPU', () => {
    const sim = world();
    churn(sim, 0);
    sim.runUntil(100 * MINUTE);
    expect(stopped(sim)).toBeGreaterThanOrEqual(15);
    expect(running(sim)).toBe(6);
    const before = sim.world.cost.byCapacityType.FARGATE!;
    sim.runUntil(101 * MINUTE);
    expect(sim.world.cost.byCapacityType.FARGATE! - before).toBeCloseTo(6 * TASK_USD_PER_MINUTE, 12);
    const cpu = Object.values(sim.world.metrics).find((s) => s.metricName === 'CPUUtilization' && s.dimensions.some((d) => d.value === 'svc'));
    expect(cpu?.points.at(-2)).toBe(100 * MINUTE);
    expect(cpu?.points.at(-1)).toBeGreaterThan(0);
  });

  it('a world restored from a snapshot and sent another way bills as one that went that way from the start', () => {
    const grow = (sim: Sim) => {
      sim.call('ecs.UpdateService', { cluster: 'demo', service: 'svc', desiredCount: 9 });
      sim.runUntil(60 * MINUTE);
    };
    const straight = world();
    straight.runUntil(5 * MINUTE);
    grow(straight);

    const replayed = world();
    replayed.runUntil(5 * MINUTE);
    const snap = replayed.snapshot();
    churn(replayed, 5 * MINUTE); // a course given up: tasks started and stopped that the restored world never had
    replayed.runUntil(90 * MINUTE);
    replayed.restore(snap);
    grow(replayed);

    expect(running(replayed)).toBe(9);
    expect(replayed.world.cost).toEqual(straight.world.cost);
    const before = replayed.world.cost.byCapacityType.FARGATE!;
    replayed.runUntil(61 * MINUTE);
    expect(replayed.world.cost.byCapacityType.FARGATE! - before).toBeCloseTo(9 * TASK_USD_PER_MINUTE, 12);
  });

  it('instances launched after others were terminated are billed, and the terminated ones are not, across a restore', () => {
    const usdPerMinute = INSTANCE_TYPES['m5.large']!.price / 60;
    const nodes = (sim: Sim, n: number) => sim.call('autoscaling.UpdateAutoScalingGroup', { AutoScalingGroupName: 'nodes', MinSize: n, MaxSize: n, DesiredCapacity: n });
    const ec2 = (n: number) => {
      const sim = new Sim({ seed: 'nodes' });
      sim.call('ecs.CreateCluster', { clusterName: 'demo' }); // the meter's minute starts with the first cluster
      sim.call('ec2.CreateLaunchTemplate', { LaunchTemplateName: 'node', LaunchTemplateData: { InstanceType: 'm5.large' } });
      sim.call('autoscaling.CreateAutoScalingGroup', { AutoScalingGroupName: 'nodes', LaunchTemplate: { LaunchTemplateName: 'node' }, MinSize: n, MaxSize: n, DesiredCapacity: n });
      sim.runUntil(10 * MINUTE);
      return sim;
    };
    const perMinute = (sim: Sim) => {
      const before = sim.world.cost.byCapacityType.EC2!;
      sim.runUntil(sim.now + MINUTE);
      return sim.world.cost.byCapacityType.EC2! - before;
    };
    const alive = (sim: Sim) => Object.values(sim.world.ec2).filter((i) => i.state === 'running').length;

    const sim = ec2(4);
    const snap = sim.snapshot();
    nodes(sim, 1);
    sim.runUntil(30 * MINUTE);
    expect(alive(sim)).toBe(1);
    expect(perMinute(sim)).toBeCloseTo(1 * usdPerMinute, 12);

    sim.restore(snap);
    expect(perMinute(sim)).toBeCloseTo(4 * usdPerMinute, 12);
    nodes(sim, 2);
    sim.runUntil(40 * MINUTE);
    expect(alive(sim)).toBe(2);
    expect(perMinute(sim)).toBeCloseTo(2 * usdPerMinute, 12);
    nodes(sim, 5);
    sim.runUntil(60 * MINUTE);
    expect(Object.keys(sim.world.ec2).length).toBe(7);
    expect(alive(sim)).toBe(5);
    expect(perMinute(sim)).toBeCloseTo(5 * usdPerMinute, 12);
  });
});

describe('the tasks not yet stopped', () => {
  it('are the task order less the STOPPED tasks, taking in tasks appended since, dropping those stopped since', () => {
    const { sim } = demoSim();
    const a = taskRecord(sim, 'a');
    taskRecord(sim, 'b', { lastStatus: 'STOPPED' });
    const c = taskRecord(sim, 'c', { lastStatus: 'PROVISIONING' });
    expect(liveTaskArns(sim.world)).toEqual([a.taskArn, c.taskArn]);
    a.lastStatus = 'STOPPED';
    const d = taskRecord(sim, 'd');
    expect(liveTaskArns(sim.world)).toEqual([c.taskArn, d.taskArn]);
    // A stopped task is never taken back, even if its record changed (a stopped task never runs again).
    a.lastStatus = 'RUNNING';
    expect(liveTaskArns(sim.world)).toEqual([c.taskArn, d.taskArn]);
  });

  it('of a copy of the world (a restored one) are found from its own task order', () => {
    const { sim } = demoSim();
    const a = taskRecord(sim, 'a');
    const b = taskRecord(sim, 'b');
    expect(liveTaskArns(sim.world)).toEqual([a.taskArn, b.taskArn]);
    const copy = copyWorld(sim.world);
    copy.tasks[a.taskArn]!.lastStatus = 'STOPPED';
    expect(liveTaskArns(copy)).toEqual([b.taskArn]);
    expect(liveTaskArns(sim.world)).toEqual([a.taskArn, b.taskArn]);
  });
});

describe('the instances not terminated', () => {
  it('are the instance table in launch order less the terminated ones, taking in new instances and dropping terminated ones', () => {
    const { sim } = demoSim();
    const ec2 = sim.world.ec2 as Record<string, { state: string }>;
    ec2['i-1'] = { state: 'running' };
    ec2['i-2'] = { state: 'terminated' };
    ec2['i-3'] = { state: 'pending' };
    expect(liveInstanceIds(sim.world)).toEqual(['i-1', 'i-3']);
    ec2['i-1']!.state = 'terminated';
    ec2['i-4'] = { state: 'running' };
    expect(liveInstanceIds(sim.world)).toEqual(['i-3', 'i-4']);
  });

  it('are found again from the start when instances were removed from the table', () => {
    const { sim } = demoSim();
    const ec2 = sim.world.ec2 as Record<string, { state: string }>;
    ec2['i-1'] = { state: 'running' };
    ec2['i-2'] = { state: 'running' };
    ec2['i-3'] = { state: 'running' };
    expect(liveInstanceIds(sim.world)).toEqual(['i-1', 'i-2', 'i-3']);
    delete ec2['i-1'];
    delete ec2['i-2'];
    ec2['i-5'] = { state: 'running' };
    expect(liveInstanceIds(sim.world)).toEqual(['i-3', 'i-5']);
  });
});

describe('an ARN list resolved once', () => {
  it('takes in what was appended, looks again for what had no record, and starts over for a new list', () => {
    const table: Record<string, { n: number }> = { a: { n: 1 }, b: { n: 2 } };
    const list = ['a', 'b', 'c'];
    expect(resolveAll(table, list)).toEqual([{ n: 1 }, { n: 2 }, undefined]);
    table.c = { n: 3 };
    list.push('a');
    const r = resolveAll(table, list);
    expect(r).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 1 }]);
    expect(r[0]).toBe(table.a);
    // A list made anew (as a filter makes one) is resolved from the start.
    const shorter = list.filter((x) => x !== 'b');
    expect(resolveAll(table, shorter)).toEqual([{ n: 1 }, { n: 3 }, { n: 1 }]);
  });

  it("resolves a restored world's lists to its own records", () => {
    const sim = new Sim({ seed: 'resolve' });
    sim.call('ecs.CreateCluster', { clusterName: 'demo' });
    sim.call('sim.LaunchInstances', { cluster: 'demo', instanceType: 't3.small', bootSeconds: 0 });
    sim.runUntil(MINUTE);
    const cluster = Object.values(sim.world.clusters)[0]!;
    const before = resolveAll(sim.world.containerInstances, cluster.instanceArns);
    expect(before).toHaveLength(1);
    const snap = sim.snapshot();
    sim.restore(snap);
    const after = resolveAll(sim.world.containerInstances, Object.values(sim.world.clusters)[0]!.instanceArns);
    expect(after[0]).toBe(Object.values(sim.world.containerInstances)[0]);
    expect(after[0]).not.toBe(before[0]);
  });
});
