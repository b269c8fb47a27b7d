import { describe, expect, it } from 'vitest';
import { initialState, makeStore, notify } from '../../src/store/store';
import { runAction } from '../../src/store/actions';
import { defaultWorkspace } from '../../src/store/defaults';
import { checkWork, loadCatalog, openLesson } from '../../src/store/lessons';
import { noticeLifetime } from '../../src/store/selectors/notices';
import { fakePort } from '../support/fakePort';

const fresh = () => makeStore(initialState(defaultWorkspace()), fakePort());
const texts = (store: ReturnType<typeof fresh>) => store.getState().ui.notices.map((n) => n.text);

describe('notices', () => {
  it('says the same thing once, with how many times it was said', () => {
    const store = fresh();
    for (let i = 0; i < 5; i++) runAction(store, 'history.undo');
    const n = store.getState().ui.notices;
    expect(n).toHaveLength(1);
    expect(n[0]).toMatchObject({ text: 'Undo the last action: not now, nothing to undo yet.', count: 5 });
  });

  it('a newer notice of the same cause replaces the older one', () => {
    const store = fresh();
    notify(store, 'first', 'info', { cause: 'x' });
    notify(store, 'other');
    notify(store, 'second', 'warning', { cause: 'x' });
    expect(texts(store)).toEqual(['other', 'second']);
  });

  it('a notice about a file goes when the file parses again, and when its problems are gone', () => {
    const store = fresh();
    runAction(store, 'editor.edit', { file: 'taskdef.json', text: '{ "family": ' });
    runAction(store, 'clock.jump', '2m');
    runAction(store, 'editor.register');
    expect(texts(store)).toEqual([expect.stringMatching(/^taskdef\.json:1:\d+: /)]);
    // Still broken: the notice stays.
    runAction(store, 'editor.edit', { file: 'taskdef.json', text: '{ "family": "we' });
    expect(store.getState().ui.notices).toHaveLength(1);
    // It parses (whatever it means): the notice about its syntax is gone; its marker stays until checked again.
    runAction(store, 'editor.edit', { file: 'taskdef.json', text: '{ "family": "web" }' });
    expect(store.getState().ui.notices).toEqual([]);
    expect(store.getState().editor.problems.filter((p) => p.file === 'taskdef.json')).toHaveLength(1);
    // A refusal by the engine, then a registration that works: the success replaces the refusal.
    runAction(store, 'editor.register');
    expect(texts(store)).toEqual([expect.stringMatching(/^The task definition was not registered/)]);
    runAction(store, 'editor.restoreFile', 'taskdef.json');
    runAction(store, 'editor.register');
    expect(texts(store)).toEqual(['Registered task definition web:1.']);
  });

  it("a lesson's verdict goes when the lesson is left or passed, and another lesson starts with none of it", async () => {
    const store = fresh();
    const c = await loadCatalog();
    openLesson(store, c.lessons.L2!);
    checkWork(store);
    expect(texts(store).at(-1)).toMatch(/^L2 not yet: \d+ goals not reached/);
    for (const l of ['docker build -t forum:1 .', 'docker run -d -p 80:3000 --name forum forum:1', 'traffic http://localhost:80/api/users 2']) runAction(store, 'console.run', l);
    // Check my work judges the moment the learner is at: the traffic has to have flowed by then.
    runAction(store, 'clock.jump', '1m');
    checkWork(store);
    expect(texts(store).filter((t) => t.startsWith('L2'))).toEqual(['L2 passed: a replay of your actions from the start to 0:01:00 reached every goal.']);
    openLesson(store, c.lessons.L1!);
    checkWork(store);
    expect(texts(store).filter((t) => /^L\d/.test(t))).toEqual([expect.stringMatching(/^L1 not yet/)]);
    runAction(store, 'lesson.exit');
    expect(texts(store).filter((t) => /^L\d/.test(t))).toEqual([]);
  });

  it('fades after a few seconds, errors a little later, and one that waits for the learner never', () => {
    expect(noticeLifetime({ id: 1, text: '', tone: 'info', count: 1 })).toBe(5_000);
    expect(noticeLifetime({ id: 1, text: '', tone: 'warning', count: 1 })).toBe(8_000);
    expect(noticeLifetime({ id: 1, text: '', tone: 'error', count: 1 })).toBe(10_000);
    expect(noticeLifetime({ id: 1, text: '', tone: 'warning', count: 1, sticky: true })).toBeNull();
    // Work that could not be kept waits to be read.
    const port = fakePort({ storage: { 'ecs-sandbox.workspace': '{ broken' } });
    const store = makeStore(initialState(defaultWorkspace(), 'The saved workspace could not be read.'), port);
    expect(store.getState().ui.notices[0]).toMatchObject({ sticky: true });
  });

  it('a refused command is echoed in the console, named, with the reason; a notice says it only when the console is out of sight', async () => {
    const store = fresh();
    openLesson(store, (await loadCatalog()).lessons.L1!);
    expect(store.getState().ui.panel).toBe('console');
    for (let i = 0; i < 5; i++) {
      runAction(store, 'console.type', 'aws ecs list-clusters');
      runAction(store, 'console.submit');
    }
    const echoes = store.getState().ui.console.echoes;
    expect(echoes).toHaveLength(5);
    expect(echoes[0]).toEqual({
      after: 0,
      command: 'aws ecs list-clusters',
      text: 'not run: lesson L1 uses only: curl, traffic, process.',
      message: { text: 'not run: lesson L1 uses only: curl, traffic, process.', key: 'console.notRun', params: { why: 'lesson L1 uses only: curl, traffic, process' } },
    });
    expect(store.getState().ui.notices).toEqual([]);
    runAction(store, 'panel.show', 'charts');
    runAction(store, 'console.run', 'docker ps');
    runAction(store, 'console.run', 'docker images');
    expect(texts(store)).toEqual(['"docker images" was not run: lesson L1 uses only: curl, traffic, process.']);
  });
});
