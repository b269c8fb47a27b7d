import type { SimContext } from '../model/context';
import type { LbTarget, LoadBalancer, Task, TargetGroup, TrafficSource } from '../model/types';
import { cos } from '../core/math';
import { HOUR, MINUTE } from '../core/time';

/**
 * The traffic model: requests per second per path arrive at a load balancer, shaped over time;
 * listener rules (by priority, path patterns) pick a target group; its healthy targets share the
 * requests (all registered ones when none is healthy: ALB fails open). Each request costs the
 * serving task the CPU its application says; a task asked for more CPU than it gets queues, its
 * latency grows, and past saturation the excess requests fail (5xx). Sampled once a minute [SIM].
 */

export const DEFAULT_REQUEST_CPU_MS = 10;

/** Requests per second of a source at a simulated time. */
export function rateAt(src: TrafficSource, t: number, epochSeconds: number): number {
  const s = src.shape;
  switch (s.type) {
    case 'constant':
      return s.requestsPerSecond;
    case 'steps': {
      let v = 0;
      for (const st of s.steps) if (st.atMs <= t) v = st.requestsPerSecond;
      return v;
    }
    case 'spike':
      return t >= s.atMs && t < s.atMs + s.durationMs ? s.peak : s.base;
    case 'daily': {
      // A smooth day: the base at night, the peak at peakHour (UTC), a cosine in between.
      const hourOfDay = ((((epochSeconds * 1000 + t) % (24 * HOUR)) + 24 * HOUR) % (24 * HOUR)) / HOUR;
      const phase = ((hourOfDay - s.peakHour) / 24) * 6.283185307179586;
      return s.base + ((s.peak - s.base) * (1 + cos(phase))) / 2;
    }
  }
}

const patternCache = new Map<string, RegExp>();

/** Glob match of an ALB path pattern (* any run of characters, ? one character). */
export function pathMatches(pattern: string, path: string): boolean {
  let re = patternCache.get(pattern);
  if (!re) {
    let src = '^';
    for (const ch of pattern) src += ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    re = new RegExp(`${src}$`);
    if (patternCache.size > 5000) patternCache.clear();
    patternCache.set(pattern, re);
  }
  return re.test(path);
}

/** Glob match of an ALB host-header pattern: like a path pattern, but not case sensitive. */
function hostMatches(pattern: string, host: string): boolean {
  return pathMatches(pattern.toLowerCase(), host.toLowerCase());
}

/** Where requests go: target groups with the share each gets (by the forward action's weights), or a fixed response code. */
export interface Route {
  groups?: { targetGroupArn: string; share: number }[];
  status?: number;
}

/**
 * Where a request for `path` (with Host `host`) at a load balancer's listener on `port` goes (the
 * lowest-port listener when no port is given): the first rule by priority whose conditions all
 * match, else the default action. A weighted forward splits requests in proportion to the weights
 * [SIM: exactly, as a fluid share of the rate — stickiness keeps a client on its group, which in
 * this per-minute model spreads clients by the same weights].
 */
export function route(sim: SimContext, lbArn: string, path: string, port?: number, host?: string): Route {
  const w = sim.world;
  const listeners = Object.values(w.listeners).filter((l) => l.LoadBalancerArn === lbArn);
  const listener = port === undefined ? listeners.sort((a, b) => a.Port - b.Port)[0] : listeners.find((l) => l.Port === port);
  if (!listener) return { status: 503 };
  const hostName = host ?? w.loadBalancers[lbArn]?.DNSName ?? '';
  const rules = Object.values(w.rules)
    .filter((r) => r.ListenerArn === listener.ListenerArn)
    .sort((a, b) => a.Priority - b.Priority);
  const rule = rules.find((r) => r.Conditions.every((c) => c.Values.some((v) => (c.Field === 'host-header' ? hostMatches(v, hostName) : pathMatches(v, path)))));
  const action = (rule?.Actions ?? listener.DefaultActions)[0];
  if (!action) return { status: 503 };
  if (action.Type === 'fixed-response') return { status: Number(action.FixedResponseConfig?.StatusCode ?? 503) };
  const tuples = action.ForwardConfig?.TargetGroups ?? [{ TargetGroupArn: action.TargetGroupArn!, Weight: 1 }];
  const total = tuples.reduce((a, g) => a + g.Weight, 0);
  // All weights 0: the load balancer has no target group to send to.
  if (total <= 0) return { status: 503 };
  return { groups: tuples.filter((g) => g.Weight > 0).map((g) => ({ targetGroupArn: g.TargetGroupArn, share: g.Weight / total })) };
}

/** The targets that receive requests: the healthy ones, or every registered one when none is healthy. */
export function receivingTargets(tg: TargetGroup): LbTarget[] {
  const healthy = tg.targets.filter((t) => t.State === 'healthy');
  if (healthy.length) return healthy;
  return tg.targets.filter((t) => t.State === 'unhealthy');
}

const costCache = new WeakMap<object, Map<string, { cpuMs: number; served: boolean }>>();

/** The CPU a request for `path` costs in a task, and whether the task's application serves it. */
export function requestCost(sim: SimContext, t: Task, path: string): { cpuMs: number; served: boolean } {
  for (const c of t.containers) {
    const routes = sim.world.images[c.image]?.routes;
    if (!routes) continue;
    let byPath = costCache.get(routes);
    if (!byPath) {
      byPath = new Map();
      costCache.set(routes, byPath);
    }
    const hit = byPath.get(path);
    if (hit) return hit;
    let best: { len: number; cpuMs: number } | undefined;
    for (const [p, cost] of Object.entries(routes)) {
      const ok = p.endsWith('*') ? path.startsWith(p.slice(0, -1)) : p === path;
      if (ok && (!best || p.length > best.len)) best = { len: p.length, cpuMs: cost.cpuMs };
    }
    const cost = best ? { cpuMs: best.cpuMs, served: true } : { cpuMs: 0, served: false };
    byPath.set(path, cost);
    return cost;
  }
  return { cpuMs: DEFAULT_REQUEST_CPU_MS, served: true };
}

export interface TaskTraffic {
  /** The task the requests go to. */
  task: Task;
  /**
   * Requests per second routed to the task, per path, in the order the paths first got some: the first
   * path's here, any further path's in `more` (the same index in both lists).
   */
  path: string;
  rate: number;
  more?: { paths: string[]; rates: number[] };
  /** CPU units the requests ask for (1024 = one vCPU busy). */
  cpuUnits: number;
  /** Requests per second for paths the application does not serve (404). */
  notFound: number;
}

/**
 * Each task's load record, kept from minute to minute so that no map is built each minute: a record counts
 * only in the minute it was last started in (a minute's loads are read until the next minute's are spread).
 * It hangs off the task under a key of its own, not enumerable (as a minute's usage does, queries/demand.ts):
 * copies of the world never carry it.
 */
const LOAD: unique symbol = Symbol('load');
type LoadHolder = { [LOAD]?: TaskTraffic & { minute: number } };
let loadMinute = 0;

/** The task's load this minute, started from nothing the first time the minute gives it requests (then listed in `order`). */
function loadOf(t: Task, order: TaskTraffic[]): TaskTraffic {
  let load = (t as LoadHolder)[LOAD];
  if (load === undefined) {
    load = { task: t, path: '', rate: 0, cpuUnits: 0, notFound: 0, minute: loadMinute };
    Object.defineProperty(t, LOAD, { value: load, enumerable: false, writable: false, configurable: true });
  } else if (load.minute === loadMinute) return load;
  else {
    load.minute = loadMinute;
    load.path = '';
    load.rate = 0;
    load.more = undefined;
    load.cpuUnits = 0;
    load.notFound = 0;
  }
  order.push(load);
  return load;
}

/**
 * The task a target was registered for: a target's task never changes, so it is looked up once and kept on
 * the target, not enumerable (a restored world's targets look it up again). A task is never taken out of
 * the world's table, so what was found stays what the table holds.
 */
const TASK: unique symbol = Symbol('task');
type TaskHolder = { [TASK]?: Task };

export function targetTask(w: { tasks: Record<string, Task> }, target: LbTarget): Task | undefined {
  const kept = (target as TaskHolder)[TASK];
  if (kept !== undefined) return kept;
  const t = target.taskArn ? w.tasks[target.taskArn] : undefined;
  if (t !== undefined) Object.defineProperty(target, TASK, { value: t, enumerable: false, writable: false, configurable: true });
  return t;
}

/** Routes by (load balancer, path), per world, until a listener or a rule changes (routingVersion). */
const routeCaches = new WeakMap<object, { version: number; routes: Map<string, Route> }>();

/** Spreads this minute's traffic over the targets; returns the load of each task given requests (in the order they were first given some) and the requests with nowhere to go. */
export function distributeTraffic(sim: SimContext): { perTask: TaskTraffic[]; perGroup: Map<string, number>; noTarget: Map<string, number> } {
  const w = sim.world;
  const perTask: TaskTraffic[] = [];
  const perGroup = new Map<string, number>();
  const noTarget = new Map<string, number>();
  loadMinute++;
  let routeCache = routeCaches.get(w);
  if (!routeCache || routeCache.version !== w.routingVersion) {
    routeCache = { version: w.routingVersion, routes: new Map() };
    routeCaches.set(w, routeCache);
  }
  // A source names its load balancer by name or ARN: the first in the table's order with either.
  const lbs = new Map<string, LoadBalancer>();
  for (const id in w.loadBalancers) {
    const l = w.loadBalancers[id]!;
    if (!lbs.has(l.LoadBalancerName)) lbs.set(l.LoadBalancerName, l);
    if (!lbs.has(l.LoadBalancerArn)) lbs.set(l.LoadBalancerArn, l);
  }
  for (const src of w.traffic) {
    const lb = lbs.get(src.loadBalancer);
    if (!lb) continue;
    // [SIM] the minute just ended is represented by its middle, so a datapoint reflects that minute.
    const rps = rateAt(src, sim.now - MINUTE / 2, w.epochSeconds);
    if (rps <= 0) continue;
    const routeKey = `${lb.LoadBalancerArn}|${src.port ?? ''}|${src.host ?? ''}|${src.path}`;
    let r = routeCache.routes.get(routeKey);
    if (!r) {
      r = route(sim, lb.LoadBalancerArn, src.path, src.port, src.host);
      routeCache.routes.set(routeKey, r);
    }
    if (!r.groups) {
      noTarget.set(lb.LoadBalancerArn, (noTarget.get(lb.LoadBalancerArn) ?? 0) + rps);
      continue;
    }
    for (const g of r.groups) spread(sim, w.targetGroups[g.targetGroupArn]!, src.path, rps * g.share, { perTask, perGroup, noTarget }, lb.LoadBalancerArn);
  }
  return { perTask, perGroup, noTarget };
}

/** Adds requests per second for a path to a task's load (a path's first rate is 0 + share, as a sum from nothing). */
function addRate(load: TaskTraffic, path: string, share: number): void {
  if (load.path === '') {
    load.path = path;
    load.rate = 0 + share;
  } else if (load.path === path) load.rate += share;
  else {
    const more = (load.more ??= { paths: [], rates: [] });
    const at = more.paths.indexOf(path);
    if (at < 0) {
      more.paths.push(path);
      more.rates.push(0 + share);
    } else more.rates[at]! += share;
  }
}

/** Shares one target group's requests among its receiving targets. */
function spread(sim: SimContext, tg: TargetGroup, path: string, rps: number, out: { perTask: TaskTraffic[]; perGroup: Map<string, number>; noTarget: Map<string, number> }, lbArn: string): void {
  const w = sim.world;
  out.perGroup.set(tg.TargetGroupArn, (out.perGroup.get(tg.TargetGroupArn) ?? 0) + rps);
  // The receiving targets (receivingTargets), counted and walked in place rather than copied out.
  let healthy = 0;
  let unhealthy = 0;
  for (const x of tg.targets) {
    if (x.State === 'healthy') healthy++;
    else if (x.State === 'unhealthy') unhealthy++;
  }
  const receiving = healthy > 0 ? 'healthy' : 'unhealthy';
  const count = healthy > 0 ? healthy : unhealthy;
  if (count === 0) {
    out.noTarget.set(lbArn, (out.noTarget.get(lbArn) ?? 0) + rps);
    return;
  }
  const share = rps / count;
  // A request's cost depends on the task's images, which its task definition names: looked up once per definition.
  let costOf: string | undefined;
  let cost = { cpuMs: 0, served: false };
  for (const target of tg.targets) {
    if (target.State !== receiving) continue;
    const t = targetTask(w, target);
    if (!t) continue;
    const load = loadOf(t, out.perTask);
    if (t.taskDefinitionArn !== costOf) {
      costOf = t.taskDefinitionArn;
      cost = requestCost(sim, t, path);
    }
    addRate(load, path, share);
    if (cost.served) load.cpuUnits += (share * cost.cpuMs * 1024) / 1000;
    else load.notFound += share;
  }
}

/** Requests per minute from a rate. */
export const perMinute = (rps: number) => (rps * MINUTE) / 1000;
