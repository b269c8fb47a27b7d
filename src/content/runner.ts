import { Sim, expandTrace, describeCluster, describeContainerInstance, describeService, describeTask, describeTaskDefinition, formatClock } from '../sim';
import type { SimEvent } from '../sim';
import type { Expectation, Scenario } from './scenario';
import { getPath, matches } from './expect';

export interface CallRecord {
  at: number;
  call: string;
  id?: string;
  input: Record<string, unknown>;
  output?: unknown;
  error?: { code: string; message: string };
}

export interface ExpectResult {
  index: number;
  label: string;
  passed: boolean;
  seen: unknown;
  at?: number;
}

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
 * Substitutes ${ci:<ec2InstanceId>}, ${task:<n>}, ${taskIp:<n>} and ${call:<id|index>.<path>} in a call's input.
 * A reference may end in `|after:<text>`: the part of the value after the first <text> (for example the
 * `app/<name>/<id>` of a load balancer ARN, which a ResourceLabel is built from).
 */
export function resolveRefs(sim: Sim, value: unknown, calls: CallRecord[]): unknown {
  if (typeof value === 'string') {
    const whole = /^\$\{([^}]+)\}$/.exec(value);
    const sub = (full: string): unknown => {
      const bar = full.indexOf('|after:');
      if (bar >= 0) {
        const v = sub(full.slice(0, bar));
        const marker = full.slice(bar + '|after:'.length);
        const i = typeof v === 'string' ? v.indexOf(marker) : -1;
        return i < 0 ? `unresolved-${full}` : (v as string).slice(i + marker.length);
      }
      const ref = full;
      const [kind, rest = ''] = [ref.slice(0, ref.indexOf(':')), ref.slice(ref.indexOf(':') + 1)];
      if (kind === 'ci') return sim.world.ec2[rest]?.containerInstanceArn ?? `unresolved-container-instance-${rest}`;
      if (kind === 'task') return sim.world.taskOrder[Number(rest)] ?? `unresolved-task-${rest}`;
      if (kind === 'taskIp') return sim.world.tasks[sim.world.taskOrder[Number(rest)] ?? '']?.privateIp ?? `unresolved-task-ip-${rest}`;
      if (kind === 'call') {
        const dot = rest.indexOf('.');
        const key = dot < 0 ? rest : rest.slice(0, dot);
        const rec = /^\d+$/.test(key) ? calls[Number(key)] : calls.find((c) => c.id === key);
        return dot < 0 ? rec?.output : getPath(rec?.output, rest.slice(dot + 1));
      }
      return `\${${ref}}`;
    };
    if (whole) return sub(whole[1]!);
    return value.replace(/\$\{([^}]+)\}/g, (_, r: string) => String(sub(r)));
  }
  if (Array.isArray(value)) return value.map((v) => resolveRefs(sim, v, calls));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveRefs(sim, v, calls)]));
  }
  return value;
}

function pairs(points: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < points.length; i += 2) out.push([points[i]!, points[i + 1]!]);
  return out;
}

/** Collections the expectations count over, with a few joined fields for readable conditions. */
export function collection(sim: Sim, name: string, calls: CallRecord[]): unknown[] {
  const w = sim.world;
  switch (name) {
    case 'tasks':
      return w.taskOrder.map((a) => {
        const t = w.tasks[a]!;
        const svc = t.serviceArn ? w.services[t.serviceArn] : undefined;
        const ci = t.containerInstanceArn ? w.containerInstances[t.containerInstanceArn] : undefined;
        return { ...describeTask(sim, t), ec2InstanceId: t.ec2InstanceId, instanceType: ci?.instanceType, family: t.family, serviceName: svc?.serviceName, index: w.taskOrder.indexOf(a) };
      });
    case 'containerInstances':
      return Object.values(w.containerInstances).sort((a, b) => a.order - b.order).map((ci) => {
        const d = describeContainerInstance(sim, ci);
        const res = (list: unknown) => Object.fromEntries((list as { name: string; integerValue: number }[]).map((r) => [r.name, r.integerValue]));
        return {
          ...d, remaining: res(d.remainingResources), registered: res(d.registeredResources),
          attribute: Object.fromEntries(ci.attributes.map((a) => [a.name, a.value ?? true])), availabilityZone: ci.availabilityZone,
          instanceType: ci.instanceType,
        };
      });
    case 'services':
      return Object.values(w.services).map((s) => describeService(sim, s));
    case 'serviceEvents':
      return Object.values(w.services).flatMap((s) => s.events.map((e) => ({ serviceName: s.serviceName, message: e.message, createdAt: sim.ts(e.createdAtMs) })));
    case 'clusters':
      return Object.values(w.clusters).map((c) => describeCluster(sim, c));
    case 'taskDefinitions':
      return Object.values(w.taskDefinitions).flat().map((td) => describeTaskDefinition(sim, td));
    case 'events':
      return sim.events as unknown[];
    case 'calls':
      return calls;
    case 'datapoints':
      return Object.values(w.metrics).flatMap((m) => {
        const dims = Object.fromEntries(m.dimensions.map((d) => [d.name, d.value]));
        return pairs(m.points).map(([t, value]) => ({ namespace: m.namespace, metricName: m.metricName, ...dims, t: t / 1000, timestamp: sim.ts(t), value }));
      });
    case 'traces':
      return w.traces.map((t) => expandTrace(w, t));
    case 'alarms':
      return (sim.call('cloudwatch.DescribeAlarms', {}).output as { MetricAlarms: unknown[] }).MetricAlarms;
    case 'rules':
      return Object.values(w.rules).map((r) => {
        const fwd = r.Actions.find((a) => a.Type === 'forward');
        return { ...r, paths: r.Conditions.flatMap((c) => c.Values), TargetGroupName: fwd?.TargetGroupArn ? w.targetGroups[fwd.TargetGroupArn]?.TargetGroupName : undefined };
      });
    case 'discoveryServices':
      return Object.values(w.discoveryServices).map((d) => ({
        Id: d.Id, Arn: d.Arn, Name: d.Name, NamespaceId: d.NamespaceId, Namespace: w.namespaces[d.NamespaceId]?.Name, instances: d.instances.length,
      }));
    case 'capacityProviders':
      return (sim.call('ecs.DescribeCapacityProviders', {}).output as { capacityProviders: unknown[] }).capacityProviders;
    case 'scalableTargets':
      return (sim.call('applicationautoscaling.DescribeScalableTargets', { ServiceNamespace: 'ecs' }).output as { ScalableTargets: unknown[] }).ScalableTargets;
    case 'scalingPolicies':
      return (sim.call('applicationautoscaling.DescribeScalingPolicies', { ServiceNamespace: 'ecs' }).output as { ScalingPolicies: unknown[] }).ScalingPolicies;
    case 'scalingActivities':
      return (sim.call('applicationautoscaling.DescribeScalingActivities', { ServiceNamespace: 'ecs' }).output as { ScalingActivities: unknown[] }).ScalingActivities;
    case 'containers':
      return (sim.call('docker.Ps', { all: true }).output as { containers: unknown[] }).containers;
    case 'images':
      return Object.values(w.docker.images).map((i) => ({ ref: i.ref, exposedPorts: i.exposed, pushed: w.docker.registry.includes(i.ref) }));
    case 'localTraffic':
      return Object.keys(w.docker.traffic).map((port) => sim.call('docker.TrafficStats', { port: Number(port) }).output);
    case 'targetGroups':
      return Object.values(w.targetGroups).map((tg) => ({
        TargetGroupName: tg.TargetGroupName, TargetGroupArn: tg.TargetGroupArn,
        healthy: tg.targets.filter((x) => x.State === 'healthy').length, targets: tg.targets.map((x) => ({ Id: x.Id, Port: x.Port, State: x.State })),
      }));
    default:
      return [];
  }
}

export function evaluate(sim: Sim, raw: Expectation, calls: CallRecord[]): ExpectResult {
  const label = raw.label ?? describeExpectation(raw);
  // Expectations may name things by reference too (${ci:i-1}, ${task:0}, ${call:id.path}).
  const e = resolveRefs(sim, raw, calls) as Expectation;
  if (e.call !== undefined) {
    const rec = typeof e.call === 'number' ? calls[e.call] : calls.find((c) => c.id === e.call);
    let passed = rec !== undefined;
    if (rec) {
      if (e.ok !== undefined) passed &&= (rec.error === undefined) === e.ok;
      if (e.output) passed &&= rec.output !== undefined && matches(rec.output, e.output);
      if (e.error) passed &&= rec.error !== undefined && matches(rec.error, e.error);
    }
    return { index: e.index, label, passed, seen: rec ? (rec.error ? { error: rec.error } : { output: rec.output }) : 'the call was not made' };
  }
  if (e.event) {
    const hit = sim.events.find((ev) => matches(ev, e.event));
    return { index: e.index, label, passed: hit !== undefined, seen: hit ?? 'no matching event' };
  }
  if (e.sequence) {
    // Each condition must match an event after the one the previous condition matched.
    const seen: unknown[] = [];
    let from = 0;
    for (const cond of e.sequence) {
      let i = from;
      while (i < sim.events.length && !matches(sim.events[i], cond)) i++;
      if (i >= sim.events.length) return { index: e.index, label, passed: false, seen: { matchedInOrder: seen, missing: cond } };
      seen.push({ t: sim.events[i]!.t, message: sim.events[i]!.message });
      from = i + 1;
    }
    return { index: e.index, label, passed: true, seen };
  }
  const items = collection(sim, e.count!, calls).filter((x) => matches(x, e.where));
  const n = items.length;
  let passed = true;
  if (e.equals !== undefined) passed &&= n === e.equals;
  if (e.atLeast !== undefined) passed &&= n >= e.atLeast;
  if (e.atMost !== undefined) passed &&= n <= e.atMost;
  return { index: e.index, label, passed, seen: n };
}

export function describeExpectation(e: Expectation): string {
  if (e.call !== undefined) return `call ${e.call} ${e.error ? 'fails as expected' : 'answers as expected'}`;
  if (e.event) return `an event matches ${JSON.stringify(e.event)}`;
  if (e.sequence) return `events happen in order: ${e.sequence.map((c) => JSON.stringify(c)).join(' then ')}`;
  const bound = e.equals !== undefined ? `= ${e.equals}` : [e.atLeast !== undefined ? `>= ${e.atLeast}` : '', e.atMost !== undefined ? `<= ${e.atMost}` : ''].filter(Boolean).join(' and ');
  return `count of ${e.count}${e.where ? ` where ${JSON.stringify(e.where)}` : ''} ${bound}`;
}

export interface RunOptions {
  seed?: string;
  until?: number;
  /** Runs after the scenario's clock reaches `until`, before the report is taken (the console uses it). */
  after?: (sim: Sim) => void;
}

/** The world a scenario starts from (before its actions), with `seed` in place of the file's. */
export function simFor(sc: Scenario, seed: string): Sim {
  return new Sim({
    seed, images: sc.images, durations: sc.durations,
    ...(sc.region ? { region: sc.region } : {}),
    ...(sc.availabilityZones ? { availabilityZones: sc.availabilityZones } : {}),
    ...(sc.freeIpsPerSubnet !== undefined ? { freeIpsPerSubnet: sc.freeIpsPerSubnet } : {}),
  });
}

/** A scenario's actions in the order they run: by time, then as written. */
export function orderedActions(sc: Scenario): Scenario['actions'] {
  return [...sc.actions].sort((a, b) => a.at - b.at || a.index - b.index);
}

/** Runs a scenario headless: the same code path the CLI, the tests and the lesson checker use. */
export function runScenario(sc: Scenario, opts: RunOptions = {}): Report {
  const seed = opts.seed ?? sc.seed;
  const sim = simFor(sc, seed);
  const actions = orderedActions(sc);
  const lastAction = actions.length ? actions[actions.length - 1]!.at : 0;
  const until = opts.until ?? sc.until ?? lastAction;
  const checkpoints = sc.expect.filter((e) => e.at !== undefined).sort((a, b) => a.at! - b.at! || a.index - b.index);
  const results = new Map<number, ExpectResult>();
  const calls: CallRecord[] = new Array(sc.actions.length);
  const ordered: CallRecord[] = [];
  let ai = 0;
  let ci = 0;
  while (ai < actions.length || ci < checkpoints.length) {
    const nextAction = ai < actions.length ? actions[ai]!.at : Infinity;
    const nextCheck = ci < checkpoints.length ? checkpoints[ci]!.at! : Infinity;
    const t = Math.min(nextAction, nextCheck);
    if (t > until && nextAction > until) break;
    sim.runUntil(t);
    while (ai < actions.length && actions[ai]!.at === t) {
      const a = actions[ai++]!;
      const input = resolveRefs(sim, a.input, calls) as Record<string, unknown>;
      const r = sim.call(a.call, input);
      const rec: CallRecord = { at: t / 1000, call: a.call, ...(a.id ? { id: a.id } : {}), input, ...(r.error ? { error: r.error } : { output: r.output }) };
      calls[a.index] = rec;
      ordered.push(rec);
      // What a call sets off at once (zero-delay events) happens before the next call at the same time.
      sim.runUntil(t);
    }
    sim.runUntil(t);
    while (ci < checkpoints.length && checkpoints[ci]!.at === t) {
      const e = checkpoints[ci++]!;
      results.set(e.index, { ...evaluate(sim, e, calls), at: t / 1000 });
    }
  }
  sim.runUntil(until);
  opts.after?.(sim);
  for (const e of sc.expect) if (e.at === undefined) results.set(e.index, evaluate(sim, e, calls));
  const expect = sc.expect.map((e) => results.get(e.index) ?? { index: e.index, label: e.label ?? describeExpectation(e), passed: false, seen: 'not reached before the end of the run', at: e.at! / 1000 });
  return reportOf(sim, sc.name, seed, ordered, expect);
}

/** The runner's report of a world as it is now (the CLI's --json output; lessons add their checklist). */
export function reportOf(sim: Sim, name: string, seed: string, calls: CallRecord[], expect: ExpectResult[]): Report {
  const w = sim.world;
  return {
    scenario: name,
    clock: sim.now / 1000,
    seed,
    passed: expect.every((x) => x.passed),
    eventHash: eventHash(sim.events),
    calls,
    clusters: Object.values(w.clusters).map((c) => describeCluster(sim, c)),
    containerInstances: Object.values(w.containerInstances).sort((a, b) => a.order - b.order).map((c) => describeContainerInstance(sim, c)),
    tasks: w.taskOrder.map((a) => describeTask(sim, w.tasks[a]!)),
    services: Object.values(w.services).map((s) => describeService(sim, s)),
    taskDefinitions: Object.values(w.taskDefinitions).flat().map((td) => describeTaskDefinition(sim, td)),
    capacityProviders: (sim.call('ecs.DescribeCapacityProviders', {}).output as { capacityProviders: unknown[] }).capacityProviders,
    scalableTargets: (sim.call('applicationautoscaling.DescribeScalableTargets', { ServiceNamespace: 'ecs' }).output as { ScalableTargets: unknown[] }).ScalableTargets,
    scalingPolicies: (sim.call('applicationautoscaling.DescribeScalingPolicies', { ServiceNamespace: 'ecs' }).output as { ScalingPolicies: unknown[] }).ScalingPolicies,
    targetGroups: Object.values(w.targetGroups).map(({ targets, deregistrationDelaySeconds, ...tg }) => ({ ...tg, deregistrationDelaySeconds, targets: targets.map((x) => ({ Id: x.Id, Port: x.Port, State: x.State })) })),
    namespaces: Object.values(w.namespaces).map((n) => ({
      Id: n.Id, Arn: n.Arn, Name: n.Name, Type: n.Type,
      services: Object.values(w.discoveryServices).filter((d) => d.NamespaceId === n.Id).map((d) => ({ Id: d.Id, Name: d.Name, DnsRecords: d.DnsRecords, instances: d.instances.map(({ taskArn, ...i }) => (void taskArn, i)) })),
    })),
    placementTraces: w.traces.map((t) => expandTrace(w, t)),
    events: [...sim.events],
    cost: w.cost,
    metrics: Object.values(w.metrics).map((m) => ({
      namespace: m.namespace, metricName: m.metricName, dimensions: m.dimensions,
      datapoints: pairs(m.points).map(([t, value]) => ({ timestamp: sim.ts(t)!, value })),
    })),
    expect,
  };
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
