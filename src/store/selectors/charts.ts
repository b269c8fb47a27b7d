import type { Sim, WorldState } from '../../sim';
import type { Sample } from '../../content/timeline';
import type { SandboxState } from '../store';
import { memoSelector } from './memo';
import { message, type Message, type MessageKey, type Params } from '../../i18n';

/** Labels and titles are English (`label`, `title`); `said` is the message the page says them by in the learner's language. */
export interface Series {
  label: string;
  said?: Message;
  points: [number, number][];
}

/** An English text with the message it comes from. */
const said = (key: MessageKey, params?: Params): { text: string; said: Message } => {
  const m = message(key, params);
  return { text: m.text, said: m };
};
const titled = (key: MessageKey, params?: Params) => {
  const m = said(key, params);
  return { title: m.text, said: m.said };
};
const labelled = (key: MessageKey, params?: Params) => {
  const m = said(key, params);
  return { label: m.text, said: m.said };
};

export interface ChartSpec {
  id: string;
  title: string;
  said?: Message;
  unit: string;
  series: Series[];
  /** Horizontal lines: scaling targets and alarm thresholds. */
  thresholds: { value: number; label: string; said?: Message }[];
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

/** A service's charts: CPU with its scaling targets and alarms, task counts, requests per target group, and requests per revision. */
function serviceCharts(w: WorldState, s: WorldState['services'][string], out: ChartSpec[]): void {
  const cluster = s.clusterArn.split('/').pop()!;
  const resourceId = `service/${cluster}/${s.serviceName}`;
  const policies = Object.values(w.scalingPolicies).filter((p) => p.ResourceId === resourceId);
  const marks = w.scalingActivities.filter((a) => a.ResourceId === resourceId).map((a) => ({ t: a.StartMs, label: a.Description }));
  const cpu = seriesOf(w, 'AWS/ECS', 'CPUUtilization', { ClusterName: cluster, ServiceName: s.serviceName }, 'CPU %');
  const thresholds: ChartSpec['thresholds'] = [];
  for (const p of policies) {
    const cfg = (p as { TargetTrackingScalingPolicyConfiguration?: { TargetValue: number; PredefinedMetricSpecification?: { PredefinedMetricType: string } } }).TargetTrackingScalingPolicyConfiguration;
    if (cfg && /CPU/.test(cfg.PredefinedMetricSpecification?.PredefinedMetricType ?? '')) thresholds.push({ value: cfg.TargetValue, ...labelled('charts.target.percent', { value: String(cfg.TargetValue), policy: p.PolicyName }) });
  }
  for (const a of Object.values(w.alarms)) {
    if (a.MetricName !== 'CPUUtilization' || !a.Dimensions.some((d) => d.Name === 'ServiceName' && d.Value === s.serviceName)) continue;
    // A target-tracking policy's high alarm sits on the target line already drawn.
    if (/^TargetTracking-.*-AlarmHigh-/.test(a.AlarmName) && thresholds.some((t) => t.value === a.Threshold)) continue;
    const above = a.ComparisonOperator.startsWith('Greater');
    const who = /^TargetTracking-.*-AlarmLow-/.test(a.AlarmName) ? 'scale-in alarm' : `alarm ${a.AlarmName.slice(0, 24)}`;
    thresholds.push({ value: a.Threshold, label: `${who}: ${above ? '>' : '<'} ${+a.Threshold.toFixed(2)}` });
  }
  if (cpu) out.push({ id: `cpu:${s.serviceArn}`, ...titled('charts.title.cpu', { name: s.serviceName }), unit: '%', series: [cpu], thresholds, marks });
  const counts = ['DesiredTaskCount', 'RunningTaskCount', 'PendingTaskCount']
    .map((m) => seriesOf(w, 'ECS/ContainerInsights', m, { ClusterName: cluster, ServiceName: s.serviceName }, m.replace('TaskCount', '').toLowerCase()))
    .filter((x): x is Series => x !== undefined)
    .map((x) => ({ ...x, said: message(`charts.series.${x.label}` as MessageKey) }));
  if (counts.length) out.push({ id: `count:${s.serviceArn}`, ...titled('charts.title.counts', { name: s.serviceName }), unit: 'tasks', series: counts, thresholds: [], marks });
  for (const lb of s.loadBalancers) {
    const tg = w.targetGroups[lb.targetGroupArn];
    if (!tg) continue;
    const label = tg.TargetGroupArn.slice(tg.TargetGroupArn.indexOf('targetgroup/'));
    const req = seriesOf(w, 'AWS/ApplicationELB', 'RequestCountPerTarget', { TargetGroup: label }, 'requests per target per minute');
    const th: ChartSpec['thresholds'] = [];
    for (const p of policies) {
      const cfg = (p as { TargetTrackingScalingPolicyConfiguration?: { TargetValue: number; PredefinedMetricSpecification?: { PredefinedMetricType: string } } }).TargetTrackingScalingPolicyConfiguration;
      if (cfg?.PredefinedMetricSpecification?.PredefinedMetricType === 'ALBRequestCountPerTarget') th.push({ value: cfg.TargetValue, ...labelled('charts.target', { value: String(cfg.TargetValue), policy: p.PolicyName }) });
    }
    if (req)
      out.push({
        id: `req:${s.serviceArn}:${tg.TargetGroupArn}`,
        ...titled('charts.title.requests', { name: s.serviceName, group: tg.TargetGroupName }),
        unit: 'requests',
        series: [{ ...req, said: message('charts.series.requestsPerTarget') }],
        thresholds: th,
        marks,
      });
  }
  const perRevision = revisionSeries(w, cluster, s.serviceName);
  if (perRevision.length) out.push({ id: `rev:${s.serviceArn}`, ...titled('charts.title.revisions', { name: s.serviceName }), unit: 'requests', series: perRevision, thresholds: [], marks });
}

/** Each capacity provider's reservation, with its target capacity and the Auto Scaling group's changes as marks. */
function capacityProviderCharts(sim: Sim, out: ChartSpec[]): void {
  const w = sim.world;
  for (const cp of Object.values(w.capacityProviders)) {
    const cluster = Object.values(w.clusters).find((c) => c.capacityProviders.includes(cp.name));
    if (!cluster) continue;
    const cpr = seriesOf(w, 'AWS/ECS/ManagedScaling', 'CapacityProviderReservation', { CapacityProviderName: cp.name, ClusterName: cluster.clusterName }, 'CapacityProviderReservation %');
    // The target managed scaling keeps the reservation at: a line only while managed scaling is on.
    const target = cp.managedScaling.status === 'ENABLED' ? cp.managedScaling.targetCapacity : undefined;
    const asgMarks = sim.events.filter((e) => e.type === 'AsgDesiredCapacity').map((e) => ({ t: e.t, label: e.message }));
    if (cpr)
      out.push({
        id: `cpr:${cp.name}`,
        ...titled('charts.title.reservation', { name: cp.name }),
        unit: '%',
        series: [cpr],
        thresholds: target ? [{ value: target, ...labelled('charts.target.capacity', { value: String(target) }) }] : [],
        marks: asgMarks,
      });
  }
}

/** The charts for the world now: per service, per capacity provider, and cost. */
export function charts(sim: Sim, samples: readonly Sample[]): ChartSpec[] {
  const w = sim.world;
  const out: ChartSpec[] = [];
  // What moves comes first: the services that scale, then the capacity providers' reservation (cluster
  // auto scaling), then the services that do not scale.
  const scaled = new Set(Object.values(w.scalableTargets).map((t) => t.ResourceId));
  const live = Object.values(w.services).filter((s) => s.status !== 'INACTIVE');
  const scales = (s: (typeof live)[number]) => scaled.has(`service/${s.clusterArn.split('/').pop()}/${s.serviceName}`);
  for (const s of live) if (scales(s)) serviceCharts(w, s, out);
  capacityProviderCharts(sim, out);
  for (const s of live) if (!scales(s)) serviceCharts(w, s, out);
  if (samples.length > 1) {
    out.push({
      id: 'instances',
      ...titled('charts.title.instances'),
      unit: 'count',
      series: [
        { ...labelled('charts.series.instances'), points: samples.map((s) => [s.t, s.instances]) },
        { ...labelled('charts.series.runningTasks'), points: samples.map((s) => [s.t, s.tasksRunning]) },
        { ...labelled('charts.series.waitingTasks'), points: samples.map((s) => [s.t, s.tasksPending]) },
      ],
      thresholds: [],
      marks: [],
    });
  }
  const cost = Object.values(w.metrics).filter((m) => m.namespace === 'ECSSandbox/Billing');
  if (cost.length) {
    out.push({
      id: 'cost',
      ...titled('charts.title.cost', { usd: w.cost.totalUSD.toFixed(2) }),
      unit: 'USD',
      series: cost.map((m) => ({ label: m.dimensions.map((d) => d.value).join(' ') || m.metricName, points: pairs(m.points) })),
      thresholds: [],
      marks: [],
    });
  }
  return out;
}

/**
 * Requests and 5xx answers per service revision (the sandbox's ECSSandbox/Deployments metrics), named by
 * the revision's task definition: during a blue/green, linear or canary deployment, one series each for
 * blue and green.
 */
function revisionSeries(w: WorldState, cluster: string, service: string): Series[] {
  const out: Series[] = [];
  for (const metric of ['RequestCountPerRevision', 'HTTPCode_5XX_CountPerRevision']) {
    for (const m of Object.values(w.metrics)) {
      if (m.namespace !== 'ECSSandbox/Deployments' || m.metricName !== metric) continue;
      const dim = (n: string) => m.dimensions.find((d) => d.name === n)?.value;
      if (dim('ClusterName') !== cluster || dim('ServiceName') !== service) continue;
      const id = dim('ServiceRevision') ?? '';
      const rev = Object.values(w.serviceRevisions).find((r) => r.serviceRevisionArn.endsWith(`/${id}`));
      const name = rev ? rev.taskDefinition.slice(rev.taskDefinition.lastIndexOf('/') + 1) : id;
      out.push({ label: `${name} ${metric === 'RequestCountPerRevision' ? 'requests' : '5xx'}`, points: pairs(m.points) });
    }
  }
  return out;
}

function pairs(p: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < p.length; i += 2) out.push([p[i]!, p[i + 1]!]);
  return out;
}

/**
 * The charts, recomputed at most once a simulated minute (the metrics are per minute) or when undo
 * and redo rebuild the past.
 */
export const selectCharts: (s: SandboxState) => ChartSpec[] = memoSelector(
  (s: SandboxState) => {
    const t = s.world.timeline;
    return [t, Math.floor(s.world.now / 60_000), t ? t.actions.length : 0, t ? t.redoStack.length : 0] as const;
  },
  ([t]) => (t ? charts(t.sim, t.samples) : []),
);

/** A round step for about `ticks` intervals up to `max`: 1, 2, 2.5 or 5 times a power of ten. */
export function niceScale(max: number, ticks = 4): { top: number; step: number } {
  if (!(max > 0)) return { top: 1, step: 0.25 };
  const raw = max / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  return { top: Math.ceil(max / step - 1e-9) * step, step };
}
