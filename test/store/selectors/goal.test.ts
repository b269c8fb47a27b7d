import { describe, expect, it } from 'vitest';
import { initialState, makeStore } from '../../../src/store/store';
import { runAction } from '../../../src/store/actions';
import { defaultWorkspace } from '../../../src/store/defaults';
import { loadCatalog, openLesson } from '../../../src/store/lessons';
import { selectGoalWorld } from '../../../src/store/selectors/goal';
import { selectWorldView } from '../../../src/store/selectors/world';
import { fakePort } from '../../support/fakePort';

const fresh = () => makeStore(initialState(defaultWorkspace()), fakePort());

describe('the goal', () => {
  it('shows the goal as the world the reference solution ends in, without touching the learner’s', async () => {
    const store = fresh();
    openLesson(store, (await loadCatalog()).lessons.L4!);
    expect(selectGoalWorld(store.getState())).toBeNull();
    runAction(store, 'lesson.goal');
    const goal = selectGoalWorld(store.getState())!;
    expect(goal.at).toBe(store.getState().lesson.current!.def.until);
    expect(goal.view.clusters).toEqual(['forum']);
    expect(
      goal.view.azs
        .flatMap((z) => z.instances)
        .flatMap((i) => i.tasks)
        .filter((t) => t.lastStatus === 'RUNNING'),
    ).toHaveLength(1);
    // The learner's world is still at its start.
    expect(selectWorldView(store.getState())!.clusters).toEqual([]);
    expect(store.getState().world.timeline!.now).toBe(0);
    // The same lesson's goal is computed once.
    runAction(store, 'lesson.goal');
    runAction(store, 'lesson.goal');
    expect(selectGoalWorld(store.getState())).toBe(goal);
  });
});
