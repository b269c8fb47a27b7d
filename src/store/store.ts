import { createStore } from 'zustand/vanilla';
import { parseScenario, ScenarioError } from '../content/scenario';
import { Timeline, type LearnerAction, type NewAction, type Outcome } from '../content/timeline';
import { defaultWorkspace, BUILT_IN_SCENARIOS, SCENARIO_FILE } from './defaults';
import { loadWorkspace, saveWorkspace, type Workspace } from './workspace';
import type { Demo, Lesson, LessonReport } from '../content/lesson';
import type { Progress } from './progress';

/** The lesson being taken: its definition, the last check's verdict, and what the learner asked for. */
export interface LessonState {
  id: string;
  def: Lesson;
  report: LessonReport | null;
  predictions: Record<string, number>;
  hints: number;
  showGoal: boolean;
  showSolution: boolean;
}

export interface DemoState {
  id: string;
  def: Demo;
  /** The pause the clock is stopped at, if any. */
  pause: (Demo['pauses'][number] & { revealed: boolean }) | null;
  /** How many pauses are behind. */
  passed: number;
}

/** What the inspector shows: one thing on the canvas or in the tables. */
export type Selection =
  | { kind: 'task' | 'instance' | 'service' | 'loadBalancer' | 'targetGroup' | 'cluster'; id: string }
  | { kind: 'control'; id: 'api' | 'scheduler' | 'placement' | 'autoscaling' | 'discovery' };

export interface Notice {
  id: number;
  text: string;
  tone: 'info' | 'warning' | 'error';
}

/** Problems the editor shows as markers: file, 1-based line and column, and the message. */
export interface EditorProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface SandboxState {
  /** The one live engine and its history; null while the scenario cannot run. */
  timeline: Timeline | null;
  /** Why the scenario cannot run (file:line:column: member: message), if it cannot. */
  scenarioProblem: string | null;
  scenarioId: string | null;
  scenarioText: string;
  seed: string;
  files: Record<string, string>;
  activeFile: string;
  /** Bumped on every change to the world, so selectors know when to recompute. */
  version: number;
  /** The simulated time (ms), updated every frame the clock runs even when nothing happened. */
  now: number;
  playing: boolean;
  /** Simulated seconds per real second. */
  speed: number;
  selected: Selection | null;
  notices: Notice[];
  problems: EditorProblem[];
  view: 'canvas' | 'table';
  panel: 'editor' | 'console' | 'charts';
  inspectorTab: 'json' | 'history' | 'placement';
  lesson: LessonState | null;
  demo: DemoState | null;
  /** Presenter view: large type, the canvas and the event log only. */
  presenting: boolean;
  progress: Progress;
  /** Bumped when a new world is loaded (the canvas fits its view to it). */
  worldId: number;
  /** The last share link made, shown so it can be copied by hand. */
  shareUrl: string | null;
}

export const SPEEDS = [1, 10, 60, 600, 3600];

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

let noticeId = 0;

/**
 * Snapshots of a large world take tens of milliseconds: spend at most about 4 % of wall time on them,
 * so a running clock does not stutter. Fewer snapshots only make scrubbing back replay further.
 */
export function gateSnapshots(t: Timeline): void {
  let readyAt = 0;
  t.snapshotGate = () => performance.now() >= readyAt;
  t.onSnapshot = (took) => {
    readyAt = performance.now() + took * 25;
  };
}

/** Builds the world for a scenario text; a scenario that cannot run is reported, never thrown. */
export function buildTimeline(text: string, seed: string, actions: LearnerAction[] = [], time = 0): { timeline: Timeline | null; problem: string | null } {
  try {
    const sc = parseScenario(text, SCENARIO_FILE);
    const t = new Timeline(sc, seed, actions);
    gateSnapshots(t);
    if (time > 0) t.advanceTo(time);
    return { timeline: t, problem: null };
  } catch (e) {
    return { timeline: null, problem: e instanceof ScenarioError ? e.message : `Unexpected error: ${e instanceof Error ? e.message : String(e)}` };
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

export function initialState(w: Workspace, notice?: string): SandboxState {
  const { timeline, problem } = buildTimeline(w.scenarioText, w.seed, w.actions, w.time);
  return {
    timeline, scenarioProblem: problem, scenarioId: w.scenarioId, scenarioText: w.scenarioText, seed: w.seed,
    files: { ...w.files, [SCENARIO_FILE]: scenarioDraft(w, timeline !== null) }, activeFile: timeline ? w.activeFile : SCENARIO_FILE,
    version: 0, now: timeline?.now ?? 0, playing: false, speed: 60, selected: null,
    notices: notice ? [{ id: ++noticeId, text: notice, tone: 'warning' }] : [],
    problems: [], view: 'canvas', panel: timeline ? 'console' : 'editor', inspectorTab: 'json', shareUrl: null, worldId: 0, lesson: null, demo: null, presenting: false, progress: { version: 1, lessons: {} },
  };
}

export type SandboxStore = ReturnType<typeof makeStore>;

export function makeStore(state: SandboxState) {
  return createStore<SandboxState>()(() => state);
}

/** The page's store: the workspace kept in this browser, or a fresh one. */
export function bootStore(): SandboxStore {
  const { workspace, notice } = loadWorkspace(storage(), defaultWorkspace());
  return makeStore(initialState(workspace, notice));
}

export function workspaceOf(s: SandboxState): Workspace {
  return {
    version: 2, scenarioId: s.scenarioId, scenarioText: s.scenarioText, seed: s.seed,
    actions: s.timeline ? s.timeline.actions.slice() : [], time: s.timeline ? s.timeline.now : 0,
    files: s.files, activeFile: s.activeFile, ...(s.lesson ? { lessonId: s.lesson.id } : {}),
  };
}

/** Saves the workspace whenever it changes (at most twice a second). */
export function persist(store: SandboxStore): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = '';
  const save = () => {
    timer = undefined;
    const w = workspaceOf(store.getState());
    const key = JSON.stringify(w);
    if (key === last) return;
    last = key;
    const problem = saveWorkspace(storage(), w);
    if (problem) notify(store, problem, 'warning');
  };
  const unsub = store.subscribe(() => {
    if (timer === undefined) timer = setTimeout(save, 500);
  });
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    save();
  };
  if (typeof window !== 'undefined') window.addEventListener('pagehide', flush);
  return () => {
    unsub();
    if (typeof window !== 'undefined') window.removeEventListener('pagehide', flush);
  };
}

export function notify(store: SandboxStore, text: string, tone: Notice['tone'] = 'info'): void {
  store.setState((s) => ({ notices: [...s.notices.slice(-4), { id: ++noticeId, text, tone }] }));
}

export function touched(store: SandboxStore): void {
  store.setState((s) => ({ version: s.version + 1, now: s.timeline?.now ?? 0 }));
}

/** Replaces the world: a scenario (built-in or the learner's text) with a seed, from time 0. */
export function loadScenario(store: SandboxStore, text: string, seed: string, scenarioId: string | null, actions: LearnerAction[] = [], time = 0): boolean {
  const { timeline, problem } = buildTimeline(text, seed, actions, time);
  if (!timeline) {
    store.setState({ scenarioProblem: problem, playing: false, problems: problemsOf(problem!) });
    return false;
  }
  store.setState((s) => ({
    timeline, scenarioProblem: null, scenarioText: text, seed, scenarioId, playing: false, selected: null, problems: s.problems.filter((p) => p.file !== SCENARIO_FILE),
    version: s.version + 1, now: timeline.now, worldId: s.worldId + 1, files: { ...s.files, [SCENARIO_FILE]: text },
  }));
  return true;
}

/** Reads "file:line:column: member: message" lines (the runner's and parsers' format) as editor problems. */
export function problemsOf(text: string): EditorProblem[] {
  const out: EditorProblem[] = [];
  for (const line of text.split('\n')) {
    const m = /^(.+?):(\d+):(\d+): (.*)$/.exec(line);
    if (m) out.push({ file: m[1]!, line: Number(m[2]), column: Number(m[3]), message: m[4]! });
  }
  return out;
}

export function builtInScenario(id: string): { id: string; title: string; text: string } | undefined {
  return BUILT_IN_SCENARIOS.find((s) => s.id === id);
}

/** Does a learner action now and records what it printed; pauses nothing, never throws. */
export function act(store: SandboxStore, action: NewAction): Outcome | undefined {
  const t = store.getState().timeline;
  if (!t) return undefined;
  const o = t.act(action);
  touched(store);
  return o;
}
