import type { SimContext } from '../model/context';
import type { Cluster, MetricSeries, Service, Task } from '../model/types';
import type { WorldState } from '../model/world';
import { MINUTE } from '../core/time';
import { clusterUsage, rawDemand, UsageTable, type ClusterTotals } from '../queries/demand';
import { lbLabel, seriesKey, tgLabel } from '../queries/metrics';
import { taskDefinitionOf } from '../queries/taskDefinitions';
import { distributeTraffic, perMinute, type TaskTraffic } from '../queries/traffic';
import { resolveAll, resolvedAs } from '../queries/live';

/**
 * What containers use and the CloudWatch-style metrics ECS publishes every minute (ecs-spec §2.5,
 * §6.1). A task with task-level cpu is capped at it; containers with only container-level cpu are
 * Linux CPU shares and may burst into idle CPU of their instance, so a service's CPUUtilization can
 * exceed 100 %. Datapoints are sampled at the end of each minute [SIM] and timestamped at its start.
 */

/** Appends a datapoint to the series of (namespace, metric, dimensions), creating it if needed. */
function record(sim: SimContext, namespace: string, metricName: string, dims: { name: string; value: string }[], atMs: number, value: number): void {
  const key = seriesKey(namespace, metricName, dims);
  const s = (sim.world.metrics[key] ??= { namespace, metricName, dimensions: dims, points: [] });
  s.points.push(atMs, value);
}

// The series of the record they describe (a service, a target group, …), by a slot each publisher gives each of
// its metrics, found the first time from the world's table, so that the per-minute path does not rebuild and
// hash long keys; a restored world has new records and finds them again.
const seriesCache = new WeakMap<object, (MetricSeries | undefined)[]>();

/** The series slots of one record: looked up once, then `put` to each. */
function seriesOf(owner: object): (MetricSeries | undefined)[] {
  let slots = seriesCache.get(owner);
  if (!slots) {
    slots = [];
    seriesCache.set(owner, slots);
  }
  return slots;
}

/** Appends a datapoint to a record's series in `slot` (always the same namespace and metric for a slot). */
function put(sim: SimContext, slots: (MetricSeries | undefined)[], slot: number, namespace: string, metricName: string, dims: { name: string; value: string }[], atMs: number, value: number): void {
  let s = slots[slot];
  if (!s) {
    const key = seriesKey(namespace, metricName, dims);
    s = sim.world.metrics[key] ??= { namespace, metricName, dimensions: dims, points: [] };
    slots[slot] = s;
  }
  s.points.push(atMs, value);
}

type Usage = UsageTable;
type Dims = { name: string; value: string }[];

// The dimensions of a record's series, built once per record (and again when `key`, what they are built
// from beyond the record's own names, changes), instead of every minute.
const dimsCache = new WeakMap<object, { key: string; dims: Dims[] }>();

function dimsOf(owner: object, build: () => Dims[], key = ''): Dims[] {
  let d = dimsCache.get(owner);
  if (!d || d.key !== key) {
    d = { key, dims: build() };
    dimsCache.set(owner, d);
  }
  return d.dims;
}

// Every task's usage, by minute: publishMetrics works a minute's out and reads it only during its call.
const usage = new UsageTable();

/** Listener of `minuteTicked`: publishes one minute of metrics for every active cluster, service and load balancer. */
export function publishMetrics(sim: SimContext): void {
  const w = sim.world;
  const periodStart = sim.now - MINUTE;
  const traffic = distributeTraffic(sim);
  assignTraffic(w, traffic.perTask);
  // One table for every cluster's tasks: a task belongs to one cluster, so each cluster reads its own in it.
  usage.nextMinute();
  const bases = new Map<string, { cpu: number; memory: number }>();
  // Each cluster's ACTIVE services, in the table's order, gathered in one walk over the services.
  const byCluster = new Map<string, Service[]>();
  for (const id in w.services) {
    const svc = w.services[id]!;
    if (svc.status !== 'ACTIVE') continue;
    const list = byCluster.get(svc.clusterArn);
    if (list) list.push(svc);
    else byCluster.set(svc.clusterArn, [svc]);
  }
  for (const cluster of Object.values(w.clusters)) {
    if (cluster.status !== 'ACTIVE') continue;
    const totals: ClusterTotals = { regCpu: 0, regMem: 0, resCpu: 0, resMem: 0, useCpu: 0, useMem: 0 };
    clusterUsage(sim, cluster, usage, totals);
    publishClusterMetrics(sim, cluster, totals, periodStart);
    for (const svc of byCluster.get(cluster.clusterArn) ?? []) publishServiceMetrics(sim, cluster, svc, usage, bases, periodStart);
  }
  publishTrafficMetrics(sim, traffic, usage, periodStart);
}

/** The minute's requests, as CPU each task is asked for; tasks that served last minute start from nothing (their records are reused). */
function assignTraffic(w: WorldState, perTask: TaskTraffic[]): void {
  for (const t of resolveAll(w.tasks, w.trafficTasks)) {
    const tr = t?.traffic;
    if (tr) {
      tr.cpuUnits = 0;
      tr.requests = 0;
      tr.errors = 0;
      tr.latencyMs = 0;
    }
  }
  const list: string[] = [];
  const tasks: Task[] = [];
  for (const load of perTask) {
    const t = load.task;
    const arn = t.taskArn;
    const tr = t.traffic;
    if (tr) {
      tr.cpuUnits = load.cpuUnits;
      tr.requests = 0;
      tr.errors = 0;
      tr.latencyMs = 0;
    } else t.traffic = { cpuUnits: load.cpuUnits, requests: 0, errors: 0, latencyMs: 0 };
    list.push(arn);
    tasks.push(t);
  }
  w.trafficTasks = list;
  resolvedAs(list, tasks);
}

/** A cluster's CPU and memory reservation and utilization over its ACTIVE and DRAINING instances. */
function publishClusterMetrics(sim: SimContext, cluster: Cluster, totals: ClusterTotals, periodStart: number): void {
  const dims = dimsOf(cluster, () => [[{ name: 'ClusterName', value: cluster.clusterName }]])[0]!;
  const { regCpu, regMem, resCpu, resMem, useCpu, useMem } = totals;
  if (regCpu > 0) {
    const ss = seriesOf(cluster);
    put(sim, ss, 0, 'AWS/ECS', 'CPUReservation', dims, periodStart, (resCpu * 100) / regCpu);
    put(sim, ss, 1, 'AWS/ECS', 'MemoryReservation', dims, periodStart, (resMem * 100) / regMem);
    put(sim, ss, 2, 'AWS/ECS', 'CPUUtilization', dims, periodStart, (useCpu * 100) / regCpu);
    put(sim, ss, 3, 'AWS/ECS', 'MemoryUtilization', dims, periodStart, (useMem * 100) / regMem);
  }
}

/** A service's task counts and its CPU and memory utilization against its task definition's sizes (§6.1). */
function publishServiceMetrics(sim: SimContext, cluster: Cluster, svc: Service, usage: Usage, bases: Map<string, { cpu: number; memory: number }>, periodStart: number): void {
  const w = sim.world;
  const sdims = dimsOf(svc, () => [
    [
      { name: 'ClusterName', value: cluster.clusterName },
      { name: 'ServiceName', value: svc.serviceName },
    ],
  ])[0]!;
  let running = 0;
  let pending = 0;
  let cpu = 0;
  let mem = 0;
  let cpuBase = 0;
  let memBase = 0;
  for (const t of resolveAll(w.tasks, svc.taskArns)) {
    if (!t || t.desiredStatus !== 'RUNNING') continue;
    if (t.lastStatus !== 'RUNNING') {
      if (t.lastStatus !== 'STOPPED') pending++;
      continue;
    }
    running++;
    const u = usage.get(t);
    if (u) {
      cpu += u.cpu;
      mem += u.memory;
    }
    const base = baseOf(sim, t, bases);
    cpuBase += base.cpu;
    memBase += base.memory;
  }
  const ss = seriesOf(svc);
  put(sim, ss, 0, 'ECS/ContainerInsights', 'RunningTaskCount', sdims, periodStart, running);
  put(sim, ss, 1, 'ECS/ContainerInsights', 'PendingTaskCount', sdims, periodStart, pending);
  put(sim, ss, 2, 'ECS/ContainerInsights', 'DesiredTaskCount', sdims, periodStart, svc.desiredCount);
  if (running === 0) return; // no datapoint: insufficient data
  if (cpuBase > 0) put(sim, ss, 3, 'AWS/ECS', 'CPUUtilization', sdims, periodStart, (cpu * 100) / cpuBase);
  if (memBase > 0) put(sim, ss, 4, 'AWS/ECS', 'MemoryUtilization', sdims, periodStart, (mem * 100) / memBase);
}

/** The task definition's CPU and memory (soft limit where set): the 100 % marks of a task (§6.1). */
function baseOf(sim: SimContext, t: Task, bases: Map<string, { cpu: number; memory: number }>): { cpu: number; memory: number } {
  let base = bases.get(t.taskDefinitionArn);
  if (!base) {
    const td = taskDefinitionOf(sim, t);
    base = {
      cpu: td?.cpu !== undefined ? Number(td.cpu) : (td?.containerDefinitions ?? []).reduce((a, c) => a + (c.cpu ?? 0), 0),
      memory: td?.memory !== undefined ? Number(td.memory) : (td?.containerDefinitions ?? []).reduce((a, c) => a + (c.memoryReservation ?? c.memory ?? 0), 0),
    };
    bases.set(t.taskDefinitionArn, base);
  }
  return base;
}

/** Listener of `minuteTicked`, after the cost meter: what the run has cost so far, by capacity type. */
export function publishBillingMetrics(sim: SimContext): void {
  const periodStart = sim.now - MINUTE;
  for (const [type, usd] of Object.entries(sim.world.cost.byCapacityType)) {
    record(sim, 'ECSSandbox/Billing', 'EstimatedChargesUSD', [{ name: 'CapacityType', value: type }], periodStart, usd);
  }
}

/**
 * What the minute's requests got: a task that receives more CPU than it is given serves the share
 * it can and fails the rest (5xx); its latency grows as 1 / (1 - utilization) of the request's CPU
 * time [SIM: an M/M/1 queue], capped at the ALB's 60 s idle timeout.
 */
function publishTrafficMetrics(sim: SimContext, traffic: ReturnType<typeof distributeTraffic>, usage: Usage, periodStart: number): void {
  const w = sim.world;
  const groups = new Map<string, GroupSums>();
  const revisions = new Map<string, RevisionSums>();
  // One record for every task's outcome, read before the next task's is written.
  const outcome: Outcome = { rps: 0, served: 0, errors: 0, latencyMs: 0 };
  const same: SameOutcome = { taskDefinitionArn: undefined, cpu: undefined, rate: 0, notFound: 0, cpuUnits: 0, want: 0, got: 0 };
  // A group's and a revision's tasks come one after another (a group's targets are spread in turn): each
  // accumulator is looked up again only when the next task's differs from the last one's.
  let groupArn: string | undefined;
  let group: GroupSums | undefined;
  const rev: RevisionMemo = { serviceArn: undefined, deploymentId: undefined, sums: undefined };
  for (const load of traffic.perTask) {
    const t = load.task;
    const o = taskOutcome(sim, t, load, usage, outcome, same);
    const tr = t.traffic!;
    tr.requests = perMinute(o.rps);
    tr.errors = perMinute(o.errors + load.notFound);
    tr.latencyMs = o.latencyMs;
    const lbTargets = t.lbTargets;
    if (lbTargets?.length) {
      const requests = tr.requests;
      const errors = perMinute(o.errors);
      const notFound = perMinute(load.notFound);
      const latency = o.latencyMs * perMinute(o.served);
      for (const r of lbTargets) {
        let g = r.targetGroupArn === groupArn ? group : groups.get(r.targetGroupArn);
        if (!g) {
          g = { requests: 0, errors: 0, notFound: 0, latencySum: 0, targets: 0 };
          groups.set(r.targetGroupArn, g);
        }
        groupArn = r.targetGroupArn;
        group = g;
        g.requests += requests;
        g.errors += errors;
        g.notFound += notFound;
        g.latencySum += latency;
        g.targets++;
      }
    }
    addToRevision(sim, revisions, t, o, rev);
  }
  publishRevisionMetrics(sim, revisions, periodStart);
  for (const tg of Object.values(w.targetGroups)) {
    const lb = tg.loadBalancerArns[0] ? w.loadBalancers[tg.loadBalancerArns[0]] : undefined;
    if (!lb) continue;
    const g = groups.get(tg.TargetGroupArn) ?? { requests: 0, errors: 0, notFound: 0, latencySum: 0, targets: 0 };
    const [dims, tgOnly] = dimsOf(
      tg,
      () => [
        [
          { name: 'LoadBalancer', value: lbLabel(lb.LoadBalancerArn) },
          { name: 'TargetGroup', value: tgLabel(tg.TargetGroupArn) },
        ],
        [{ name: 'TargetGroup', value: tgLabel(tg.TargetGroupArn) }],
      ],
      lb.LoadBalancerArn,
    ) as [Dims, Dims];
    const ss = seriesOf(tg);
    put(sim, ss, 0, 'AWS/ApplicationELB', 'RequestCount', dims, periodStart, g.requests);
    put(sim, ss, 1, 'AWS/ApplicationELB', 'RequestCountPerTarget', tgOnly, periodStart, g.targets ? g.requests / g.targets : 0);
    put(sim, ss, 2, 'AWS/ApplicationELB', 'HTTPCode_Target_5XX_Count', dims, periodStart, g.errors);
    put(sim, ss, 3, 'AWS/ApplicationELB', 'HTTPCode_Target_4XX_Count', dims, periodStart, g.notFound);
    const servedCount = g.requests - g.notFound;
    if (servedCount > 0) put(sim, ss, 4, 'AWS/ApplicationELB', 'TargetResponseTime', dims, periodStart, g.latencySum / servedCount / 1000);
    let healthy = 0;
    let unhealthy = 0;
    for (const x of tg.targets) {
      if (x.State === 'healthy') healthy++;
      else if (x.State === 'unhealthy') unhealthy++;
    }
    put(sim, ss, 5, 'AWS/ApplicationELB', 'HealthyHostCount', dims, periodStart, healthy);
    put(sim, ss, 6, 'AWS/ApplicationELB', 'UnHealthyHostCount', dims, periodStart, unhealthy);
  }
  for (const lb of Object.values(w.loadBalancers)) {
    const dims = dimsOf(lb, () => [[{ name: 'LoadBalancer', value: lbLabel(lb.LoadBalancerArn) }]])[0]!;
    put(sim, seriesOf(lb), 0, 'AWS/ApplicationELB', 'HTTPCode_ELB_5XX_Count', dims, periodStart, perMinute(traffic.noTarget.get(lb.LoadBalancerArn) ?? 0));
  }
}

interface Outcome {
  rps: number;
  served: number;
  errors: number;
  latencyMs: number;
}

/** A target group's minute: what its targets' requests got. */
interface GroupSums {
  requests: number;
  errors: number;
  notFound: number;
  latencySum: number;
  targets: number;
}

/**
 * What the last task's outcome was worked out from: a task of the same task definition and cpu with the same
 * requests, demand and CPU gets the same outcome (the same arithmetic on the same numbers), so it is not worked out again.
 */
interface SameOutcome {
  taskDefinitionArn: string | undefined;
  cpu: string | undefined;
  rate: number;
  notFound: number;
  cpuUnits: number;
  want: number;
  got: number;
}

/** The revision sums the last task was added to, by its service and deployment. */
interface RevisionMemo {
  serviceArn: string | undefined;
  deploymentId: string | undefined;
  sums: RevisionSums | undefined;
}

type RevisionSums = Outcome & { svc: Service; revisionArn: string };

/**
 * What a task's requests got this minute: past saturation the excess fails (5xx); an application
 * that answers a share of its requests with errors (the image's errorPercent) fails those too.
 */
function taskOutcome(sim: SimContext, t: Task, load: TaskTraffic, usage: Usage, out: Outcome, same: SameOutcome): Outcome {
  const u = usage.get(t);
  const want = u ? u.want : rawDemand(sim, t);
  const got = u ? u.cpu : 0;
  // With task-level cpu the outcome depends on these alone (without it, on the task's instance too).
  const alike = u !== undefined && load.more === undefined && t.cpu !== undefined;
  if (alike && same.taskDefinitionArn === t.taskDefinitionArn && same.cpu === t.cpu && same.rate === load.rate && same.notFound === load.notFound && same.cpuUnits === load.cpuUnits && same.want === want && same.got === got) return out;
  same.taskDefinitionArn = alike ? t.taskDefinitionArn : undefined;
  same.cpu = t.cpu;
  same.rate = load.rate;
  same.notFound = load.notFound;
  same.cpuUnits = load.cpuUnits;
  same.want = want;
  same.got = got;
  let rps = 0 + load.rate;
  if (load.more) for (const r of load.more.rates) rps += r;
  const served = rps - load.notFound;
  const base = want - load.cpuUnits;
  const fraction = load.cpuUnits > 0 ? Math.max(0, Math.min(1, (got - base) / load.cpuUnits)) : 1;
  let appErrorPercent = 0;
  for (const c of t.containers) appErrorPercent = Math.max(appErrorPercent, sim.world.images[c.image]?.errorPercent ?? 0);
  const appErrors = appErrorPercent / 100;
  const errors = served * (1 - fraction) + served * fraction * Math.min(1, appErrors);
  const cap = t.cpu !== undefined ? Number(t.cpu) : instanceRoomFor(sim, t, usage, got);
  const rho = cap > 0 ? Math.min(0.999, want / cap) : 0.999;
  const cpuMsPerRequest = served > 0 ? (load.cpuUnits * 1000) / 1024 / served : 0;
  out.rps = rps;
  out.served = served;
  out.errors = errors;
  out.latencyMs = Math.min(60000, cpuMsPerRequest / (1 - rho));
  return out;
}

function addToRevision(sim: SimContext, revisions: Map<string, RevisionSums>, t: Task, o: Outcome, memo: RevisionMemo): void {
  const r = memo.serviceArn === t.serviceArn && memo.deploymentId === t.deploymentId && memo.serviceArn !== undefined ? memo.sums : revisionSums(sim, revisions, t);
  memo.serviceArn = t.serviceArn;
  memo.deploymentId = t.deploymentId;
  memo.sums = r;
  if (!r) return;
  r.rps += o.rps;
  r.served += o.served;
  r.errors += o.errors;
  // Summed weighted by requests served, divided out when published.
  r.latencyMs += o.latencyMs * o.served;
}

/** The sums of the revision a task runs, started (and listed) the first time the minute adds to them. */
function revisionSums(sim: SimContext, revisions: Map<string, RevisionSums>, t: Task): RevisionSums | undefined {
  const svc = t.serviceArn ? sim.world.services[t.serviceArn] : undefined;
  if (!svc) return undefined;
  let rev: string | undefined;
  for (const d of svc.deployments) {
    if (d.id !== t.deploymentId) continue;
    rev = d.serviceRevisionArn;
    break;
  }
  if (!rev) return undefined;
  let r = revisions.get(rev);
  if (!r) {
    r = { svc, revisionArn: rev, rps: 0, served: 0, errors: 0, latencyMs: 0 };
    revisions.set(rev, r);
  }
  return r;
}

/**
 * Requests, 5xx errors and response time per service revision (RequestCountPerRevision,
 * HTTPCode_5XX_CountPerRevision, ResponseTimePerRevision) [SIM: the sandbox's own namespace
 * ECSSandbox/Deployments, so that blue and green can be told apart whichever target group each uses].
 */
function publishRevisionMetrics(sim: SimContext, revisions: Map<string, RevisionSums>, periodStart: number): void {
  for (const r of revisions.values()) {
    const cluster = sim.world.clusters[r.svc.clusterArn];
    const owner = sim.world.serviceRevisions[r.revisionArn];
    const build = (): Dims[] => [
      [
        { name: 'ClusterName', value: cluster?.clusterName ?? '' },
        { name: 'ServiceName', value: r.svc.serviceName },
        { name: 'ServiceRevision', value: r.revisionArn.slice(r.revisionArn.lastIndexOf('/') + 1) },
      ],
    ];
    const dims = (owner ? dimsOf(owner, build) : build())[0]!;
    // A revision the world no longer lists has no record to keep its series by: they are found by key.
    const ss = owner ? seriesOf(owner) : [];
    put(sim, ss, 0, 'ECSSandbox/Deployments', 'RequestCountPerRevision', dims, periodStart, perMinute(r.rps));
    put(sim, ss, 1, 'ECSSandbox/Deployments', 'HTTPCode_5XX_CountPerRevision', dims, periodStart, perMinute(r.errors));
    if (r.served > 0) put(sim, ss, 2, 'ECSSandbox/Deployments', 'ResponseTimePerRevision', dims, periodStart, r.latencyMs / r.served / 1000);
  }
}

/** CPU a task with only container-level shares could use: what it got plus what its instance leaves idle. */
function instanceRoomFor(sim: SimContext, t: Task, usage: Usage, got: number): number {
  const ci = t.containerInstanceArn ? sim.world.containerInstances[t.containerInstanceArn] : undefined;
  if (!ci) return got;
  let used = 0;
  for (const x of resolveAll(sim.world.tasks, ci.taskArns)) {
    used += (x ? usage.get(x)?.cpu : undefined) ?? 0;
  }
  return got + Math.max(0, ci.registeredCpu - used);
}

/** Starts the one-minute metric clock (once, when the first cluster is created). */
export function startMetrics(sim: SimContext): void {
  if (sim.world.metricsTicking) return;
  sim.world.metricsTicking = true;
  sim.engine.at(Math.floor(sim.now / MINUTE) * MINUTE + MINUTE, { k: 'metrics.tick' });
}

export function registerMetricHandlers(sim: SimContext): void {
  sim.engine.on('metrics.tick', () => {
    sim.notices.emit('minuteTicked', undefined);
    sim.engine.after(MINUTE, { k: 'metrics.tick' });
  });
}
