import type { Piece, Said } from '../console/said';
import type { CallRecord } from '../calls';
import type { Variant } from '../variants';
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
  /**
   * What the learner does about the goal while it is not met, shown in the live checklist: the command that
   * measures it ("run `traffic stats 3000`"), or the time it waits for ("keep the clock running: the spike starts at 3:00").
   */
  how?: string;
  /** For a never goal: what happened once it was true ("a request failed"), said with the moment it first was. */
  broken?: string;
  /**
   * The goals this one is judged after: while any of them is not met, this one is not either (a goal that says
   * nothing went wrong is only news once something happened). A `never` goal is judged after every goal that is not a never goal.
   */
  once?: string[];
  /** Only events at or after the last event matching this count (for example: since the last cold start). */
  since?: Record<string, unknown>;
  /**
   * Predictions whose answer the goal's label or what it measured would give away: until each is answered or
   * decided, the checklist shows `labelBefore` and no count.
   */
  revealsAfter?: string[];
  /** The goal's label while a prediction of `revealsAfter` is neither answered nor decided. */
  labelBefore?: string;
}

export interface Diagnostic {
  id: string;
  message: string;
  /** Shown when every one of these holds (the evidence of the mistake it explains). */
  when: Expectation[];
  /** As a goal's: only events at or after the last event matching this count. */
  since?: Record<string, unknown>;
}

export interface Prediction {
  id: string;
  prompt: string;
  /** Once this holds the outcome is known; before, no choice is the answer. */
  decided: Expectation;
  choices: { label: string; when: Expectation }[];
}

export interface ActionLog {
  actions: LearnerAction[];
  predictions: Record<string, number>;
  /** A solution's: the numbered step of the lesson's text each action does (`step: N`), action by action. */
  steps?: number[];
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
  /** The lesson's time limit (ms): where the headless check of an action log judges it. */
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
  /** A cluster focus only: a load balancer framed beside the cluster (where the cluster's traffic comes in). */
  loadBalancer?: string;
}

export interface Demo {
  id: string;
  title: string;
  summary: string;
  scenario: Scenario;
  text: string;
  /** Moments where the presenter's clock stops for a "predict, then reveal" question. */
  pauses: DemoPause[];
  /** Words pinned to a node of the canvas, or to a moment, while the clock is in [at, until). */
  callouts?: Callout[];
  /** What the canvas frames when the demo opens. */
  focus?: Focus;
  /** Separate worlds side by side (`presenter.variants`): each its own scenario text and seed; none for one world. */
  variants: Variant[];
}

/** A "predict, then reveal" question of a demo. */
export interface DemoPause {
  /** When the question is asked: the clock stops here, before the outcome it asks about. */
  at: number;
  /** When the outcome is shown (after `at`): Reveal runs the clock on to it, then shows the reveal and judges the choices there. */
  revealAt?: number;
  prompt: string;
  reveal: string;
  /**
   * What the room may answer (2 to 5): each judged at the reveal (at `revealAt`, if given) by its predicate (in the goals' language) over
   * the world then, with the evaluation lessons use; `when` keeps the predicate as the file wrote it.
   */
  choices?: { label: string; predicate: Goal; when: unknown }[];
}

/** A callout: text shown from `at` until `until` (ms), beside a node of the canvas or, without one, for the moment. */
export interface Callout {
  at: number;
  until?: number;
  /** The node it is pinned to, as kind:name (instance:i-a1, service:web, cluster:prod, loadBalancer:lb, family:worker). */
  node?: string;
  text: string;
}

export interface LessonIndex {
  chapters: { title: string; lessons: string[] }[];
  demos: string[];
}

/** A learner action in the `calls` collection. */
/** `said`: the console's own messages in what a command printed, by key and values (the same in every language). */
export type LearnerCall = CallRecord & { response?: unknown; calls?: CallRecord[]; said?: Said[] };

export interface ChecklistItem {
  id: string;
  label: string;
  passed: boolean;
  /** What was measured and the goal's `how`, in English (the report's words). */
  detail: string;
  /** What was measured, as message keys and the engine's own texts, for the page to say in the learner's language. */
  measured?: Piece[];
  /**
   * The goal's `how` is not part of the detail: it can no longer be met in this run, it waits for another goal (whose
   * line says what to do), or what it measured is the learner's own doing going wrong (requests sent, and failing).
   */
  withoutHow?: true;
  /** The goal can no longer be met in this run (a never goal that was true, a `within` whose time ran out). */
  broken?: true;
  /** The goal would give away a prediction's answer: `label` is its `labelBefore`, and nothing measured is said. */
  veiled?: true;
}

export interface LessonReport {
  id: string;
  passed: boolean;
  checklist: ChecklistItem[];
  diagnostics: { id: string; message: string }[];
  /**
   * Each prediction: the learner's choice, and the answer (`correct`, `right`) only once the outcome is decided
   * and the learner answered or passed the lesson; null before. `decided`: the outcome is known at this moment,
   * so a prediction can no longer be made or changed.
   */
  predictions: { id: string; prompt: string; chosen: string | null; correct: string | null; right: boolean | null; decided: boolean }[];
  /** The moment judged (ms of simulated time) and the event hash of the run to it. */
  clock: number;
  eventHash: string;
}
