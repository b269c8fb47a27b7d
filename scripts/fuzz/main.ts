/**
 * `npm run fuzz -- --minutes N [--seed S]`: the fuzz targets of scripts/fuzz/targets.ts, random scenarios through
 * the runner, and the engine's fuzz (scripts/fuzz/engine.ts: requests built from every operation's model), for N
 * minutes (default 1), a third each (`--only targets|runner|engine`: one of them, all the minutes). Prints one
 * `name value unit` line per figure, as the bench does, then what was not clean by message with the first input
 * of each (a runner seed reproduces its scenario: randomScenario(seed)); exits 1 when any was not.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { guarded, HANG_MS, TARGETS, type Outcome } from './targets';
import { randomScenario } from './scenarios';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : dflt;
  return Number.isFinite(v) && v > 0 ? v : dflt;
};
const minutes = arg('--minutes', 1);
const seed = arg('--seed', Date.now() % 1_000_000);
const KINDS = ['clean', 'crashed', 'hung', 'polluted', 'lost', 'nondeterministic'] as const;

interface Tally {
  counts: Record<(typeof KINDS)[number], number>;
  examples: string[];
  /** Distinct messages of what was not clean, with how often each came and the first input that gave it. */
  distinct: Map<string, { count: number; first: string }>;
}
const tally = (): Tally => ({ counts: { clean: 0, crashed: 0, hung: 0, polluted: 0, lost: 0, nondeterministic: 0 }, examples: [], distinct: new Map() });

function record(t: Tally, o: Outcome, input: () => string): void {
  t.counts[o.kind]++;
  if (o.kind === 'clean') return;
  const key = `${o.kind}: ${o.detail.replace(/\d{3,}/g, 'N').slice(0, 300)}`;
  const seen = t.distinct.get(key);
  if (seen) seen.count++;
  else t.distinct.set(key, { count: 1, first: input().slice(0, 80).replace(/\n/g, ' ') });
  if (t.examples.length < 3) t.examples.push(`${o.kind}: ${o.detail.slice(0, 300)}\n    input: ${input().slice(0, 600)}`);
}

const show = (v: unknown) => {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
};

async function fuzzTargets(until: number): Promise<Map<string, Tally>> {
  const out = new Map<string, Tally>();
  const share = (until - Date.now()) / TARGETS.length;
  for (const [i, target] of TARGETS.entries()) {
    const t = tally();
    out.set(target.name, t);
    const stop = Date.now() + share;
    for (let batch = 0; Date.now() < stop; batch++) {
      await fc.check(
        fc.asyncProperty(target.input, async (x) => {
          record(t, await guarded(() => target.check(x)), () => show(x));
          return true;
        }),
        { numRuns: 100, seed: seed + i * 1_000_003 + batch },
      );
    }
  }
  return out;
}

function spawnWorker(): ChildProcess {
  return fork(resolve(import.meta.dirname, 'worker.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
}

/** Random scenarios in a child process, one at a time; a run longer than HANG_MS is hung, and a child that does not answer is ended. */
async function fuzzRunner(until: number): Promise<Tally> {
  const t = tally();
  let n = seed;
  while (Date.now() < until) {
    const child = spawnWorker();
    await new Promise<void>((ready) => child.once('message', () => ready()));
    while (Date.now() < until) {
      const s = n++;
      const answer = await new Promise<(Outcome & { seed: number }) | 'hung' | 'died'>((done) => {
        // Each scenario runs twice (the second run checks determinism), each run allowed HANG_MS.
        const timer = setTimeout(() => done('hung'), 3 * HANG_MS);
        child.once('message', (m) => {
          clearTimeout(timer);
          done(m as Outcome & { seed: number });
        });
        child.once('exit', () => {
          clearTimeout(timer);
          done('died');
        });
        child.send({ seed: s });
      });
      child.removeAllListeners('message');
      child.removeAllListeners('exit');
      if (typeof answer === 'object') {
        record(t, answer, () => `seed ${s}: ${randomScenario(s).slice(0, 500)}`);
        continue;
      }
      record(t, { kind: answer === 'hung' ? 'hung' : 'crashed', detail: answer === 'hung' ? `seed ${s} did not answer within ${3 * HANG_MS} ms` : `seed ${s}: the process died` }, () => `seed ${s}`);
      child.kill('SIGKILL');
      break;
    }
    if (child.connected) child.kill('SIGKILL');
  }
  return t;
}

/** The engine's figures: scenarios tried and clean, and those with a ServerException (by distinct message), an exception or fault, a hang, pollution, or a second run that differed. */
interface EngineTally {
  tried: number;
  calls: number;
  clean: number;
  serverException: number;
  thrown: number;
  hung: number;
  polluted: number;
  nondeterministic: number;
  messages: Map<string, number>;
}

interface EngineAnswer {
  seed: number;
  calls: number;
  serverErrors: string[];
  thrown: string[];
  polluted: string[];
  nondeterministic: boolean;
  ms: number;
}

/** Engine scenarios in a child process, one at a time, as fuzzRunner runs the runner's. */
async function fuzzEngine(until: number): Promise<EngineTally> {
  const t: EngineTally = { tried: 0, calls: 0, clean: 0, serverException: 0, thrown: 0, hung: 0, polluted: 0, nondeterministic: 0, messages: new Map() };
  const note = (kind: string, list: string[]) => {
    for (const m of new Set(
      list.map(
        (x) =>
          `${kind}: ${x
            .replace(/[0-9a-f]{8,}/g, '<id>')
            .replace(/\d{3,}/g, 'N')
            .slice(0, 300)}`,
      ),
    ))
      t.messages.set(m, (t.messages.get(m) ?? 0) + 1);
  };
  let n = seed;
  while (Date.now() < until) {
    const child = fork(resolve(import.meta.dirname, 'engineWorker.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    await new Promise<void>((ready) => child.once('message', () => ready()));
    while (Date.now() < until) {
      const s = n++;
      const answer = await new Promise<EngineAnswer | 'hung' | 'died'>((done) => {
        const timer = setTimeout(() => done('hung'), 3 * HANG_MS);
        child.once('message', (m) => {
          clearTimeout(timer);
          done(m as EngineAnswer);
        });
        child.once('exit', () => {
          clearTimeout(timer);
          done('died');
        });
        child.send({ seed: s });
      });
      child.removeAllListeners('message');
      child.removeAllListeners('exit');
      t.tried++;
      if (typeof answer !== 'object') {
        if (answer === 'hung') t.hung++;
        else t.thrown++;
        note(answer, [`seed ${s}`]);
        child.kill('SIGKILL');
        break;
      }
      t.calls += answer.calls;
      const hung = answer.ms > HANG_MS;
      if (answer.serverErrors.length) t.serverException++;
      if (answer.thrown.length) t.thrown++;
      if (answer.polluted.length) t.polluted++;
      if (answer.nondeterministic) t.nondeterministic++;
      if (hung) t.hung++;
      if (!hung && !answer.serverErrors.length && !answer.thrown.length && !answer.polluted.length && !answer.nondeterministic) t.clean++;
      note('ServerException', answer.serverErrors);
      note('thrown', answer.thrown);
      note('polluted', answer.polluted);
      if (answer.nondeterministic) note('nondeterministic', [`seed ${s}`]);
    }
    if (child.connected) child.kill('SIGKILL');
  }
  return t;
}

function printEngine(t: EngineTally): boolean {
  for (const k of ['tried', 'clean', 'serverException', 'thrown', 'hung', 'polluted', 'nondeterministic'] as const) console.log(`fuzz_engine_${k} ${t[k]} scenarios`);
  console.log(`fuzz_engine_calls ${t.calls} calls`);
  console.log(`fuzz_engine_serverException_distinct ${[...t.messages.keys()].filter((m) => m.startsWith('ServerException')).length} messages`);
  return t.tried === t.clean;
}

function print(name: string, t: Tally): boolean {
  const tried = KINDS.reduce((a, k) => a + t.counts[k], 0);
  console.log(`fuzz_${name}_tried ${tried} inputs`);
  for (const k of KINDS) console.log(`fuzz_${name}_${k} ${t.counts[k]} inputs`);
  return tried === t.counts.clean;
}

const started = Date.now();
const end = started + minutes * 60_000;
// --only targets|runner|engine gives one of them all the minutes.
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const part = (name: string) => (only === undefined ? (end - started) / 3 : only === name ? end - started : 0);
console.log(`fuzz_seed ${seed} seed`);
const targets = part('targets') ? await fuzzTargets(Date.now() + part('targets')) : new Map<string, Tally>();
const runner = part('runner') ? await fuzzRunner(Date.now() + part('runner')) : undefined;
const engine = part('engine') ? await fuzzEngine(Date.now() + part('engine')) : undefined;
let ok = true;
for (const [name, t] of targets) ok = print(name, t) && ok;
if (runner) ok = print('runner', runner) && ok;
if (engine) ok = printEngine(engine) && ok;
if (engine?.messages.size) {
  console.log('\nengine: what was not clean, by message');
  for (const [m, count] of [...engine.messages].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  ${count}× ${m}`);
}
for (const [name, t] of [...targets, ...(runner ? [['runner', runner] as const] : [])]) {
  if (t.distinct.size === 0) continue;
  console.log(`\n${name}: what was not clean, by message`);
  for (const [m, { count, first }] of [...t.distinct].sort((a, b) => b[1].count - a[1].count)) console.log(`  ${count}× ${m}\n      first: ${first}`);
  for (const e of t.examples) console.log(`  e.g. ${e}`);
}
console.log(`fuzz_wall ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(ok ? 0 : 1);
