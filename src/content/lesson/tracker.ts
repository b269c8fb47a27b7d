import { Timeline, type Outcome, type Ticker } from '../timeline';
import type { LearnerCall, Lesson } from './types';
import { conditionHolds, judge, overTime, type Sample, type Samples, type Verdict } from './judge';

/**
 * The learner's actions as the `calls` collection: what was asked (the command line, or the call), what it
 * printed (`output`, in English) or the error (the API's `{ code, message }`, else the exit status and the text), and as
 * data the API response, every request it made and the console's own messages by key (`said`), whatever the
 * learner's language.
 */
export function learnerCalls(transcript: readonly Outcome[]): LearnerCall[] {
  return transcript.map((o) => ({
    at: o.action.at / 1000,
    call: o.action.kind === 'call' ? o.action.call : o.command,
    input: o.action.kind === 'call' ? o.action.input : { command: o.command },
    ...(o.exitCode === 0 ? { output: o.output } : { error: o.error ?? { code: String(o.exitCode), message: o.output } }),
    ...(o.response !== undefined ? { response: o.response } : {}),
    ...(o.calls ? { calls: o.calls } : {}),
    ...(o.pieces?.some((p) => typeof p !== 'string') ? { said: o.pieces.filter((p) => typeof p !== 'string') } : {}),
  }));
}

/**
 * Watches a lesson's goals that speak about time on a Timeline: at every `sampleEvery` of simulated time it
 * records whether each one's condition held, forgets what it saw when the world goes back, and judges the
 * lesson at the world's moment from those samples and the world as it is. The live checklist keeps one on
 * the page's timeline; the checker keeps one on its replay: the same samples, the same verdict.
 */
export class GoalTracker implements Ticker {
  readonly every: number;
  private readonly samples = new Map<string, Sample[]>();
  /** Bumped whenever a sample is taken or forgotten, so a view knows to judge again. */
  revision = 0;

  constructor(readonly lesson: Lesson) {
    this.every = lesson.sampleEvery;
    for (const g of lesson.goals) if (overTime(g)) this.samples.set(g.id, []);
  }

  tick(t: Timeline): void {
    if (this.samples.size === 0) return;
    const calls = learnerCalls(t.transcript);
    const built = new Map<string, unknown[]>();
    for (const g of this.lesson.goals) {
      const s = this.samples.get(g.id);
      if (!s) continue;
      const x = { t: t.now, ok: conditionHolds(t.sim, g, calls, built) };
      if (s.length && s[s.length - 1]!.t === t.now) s[s.length - 1] = x;
      else s.push(x);
    }
    this.revision++;
  }

  rewind(from: number): void {
    for (const s of this.samples.values()) while (s.length && s[s.length - 1]!.t >= from) s.pop();
    this.revision++;
  }

  /** The lesson at the timeline's moment. */
  verdict(t: Timeline, chosen: Record<string, number> = {}): Verdict {
    return judge(t.sim, this.lesson, learnerCalls(t.transcript), this.samples, chosen);
  }

  /** What it saw of each goal that speaks about time, by goal id. */
  seen(): Samples {
    return this.samples;
  }

  /** Watches `t` from its first moment (time 0, with what the scenario and the log do then). */
  watchFromStart(t: Timeline): void {
    if (t.now !== 0) throw new Error('a tracker watches a timeline from time 0; later, it learns the past by a replay');
    t.setTicker(this);
    this.tick(t);
  }

  /** Takes over what another tracker of the same lesson saw (a replay of the same world). */
  adopt(other: GoalTracker): void {
    for (const [id, s] of other.samples) this.samples.set(id, s.slice());
    this.revision++;
  }
}

const live = new WeakMap<Timeline, GoalTracker>();

/** Stops watching a live timeline for its lesson (the learner left it): no more samples are taken. */
export function stopTracking(t: Timeline): void {
  if (!live.has(t)) return;
  t.setTicker(null);
  live.delete(t);
}

/**
 * The tracker that watches a live timeline for a lesson, attached on first use. Attached after time 0 (a lesson
 * opened at a step of its solution, a reload), it learns what it missed from a replay of the same world to now.
 */
export function trackerFor(t: Timeline, lesson: Lesson): GoalTracker {
  const known = live.get(t);
  if (known && known.lesson === lesson) return known;
  const k = new GoalTracker(lesson);
  if (t.now === 0) k.watchFromStart(t);
  else {
    const replay = new Timeline(t.scenario, t.seed, t.actions, { history: false });
    const seen = new GoalTracker(lesson);
    seen.watchFromStart(replay);
    replay.advanceTo(t.now);
    k.adopt(seen);
    t.setTicker(k);
  }
  live.set(t, k);
  return k;
}
