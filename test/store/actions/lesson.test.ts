import { describe, expect, it } from 'vitest';
import { initialState, makeStore } from '../../../src/store/store';
import { canRun, runAction, tick } from '../../../src/store/actions';
import { defaultWorkspace } from '../../../src/store/defaults';
import { PROGRESS_KEY } from '../../../src/store/progress';
import { fakePort } from '../../support/fakePort';

const fresh = (port = fakePort()) => makeStore(initialState(defaultWorkspace()), port);

describe('lessons and demos as actions', () => {
  it('the lessons dialog loads the catalog; a lesson opens by its id and closes the dialog', async () => {
    const store = fresh();
    runAction(store, 'lessons.show');
    expect(store.getState().ui.dialog).toBe('lessons');
    await expect.poll(() => store.getState().lesson.catalog !== null).toBe(true);
    runAction(store, 'lesson.open', 'L1');
    await expect.poll(() => store.getState().lesson.current?.id).toBe('L1');
    expect(store.getState().ui.dialog).toBeNull();
    expect(store.getState().world.lessonId).toBe('L1');
  });

  it('hints run out, the goal and the solution toggle, a prediction is kept', async () => {
    const store = fresh();
    expect(canRun(store, 'lesson.hint')).toBe('open a lesson first');
    runAction(store, 'lesson.open', 'L1');
    await expect.poll(() => store.getState().lesson.current?.id).toBe('L1');
    const hints = store.getState().lesson.current!.def.text.hints.length;
    for (let i = 0; i < hints; i++) runAction(store, 'lesson.hint');
    expect(store.getState().lesson.current!.hints).toBe(hints);
    expect(canRun(store, 'lesson.hint')).toBe('no more hints');
    runAction(store, 'lesson.goal');
    runAction(store, 'lesson.solution');
    expect(store.getState().lesson.current).toMatchObject({ showGoal: true, showSolution: true });
    runAction(store, 'lesson.predict', { id: 'p1', choice: 2 });
    expect(store.getState().lesson.current!.predictions).toEqual({ p1: 2 });
  });

  it('checking the work records progress in the browser’s storage; progress exports and imports as a file', async () => {
    const port = fakePort();
    const store = fresh(port);
    runAction(store, 'lesson.open', 'L2');
    await expect.poll(() => store.getState().lesson.current?.id).toBe('L2');
    for (const l of ['docker build -t forum:1 .', 'docker run -d -p 80:3000 --name forum forum:1', 'sleep 5', 'traffic http://localhost:80/api/users 2', 'sleep 40']) runAction(store, 'console.run', l);
    runAction(store, 'lesson.check');
    await expect.poll(() => store.getState().lesson.current?.report?.passed).toBe(true);
    expect(JSON.parse(port.saved.get(PROGRESS_KEY)!).lessons.L2.passed).toBe(true);
    runAction(store, 'progress.export');
    expect(port.downloads[0]).toMatchObject({ name: 'ecs-sandbox-progress.json' });

    const otherPort = fakePort();
    const other = fresh(otherPort);
    otherPort.nextFile = port.downloads[0]!.text;
    runAction(other, 'progress.import');
    await expect.poll(() => other.getState().lesson.progress.lessons.L2?.passed).toBe(true);
    expect(other.getState().ui.notices.at(-1)!.text).toBe('Imported progress: 1 lesson passed.');
    otherPort.nextFile = '{"version": 9}';
    runAction(other, 'progress.import');
    await expect.poll(() => other.getState().ui.notices.at(-1)!.text).toBe('The file is not lesson progress: it is not a progress file (version 1).');
    otherPort.nextFile = JSON.stringify({ version: 1, lessons: { L1: { passed: true, checkedAt: 0, activeMs: -60_000, checks: 2 }, L3: { passed: false, checkedAt: 9, activeMs: 60_000 } } });
    runAction(other, 'progress.import');
    await expect.poll(() => other.getState().ui.notices.at(-1)!.text).toBe('Left out of the imported progress: lessons.L1.activeMs: negative.');
    expect(other.getState().lesson.progress.lessons).toEqual({ L1: { passed: true, checkedAt: 0, checks: 2 }, L3: { passed: false, checkedAt: 9, activeMs: 60_000 } });
  });

  it('a demo opens by its id in the presenter view; its question is revealed, then passed', async () => {
    const store = fresh();
    expect(canRun(store, 'demo.reveal')).toBe('no question is open');
    runAction(store, 'demo.open', 'game-day');
    await expect.poll(() => store.getState().lesson.demo?.id).toBe('game-day');
    expect(store.getState().ui.presenting).toBe(true);
    const at = store.getState().lesson.demo!.def.pauses[0]!.at;
    runAction(store, 'clock.speed', 600);
    runAction(store, 'clock.toggle');
    for (let i = 0; i < 200 && !store.getState().lesson.demo!.pause; i++) tick(store, 100, 1_000);
    expect(store.getState().world.now).toBe(at);
    expect(store.getState().world.playing).toBe(false);
    runAction(store, 'demo.reveal');
    expect(store.getState().lesson.demo!.pause!.revealed).toBe(true);
    expect(store.getState().world.playing).toBe(false);
    runAction(store, 'demo.reveal');
    expect(store.getState().lesson.demo).toMatchObject({ pause: null, passed: 1 });
    // Continue starts the clock again from the question's moment.
    expect(store.getState().world.playing).toBe(true);
    tick(store, 100, 1_000);
    expect(store.getState().world.now).toBeGreaterThan(at);
  });
});
