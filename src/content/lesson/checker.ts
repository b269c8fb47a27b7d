import { eventHash } from '../report';
import { Timeline } from '../timeline';
import { GoalTracker } from './tracker';
import type { ActionLog, Lesson, LessonReport } from './types';

/**
 * The checker: replays a lesson's start state with an action log to a moment and judges the lesson there, with
 * the same tracker and the same judgement the live checklist uses on the page's timeline.
 */

export interface CheckOptions {
  seed?: string;
  /** The moment to judge at (ms): the learner's moment in the page; the lesson's `until` by default. */
  to?: number;
  /** Runs on the replay once it is at `to`, before the report is made (the pins and the CLI use it). */
  after?: (t: Timeline) => void;
}

/**
 * Replays the lesson's start state with an action log to `to`, sampling the goals that speak about time as
 * the clock passes, and reports the lesson at that moment. A lesson is passed only by what its actions produce.
 */
export function checkLesson(lesson: Lesson, log: ActionLog, opts: CheckOptions = {}): LessonReport {
  const t = new Timeline(lesson.start, opts.seed ?? lesson.start.seed, log.actions, { history: false });
  const tracker = new GoalTracker(lesson);
  tracker.watchFromStart(t);
  t.advanceTo(opts.to ?? lesson.until);
  const verdict = tracker.verdict(t, log.predictions);
  opts.after?.(t);
  return { id: lesson.id, ...verdict, clock: t.now, eventHash: eventHash(t.sim.events) };
}
