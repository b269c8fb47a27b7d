import { describe, expect, it } from 'vitest';
import { initialState, makeStore } from '../../src/store/store';
import { defaultWorkspace } from '../../src/store/defaults';
import { checkWork, loadCatalog, openLesson } from '../../src/store/lessons';
import { runAction } from '../../src/store/actions';
import { fakePort } from '../support/fakePort';

describe('lessons in the store', () => {
  it('the bundled catalog has the 16 lessons and 4 demos, none skipped', async () => {
    const c = await loadCatalog();
    expect(c.problems).toEqual([]);
    expect(Object.keys(c.lessons)).toHaveLength(16);
    expect(Object.keys(c.demos)).toEqual(['placement-side-by-side', 'random-two-seeds', 'scaling-day', 'game-day', 'faults-tour']);
  });

  it("opening a lesson keeps the learner's own text of a file the lesson brings", async () => {
    const store = makeStore(initialState(defaultWorkspace()), fakePort());
    runAction(store, 'editor.edit', { file: 'taskdef.json', text: '{ "family": "mine" }' });
    openLesson(store, (await loadCatalog()).lessons.L4!);
    const f = store.getState().editor.files;
    expect(f['mine/taskdef.json']).toBe('{ "family": "mine" }');
    expect(f['taskdef.json']).toContain('"family": "forum-api"');
    expect(store.getState().ui.notices.at(-1)!.text).toBe('Your own taskdef.json is kept in the editor as mine/taskdef.json.');
  });

  it("a lesson refuses what it does not teach, and checking replays the learner's actions", async () => {
    const store = makeStore(initialState(defaultWorkspace()), fakePort());
    openLesson(store, (await loadCatalog()).lessons.L2!);
    expect(runAction(store, 'console.run', 'aws ecs list-clusters')).toBe(false);
    // Said in the console, the command named; and in a notice too while the console is out of sight.
    expect(store.getState().ui.console.echoes).toEqual([
      { after: 0, command: 'aws ecs list-clusters', text: expect.stringMatching(/^not run: lesson L2 uses only: docker build/), message: expect.objectContaining({ key: 'console.notRun' }) },
    ]);
    expect(store.getState().ui.notices.at(-1)!.text).toMatch(/^"aws ecs list-clusters" was not run: lesson L2 uses only: docker build/);
    expect(runAction(store, 'editor.register', 'taskdef.json')).toBe(false);
    for (const l of ['docker build -t forum:1 .', 'docker run -d -p 80:3000 --name forum forum:1', 'sleep 5', 'traffic http://localhost:80/api/users 2']) runAction(store, 'console.run', l);
    // Checked at the learner's moment: 20 good requests in the last 30 s have not happened yet.
    const early = checkWork(store)!;
    expect(early.passed).toBe(false);
    expect(early.clock).toBe(5000);
    expect(early.checklist.find((c) => c.id === 'traffic')!.passed).toBe(false);
    expect(store.getState().lesson.progress.lessons.L2?.passed).toBe(false);
    runAction(store, 'console.run', 'sleep 40');
    const report = checkWork(store)!;
    expect(report.passed).toBe(true);
    expect(report.clock).toBe(45_000);
    expect(store.getState().lesson.progress.lessons.L2?.passed).toBe(true);
  });
});
