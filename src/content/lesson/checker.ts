import { formatClock, type Sim } from '../../sim';
import type { Expectation } from '../scenario';
import type { CallRecord } from '../calls';
import { collection } from '../collections';
import { evaluate } from '../evaluate';
import { eventHash } from '../report';
import { matches } from '../expect';
import { Timeline, type Outcome } from '../timeline';
import type { ActionLog, ChecklistItem, Goal, LearnerCall, Lesson, LessonReport } from './types';

/**
 * The checker: replays a lesson's start state with an action log and reports its checklist, diagnostics and
 * predictions; and the goals that the world as it is now can answer (the live checklist).
 */

/** Restricts datapoints and events to the final window of a goal. */
function windowed(g: Goal, end: number): Expectation {
  if (g.window === undefined || !g.check.count) return g.check;
  const from = end - g.window;
  const field = g.check.count === 'datapoints' ? { t: { gte: from / 1000 } } : g.check.count === 'events' ? { t: { gte: from } } : {};
  return { ...g.check, where: { ...(g.check.where ?? {}), ...field } };
}

/** Why tasks are not where a goal wants them: the newest placement failure, as the trace says it. */
function nearMiss(sim: Sim, where?: Record<string, unknown>): string {
  const w = sim.world;
  const about = [where?.family, where?.serviceName, where?.group].filter((x): x is string => typeof x === 'string');
  const waiting = Object.values(w.tasks).filter((t) => t.lastStatus === 'PENDING' || t.lastStatus === 'PROVISIONING').length;
  for (let i = w.traces.length - 1; i >= 0; i--) {
    const tr = w.traces[i]!;
    if (about.length && !about.some((a) => tr.group.includes(a))) continue;
    if (tr.failure) return `${waiting ? `${waiting} waiting; ` : ''}the last placement that failed (${tr.group}): ${tr.failure.reason}${tr.failure.detail ? ` — ${tr.failure.detail}` : ''}`;
  }
  for (const s of Object.values(w.services)) {
    const e = s.events[0];
    if (e && /unable to place/.test(e.message)) return e.message;
  }
  return '';
}

function describeSeen(seen: unknown): string {
  if (typeof seen === 'number') return `${seen} found`;
  if (typeof seen === 'string') return seen;
  return '';
}

/** A rate goal: of / over, summed over the datapoints of the final window. */
function rateItem(sim: Sim, g: Goal): ChecklistItem {
  const from = (sim.now - (g.window ?? 60_000)) / 1000;
  const points = (collection(sim, 'datapoints', []) as { t: number; value: number }[]).filter((p) => p.t >= from);
  const sum = (cond: Record<string, unknown>) => points.filter((p) => matches(p, cond)).reduce((a, p) => a + p.value, 0);
  const of = sum(g.rate!.of);
  const over = sum(g.rate!.over);
  if (over === 0) return { id: g.id, label: g.label, passed: false, detail: 'nothing to measure in that window (no requests)' };
  const r = of / over;
  const ok = (g.check.atLeast === undefined || r >= g.check.atLeast) && (g.check.atMost === undefined || r <= g.check.atMost);
  const pct = (x: number) => `${+(x * 100).toFixed(2)} %`;
  const need = g.check.atMost !== undefined ? `at most ${pct(g.check.atMost)}` : `at least ${pct(g.check.atLeast!)}`;
  return { id: g.id, label: g.label, passed: ok, detail: ok ? '' : `${pct(r)} (${of} of ${over}); need ${need}` };
}

/** Goals that only need the world as it is now (what the live checklist can show without replaying). */
export function evaluateNow(sim: Sim, lesson: Lesson, calls: CallRecord[] = []): ChecklistItem[] {
  return lesson.goals.map((g) => {
    if (overTime(g)) return { id: g.id, label: g.label, passed: false, detail: 'checked over time when you check your work' };
    if (g.rate) return rateItem(sim, g);
    const r = evaluate(sim, windowed(g, sim.now), calls);
    const need = g.check.atLeast !== undefined ? ` (need at least ${g.check.atLeast})` : g.check.equals !== undefined ? ` (need exactly ${g.check.equals})` : g.check.atMost !== undefined ? ` (need at most ${g.check.atMost})` : '';
    const short = typeof r.seen === 'number' && ((g.check.atLeast !== undefined && r.seen < g.check.atLeast) || (g.check.equals !== undefined && r.seen < g.check.equals));
    const miss = !r.passed && short && g.check.count === 'tasks' ? nearMiss(sim, g.check.where) : '';
    return { id: g.id, label: g.label, passed: r.passed, detail: r.passed ? '' : `${describeSeen(r.seen)}${need}${miss ? `. ${miss}` : ''}` };
  });
}

/**
 * The learner's actions as the `calls` collection: what was asked (the command line, or the call), what it
 * printed (`output`) or the error (the API's `{ code, message }`, else the exit status and the text), and as
 * data the API response and every request it made.
 */
export function learnerCalls(transcript: readonly Outcome[]): LearnerCall[] {
  return transcript.map((o) => ({
    at: o.action.at / 1000, call: o.action.kind === 'call' ? o.action.call : o.command, input: o.action.kind === 'call' ? o.action.input : { command: o.command },
    ...(o.exitCode === 0 ? { output: o.output } : { error: o.error ?? { code: String(o.exitCode), message: o.output } }),
    ...(o.response !== undefined ? { response: o.response } : {}),
    ...(o.calls ? { calls: o.calls } : {}),
  }));
}

/** Goals that speak about time: never, holdsFor, within … after. The checker samples them as it replays. */
const overTime = (g: Goal) => g.holdsFor !== undefined || g.never === true || g.within !== undefined;

/** A goal over time, from its samples ({ t, ok }) over the whole run. */
function sampledItem(sim: Sim, g: Goal, s: { t: number; ok: boolean }[]): ChecklistItem {
  const end = sim.now;
  if (g.never) {
    const bad = s.find((x) => x.ok && x.t >= (g.from ?? 0));
    return { id: g.id, label: g.label, passed: !bad, detail: bad ? `it happened at ${formatClock(bad.t)}` : '' };
  }
  if (g.holdsFor !== undefined) {
    const win = s.filter((x) => x.t >= end - g.holdsFor!);
    const bad = win.find((x) => !x.ok);
    const miss = bad && g.check.count === 'tasks' ? nearMiss(sim, g.check.where) : '';
    return { id: g.id, label: g.label, passed: win.length > 0 && !bad, detail: bad ? `not true at ${formatClock(bad.t)} (it must hold for the last ${formatClock(g.holdsFor)})${miss ? `. ${miss}` : ''}` : '' };
  }
  const trigger = sim.events.find((e) => matches(e, g.after));
  if (!trigger) return { id: g.id, label: g.label, passed: false, detail: 'what it waits for never happened' };
  const hit = s.find((x) => x.ok && x.t >= trigger.t && x.t <= trigger.t + g.within!);
  return { id: g.id, label: g.label, passed: hit !== undefined, detail: hit ? '' : `not within ${formatClock(g.within!)} of ${formatClock(trigger.t)}` };
}

/** Each prediction: the choice that came true, and whether the learner chose it. */
function predictionsOf(sim: Sim, lesson: Lesson, log: ActionLog): LessonReport['predictions'] {
  return lesson.predictions.map((p) => {
    const correct = p.choices.findIndex((c) => evaluate(sim, c.when, []).passed);
    const chosen = log.predictions[p.id];
    return {
      id: p.id, prompt: p.prompt, chosen: chosen !== undefined ? (p.choices[chosen]?.label ?? null) : null,
      correct: correct >= 0 ? p.choices[correct]!.label : null, right: chosen === undefined ? null : chosen === correct,
    };
  });
}

/**
 * Replays the lesson's start state with an action log to `lesson.until`, sampling the goals that
 * speak about time, and reports the checklist. A lesson is passed only by what its actions produce.
 */
export function checkLesson(lesson: Lesson, log: ActionLog, seed = lesson.start.seed, after?: (t: Timeline) => void): LessonReport {
  const t = new Timeline(lesson.start, seed, log.actions);
  const sampled = lesson.goals.filter(overTime);
  const samples = new Map<string, { t: number; ok: boolean }[]>(sampled.map((g) => [g.id, []]));
  const sampleAll = () => {
    for (const g of sampled) samples.get(g.id)!.push({ t: t.now, ok: evaluate(t.sim, g.check, []).passed });
  };
  sampleAll();
  for (let at = lesson.sampleEvery; at <= lesson.until; at += lesson.sampleEvery) {
    t.advanceTo(at);
    sampleAll();
  }
  t.advanceTo(lesson.until);
  const sim = t.sim;
  const end = sim.now;
  const calls = learnerCalls(t.transcript);
  const now = evaluateNow(sim, lesson, calls);
  const checklist = lesson.goals.map((g, i) => (overTime(g) ? sampledItem(sim, g, samples.get(g.id)!) : now[i]!));
  const passed = checklist.every((c) => c.passed);
  const diagnostics = passed ? [] : lesson.diagnostics.filter((d) => evaluate(sim, d.when, calls).passed).map((d) => ({ id: d.id, message: d.message }));
  const predictions = predictionsOf(sim, lesson, log);
  after?.(t);
  return { id: lesson.id, passed, checklist, diagnostics, predictions, clock: end, eventHash: eventHash(sim.events) };
}

