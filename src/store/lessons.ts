import { checkLesson, parseDemo, parseIndex, parseLesson, LessonError, type Demo, type Lesson, type LessonIndex, type LessonReport } from '../content/lesson';
import { loadScenario, notify, touched, type SandboxStore } from './store';
import type { LearnerAction } from '../content/timeline';

/** The lessons/ folder, bundled as text and loaded when first needed (not part of the first load). */
const LOADERS = import.meta.glob('../../lessons/**/*', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>;

let files: Promise<Record<string, string>> | undefined;

/** Every lesson file, keyed by its path inside lessons/. */
export function lessonFiles(): Promise<Record<string, string>> {
  files ??= Promise.all(Object.entries(LOADERS).map(async ([path, load]) => [path.replace(/^.*\/lessons\//, ''), await load()] as const)).then((e) => Object.fromEntries(e));
  return files;
}

export interface Catalog {
  index: LessonIndex;
  lessons: Record<string, Lesson>;
  demos: Record<string, Demo>;
  /** Lessons or demos that failed to load: reported, skipped, never a blank page. */
  problems: string[];
}

let catalog: Promise<Catalog> | undefined;

export function loadCatalog(): Promise<Catalog> {
  catalog ??= lessonFiles().then((f) => {
    const problems: string[] = [];
    let index: LessonIndex = { chapters: [], demos: [] };
    try {
      index = parseIndex(f);
    } catch (e) {
      problems.push((e as Error).message);
    }
    const lessons: Record<string, Lesson> = {};
    for (const id of index.chapters.flatMap((c) => c.lessons)) {
      try {
        lessons[id] = parseLesson(f, id);
      } catch (e) {
        problems.push(e instanceof LessonError ? e.message : `${id}: ${String(e)}`);
      }
    }
    const demos: Record<string, Demo> = {};
    for (const id of index.demos) {
      try {
        demos[id] = parseDemo(f, id);
      } catch (e) {
        problems.push(e instanceof LessonError ? e.message : `${id}: ${String(e)}`);
      }
    }
    return { index, lessons, demos, problems };
  });
  return catalog;
}

// ---- progress ----

export const PROGRESS_KEY = 'ecs-sandbox.progress';

export interface Progress {
  version: 1;
  lessons: Record<string, { passed: boolean; checkedAt: number; predictionsRight?: number }>;
}

export function loadProgress(): { progress: Progress; notice?: string } {
  const empty: Progress = { version: 1, lessons: {} };
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(PROGRESS_KEY);
  } catch {
    return { progress: empty };
  }
  if (raw === null) return { progress: empty };
  const r = parseProgress(raw);
  return r.progress ? { progress: r.progress } : { progress: empty, notice: `Your lesson progress could not be read (${r.problem}); it starts afresh.` };
}

export function parseProgress(raw: string): { progress?: Progress; problem?: string } {
  let d: unknown;
  try {
    d = JSON.parse(raw);
  } catch {
    return { problem: 'it is not JSON' };
  }
  const p = d as Progress;
  if (!p || p.version !== 1 || typeof p.lessons !== 'object' || p.lessons === null) return { problem: 'it is not a progress file (version 1)' };
  for (const [id, v] of Object.entries(p.lessons)) {
    if (!v || typeof v.passed !== 'boolean' || typeof v.checkedAt !== 'number') return { problem: `lessons.${id}: expected passed and checkedAt` };
  }
  return { progress: p };
}

export function saveProgress(p: Progress): void {
  try {
    localStorage.setItem(PROGRESS_KEY, JSON.stringify(p));
  } catch {
    // Progress stays in memory; export keeps it.
  }
}

// ---- the learner's path ----

/** Opens a lesson at its start state (optionally replaying the first `step` actions of its solution). */
export function openLesson(store: SandboxStore, lesson: Lesson, opts: { step?: number; time?: number; actions?: LearnerAction[] } = {}): void {
  const actions = opts.actions ?? (opts.step ? lesson.solution.actions.slice(0, opts.step) : []);
  const lastAt = actions.length ? actions[actions.length - 1]!.at : 0;
  const time = opts.time ?? lastAt;
  store.setState((s) => ({ files: { ...s.files, ...lesson.files }, activeFile: Object.keys(lesson.files)[0] ?? s.activeFile }));
  if (!loadScenario(store, lesson.startText, lesson.start.seed, null, actions, time)) return;
  store.setState({ lesson: { id: lesson.id, def: lesson, report: null, predictions: {}, hints: 0, showGoal: false, showSolution: false }, demo: null, panel: Object.keys(lesson.files).length ? 'editor' : 'console' });
  touched(store);
}

/** Replays the lesson's start with the learner's actions and records the verdict. */
export function checkWork(store: SandboxStore): LessonReport | undefined {
  const s = store.getState();
  if (!s.lesson || !s.timeline) return undefined;
  const report = checkLesson(s.lesson.def, { actions: s.timeline.actions.slice(), predictions: s.lesson.predictions });
  const progress: Progress = { ...s.progress, lessons: { ...s.progress.lessons } };
  const before = progress.lessons[s.lesson.id];
  progress.lessons[s.lesson.id] = {
    passed: report.passed || (before?.passed ?? false), checkedAt: s.timeline.now,
    predictionsRight: report.predictions.filter((p) => p.right).length,
  };
  saveProgress(progress);
  store.setState({ lesson: { ...s.lesson, report }, progress });
  notify(store, report.passed ? `${s.lesson.id} passed: a replay of your actions from the start reached every goal.` : `${s.lesson.id} not yet: ${report.checklist.filter((c) => !c.passed).length} goal(s) not reached when your actions were replayed from the start.`, report.passed ? 'info' : 'warning');
  return report;
}

/** Opens a demo: its scenario, with the presenter's pauses. */
export function openDemo(store: SandboxStore, demo: Demo, text: string, opts: { time?: number; present?: boolean } = {}): void {
  if (!loadScenario(store, text, demo.scenario.seed, null, [], opts.time ?? 0)) return;
  store.setState({ demo: { id: demo.id, def: demo, pause: null, passed: demo.pauses.filter((p) => p.at < (opts.time ?? 0)).length }, lesson: null, presenting: opts.present ?? false });
}

/** In a demo, stops the clock at the next "predict, then reveal" pause. */
export function demoPauseDue(store: SandboxStore): void {
  const s = store.getState();
  if (!s.demo || !s.timeline || s.demo.pause) return;
  const next = s.demo.def.pauses[s.demo.passed];
  if (next && s.timeline.now >= next.at) store.setState({ playing: false, demo: { ...s.demo, pause: { ...next, revealed: false } } });
}
