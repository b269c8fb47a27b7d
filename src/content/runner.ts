import type { Sim } from '../sim';
import type { Scenario } from './scenario';
import { orderedActions, simFor } from './world';
import { resolveRefs, type CallRecord } from './calls';
import { describeExpectation, evaluate, type ExpectResult } from './evaluate';
import { reportOf, type Report } from './report';

export type { CallRecord } from './calls';
export { resolveRefs } from './calls';
export { collection } from './collections';
export { describeExpectation, evaluate, type ExpectResult } from './evaluate';
export { eventHash, formatReport, reportOf, type Report } from './report';

export interface RunOptions {
  seed?: string;
  until?: number;
  /** Runs after the scenario's clock reaches `until`, before the report is taken (the console uses it). */
  after?: (sim: Sim) => void;
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
