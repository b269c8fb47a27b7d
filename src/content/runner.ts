import type { Sim } from '../sim';
import type { Scenario } from './scenario';
import { Timeline } from './timeline';
import type { CallRecord } from './calls';
import { describeExpectation, evaluate, type ExpectResult } from './evaluate';
import { reportOf, type MetricSampling, type Report } from './report';

export type { CallRecord } from './calls';
export { resolveRefs } from './calls';
export { collection } from './collections';
export { describeExpectation, evaluate, type ExpectResult } from './evaluate';
export { eventHash, formatReport, reportOf, writeReport, type MetricSampling, type Report } from './report';

export interface RunOptions {
  seed?: string;
  until?: number;
  /** Runs after the scenario's clock reaches `until`, before the report is taken (the console uses it). */
  after?: (sim: Sim) => void;
  /** How the report carries metric datapoints (default: sampled, see MetricSampling). */
  metrics?: MetricSampling;
}

/**
 * Runs a scenario headless on the same Timeline the page and the lesson checker use (without its history):
 * its actions at their times, each checkpoint (`expect` with `at`) evaluated when the clock reaches it, the
 * rest at `until`. The same code path the CLI, the tests and the benchmarks use.
 */
export function runScenario(sc: Scenario, opts: RunOptions = {}): Report {
  const seed = opts.seed ?? sc.seed;
  const t = new Timeline(sc, seed, [], { history: false });
  const lastAction = sc.actions.reduce((m, a) => Math.max(m, a.at), 0);
  const until = opts.until ?? sc.until ?? lastAction;
  const checkpoints = sc.expect.filter((e) => e.at !== undefined).sort((a, b) => a.at! - b.at! || a.index - b.index);
  const results = new Map<number, ExpectResult>();
  for (const e of checkpoints) {
    if (e.at! > until) break;
    t.advanceTo(e.at!);
    results.set(e.index, { ...evaluate(t.sim, e, t.callRecords as CallRecord[]), at: e.at! / 1000 });
  }
  t.advanceTo(until);
  opts.after?.(t.sim);
  for (const e of sc.expect) if (e.at === undefined) results.set(e.index, evaluate(t.sim, e, t.callRecords as CallRecord[]));
  const expect = sc.expect.map((e) => results.get(e.index) ?? { index: e.index, label: e.label ?? describeExpectation(e), passed: false, seen: 'not reached before the end of the run', at: e.at! / 1000 });
  return reportOf(t.sim, sc.name, seed, t.callLog, expect, opts.metrics ? { metrics: opts.metrics } : {});
}
