import type { Stream } from '../core/rng';
import type { ContainerInstance, PlacementCandidate, PlacementStrategy, PlacementTrace, Requirements, Task } from '../model/types';
import type { WorldState } from '../model/world';
import { compileClq, type ClqSubject, type CompiledClq } from './clq';
import { SPOT_UNAVAILABLE } from '../model/capacity';
import { sayDetail, type SaidDetail } from './details';

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
  /** A capacity provider strategy item: only that provider's instances. */
  capacityProvider?: string;
}

export interface PlacementResult {
  instance?: ContainerInstance;
  trace: PlacementTrace;
}

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

/** Reads one attribute; the reserved built-ins come from the record itself (pick the reader once per decision). */
export function attrReader(name: string): (ci: ContainerInstance) => string | undefined {
  if (name === 'ecs.availability-zone') return (ci) => ci.availabilityZone;
  if (name === 'ecs.instance-type') return (ci) => ci.instanceType;
  return (ci) => attributeMap(ci).get(name);
}

function groupCount(w: WorldState, group: string, key: string): number {
  return w.groupIndex[group]?.[key] ?? 0;
}

/** Tasks of `group` on instance (or zone key) `key`, not being stopped. */
export function tasksOfGroupOn(w: WorldState, group: string, key: string): number {
  return groupCount(w, group, key);
}

function strategyName(s: PlacementStrategy): string {
  return s.type === 'random' ? 'random' : `${s.type}(${s.field ?? ''})`;
}

/** Fills the one evaluation subject of a decision for `ci`, computing only what the expressions use. */
function fillSubject(w: WorldState, ci: ContainerInstance, s: ClqSubject, c: CompiledClq): ClqSubject {
  s.attributes = attributeMap(ci);
  s.availabilityZone = ci.availabilityZone;
  s.instanceType = ci.instanceType;
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

// The records behind a cluster's instance list, resolved once: the list only grows by push and is
// replaced when an instance leaves, and a restored world has new arrays, so its identity and length
// say whether the cache still holds.
const instanceCache = new WeakMap<string[], { length: number; world: WorldState; list: ContainerInstance[] }>();
function instancesOf(w: WorldState, arns: string[]): ContainerInstance[] {
  const hit = instanceCache.get(arns);
  if (hit && hit.length === arns.length && hit.world === w) return hit.list;
  const list = arns.map((a) => w.containerInstances[a]!);
  instanceCache.set(arns, { length: arns.length, world: w, list });
  return list;
}

/** RunTask failure reasons by code (0 = passed every filter), and how far each got for "closest matching". */
export const CODES = [
  '',
  'INACTIVE',
  'AGENT',
  'ATTRIBUTE',
  'LOCATION',
  'RESOURCE:CPU',
  'RESOURCE:MEMORY',
  'RESOURCE:GPU',
  'RESOURCE:PORTS',
  'RESOURCE:ENI',
  'MemberOf placement constraint unsatisfied.',
  'DistinctInstance placement constraint unsatisfied.',
];
const STAGE = [0, 0, 1, 2, 3, 4, 4, 4, 5, 6, 7, 8];
const STATUSES = ['ACTIVE', 'DRAINING', 'REGISTERING', 'DEREGISTERING', 'INACTIVE'];
/** Scratch: the number behind the last rejection (what remained, the port, the constraint index). */
let detailNum = 0;

/** Checks one instance against every filter; returns 0 or the code of the filter that rejected it. */
function filter(w: WorldState, ci: ContainerInstance, r: PlacementRequest, compiled: (CompiledClq | undefined)[], subject: ClqSubject): number {
  if (ci.status !== 'ACTIVE') {
    detailNum = STATUSES.indexOf(ci.status);
    return 1;
  }
  if (!ci.agentConnected) return 2;
  const req = r.req;
  if (req.attributes.length) {
    const attrs = attributeMap(ci);
    for (let i = 0; i < req.attributes.length; i++) {
      const a = req.attributes[i]!;
      if (!attrs.has(a.name) || (a.value !== undefined && attrs.get(a.name) !== a.value)) {
        detailNum = i;
        return 3;
      }
    }
  }
  if (r.zones && !r.zones.has(ci.availabilityZone)) return 4;
  if (req.cpu > ci.registeredCpu - ci.usedCpu) {
    detailNum = ci.registeredCpu - ci.usedCpu;
    return 5;
  }
  if (req.memory > ci.registeredMemory - ci.usedMemory) {
    detailNum = ci.registeredMemory - ci.usedMemory;
    return 6;
  }
  if (req.gpu > ci.registeredGpu - ci.usedGpu) {
    detailNum = ci.registeredGpu - ci.usedGpu;
    return 7;
  }
  for (const p of req.ports) {
    if (ci.reservedPorts.includes(p) || ci.usedPorts.includes(p)) {
      detailNum = p;
      return 8;
    }
  }
  for (const p of req.portsUdp) {
    if (ci.reservedPortsUdp.includes(p) || ci.usedPortsUdp.includes(p)) {
      detailNum = -p;
      return 8;
    }
  }
  if (req.eni > 0 && ci.usedEni + req.eni > ci.maxEni - 1) {
    detailNum = ci.maxEni - 1;
    return 9;
  }
  for (let i = 0; i < r.constraints.length; i++) {
    const fn = compiled[i];
    if (fn) {
      if (!fn.test(fillSubject(w, ci, subject, fn))) {
        detailNum = i;
        return 10;
      }
    } else if (r.constraints[i]!.type === 'distinctInstance' && groupCount(w, r.group, ci.containerInstanceArn) > 0) {
      return 11;
    }
  }
  return 0;
}

/** The detail of a rejection by filter `code` with the number behind it, in English and as its form. */
export function detailOf(t: PlacementTrace, code: number, num: number, ci: ContainerInstance | undefined): SaidDetail | undefined {
  const need = t.need ?? { cpu: 0, memory: 0, gpu: 0 };
  switch (code) {
    case 1:
      return sayDetail('status', { status: STATUSES[num] ?? 'not ACTIVE' });
    case 2:
      return sayDetail('agent', {});
    case 3:
      return sayDetail('attribute', { name: t.requiredAttributes?.[num] ?? '' });
    case 4:
      return sayDetail('subnet', { zone: ci?.availabilityZone ?? 'another zone' });
    case 5:
      return sayDetail('cpu', { need: need.cpu, left: num });
    case 6:
      return sayDetail('memory', { need: need.memory, left: num });
    case 7:
      return sayDetail('gpu', { need: need.gpu, left: num });
    case 8:
      return sayDetail('port', { port: `${Math.abs(num)}/${num < 0 ? 'udp' : 'tcp'}` });
    case 9:
      return sayDetail('eni', { count: num, type: ci?.instanceType ?? 'the instance' });
    case 10:
      return sayDetail('memberOf', { expression: t.constraints[num]?.replace(/^memberOf: /, '') ?? '' });
    case 11:
      return sayDetail('distinct', { group: t.group });
    default:
      return undefined;
  }
}

/**
 * Chooses a container instance for one task (ecs-spec §1.1): filters (status, agent, attributes,
 * location, resources, ports, ENIs), then constraints, then the strategies in order. Ties left after
 * the last strategy go to the instance registered first [SIM]. Every candidate is traced; the trace
 * is kept in columns and turned into rows by `expandTrace` (traces.ts) when someone reads it.
 */
export function placeOnInstances(w: WorldState, r: PlacementRequest, rng: Stream, traceId: number, nowMs: number): PlacementResult {
  const list = candidatesOf(w, r);
  const strategies: PlacementStrategy[] = r.strategies.length
    ? r.strategies
    : r.defaultMode === 'service'
      ? [
          { type: 'spread', field: 'attribute:ecs.availability-zone' },
          { type: 'spread', field: 'instanceId' },
        ]
      : [{ type: 'random' }];
  const n = list.length;
  const S = strategies.length;
  const columns = { arns: list.map((ci) => ci.containerInstanceArn), codes: new Uint8Array(n), nums: new Float64Array(n), scores: new Float64Array(n * S).fill(NaN), kept: new Uint8Array(n) };
  const { passed, closest } = filterAll(w, r, list, columns);
  const trace: PlacementTrace = {
    id: traceId,
    atMs: nowMs,
    group: r.group,
    strategies: strategies.map(strategyName),
    strategyForms: strategies.map((s) => (s.field !== undefined ? { type: s.type, field: s.field } : { type: s.type })),
    constraints: r.constraints.map((c) => (c.expression ? `${c.type}: ${c.expression}` : c.type)),
    need: { cpu: r.req.cpu, memory: r.req.memory, gpu: r.req.gpu },
    requiredAttributes: r.req.attributes.map((a) => (a.value !== undefined ? `${a.name}=${a.value}` : a.name)),
    columns,
  };
  if (!r.strategies.length) {
    trace.note = r.defaultMode === 'service' ? 'No placement strategy: a service balances tasks across Availability Zones, then across instances.' : 'No placement strategy: RunTask places tasks randomly.';
    trace.noteForm = r.defaultMode === 'service' ? 'service' : 'runTask';
  }
  if (passed.length === 0) {
    if (closest >= 0) {
      const ci = list[closest]!;
      const said = detailOf(trace, columns.codes[closest]!, columns.nums[closest]!, ci);
      trace.failure = { reason: CODES[columns.codes[closest]!]!, arn: ci.containerInstanceArn, detail: said?.detail, ...(said ? { detailForm: said.form } : {}) };
    } else {
      // ECS's own words; with a capacity provider it names the provider, whose instances were the only candidates (ecs-spec §5.8).
      trace.failure = { reason: 'MISSING', detail: `No Container Instances were found in your ${r.capacityProvider ? 'capacity provider' : 'cluster'}.` };
    }
    return { trace };
  }
  const set = applyStrategies(w, r.group, list, passed, strategies, rng, columns);
  // [SIM] remaining ties: the instance registered first.
  let chosen = set[0]!;
  for (const idx of set) if (list[idx]!.order < list[chosen]!.order) chosen = idx;
  trace.chosen = list[chosen]!.containerInstanceArn;
  return { instance: list[chosen]!, trace };
}

type Columns = NonNullable<PlacementTrace['columns']>;

/** The cluster's instances a decision considers: not INACTIVE, of the named instances and capacity provider if any. */
function candidatesOf(w: WorldState, r: PlacementRequest): ContainerInstance[] {
  const cluster = w.clusters[r.clusterArn]!;
  const only = r.only ? new Set(r.only) : undefined;
  const all = instancesOf(w, cluster.instanceArns);
  const list: ContainerInstance[] = [];
  const cp = r.capacityProvider;
  for (const ci of all) {
    if (ci.status !== 'INACTIVE' && (!only || only.has(ci.containerInstanceArn)) && (!cp || ci.capacityProviderName === cp)) list.push(ci);
  }
  return list;
}

/** Runs every candidate through the filters: the indexes that passed, and the closest rejected one. */
function filterAll(w: WorldState, r: PlacementRequest, list: ContainerInstance[], columns: Columns): { passed: number[]; closest: number } {
  const compiled = r.constraints.map((c) => (c.type === 'memberOf' && c.expression ? compileClq(c.expression) : undefined));
  const subject = newSubject();
  const passed: number[] = [];
  let closest = -1;
  let closestStage = -1;
  let closestSlack = -1;
  for (let i = 0; i < list.length; i++) {
    const code = filter(w, list[i]!, r, compiled, subject);
    if (code === 0) {
      passed.push(i);
      continue;
    }
    columns.codes[i] = code;
    columns.nums[i] = detailNum;
    // [SIM] "closest matching": furthest filter reached, then most of the missing resource left.
    const stage = STAGE[code]!;
    const slack = code === 5 || code === 6 ? detailNum : 0;
    if (stage > closestStage || (stage === closestStage && slack > closestSlack)) {
      closest = i;
      closestStage = stage;
      closestSlack = slack;
    }
  }
  return { passed, closest };
}

/** Strategies narrow the candidates in order; each candidate still in records its score under each, and how many kept it. */
function applyStrategies(w: WorldState, group: string, list: ContainerInstance[], passed: number[], strategies: PlacementStrategy[], rng: Stream, columns: Columns): number[] {
  const { scores, kept } = columns;
  const S = strategies.length;
  let set = passed;
  for (let j = 0; j < S; j++) {
    const s = strategies[j]!;
    const m = set.length;
    if (s.type === 'random') {
      const pick = m === 1 ? 0 : rng.int(m);
      for (let k = 0; k < m; k++) scores[set[k]! * S + j] = 0;
      kept[set[pick]!]!++;
      set = [set[pick]!];
      continue;
    }
    const sc = s.type === 'binpack' ? binpackScores(list, set, s.field === 'cpu') : spreadScores(w, group, list, set, s.field ?? 'instanceId');
    let best = Infinity;
    for (let k = 0; k < m; k++) if (sc[k]! < best) best = sc[k]!;
    const next: number[] = [];
    for (let k = 0; k < m; k++) {
      const idx = set[k]!;
      scores[idx * S + j] = sc[k]!;
      if (sc[k] === best) {
        kept[idx]!++;
        next.push(idx);
      }
    }
    set = next;
  }
  return set;
}

/** binpack: what remains of the field on each candidate (the least wins). */
function binpackScores(list: ContainerInstance[], set: number[], cpu: boolean): Float64Array {
  const sc = new Float64Array(set.length);
  for (let k = 0; k < set.length; k++) {
    const ci = list[set[k]!]!;
    sc[k] = cpu ? ci.registeredCpu - ci.usedCpu : ci.registeredMemory - ci.usedMemory;
  }
  return sc;
}

/** spread: tasks of the group per value of the field, counted over every instance of the cluster (the fewest wins). */
function spreadScores(w: WorldState, group: string, list: ContainerInstance[], set: number[], field: string): Float64Array {
  const m = set.length;
  const sc = new Float64Array(m);
  const gi = w.groupIndex[group];
  if (field === 'instanceId' || field === 'host') {
    for (let k = 0; k < m; k++) sc[k] = gi?.[list[set[k]!]!.containerInstanceArn] ?? 0;
    return sc;
  }
  const attrValue = attrReader(field.startsWith('attribute:') ? field.slice(10) : field);
  const bucket = new Map<string | undefined, number>();
  if (gi) {
    for (const key in gi) {
      const ci = w.containerInstances[key];
      if (!ci) continue;
      const v = attrValue(ci);
      bucket.set(v, (bucket.get(v) ?? 0) + gi[key]!);
    }
  }
  for (let k = 0; k < m; k++) sc[k] = bucket.get(attrValue(list[set[k]!]!)) ?? 0;
  return sc;
}

/** Fargate: spread across the AZs of the task's subnets, fewest tasks of the group first [SIM: first subnet on ties]. */
export function placeOnFargate(w: WorldState, group: string, subnets: string[], traceId: number, nowMs: number, spot = false): { subnetId?: string; trace: PlacementTrace } {
  const candidates: PlacementCandidate[] = [];
  if (spot && !w.fargateSpotAvailable) {
    return {
      trace: {
        id: traceId,
        atMs: nowMs,
        group,
        strategies: [],
        constraints: [],
        candidates,
        note: 'Fargate Spot has no spare capacity at the moment.',
        failure: { reason: SPOT_UNAVAILABLE, detail: 'Fargate Spot has no spare capacity at the moment.' },
      },
    };
  }
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
      const said = sayDetail('subnetFull', { subnet: sid });
      row.rejectedBy = 'RESOURCE:ENI';
      row.detail = said.detail;
      row.detailForm = said.form;
      continue;
    }
    row.ranks = [{ strategy: 'spread(availability-zone)', value: n, kept: false }];
    if (!best || n < best.n) best = { subnetId: sid, n, row };
  }
  const trace: PlacementTrace = {
    id: traceId,
    atMs: nowMs,
    group,
    strategies: ['spread(availability-zone)'],
    strategyForms: [{ type: 'spread', field: 'availability-zone' }],
    constraints: [],
    candidates,
    note: 'Fargate spreads the tasks of a group across the Availability Zones of its subnets.',
  };
  if (!best) {
    const said = sayDetail('noSubnet', {});
    trace.failure = { reason: 'RESOURCE:ENI', detail: said.detail, detailForm: said.form };
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
