// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchLessonTime } from '../../src/app/lessonTime';
import { initialState, makeStore } from '../../src/store/store';
import { defaultWorkspace } from '../../src/store/defaults';
import { loadCatalog, openLesson } from '../../src/store/lessons';
import { IDLE_MS } from '../../src/store/lessonTime';
import { fakePort } from '../support/fakePort';

const MIN = 60_000;
let shown: DocumentVisibilityState = 'visible';

beforeEach(() => {
  shown = 'visible';
  Object.defineProperty(document, 'visibilityState', { get: () => shown, configurable: true });
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
});
afterEach(() => {
  vi.useRealTimers();
  delete (document as { visibilityState?: unknown }).visibilityState;
});

/** A store with the first lesson open, on a wall clock the test moves. */
async function lessonOpen() {
  const port = fakePort();
  let clock = Date.UTC(2026, 11, 1, 9, 0, 0);
  port.now = () => clock;
  const store = makeStore(initialState(defaultWorkspace()), port);
  const lesson = Object.values((await loadCatalog()).lessons)[0]!;
  return {
    store,
    open: () => openLesson(store, lesson),
    wait: (ms: number) => void (clock += ms),
    active: () => store.getState().lesson.progress.lessons[lesson.id]?.activeMs ?? 0,
  };
}

function show(state: DocumentVisibilityState): void {
  shown = state;
  document.dispatchEvent(new Event('visibilitychange'));
}

describe("the page's part in timing a lesson", () => {
  it('takes a key, a press, a move, the wheel and a touch as input, and writes the time every thirty seconds', async () => {
    const w = await lessonOpen();
    const stop = watchLessonTime(w.store);
    w.open();
    for (const name of ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart']) {
      w.wait(4 * MIN);
      document.body.dispatchEvent(new Event(name, { bubbles: true }));
    }
    // Four minutes after the last input: all of it counts (without the inputs, only the first five minutes would).
    w.wait(4 * MIN);
    expect(w.active()).toBe(0);
    vi.advanceTimersByTime(29_999);
    expect(w.active()).toBe(0);
    vi.advanceTimersByTime(1);
    expect(w.active()).toBe(24 * MIN);
    stop();
  });

  it('counts nothing while the page is hidden, and writes what was counted when it is hidden or goes away', async () => {
    const w = await lessonOpen();
    const stop = watchLessonTime(w.store);
    w.open();
    w.wait(2 * MIN);
    show('hidden');
    expect(w.active()).toBe(2 * MIN);
    w.wait(10 * MIN);
    show('visible');
    w.wait(MIN);
    window.dispatchEvent(new Event('pagehide'));
    expect(w.active()).toBe(3 * MIN);
    stop();
  });

  it('starts counting only once a page opened hidden is shown', async () => {
    const w = await lessonOpen();
    shown = 'hidden';
    const stop = watchLessonTime(w.store);
    w.open();
    w.wait(10 * MIN);
    show('visible');
    w.wait(MIN);
    stop();
    expect(w.active()).toBe(MIN);
  });

  it('writes the time so far when stopped, then hears nothing more from the page', async () => {
    const w = await lessonOpen();
    const stop = watchLessonTime(w.store);
    w.open();
    w.wait(MIN);
    stop();
    expect(w.active()).toBe(MIN);
    w.wait(MIN);
    document.body.dispatchEvent(new Event('keydown', { bubbles: true }));
    w.wait(IDLE_MS);
    show('hidden');
    window.dispatchEvent(new Event('pagehide'));
    vi.advanceTimersByTime(60_000);
    expect(w.active()).toBe(MIN);
    expect(vi.getTimerCount()).toBe(0);
  });
});
