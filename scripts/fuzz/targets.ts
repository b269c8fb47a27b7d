import fc from 'fast-check';
import { stringify } from 'yaml';
import { Sim } from '../../src/sim';
import { parseRef, resolveRefs, type CallRecord } from '../../src/content/calls';
import { conditionProblems, matches } from '../../src/content/expect';
import { parseScenario, ScenarioError } from '../../src/content/scenario';
import { decodeShare, encodeShare, loadWorkspace, STORE_KEY, type Workspace } from '../../src/store/workspace';
import { hostileKey, hostileNumber, hostileString, hostileValue, PROTO_KEYS, prototypesNow } from './hostile';

/**
 * The fuzz targets of the parts that read what a lesson author, a link or a saved workspace holds. Each is a
 * fast-check arbitrary of hostile inputs and a check of one input that says how it went: clean, crashed (an
 * exception escaped), hung (one input took longer than the limit), polluted (a built-in prototype changed), or lost
 * (text that validated did not survive). `npm test` runs them short (test/fuzz), `npm run fuzz` long.
 */
export type Outcome = { kind: 'clean' } | { kind: 'crashed' | 'hung' | 'polluted' | 'lost' | 'nondeterministic'; detail: string };

export interface Target<T> {
  name: string;
  input: fc.Arbitrary<T>;
  check: (input: T) => Outcome | Promise<Outcome>;
}

/** Per input: anything slower than this is a hang. */
export const HANG_MS = 5_000;

const PRISTINE = prototypesNow();

/** Runs one check, turning an escaped exception, a slow answer or a changed prototype into its outcome. */
export async function guarded(f: () => Outcome | Promise<Outcome>): Promise<Outcome> {
  const started = performance.now();
  let out: Outcome;
  try {
    out = await f();
  } catch (e) {
    out = { kind: 'crashed', detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
  if (prototypesNow() !== PRISTINE) return { kind: 'polluted', detail: `after ${out.kind}` };
  if (performance.now() - started > HANG_MS) return { kind: 'hung', detail: `${Math.round(performance.now() - started)} ms` };
  return out;
}

const clean: Outcome = { kind: 'clean' };

/** The workspace a fresh page starts from, as far as decoding is concerned (store/defaults.ts reads files through Vite). */
function defaultWorkspace(): Workspace {
  const scenarioText = 'name: fuzz\nactions:\n  - { call: ecs.CreateCluster, input: { clusterName: demo } }\n';
  return { version: 3, scenarioId: null, scenarioText, seed: '1', actions: [], time: 0, files: { 'taskdef.json': '{}', 'scenario.yaml': scenarioText }, activeFile: 'taskdef.json' };
}

// ---- references ----

const refText = fc.oneof(
  fc
    .tuple(fc.constantFrom('ci', 'task', 'taskIp', 'call', 'other', ''), fc.oneof(hostileString, fc.constantFrom('0', '1', 'a', 'a.b', 'x.y[0].z', '0.tasks[0].taskArn')), fc.option(hostileString))
    .map(([k, r, after]) => `\${${k}:${r}${after === null ? '' : `|after:${after}`}}`),
  hostileString,
);

const sparseCalls = fc
  .array(fc.option(fc.record({ at: fc.nat(), call: fc.constant('ecs.CreateCluster'), id: fc.option(fc.oneof(hostileKey, fc.constantFrom('a', '0')), { nil: undefined }), input: fc.constant({}), output: hostileValue }), { nil: undefined }), {
    maxLength: 5,
  })
  .map((list) => {
    // Calls not yet made are holes, as the runner's list of calls is sparse.
    const out: (CallRecord | undefined)[] = new Array(list.length);
    list.forEach((c, i) => {
      if (c !== undefined) out[i] = (c.id === undefined ? (({ id: _i, ...rest }) => rest)(c) : c) as CallRecord;
    });
    return out;
  });

export const references: Target<[unknown, (CallRecord | undefined)[]]> = {
  name: 'references',
  input: fc.tuple(fc.oneof(refText, fc.array(refText, { maxLength: 3 }), fc.dictionary(hostileKey, refText, { maxKeys: 3 })), sparseCalls),
  check: ([value, calls]) => {
    const sim = new Sim({ seed: '1' });
    if (typeof value === 'string') for (const m of value.matchAll(/\$\{([^}]+)\}/g)) parseRef(m[1]!);
    const a = JSON.stringify(resolveRefs(sim, value, calls as CallRecord[]));
    const b = JSON.stringify(resolveRefs(sim, value, calls as CallRecord[]));
    return a === b ? clean : { kind: 'nondeterministic', detail: `${a} then ${b}` };
  },
};

// ---- matchers ----

const condition: fc.Arbitrary<Record<string, unknown>> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, hostileValue, tie('matcher'), tie('cond'), fc.array(tie('cond'), { maxLength: 2 })),
  matcher: fc.dictionary(fc.constantFrom('equals', 'notEquals', 'in', 'notIn', 'startsWith', 'endsWith', 'contains', 'matches', 'exists', 'gt', 'gte', 'lt', 'lte', 'some', 'every', 'none', 'length', 'countOf'), tie('value'), {
    minKeys: 1,
    maxKeys: 2,
  }),
  cond: fc.dictionary(fc.oneof(fc.constantFrom('all', 'any', 'not', 'a', 'a.b', 'a[0]', 'a[k=v]', 'name'), hostileKey), tie('value'), { maxKeys: 3 }),
})).cond as fc.Arbitrary<Record<string, unknown>>;

export const matchers: Target<[Record<string, unknown>, unknown]> = {
  name: 'matchers',
  input: fc.tuple(condition, fc.oneof(hostileValue, fc.record({ a: hostileValue, name: fc.oneof(hostileString, fc.constant(`${'a'.repeat(40)}!`)) }))),
  check: ([cond, item]) => {
    conditionProblems(cond);
    const a = matches(item, cond);
    return a === matches(item, cond) ? clean : { kind: 'nondeterministic', detail: JSON.stringify(cond) };
  },
};

// ---- the scenario parser ----

const CALLS = Sim.operations();

/** A scenario whose every member may be of the wrong type, huge, not finite or keyed `__proto__`. */
const scenarioDoc = fc.record(
  {
    name: fc.oneof(fc.constant('fuzz'), hostileValue),
    seed: fc.oneof(fc.integer(), hostileValue),
    region: fc.oneof(fc.constant('us-east-1'), hostileValue),
    availabilityZones: fc.oneof(fc.constant(['us-east-1a']), hostileValue),
    freeIpsPerSubnet: fc.oneof(fc.nat(100), hostileNumber, hostileValue),
    durations: fc.oneof(fc.dictionary(fc.oneof(fc.constantFrom('instanceBoot', 'ec2Pull', 'stopTimeout'), hostileKey), fc.oneof(hostileNumber, hostileString)), hostileValue),
    images: fc.oneof(
      fc.dictionary(hostileKey, fc.dictionary(fc.oneof(fc.constantFrom('exists', 'pullSeconds', 'exitAfterSeconds', 'exitCode', 'cpuUnits', 'routes', 'connectsTo'), hostileKey), hostileValue, { maxKeys: 3 }), { maxKeys: 2 }),
      hostileValue,
    ),
    actions: fc.oneof(
      fc.array(
        fc.record(
          {
            at: fc.oneof(fc.nat(600), hostileNumber, hostileString),
            id: fc.oneof(fc.constantFrom('a', 'b', 'c'), hostileKey),
            call: fc.oneof(fc.constantFrom(...CALLS), hostileString),
            input: fc.oneof(fc.dictionary(hostileKey, fc.oneof(hostileValue, fc.constantFrom('${call:a.cluster.clusterArn}', '${call:c}', '${task:0}', '${call:9}'))), hostileValue),
          },
          { requiredKeys: ['call'] },
        ),
        { maxLength: 4 },
      ),
      hostileValue,
    ),
    until: fc.oneof(fc.nat(3600), hostileNumber, hostileString, hostileValue),
    expect: fc.oneof(
      fc.array(
        fc.record(
          {
            at: fc.oneof(fc.nat(600), hostileNumber, hostileString),
            count: fc.oneof(fc.constantFrom('tasks', 'clusters', 'events', 'calls'), hostileValue),
            where: fc.oneof(condition, hostileValue),
            equals: fc.oneof(fc.nat(3), hostileValue),
            call: fc.oneof(fc.constantFrom('a', 'b', 'c', 0, 1, 7), hostileValue),
            event: fc.oneof(condition, hostileValue),
            sequence: fc.oneof(fc.array(condition, { maxLength: 2 }), hostileValue),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
      hostileValue,
    ),
    [PROTO_KEYS[0]]: hostileValue,
  },
  { requiredKeys: ['name', 'actions'] },
);

export const scenarioParser: Target<Record<string, unknown>> = {
  name: 'scenario-parser',
  input: scenarioDoc,
  check: (doc) => {
    let text: string;
    try {
      text = stringify(doc);
    } catch {
      return clean;
    }
    try {
      const sc = parseScenario(text, 'fuzz.yaml');
      if (sc.until !== undefined && !(sc.until >= 0 && sc.until <= 400 * 86_400_000)) return { kind: 'crashed', detail: `until ${sc.until} accepted` };
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      if (e.problems.some((p) => !(p.line >= 1) || !p.message)) return { kind: 'crashed', detail: `a problem without a place: ${e.message}` };
    }
    return clean;
  },
};

// ---- the saved workspace and share links ----

/** A valid workspace with some of its members replaced by hostile values, and maybe a hostile key added. */
const damagedWorkspace: fc.Arbitrary<DamagedSpec> = fc.record({
  replace: fc.subarray(['version', 'scenarioId', 'scenarioText', 'seed', 'actions', 'time', 'files', 'activeFile', 'lessonId']),
  values: fc.array(hostileValue, { minLength: 9, maxLength: 9 }),
  fileKey: hostileKey,
  fileValue: fc.oneof(fc.string(), hostileValue),
  extra: fc.option(fc.tuple(hostileKey, hostileValue)),
});

interface DamagedSpec {
  replace: string[];
  values: unknown[];
  fileKey: string;
  fileValue: unknown;
  extra: [string, unknown] | null;
}

function workspaceText(d: DamagedSpec): { text: string; goodFiles: Record<string, string> } {
  const w: Record<string, unknown> = { ...defaultWorkspace(), actions: [{ at: 0, kind: 'command', line: 'aws ecs list-clusters' }], time: 30_000 };
  const files: Record<string, unknown> = { 'taskdef.json': '{"family":"mine"}', 'notes.md': 'my text' };
  Object.defineProperty(files, d.fileKey, { value: d.fileValue, enumerable: true, writable: true, configurable: true });
  w.files = files;
  d.replace.forEach((k, i) => (w[k] = d.values[i]));
  if (d.extra) Object.defineProperty(w, d.extra[0], { value: d.extra[1], enumerable: true, writable: true, configurable: true });
  // Files that are themselves fine must come back whatever else is wrong.
  const goodFiles: Record<string, string> = {};
  if (!d.replace.includes('files')) {
    for (const [k, v] of Object.entries(files)) {
      if (typeof v === 'string' && k !== '__proto__' && !Object.hasOwn(Object.prototype, k) && k.length > 0 && !/[\u0000-\u001f\u007f]/.test(k)) goodFiles[k] = v;
    }
  }
  return { text: JSON.stringify(w) ?? 'null', goodFiles };
}

export const workspaceDecoder: Target<DamagedSpec> = {
  name: 'workspace',
  input: damagedWorkspace,
  check: (d) => {
    const { text, goodFiles } = workspaceText(d);
    const map = new Map([[STORE_KEY, text]]);
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
    const r = loadWorkspace(storage, defaultWorkspace());
    for (const [k, v] of Object.entries(goodFiles)) {
      if (!Object.hasOwn(r.workspace.files, k) || r.workspace.files[k] !== v) return { kind: 'lost', detail: `file ${JSON.stringify(k)} of ${text.slice(0, 200)}` };
    }
    if (r.notices.length > 0 && r.damaged?.raw !== text) return { kind: 'lost', detail: 'the damaged text was not handed back' };
    if (typeof r.workspace.files[r.workspace.activeFile] !== 'string') return { kind: 'crashed', detail: `active file ${r.workspace.activeFile} is not a text` };
    return clean;
  },
};

export const shareLinks: Target<DamagedSpec> = {
  name: 'share-links',
  input: damagedWorkspace,
  check: async (d) => {
    const { text } = workspaceText(d);
    let payload: string;
    try {
      payload = await encodeShare(JSON.parse(text) as Workspace);
    } catch {
      return clean;
    }
    const r = await decodeShare(payload, defaultWorkspace());
    if (r.workspace && !(r.workspace.time >= 0 && r.workspace.time <= 400 * 86_400_000)) return { kind: 'crashed', detail: `time ${r.workspace.time} accepted` };
    if (!r.workspace && typeof r.problem !== 'string') return { kind: 'crashed', detail: 'neither a workspace nor a problem' };
    return clean;
  },
};

export const TARGETS = [references, matchers, scenarioParser, workspaceDecoder, shareLinks] as Target<unknown>[];
