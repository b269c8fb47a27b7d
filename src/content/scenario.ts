import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Node as YamlNode } from 'yaml';
import Ajv from 'ajv';
import schema from '../../schemas/scenario.schema.json';
import { Sim, parseDuration } from '../sim';
import type { ImageBehavior } from '../sim';

/** A scenario as the runner uses it (times in milliseconds). */
export interface Scenario {
  name: string;
  description?: string;
  seed: string;
  region?: string;
  availabilityZones?: string[];
  freeIpsPerSubnet?: number;
  durations: Record<string, number>;
  images: Record<string, ImageBehavior>;
  actions: { at: number; call: string; id?: string; input: Record<string, unknown>; index: number }[];
  until?: number;
  expect: Expectation[];
}

export interface Expectation {
  label?: string;
  at?: number;
  count?: string;
  where?: Record<string, unknown>;
  equals?: number;
  atLeast?: number;
  atMost?: number;
  event?: Record<string, unknown>;
  sequence?: Record<string, unknown>[];
  call?: number | string;
  ok?: boolean;
  output?: Record<string, unknown>;
  error?: Record<string, unknown>;
  index: number;
}

/** A scenario file that cannot run: every problem names the file, the line and the member. */
export class ScenarioError extends Error {
  constructor(readonly problems: { file: string; line: number; column: number; member: string; message: string }[]) {
    super(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.member ? `${p.member}: ` : ''}${p.message}`).join('\n'));
    this.name = 'ScenarioError';
  }
}

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

function memberPath(segments: (string | number)[]): string {
  let out = '';
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : out ? `.${s}` : s;
  return out;
}

function nodeAt(root: YamlNode | null | undefined, segs: (string | number)[]): YamlNode | undefined {
  let node: unknown = root;
  for (const s of segs) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === s);
      if (!pair) return node as YamlNode;
      node = pair.value ?? pair.key;
    } else if (isSeq(node)) {
      const next = node.items[s as number];
      if (next === undefined) return node as YamlNode;
      node = next;
    } else return node as YamlNode | undefined;
  }
  return node as YamlNode | undefined;
}

function keyNodeAt(root: YamlNode | null | undefined, segs: (string | number)[]): YamlNode | undefined {
  const parent = nodeAt(root, segs.slice(0, -1));
  const last = segs[segs.length - 1];
  if (isMap(parent)) {
    const pair = parent.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === last);
    if (pair && isScalar(pair.key)) return pair.key;
  }
  return nodeAt(root, segs);
}

/**
 * Parses and validates a scenario (YAML or JSON text). Throws ScenarioError naming the file, line
 * and member of every problem: YAML syntax, the published JSON Schema, unknown calls, bad times.
 */
export function parseScenario(text: string, file = 'scenario.yaml'): Scenario {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const problems: ScenarioError['problems'] = [];
  const pos = (offset: number | undefined) => {
    const p = lc.linePos(offset ?? 0);
    return { line: p.line, column: p.col };
  };
  for (const e of doc.errors) problems.push({ file, ...pos(e.pos[0]), member: '', message: e.message.split('\n')[0]! });
  if (problems.length) throw new ScenarioError(problems);
  const data = doc.toJS({ maxAliasCount: 1000 }) as unknown;
  const at = (segs: (string | number)[], key = false) => {
    const n = key ? keyNodeAt(doc.contents, segs) : nodeAt(doc.contents, segs);
    return pos(n?.range?.[0]);
  };
  if (!validate(data)) {
    const seen = new Set<string>();
    for (const err of validate.errors ?? []) {
      if (err.keyword === 'oneOf' || err.keyword === 'if') continue;
      const segs = err.instancePath.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
      let message = err.message ?? 'is invalid';
      if (err.keyword === 'additionalProperties') {
        const extra = (err.params as { additionalProperty: string }).additionalProperty;
        segs.push(extra);
        message = `unknown member '${extra}'`;
      } else if (err.keyword === 'enum') message += `: ${(err.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
      else if (err.keyword === 'required') {
        message = `missing required member '${(err.params as { missingProperty: string }).missingProperty}'`;
      }
      const member = memberPath(segs);
      // Alternatives (a number or a duration string) become one message.
      const sameMember = err.keyword === 'type' ? problems.find((p) => p.member === member && p.message.startsWith('must be ')) : undefined;
      if (sameMember) {
        if (!sameMember.message.includes(message.slice(8))) sameMember.message += ` or ${message.slice(8)}`;
        continue;
      }
      const key = `${member}|${message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push({ file, ...at(segs, err.keyword === 'additionalProperties'), member: memberPath(segs), message });
    }
    if (problems.length === 0) problems.push({ file, line: 1, column: 1, member: '', message: 'does not match the scenario schema' });
    throw new ScenarioError(problems);
  }
  const raw = data as Record<string, unknown> & { actions: Record<string, unknown>[]; expect?: Record<string, unknown>[] };
  const actions = raw.actions.map((a, index) => {
    const atMs = a.at === undefined ? 0 : parseDuration(a.at);
    if (atMs === undefined) problems.push({ file, ...at(['actions', index, 'at']), member: `actions[${index}].at`, message: `'${String(a.at)}' is not a time` });
    const call = a.call as string;
    if (!Sim.hasOperation(call)) {
      problems.push({ file, ...at(['actions', index, 'call']), member: `actions[${index}].call`, message: `unknown call '${call}'. Known calls: ${Sim.operations().join(', ')}` });
    }
    return { at: atMs ?? 0, call, input: (a.input as Record<string, unknown>) ?? {}, index, ...(a.id ? { id: a.id as string } : {}) };
  });
  const ids = new Set<string>();
  actions.forEach((a) => {
    if (!a.id) return;
    if (ids.has(a.id)) problems.push({ file, ...at(['actions', a.index, 'id']), member: `actions[${a.index}].id`, message: `duplicate id '${a.id}'` });
    ids.add(a.id);
  });
  const expect = (raw.expect ?? []).map((e, index) => {
    const x: Expectation = { ...(e as object), index } as Expectation;
    if (e.at !== undefined) x.at = parseDuration(e.at)!;
    if (typeof e.call === 'string' && !ids.has(e.call)) {
      problems.push({ file, ...at(['expect', index, 'call']), member: `expect[${index}].call`, message: `no action has id '${e.call}'` });
    }
    if (typeof e.call === 'number' && e.call >= actions.length) {
      problems.push({ file, ...at(['expect', index, 'call']), member: `expect[${index}].call`, message: `there are only ${actions.length} actions` });
    }
    return x;
  });
  const durations: Record<string, number> = {};
  for (const [k, v] of Object.entries((raw.durations as Record<string, unknown>) ?? {})) durations[`${k}Ms`] = parseDuration(v)!;
  if (problems.length) throw new ScenarioError(problems);
  return {
    name: raw.name as string,
    seed: String(raw.seed ?? 1),
    durations,
    images: (raw.images as Record<string, ImageBehavior>) ?? {},
    actions,
    expect,
    ...(raw.description ? { description: raw.description as string } : {}),
    ...(raw.region ? { region: raw.region as string } : {}),
    ...(raw.availabilityZones ? { availabilityZones: raw.availabilityZones as string[] } : {}),
    ...(raw.freeIpsPerSubnet !== undefined ? { freeIpsPerSubnet: raw.freeIpsPerSubnet as number } : {}),
    ...(raw.until !== undefined ? { until: parseDuration(raw.until)! } : {}),
  };
}
