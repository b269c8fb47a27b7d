import type { Stream } from '../core/rng';
import type { ContainerInstance, PlacementCandidate, PlacementTrace, Task } from '../model/types';
import type { WorldState } from '../world';
import { compileClq, type ClqSubject, type CompiledClq } from './clq';

/** What one task needs from an instance. */
export interface Requirements {
  cpu: number;
  memory: number;
  gpu: number;
  /** Static host ports (bridge hostPort, host-mode containerPort). */
  ports: number[];
  portsUdp: number[];
  /** Dynamic host ports to allocate (bridge with hostPort 0 or omitted). */
  dynamicPorts: number;
  eni: number;
  /** Attributes the instance must have, with a value where it matters. */
  attributes: { name: string; value?: string }[];
}

export interface PlacementStrategy {
  type: string;
  field?: string;
}

export interface PlacementRequest {
  clusterArn: string;
  group: string;
  req: Requirements;
  /** memberOf/distinctInstance from the task definition and the call. */
  constraints: { type: string; expression?: string }[];
  strategies: PlacementStrategy[];
  /** When no strategy is given: RunTask places at random, a service balances AZs then instances. */
  defaultMode: 'random' | 'service';
  /** awsvpc: the AZs of the requested subnets. */
  zones?: Set<string>;
  /** StartTask: only these instances. */
  only?: string[];
}

export interface PlacementResult {
  instance?: ContainerInstance;
  trace: PlacementTrace;
}

/** The order filters run in; "closest matching" is the instance that got furthest. */
const STAGE: Record<string, number> = {
  INACTIVE: 0, AGENT: 1, ATTRIBUTE: 2, LOCATION: 3, 'RESOURCE:CPU': 4, 'RESOURCE:MEMORY': 4, 'RESOURCE:GPU': 4,
  'RESOURCE:PORTS': 5, 'RESOURCE:ENI': 6, 'MemberOf placement constraint unsatisfied.': 7,
  'DistinctInstance placement constraint unsatisfied.': 8,
};

// Keyed by the record itself: several simulations can live in one process (tests, lesson checks).
const attrCache = new WeakMap<ContainerInstance, { version: number; map: Map<string, string | undefined> }>();

export function attributeMap(ci: ContainerInstance): Map<string, string | undefined> {
  const hit = attrCache.get(ci);
  if (hit && hit.version === ci.version) return hit.map;
  const map = new Map<string, string | undefined>();
  for (const a of ci.attributes) map.set(a.name, a.value);
  attrCache.set(ci, { version: ci.version, map });
  return map;
}

function groupCount(w: WorldState, group: string, key: string): number {
  return w.groupIndex[group]?.[key] ?? 0;
}

/** Tasks of `group` on instance (or zone key) `key`, not being stopped. */
export function tasksOfGroupOn(w: WorldState, group: string, key: string): number {
  return groupCount(w, group, key);
}

function remaining(ci: ContainerInstance, field: string): number {
  return field === 'cpu' ? ci.registeredCpu - ci.usedCpu : ci.registeredMemory - ci.usedMemory;
}

function strategyName(s: PlacementStrategy): string {
  return s.type === 'random' ? 'random' : `${s.type}(${s.field ?? ''})`;
}

/** Fills the one evaluation subject of a decision for `ci`, computing only what the expressions use. */
function fillSubject(w: WorldState, ci: ContainerInstance, s: ClqSubject, c: CompiledClq): ClqSubject {
  s.attributes = attributeMap(ci);
  s.agentConnected = ci.agentConnected;
  s.ec2InstanceId = ci.ec2InstanceId;
  s.registeredAt = w.epochSeconds + ci.registeredAtMs / 1000;
  if (c.needsTaskGroups) {
    s.taskGroups = new Set<string>();
    for (const t of ci.taskArns) {
      const task = w.tasks[t];
      if (task && task.desiredStatus === 'RUNNING') s.taskGroups.add(task.group);
    }
  }
  if (c.needsRunningTasks) {
    let running = 0;
    for (const t of ci.taskArns) if (w.tasks[t]?.lastStatus === 'RUNNING') running++;
    s.runningTasksCount = running;
  }
  return s;
}

function newSubject(): ClqSubject {
  return { attributes: new Map(), agentConnected: true, agentVersion: '1.87.1', ec2InstanceId: '', registeredAt: 0, runningTasksCount: 0, taskGroups: new Set() };
}

/** Checks one instance against every filter; returns the rejecting reason and a detail, or undefined. */
function filter(w: WorldState, ci: ContainerInstance, r: PlacementRequest, compiled: (CompiledClq | undefined)[], subject: ClqSubject): [string, string] | undefined {
  if (ci.status !== 'ACTIVE') return ['INACTIVE', `instance is ${ci.status}`];
  if (!ci.agentConnected) return ['AGENT', 'the container agent is disconnected'];
  const req = r.req;
  if (req.attributes.length) {
    const attrs = attributeMap(ci);
    for (const a of req.attributes) {
      if (!attrs.has(a.name) || (a.value !== undefined && attrs.get(a.name) !== a.value)) {
        return ['ATTRIBUTE', `missing required attribute ${a.name}${a.value !== undefined ? `=${a.value}` : ''}`];
      }
    }
  }
  if (r.zones && !r.zones.has(ci.availabilityZone)) return ['LOCATION', `instance is in ${ci.availabilityZone}, not in the task's subnets`];
  const cpuLeft = ci.registeredCpu - ci.usedCpu;
  if (req.cpu > cpuLeft) return ['RESOURCE:CPU', `needs ${req.cpu} CPU units, ${cpuLeft} remaining`];
  const memLeft = ci.registeredMemory - ci.usedMemory;
  if (req.memory > memLeft) return ['RESOURCE:MEMORY', `needs ${req.memory} MiB, ${memLeft} MiB remaining`];
  if (req.gpu > ci.registeredGpu - ci.usedGpu) return ['RESOURCE:GPU', `needs ${req.gpu} GPU, ${ci.registeredGpu - ci.usedGpu} remaining`];
  for (const p of req.ports) {
    if (ci.reservedPorts.includes(p) || ci.usedPorts.includes(p)) return ['RESOURCE:PORTS', `host port ${p}/tcp is already in use`];
  }
  for (const p of req.portsUdp) {
    if (ci.reservedPortsUdp.includes(p) || ci.usedPortsUdp.includes(p)) return ['RESOURCE:PORTS', `host port ${p}/udp is already in use`];
  }
  if (req.eni > 0 && ci.usedEni + req.eni > ci.maxEni - 1) {
    return ['RESOURCE:ENI', `all ${ci.maxEni - 1} task ENIs of ${ci.instanceType} are in use`];
  }
  for (let i = 0; i < r.constraints.length; i++) {
    const c = r.constraints[i]!;
    const fn = compiled[i];
    if (fn) {
      if (!fn.test(fillSubject(w, ci, subject, fn))) {
        return ['MemberOf placement constraint unsatisfied.', `does not match ${c.expression}`];
      }
    } else if (c.type === 'distinctInstance') {
      if (groupCount(w, r.group, ci.containerInstanceArn) > 0) {
        return ['DistinctInstance placement constraint unsatisfied.', `already runs a task of ${r.group}`];
      }
    }
  }
  return undefined;
}

/**
 * Chooses a container instance for one task (ecs-spec §1.1): filters (status, agent, attributes,
 * location, resources, ports, ENIs), then constraints, then the strategies in order. Ties left after
 * the last strategy go to the instance registered first [SIM]. Every candidate gets a trace row.
 */
export function placeOnInstances(w: WorldState, r: PlacementRequest, rng: Stream, traceId: number, nowMs: number): PlacementResult {
  const cluster = w.clusters[r.clusterArn]!;
  const only = r.only ? new Set(r.only) : undefined;
  const candidates: PlacementCandidate[] = [];
  const passing: ContainerInstance[] = [];
  const passingRows: PlacementCandidate[] = [];
  let closest: { stage: number; slack: number; row: PlacementCandidate; reason: string; order: number } | undefined;

  const compiled = r.constraints.map((c) => (c.type === 'memberOf' && c.expression ? compileClq(c.expression) : undefined));
  const subject = newSubject();
  for (const ciArn of cluster.instanceArns) {
    if (only && !only.has(ciArn)) continue;
    const ci = w.containerInstances[ciArn]!;
    if (ci.status === 'INACTIVE') continue;
    // All members up front (undefined ones vanish from JSON) keep one object shape for speed.
    const row: PlacementCandidate = {
      containerInstanceArn: ci.containerInstanceArn, ec2InstanceId: ci.ec2InstanceId, availabilityZone: ci.availabilityZone,
      rejectedBy: undefined, detail: undefined, ranks: undefined, chosen: undefined,
    };
    candidates.push(row);
    const rejected = filter(w, ci, r, compiled, subject);
    if (rejected) {
      row.rejectedBy = rejected[0];
      row.detail = rejected[1];
      const stage = STAGE[rejected[0]] ?? 0;
      // [SIM] "closest matching": furthest filter reached, then most of the missing resource left.
      const slack = rejected[0] === 'RESOURCE:MEMORY' ? remaining(ci, 'memory') : rejected[0] === 'RESOURCE:CPU' ? remaining(ci, 'cpu') : 0;
      if (!closest || stage > closest.stage || (stage === closest.stage && slack > closest.slack)) {
        closest = { stage, slack, row, reason: rejected[0], order: ci.order };
      }
      continue;
    }
    passing.push(ci);
    passingRows.push(row);
  }

  const strategies: PlacementStrategy[] = r.strategies.length
    ? r.strategies
    : r.defaultMode === 'service'
      ? [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'spread', field: 'instanceId' }]
      : [{ type: 'random' }];
  const trace: PlacementTrace = {
    id: traceId, atMs: nowMs, group: r.group,
    strategies: strategies.map(strategyName),
    constraints: r.constraints.map((c) => (c.expression ? `${c.type}: ${c.expression}` : c.type)),
    candidates,
  };
  if (!r.strategies.length) {
    trace.note = r.defaultMode === 'service'
      ? 'No placement strategy: a service balances tasks across Availability Zones, then across instances.'
      : 'No placement strategy: RunTask places tasks randomly.';
  }

  if (passing.length === 0) {
    if (closest) trace.failure = { reason: closest.reason, arn: closest.row.containerInstanceArn, detail: closest.row.detail };
    else trace.failure = { reason: 'MISSING', detail: 'No Container Instances were found in your cluster.' };
    return { trace };
  }

  // Strategies narrow the set in order; each passing row records what every strategy saw.
  let set = passing;
  let rows = passingRows;
  for (const row of rows) row.ranks = [];
  for (const s of strategies) {
    const name = strategyName(s);
    const n = set.length;
    if (s.type === 'random') {
      const pick = n === 1 ? 0 : rng.int(n);
      for (let i = 0; i < n; i++) rows[i]!.ranks!.push({ strategy: name, value: '-', kept: i === pick });
      set = [set[pick]!];
      rows = [rows[pick]!];
      continue;
    }
    const scores = new Array<number>(n);
    let buckets: (string | undefined)[] | undefined;
    if (s.type === 'binpack') {
      const cpu = s.field === 'cpu';
      for (let i = 0; i < n; i++) {
        const ci = set[i]!;
        scores[i] = cpu ? ci.registeredCpu - ci.usedCpu : ci.registeredMemory - ci.usedMemory;
      }
    } else {
      // spread: count tasks of the group per value of the field, over every instance of the cluster.
      const field = s.field ?? 'instanceId';
      const gi = w.groupIndex[r.group];
      if (field === 'instanceId' || field === 'host') {
        for (let i = 0; i < n; i++) scores[i] = gi?.[set[i]!.containerInstanceArn] ?? 0;
      } else {
        const attr = field.startsWith('attribute:') ? field.slice(10) : field;
        const bucket = new Map<string | undefined, number>();
        if (gi) {
          for (const key in gi) {
            const ci = w.containerInstances[key];
            if (!ci) continue;
            const v = attributeMap(ci).get(attr);
            bucket.set(v, (bucket.get(v) ?? 0) + gi[key]!);
          }
        }
        buckets = new Array(n);
        for (let i = 0; i < n; i++) {
          const v = attributeMap(set[i]!).get(attr);
          buckets[i] = v;
          scores[i] = bucket.get(v) ?? 0;
        }
      }
    }
    let best = Infinity;
    for (let i = 0; i < n; i++) if (scores[i]! < best) best = scores[i]!;
    const nextSet: ContainerInstance[] = [];
    const nextRows: PlacementCandidate[] = [];
    for (let i = 0; i < n; i++) {
      const kept = scores[i] === best;
      const rank: { strategy: string; value: number | string; kept: boolean; bucket?: string } = { strategy: name, value: scores[i]!, kept };
      if (buckets) rank.bucket = buckets[i] ?? '(none)';
      rows[i]!.ranks!.push(rank);
      if (kept) {
        nextSet.push(set[i]!);
        nextRows.push(rows[i]!);
      }
    }
    set = nextSet;
    rows = nextRows;
  }
  // [SIM] remaining ties: the instance registered first.
  let chosenIdx = 0;
  for (let i = 1; i < set.length; i++) if (set[i]!.order < set[chosenIdx]!.order) chosenIdx = i;
  rows[chosenIdx]!.chosen = true;
  trace.chosen = set[chosenIdx]!.containerInstanceArn;
  return { instance: set[chosenIdx]!, trace };
}
/** Fargate: spread across the AZs of the task's subnets, fewest tasks of the group first [SIM: first subnet on ties]. */
export function placeOnFargate(w: WorldState, group: string, subnets: string[], traceId: number, nowMs: number): { subnetId?: string; trace: PlacementTrace } {
  const candidates: PlacementCandidate[] = [];
  let best: { subnetId: string; n: number; row: PlacementCandidate } | undefined;
  const seenAz = new Set<string>();
  for (const sid of subnets) {
    const sn = w.subnets[sid]!;
    if (seenAz.has(sn.availabilityZone)) continue;
    seenAz.add(sn.availabilityZone);
    const n = groupCount(w, group, `az:${sn.availabilityZone}`);
    const row: PlacementCandidate = { containerInstanceArn: '', ec2InstanceId: '', availabilityZone: sn.availabilityZone };
    candidates.push(row);
    if (sn.freeIps <= 0) {
      row.rejectedBy = 'RESOURCE:ENI';
      row.detail = `subnet ${sid} has no free IP addresses`;
      continue;
    }
    row.ranks = [{ strategy: 'spread(availability-zone)', value: n, kept: false }];
    if (!best || n < best.n) best = { subnetId: sid, n, row };
  }
  const trace: PlacementTrace = {
    id: traceId, atMs: nowMs, group, strategies: ['spread(availability-zone)'], constraints: [], candidates,
    note: 'Fargate spreads the tasks of a group across the Availability Zones of its subnets.',
  };
  if (!best) {
    trace.failure = { reason: 'RESOURCE:ENI', detail: 'no subnet has a free IP address' };
    return { trace };
  }
  for (const c of candidates) if (c.ranks) c.ranks[0]!.kept = c.ranks[0]!.value === best.n;
  best.row.chosen = true;
  trace.chosen = best.row.availabilityZone;
  return { subnetId: best.subnetId, trace };
}

/** Adds or removes one task of its group on an instance (or Fargate AZ) in the spread index. */
export function indexTask(w: WorldState, t: Task, delta: 1 | -1): void {
  const key = t.containerInstanceArn ?? `az:${t.availabilityZone}`;
  const g = (w.groupIndex[t.group] ??= {});
  const n = (g[key] ?? 0) + delta;
  if (n <= 0) delete g[key];
  else g[key] = n;
}
