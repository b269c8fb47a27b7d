import type { Sim } from '../sim';
import type { Expectation } from './scenario';
import { resolveRefs, type CallRecord } from './calls';
import { collection } from './collections';
import { matches } from './expect';

export interface ExpectResult {
  index: number;
  label: string;
  passed: boolean;
  seen: unknown;
  at?: number;
}

/** Collections already built for one moment of a world, by name: conditions judged together share them. */
export type Collections = Map<string, unknown[]>;

export function evaluate(sim: Sim, raw: Expectation, calls: CallRecord[], built?: Collections): ExpectResult {
  const label = raw.label ?? describeExpectation(raw);
  // Expectations may name things by reference too (${ci:i-1}, ${task:0}, ${call:id.path}).
  const e = resolveRefs(sim, raw, calls) as Expectation;
  if (e.call !== undefined) {
    const rec = typeof e.call === 'number' ? calls[e.call] : calls.find((c) => c?.id === e.call);
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
  let all = built?.get(e.count!);
  if (!all) {
    all = collection(sim, e.count!, calls);
    built?.set(e.count!, all);
  }
  const items = all.filter((x) => matches(x, e.where));
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
