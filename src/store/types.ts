import type { Demo, Lesson, LessonIndex } from '../content/lesson';
import type { VariantSpec } from '../content/variants';
import type { Problem } from '../formats/problem';

// The shapes several store modules share (the store's state names them, the modules that make them
// re-export them), kept apart so the state's types import no module that imports the store.

/**
 * One pane of worlds side by side, under a label saying what is different about it: a cluster of the
 * one world (`presenter.panes`), or a variant, a world of its own (`presenter.variants`, by index).
 */
export interface Pane {
  label: string;
  cluster?: string;
  variant?: number;
}

/** A "predict, then reveal" stop the instructor placed, with the room's choices (each a label and a predicate as the file writes it). */
export interface DemoStop {
  at: number;
  /** When the outcome is revealed (after `at`): Reveal runs the clock on to it. */
  revealAt?: number;
  prompt: string;
  reveal: string;
  choices?: { label: string; when: unknown }[];
}

/** A callout the instructor placed: from `at` (to `until`), beside a node (kind:name) or for the moment. */
export interface DraftCallout {
  at: number;
  until?: number;
  node?: string;
  text: string;
}

/** The demo being written: what the presenter block will say. */
export interface DemoDraft {
  title: string;
  summary: string;
  notes: string;
  /** What the canvas frames, as kind:name ("cluster:prod", "service:web", "cluster:" for every cluster), or '' for the whole world. */
  focus: string;
  stops: DemoStop[];
  /** The clock's speed per segment: from each `at` (ms) on. */
  speeds: { at: number; speed: number }[];
  /** Clusters side by side (kept from the demo opened; the editor does not change them). */
  panes: Pane[];
  callouts: DraftCallout[];
  /** Separate worlds side by side, as the demo opened wrote them (kept; the editor does not change them). */
  variants: VariantSpec[];
}

/** The lessons and demos as loaded, with what failed to load. */
export interface Catalog {
  index: LessonIndex;
  lessons: Record<string, Lesson>;
  demos: Record<string, Demo>;
  /** Lessons or demos that failed to load: reported, skipped, never a blank page. */
  problems: string[];
  /** The same, each as the parser's problems where it has them, for the page to say in its language. */
  found: (string | Problem[])[];
}
