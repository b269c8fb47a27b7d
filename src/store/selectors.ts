import { describeCluster, describeContainerInstance, describeService, describeTask, expandTrace, formatClock, type Sim, type SimEvent } from '../sim';
import type { PlacementCandidate, PlacementTrace, Task, WorldState } from '../sim';
import type { Selection } from './store';
import type { Sample } from '../content/timeline';

/** A task as the canvas and the tables show it. */
export interface TaskView {
  arn: string;
  id: string;
  family: string;
  service: string | null;
  lastStatus: string;
  desiredStatus: string;
  health: string;
  launch: string;
}

export interface InstanceView {
  arn: string;
  id: string;
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
  targetGroups: { arn: string; name: string; healthy: number; unhealthy: number; other: number }[];
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
}

/** The local Docker host of the first lessons: bare processes and containers. */
export interface LocalHostView {
  processes: { name: string; port: number; state: string; pid: number }[];
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
  control: { services: number; tasks: number; traces: number; policies: number; namespaces: number; calls: number };
}

/** How long a stopped task stays on the canvas (simulated ms) before it leaves. */
export const STOPPED_LINGER_MS = 60_000;

const svcName = (t: Task): string | null => (t.group.startsWith('service:') ? t.group.slice(8) : null);

export function taskView(t: Task): TaskView {
  return {
    arn: t.taskArn, id: t.id, family: t.family, service: svcName(t), lastStatus: t.lastStatus, desiredStatus: t.desiredStatus,
    health: t.healthStatus, launch: t.capacityProviderName ?? t.launchType,
  };
}

/** The canvas's picture of the world: AZs, instances with their tasks, Fargate lanes, the waiting lane. */
export function worldView(sim: Sim, calls: number): WorldView {
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
  let live = 0;
  for (const arn of w.taskOrder) {
    const t = w.tasks[arn]!;
    if (t.lastStatus === 'STOPPED' && now - (t.stoppedAtMs ?? 0) > STOPPED_LINGER_MS) continue;
    if (t.lastStatus !== 'STOPPED') live++;
    const v = taskView(t);
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
    zone(ci.availabilityZone).instances.push({
      arn: ci.containerInstanceArn, id: ci.id, ec2InstanceId: ci.ec2InstanceId, instanceType: ci.instanceType, status: ci.status,
      agentConnected: ci.agentConnected, cpu: { used: ci.usedCpu, registered: ci.registeredCpu }, memory: { used: ci.usedMemory, registered: ci.registeredMemory },
      tasks: byInstance.get(ci.containerInstanceArn) ?? [],
    });
  }
  const loadBalancers = Object.values(w.loadBalancers).map((lb) => ({
    arn: lb.LoadBalancerArn, name: lb.LoadBalancerName, dns: lb.DNSName,
    targetGroups: Object.values(w.targetGroups).filter((tg) => tg.loadBalancerArns.includes(lb.LoadBalancerArn)).map((tg) => ({
      arn: tg.TargetGroupArn, name: tg.TargetGroupName,
      healthy: tg.targets.filter((x) => x.State === 'healthy').length,
      unhealthy: tg.targets.filter((x) => x.State === 'unhealthy').length,
      other: tg.targets.filter((x) => x.State !== 'healthy' && x.State !== 'unhealthy').length,
    })),
  }));
  const services = Object.values(w.services).filter((s) => s.status !== 'INACTIVE').map((s) => {
    const primary = s.deployments.find((d) => d.status === 'PRIMARY');
    return {
      arn: s.serviceArn, name: s.serviceName, cluster: s.clusterArn.split('/').pop()!, status: s.status, desired: s.desiredCount,
      running: s.deployments.reduce((n, d) => n + d.runningCount, 0), pending: s.deployments.reduce((n, d) => n + d.pendingCount, 0),
      deployments: s.deployments.length, rollout: primary?.rolloutState ?? '',
    };
  });
  const h = w.docker;
  const local = Object.keys(h.processes).length || Object.keys(h.containers).length ? {
    processes: Object.values(h.processes).map((p) => ({ name: p.name, port: p.port, state: p.state === 'running' ? 'running' : `exited (${p.exitCode ?? 0})`, pid: p.pid })),
    containers: Object.values(h.containers).map((c) => ({
      id: c.id, name: c.name, image: c.image, state: c.state === 'exited' ? `exited (${c.exitCode ?? 0})` : c.state,
      ports: c.ports.map((p) => `${p.host}→${p.container}`).join(', '), ...(c.health ? { health: c.health } : {}),
    })),
  } : null;
  return {
    clusters: Object.values(w.clusters).filter((c) => c.status === 'ACTIVE').map((c) => c.clusterName),
    local,
    services,
    azs: [...zones.values()].sort((a, b) => a.zone.localeCompare(b.zone)),
    waiting, loadBalancers,
    control: {
      services: Object.values(w.services).filter((s) => s.status === 'ACTIVE').length, tasks: live, traces: w.nextTraceId - 1,
      policies: Object.keys(w.scalingPolicies).length, namespaces: Object.keys(w.namespaces).length, calls,
    },
  };
}

// ---- the event log ----

export const EVENT_CATEGORIES: { id: string; label: string; test: (type: string) => boolean }[] = [
  { id: 'all', label: 'All events', test: () => true },
  { id: 'tasks', label: 'Tasks and containers', test: (t) => /^(Task|Container)/.test(t) },
  { id: 'services', label: 'Services and deployments', test: (t) => /^(Service|Deployment)/.test(t) },
  { id: 'instances', label: 'Instances and agents', test: (t) => /^(Instance|ContainerInstance|Agent|Asg|Attributes)/.test(t) },
  { id: 'scaling', label: 'Auto scaling and alarms', test: (t) => /Scal|Alarm|Asg|Capacity/.test(t) },
  { id: 'lb', label: 'Load balancing and discovery', test: (t) => /^(Target|LoadBalancer|Traffic|CloudMap|Namespace)/.test(t) },
  { id: 'docker', label: 'Local Docker host', test: (t) => /^(Image|Compose|Local|Container(Started|Exited|Health$|StartFailed))/.test(t) },
];

/** Events matching a category and a text filter, newest last, at most `limit` of them, with their index in the log. */
export function filterEvents(events: readonly SimEvent[], category: string, text: string, limit = 400): { e: SimEvent; i: number }[] {
  const cat = EVENT_CATEGORIES.find((c) => c.id === category) ?? EVENT_CATEGORIES[0]!;
  const needle = text.trim().toLowerCase();
  const out: { e: SimEvent; i: number }[] = [];
  // A rare filter over a long run looks back this far, not through the whole day, on every change.
  const stop = Math.max(0, events.length - 50_000);
  for (let i = events.length - 1; i >= stop && out.length < limit; i--) {
    const e = events[i]!;
    if (!cat.test(e.type)) continue;
    if (needle && !e.message.toLowerCase().includes(needle) && !e.type.toLowerCase().includes(needle)) continue;
    out.push({ e, i });
  }
  return out.reverse();
}

// ---- the inspector ----

export interface Inspection {
  title: string;
  /** The Describe-shaped record, as the AWS API returns it. */
  json: unknown;
  /** Events about it, oldest first. */
  history: SimEvent[];
  /** For tasks: the placement decision behind it. */
  trace?: PlacementTrace;
}

function eventsAbout(events: readonly SimEvent[], keys: string[], limit = 200): SimEvent[] {
  const wanted = new Set(keys.filter(Boolean));
  const out: SimEvent[] = [];
  const stop = Math.max(0, events.length - 50_000);
  for (let i = events.length - 1; i >= stop && out.length < limit; i--) {
    const e = events[i]!;
    let hit = false;
    for (const k in e) {
      const v = e[k];
      if (typeof v === 'string' && wanted.has(v)) {
        hit = true;
        break;
      }
    }
    if (!hit) for (const k of wanted) if (k.length > 8 && e.message.includes(k)) hit = true;
    if (hit) out.push(e);
  }
  return out.reverse();
}

function traceFor(w: WorldState, t: Task): PlacementTrace | undefined {
  let tr = t.traceId !== undefined ? w.traces.find((x) => x.id === t.traceId) : undefined;
  // A task still waiting has no decision of its own yet: show the group's latest attempt.
  if (!tr && (t.lastStatus === 'PROVISIONING' || !t.containerInstanceArn)) tr = [...w.traces].reverse().find((x) => x.group === t.group);
  return tr ? expandTrace(w, tr) : undefined;
}

export function inspect(sim: Sim, sel: Selection, transcript: { command: string; exitCode: number }[]): Inspection | undefined {
  const w = sim.world;
  const ev = sim.events;
  switch (sel.kind) {
    case 'task': {
      const t = w.tasks[sel.id];
      if (!t) return undefined;
      return { title: `Task ${t.id} (${t.family})`, json: describeTask(sim, t), history: eventsAbout(ev, [t.taskArn, t.id]), ...(traceFor(w, t) ? { trace: traceFor(w, t)! } : {}) };
    }
    case 'instance': {
      const ci = w.containerInstances[sel.id];
      if (!ci) return undefined;
      return { title: `Container instance ${ci.ec2InstanceId}`, json: describeContainerInstance(sim, ci), history: eventsAbout(ev, [ci.containerInstanceArn, ci.ec2InstanceId]) };
    }
    case 'service': {
      const s = w.services[sel.id];
      if (!s) return undefined;
      return { title: `Service ${s.serviceName}`, json: describeService(sim, s), history: eventsAbout(ev, [s.serviceArn]) };
    }
    case 'cluster': {
      const c = w.clusters[sel.id];
      if (!c) return undefined;
      return { title: `Cluster ${c.clusterName}`, json: describeCluster(sim, c), history: eventsAbout(ev, [c.clusterArn]) };
    }
    case 'loadBalancer': {
      const lb = w.loadBalancers[sel.id];
      if (!lb) return undefined;
      const json = sim.call('elbv2.DescribeLoadBalancers', { LoadBalancerArns: [lb.LoadBalancerArn] }).output;
      return { title: `Load balancer ${lb.LoadBalancerName}`, json, history: eventsAbout(ev, [lb.LoadBalancerArn, lb.LoadBalancerName]) };
    }
    case 'targetGroup': {
      const tg = w.targetGroups[sel.id];
      if (!tg) return undefined;
      const json = sim.call('elbv2.DescribeTargetHealth', { TargetGroupArn: tg.TargetGroupArn }).output;
      return { title: `Target group ${tg.TargetGroupName}`, json, history: eventsAbout(ev, [tg.TargetGroupArn]) };
    }
    case 'control': {
      const services = Object.values(w.services);
      switch (sel.id) {
        case 'api':
          return { title: 'ECS API: the learner\'s requests', json: transcript.map((o) => ({ command: o.command, exitCode: o.exitCode })), history: ev.filter((e) => /Registered|Created|Deleted|Updated/.test(e.type)).slice(-200) };
        case 'scheduler':
          return { title: 'Service scheduler', json: { services: services.map((s) => describeService(sim, s)) }, history: ev.filter((e) => e.type === 'ServiceEvent' || e.type === 'DeploymentStateChange').slice(-200) };
        case 'placement':
          return { title: 'Task placement: the latest decisions', json: { placementTraces: w.traces.slice(-10).map((t) => expandTrace(w, t)) }, history: [] };
        case 'autoscaling':
          return {
            title: 'Service auto scaling',
            json: {
              ScalableTargets: Object.values(w.scalableTargets), ScalingPolicies: Object.values(w.scalingPolicies).map((p) => ({ PolicyName: p.PolicyName, PolicyType: p.PolicyType, ResourceId: p.ResourceId })),
              Alarms: Object.values(w.alarms).map((a) => ({ AlarmName: a.AlarmName, StateValue: a.StateValue, MetricName: a.MetricName, Threshold: a.Threshold })),
            },
            history: ev.filter((e) => /Scal|Alarm|Asg/.test(e.type)).slice(-200),
          };
        case 'discovery':
          return { title: 'Cloud Map', json: { Namespaces: Object.values(w.namespaces), Services: Object.values(w.discoveryServices).map((d) => ({ Name: d.Name, Id: d.Id, instances: d.instances.length })) }, history: ev.filter((e) => /CloudMap|Namespace/.test(e.type)).slice(-200) };
      }
    }
  }
  return undefined;
}

/** One row of the "why here / why PENDING" table. */
export interface PlacementRow {
  instance: string;
  zone: string;
  verdict: 'chosen' | 'kept' | 'ranked out' | 'rejected';
  detail: string;
}

export function placementRows(trace: PlacementTrace): PlacementRow[] {
  return (trace.candidates ?? []).map((c: PlacementCandidate) => {
    if (c.rejectedBy) return { instance: c.ec2InstanceId || c.containerInstanceArn, zone: c.availabilityZone, verdict: 'rejected', detail: `${c.rejectedBy}${c.detail ? `: ${c.detail}` : ''}` };
    const ranks = (c.ranks ?? []).map((r) => `${r.strategy}${r.bucket ? ` [${r.bucket}]` : ''} = ${r.value}${r.kept ? '' : ' (not among the best)'}`).join('; ');
    const kept = (c.ranks ?? []).every((r) => r.kept);
    return { instance: c.ec2InstanceId || c.containerInstanceArn, zone: c.availabilityZone, verdict: c.chosen ? 'chosen' : kept ? 'kept' : 'ranked out', detail: ranks || 'passed every filter' };
  });
}

// ---- charts ----

export interface Series {
  label: string;
  points: [number, number][];
}

export interface ChartSpec {
  id: string;
  title: string;
  unit: string;
  series: Series[];
  /** Horizontal lines: scaling targets and alarm thresholds. */
  thresholds: { value: number; label: string }[];
  /** Vertical marks: scaling activities. */
  marks: { t: number; label: string }[];
}

function seriesOf(w: WorldState, namespace: string, metric: string, dims: Record<string, string>, label: string): Series | undefined {
  for (const m of Object.values(w.metrics)) {
    if (m.namespace !== namespace || m.metricName !== metric) continue;
    if (m.dimensions.length !== Object.keys(dims).length || !m.dimensions.every((d) => dims[d.name] === d.value)) continue;
    const points: [number, number][] = [];
    for (let i = 0; i < m.points.length; i += 2) points.push([m.points[i]!, m.points[i + 1]!]);
    return { label, points };
  }
  return undefined;
}

/** The charts for the world now: per service, per capacity provider, and cost. */
export function charts(sim: Sim, samples: readonly Sample[]): ChartSpec[] {
  const w = sim.world;
  const out: ChartSpec[] = [];
  // Services that scale come first: their charts are the ones that move.
  const scaled = new Set(Object.values(w.scalableTargets).map((t) => t.ResourceId));
  const services = Object.values(w.services).sort((a, b) => Number(scaled.has(`service/${b.clusterArn.split('/').pop()}/${b.serviceName}`)) - Number(scaled.has(`service/${a.clusterArn.split('/').pop()}/${a.serviceName}`)));
  for (const s of services) {
    if (s.status === 'INACTIVE') continue;
    const cluster = s.clusterArn.split('/').pop()!;
    const resourceId = `service/${cluster}/${s.serviceName}`;
    const policies = Object.values(w.scalingPolicies).filter((p) => p.ResourceId === resourceId);
    const marks = w.scalingActivities.filter((a) => a.ResourceId === resourceId).map((a) => ({ t: a.StartMs, label: a.Description }));
    const cpu = seriesOf(w, 'AWS/ECS', 'CPUUtilization', { ClusterName: cluster, ServiceName: s.serviceName }, 'CPU %');
    const thresholds: ChartSpec['thresholds'] = [];
    for (const p of policies) {
      const cfg = (p as { TargetTrackingScalingPolicyConfiguration?: { TargetValue: number; PredefinedMetricSpecification?: { PredefinedMetricType: string } } }).TargetTrackingScalingPolicyConfiguration;
      if (cfg && /CPU/.test(cfg.PredefinedMetricSpecification?.PredefinedMetricType ?? '')) thresholds.push({ value: cfg.TargetValue, label: `target ${cfg.TargetValue} % (${p.PolicyName})` });
    }
    for (const a of Object.values(w.alarms)) {
      if (a.MetricName !== 'CPUUtilization' || !a.Dimensions.some((d) => d.Name === 'ServiceName' && d.Value === s.serviceName)) continue;
      // A target-tracking policy's high alarm sits on the target line already drawn.
      if (/^TargetTracking-.*-AlarmHigh-/.test(a.AlarmName) && thresholds.some((t) => t.value === a.Threshold)) continue;
      const above = a.ComparisonOperator.startsWith('Greater');
      const who = /^TargetTracking-.*-AlarmLow-/.test(a.AlarmName) ? 'scale-in alarm' : `alarm ${a.AlarmName.slice(0, 24)}`;
      thresholds.push({ value: a.Threshold, label: `${who}: ${above ? '>' : '<'} ${+a.Threshold.toFixed(2)}` });
    }
    if (cpu) out.push({ id: `cpu:${s.serviceArn}`, title: `${s.serviceName}: CPU utilization`, unit: '%', series: [cpu], thresholds, marks });
    const counts = ['DesiredTaskCount', 'RunningTaskCount', 'PendingTaskCount']
      .map((m) => seriesOf(w, 'ECS/ContainerInsights', m, { ClusterName: cluster, ServiceName: s.serviceName }, m.replace('TaskCount', '').toLowerCase()))
      .filter((x): x is Series => x !== undefined);
    if (counts.length) out.push({ id: `count:${s.serviceArn}`, title: `${s.serviceName}: desired, running and pending tasks`, unit: 'tasks', series: counts, thresholds: [], marks });
    for (const lb of s.loadBalancers) {
      const tg = w.targetGroups[lb.targetGroupArn];
      if (!tg) continue;
      const label = tg.TargetGroupArn.slice(tg.TargetGroupArn.indexOf('targetgroup/'));
      const req = seriesOf(w, 'AWS/ApplicationELB', 'RequestCountPerTarget', { TargetGroup: label }, 'requests per target per minute');
      const th: ChartSpec['thresholds'] = [];
      for (const p of policies) {
        const cfg = (p as { TargetTrackingScalingPolicyConfiguration?: { TargetValue: number; PredefinedMetricSpecification?: { PredefinedMetricType: string } } }).TargetTrackingScalingPolicyConfiguration;
        if (cfg?.PredefinedMetricSpecification?.PredefinedMetricType === 'ALBRequestCountPerTarget') th.push({ value: cfg.TargetValue, label: `target ${cfg.TargetValue} (${p.PolicyName})` });
      }
      if (req) out.push({ id: `req:${s.serviceArn}:${tg.TargetGroupArn}`, title: `${s.serviceName}: requests per target (${tg.TargetGroupName})`, unit: 'requests', series: [req], thresholds: th, marks });
    }
  }
  for (const cp of Object.values(w.capacityProviders)) {
    const cluster = Object.values(w.clusters).find((c) => c.capacityProviders.includes(cp.name));
    if (!cluster) continue;
    const cpr = seriesOf(w, 'AWS/ECS/ManagedScaling', 'CapacityProviderReservation', { CapacityProviderName: cp.name, ClusterName: cluster.clusterName }, 'CapacityProviderReservation %');
    const target = (cp as { autoScalingGroupProvider?: { managedScaling?: { targetCapacity?: number } } }).autoScalingGroupProvider?.managedScaling?.targetCapacity;
    const asgMarks = sim.events.filter((e) => e.type === 'AsgDesiredCapacity').map((e) => ({ t: e.t, label: e.message }));
    if (cpr) out.push({ id: `cpr:${cp.name}`, title: `${cp.name}: capacity provider reservation`, unit: '%', series: [cpr], thresholds: target ? [{ value: target, label: `target capacity ${target} %` }] : [], marks: asgMarks });
  }
  if (samples.length > 1) {
    out.push({ id: 'instances', title: 'Container instances and tasks', unit: 'count', series: [
      { label: 'instances', points: samples.map((s) => [s.t, s.instances]) },
      { label: 'running tasks', points: samples.map((s) => [s.t, s.tasksRunning]) },
      { label: 'waiting tasks', points: samples.map((s) => [s.t, s.tasksPending]) },
    ], thresholds: [], marks: [] });
  }
  const cost = Object.values(w.metrics).filter((m) => m.namespace === 'ECSSandbox/Billing');
  if (cost.length) {
    out.push({
      id: 'cost', title: `Cost so far: $${w.cost.totalUSD.toFixed(2)}`, unit: 'USD',
      series: cost.map((m) => ({ label: m.dimensions.map((d) => d.value).join(' ') || m.metricName, points: pairs(m.points) })), thresholds: [], marks: [],
    });
  }
  return out;
}

function pairs(p: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < p.length; i += 2) out.push([p[i]!, p[i + 1]!]);
  return out;
}

export function clock(ms: number): string {
  const days = Math.floor(ms / 86_400_000);
  const rest = formatClock(ms % 86_400_000);
  return days ? `day ${days + 1}, ${rest}` : rest;
}
