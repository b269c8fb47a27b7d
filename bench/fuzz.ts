// npm run fuzz -- [--minutes N] [--seed S] [--workers W] [--calls C] [--json]
// Long fuzzing: random scenarios from the fuzz generators run in worker threads for N minutes (default 10), each
// scenario judged (test/fuzz/engine.ts: ServerExceptions, exceptions and handler faults, prototype pollution, a
// second run with another event hash) and timed: one that runs past 5 s is stopped and counted as hung. Prints
// the figures: tried, clean, ServerException (by distinct message), thrown, hung, polluted, nondeterministic.
// Exit status 1 when any scenario was not clean. A target is a module with the generators and the judge; the
// engine's is the first (more, such as the runner's or the console's, join FUZZ_TARGETS).
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { availableParallelism } from 'node:os';

export const FUZZ_TARGETS = { engine: '../test/fuzz/engine.ts' } as const;

const HANG_MS = 5000;

interface Job { target: keyof typeof FUZZ_TARGETS; seed: number; calls: number }
interface Result { seed: number; calls: number; serverErrors: string[]; thrown: string[]; polluted: string[]; nondeterministic: boolean; ms: number }

async function workerMain(): Promise<void> {
  const fc = (await import('fast-check')).default;
  const mod = (await import(FUZZ_TARGETS[(workerData as { target: Job['target'] }).target])) as typeof import('../test/fuzz/engine');
  parentPort!.on('message', (job: Job) => {
    const [steps] = fc.sample(mod.scenarioArb(job.calls), { numRuns: 1, seed: job.seed });
    const v = mod.judge(steps!);
    const r: Result = { seed: job.seed, calls: v.calls, serverErrors: v.serverErrors, thrown: v.thrown, polluted: v.polluted, nondeterministic: v.nondeterministic, ms: v.ms };
    parentPort!.postMessage(r);
  });
  parentPort!.postMessage('ready');
}

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

/** A message without the parts that differ between occurrences of one defect (ids, numbers). */
const distinct = (m: string) => m.replace(/[0-9a-f]{8,}/g, '<id>').replace(/\d+/g, 'N').slice(0, 300);

async function main(): Promise<void> {
  const minutes = arg('--minutes', 10);
  const firstSeed = arg('--seed', 1);
  const calls = arg('--calls', 30);
  const workers = Math.max(1, arg('--workers', Math.max(1, availableParallelism() - 1)));
  const json = process.argv.includes('--json');
  const target: Job['target'] = 'engine';
  const deadline = Date.now() + minutes * 60_000;
  const figures = { tried: 0, calls: 0, clean: 0, serverException: 0, thrown: 0, hung: 0, polluted: 0, nondeterministic: 0 };
  const messages = { serverException: new Map<string, number>(), thrown: new Map<string, number>(), polluted: new Map<string, number>() };
  const failing: number[] = [];
  const note = (map: Map<string, number>, list: string[]) => {
    for (const m of new Set(list.map(distinct))) map.set(m, (map.get(m) ?? 0) + 1);
  };
  let nextSeed = firstSeed;

  const record = (r: Result) => {
    figures.tried++;
    figures.calls += r.calls;
    const bad = r.serverErrors.length > 0 || r.thrown.length > 0 || r.polluted.length > 0 || r.nondeterministic;
    if (r.serverErrors.length) figures.serverException++;
    if (r.thrown.length) figures.thrown++;
    if (r.polluted.length) figures.polluted++;
    if (r.nondeterministic) figures.nondeterministic++;
    if (r.ms > HANG_MS) figures.hung++;
    if (bad || r.ms > HANG_MS) failing.push(r.seed);
    else figures.clean++;
    note(messages.serverException, r.serverErrors);
    note(messages.thrown, r.thrown);
    note(messages.polluted, r.polluted);
  };

  /** One worker running jobs until the deadline; a job past HANG_MS is counted hung and the worker replaced. */
  const lane = async (): Promise<void> => {
    while (Date.now() < deadline) {
      const w = new Worker(new URL('./fuzzWorker.mjs', import.meta.url), { workerData: { target } });
      await new Promise<void>((ready) => w.once('message', () => ready()));
      const replaced = await new Promise<boolean>((done) => {
        const run = () => {
          if (Date.now() >= deadline) return done(false);
          const seed = nextSeed++;
          const timer = setTimeout(() => {
            figures.tried++;
            figures.hung++;
            failing.push(seed);
            w.removeAllListeners('message');
            done(true);
          }, HANG_MS * 3);
          w.once('message', (r: Result) => {
            clearTimeout(timer);
            record(r);
            run();
          });
          w.postMessage({ target, seed, calls } satisfies Job);
        };
        run();
      });
      await w.terminate();
      if (!replaced) return;
    }
  };
  await Promise.all(Array.from({ length: workers }, () => lane()));

  const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).map(([message, scenarios]) => ({ message, scenarios }));
  const report = { target, minutes, seeds: [firstSeed, nextSeed - 1], callsPerScenario: calls, workers, ...figures, distinct: { serverException: top(messages.serverException), thrown: top(messages.thrown), polluted: top(messages.polluted) }, failingSeeds: failing.slice(0, 50) };
  if (json) console.log(JSON.stringify(report, null, 2));
  else {
    for (const [k, v] of Object.entries(figures)) console.log(`fuzz_${target}_${k} ${v} ${k === 'calls' ? 'calls' : 'scenarios'}`);
    console.log(`fuzz_${target}_serverException_distinct ${messages.serverException.size} messages`);
    for (const [kind, list] of Object.entries(report.distinct)) for (const { message, scenarios } of list.slice(0, 20)) console.log(`  ${kind} (${scenarios}): ${message}`);
    if (failing.length) console.log(`  failing seeds (replay with --seed S --minutes 0.01 --workers 1): ${failing.slice(0, 20).join(', ')}`);
  }
  process.exit(failing.length ? 1 : 0);
}

if (isMainThread) void main();
else void workerMain();
