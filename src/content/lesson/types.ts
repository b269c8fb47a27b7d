import type { CallRecord } from '../calls';
import type { Expectation, Scenario } from '../scenario';
import type { LearnerAction } from '../timeline';

/**
 * Lessons as data: lessons/<id>/lesson.yaml (metadata, goals, diagnostics, predictions),
 * start.yaml (a scenario), solution.yaml and traps/*.yaml (action logs), text/en.md. These modules
 * parse them from a map of file texts (so the page and Node load them the same way) and checks
 * an action log by replaying it from the start state.
 */

/** A goal: a condition over the world and the event log, optionally over time. */
export interface Goal {
  id: string;
  label: string;
  check: Expectation;
  /** The condition holds at every sample of the run's final window of this length (ms). */
  holdsFor?: number;
  /** The condition is never true at any sample (it describes what must not happen). */
  never?: boolean;
  /** With `after`: true at some sample within this long (ms) of the first event matching `after`. */
  within?: number;
  after?: Record<string, unknown>;
  /** For datapoints and events: only those of the run's final window of this length (ms). */
  window?: number;
  /** For never: samples before this time (ms) do not count (the world is still being set up). */
  from?: number;
  /**
   * A rate over the final `window`: the sum of the datapoints matching `of` divided by the sum of those
   * matching `over` (an error rate: 5xx over requests), bounded by atLeast / atMost.
   */
  rate?: { of: Record<string, unknown>; over: Record<string, unknown> };
}

export interface Diagnostic {
  id: string;
  message: string;
  when: Expectation;
}

export interface Prediction {
  id: string;
  prompt: string;
  choices: { label: string; when: Expectation }[];
}

export interface ActionLog {
  actions: LearnerAction[];
  predictions: Record<string, number>;
}

export interface Trap {
  name: string;
  misconception: string;
  diagnostic: string;
  log: ActionLog;
}

export interface Lesson {
  id: string;
  title: string;
  chapter: string;
  summary: string;
  prerequisites: string[];
  /** Console command prefixes and editor actions the lesson allows (empty: everything). */
  allowed: string[];
  /** How long the checker runs the world (ms). */
  until: number;
  sampleEvery: number;
  goals: Goal[];
  diagnostics: Diagnostic[];
  predictions: Prediction[];
  start: Scenario;
  startText: string;
  solution: ActionLog;
  traps: Trap[];
  text: { briefing: string; steps: string; hints: string[]; debrief: string };
  /** Editor files the lesson starts with (name → text). */
  files: Record<string, string>;
  /** What the canvas frames when the lesson opens. */
  focus?: Focus;
}

/** What the canvas frames when a lesson or demo opens. */
export interface Focus {
  kind: 'local' | 'cluster' | 'service' | 'loadBalancer';
  /** The cluster's, service's or load balancer's name; without one, every cluster or load balancer. */
  name?: string;
}

export interface Demo {
  id: string;
  title: string;
  summary: string;
  scenario: Scenario;
  text: string;
  /** Moments where the presenter's clock stops for a "predict, then reveal" question. */
  pauses: { at: number; prompt: string; reveal: string }[];
  /** What the canvas frames when the demo opens. */
  focus?: Focus;
}

export interface LessonIndex {
  chapters: { title: string; lessons: string[] }[];
  demos: string[];
}

/** A learner action in the `calls` collection. */
export type LearnerCall = CallRecord & { response?: unknown; calls?: CallRecord[] };

export interface ChecklistItem {
  id: string;
  label: string;
  passed: boolean;
  detail: string;
}

export interface LessonReport {
  id: string;
  passed: boolean;
  checklist: ChecklistItem[];
  diagnostics: { id: string; message: string }[];
  predictions: { id: string; prompt: string; chosen: string | null; correct: string | null; right: boolean | null }[];
  /** Simulated time the run took (ms) and its event hash. */
  clock: number;
  eventHash: string;
}
