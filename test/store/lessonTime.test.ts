import { describe, expect, it } from 'vitest';
import { initialState, makeStore } from '../../src/store/store';
import { defaultWorkspace } from '../../src/store/defaults';
import { checkWork, loadCatalog, openLesson } from '../../src/store/lessons';
import { IDLE_MS, trackLessonTime } from '../../src/store/lessonTime';
import { PROGRESS_KEY } from '../../src/store/progress';
import { fakePort } from '../support/fakePort';

const T0 = Date.UTC(2026, 11, 1, 9, 0, 0);
const MIN = 60_000;

/** A store on a port whose wall clock the test moves. */
function timed() {
  const port = fakePort();
  let clock = T0;
  port.now = () => clock;
  const store = makeStore(initialState(defaultWorkspace()), port);
  const lessonClock = trackLessonTime(store);
  return { port, store, lessonClock, wait: (ms: number) => void (clock += ms), progress: (id: string) => store.getState().lesson.progress.lessons[id] };
}

describe("the learner's time on a lesson", () => {
  it('counts only while the page is visible and the learner not idle, and records the first start', async () => {
    const lessons = Object.values((await loadCatalog()).lessons);
    const { store, lessonClock, wait, progress } = timed();
    const lesson = lessons[0]!;
    openLesson(store, lesson);
    expect(progress(lesson.id)).toMatchObject({ startedAt: '2026-12-01T09:00:00.000Z', passed: false, checks: 0 });
    wait(2 * MIN);
    lessonClock.input();
    wait(MIN);
    lessonClock.flush();
    expect(progress(lesson.id)!.activeMs).toBe(3 * MIN);
    // Hidden for ten minutes: none of it counts; the minute after coming back does.
    lessonClock.visibility(false);
    wait(10 * MIN);
    lessonClock.visibility(true);
    wait(MIN);
    lessonClock.flush();
    expect(progress(lesson.id)!.activeMs).toBe(4 * MIN);
    // Left open overnight without input: five minutes after the last input (coming back) count, not hours.
    wait(10 * 60 * MIN);
    lessonClock.flush();
    expect(progress(lesson.id)!.activeMs).toBe(3 * MIN + IDLE_MS);
    lessonClock.input();
    wait(30_000);
    lessonClock.flush();
    expect(progress(lesson.id)!.activeMs).toBe(3 * MIN + IDLE_MS + 30_000);
    // Another lesson: the first keeps its time, the second starts its own (and its start is now).
    const other = lessons[1]!;
    wait(MIN);
    openLesson(store, other);
    wait(2 * MIN);
    lessonClock.stop();
    expect(progress(lesson.id)!.activeMs).toBe(4 * MIN + IDLE_MS + 30_000);
    expect(progress(other.id)).toMatchObject({ activeMs: 2 * MIN, startedAt: new Date(T0 + 10 * 60 * MIN + 15.5 * MIN).toISOString() });
  });

  it('counts the presses of "Check my work", records the time of the first pass once, and the file keeps it all', async () => {
    const lesson = Object.values((await loadCatalog()).lessons)[0]!;
    const { port, store, wait, progress } = timed();
    openLesson(store, lesson);
    wait(MIN);
    expect(checkWork(store)!.passed).toBe(false);
    expect(progress(lesson.id)).toMatchObject({ checks: 1, activeMs: MIN });
    expect(progress(lesson.id)!.passedAt).toBeUndefined();
    openLesson(store, lesson, { actions: lesson.solution.actions, time: lesson.until });
    wait(MIN);
    expect(checkWork(store)!.passed).toBe(true);
    expect(progress(lesson.id)).toMatchObject({ checks: 2, activeMs: 2 * MIN, passedAt: '2026-12-01T09:02:00.000Z', startedAt: '2026-12-01T09:00:00.000Z' });
    wait(MIN);
    expect(checkWork(store)!.passed).toBe(true);
    expect(progress(lesson.id)).toMatchObject({ checks: 3, activeMs: 3 * MIN, passedAt: '2026-12-01T09:02:00.000Z' });
    expect(JSON.parse(port.saved.get(PROGRESS_KEY)!).lessons[lesson.id]).toEqual(progress(lesson.id));
  });

  it('a port without a clock times nothing', async () => {
    const lesson = Object.values((await loadCatalog()).lessons)[0]!;
    const store = makeStore(initialState(defaultWorkspace()), fakePort());
    const c = trackLessonTime(store);
    openLesson(store, lesson);
    c.input();
    c.flush();
    checkWork(store);
    expect(store.getState().lesson.progress.lessons[lesson.id]).toMatchObject({ checks: 1 });
    expect(store.getState().lesson.progress.lessons[lesson.id]!.activeMs).toBeUndefined();
    expect(store.getState().lesson.progress.lessons[lesson.id]!.startedAt).toBeUndefined();
  });
});
