import type { Sim, Task } from '../../sim';
import type { Outcome } from '../../content/timeline';
import { memoSelector } from './memo';
import type { SandboxState } from '../store';

/** A task as the canvas and the tables show it. */
export interface TaskView {
  arn: string;
  id: string;
  /** The cluster's name. */
  cluster: string;
  family: string;
  service: string | null;
  lastStatus: string;
  desiredStatus: string;
  health: string;
  launch: string;
  /** The task definition as family:revision, set while its service runs tasks of more than one revision (a deployment). */
  revision?: string;
}

export interface InstanceView {
  arn: string;
  id: string;
  /** The cluster's name. */
  cluster: string;
  ec2InstanceId: string;
  instanceType: string;
  status: string;
  agentConnected: boolean;
  cpu: { used: number; registered: number };
  memory: { used: number; registered: number };
  tasks: TaskView[];
}

export interface AzView {
  zone: string;
  instances: InstanceView[];
  fargate: TaskView[];
}

export interface LoadBalancerView {
  arn: string;
  name: string;
  dns: string;
  targetGroups: { arn: string; name: string; /** The service whose tasks it holds (its primary or alternate target group), if any. */ service?: string; healthy: number; unhealthy: number; other: number; weights: string[] }[];
}

export interface ServiceView {
  arn: string;
  name: string;
  cluster: string;
  status: string;
  desired: number;
  running: number;
  pending: number;
  deployments: number;
  rollout: string;
  /** The target groups its tasks are registered in (with blue/green, linear or canary deployments, the alternate one too). */
  targetGroups: string[];
}

/** The local Docker host of the first lessons: bare processes and containers. */
export interface LocalHostView {
  processes: { name: string; port: number; state: string; pid: number; /** Its exit code once it has exited; null while it runs. */ exitCode: number | null }[];
  containers: { id: string; name: string; image: string; state: string; ports: string; health?: string }[];
}

export interface WorldView {
  clusters: string[];
  local: LocalHostView | null;
  services: ServiceView[];
  azs: AzView[];
  /** Tasks without a home yet: PROVISIONING, or PENDING with no instance. */
  waiting: TaskView[];
  loadBalancers: LoadBalancerView[];
  /** The control plane's figures; `calls` counts the learner's ECS API requests (not curl, docker or the simulator's own). */
  control: { services: number; tasks: number; traces: number; policies: number; namespaces: number; calls: number };
}

/** How long a stopped task stays on the canvas (simulated ms) before it leaves. */
export const STOPPED_LINGER_MS = 60_000;

const svcName = (t: Task): string | null => (t.group.startsWith('service:') ? t.group.slice(8) : null);

/**
 * The views a world view handed out, by ARN: the next one gives an unchanged task or instance the same
 * object again, so whatever draws it (the canvas's nodes) sees at once that nothing changed.
 */
export interface ViewCache {
  /** By task ARN: the task the view was made of, and the view. */
  tasks: Map<string, { of: Task; view: TaskView }>;
  instances: Map<string, InstanceView>;
}

export const newViewCache = (): ViewCache => ({ tasks: new Map(), instances: new Map() });

const sameInstance = (a: InstanceView, b: InstanceView): boolean =>
  a.status === b.status &&
  a.agentConnected === b.agentConnected &&
  a.cpu.used === b.cpu.used &&
  a.cpu.registered === b.cpu.registered &&
  a.memory.used === b.memory.used &&
  a.memory.registered === b.memory.registered &&
  a.id === b.id &&
  a.cluster === b.cluster &&
  a.ec2InstanceId === b.ec2InstanceId &&
  a.instanceType === b.instanceType &&
  a.tasks.length === b.tasks.length &&
  a.tasks.every((t, i) => t === b.tasks[i]);

/** `v`, or the equal view handed out last time (kept in `next` for the time after). */
function kept<V extends { arn: string }>(v: V, last: Map<string, V> | undefined, next: Map<string, V> | undefined, same: (a: V, b: V) => boolean): V {
  const old = last?.get(v.arn);
  const out = old && same(old, v) ? old : v;
  next?.set(v.arn, out);
  return out;
}

/**
 * A task's view: the one handed out last time while it is of the same task object and what it shows
 * that can change (the statuses, the revision while its service runs two) did not, so nothing new is
 * made for a task that did not change. (The same ARN in another world, or another branch, is another
 * object.)
 */
function taskViewOf(t: Task, mixed: Set<string>, cache: ViewCache | undefined, next: ViewCache | undefined): TaskView {
  const revision = t.serviceArn && mixed.has(t.serviceArn) ? t.taskDefinitionArn.slice(t.taskDefinitionArn.lastIndexOf('/') + 1) : undefined;
  const old = cache?.tasks.get(t.taskArn);
  const o = old?.of === t ? old.view : undefined;
  const same = o && o.lastStatus === t.lastStatus && o.desiredStatus === t.desiredStatus && o.health === t.healthStatus && o.revision === revision;
  const v = same ? o : taskView(t);
  if (!same && revision !== undefined) v.revision = revision;
  next?.tasks.set(t.taskArn, { of: t, view: v });
  return v;
}

export function taskView(t: Task): TaskView {
  return {
    arn: t.taskArn,
    id: t.id,
    cluster: t.clusterArn.split('/').pop()!,
    family: t.family,
    service: svcName(t),
    lastStatus: t.lastStatus,
    desiredStatus: t.desiredStatus,
    health: t.healthStatus,
    launch: t.capacityProviderName ?? t.launchType,
  };
}

/**
 * The canvas's picture of the world: AZs, instances with their tasks, Fargate lanes, the waiting lane.
 * With `cache`, tasks and instances unchanged since the last view keep their objects.
 */
export function worldView(sim: Sim, calls: number, cache?: ViewCache): WorldView {
  const w = sim.world;
  const now = sim.now;
  const zones = new Map<string, AzView>();
  const zone = (z: string) => {
    let v = zones.get(z);
    if (!v) zones.set(z, (v = { zone: z, instances: [], fargate: [] }));
    return v;
  };
  for (const s of Object.values(w.subnets)) zone(s.availabilityZone);
  const byInstance = new Map<string, TaskView[]>();
  const waiting: TaskView[] = [];
  const mixed = servicesWithRevisions(sim);
  const next = cache && newViewCache();
  let live = 0;
  for (const arn of w.taskOrder) {
    const t = w.tasks[arn]!;
    if (t.lastStatus === 'STOPPED' && now - (t.stoppedAtMs ?? 0) > STOPPED_LINGER_MS) continue;
    if (t.lastStatus !== 'STOPPED') live++;
    const v = taskViewOf(t, mixed, cache, next);
    if (t.containerInstanceArn) {
      let l = byInstance.get(t.containerInstanceArn);
      if (!l) byInstance.set(t.containerInstanceArn, (l = []));
      l.push(v);
    } else if (t.launchType === 'FARGATE' && t.availabilityZone && t.lastStatus !== 'PROVISIONING') zone(t.availabilityZone).fargate.push(v);
    else if (t.lastStatus !== 'STOPPED') waiting.push(v);
  }
  const instances = Object.values(w.containerInstances).sort((a, b) => a.order - b.order);
  for (const ci of instances) {
    if (ci.status === 'INACTIVE' && now - (ci.deregisteredAtMs ?? 0) > STOPPED_LINGER_MS) continue;
    const fresh: InstanceView = {
      arn: ci.containerInstanceArn,
      id: ci.id,
      cluster: ci.clusterArn.split('/').pop()!,
      ec2InstanceId: ci.ec2InstanceId,
      instanceType: ci.instanceType,
      status: ci.status,
      agentConnected: ci.agentConnected,
      cpu: { used: ci.usedCpu, registered: ci.registeredCpu },
      memory: { used: ci.usedMemory, registered: ci.registeredMemory },
      tasks: byInstance.get(ci.containerInstanceArn) ?? [],
    };
    zone(ci.availabilityZone).instances.push(kept(fresh, cache?.instances, next?.instances, sameInstance));
  }
  if (cache && next) Object.assign(cache, next);
  const loadBalancers = loadBalancersView(sim);
  const services = servicesView(w);
  const local = localView(w);
  return {
    clusters: Object.values(w.clusters)
      .filter((c) => c.status === 'ACTIVE')
      .map((c) => c.clusterName),
    local,
    services,
    azs: [...zones.values()].sort((a, b) => a.zone.localeCompare(b.zone)),
    waiting,
    loadBalancers,
    control: {
      services: Object.values(w.services).filter((s) => s.status === 'ACTIVE').length,
      tasks: live,
      traces: w.nextTraceId - 1,
      policies: Object.keys(w.scalingPolicies).length,
      namespaces: Object.keys(w.namespaces).length,
      calls,
    },
  };
}

/** The load balancers, each with its target groups: how many targets are healthy, unhealthy or neither, and the weighted shares. */
function loadBalancersView(sim: Sim): WorldView['loadBalancers'] {
  const w = sim.world;
  const serving = new Map<string, string>();
  for (const s of Object.values(w.services)) {
    if (s.status === 'INACTIVE') continue;
    for (const l of s.loadBalancers) for (const arn of [l.targetGroupArn, l.advancedConfiguration?.alternateTargetGroupArn]) if (arn && !serving.has(arn)) serving.set(arn, s.serviceName);
  }
  return Object.values(w.loadBalancers).map((lb) => ({
    arn: lb.LoadBalancerArn,
    name: lb.LoadBalancerName,
    dns: lb.DNSName,
    targetGroups: Object.values(w.targetGroups)
      .filter((tg) => tg.loadBalancerArns.includes(lb.LoadBalancerArn))
      .map((tg) => ({
        arn: tg.TargetGroupArn,
        name: tg.TargetGroupName,
        ...(serving.has(tg.TargetGroupArn) ? { service: serving.get(tg.TargetGroupArn)! } : {}),
        healthy: tg.targets.filter((x) => x.State === 'healthy').length,
        unhealthy: tg.targets.filter((x) => x.State === 'unhealthy').length,
        other: tg.targets.filter((x) => x.State !== 'healthy' && x.State !== 'unhealthy').length,
        weights: forwardShares(sim, lb.LoadBalancerArn, tg.TargetGroupArn),
      })),
  }));
}

/** The services not yet inactive, with their counts, deployments and the target groups they register with. */
function servicesView(w: Sim['world']): WorldView['services'] {
  return Object.values(w.services)
    .filter((s) => s.status !== 'INACTIVE')
    .map((s) => {
      const primary = s.deployments.find((d) => d.status === 'PRIMARY');
      return {
        arn: s.serviceArn,
        name: s.serviceName,
        cluster: s.clusterArn.split('/').pop()!,
        status: s.status,
        desired: s.desiredCount,
        running: s.deployments.reduce((n, d) => n + d.runningCount, 0),
        pending: s.deployments.reduce((n, d) => n + d.pendingCount, 0),
        deployments: s.deployments.length,
        rollout: primary?.rolloutState ?? '',
        targetGroups: s.loadBalancers.flatMap((l) => [l.targetGroupArn, ...(l.advancedConfiguration?.alternateTargetGroupArn ? [l.advancedConfiguration.alternateTargetGroupArn] : [])]),
      };
    });
}

/** The local Docker host's processes and containers, or null while it runs none. */
function localView(w: Sim['world']): WorldView['local'] {
  const h = w.docker;
  return Object.keys(h.processes).length || Object.keys(h.containers).length
    ? {
        processes: Object.values(h.processes).map((p) => ({ name: p.name, port: p.port, state: p.state === 'running' ? 'running' : `exited (${p.exitCode ?? 0})`, pid: p.pid, exitCode: p.state === 'running' ? null : (p.exitCode ?? 0) })),
        containers: Object.values(h.containers).map((c) => ({
          id: c.id,
          name: c.name,
          image: c.image,
          state: c.state === 'exited' ? `exited (${c.exitCode ?? 0})` : c.state,
          ports: c.ports.map((p) => `${p.host}→${p.container}`).join(', '),
          ...(c.health ? { health: c.health } : {}),
        })),
      }
    : null;
}

/** Services whose tasks not yet stopped belong to more than one task definition revision. */
function servicesWithRevisions(sim: Sim): Set<string> {
  const seen = new Map<string, string>();
  const mixed = new Set<string>();
  for (const t of Object.values(sim.world.tasks)) {
    if (!t.serviceArn || t.lastStatus === 'STOPPED') continue;
    const first = seen.get(t.serviceArn);
    if (first === undefined) seen.set(t.serviceArn, t.taskDefinitionArn);
    else if (first !== t.taskDefinitionArn) mixed.add(t.serviceArn);
  }
  return mixed;
}

/**
 * A target group's share of each weighted forward of the load balancer's listeners (rules and
 * default actions forwarding to more than one target group), as ":port share %": how a blue/green,
 * linear or canary deployment splits the traffic.
 */
function forwardShares(sim: Sim, lbArn: string, tgArn: string): string[] {
  const w = sim.world;
  const out: string[] = [];
  for (const l of Object.values(w.listeners)) {
    if (l.LoadBalancerArn !== lbArn) continue;
    const actions = [
      ...Object.values(w.rules)
        .filter((r) => r.ListenerArn === l.ListenerArn)
        .flatMap((r) => r.Actions),
      ...l.DefaultActions,
    ];
    for (const a of actions) {
      const groups = a.ForwardConfig?.TargetGroups ?? [];
      const mine = groups.find((g) => g.TargetGroupArn === tgArn);
      if (groups.length < 2 || !mine) continue;
      const total = groups.reduce((n, g) => n + g.Weight, 0);
      out.push(`:${l.Port} ${total > 0 ? +((mine.Weight / total) * 100).toFixed(1) : 0} %`);
    }
  }
  return out;
}

/** How many of the learner's actions were ECS API requests: aws ecs commands, and the editor's ECS calls. */
export function ecsRequests(transcript: readonly Outcome[]): number {
  let n = 0;
  for (const o of transcript) {
    const a = o.action;
    if (a.kind === 'call' ? a.call.startsWith('ecs.') : /^\s*aws\s+ecs\s/.test(a.line)) n++;
  }
  return n;
}

/** The world as the canvas and the tables draw it, recomputed only when the world changed. */
export const selectWorldView: (s: SandboxState) => WorldView | null = (() => {
  const cache = newViewCache();
  return memoSelector(
    (s: SandboxState) => [s.world.timeline, s.world.version] as const,
    ([t]) => (t ? worldView(t.sim, ecsRequests(t.transcript), cache) : null),
  );
})();
