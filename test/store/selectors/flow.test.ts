import { describe, expect, it } from 'vitest';
import { initialState, makeStore } from '../../../src/store/store';
import { enabledIn, runAction } from '../../../src/store/actions';
import { defaultWorkspace } from '../../../src/store/defaults';
import { catalogIn, checkWork, openLesson } from '../../../src/store/lessons';
import { selectMissingPrerequisites, selectNextLesson } from '../../../src/store/selectors/flow';
import { fakePort } from '../../support/fakePort';

const fresh = () => makeStore(initialState(defaultWorkspace()), fakePort());

describe('from one lesson to the next', () => {
  it('offers the next lesson once this one is passed, and opens it at its start', async () => {
    const store = fresh();
    await catalogIn(store);
    openLesson(store, store.getState().lesson.catalog!.lessons.L2!);
    const opened = store.getState().lesson.current!.opened;
    expect(selectNextLesson(store.getState())).toMatchObject({ id: 'L3', title: expect.any(String), passed: false });
    expect(enabledIn(store.getState(), 'lesson.next')).toBe('pass this lesson first (Check my work)');
    for (const l of ['docker build -t forum:1 .', 'docker run -d -p 80:3000 --name forum forum:1', 'traffic http://localhost:80/api/users 2']) runAction(store, 'console.run', l);
    // Check my work judges the moment the learner is at: the traffic has to have flowed by then.
    runAction(store, 'clock.jump', '1m');
    checkWork(store);
    runAction(store, 'lesson.next');
    await expect.poll(() => store.getState().lesson.current?.id).toBe('L3');
    const l3 = store.getState().lesson.current!;
    expect(l3.opened).toBeGreaterThan(opened);
    expect(store.getState().world.timeline!.actions).toEqual([]);
    // The last lesson has none after it.
    openLesson(store, store.getState().lesson.catalog!.lessons.L14!);
    expect(selectNextLesson(store.getState())).toBeNull();
  });

  it('says which prerequisites are not passed yet, and they can be opened from there', async () => {
    const store = fresh();
    await catalogIn(store);
    openLesson(store, store.getState().lesson.catalog!.lessons.L14!);
    expect(selectMissingPrerequisites(store.getState()).map((r) => r.id)).toEqual(['L5', 'L7', 'L12']);
    runAction(store, 'lesson.open', 'L5');
    await expect.poll(() => store.getState().lesson.current?.id).toBe('L5');
    expect(selectMissingPrerequisites(store.getState()).map((r) => r.id)).toEqual(['L4']);
    openLesson(store, store.getState().lesson.catalog!.lessons.L1!);
    expect(selectMissingPrerequisites(store.getState())).toEqual([]);
  });
});
