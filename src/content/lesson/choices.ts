import type { Timeline } from '../timeline';
import { checklistAt, overTime } from './judge';
import { learnerCalls, trackerFor } from './tracker';
import type { Demo, DemoPause, Goal, Lesson } from './types';

/**
 * A demo's answer choices judged: each choice's predicate over the world at the moment of the reveal, by the
 * evaluation that judges a lesson's goals (a predicate that speaks about time from the samples a goal tracker
 * took on the same timeline, as a lesson's checklist does).
 */

/** How often the predicates that speak about time are sampled (ms of simulated time). */
const SAMPLE_EVERY = 10_000;

/**
 * The choices that speak about time, as the goals of a lesson for a tracker to sample (only `goals` and
 * `sampleEvery` are read of it: it is never taken or shown as a lesson).
 */
const sampled = new WeakMap<Demo, Lesson>();
function sampledAsLesson(def: Demo): Lesson {
  let l = sampled.get(def);
  if (!l) {
    const goals = def.pauses.flatMap((p) => (p.choices ?? []).map((c) => c.predicate)).filter(overTime);
    l = {
      id: `demo:${def.id}`,
      title: def.title,
      chapter: '',
      summary: '',
      prerequisites: [],
      allowed: [],
      until: 0,
      sampleEvery: SAMPLE_EVERY,
      goals,
      diagnostics: [],
      predictions: [],
      start: def.scenario,
      startText: '',
      solution: { actions: [], predictions: {} },
      traps: [],
      text: { briefing: '', steps: '', hints: [], debrief: '' },
      files: {},
    };
    sampled.set(def, l);
  }
  return l;
}

/** Whether each of a pause's choices holds at the timeline's moment (empty for a pause without choices). */
export function judgeChoices(t: Timeline, def: Demo, pause: DemoPause): boolean[] {
  const goals: Goal[] = (pause.choices ?? []).map((c) => c.predicate);
  if (!goals.length) return [];
  const samples = goals.some(overTime) ? trackerFor(t, sampledAsLesson(def)).seen() : new Map();
  const calls = learnerCalls(t.transcript);
  const built = new Map<string, unknown[]>();
  // Each choice is judged on its own (a never choice waits for no other choice), on the same collections.
  return goals.map((g) => checklistAt(t.sim, { ...sampledAsLesson(def), goals: [g] }, calls, samples, built)[0]!.passed);
}
