import { createStore, type StoreApi } from 'zustand/vanilla';
import { ScenarioError } from '../content/scenarioError';
import { parseScenario } from './parser';
import { Timeline, type LearnerAction, type NewAction, type Outcome } from '../content/timeline';
import { BUILT_IN_SCENARIOS, SCENARIO_FILE, type BuiltInScenario } from './defaults';
import type { DemoRef, Workspace } from './workspace';
import type { Demo, Focus, Lesson, LessonReport } from '../content/lesson';
import type { Progress } from './progress';
import type { Catalog, DemoDraft, Pane } from './types';
import type { Port } from './port';
import type { Problem } from '../formats/problem';
import { DEFAULT_LOCALE, type Locale, type Message } from '../i18n';
import { defaultPanes, type PaneId, type Panes, type Theme, type ThemeChoice } from './prefs';
import { keepInStep, variantWorlds, type VariantDoc, type VariantWorld } from './variants';

/** The lesson being taken: its definition, the last check's verdict, and what the learner asked for. */
export interface LessonState {
  id: string;
  def: Lesson;
  report: LessonReport | null;
  /** The world's version when the work was last checked: the report speaks for that world only. */
  checkedVersion: number | null;
  predictions: Record<string, number>;
  hints: number;
  showGoal: boolean;
  showSolution: boolean;
  /** Which opening of a lesson this is (each opening, a restart too, gets a new one): the pane starts at the top. */
  opened: number;
}

export interface DemoState {
  id: string;
  def: Demo;
  /**
   * The pause the clock is stopped at, if any: whether it was revealed, the choice the presenter marked as the
   * room's, and at the reveal whether each choice held in the world then.
   */
  pause: (Demo['pauses'][number] & { revealed: boolean; picked?: number; judged?: boolean[] }) | null;
  /** How many pauses are behind. */
  passed: number;
  /** The clusters it shows side by side, each in a labelled pane (none: one canvas). */
  panes: Pane[];
  /** The clock's speed per segment, and the start of the segment whose speed was last set. */
  speeds: { at: number; speed: number }[];
  speedFrom: number;
}

/** What the inspector shows: one thing on the canvas or in the tables (`world`: of that variant's world, when worlds are side by side). */
export type Selection =
  { kind: 'task' | 'instance' | 'service' | 'loadBalancer' | 'targetGroup' | 'cluster'; id: string; world?: number } | { kind: 'control'; id: 'api' | 'scheduler' | 'placement' | 'autoscaling' | 'discovery'; world?: number };

export interface Notice {
  id: number;
  text: string;
  tone: 'info' | 'warning' | 'error';
  /** A registered action the notice offers as a button (Damaged copies…, Download it): the page names it by the locale files' noticeAction.<id>, else by this English label. */
  action?: { label: string; id: string; arg?: unknown };
  /**
   * What the notice is about ("file:taskdef.json", "lesson:L1", "refused"): a newer notice of the
   * same cause replaces it, and it goes when its cause does (the file parses, the lesson changes).
   */
  cause?: string;
  /** How many times in a row the same thing was said. */
  count: number;
  /** The message the text says, for the page to say it in its language. */
  message?: Message;
  /** It waits for the learner (work could not be kept, a choice to make) instead of fading. */
  sticky?: boolean;
}

/** A question the page asks before doing something that cannot be undone; yes runs the action named. */
export interface Confirm {
  title: string;
  text: string;
  yes: string;
  no: string;
  /** The title and text as messages, for the page to say in its language (yes and no are confirm.yes and confirm.no). */
  said?: { title: Message; text: Message };
  /** The action yes runs (an action id of the registry) and its argument. */
  run: { id: string; arg?: unknown };
}

/** The engine and where the world came from: the document a share link and the saved workspace carry. */
export interface WorldSlice {
  /** The live engine and its history; null while the scenario cannot run. */
  timeline: Timeline | null;
  /**
   * Separate worlds side by side (a demo's variants), all on this clock: the first is `timeline`
   * itself, the others follow its time and learner actions. Empty for one world.
   */
  variants: VariantWorld[];
  /** Why the scenario cannot run (file:line:column: member: message), if it cannot. */
  problem: string | null;
  /** The problems `problem` lists, for the page to say in its language (none when it is not a parser's). */
  problems: Problem[];
  scenarioId: string | null;
  scenarioText: string;
  seed: string;
  /** The lesson whose start state this world is, while it is being taken (kept so a reload reopens it). */
  lessonId: string | null;
  /** The demo whose scenario this world is, while it is being given (kept so a reload reopens it and its variants). */
  demo: DemoRef | null;
  /** Bumped on every change to the world, so selectors know when to recompute. */
  version: number;
  /** The simulated time (ms), updated every frame the clock runs even when nothing happened. */
  now: number;
  playing: boolean;
  /** Simulated seconds per real second. */
  speed: number;
  /** Bumped when a new world is loaded (the canvas fits its view to it). */
  worldId: number;
}

/** The learner's files and what the parsers found in them. */
export interface EditorSlice {
  files: Record<string, string>;
  activeFile: string;
  /** What the editor marks in its files, as the parsers and the engine reported them. */
  problems: Problem[];
}

/** The lesson or demo being taken, the lessons on offer, and the learner's progress. */
export interface LessonSlice {
  current: LessonState | null;
  demo: DemoState | null;
  progress: Progress;
  /** The lessons and demos, once loaded (they load on demand). */
  catalog: Catalog | null;
}

/** The command line as the learner is typing it, with the lines entered before. */
export interface ConsoleDraft {
  draft: string;
  /** Completion candidates after Tab, when there are several. */
  hint: string;
  history: string[];
  /** Where Up and Down stand in the history (history.length: the new line). */
  at: number;
  /** Lines the console refused, shown after the transcript's first `after` outcomes, with why. */
  /** Lines the console refused, each with its reason: in English, and as a message the page translates. */
  echoes: { after: number; command: string; text: string; message?: Message }[];
  /** Bumped when something asks for the command line to take the focus (Run in console). */
  focus: number;
}

/** How this window shows things: never part of a share link or the saved workspace. */
export interface UiSlice {
  selected: Selection | null;
  view: 'canvas' | 'table';
  /** The tool shown below the canvas (the event log is one on a narrow window, beside the canvas otherwise). */
  panel: 'editor' | 'console' | 'charts' | 'events' | 'demo';
  inspectorTab: 'json' | 'history' | 'placement';
  /** Presenter view: large type, the canvas and the event log only. */
  presenting: boolean;
  /** The modal dialog open, if any. */
  dialog: 'palette' | 'keys' | 'lessons' | 'damaged' | 'confirm' | null;
  /** The question the confirm dialog asks. */
  confirm: Confirm | null;
  notices: Notice[];
  /** The last share link made, shown so it can be copied by hand. */
  shareUrl: string | null;
  console: ConsoleDraft;
  /** Whether this browser has been told once that Copilot is out of support. */
  copilotNoteSeen: boolean;
  /** The theme chosen, and the one the system prefers (what "system" follows). */
  theme: ThemeChoice;
  systemTheme: Theme;
  /** The panes' sizes the learner set (remembered in this browser), and which of them the learner resized. */
  panes: Panes;
  panesSized: PaneId[];
  /** Bumped when the canvas is asked to fit its view to what the lesson is about again. */
  fit: number;
  /** The page's language, and whether the learner chose it (else it follows the browser's). */
  language: Locale;
  languageChosen: boolean;
  /** Which pane's world the event log shows when worlds are side by side (its index among the variants). */
  eventsWorld: number;
}

/** An answer choice as the room sees it: whether it is the room's pick, and (only after the reveal) whether it was right. */
export interface ShownChoice {
  label: string;
  picked: boolean;
  right: boolean | null;
}

/** What the audience's window shows beside the world: the demo's title, the question while one is asked, the framing. */
export interface AudienceShow {
  title: string;
  /** The lesson presented (no demo), by id: the audience's window says its title in its own language. */
  lesson?: string;
  /** The question the clock waits at; what happens only once the presenter revealed it. */
  question: { prompt: string; reveal: string | null; choices?: ShownChoice[] } | null;
  /** The callouts of this moment: beside their node, or (no node) for the moment. */
  callouts?: { node?: string; text: string }[];
  focus: Focus | null;
  panes: Pane[];
}

/** Presenting from two windows: who is there, what the audience's window shows, and where the presenter points. */
export interface PresentSlice {
  /** In the presenter's window: whether an audience window follows it now. */
  audience: boolean;
  /** In the audience's window: whether the presenter's window is there ('waiting' until it first speaks). */
  presenter: 'waiting' | 'connected' | 'gone';
  /** In the audience's window: what the presenter's window last said to show. */
  show: AudienceShow | null;
  /** The node the presenter points at: lit on the audience's canvas, the rest dimmed. */
  spotlight: Selection | null;
  /** The demo the instructor is writing (the demo editor's fields and questions). */
  draft: DemoDraft;
  /** The draft's callout waiting for a click on the canvas to pin it to a node (its index), if any. */
  pinning: number | null;
}

export interface SandboxState {
  world: WorldSlice;
  editor: EditorSlice;
  lesson: LessonSlice;
  ui: UiSlice;
  present: PresentSlice;
}

/** A change to some slices: each named slice is merged with the fields given. */
export type Patch = { [K in keyof SandboxState]?: Partial<SandboxState[K]> };

let noticeId = 0;

/**
 * A snapshot of the 2,000-task world takes about 3 ms, of a world after a simulated day of 500 instances
 * tens: spend at most about 4 % of wall time on them, so a running clock does not stutter. Fewer
 * snapshots only make scrubbing back replay further.
 */
export function gateSnapshots(t: Timeline): void {
  let readyAt = 0;
  t.snapshotGate = () => performance.now() >= readyAt;
  t.onSnapshot = (took) => {
    readyAt = performance.now() + took * 25;
  };
}

/** Builds the world for a scenario text; a scenario that cannot run is reported, never thrown. */
export function buildTimeline(text: string, seed: string, actions: LearnerAction[] = [], time = 0): { timeline: Timeline | null; problem: string | null; problems: Problem[] } {
  try {
    const sc = parseScenario(text, SCENARIO_FILE);
    const t = new Timeline(sc, seed, actions);
    gateSnapshots(t);
    if (time > 0) t.advanceTo(time);
    return { timeline: t, problem: null, problems: [] };
  } catch (e) {
    if (e instanceof ScenarioError) return { timeline: null, problem: e.message, problems: e.problems };
    const message = `Unexpected error: ${e instanceof Error ? e.message : String(e)}`;
    return { timeline: null, problem: message, problems: [{ file: SCENARIO_FILE, line: 1, column: 1, member: '', message, severity: 'error' }] };
  }
}

/**
 * What the editor's scenario tab shows: the learner's draft, unless the scenario cannot run and the
 * draft is only an untouched built-in text, in which case the failing text is shown so it can be fixed.
 */
function scenarioDraft(w: Workspace, runs: boolean): string {
  const draft = w.files[SCENARIO_FILE];
  if (draft === undefined) return w.scenarioText;
  if (!runs && BUILT_IN_SCENARIOS.some((b) => b.text === draft)) return w.scenarioText;
  return draft;
}

export const EMPTY_PROGRESS: Progress = { version: 1, lessons: {} };

/** The saved world rebuilt: a demo's variants side by side (the first the main world), else the one world of its scenario. */
function savedWorlds(w: Workspace): { timeline: Timeline | null; problem: string | null; problems: Problem[]; variants: VariantWorld[] } {
  const first = w.variants?.[0];
  if (first) {
    const main = buildTimeline(first.text, first.seed, w.actions, w.time).timeline;
    const worlds = main && variantWorlds(w.variants!, main, (t, sd) => buildTimeline(t, sd, w.actions, w.time).timeline);
    if (main && worlds) return { timeline: main, problem: null, problems: [], variants: worlds };
  }
  const { timeline, problem, problems } = buildTimeline(w.scenarioText, w.seed, w.actions, w.time);
  return { timeline, problem, problems, variants: [] };
}

export function initialState(w: Workspace, notice?: string, progress: Progress = EMPTY_PROGRESS): SandboxState {
  const { timeline, problem, problems, variants } = savedWorlds(w);
  return {
    world: {
      timeline,
      variants,
      problem,
      problems,
      scenarioId: w.scenarioId,
      scenarioText: w.scenarioText,
      seed: w.seed,
      lessonId: w.lessonId ?? null,
      demo: timeline && w.demo ? w.demo : null,
      version: 0,
      now: timeline?.now ?? 0,
      playing: false,
      speed: 60,
      worldId: 0,
    },
    editor: { files: { ...w.files, [SCENARIO_FILE]: scenarioDraft(w, timeline !== null) }, activeFile: timeline ? w.activeFile : SCENARIO_FILE, problems: [] },
    lesson: { current: null, demo: null, progress, catalog: null },
    ui: {
      selected: null,
      view: 'canvas',
      panel: timeline ? 'console' : 'editor',
      inspectorTab: 'json',
      presenting: false,
      dialog: null,
      confirm: null,
      notices: notice ? [{ id: ++noticeId, text: notice, tone: 'warning', count: 1, sticky: true }] : [],
      shareUrl: null,
      console: { draft: '', hint: '', history: [], at: 0, echoes: [], focus: 0 },
      copilotNoteSeen: false,
      theme: 'system',
      systemTheme: 'light',
      panes: defaultPanes(),
      panesSized: [],
      fit: 0,
      language: DEFAULT_LOCALE,
      languageChosen: false,
      eventsWorld: 0,
    },
    present: { audience: false, presenter: 'waiting', show: null, spotlight: null, pinning: null, draft: { title: '', summary: '', notes: '', focus: '', stops: [], speeds: [], panes: [], callouts: [], variants: [] } },
  };
}

/** The page's store: the sandbox state and the port through which it reaches the browser. */
export type SandboxStore = StoreApi<SandboxState> & { readonly port: Port };

export function makeStore(state: SandboxState, port: Port): SandboxStore {
  return Object.assign(
    createStore<SandboxState>()(() => state),
    { port },
  );
}

/** Merges each named slice with the fields given; the one way the store's actions change state. */
export function patch(store: SandboxStore, p: Patch | ((s: SandboxState) => Patch)): void {
  store.setState((s) => {
    const q = typeof p === 'function' ? p(s) : p;
    // Nothing to change: the same state, so nobody is woken.
    if (Object.keys(q).length === 0) return s;
    const out: Partial<SandboxState> = {};
    for (const k of Object.keys(q) as (keyof SandboxState)[]) Object.assign(out, { [k]: { ...s[k], ...q[k] } });
    return out;
  });
}

/** The document of the workspace: the world and the editor's files, never how this window shows them. */
export function workspaceOf(world: WorldSlice, editor: EditorSlice): Workspace {
  const t = world.timeline;
  return {
    version: 3,
    scenarioId: world.scenarioId,
    scenarioText: world.scenarioText,
    seed: world.seed,
    actions: t ? t.actions.slice() : [],
    time: t ? t.now : 0,
    files: editor.files,
    activeFile: editor.activeFile,
    ...(world.lessonId ? { lessonId: world.lessonId } : {}),
    ...(world.demo ? { demo: world.demo } : {}),
    ...(world.variants.length ? { variants: world.variants.map(({ label, seed, text }) => ({ label, seed, text })) } : {}),
  };
}

/** The cause notices get while `withCause` runs (an editor action's notices are about its file). */
let scopeCause: string | undefined;

/** Runs `f` with every notice it gives tied to `cause` (unless a notice names its own). */
export function withCause<T>(cause: string, f: () => T): T {
  const before = scopeCause;
  scopeCause = cause;
  try {
    return f();
  } finally {
    scopeCause = before;
  }
}

/**
 * Tells the learner something. The same text again is said once (with a count), a newer notice of
 * the same cause replaces the older one, and at most five are kept, the newest last.
 */
export function notify(store: SandboxStore, said: string | Message, tone: Notice['tone'] = 'info', opts: { cause?: string; sticky?: boolean; action?: Notice['action'] } = {}): void {
  const cause = opts.cause ?? scopeCause;
  const text = typeof said === 'string' ? said : said.text;
  patch(store, (s) => {
    const same = s.ui.notices.find((n) => n.text === text && n.tone === tone);
    const kept = s.ui.notices.filter((n) => n !== same && (cause === undefined || n.cause !== cause));
    // A notice that offers a choice waits for it.
    const n: Notice = {
      id: ++noticeId,
      text,
      tone,
      count: (same?.count ?? 0) + 1,
      ...(cause !== undefined ? { cause } : {}),
      ...(typeof said === 'string' ? {} : { message: said }),
      ...(opts.sticky || opts.action ? { sticky: true } : {}),
      ...(opts.action ? { action: opts.action } : {}),
    };
    return { ui: { notices: [...kept.slice(-4), n] } };
  });
}

/** Takes back the notices whose cause is gone: those of exactly `cause`, or of every cause starting with `prefix*`. */
export function clearNotices(store: SandboxStore, cause: string): void {
  const match = cause.endsWith('*') ? (c: string) => c.startsWith(cause.slice(0, -1)) : (c: string) => c === cause;
  patch(store, (s) => (s.ui.notices.some((n) => n.cause !== undefined && match(n.cause)) ? { ui: { notices: s.ui.notices.filter((n) => n.cause === undefined || !match(n.cause)) } } : {}));
}

export function touched(store: SandboxStore): void {
  const { timeline, variants } = store.getState().world;
  keepInStep(timeline, variants);
  patch(store, (s) => ({ world: { version: s.world.version + 1, now: s.world.timeline?.now ?? 0 } }));
}

export function showPanel(store: SandboxStore, panel: UiSlice['panel']): void {
  patch(store, { ui: { panel } });
}

/** Takes up a lesson (or leaves it, with null): the lesson slice and the world's record of it move together. */
export function setLesson(store: SandboxStore, current: LessonState | null, more: Patch = {}): void {
  // What was said about the lesson left behind is no longer true of the one taken now.
  clearNotices(store, 'lesson:*');
  patch(store, { ...more, lesson: { ...more.lesson, current }, world: { ...more.world, lessonId: current?.id ?? null } });
}

/**
 * Replaces the world: a scenario (built-in or the learner's text) with a seed, from time 0. With
 * `variants` (a demo's), each is a world of its own on the one clock, the first the main world.
 */
export function loadScenario(store: SandboxStore, text: string, seed: string, scenarioId: string | null, actions: LearnerAction[] = [], time = 0, variants: readonly VariantDoc[] = []): boolean {
  const first = variants[0];
  const { timeline, problem, problems } = buildTimeline(first?.text ?? text, first?.seed ?? seed, actions, time);
  const worlds = timeline && variants.length ? variantWorlds(variants, timeline, (t, sd) => buildTimeline(t, sd, actions, time).timeline) : [];
  if (!timeline || !worlds) {
    patch(store, { world: { problem: problem ?? 'A variant of the demo cannot run.', problems: problem ? problems : [], playing: false }, editor: { problems } });
    return false;
  }
  patch(store, (s) => ({
    world: { timeline, variants: worlds, problem: null, problems: [], scenarioText: text, seed, scenarioId, demo: null, playing: false, version: s.world.version + 1, now: timeline.now, worldId: s.world.worldId + 1 },
    editor: { problems: s.editor.problems.filter((p) => p.file !== SCENARIO_FILE), files: { ...s.editor.files, [SCENARIO_FILE]: text } },
    ui: { selected: null, eventsWorld: 0, console: { ...s.ui.console, echoes: [] } },
  }));
  return true;
}

export function builtInScenario(id: string): BuiltInScenario | undefined {
  return BUILT_IN_SCENARIOS.find((s) => s.id === id);
}

/** Does a learner action now and records what it printed; pauses nothing, never throws. */
export function act(store: SandboxStore, action: NewAction): Outcome | undefined {
  const t = store.getState().world.timeline;
  if (!t) return undefined;
  const o = t.act(action);
  touched(store);
  return o;
}
