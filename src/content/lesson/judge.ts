import { formatClock, type Sim } from '../../sim';
import type { Expectation } from '../scenario';
import { collection } from '../collections';
import { evaluate, type Collections } from '../evaluate';
import { matches } from '../expect';
import { DEFAULT_LOCALE, translate, type MessageKey, type Params } from '../../i18n';
import type { Piece } from '../console/said';
import type { ChecklistItem, Goal, LearnerCall, Lesson, LessonReport } from './types';

/** A part of a checklist detail in the checker's own words: its key and values. */
const m = (key: MessageKey, params?: Params): Piece => ({ key, ...(params ? { params } : {}) });
/** Pieces in English, as the report says them. */
const english = (pieces: readonly Piece[]) => pieces.map((p) => (typeof p === 'string' ? p : translate(DEFAULT_LOCALE, p.key, p.params))).join('');

/**
 * The one evaluation of a lesson: its goals, diagnostics and predictions judged at one moment of a world, from
 * the world as it is then and what the goals that speak about time saw at each sample before. The live
 * checklist and "Check my work" (a replay to the same moment) both call it, so they cannot disagree.
 */

/** One sample of a goal over time: whether its condition held at time `t` (ms). */
export interface Sample {
  t: number;
  ok: boolean;
}

/** The samples of each goal that speaks about time, by goal id, in time order. */
export type Samples = ReadonlyMap<string, readonly Sample[]>;

/** What a lesson looks like at one moment. */
export type Verdict = Pick<LessonReport, 'passed' | 'checklist' | 'diagnostics' | 'predictions'>;

/** Goals that speak about time: never, holdsFor, within … after. They are sampled as the clock passes. */
export const overTime = (g: Goal) => g.holdsFor !== undefined || g.never === true || g.within !== undefined;

/** Metric datapoints cover a minute from their timestamp [SIM: every metric has a 60 s period]. */
const PERIOD_MS = 60_000;

/**
 * Restricts datapoints and events to a goal's final window: events of its last `window` ms, and the datapoints
 * whose minute ended within it (at 3:30 the last minute's datapoint is the one of 2:00-3:00).
 */
function windowed(g: Goal, end: number): Expectation {
  if (g.window === undefined || !g.check.count) return g.check;
  const from = end - g.window;
  const field = g.check.count === 'datapoints' ? { t: { gt: (from - PERIOD_MS) / 1000 } } : g.check.count === 'events' ? { t: { gte: from } } : {};
  // The window first: most datapoints are older, and the first condition that fails ends the match.
  return { ...g.check, where: { ...field, ...(g.check.where ?? {}) } };
}

/** Restricts a condition's events to those at or after the last event matching `since` (none: no event counts). */
export function scoped(sim: Sim, e: Expectation, since?: Record<string, unknown>): Expectation {
  if (!since) return e;
  let from = Infinity;
  for (let i = sim.events.length - 1; i >= 0; i--) {
    if (matches(sim.events[i], since)) {
      from = sim.events[i]!.t;
      break;
    }
  }
  const t = { t: { gte: from } };
  if (e.event) return { ...e, event: { ...e.event, ...t } };
  if (e.sequence?.length) return { ...e, sequence: [{ ...e.sequence[0]!, ...t }, ...e.sequence.slice(1)] };
  if (e.count === 'events') return { ...e, where: { ...(e.where ?? {}), ...t } };
  return e;
}

/** Why tasks are not where a goal wants them: the newest placement failure, as the trace says it (its reason and detail are the engine's). */
function nearMiss(sim: Sim, where?: Record<string, unknown>): Piece[] {
  const w = sim.world;
  const about = [where?.family, where?.serviceName, where?.group].filter((x): x is string => typeof x === 'string');
  const waiting = Object.values(w.tasks).filter((t) => t.lastStatus === 'PENDING' || t.lastStatus === 'PROVISIONING').length;
  for (let i = w.traces.length - 1; i >= 0; i--) {
    const tr = w.traces[i]!;
    if (about.length && !about.some((a) => tr.group.includes(a))) continue;
    if (!tr.failure) continue;
    // The detail in the page's language where the trace carries its form (the few that are AWS's own words stay as written).
    const f = tr.failure;
    const detail: Piece[] = f.detailForm ? [' — ', m(`placement.detail.${f.detailForm.code}`, f.detailForm.values)] : f.detail ? [` — ${f.detail}`] : [];
    return [...(waiting ? [m('check.waiting', { count: waiting })] : []), m('check.lastFailed', { group: tr.group, reason: f.reason }), ...detail];
  }
  for (const s of Object.values(w.services)) {
    const e = s.events[0];
    if (e && /unable to place/.test(e.message) && selects(about, s.serviceName, s.taskDefinition)) return [e.message];
  }
  return [];
}

/** Whether a service is among those a goal's `where` names (by service name, family or group; naming none: every one). */
function selects(about: string[], serviceName: string, taskDefinition: string): boolean {
  if (!about.length) return true;
  const family = /task-definition\/(.+):\d+$/.exec(taskDefinition)?.[1];
  return about.some((a) => a === serviceName || a === family || a === `service:${serviceName}` || a === `family:${family}`);
}

/** A goal's line in the checklist: what was measured, and what the learner can do about it (the goal's `how`). */
function item(g: Goal, passed: boolean, measured: Piece[], final = false, broken = false): ChecklistItem {
  // Once a goal can no longer be met in this run, what to do next is not to carry on.
  const detail = passed ? '' : [english(measured), final || broken ? '' : g.how].filter(Boolean).join(' — ');
  return {
    id: g.id,
    label: g.label,
    passed,
    detail,
    ...(!passed && measured.length ? { measured } : {}),
    ...(!passed && (final || broken) ? { withoutHow: true as const } : {}),
    ...(!passed && broken ? { broken: true as const } : {}),
  };
}

function need(e: Expectation): Piece[] {
  if (e.atLeast !== undefined && e.atMost !== undefined) return [m('check.need.between', { low: e.atLeast, high: e.atMost })];
  if (e.atLeast !== undefined) return [m('check.need.atLeast', { n: e.atLeast })];
  if (e.equals !== undefined) return [m('check.need.exactly', { n: e.equals })];
  if (e.atMost !== undefined) return [m('check.need.atMost', { n: e.atMost })];
  return [];
}

/** A nearer reason after what was measured, when there is one. */
const then = (what: Piece[], miss: Piece[]): Piece[] => (miss.length ? [...what, '. ', ...miss] : what);

/** What traffic to the goal's port did in its last window (what `traffic stats` says), when traffic is sent there. */
function trafficSeen(sim: Sim, g: Goal, calls: LearnerCall[], built: Collections): Piece[] {
  if (!built.has('localTraffic')) built.set('localTraffic', collection(sim, 'localTraffic', calls));
  const port = g.check.where?.port;
  const sent = (built.get('localTraffic') as { port: number; window: { seconds: number; ok: number; failed: number } }[]).find((x) => port === undefined || x.port === port);
  return sent ? [m('check.traffic', { failed: sent.window.failed, ok: sent.window.ok, seconds: sent.window.seconds })] : [];
}

/** Traffic is sent and requests fail: what to do is not to send it (the diagnostics say why they fail). */
const failing = (pieces: Piece[]) => pieces.some((p) => typeof p !== 'string' && Number(p.params?.failed) > 0);

/** A goal about the world as it is now: a count, an event or a sequence (with its window, if any). */
function nowItem(sim: Sim, g: Goal, calls: LearnerCall[], built: Collections): ChecklistItem {
  const r = evaluate(sim, scoped(sim, windowed(g, sim.now), g.since), calls, built);
  if (r.passed) return item(g, true, []);
  const traffic = g.check.count === 'localTraffic' ? trafficSeen(sim, g, calls, built) : [];
  if (traffic.length) return item(g, false, traffic, failing(traffic));
  const one = g.check.atLeast === 1 || (g.check.equals === 1 && g.check.atLeast === undefined);
  const seen = typeof r.seen === 'number' ? (r.seen === 0 && one ? [m('check.notYet')] : [m('check.found', { count: r.seen }), ...need(g.check)]) : g.check.event || g.check.sequence ? [m('check.notYet')] : [];
  const short = typeof r.seen === 'number' && ((g.check.atLeast !== undefined && r.seen < g.check.atLeast) || (g.check.equals !== undefined && r.seen < g.check.equals));
  const miss = short && g.check.count === 'tasks' ? nearMiss(sim, g.check.where) : [];
  return item(g, false, then(seen, miss));
}

/** A number as a person writes it: to two decimals at most, as the locale writes numbers when it is said. */
const written = (x: number) => Math.round(x * 100) / 100;

/** A rate goal: of / over, summed over the datapoints of the final window. */
function rateItem(sim: Sim, g: Goal, built: Collections): ChecklistItem {
  const after = (sim.now - (g.window ?? 60_000) - PERIOD_MS) / 1000;
  if (!built.has('datapoints')) built.set('datapoints', collection(sim, 'datapoints', []));
  const points = (built.get('datapoints') as { t: number; value: number }[]).filter((p) => p.t > after);
  const sum = (cond: Record<string, unknown>) => points.filter((p) => matches(p, cond)).reduce((a, p) => a + p.value, 0);
  const of = sum(g.rate!.of);
  const over = sum(g.rate!.over);
  if (over === 0) return item(g, false, [m('check.rate.nothing')]);
  const r = of / over;
  const ok = (g.check.atLeast === undefined || r >= g.check.atLeast) && (g.check.atMost === undefined || r <= g.check.atMost);
  // Summed datapoints are counts, but their sum can carry a floating-point remainder: said as a person writes them.
  const said = { pct: written(r * 100), of: written(of), over: written(over) };
  return item(g, ok, [g.check.atMost !== undefined ? m('check.rate.atMost', { ...said, bound: written(g.check.atMost * 100) }) : m('check.rate.atLeast', { ...said, bound: written(g.check.atLeast! * 100) })]);
}

/**
 * When a condition that holds now became true: the first event after the last sample at which it did not hold
 * (the world changes only at events), else the first sample that saw it true. It stays the same while the
 * condition holds, however the clock got here (played, jumped or scrubbed): the samples and events before now do not change.
 */
function trueSince(sim: Sim, s: readonly Sample[]): number {
  let i = s.length;
  while (i > 0 && s[i - 1]!.ok) i--;
  const first = s[i]?.t ?? sim.now;
  if (i === 0) return first;
  const lastFalse = s[i - 1]!.t;
  const events = sim.events;
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (events[mid]!.t > lastFalse) hi = mid;
    else lo = mid + 1;
  }
  const e = events[lo];
  return e && e.t <= first ? e.t : first;
}

/** "for the last minute": true now, and without a break since a moment at least that long ago. */
function holdsItem(sim: Sim, g: Goal, s: readonly Sample[]): ChecklistItem {
  const last = s[s.length - 1];
  if (!last || !last.ok) {
    const miss = g.check.count === 'tasks' ? nearMiss(sim, g.check.where) : [];
    return item(g, false, then([m('check.holds.notNow', { length: formatClock(g.holdsFor!) })], miss));
  }
  const since = trueSince(sim, s);
  if (sim.now - since >= g.holdsFor!) return item(g, true, []);
  return item(g, false, [m('check.holds.since', { since: formatClock(since), length: formatClock(g.holdsFor!), until: formatClock(since + g.holdsFor!) })]);
}

/**
 * "never": not once true at a sample (from `from` on). Judged once the goals it guards are met; once it was true
 * it is broken for the rest of the run, and its detail says what happened (the goal's `broken`) and when.
 */
function neverItem(g: Goal, s: readonly Sample[]): ChecklistItem {
  const bad = s.find((x) => x.ok && x.t >= (g.from ?? 0));
  if (!bad) return item(g, true, []);
  const at = formatClock(bad.t);
  return item(g, false, [g.broken ? m('check.never.broken', { what: g.broken, at, goal: g.id }) : m('check.never.happened', { at })], true, true);
}

/** "within … after": true at some sample within that long of the first event matching `after`. */
function withinItem(sim: Sim, g: Goal, s: readonly Sample[]): ChecklistItem {
  const trigger = sim.events.find((e) => matches(e, g.after));
  if (!trigger) return item(g, false, [m('check.within.waiting')]);
  const until = trigger.t + g.within!;
  const hit = s.find((x) => x.ok && x.t >= trigger.t && x.t <= until);
  if (hit) return item(g, true, []);
  if (sim.now <= until) return item(g, false, [m('check.within.until', { until: formatClock(until), length: formatClock(g.within!), after: formatClock(trigger.t) })]);
  return item(g, false, [m('check.within.missed', { length: formatClock(g.within!), after: formatClock(trigger.t) })], true, true);
}

/** Whether a goal's condition holds in the world now (what a sample records). */
export function conditionHolds(sim: Sim, g: Goal, calls: LearnerCall[], built?: Collections): boolean {
  return evaluate(sim, scoped(sim, g.check, g.since), calls, built).passed;
}

/** The samples of a goal over time, with the world now as the last one. */
function withNow(sim: Sim, g: Goal, s: readonly Sample[], calls: LearnerCall[], built: Collections): readonly Sample[] {
  if (s.length && s[s.length - 1]!.t === sim.now) return s;
  return [...s, { t: sim.now, ok: conditionHolds(sim, g, calls, built) }];
}

/** A goal not judged yet, and why (its `how` is on the line of the goal it waits for). */
const waiting = (g: Goal, measured: Piece[]): ChecklistItem => ({ id: g.id, label: g.label, passed: false, detail: english(measured), measured, withoutHow: true });

/** A goal that is only judged once others are met: the first of those not met yet, if any. */
function unmetGuard(g: Goal, lesson: Lesson, byId: Map<string, ChecklistItem>): ChecklistItem | undefined {
  const guards = g.once ?? (g.never ? lesson.goals.filter((x) => !x.never).map((x) => x.id) : []);
  return guards.map((id) => byId.get(id)).find((x) => x !== undefined && !x.passed);
}

/** The checklist at this moment: plain goals first, then those that wait for others (once, never). */
export function checklistAt(sim: Sim, lesson: Lesson, calls: LearnerCall[], samples: Samples, built: Collections = new Map()): ChecklistItem[] {
  const byId = new Map<string, ChecklistItem>();
  const sampled = (g: Goal) => withNow(sim, g, samples.get(g.id) ?? [], calls, built);
  const own = (g: Goal): ChecklistItem => {
    if (g.rate) return rateItem(sim, g, built);
    if (g.holdsFor !== undefined) return holdsItem(sim, g, sampled(g));
    if (g.within !== undefined) return withinItem(sim, g, sampled(g));
    return nowItem(sim, g, calls, built);
  };
  const judged = (g: Goal): ChecklistItem => {
    if (g.never) {
      const n = neverItem(g, sampled(g));
      const guard = n.broken ? undefined : unmetGuard(g, lesson, byId);
      return guard ? waiting(g, [m('check.never.sofar')]) : n;
    }
    // Judged only after the goals it waits for: until then it says which (what to do is on that goal's line).
    const guard = unmetGuard(g, lesson, byId);
    return guard ? waiting(g, [m('check.once', { goal: guard.id, label: guard.label })]) : own(g);
  };
  for (const g of lesson.goals) if (!g.never && !g.once) byId.set(g.id, judged(g));
  for (const g of lesson.goals) if (!g.never && g.once) byId.set(g.id, judged(g));
  for (const g of lesson.goals) if (g.never) byId.set(g.id, judged(g));
  return lesson.goals.map((g) => byId.get(g.id)!);
}

/** Each prediction: the learner's choice, and the answer only once it is decided and the learner answered or passed. */
function predictionsAt(sim: Sim, lesson: Lesson, calls: LearnerCall[], chosen: Record<string, number>, passed: boolean, built: Collections): LessonReport['predictions'] {
  return lesson.predictions.map((p) => {
    const pick = chosen[p.id];
    const mine = pick !== undefined ? (p.choices[pick]?.label ?? null) : null;
    const decided = evaluate(sim, p.decided, calls, built).passed;
    const correct = decided ? p.choices.findIndex((c) => evaluate(sim, c.when, calls, built).passed) : -1;
    const shown = correct >= 0 && (pick !== undefined || passed);
    return { id: p.id, prompt: p.prompt, chosen: mine, correct: shown ? p.choices[correct]!.label : null, right: shown && pick !== undefined ? pick === correct : null, decided };
  });
}

/**
 * A goal's line while it would give away the answer of a prediction that is neither answered nor decided: its
 * `labelBefore`, and nothing it measured (whether it is met stays what it is).
 */
function veiled(sim: Sim, lesson: Lesson, calls: LearnerCall[], chosen: Record<string, number>, built: Collections) {
  const open = new Map<string, boolean>();
  const isOpen = (id: string) => {
    if (!open.has(id)) {
      const p = lesson.predictions.find((x) => x.id === id);
      open.set(id, p !== undefined && chosen[id] === undefined && !evaluate(sim, p.decided, calls, built).passed);
    }
    return open.get(id)!;
  };
  return (c: ChecklistItem, g: Goal): ChecklistItem => {
    if (!g.revealsAfter?.some(isOpen)) return c;
    const measured = [m('check.veiled')];
    const detail = c.passed ? '' : [english(measured), g.how].filter(Boolean).join(' — ');
    return { id: c.id, label: g.labelBefore ?? g.label, passed: c.passed, detail, ...(c.passed ? {} : { measured }), veiled: true };
  };
}

/** The lesson at this moment: the checklist, the diagnostics that explain what went wrong, and the predictions. */
export function judge(sim: Sim, lesson: Lesson, calls: LearnerCall[], samples: Samples, chosen: Record<string, number> = {}): Verdict {
  // Every condition is judged on the same moment: each collection is built once for all of them.
  const built: Collections = new Map();
  const veil = veiled(sim, lesson, calls, chosen, built);
  const checklist = checklistAt(sim, lesson, calls, samples, built).map((c, i) => veil(c, lesson.goals[i]!));
  const passed = checklist.every((c) => c.passed);
  const diagnostics = passed ? [] : lesson.diagnostics.filter((d) => d.when.every((w) => evaluate(sim, scoped(sim, w, d.since), calls, built).passed)).map((d) => ({ id: d.id, message: d.message }));
  return { passed, checklist, diagnostics, predictions: predictionsAt(sim, lesson, calls, chosen, passed, built) };
}
