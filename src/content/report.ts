import { describeCluster, describeContainerInstance, describeService, describeTask, describeTaskDefinition, expandTrace, formatClock, type Sim } from '../sim';
import type { SimEvent } from '../sim';
import type { CallRecord } from './calls';
import type { ExpectResult } from './evaluate';

export interface Report {
  scenario: string;
  clock: number;
  seed: string;
  passed: boolean;
  eventHash: string;
  calls: CallRecord[];
  clusters: unknown[];
  containerInstances: unknown[];
  tasks: unknown[];
  services: unknown[];
  taskDefinitions: unknown[];
  capacityProviders: unknown[];
  scalableTargets: unknown[];
  scalingPolicies: unknown[];
  targetGroups: unknown[];
  namespaces: unknown[];
  placementTraces: unknown[];
  events: SimEvent[];
  cost: { totalUSD: number; byCapacityType: Record<string, number>; byService: Record<string, number>; unusedEc2USD: number };
  metrics: { namespace: string; metricName: string; dimensions: { name: string; value: string }[]; datapoints: { timestamp: number; value: number }[] }[];
  expect: ExpectResult[];
}

/** FNV-1a (64-bit, as two 32-bit halves) over the event log: one short fingerprint of a run. */
export function eventHash(events: readonly SimEvent[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  const s = JSON.stringify(events);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x01000197) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

/**
 * How the report carries the metric datapoints. `sampled` (the default): every minute of the last day of the run,
 * and before that one datapoint an hour, the Average of its minutes timestamped at the hour's start (as CloudWatch
 * rolls up older data), so a month-long run reports about 2,100 datapoints a series instead of 43,200. A run of a
 * day or less is reported minute by minute either way. `all`: every minute.
 */
export type MetricSampling = 'sampled' | 'all';

const HOUR_MS = 3_600_000;
/** How far back from the end of the run datapoints are kept minute by minute. */
export const FULL_RESOLUTION_MS = 24 * HOUR_MS;

/** A series' flat (t, value, …) points as the report carries them, rolled up to hours before the last day. */
export function sampledPoints(points: readonly number[], now: number, sampling: MetricSampling = 'sampled', end = points.length): [number, number][] {
  const out: [number, number][] = [];
  // Hours wholly before the last day are rolled up; the hour that straddles it stays minute by minute.
  const cutoff = sampling === 'all' ? -Infinity : Math.floor((now - FULL_RESOLUTION_MS) / HOUR_MS) * HOUR_MS;
  let hour = NaN;
  let sum = 0;
  let n = 0;
  const flush = () => {
    if (n > 0) out.push([hour, sum / n]);
    n = 0;
    sum = 0;
  };
  for (let i = 0; i + 1 < end; i += 2) {
    const t = points[i]!;
    const v = points[i + 1]!;
    if (t >= cutoff) {
      flush();
      out.push([t, v]);
      continue;
    }
    const h = Math.floor(t / HOUR_MS) * HOUR_MS;
    if (h !== hour) {
      flush();
      hour = h;
    }
    sum += v;
    n++;
  }
  flush();
  return out;
}

export interface ReportOptions {
  metrics?: MetricSampling;
}

type Series = Report['metrics'][number];

/**
 * A series of the report. Its datapoints are made when they are read (as JSON.stringify and writeReport read
 * them), one series at a time, so a long run's report never holds every datapoint as an object at once; they
 * are the points published up to the moment of the report, whatever the world does after.
 */
function seriesOf(sim: Sim, m: { namespace: string; metricName: string; dimensions: { name: string; value: string }[]; points: number[] }, sampling?: MetricSampling): Series {
  const out = { namespace: m.namespace, metricName: m.metricName, dimensions: m.dimensions } as Series;
  const now = sim.now;
  const upTo = m.points.length;
  Object.defineProperty(out, 'datapoints', {
    enumerable: true,
    get: () => sampledPoints(m.points, now, sampling, upTo).map(([t, value]) => ({ timestamp: sim.ts(t)!, value })),
  });
  return out;
}

/** The runner's report of a world as it is now (the CLI's --json output; lessons add their checklist). */
export function reportOf(sim: Sim, name: string, seed: string, calls: CallRecord[], expect: ExpectResult[], opts: ReportOptions = {}): Report {
  const w = sim.world;
  return {
    scenario: name,
    clock: sim.now / 1000,
    seed,
    passed: expect.every((x) => x.passed),
    eventHash: eventHash(sim.events),
    calls,
    clusters: Object.values(w.clusters).map((c) => describeCluster(sim, c)),
    containerInstances: Object.values(w.containerInstances)
      .sort((a, b) => a.order - b.order)
      .map((c) => describeContainerInstance(sim, c)),
    tasks: w.taskOrder.map((a) => describeTask(sim, w.tasks[a]!)),
    services: Object.values(w.services).map((s) => describeService(sim, s)),
    taskDefinitions: Object.values(w.taskDefinitions)
      .flat()
      .map((td) => describeTaskDefinition(sim, td)),
    capacityProviders: (sim.call('ecs.DescribeCapacityProviders', {}).output as { capacityProviders: unknown[] }).capacityProviders,
    scalableTargets: (sim.call('applicationautoscaling.DescribeScalableTargets', { ServiceNamespace: 'ecs' }).output as { ScalableTargets: unknown[] }).ScalableTargets,
    scalingPolicies: (sim.call('applicationautoscaling.DescribeScalingPolicies', { ServiceNamespace: 'ecs' }).output as { ScalingPolicies: unknown[] }).ScalingPolicies,
    targetGroups: Object.values(w.targetGroups).map(({ targets, deregistrationDelaySeconds, ...tg }) => ({ ...tg, deregistrationDelaySeconds, targets: targets.map((x) => ({ Id: x.Id, Port: x.Port, State: x.State })) })),
    namespaces: Object.values(w.namespaces).map((n) => ({
      Id: n.Id,
      Arn: n.Arn,
      Name: n.Name,
      Type: n.Type,
      services: Object.values(w.discoveryServices)
        .filter((d) => d.NamespaceId === n.Id)
        .map((d) => ({ Id: d.Id, Name: d.Name, DnsRecords: d.DnsRecords, instances: d.instances.map(({ taskArn, ...i }) => (void taskArn, i)) })),
    })),
    placementTraces: w.traces.map((t) => expandTrace(w, t)),
    events: [...sim.events],
    cost: w.cost,
    metrics: Object.values(w.metrics).map((m) => seriesOf(sim, m, opts.metrics)),
    expect,
  };
}

/**
 * Writes the report as JSON.stringify(report, null, 2) would, in pieces of about 64 KB: no string of the whole
 * report is built, so a long run's report costs the memory of its parts, not of its text.
 */
export function writeReport(r: Report, write: (chunk: string) => void): void {
  let buf = '';
  const put = (s: string) => {
    buf += s;
    if (buf.length >= 65_536) {
      write(buf);
      buf = '';
    }
  };
  const text = (v: unknown, indent: string) => (JSON.stringify(v, null, 2) ?? 'null').replace(/\n/g, `\n${indent}`);
  const entries = Object.entries(r).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  put('{');
  entries.forEach(([k, v], i) => {
    put(`${i ? ',' : ''}\n  ${JSON.stringify(k)}: `);
    if (!Array.isArray(v) || v.length === 0) return put(text(v, '  '));
    put('[');
    v.forEach((el, j) => put(`${j ? ',' : ''}\n    ${text(el, '    ')}`));
    put('\n  ]');
  });
  put(entries.length ? '\n}' : '}');
  if (buf) write(buf);
}

/** The readable timeline the CLI prints without --json. */
export function formatReport(r: Report): string {
  const lines: string[] = [`# ${r.scenario} (seed ${r.seed})`];
  let ci = 0;
  const calls = r.calls;
  for (const e of r.events) {
    while (ci < calls.length && calls[ci]!.at * 1000 <= e.t) lines.push(formatCall(calls[ci++]!));
    lines.push(`${formatClock(e.t).padStart(11)}  ${e.message}`);
  }
  while (ci < calls.length) lines.push(formatCall(calls[ci++]!));
  lines.push(`${formatClock(r.clock * 1000).padStart(11)}  (end of run)`);
  if (r.expect.length) {
    lines.push('', 'Expectations:');
    for (const x of r.expect) lines.push(`  ${x.passed ? 'PASS' : 'FAIL'}  ${x.label}${x.passed ? '' : `  (seen: ${JSON.stringify(x.seen)})`}`);
    const failed = r.expect.filter((x) => !x.passed).length;
    lines.push(`${r.expect.length - failed} passed, ${failed} failed`);
  }
  return lines.join('\n');
}

function formatCall(c: CallRecord): string {
  const head = `${formatClock(c.at * 1000).padStart(11)}  > ${c.call}`;
  return c.error ? `${head}  ! ${c.error.code}: ${c.error.message}` : head;
}
