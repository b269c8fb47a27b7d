import { patch, type SandboxStore } from './store';
import { MAX_ACTIVE_MS, saveProgress, type LessonProgress, type Progress } from './progress';

/**
 * The learner's own time on a lesson: wall-clock time while the lesson is open, the page visible and
 * the learner not idle. Time after five minutes without input does not count until the next input,
 * so a lesson left open overnight counts five minutes, not hours. The clock is the port's.
 */

export const IDLE_MS = 5 * 60_000;

interface Keeper {
  /** The lesson being timed, or null. */
  id: string | null;
  visible: boolean;
  lastInput: number;
  /** Up to when time has been counted. */
  mark: number;
  /** Counted and not yet written to the progress. */
  pending: number;
}

export interface LessonClock {
  /** The page was shown (true) or hidden (false). */
  visibility(visible: boolean): void;
  /** The learner typed, clicked, scrolled or moved the pointer. */
  input(): void;
  /** Writes the time counted so far into the progress (and the browser's storage). */
  flush(): void;
  stop(): void;
}

const keepers = new WeakMap<SandboxStore, Keeper>();

function count(k: Keeper, now: number): void {
  if (k.id !== null && k.visible) {
    const until = Math.min(now, k.lastInput + IDLE_MS);
    if (until > k.mark) k.pending += until - k.mark;
  }
  k.mark = Math.max(k.mark, now);
}

function changeLesson(store: SandboxStore, id: string, f: (p: LessonProgress | undefined) => LessonProgress): void {
  const before = store.getState().lesson.progress;
  const progress: Progress = { ...before, lessons: { ...before.lessons, [id]: f(before.lessons[id]) } };
  saveProgress(store.port.storage, progress);
  patch(store, { lesson: { progress } });
}

/** A lesson's progress before any check: not passed, nothing checked. */
const fresh = (): LessonProgress => ({ passed: false, checkedAt: 0, checks: 0 });

function write(store: SandboxStore, k: Keeper, now: number): void {
  count(k, now);
  if (k.id === null || k.pending === 0) return;
  const add = Math.round(k.pending);
  k.pending = 0;
  changeLesson(store, k.id, (p) => ({ ...(p ?? fresh()), activeMs: Math.min(MAX_ACTIVE_MS, (p?.activeMs ?? 0) + add) }));
}

/** Times the lesson now open: the one before gets its time, a lesson opened the first time its start. */
function follow(store: SandboxStore, k: Keeper, id: string | null, now: number): void {
  write(store, k, now);
  k.id = id;
  k.lastInput = now;
  if (id !== null && !store.getState().lesson.progress.lessons[id]?.startedAt) changeLesson(store, id, (p) => ({ ...(p ?? fresh()), startedAt: new Date(now).toISOString() }));
}

/**
 * Starts timing the lessons this store opens, on the port's clock (without one, nothing is timed). The page
 * says when it is shown or hidden and when the learner gives input, and flushes now and then.
 */
export function trackLessonTime(store: SandboxStore, visible = true): LessonClock {
  const now = () => store.port.now?.();
  const start = now();
  if (start === undefined) return { visibility: () => undefined, input: () => undefined, flush: () => undefined, stop: () => undefined };
  const k: Keeper = { id: null, visible, lastInput: start, mark: start, pending: 0 };
  keepers.set(store, k);
  follow(store, k, store.getState().lesson.current?.id ?? null, start);
  const unsub = store.subscribe((s, prev) => {
    const id = s.lesson.current?.id ?? null;
    if (id !== (prev.lesson.current?.id ?? null) && id !== k.id) follow(store, k, id, now()!);
  });
  return {
    visibility: (v) => {
      const t = now()!;
      count(k, t);
      k.visible = v;
      // Coming back to the page is the learner's doing.
      if (v) k.lastInput = t;
      else write(store, k, t);
    },
    input: () => {
      const t = now()!;
      count(k, t);
      k.lastInput = t;
    },
    flush: () => write(store, k, now()!),
    stop: () => {
      write(store, k, now()!);
      unsub();
      if (keepers.get(store) === k) keepers.delete(store);
    },
  };
}

/** A press of "Check my work": the time so far written, the press counted, and the moment of the first pass kept. */
export function countCheck(store: SandboxStore, id: string, firstPass: boolean): void {
  const k = keepers.get(store);
  const t = store.port.now?.();
  if (k && t !== undefined) write(store, k, t);
  changeLesson(store, id, (p) => ({
    ...(p ?? fresh()),
    checks: (p?.checks ?? 0) + 1,
    ...(firstPass && !p?.passedAt && t !== undefined ? { passedAt: new Date(t).toISOString() } : {}),
  }));
}
