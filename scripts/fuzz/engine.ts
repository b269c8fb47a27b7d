import fc from 'fast-check';
import { Sim } from '../../src/sim';
import { FAULT_EVENT } from '../../src/sim/core/engine';
import { inputShape, modelOf } from '../../src/sim/api/params';
import type { Shape } from '../../src/sim/api/shape';

/**
 * The engine's fuzz generators: requests built from each operation's request table (the generated AWS
 * shapes, ECS's and the hand-written sim./docker. ones), with the real member names, mostly well-typed
 * values drawn from names that exist in the world and names that collide with Object.prototype, and
 * wrong types and hostile values mixed in (`__proto__` keys, huge, negative and non-finite numbers, empty
 * and very long strings, deep nesting). A scenario is a setup, random calls and clock advances; running it
 * says what went wrong, if anything. `npm test` runs a few (test/fuzz/engine.test.ts), `npm run fuzz` many.
 */

/** Names that are members of Object.prototype (or its setter), as every name-like member gets them. */
export const PROTO_NAMES = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'] as const;

/** Names the setup creates, so that random calls find things to act on. */
const WORLD_NAMES = [
  'demo',
  'web',
  'api',
  'lb',
  'tg',
  'rule',
  'ns',
  'nodes',
  'app',
  'i-0000000000000001',
  'subnet-us-east-1a',
  'subnet-us-east-1b',
  'nginx',
  'redis',
  'web:1',
  'service/demo/web',
  'ecs',
  'ecs:service:DesiredCount',
  'arn:aws:ecs:us-east-1:123456789012:cluster/demo',
  'ECS_CLUSTER=demo',
  '/',
  '/api',
  'm5.large',
  'ECSServiceAverageCPUUtilization',
  'rate(5 minutes)',
  'AWS/ECS',
  'CPUUtilization',
  '8080:80',
  'http://localhost:8080/',
  // Resolved when the scenario runs to the id or ARN of the first such resource in the world (see resolveRefs).
  '#ref:tg',
  '#ref:lb',
  '#ref:listener',
  '#ref:ns',
  '#ref:task',
  '#ref:ci',
  '#ref:svcd',
  '#ref:rule',
  '#ref:policy',
  '#ref:td',
  '#ref:container',
];

const HUGE = 'x'.repeat(100_000);

function deep(n: number, leaf: unknown): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < n; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** Values of the wrong type, or of the right type but hostile. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, -0, 1.5, 1e23, 2 ** 31, 2 ** 53 + 2, -1e308, 1e12, NaN, Infinity, -Infinity, '', ' ', HUGE, '0x10', '-1', '5', [], [null], {}, [[]]),
  fc.constantFrom<unknown>(...PROTO_NAMES),
  fc.constantFrom<unknown>(JSON.parse('{"__proto__": {"state": "terminated"}}'), JSON.parse('{"__proto__": "x", "constructor": {"prototype": {"polluted": 1}}}')),
  fc.constantFrom<unknown>(deep(200, 'x'), deep(20, 1)),
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.double(),
);

const nameArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('demo', 'web', 'default', '#ref:task', '#ref:tg') },
  { weight: 4, arbitrary: fc.constantFrom(...WORLD_NAMES) },
  { weight: 3, arbitrary: fc.constantFrom(...PROTO_NAMES) },
  { weight: 1, arbitrary: fc.constantFrom('', HUGE, 'a b', '${call:x}', 'arn:aws:ecs:us-east-1:123456789012:cluster/demo', 'service/demo/web') },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

function numberArb(s: Shape): fc.Arbitrary<number> {
  const integer = s.t === 'integer' || s.t === 'long';
  const lo = s.min ?? (integer ? -10 : -10);
  const hi = s.max ?? lo + 1000;
  const inRange = integer ? fc.integer({ min: Math.max(lo, -1e6), max: Math.min(hi, lo + 1e6) }) : fc.double({ min: Math.max(lo, -1e6), max: Math.min(hi, lo + 1e6), noNaN: true });
  return fc.oneof({ weight: 5, arbitrary: inRange }, { weight: 1, arbitrary: fc.constantFrom(lo - 1, hi + 1, 0, -1, 1e12, 1e23) });
}

/** A value for shape `name` of namespace `ns`: mostly well-typed, sometimes hostile. */
function valueArb(ns: string, name: string, depth: number, cache: Map<string, fc.Arbitrary<unknown>>, hostile: boolean): fc.Arbitrary<unknown> {
  const key = `${ns}|${name}|${Math.min(depth, 4)}|${hostile}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const model = modelOf(ns)!;
  const s = Object.hasOwn(model.shapes, name) ? model.shapes[name]! : { t: 'opaque' };
  let typed: fc.Arbitrary<unknown>;
  if (depth > 4) typed = fc.constant(undefined);
  else if (s.t === 'structure') typed = structArb(ns, s, depth, cache, false, hostile);
  else if (s.t === 'list') typed = fc.array(valueArb(ns, s.e!, depth + 1, cache, hostile), { maxLength: 3 });
  else if (s.t === 'map') typed = fc.dictionary(nameArb, valueArb(ns, s.v!, depth + 1, cache, hostile), { maxKeys: 3 });
  else if (s.t === 'string') typed = s.enum ? fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...s.enum) }, { weight: 1, arbitrary: nameArb }) : nameArb;
  else if (s.t === 'boolean') typed = fc.boolean();
  else if (s.t === 'integer' || s.t === 'long' || s.t === 'double' || s.t === 'float') typed = numberArb(s);
  else if (s.t === 'duration') typed = fc.oneof(fc.nat(600), fc.constantFrom('90s', '5m', '0', 'forever'));
  else if (s.t === 'timestamp') typed = fc.oneof(fc.nat(2_000_000_000), fc.constant('2025-01-01T00:00:00Z'));
  else typed = hostile ? fc.oneof(fc.object({ maxDepth: 1 }), hostileValue) : fc.object({ maxDepth: 1 });
  const arb = hostile ? fc.oneof({ weight: 3, arbitrary: typed }, { weight: 1, arbitrary: hostileValue }) : typed;
  cache.set(key, arb);
  return arb;
}

function structArb(ns: string, s: Shape, depth: number, cache: Map<string, fc.Arbitrary<unknown>>, top: boolean, hostile: boolean): fc.Arbitrary<Record<string, unknown>> {
  const members = Object.entries(s.m ?? {});
  const required = new Set(s.r ?? []);
  const parts = members.map(([k, shape]) => fc.tuple(fc.constant(k), fc.nat(9), fc.constant(shape)));
  return fc.tuple(fc.tuple(...parts), fc.nat(19), hostileValue).chain(([chosen, extra, junk]) => {
    const keep = chosen.filter(([k, roll]) => (required.has(k) ? roll < 9 : roll < (top || hostile ? 5 : 3)));
    return fc.tuple(...keep.map(([, , shape]) => valueArb(ns, shape, depth + 1, cache, hostile))).map((values) => {
      const out: Record<string, unknown> = {};
      keep.forEach(([k], i) => {
        out[k] = values[i];
      });
      // Now and then a member the model does not have, "__proto__" among them (as JSON.parse makes it).
      if (!hostile) return out;
      const name = extra === 0 ? '__proto__' : extra === 1 ? 'constructor' : extra === 2 ? 'notAMember' : undefined;
      if (name) Object.defineProperty(out, name, { value: junk, enumerable: true, writable: true, configurable: true });
      return out;
    });
  });
}

/** A request for `operation` ("ns.Op") built from its table. */
export function requestArb(operation: string, cache = new Map<string, fc.Arbitrary<unknown>>()): fc.Arbitrary<unknown> {
  const dot = operation.indexOf('.');
  const ns = operation.slice(0, dot);
  const shapeName = inputShape(ns, operation.slice(dot + 1));
  if (!shapeName) return fc.oneof(fc.constant({}), fc.object({ maxDepth: 1 }));
  const s = modelOf(ns)!.shapes[shapeName]!;
  // A third of the requests are well-typed (they reach the operations and change the world), two thirds carry hostile values.
  return fc.oneof({ weight: 10, arbitrary: structArb(ns, s, 0, cache, true, false) }, { weight: 20, arbitrary: structArb(ns, s, 0, cache, true, true) }, { weight: 1, arbitrary: hostileValue });
}

export type FuzzStep = { call: string; input: unknown } | { advanceMs: number };

/** A valid start: resources named from WORLD_NAMES (and one of PROTO_NAMES), so random calls meet them. */
export function setupSteps(name: string): FuzzStep[] {
  const td = (family: string) => ({ family, containerDefinitions: [{ name: 'app', image: 'nginx', memory: 256, cpu: 256, portMappings: [{ containerPort: 80 }] }] });
  return [
    { call: 'ecs.CreateCluster', input: { clusterName: 'demo' } },
    { call: 'ecs.CreateCluster', input: { clusterName: name } },
    { call: 'ecs.CreateCluster', input: { clusterName: 'default' } },
    { call: 'sim.LaunchInstances', input: { cluster: 'default', instanceType: 'm5.large', count: 1 } },
    { call: 'sim.LaunchInstances', input: { cluster: 'demo', instanceType: 'm5.large', count: 2, ec2InstanceIds: ['i-0000000000000001', 'i-0000000000000002'] } },
    { call: 'ecs.RegisterTaskDefinition', input: td('web') },
    { call: 'ecs.RegisterTaskDefinition', input: td(name) },
    { call: 'ecs.CreateService', input: { cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 2 } },
    { call: 'ecs.CreateService', input: { serviceName: 'web', taskDefinition: name, desiredCount: 1 } },
    { call: 'ecs.RunTask', input: { cluster: 'demo', taskDefinition: 'web', count: 1 } },
    { call: 'elbv2.CreateLoadBalancer', input: { Name: 'lb' } },
    { call: 'elbv2.CreateTargetGroup', input: { Name: 'tg', Port: 80 } },
    { call: 'ec2.CreateLaunchTemplate', input: { LaunchTemplateName: 'nodes', LaunchTemplateData: { InstanceType: 'm5.large', UserData: 'ECS_CLUSTER=demo' } } },
    { call: 'autoscaling.CreateAutoScalingGroup', input: { AutoScalingGroupName: 'nodes', LaunchTemplate: { LaunchTemplateName: 'nodes' }, MinSize: 0, MaxSize: 3, DesiredCapacity: 1 } },
    { call: 'servicediscovery.CreateHttpNamespace', input: { Name: 'ns' } },
    { call: 'events.PutRule', input: { Name: 'rule', ScheduleExpression: 'rate(5 minutes)' } },
    { call: 'docker.Run', input: { image: 'nginx', name: 'web', ports: ['8080:80'], healthcheck: { test: ['CMD', 'true'], intervalSeconds: 10 } } },
    { advanceMs: 60_000 },
  ];
}

const operations = Sim.operations();
const cache = new Map<string, fc.Arbitrary<unknown>>();
const callArb: fc.Arbitrary<FuzzStep> = fc.constantFrom(...operations).chain((call) => requestArb(call, cache).map((input) => ({ call, input })));

/** A scenario: its setup (with one of PROTO_NAMES as a name), then `calls` random calls with clock advances between. */
export function scenarioArb(maxCalls = 30): fc.Arbitrary<FuzzStep[]> {
  return fc
    .tuple(fc.constantFrom(...PROTO_NAMES), fc.array(fc.oneof({ weight: 8, arbitrary: callArb }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 600_000 }).map((advanceMs) => ({ advanceMs })) }), { minLength: 1, maxLength: maxCalls }))
    .map(([name, steps]) => [...setupSteps(name), ...steps, { advanceMs: 3_600_000 }]);
}

/** The built-in prototypes a defect could pollute, as their own keys and values. */
export function prototypeSnapshot(): string[] {
  const out: string[] = [];
  const protos: [string, object][] = [
    ['Object', Object.prototype],
    ['Array', Array.prototype],
    ['Function', Function.prototype],
    ['String', String.prototype],
    ['Number', Number.prototype],
    ['Boolean', Boolean.prototype],
  ];
  for (const [name, p] of protos) {
    out.push(`${name}:${String(Object.getPrototypeOf(p) === (name === 'Object' ? null : Object.prototype))}`);
    for (const k of Reflect.ownKeys(p)) {
      const d = Object.getOwnPropertyDescriptor(p, k)!;
      const v = d.value as unknown;
      const shown = typeof v === 'function' ? `fn ${v.name}` : v !== null && typeof v === 'object' ? `object ${Reflect.ownKeys(v).map(String).join(',')}` : String(v);
      out.push(`${name}.${String(k)}:${shown}:${typeof d.get}:${typeof d.set}`);
    }
  }
  return out;
}

function hashText(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x01000197) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

export interface RunOutcome {
  calls: number;
  /** Messages of the ServerExceptions answered. */
  serverErrors: string[];
  /** Exceptions that left Sim.call or the clock, and faults the engine caught inside handlers. */
  thrown: string[];
  eventHash: string;
  events: number;
}

const REF_TABLES: Record<string, (sim: Sim) => string | undefined> = {
  '#ref:tg': (sim) => Object.keys(sim.world.targetGroups)[0],
  '#ref:lb': (sim) => Object.keys(sim.world.loadBalancers)[0],
  '#ref:listener': (sim) => Object.keys(sim.world.listeners)[0],
  '#ref:ns': (sim) => Object.keys(sim.world.namespaces)[0],
  '#ref:task': (sim) => sim.world.taskOrder[0],
  '#ref:ci': (sim) => Object.keys(sim.world.containerInstances)[0],
  '#ref:svcd': (sim) => Object.keys(sim.world.discoveryServices)[0],
  '#ref:rule': (sim) => Object.keys(sim.world.rules)[0],
  '#ref:policy': (sim) => Object.keys(sim.world.scalingPolicies)[0],
  '#ref:td': (sim) => Object.values(sim.world.taskDefinitions)[0]?.[0]?.taskDefinitionArn,
  '#ref:container': (sim) => Object.keys(sim.world.docker.containers)[0],
};

/** The request with each `#ref:` name replaced by the id or ARN it names in the world now (itself when there is none). */
function resolveRefs(sim: Sim, v: unknown, depth = 0): unknown {
  if (typeof v === 'string') return Object.hasOwn(REF_TABLES, v) ? (REF_TABLES[v]!(sim) ?? v) : v;
  if (v === null || typeof v !== 'object' || depth > 8) return v;
  if (Array.isArray(v)) return v.map((x) => resolveRefs(sim, x, depth + 1));
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) Object.defineProperty(out, k, { value: resolveRefs(sim, (v as Record<string, unknown>)[k], depth + 1), enumerable: true, writable: true, configurable: true });
  return out;
}

/** Runs a scenario in a fresh Sim; never throws. */
export function runSteps(steps: FuzzStep[], seed = 1): RunOutcome {
  const out: RunOutcome = { calls: 0, serverErrors: [], thrown: [], eventHash: '', events: 0 };
  let sim: Sim;
  try {
    sim = new Sim({ seed });
  } catch (e) {
    out.thrown.push(`new Sim: ${String(e)}`);
    return out;
  }
  for (const step of steps) {
    try {
      if ('advanceMs' in step) sim.runUntil(sim.engine.now + step.advanceMs);
      else {
        out.calls++;
        const r = sim.call(step.call, resolveRefs(sim, step.input));
        if (r.error?.code === 'ServerException') out.serverErrors.push(`${step.call}: ${r.error.message}`);
      }
    } catch (e) {
      out.thrown.push(`${'call' in step ? step.call : 'runUntil'}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  for (const e of sim.events) if (e.type === FAULT_EVENT) out.thrown.push(`sim.fault: ${e.message}`);
  let text: string;
  try {
    text = JSON.stringify(sim.events);
  } catch (e) {
    text = `unserializable: ${String(e)}`;
  }
  out.eventHash = hashText(text);
  out.events = sim.events.length;
  return out;
}

/** How one scenario went: its outcome, whether it polluted a prototype, and whether a second run differed. */
export interface Verdict extends RunOutcome {
  polluted: string[];
  nondeterministic: boolean;
  ms: number;
}

export function judge(steps: FuzzStep[], seed = 1): Verdict {
  const before = prototypeSnapshot();
  const t0 = performance.now();
  const first = runSteps(steps, seed);
  const ms = performance.now() - t0;
  const after = prototypeSnapshot();
  const polluted = after.filter((x) => !before.includes(x)).concat(before.filter((x) => !after.includes(x)).map((x) => `lost ${x}`));
  const second = runSteps(steps, seed);
  return { ...first, polluted, nondeterministic: second.eventHash !== first.eventHash, ms };
}

/** Whether a verdict is clean: no ServerException, nothing thrown, no pollution, deterministic. */
export const clean = (v: Verdict) => v.serverErrors.length === 0 && v.thrown.length === 0 && v.polluted.length === 0 && !v.nondeterministic;
