import { describe, expect, it } from 'vitest';
import { initialState, makeStore } from '../../../src/store/store';
import { runAction, tick } from '../../../src/store/actions';
import { defaultWorkspace } from '../../../src/store/defaults';
import { checkWork, loadCatalog, openLesson } from '../../../src/store/lessons';
import { selectChecklist, selectDiagnostics, selectLiveChecklist, selectLiveVerdict, selectReport } from '../../../src/store/selectors/lesson';
import { trackerFor } from '../../../src/content/lesson';
import { fakePort } from '../../support/fakePort';

const fresh = () => makeStore(initialState(defaultWorkspace()), fakePort());
const item = (s: ReturnType<typeof fresh>, id: string) => selectLiveChecklist(s.getState()).find((c) => c.id === id)!;

describe('the live lesson checklist', () => {
  it('is the lesson’s goals on the live world, recomputed when the world changes, not when the page renders again', async () => {
    const store = fresh();
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

  it('counts a curl the moment it answered (L1), and says what to do for what is not met yet', async () => {
    const store = fresh();
    openLesson(store, (await loadCatalog()).lessons.L1!);
    expect(item(store, 'users')).toMatchObject({ passed: false, detail: 'not yet — send one: `curl localhost:3000/api/users`' });
    runAction(store, 'clock.jump', '10s');
    runAction(store, 'console.run', 'curl localhost:3000/api/users');
    runAction(store, 'console.run', 'curl localhost:3000/api/threads');
    expect(item(store, 'users').passed).toBe(true);
    expect(item(store, 'threads').passed).toBe(true);
    expect(item(store, 'posts').passed).toBe(false);
    expect(item(store, 'crashed').detail).toBe('not yet — keep the clock running: the bug is hit at 2:00');
  });

  it('measures the load balancer’s last minute between the minute marks too (L6 at 2:30)', async () => {
    const store = fresh();
    const l6 = (await loadCatalog()).lessons.L6!;
    openLesson(store, l6, { actions: l6.solution.actions });
    runAction(store, 'clock.jump', '2:30');
    expect(item(store, 'no-errors')).toMatchObject({ passed: true, detail: '' });
    expect(item(store, 'healthy-targets').passed).toBe(true);
  });

  it('takes a sample every 10 s as the clock runs, so a goal over time is met without a replay (L5)', async () => {
    const store = fresh();
    openLesson(store, (await loadCatalog()).lessons.L5!);
    runAction(store, 'clock.jump', '1m');
    runAction(store, 'console.run', 'aws ecs create-service --cluster forum --service-name forum-api --task-definition forum-api:1 --desired-count 2');
    runAction(store, 'clock.jump', '2m');
    expect(item(store, 'steady').passed).toBe(false);
    expect(item(store, 'steady').detail).toMatch(/^true since 0:01:12\.5; it must hold for 0:01:00, until 0:02:12\.5/);
    runAction(store, 'clock.jump', '2m40s');
    expect(item(store, 'steady').passed).toBe(true);
  });

  it('answers the learner’s prediction once its outcome is decided, live (L1: after the crash)', async () => {
    const store = fresh();
    openLesson(store, (await loadCatalog()).lessons.L1!);
    runAction(store, 'lesson.predict', { id: 'blast-radius', choice: 1 });
    const answer = () => selectLiveVerdict(store.getState())!.predictions[0]!;
    expect(answer()).toMatchObject({ chosen: 'They fail too: the same program serves them', correct: null, right: null });
    runAction(store, 'clock.jump', '2m10s');
    expect(answer()).toMatchObject({ chosen: 'They fail too: the same program serves them', correct: 'They fail too: the same program serves them', right: true });
  });

  it('takes no prediction once its outcome is decided, neither a first answer nor a changed one (L1: after the crash)', async () => {
    const store = fresh();
    openLesson(store, (await loadCatalog()).lessons.L1!);
    runAction(store, 'clock.jump', '2m30s');
    const answer = () => selectLiveVerdict(store.getState())!.predictions[0]!;
    expect(answer()).toMatchObject({ decided: true, chosen: null, correct: null });
    expect(runAction(store, 'lesson.predict', { id: 'blast-radius', choice: 1 })).toBe(false);
    expect(answer()).toMatchObject({ chosen: null, right: null });
    // Back before the crash, it can be made; once decided again, it stays as made.
    runAction(store, 'clock.jump', '1m');
    expect(answer().decided).toBe(false);
    expect(runAction(store, 'lesson.predict', { id: 'blast-radius', choice: 0 })).toBe(true);
    runAction(store, 'clock.jump', '2m30s');
    expect(runAction(store, 'lesson.predict', { id: 'blast-radius', choice: 1 })).toBe(false);
    expect(answer()).toMatchObject({ chosen: 'They keep working; only posts fails', right: false });
  });

  it('names what went wrong as it happens (L1: the crash took the process down)', async () => {
    const store = fresh();
    openLesson(store, (await loadCatalog()).lessons.L1!);
    expect(selectDiagnostics(store.getState())).toEqual([]);
    runAction(store, 'clock.jump', '2m30s');
    expect(selectDiagnostics(store.getState()).map((d) => d.id)).toContain('process-down');
    runAction(store, 'console.run', 'process restart forum');
    expect(selectDiagnostics(store.getState()).map((d) => d.id)).not.toContain('process-down');
  });
});

describe('Check my work', () => {
  it('at 0:00:01 marks nothing that has not happened, explains nothing and answers no prediction (L1)', async () => {
    const store = fresh();
    openLesson(store, (await loadCatalog()).lessons.L1!);
    runAction(store, 'lesson.predict', { id: 'blast-radius', choice: 1 });
    runAction(store, 'clock.jump', '1s');
    const report = checkWork(store)!;
    expect(report.clock).toBe(1000);
    expect(report.checklist.filter((c) => c.passed)).toEqual([]);
    expect(report.diagnostics).toEqual([]);
    expect(report.predictions).toEqual([expect.objectContaining({ chosen: 'They fail too: the same program serves them', correct: null, right: null })]);
    expect(store.getState().ui.notices.at(-1)!.text).toMatch(/^L1 not yet: 5 goals not reached at 0:00:01/);
  });

  it('agrees with the live list, which the pane shows again once the world moves on', async () => {
    const store = fresh();
    const l1 = (await loadCatalog()).lessons.L1!;
    openLesson(store, l1, { actions: l1.solution.actions.slice(0, 3) });
    runAction(store, 'clock.jump', '2m10s');
    const live = selectLiveVerdict(store.getState())!;
    const report = checkWork(store)!;
    expect({ checklist: report.checklist, diagnostics: report.diagnostics }).toEqual({ checklist: live.checklist, diagnostics: live.diagnostics });
    expect(selectReport(store.getState())).toBe(report);
    expect(selectChecklist(store.getState())).toBe(report.checklist);
    runAction(store, 'clock.jump', '2m20s');
    expect(selectReport(store.getState())).toBeNull();
    expect(selectChecklist(store.getState())).toBe(selectLiveChecklist(store.getState()));
  });
});

describe('the live checklist as the clock runs', () => {
  it('follows a window that moves with the clock even when nothing happens (L1: the last 30 s of traffic)', async () => {
    const store = fresh();
    const l1 = (await loadCatalog()).lessons.L1!;
    openLesson(store, l1, { actions: l1.solution.actions });
    expect(item(store, 'recovered').passed).toBe(false);
    runAction(store, 'clock.toggle');
    // The page's frames: 16 ms of wall time at 60×, each moving the clock by about a second.
    for (let i = 0; i < 60 && !item(store, 'recovered').passed; i++) tick(store, 16);
    expect(item(store, 'recovered').passed).toBe(true);
    expect(store.getState().world.timeline!.now).toBeLessThan(200_000);
  });
});

describe('leaving a lesson', () => {
  it('keeps the world and stops sampling its goals', async () => {
    const store = fresh();
    const l5 = (await loadCatalog()).lessons.L5!;
    openLesson(store, l5);
    const t = store.getState().world.timeline!;
    const tracker = trackerFor(t, l5);
    runAction(store, 'clock.jump', '30s');
    expect(tracker.revision).toBeGreaterThan(0);
    runAction(store, 'lesson.exit');
    await expect.poll(() => store.getState().lesson.current).toBeNull();
    await new Promise((done) => setTimeout(done, 10));
    const seen = tracker.revision;
    runAction(store, 'clock.jump', '2m');
    expect(tracker.revision).toBe(seen);
    expect(store.getState().world.timeline).toBe(t);
    expect(selectLiveChecklist(store.getState())).toEqual([]);
  });
});
