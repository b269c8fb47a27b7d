import type { SimContext } from '../model/context';
import type { Cluster, Container, Task } from '../model/types';

/**
 * What containers and tasks use (ecs-spec §2.5): sim.SetLoad on the task, then on its service, then
 * the image's behaviour, plus the CPU the requests a task serves ask for. A task with task-level cpu
 * is capped at it; containers with only container-level cpu are Linux CPU shares and may burst into
 * idle CPU of their instance.
 */

const DEFAULT_CPU_UNITS = 10;
const DEFAULT_MEMORY_MIB = 32;

/** What a running container asks for: sim.SetLoad on the task, then on its service, then its image. */
export function containerDemand(sim: SimContext, t: Task, c: Container): { cpu: number; memory: number } {
  const w = sim.world;
  let cpu: number | undefined;
  let memory: number | undefined;
  let anyLoad = false;
  for (const _ in w.loads) {
    anyLoad = true;
    break;
  }
  if (anyLoad) {
    const keys = [`${t.taskArn}|${c.name}`, `${t.taskArn}|*`, ...(t.serviceArn ? [`${t.serviceArn}|${c.name}`, `${t.serviceArn}|*`] : [])];
    for (const k of keys) {
      const l = w.loads[k];
      if (!l) continue;
      cpu ??= l.cpuUnits;
      memory ??= l.memoryMiB;
    }
  }
  const img = w.images[c.image];
  return { cpu: cpu ?? img?.cpuUnits ?? DEFAULT_CPU_UNITS, memory: memory ?? img?.memoryMiB ?? DEFAULT_MEMORY_MIB };
}

export function taskDemand(sim: SimContext, t: Task): { cpu: number; memory: number } {
  let cpu = 0;
  let memory = 0;
  for (const c of t.containers) {
    if (c.state !== 'RUNNING') continue;
    const d = containerDemand(sim, t, c);
    cpu += d.cpu;
    memory += d.memory;
  }
  cpu += t.traffic?.cpuUnits ?? 0; // what the requests it serves ask for
  if (t.cpu !== undefined) cpu = Math.min(cpu, Number(t.cpu)); // task-level cpu is a hard cap
  return { cpu, memory };
}

/** What a task wants before any cap: its processes plus the requests it serves. */
export function rawDemand(sim: SimContext, t: Task): number {
  let cpu = 0;
  for (const c of t.containers) if (c.state === 'RUNNING') cpu += containerDemand(sim, t, c).cpu;
  return cpu + (t.traffic?.cpuUnits ?? 0);
}

/** CPU and memory each running task of a cluster uses now, after instance CPU contention. */
export function clusterUsage(sim: SimContext, cluster: Cluster): Map<string, { cpu: number; memory: number }> {
  const w = sim.world;
  const out = new Map<string, { cpu: number; memory: number }>();
  const byInstance = new Map<string, Task[]>();
  // EC2 tasks are found through their instances; Fargate tasks through the services and the task list.
  for (const ciArn of cluster.instanceArns) {
    const ci = w.containerInstances[ciArn]!;
    const list: Task[] = [];
    for (const a of ci.taskArns) {
      const t = w.tasks[a];
      if (t && t.lastStatus === 'RUNNING') list.push(t);
    }
    if (list.length) byInstance.set(ciArn, list);
  }
  if (w.fargateTasksLaunched) {
    for (const arn of w.taskOrder) {
      const t = w.tasks[arn]!;
      if (t.clusterArn === cluster.clusterArn && t.lastStatus === 'RUNNING' && !t.containerInstanceArn) out.set(arn, taskDemand(sim, t));
    }
  }
  for (const [ciArn, tasks] of byInstance) {
    const ci = w.containerInstances[ciArn]!;
    const demands = tasks.map((t) => taskDemand(sim, t));
    const total = demands.reduce((a, d) => a + d.cpu, 0);
    // [SIM] when the instance is oversubscribed, every task gets the same fraction of what it asks.
    const factor = total > ci.registeredCpu && total > 0 ? ci.registeredCpu / total : 1;
    tasks.forEach((t, i) => out.set(t.taskArn, { cpu: demands[i]!.cpu * factor, memory: demands[i]!.memory }));
  }
  return out;
}
