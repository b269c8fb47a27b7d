import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { asksLinks, bootStore, persist } from '../../src/store/boot';
import { runAction, COPILOT_NOTE_KEY } from '../../src/store/actions';
import { STORE_KEY } from '../../src/store/workspace';
import { PROGRESS_KEY } from '../../src/store/progress';
import { fakePort } from '../support/fakePort';
import { openFromUrl } from '../../src/store/links';
import { eventHash } from '../../src/content/report';
import { lessonFiles } from '../../src/store/lessons';
import type { SandboxStore } from '../../src/store/store';

/** Each pane's world as the room sees it: its label, its clock and the hash of its events. */
const panesOf = (s: SandboxStore) => s.getState().world.variants.map((v) => ({ label: v.label, now: v.timeline.now, hash: eventHash(v.timeline.sim.events) }));

/** Saves the page's workspace now, and boots a new page from what was saved, reopening what it names. */
async function reload(from: SandboxStore, port: ReturnType<typeof fakePort>): Promise<SandboxStore> {
  const saving = persist(from);
  saving.flush();
  saving.stop();
  const again = bootStore(fakePort({ storage: Object.fromEntries(port.saved) }));
  await openFromUrl(again);
  return again;
}

describe('the page’s store, booted on a port', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('starts from what this browser kept: the workspace, the progress, the Copilot note', () => {
    const first = fakePort();
    const a = bootStore(first);
    runAction(a, 'console.run', 'aws ecs list-clusters');
    const saving = persist(a);
    runAction(a, 'clock.jump', '90s');
    vi.advanceTimersByTime(600);
    expect(JSON.parse(first.saved.get(STORE_KEY)!)).toMatchObject({ time: 90_000, actions: [{ line: 'aws ecs list-clusters' }] });
    saving.stop();

    const again = fakePort({ storage: { ...Object.fromEntries(first.saved), [PROGRESS_KEY]: '{"version":1,"lessons":{"L1":{"passed":true,"checkedAt":5}}}', [COPILOT_NOTE_KEY]: '1' } });
    const b = bootStore(again);
    expect(b.getState().world.timeline!.now).toBe(90_000);
    expect(b.getState().world.timeline!.actions).toHaveLength(1);
    expect(b.getState().lesson.progress.lessons.L1?.passed).toBe(true);
    expect(b.getState().ui.copilotNoteSeen).toBe(true);
  });

  it('points a first visit at lesson L1 (nothing kept in this browser), never a returning learner; opening a lesson or a demo takes it back', async () => {
    const welcome = (store: ReturnType<typeof bootStore>) => store.getState().ui.notices.filter((n) => n.cause === 'lesson:welcome');
    const first = bootStore(fakePort());
    expect(welcome(first).map((n) => [n.text, n.action])).toEqual([
      ['New here? Lesson L1 starts from one program on your machine and takes you to ECS step by step; Lessons lists them all.', { label: 'Start lesson L1', id: 'lesson.open', arg: 'L1' }],
    ]);
    vi.useRealTimers();
    runAction(first, 'lesson.open', 'L1');
    await expect.poll(() => first.getState().lesson.current?.id).toBe('L1');
    expect(welcome(first)).toEqual([]);
    const demo = bootStore(fakePort());
    runAction(demo, 'demo.open', 'faults-tour');
    await expect.poll(() => demo.getState().lesson.demo?.id).toBe('faults-tour');
    expect(welcome(demo)).toEqual([]);
    // A learner who has been here before: a kept workspace, or kept progress alone.
    expect(welcome(bootStore(fakePort({ storage: { [STORE_KEY]: JSON.stringify({ version: 2 }) } })))).toEqual([]);
    expect(welcome(bootStore(fakePort({ storage: { [PROGRESS_KEY]: '{"version":1,"lessons":{}}' } })))).toEqual([]);
  });

  it('asks the links only of an address with a link or a saved world with a lesson or demo to resume', async () => {
    expect(asksLinks(bootStore(fakePort()))).toBe(false);
    expect(asksLinks(bootStore(fakePort({ url: 'https://sandbox.example/app/?lesson=L1' })))).toBe(true);
    expect(asksLinks(bootStore(fakePort({ url: 'https://sandbox.example/app/#share=abc' })))).toBe(true);
    const port = fakePort();
    const a = bootStore(port);
    runAction(a, 'lesson.open', 'L1');
    await vi.waitFor(() => expect(a.getState().world.lessonId).toBe('L1'));
    persist(a).flush();
    expect(asksLinks(bootStore(fakePort({ storage: Object.fromEntries(port.saved) })))).toBe(true);
  });

  it('says so when the kept progress cannot be read', () => {
    const store = bootStore(fakePort({ storage: { [PROGRESS_KEY]: 'nope' } }));
    expect(store.getState().ui.notices.at(-1)!.text).toBe('Your lesson progress could not be read (it is not JSON); it starts afresh.');
  });

  it('saves when the world or the editor changes, not when only the window does; flush saves at once', () => {
    const port = fakePort();
    const store = bootStore(port);
    const writes: string[] = [];
    const setItem = port.storage!.setItem;
    port.storage!.setItem = (k, v) => {
      writes.push(k);
      setItem(k, v);
    };
    const saving = persist(store);
    runAction(store, 'view.toggle');
    runAction(store, 'panel.show', 'charts');
    vi.advanceTimersByTime(2_000);
    expect(writes).toEqual([]);
    runAction(store, 'editor.edit', { file: 'taskdef.json', text: '{}' });
    saving.flush();
    expect(writes).toEqual([STORE_KEY]);
    expect(JSON.parse(port.saved.get(STORE_KEY)!).files['taskdef.json']).toBe('{}');
    // Unchanged since: nothing more is written.
    saving.flush();
    expect(writes).toEqual([STORE_KEY]);
    saving.stop();
  });

  it('says when the browser refuses to store the workspace', () => {
    const port = fakePort();
    const store = bootStore(port);
    port.storage!.setItem = () => {
      throw new Error('quota');
    };
    const saving = persist(store);
    runAction(store, 'editor.edit', { file: 'taskdef.json', text: '{}' });
    saving.flush();
    expect(store.getState().ui.notices.at(-1)!.text).toBe('The browser refused to store the workspace (storage full or disabled); export it to keep it.');
    saving.stop();
  });

  describe('a demo given when the page is reloaded', () => {
    beforeEach(() => void vi.useRealTimers());

    it('reopens the side-by-side demo with its three labelled worlds at the same moment and the same events in each', async () => {
      const port = fakePort();
      const a = bootStore(port);
      runAction(a, 'demo.open', 'placement-side-by-side');
      await expect.poll(() => a.getState().lesson.demo?.id).toBe('placement-side-by-side');
      runAction(a, 'clock.jump', '30s');
      const before = panesOf(a);
      expect(before.map((p) => p.label)).toHaveLength(3);
      expect(new Set(before.map((p) => p.hash)).size).toBe(3);
      expect(JSON.parse(port.saved.get(STORE_KEY) ?? '{}').demo).toBeUndefined();

      const b = await reload(a, port);
      expect(JSON.parse(port.saved.get(STORE_KEY)!)).toMatchObject({ version: 3, demo: { id: 'placement-side-by-side' } });
      expect(b.getState().lesson.demo?.id).toBe('placement-side-by-side');
      expect(b.getState().lesson.demo!.panes.map((p) => p.label)).toEqual(before.map((p) => p.label));
      expect(b.getState().world.now).toBe(30_000);
      expect(panesOf(b)).toEqual(before);
      // The question at 0:05 is behind, as a link to 0:30 opens it: the clock goes on to the one at 0:40.
      expect(b.getState().lesson.demo!.passed).toBe(1);
    });

    it('reopens a demo file opened in the page from its own text, with the presenter’s own commands', async () => {
      const port = fakePort();
      const a = bootStore(port);
      const text = (await lessonFiles())['demos/random-two-seeds.yaml']!;
      a.port.pickNamedFile = async () => ({ name: 'my-seeds.yaml', text });
      runAction(a, 'demo.openFile');
      await expect.poll(() => a.getState().lesson.demo?.id).toBe('my-seeds');
      runAction(a, 'clock.jump', '20s');
      runAction(a, 'console.run', 'aws ecs list-clusters');
      runAction(a, 'clock.jump', '40s');
      const before = panesOf(a);

      const b = await reload(a, port);
      expect(JSON.parse(port.saved.get(STORE_KEY)!).demo).toEqual({ name: 'my-seeds.yaml', text });
      expect(b.getState().lesson.demo?.id).toBe('my-seeds');
      expect(b.getState().world.timeline!.actions).toHaveLength(1);
      expect(panesOf(b)).toEqual(before);
    });

    it('forgets the demo once another world is loaded, and an older (version 2) workspace still opens', async () => {
      const port = fakePort();
      const a = bootStore(port);
      runAction(a, 'demo.open', 'placement-side-by-side');
      await expect.poll(() => a.getState().lesson.demo?.id).toBe('placement-side-by-side');
      runAction(a, 'scenario.pick', 'busy-cluster');
      const b = await reload(a, port);
      expect(b.getState().lesson.demo).toBeNull();
      expect(b.getState().world.variants).toEqual([]);

      const saved = JSON.parse(port.saved.get(STORE_KEY)!);
      const old = bootStore(fakePort({ storage: { [STORE_KEY]: JSON.stringify({ ...saved, version: 2 }) } }));
      expect(old.getState().ui.notices).toEqual([]);
      expect(old.getState().world.scenarioId).toBe('busy-cluster');
    });
  });
});
