import { describe, expect, it } from 'vitest';
import { copyWorld } from '../../../src/sim/model/snapshot';
import { clusterUsage, containerDemand, containersChanged, rawDemand, taskDemand, UsageTable, type ClusterTotals } from '../../../src/sim/queries/demand';
import { containerRecord, demoSim, instanceRecord, taskRecord } from '../../support/simcoreRecords';

const zero = (): ClusterTotals => ({ regCpu: 0, regMem: 0, resCpu: 0, resMem: 0, useCpu: 0, useMem: 0 });

describe('what a container asks for', () => {
  it('is 10 CPU units and 32 MiB without anything said, else its image behaviour', () => {
    const { sim } = demoSim();
    const t = taskRecord(sim, 't1', { containers: [containerRecord({ name: 'web' }), containerRecord({ name: 'app', image: 'busy' })] });
    sim.world.images.busy = { cpuUnits: 300, memoryMiB: 200 };
    expect(containerDemand(sim, t, t.containers[0]!)).toEqual({ cpu: 10, memory: 32 });
    expect(containerDemand(sim, t, t.containers[1]!)).toEqual({ cpu: 300, memory: 200 });
  });

  it('takes sim.SetLoad on the task before its service, the container before the task as a whole, each figure on its own', () => {
    const { sim } = demoSim();
    const svc = sim.arn('service/demo/web');
    const t = taskRecord(sim, 't1', { serviceArn: svc, containers: [containerRecord({ name: 'web', image: 'busy' }), containerRecord({ name: 'side', image: 'busy' })] });
    sim.world.images.busy = { cpuUnits: 300, memoryMiB: 200 };
    sim.world.loads[`${svc}|*`] = { cpuUnits: 700, memoryMiB: 500 };
    expect(containerDemand(sim, t, t.containers[0]!)).toEqual({ cpu: 700, memory: 500 });
    sim.world.loads[`${svc}|web`] = { memoryMiB: 600 };
    expect(containerDemand(sim, t, t.containers[0]!)).toEqual({ cpu: 700, memory: 600 });
    sim.world.loads[`${t.taskArn}|*`] = { cpuUnits: 50 };
    expect(containerDemand(sim, t, t.containers[0]!)).toEqual({ cpu: 50, memory: 600 });
    sim.world.loads[`${t.taskArn}|web`] = { cpuUnits: 5, memoryMiB: 6 };
    expect(containerDemand(sim, t, t.containers[0]!)).toEqual({ cpu: 5, memory: 6 });
    expect(containerDemand(sim, t, t.containers[1]!)).toEqual({ cpu: 50, memory: 500 });
  });

  it("does not read another task's or service's load", () => {
    const { sim } = demoSim();
    const t = taskRecord(sim, 't1');
    sim.world.loads[`${sim.arn('task/demo/other')}|*`] = { cpuUnits: 999 };
    sim.world.loads[`${sim.arn('service/demo/other')}|*`] = { cpuUnits: 999 };
    expect(containerDemand(sim, t, t.containers[0]!)).toEqual({ cpu: 10, memory: 32 });
  });
});

describe('what a task asks for', () => {
  it("sums its running containers' demands, plus the CPU its requests ask for", () => {
    const { sim } = demoSim();
    sim.world.images.busy = { cpuUnits: 300, memoryMiB: 200 };
    const t = taskRecord(sim, 't1', {
      containers: [containerRecord({ name: 'a', image: 'busy' }), containerRecord({ name: 'b' }), containerRecord({ name: 'gone', image: 'busy', state: 'STOPPED' }), containerRecord({ name: 'new', state: 'CREATED' })],
    });
    expect(taskDemand(sim, t)).toEqual({ cpu: 310, memory: 232 });
    expect(rawDemand(sim, t)).toBe(310);
    t.traffic = { cpuUnits: 400, requests: 10, errors: 0, latencyMs: 5 };
    expect(taskDemand(sim, t)).toEqual({ cpu: 710, memory: 232 });
    sim.world.loads[`${t.taskArn}|a`] = { cpuUnits: 1 };
    expect(taskDemand(sim, t)).toEqual({ cpu: 411, memory: 232 });
  });

  it('is capped at task-level cpu, while what it wanted is kept', () => {
    const { sim } = demoSim();
    sim.world.images.busy = { cpuUnits: 300 };
    const t = taskRecord(sim, 't1', { cpu: '256', containers: [containerRecord({ name: 'a', image: 'busy' })] });
    t.traffic = { cpuUnits: 100, requests: 1, errors: 0, latencyMs: 1 };
    expect(taskDemand(sim, t)).toEqual({ cpu: 256, memory: 32 });
    expect(rawDemand(sim, t)).toBe(400);
  });
});

describe('the usage table of a minute', () => {
  it('answers only the records written this minute, the same record each minute', () => {
    const { sim } = demoSim();
    const t = taskRecord(sim, 't1');
    const table = new UsageTable();
    expect(table.get(t)).toBeUndefined();
    const r = table.write(t);
    r.cpu = 5;
    expect(table.get(t)).toMatchObject({ cpu: 5, memory: 0, want: 0, minute: 0 });
    table.nextMinute();
    expect(table.get(t)).toBeUndefined();
    expect(table.write(t)).toBe(r);
    expect(table.get(t)).toBe(r);
  });

  it('keeps its records off the world: not a member of the task, not in its JSON nor in a copy of the world, and apart from another table', () => {
    const { sim } = demoSim();
    const t = taskRecord(sim, 't1');
    const [keys, json] = [Object.keys(t), JSON.stringify(t)];
    const table = new UsageTable();
    const other = new UsageTable();
    table.write(t).cpu = 7;
    expect(Object.keys(t)).toEqual(keys);
    expect(JSON.stringify(t)).toBe(json);
    expect(other.get(t)).toBeUndefined();
    other.write(t).cpu = 9;
    expect(table.get(t)!.cpu).toBe(7);
    const copy = copyWorld(sim.world).tasks[t.taskArn]!;
    expect(copy).toEqual(t);
    expect(table.get(copy)).toBeUndefined();
  });
});

describe("a cluster's usage", () => {
  it('shares an oversubscribed instance in proportion to what each task asks, and sums the cluster over ACTIVE and DRAINING instances', () => {
    const { sim, cluster } = demoSim();
    sim.world.images.hot = { cpuUnits: 1536, memoryMiB: 100 };
    sim.world.images.warm = { cpuUnits: 512, memoryMiB: 50 };
    const a = taskRecord(sim, 'a', { containers: [containerRecord({ name: 'x', image: 'hot' })] });
    const b = taskRecord(sim, 'b', { containers: [containerRecord({ name: 'x', image: 'hot' })] });
    const c = taskRecord(sim, 'c', { containers: [containerRecord({ name: 'x', image: 'warm' })] });
    const stopped = taskRecord(sim, 'd', { lastStatus: 'STOPPED', containers: [containerRecord({ name: 'x', image: 'hot', state: 'STOPPED' })] });
    // 1536 + 1536 asked of 2048 units: each gets two thirds.
    instanceRecord(sim, 'full', { taskArns: [a.taskArn, b.taskArn, stopped.taskArn], usedCpu: 1024, usedMemory: 512 });
    instanceRecord(sim, 'easy', { status: 'DRAINING', taskArns: [c.taskArn], usedCpu: 256, usedMemory: 256 });
    instanceRecord(sim, 'gone', { status: 'INACTIVE', registeredCpu: 4096, registeredMemory: 16000 });
    const table = new UsageTable();
    const totals = zero();
    clusterUsage(sim, cluster, table, totals);
    expect(table.get(a)).toMatchObject({ cpu: 1024, memory: 100, want: 1536 });
    expect(table.get(b)!.cpu).toBe(1024);
    expect(table.get(c)).toMatchObject({ cpu: 512, memory: 50, want: 512 });
    expect(table.get(stopped)).toBeUndefined();
    expect(totals).toEqual({ regCpu: 4096, regMem: 15360, resCpu: 1280, resMem: 768, useCpu: 2560, useMem: 250 });
  });

  it("sums a task's running containers again once one of them starts or stops, or an image's behaviour changes", () => {
    const { sim, cluster } = demoSim();
    sim.world.images.hot = { cpuUnits: 1536, memoryMiB: 100 };
    const a = taskRecord(sim, 'a', { containers: [containerRecord({ name: 'x', image: 'hot' })] });
    const b = taskRecord(sim, 'b', { containers: [containerRecord({ name: 'x', image: 'hot' }), containerRecord({ name: 'side', image: 'hot', state: 'CREATED' })] });
    instanceRecord(sim, 'full', { taskArns: [a.taskArn, b.taskArn] });
    const table = new UsageTable();
    const minute = () => {
      table.nextMinute();
      const totals = zero();
      clusterUsage(sim, cluster, table, totals);
      return [table.get(a)!.cpu, table.get(b)!.want, totals.useMem];
    };
    expect(minute()).toEqual([1024, 1536, 200]);
    expect(minute()).toEqual([1024, 1536, 200]);
    // b's side container starts: b asks twice as much, and a gets a third of the instance.
    b.containers[1]!.state = 'RUNNING';
    containersChanged(b);
    expect(minute()).toEqual([2048 / 3, 3072, 300]);
    // b's first container stops.
    b.containers[0]!.state = 'STOPPED';
    containersChanged(b);
    expect(minute()).toEqual([1024, 1536, 200]);
    expect(sim.call('sim.SetImage', { image: 'hot', cpuUnits: 100, memoryMiB: 10 }).error).toBeUndefined();
    expect(minute()).toEqual([100, 100, 20]);
  });

  it("counts a cluster's running Fargate tasks, and no other cluster's", () => {
    const { sim, cluster } = demoSim();
    sim.world.fargateTasksLaunched = true;
    sim.world.images.app = { cpuUnits: 100, memoryMiB: 64 };
    const mine = taskRecord(sim, 'f1', { launchType: 'FARGATE', cpu: '256', containers: [containerRecord({ name: 'x', image: 'app' })] });
    const pending = taskRecord(sim, 'f2', { launchType: 'FARGATE', lastStatus: 'PENDING' });
    const other = taskRecord(sim, 'f3', { launchType: 'FARGATE', clusterArn: sim.arn('cluster/other') });
    const table = new UsageTable();
    const totals = zero();
    clusterUsage(sim, cluster, table, totals);
    expect(table.get(mine)).toMatchObject({ cpu: 100, memory: 64 });
    expect(table.get(pending)).toBeUndefined();
    expect(table.get(other)).toBeUndefined();
    // Fargate tasks are not on the cluster's instances: the totals are the instances' alone.
    expect(totals).toEqual(zero());
  });
});
