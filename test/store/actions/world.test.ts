import { describe, expect, it } from 'vitest';
import { initialState, makeStore } from '../../../src/store/store';
import { runAction } from '../../../src/store/actions';
import { defaultWorkspace } from '../../../src/store/defaults';
import { fakePort } from '../../support/fakePort';

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the world and the workspace, through the port', () => {
  it('copies a share link to the clipboard, and offers it in the header when the clipboard refuses', async () => {
    const port = fakePort({ url: 'https://sandbox.example/app/?x=1' });
    const store = makeStore(initialState(defaultWorkspace()), port);
    runAction(store, 'console.run', 'aws ecs list-clusters');
    runAction(store, 'share.link');
    await expect.poll(() => port.clipboard.length).toBe(1);
    expect(port.clipboard[0]).toMatch(/^https:\/\/sandbox\.example\/app\/#share=[A-Za-z0-9_-]+$/);
    expect(store.getState().ui.shareUrl).toBe(port.clipboard[0]);
    expect(store.getState().ui.notices.at(-1)!.text).toMatch(/^Share link copied/);
    port.clipboardRefuses = true;
    runAction(store, 'share.link');
    await expect.poll(() => store.getState().ui.notices.at(-1)!.text).toBe('Share link ready: copy it from the field above this message.');
  });

  it('exports the workspace as a download, and imports one picked by the learner', async () => {
    const port = fakePort();
    const store = makeStore(initialState(defaultWorkspace()), port);
    runAction(store, 'console.run', 'aws ecs list-clusters');
    runAction(store, 'clock.jump', '2m');
    runAction(store, 'workspace.export');
    expect(port.downloads).toHaveLength(1);
    expect(port.downloads[0]).toMatchObject({ name: 'ecs-sandbox-workspace.json', type: 'application/json' });
    const exported = port.downloads[0]!.text;
    expect(JSON.parse(exported)).toMatchObject({ version: 3, time: 120_000, actions: [{ line: 'aws ecs list-clusters' }] });

    const other = makeStore(initialState(defaultWorkspace()), port);
    port.nextFile = exported;
    runAction(other, 'workspace.import');
    await expect.poll(() => other.getState().world.timeline!.now).toBe(120_000);
    expect(other.getState().ui.notices.at(-1)!.text).toBe('Imported the workspace: 1 action, at 0:02:00.');

    port.nextFile = '{"version": 1}';
    runAction(other, 'workspace.import');
    await expect.poll(() => other.getState().ui.notices.at(-1)!.text).toBe('The file is not a workspace: version: expected 3 (or 2), found 1');
    const n = other.getState().ui.notices.length;
    port.nextFile = null;
    runAction(other, 'workspace.import');
    await settle();
    expect(other.getState().ui.notices).toHaveLength(n);
    expect(other.getState().world.timeline!.now).toBe(120_000);
  });

  it('picks a built-in scenario or a lesson’s start state, leaving any lesson', async () => {
    const store = makeStore(initialState(defaultWorkspace()), fakePort());
    runAction(store, 'lesson.open', 'L2');
    await expect.poll(() => store.getState().lesson.current?.id).toBe('L2');
    runAction(store, 'scenario.pick', 'lesson-start:L4');
    expect(store.getState().lesson.current).toBeNull();
    expect(store.getState().world.scenarioId).toBe('lesson-start:L4');
    expect(store.getState().world.scenarioText).toBe(store.getState().lesson.catalog!.lessons.L4!.startText);
    runAction(store, 'scenario.pick', 'no-such-scenario');
    expect(store.getState().world.scenarioId).toBe('lesson-start:L4');
  });

  it('a new seed rebuilds the same scenario; an empty one changes nothing', () => {
    const store = makeStore(initialState(defaultWorkspace()), fakePort());
    const t = store.getState().world.timeline;
    runAction(store, 'seed.set', '  ');
    expect(store.getState().world.timeline).toBe(t);
    runAction(store, 'seed.set', 'forty-two');
    expect(store.getState().world.seed).toBe('forty-two');
    expect(store.getState().world.timeline).not.toBe(t);
  });
});
