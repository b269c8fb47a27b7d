import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import seedrandom from 'seedrandom';
import { parse, stringify } from 'yaml';
import { parseScenario, ScenarioError } from '../../src/content/scenario';
import { runScenario, writeReport } from '../../src/content/runner';
import { PROTO_KEYS, prototypesNow } from './hostile';
import { HANG_MS, type Outcome } from './targets';

/**
 * Random scenarios for the runner and the engine behind it: the scenarios of test/scenarios and docs/examples,
 * mutated (actions dropped, repeated or moved in time, input members replaced by hostile values or renamed to
 * names every object has, expectations added), each run twice in one process so a second run that differs is
 * caught. The same seed gives the same scenario.
 */
const root = resolve(import.meta.dirname, '../..');

type Doc = Record<string, unknown> & { actions?: Record<string, unknown>[]; expect?: unknown[] };

let corpus: Doc[] | undefined;

function scenarioCorpus(): Doc[] {
  if (corpus) return corpus;
  corpus = [];
  for (const dir of ['test/scenarios', 'docs/examples']) {
    for (const f of readdirSync(join(root, dir), { recursive: true }) as string[]) {
      if (!f.endsWith('.yaml') || f.includes('large-cluster')) continue;
      const d = parse(readFileSync(join(root, dir, f), 'utf8')) as Doc;
      if (d && Array.isArray(d.actions) && d.actions.every((a) => typeof a.call === 'string')) corpus.push(d);
    }
  }
  return corpus;
}

const HOSTILE: unknown[] = [-1, 0, 1e23, -1e23, 2 ** 53, Infinity, -Infinity, NaN, '', '0x10', '${call:nope.x}', '${task:0}', ...PROTO_KEYS, [], {}, [null], { Name: 5 }, true, null, 'x'.repeat(300)];

function pick<T>(rng: () => number, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)]!;
}

/** Replaces or renames one member somewhere inside a value. */
function mutateValue(v: unknown, rng: () => number, depth = 0): unknown {
  if (Array.isArray(v)) {
    if (v.length === 0 || rng() < 0.2) return rng() < 0.5 ? pick(rng, HOSTILE) : [...v, pick(rng, HOSTILE)];
    const i = Math.floor(rng() * v.length);
    return v.map((x, j) => (j === i ? mutateValue(x, rng, depth + 1) : x));
  }
  if (v && typeof v === 'object') {
    const keys = Object.keys(v);
    if (keys.length === 0 || depth > 4 || rng() < 0.15) return pick(rng, HOSTILE);
    const k = pick(rng, keys);
    const out: Record<string, unknown> = {};
    const renamed = rng() < 0.2 ? pick(rng, PROTO_KEYS) : k;
    for (const [key, x] of Object.entries(v)) {
      const name = key === k ? renamed : key;
      Object.defineProperty(out, name, { value: key === k ? mutateValue(x, rng, depth + 1) : x, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return rng() < 0.7 ? pick(rng, HOSTILE) : typeof v === 'number' ? v * 1000 + 1 : v;
}

/** The scenario text for one seed. */
export function randomScenario(seed: number): string {
  const rng = seedrandom.alea(`fuzz/${seed}`);
  const base = pick(rng, scenarioCorpus());
  const actions = [...(base.actions ?? [])].filter(() => rng() > 0.1);
  const changes = 1 + Math.floor(rng() * 4);
  for (let c = 0; c < changes && actions.length; c++) {
    const i = Math.floor(rng() * actions.length);
    const a = { ...actions[i]! };
    const r = rng();
    if (r < 0.6) a.input = mutateValue(a.input ?? {}, rng);
    else if (r < 0.8) a.at = Math.floor(rng() * 600);
    else actions.push({ ...a, at: Math.floor(rng() * 600) });
    actions[i] = a;
  }
  const until = Math.min(6 * 3600, Math.floor(rng() * rng() * 4 * 3600) + 60);
  const doc: Doc = { ...base, actions, until, seed: Math.floor(rng() * 1000) };
  if (rng() < 0.3) doc.expect = [...(Array.isArray(base.expect) ? base.expect : []), { count: 'tasks', where: { lastStatus: { in: ['RUNNING'] } }, atLeast: 0 }];
  delete doc.presenter;
  return stringify(doc);
}

/** One run of a scenario text in this process: invalid files are fine (exit 2), anything thrown is a crash. */
export function runOnce(text: string): Outcome & { hash?: string } {
  const before = prototypesNow();
  let sc;
  try {
    sc = parseScenario(text, 'fuzz.yaml');
  } catch (e) {
    if (e instanceof ScenarioError) return { kind: 'clean' };
    return { kind: 'crashed', detail: `parse: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}` };
  }
  try {
    const t0 = performance.now();
    const first = runScenario(sc);
    const took = performance.now() - t0;
    if (prototypesNow() !== before) return { kind: 'polluted', detail: 'a built-in prototype changed during the run' };
    if (took > HANG_MS) return { kind: 'hung', detail: `one run took ${Math.round(took)} ms` };
    const second = runScenario(sc);
    if (first.eventHash !== second.eventHash) return { kind: 'nondeterministic', detail: `event hash ${first.eventHash} then ${second.eventHash} in one process` };
    let json = '';
    writeReport(first, (c) => (json += c));
    try {
      JSON.parse(json);
    } catch (e) {
      return { kind: 'lost', detail: `the report is not JSON: ${(e as Error).message}` };
    }
    return { kind: 'clean', hash: first.eventHash };
  } catch (e) {
    const where = e instanceof Error && e.stack ? (e.stack.split('\n').find((l) => l.includes('/src/')) ?? '').trim() : '';
    return { kind: 'crashed', detail: `${e instanceof Error ? `${e.name}: ${e.message}` : String(e)} ${where}` };
  }
}
