import type { SimContext } from '../model/context';
import type { Cluster, Container, Task } from '../model/types';
import { liveTaskArns, resolveAll } from './live';

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
  const d = demandOf(sim, t, hasLoads(sim));
  return { cpu: d.cpu, memory: d.memory };
}

/** What a task wants before any cap: its processes plus the requests it serves. */
export function rawDemand(sim: SimContext, t: Task): number {
  return demandOf(sim, t, hasLoads(sim)).want;
}

/** What a running task uses, and what it asked for before any cap (`want`: its processes plus its requests). */
export interface TaskUsage {
  cpu: number;
  memory: number;
  want: number;
}

function hasLoads(sim: SimContext): boolean {
  for (const _ in sim.world.loads) return true;
  return false;
}

/**
 * A task's demand: its running containers' (in container order) plus its requests', capped at its task-level
 * cpu. Without any sim.SetLoad each container's comes straight from its image, with no record built per container;
 * the sum of its running containers' then stays on the task's usage record (`into`) until one of them starts or
 * stops (containersChanged) or an image's behaviour changes (imagesChanged), so that a minute reads neither the
 * containers nor the images of a task whose containers did not change.
 */
function demandOf(sim: SimContext, t: Task, loads: boolean, into?: UsageRecord): TaskUsage {
  let cpu = 0;
  let memory = 0;
  if (!loads && into !== undefined && into.baseImages === imagesVersion) {
    cpu = into.baseCpu;
    memory = into.baseMemory;
  } else {
    const images = sim.world.images;
    for (const c of t.containers) {
      if (c.state !== 'RUNNING') continue;
      if (loads) {
        const d = containerDemand(sim, t, c);
        cpu += d.cpu;
        memory += d.memory;
      } else {
        const img = images[c.image];
        cpu += img?.cpuUnits ?? DEFAULT_CPU_UNITS;
        memory += img?.memoryMiB ?? DEFAULT_MEMORY_MIB;
      }
    }
    if (!loads && into !== undefined) {
      into.baseCpu = cpu;
      into.baseMemory = memory;
      into.baseImages = imagesVersion;
    }
  }
  const want = cpu + (t.traffic?.cpuUnits ?? 0); // what the requests it serves ask for
  const capped = t.cpu !== undefined ? Math.min(want, Number(t.cpu)) : want; // task-level cpu is a hard cap
  if (!into) return { cpu: capped, memory, want };
  into.cpu = capped;
  into.memory = memory;
  into.want = want;
  return into;
}

/** A task's usage record: this minute's usage, and its running containers' own demand while it holds. */
interface UsageRecord extends TaskUsage {
  minute: number;
  baseCpu: number;
  baseMemory: number;
  /** The images' version the base was summed at; NO_BASE when it must be summed again. */
  baseImages: number;
}

const NO_BASE = -1;

/**
 * Bumped whenever an image's behaviour changes in any world (sim.SetImage): every kept base is summed again.
 * A world's copies (snapshots, restores) have tasks of their own, which carry no record.
 */
let imagesVersion = 0;

export function imagesChanged(): void {
  imagesVersion++;
}

/** The keys every usage table keeps its records under, so that a container's change reaches each. */
const tableKeys: symbol[] = [];

/** A container of the task started, stopped or is about to: its running containers' demand is summed again. */
export function containersChanged(t: Task): void {
  const holder = t as unknown as Record<symbol, UsageRecord | undefined>;
  for (const k of tableKeys) {
    const r = holder[k];
    if (r !== undefined) r.baseImages = NO_BASE;
  }
}

/**
 * What each running task uses in one minute, found by the task. A task keeps its record from minute to
 * minute, so that no map is built each minute; a record counts only in the minute it was last written in.
 * The record hangs off the task itself under a key of the table's own, not enumerable: one property load
 * where a lookup in a side table would touch memory of its own for every task, every minute. Copies of
 * the world (snapshots, restores) copy what is enumerable and so never carry it.
 */
export class UsageTable {
  private minute = 0;
  private readonly key: symbol = Symbol('usage');

  constructor() {
    tableKeys.push(this.key);
  }

  /** Starts a new minute: every record written before it no longer counts. */
  nextMinute(): void {
    this.minute++;
  }

  /** The task's record for this minute, to be filled. */
  write(t: Task): UsageRecord {
    const holder = t as unknown as Record<symbol, UsageRecord | undefined>;
    let r = holder[this.key];
    if (r === undefined) {
      r = { cpu: 0, memory: 0, want: 0, minute: this.minute, baseCpu: 0, baseMemory: 0, baseImages: NO_BASE };
      Object.defineProperty(t, this.key, { value: r, enumerable: false, writable: false, configurable: true });
    } else r.minute = this.minute;
    return r;
  }

  /** The task's usage this minute, if it was worked out. */
  get(t: Task): TaskUsage | undefined {
    const r = (t as unknown as Record<symbol, UsageRecord | undefined>)[this.key];
    return r !== undefined && r.minute === this.minute ? r : undefined;
  }
}

/**
 * One instance's running tasks' demands while its contention is worked out: kept from call to call (filled
 * from the start for each instance, read only up to its count), so that no list is built per instance.
 */
const scratch: TaskUsage[] = [];

/** A cluster's registered, reserved and used CPU and memory over its ACTIVE and DRAINING instances. */
export interface ClusterTotals {
  regCpu: number;
  regMem: number;
  resCpu: number;
  resMem: number;
  useCpu: number;
  useMem: number;
}

/**
 * CPU and memory each running task of a cluster uses now, after instance CPU contention, written to `out`
 * (one table can gather several clusters: a task belongs to one). With `totals`, the cluster's figures are
 * summed in the same walk, instance by instance and task by task.
 */
export function clusterUsage(sim: SimContext, cluster: Cluster, out: UsageTable, totals?: ClusterTotals): void {
  const w = sim.world;
  const loads = hasLoads(sim);
  // Fargate tasks are found through the tasks not yet stopped; EC2 tasks through their instances.
  if (w.fargateTasksLaunched) {
    for (const arn of liveTaskArns(w)) {
      const t = w.tasks[arn]!;
      if (t.clusterArn === cluster.clusterArn && t.lastStatus === 'RUNNING' && !t.containerInstanceArn) demandOf(sim, t, loads, out.write(t));
    }
  }
  const demands = scratch;
  for (const ci of resolveAll(w.containerInstances, cluster.instanceArns)) {
    if (!ci) continue;
    let n = 0;
    let total = 0;
    for (const t of resolveAll(w.tasks, ci.taskArns)) {
      if (!t || t.lastStatus !== 'RUNNING') continue;
      const d = demandOf(sim, t, loads, out.write(t));
      demands[n] = d;
      n++;
      total += d.cpu;
    }
    // [SIM] when the instance is oversubscribed, every task gets the same fraction of what it asks.
    const factor = total > ci.registeredCpu && total > 0 ? ci.registeredCpu / total : 1;
    const sum = totals && (ci.status === 'ACTIVE' || ci.status === 'DRAINING') ? totals : undefined;
    if (sum) {
      sum.regCpu += ci.registeredCpu;
      sum.regMem += ci.registeredMemory;
      sum.resCpu += ci.usedCpu;
      sum.resMem += ci.usedMemory;
    }
    for (let i = 0; i < n; i++) {
      const d = demands[i]!;
      if (factor !== 1) d.cpu *= factor;
      if (sum) {
        sum.useCpu += d.cpu;
        sum.useMem += d.memory;
      }
    }
  }
}
