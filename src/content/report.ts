import { describeCluster, describeContainerInstance, describeService, describeTask, describeTaskDefinition, expandTrace, formatClock, type Sim } from '../sim';
import type { SimEvent } from '../sim';
import type { CallRecord } from './calls';
import type { ExpectResult } from './evaluate';
import { pairs } from './collections';

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
