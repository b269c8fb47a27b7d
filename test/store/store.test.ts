import { describe, expect, it } from 'vitest';
import { initialState, makeStore, notify, patch, setLesson, workspaceOf } from '../../src/store/store';
import { runAction } from '../../src/store/actions';
import { inflateRawSync } from 'node:zlib';
import { encodeShare } from '../../src/store/workspace';
import { defaultWorkspace } from '../../src/store/defaults';
import { loadCatalog, lessonState } from '../../src/store/lessons';
import { fakePort } from '../support/fakePort';

const fresh = () => makeStore(initialState(defaultWorkspace()), fakePort());

describe('the store in slices', () => {
  it('merges a patch into each named slice and leaves the others as they were', () => {
    const store = fresh();
    const before = store.getState();
    patch(store, { ui: { panel: 'charts' } });
    const after = store.getState();
    expect(after.ui.panel).toBe('charts');
    expect(after.ui.view).toBe(before.ui.view);
    expect(after.world).toBe(before.world);
    expect(after.editor).toBe(before.editor);
    patch(store, {});
    expect(store.getState()).toBe(after);
  });

  it('keeps five messages at most, newest last', () => {
    const store = fresh();
    for (let i = 1; i <= 7; i++) notify(store, `message ${i}`);
    expect(store.getState().ui.notices.map((n) => n.text)).toEqual(['message 3', 'message 4', 'message 5', 'message 6', 'message 7']);
  });

  it('builds the saved workspace from the world and the editor only: how the window shows them changes nothing', async () => {
    const store = fresh();
    runAction(store, 'console.run', 'aws ecs list-clusters');
    const { world, editor } = store.getState();
    const saved = JSON.stringify(workspaceOf(world, editor));
    const cluster = Object.keys(store.getState().world.timeline!.sim.world.clusters)[0]!;
    runAction(store, 'select', { kind: 'cluster', id: cluster });
    runAction(store, 'panel.show', 'charts');
    runAction(store, 'view.toggle');
    runAction(store, 'present.toggle');
    runAction(store, 'keys.show');
    const s = store.getState();
    expect(JSON.stringify(workspaceOf(s.world, s.editor))).toBe(saved);
    // A share link carries the world and nothing of the window.
    const link = JSON.parse(inflateRawSync(Buffer.from(await encodeShare(workspaceOf(s.world, s.editor)), 'base64url')).toString('utf8'));
    expect(Object.keys(link).sort()).toEqual(['actions', 'scenarioId', 'scenarioText', 'seed', 'time', 'version']);
    expect(link.actions).toHaveLength(1);
  });

  it('takes up and leaves a lesson in the lesson slice and the world together', async () => {
    const store = fresh();
    const l = (await loadCatalog()).lessons.L1!;
    setLesson(store, lessonState(l));
    expect(store.getState().lesson.current?.id).toBe('L1');
    expect(store.getState().world.lessonId).toBe('L1');
    const s = store.getState();
    expect(workspaceOf(s.world, s.editor).lessonId).toBe('L1');
    runAction(store, 'lesson.exit');
    expect(store.getState().lesson.current).toBeNull();
    expect(store.getState().world.lessonId).toBeNull();
  });

  it('a new world drops the selection and bumps the world id, so the canvas fits it', () => {
    const store = fresh();
    runAction(store, 'select', { kind: 'control', id: 'api' });
    const id = store.getState().world.worldId;
    runAction(store, 'scenario.pick', 'binpack');
    expect(store.getState().ui.selected).toBeNull();
    expect(store.getState().world.worldId).toBe(id + 1);
    expect(store.getState().world.scenarioId).toBe('binpack');
  });
});
