import { Timeline } from '../../content/timeline';
import type { Lesson } from '../../content/lesson';
import type { SandboxState } from '../store';
import { ecsRequests, worldView, type WorldView } from './world';
import { memoSelector } from './memo';

/** A world to look at beside the learner's, read only: what it shows and the moment it shows. */
export interface ShownWorld {
  view: WorldView;
  /** The simulated time it stands at (ms). */
  at: number;
}

const ends = new WeakMap<Lesson, ShownWorld>();

/**
 * The world a lesson's reference solution ends in: its start state with the solution's actions,
 * run to the lesson's time limit. Computed once per lesson (a few tens of milliseconds).
 */
export function goalWorld(lesson: Lesson): ShownWorld {
  let w = ends.get(lesson);
  if (!w) {
    const t = new Timeline(lesson.start, lesson.start.seed, lesson.solution.actions);
    t.advanceTo(lesson.until);
    w = { view: worldView(t.sim, ecsRequests(t.transcript)), at: t.now };
    ends.set(lesson, w);
  }
  return w;
}

/** The goal's world while the learner asks to see it, else null. */
export const selectGoalWorld: (s: SandboxState) => ShownWorld | null = memoSelector(
  (s: SandboxState) => [s.lesson.current?.showGoal ? s.lesson.current.def : undefined] as const,
  ([def]) => (def ? goalWorld(def) : null),
);
