import { describe, expect, it } from 'vitest';
import { initialState, makeStore } from '../../../src/store/store';
import { runAction } from '../../../src/store/actions';
import { defaultWorkspace } from '../../../src/store/defaults';
import { checkWork, loadCatalog, openLesson } from '../../../src/store/lessons';
import { selectChecklist, selectLiveChecklist } from '../../../src/store/selectors/lesson';
import { fakePort } from '../../support/fakePort';

describe('the live lesson checklist', () => {
  it('is the lesson’s goals on the live world, recomputed when the world changes, not when the page renders again', async () => {
    const store = makeStore(initialState(defaultWorkspace()), fakePort());
    expect(selectLiveChecklist(store.getState())).toEqual([]);
    openLesson(store, (await loadCatalog()).lessons.L2!);
    const first = selectLiveChecklist(store.getState());
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((c) => !c.passed)).toBe(true);
    // Only the window changed: the very same list.
    runAction(store, 'panel.show', 'charts');
    runAction(store, 'lesson.hint');
    expect(selectLiveChecklist(store.getState())).toBe(first);
    runAction(store, 'console.run', 'docker build -t forum:1 .');
    const after = selectLiveChecklist(store.getState());
    expect(after).not.toBe(first);
    expect(after.filter((c) => c.passed).length).toBeGreaterThan(0);
  });

  it('shows the last check’s verdict once the work has been checked', async () => {
    const store = makeStore(initialState(defaultWorkspace()), fakePort());
    openLesson(store, (await loadCatalog()).lessons.L2!);
    const report = checkWork(store)!;
    expect(selectChecklist(store.getState())).toBe(report.checklist);
  });
});
