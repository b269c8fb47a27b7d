import {
  checkLesson,
  judgeChoices,
  localizeDemo,
  localizeIndex,
  localizeLesson,
  stopTracking,
  trackerFor,
  parseDemo,
  parseIndex,
  parseLesson,
  LessonError,
  type Demo,
  type Files,
  type Lesson,
  type LessonIndex,
  type LessonReport,
} from '../content/lesson';
import { loadScenario, notify, patch, setLesson, touched, type DemoState, type LessonState, type SandboxStore } from './store';
import type { DemoRef } from './workspace';
import type { LearnerAction } from '../content/timeline';
import type { Catalog } from './types';
import { formatClock } from '../sim';
import { DEFAULT_FILES } from './defaults';
import { saveProgress, type Progress } from './progress';
import type { Problem } from '../formats/problem';
import { demoPanes, demoSpeeds } from './selectors/panes';
import { draftOf } from './demoFile';
import { countCheck } from './lessonTime';
import { message } from '../i18n';
import { installTracker } from './tracking';
import { loadParser } from './parser';
import { loadConsole } from '../content/console/onDemand';

installTracker(trackerFor);
// Lessons and demos are scenarios of their own, whose solutions type commands: what this module opens
// goes through the parser and replays through the console.
await Promise.all([loadParser(), loadConsole()]);

/** The texts lessons have put in the editor, so that switching lessons does not count them as the learner's. */
const lessonTexts: Record<string, string> = {};

/** The lessons/ folder, bundled as text and loaded when first needed (not part of the first load). */
const LOADERS = import.meta.glob('../../lessons/**/*', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>;

let files: Promise<Record<string, string>> | undefined;
let loadedFiles: Record<string, string> | undefined;

/** A lesson text in a language other than English (text/<locale>.md or .yaml): loaded only for that language. */
const LOCALE_TEXT = /(^|\/)text\/(?!en\.)[\w-]+\.(md|yaml)$/;
const pathIn = (path: string) => path.replace(/^.*\/lessons\//, '');

async function loadAll(paths: [string, () => Promise<string>][]): Promise<Record<string, string>> {
  return Object.fromEntries(await Promise.all(paths.map(async ([path, load]) => [pathIn(path), await load()] as const)));
}

/** Every lesson file in English, keyed by its path inside lessons/ (other languages' texts join with localeTexts). */
export function lessonFiles(): Promise<Record<string, string>> {
  files ??= loadAll(Object.entries(LOADERS).filter(([p]) => !LOCALE_TEXT.test(pathIn(p)))).then((f) => (loadedFiles = { ...f, ...loadedFiles }));
  return files;
}

export { stopTracking };

const texts = new Map<string, Promise<void>>();
const textsReady = new Set<string>();
const textListeners = new Set<() => void>();

/** Loads the lessons' and demos' texts in a locale (once), beside the English files. */
export function localeTexts(locale: string): Promise<void> {
  if (locale === 'en') return Promise.resolve();
  let p = texts.get(locale);
  if (!p) {
    const mine = Object.entries(LOADERS).filter(([path]) => new RegExp(`(^|/)text/${locale}\\.(md|yaml)$`).test(pathIn(path)));
    p = Promise.all([lessonFiles(), loadAll(mine)]).then(([, f]) => {
      loadedFiles = { ...loadedFiles, ...f };
      textsReady.add(locale);
      for (const l of textListeners) l();
    });
    texts.set(locale, p);
  }
  return p;
}

/** Whether the lessons' texts in a locale are loaded, and a way to hear when they are (for the page's hooks). */
export const lessonTextsReady = (locale: string): boolean => locale === 'en' || textsReady.has(locale);
export function onLessonTexts(f: () => void): () => void {
  textListeners.add(f);
  return () => textListeners.delete(f);
}

const inLocale = new WeakMap<object, Map<string, unknown>>();

/** A lesson, demo or index of the catalog with its texts in a locale (English until they are loaded), made once. */
function localized<T extends object>(def: T, locale: string, make: (def: T, files: Files, locale: string) => T): T {
  if (!loadedFiles || !lessonTextsReady(locale) || locale === 'en') return def;
  let m = inLocale.get(def);
  if (!m) inLocale.set(def, (m = new Map()));
  if (!m.has(locale)) m.set(locale, make(def, loadedFiles, locale));
  return m.get(locale) as T;
}

export const lessonIn = (def: Lesson, locale: string): Lesson => localized(def, locale, localizeLesson);
export const demoIn = (def: Demo, locale: string): Demo => localized(def, locale, localizeDemo);
export const indexIn = (index: LessonIndex, locale: string): LessonIndex => localized(index, locale, localizeIndex);

export type { Catalog } from './types';

let catalog: Promise<Catalog> | undefined;

export function loadCatalog(): Promise<Catalog> {
  catalog ??= lessonFiles().then((f) => {
    const problems: string[] = [];
    const found: (string | Problem[])[] = [];
    const failed = (e: unknown, id?: string) => {
      const text = e instanceof LessonError ? e.message : id === undefined ? (e as Error).message : `${id}: ${String(e)}`;
      problems.push(text);
      found.push(e instanceof LessonError ? e.problems : text);
    };
    let index: LessonIndex = { chapters: [], demos: [] };
    try {
      index = parseIndex(f);
    } catch (e) {
      failed(e);
    }
    const lessons: Record<string, Lesson> = {};
    for (const id of index.chapters.flatMap((c) => c.lessons)) {
      try {
        lessons[id] = parseLesson(f, id);
      } catch (e) {
        failed(e, id);
      }
    }
    const demos: Record<string, Demo> = {};
    for (const id of index.demos) {
      try {
        demos[id] = parseDemo(f, id);
      } catch (e) {
        failed(e, id);
      }
    }
    return { index, lessons, demos, problems, found };
  });
  return catalog;
}

/** The catalog in the store (loaded once, on demand), for the lesson list, the picker and the palette. */
export async function catalogIn(store: SandboxStore): Promise<Catalog> {
  const c = store.getState().lesson.catalog ?? (await loadCatalog());
  if (store.getState().lesson.catalog !== c) patch(store, { lesson: { catalog: c } });
  return c;
}

// ---- the learner's path ----

/** A lesson as it is when taken up: nothing checked, asked for or predicted yet. */
let openings = 0;

export function lessonState(lesson: Lesson): LessonState {
  return { id: lesson.id, def: lesson, report: null, checkedVersion: null, predictions: {}, hints: 0, showGoal: false, showSolution: false, opened: ++openings };
}

/**
 * The lesson at the start of its numbered step `step` (1 is its start state): the solution's actions that do
 * steps 1 to step − 1, at the moment the solution began the step (its first action of that step; for a step
 * with none, one of watching or reading, the moment the steps before it ended).
 */
export function atStep(lesson: Lesson, step: number): { actions: LearnerAction[]; time: number } {
  const { actions: all, steps = [] } = lesson.solution;
  const actions = all.filter((_, i) => (steps[i] ?? Infinity) < step);
  const first = all.find((_, i) => steps[i] === step);
  return { actions, time: first?.at ?? actions.at(-1)?.at ?? 0 };
}

/** Opens a lesson at its start state, or at the start of its numbered step `step` (steps 1 to step − 1 done, by its solution). */
export function openLesson(store: SandboxStore, lesson: Lesson, opts: { step?: number; time?: number; actions?: LearnerAction[] } = {}): void {
  const from = opts.step && opts.step > 1 ? atStep(lesson, opts.step) : undefined;
  const actions = opts.actions ?? from?.actions ?? [];
  const lastAt = actions.length ? actions[actions.length - 1]!.at : 0;
  const time = opts.time ?? from?.time ?? lastAt;
  // The lesson's files take their names in the editor; text the learner wrote there is kept aside, never lost.
  const kept: string[] = [];
  patch(store, (s) => {
    const files = { ...s.editor.files };
    for (const [name, text] of Object.entries(lesson.files)) {
      const mine = files[name];
      if (mine !== undefined && mine !== text && mine !== DEFAULT_FILES[name] && !Object.values(lessonTexts).includes(mine)) {
        files[`mine/${name}`] = mine;
        kept.push(name);
      }
      files[name] = text;
      lessonTexts[`${lesson.id}/${name}`] = text;
    }
    return { editor: { files, activeFile: Object.keys(lesson.files)[0] ?? s.editor.activeFile } };
  });
  if (kept.length) notify(store, message('notice.keptFiles', { count: kept.length, files: kept.join(', '), as: kept.map((k) => `mine/${k}`).join(', ') }));
  if (!loadScenario(store, lesson.startText, lesson.start.seed, null, actions, time)) return;
  // The live checklist watches the new world from here on.
  trackerFor(store.getState().world.timeline!, lesson);
  setLesson(store, lessonState(lesson), { lesson: { demo: null }, ui: { panel: Object.keys(lesson.files).length ? 'editor' : 'console' } });
  touched(store);
}

/**
 * Replays the lesson's start with the learner's actions to the learner's moment (never further: what has not
 * happened yet is not met) and records the verdict, which the live checklist agrees with.
 */
export function checkWork(store: SandboxStore): LessonReport | undefined {
  const { world, lesson } = store.getState();
  const current = lesson.current;
  const t = world.timeline;
  if (!current || !t) return undefined;
  const report = checkLesson(current.def, { actions: t.actions.slice(), predictions: current.predictions }, { seed: t.seed, to: t.now });
  const progress: Progress = { ...lesson.progress, lessons: { ...lesson.progress.lessons } };
  const before = progress.lessons[current.id];
  progress.lessons[current.id] = {
    ...before,
    passed: report.passed || (before?.passed ?? false),
    checkedAt: t.now,
    predictionsRight: report.predictions.filter((p) => p.right).length,
    predictionsAsked: report.predictions.length,
    rightPredictions: report.predictions.filter((p) => p.right).map((p) => p.id),
    askedPredictions: report.predictions.map((p) => p.id),
    // Every trap a check of this lesson detected, kept across checks (the class page shows them).
    traps: [...new Set([...(before?.traps ?? []), ...report.diagnostics.map((d) => d.id)])],
  };
  saveProgress(store.port.storage, progress);
  patch(store, { lesson: { current: { ...current, report, checkedVersion: world.version }, progress } });
  countCheck(store, current.id, report.passed && !before?.passed);
  const at = formatClock(report.clock);
  const missing = report.checklist.filter((c) => !c.passed).length;
  notify(store, report.passed ? message('notice.passed', { id: current.id, at }) : message('notice.notYet', { id: current.id, count: missing, at }), report.passed ? 'info' : 'warning', { cause: `lesson:${current.id}` });
  return report;
}

/** Whether each choice of the question the demo's clock waits at holds in the world now. */
export function judgePause(store: SandboxStore): boolean[] {
  const {
    world,
    lesson: { demo },
  } = store.getState();
  const pause = demo?.pause && demo.def.pauses.find((p) => p.at === demo.pause!.at);
  return world.timeline && demo && pause ? judgeChoices(world.timeline, demo.def, pause) : [];
}

/** The demo's state at `time`: the pauses behind, its panes (a pane per variant, else its clusters), its speeds. */
function demoStateAt(demo: Demo, text: string, time: number): { demoState: DemoState; speed?: number } {
  const speeds = demoSpeeds(text);
  const segment = speeds.filter((x) => x.at <= time).at(-1);
  const panes = demo.variants.length ? demo.variants.map((v, variant) => ({ label: v.label, variant })) : demoPanes(text);
  const demoState = { id: demo.id, def: demo, pause: null, passed: demo.pauses.filter((p) => p.at < time).length, panes, speeds, speedFrom: segment?.at ?? -1 };
  return { demoState, ...(segment ? { speed: segment.speed } : {}) };
}

/** Takes the demo up in the world already loaded for it: its pauses and panes, and the draft the demo editor changes. */
function takeDemo(store: SandboxStore, demo: Demo, text: string, ref: DemoRef, present: boolean): void {
  const { demoState, speed } = demoStateAt(demo, text, store.getState().world.now);
  // The demo opens in the demo editor too, as the draft to change and save again.
  setLesson(store, null, { lesson: { demo: demoState }, ui: { presenting: present }, present: { draft: draftOf(demoState) }, world: { demo: ref, ...(speed !== undefined ? { speed } : {}) } });
}

/** The worlds a demo runs in: each variant's label, seed and text. */
const variantDocs = (demo: Demo) => demo.variants.map(({ label, seed, text: own }) => ({ label, seed, text: own }));

/**
 * Opens a demo: its scenario (or its variants, side by side), with the presenter's pauses. `ref` is what a
 * reload reopens it by (a shipped demo's id; by default the file's own text); `actions` are the presenter's own.
 */
export function openDemo(store: SandboxStore, demo: Demo, text: string, opts: { time?: number; present?: boolean; ref?: DemoRef; actions?: LearnerAction[] } = {}): void {
  // Variants are worlds of their own, each in its pane; otherwise the panes (if any) are clusters of the one world.
  if (!loadScenario(store, text, demo.scenario.seed, null, opts.actions ?? [], opts.time ?? 0, variantDocs(demo))) return;
  takeDemo(store, demo, text, opts.ref ?? { name: `${demo.id}.yaml`, text }, opts.present ?? false);
}

/**
 * A reload in the middle of a demo: the saved worlds were rebuilt with the page, so the demo is taken up in them
 * (the same events in each pane); when they are not the demo's worlds (the demo changed since), it opens again
 * at the saved moment with the saved actions.
 */
export function resumeDemo(store: SandboxStore, demo: Demo, text: string, ref: DemoRef): void {
  const { world } = store.getState();
  const docs = variantDocs(demo);
  const same =
    world.timeline &&
    world.scenarioText === text &&
    (docs.length ? JSON.stringify(world.variants.map(({ label, seed, text: t }) => ({ label, seed, text: t }))) === JSON.stringify(docs) : world.variants.length === 0 && world.seed === demo.scenario.seed);
  if (same) takeDemo(store, demo, text, ref, false);
  else openDemo(store, demo, text, { time: world.now, ref, actions: world.timeline?.actions.slice() ?? [] });
}

/** Opens a demo of the catalog by its id, with its scenario file as the world. */
export async function openDemoById(store: SandboxStore, id: string, opts: { time?: number; present?: boolean } = {}): Promise<boolean> {
  const d = (await catalogIn(store)).demos[id];
  if (!d) return false;
  openDemo(store, d, (await lessonFiles())[`demos/${d.id}.yaml`]!, { ...opts, ref: { id } });
  return true;
}
