import { describe, expect, it } from 'vitest';
import { initialState, makeStore } from '../../../src/store/store';
import { runAction } from '../../../src/store/actions';
import { SPEEDS } from '../../../src/store/actions/clock';
import { defaultWorkspace } from '../../../src/store/defaults';
import { fakePort } from '../../support/fakePort';

const fresh = () => makeStore(initialState(defaultWorkspace()), fakePort());

describe('the clock and the history', () => {
  it('steps the speed through its settings and stops at either end', () => {
    const store = fresh();
    const speed = () => store.getState().world.speed;
    expect(speed()).toBe(60);
    for (let i = 0; i < 6; i++) runAction(store, 'clock.faster');
    expect(speed()).toBe(SPEEDS.at(-1));
    for (let i = 0; i < 6; i++) runAction(store, 'clock.slower');
    expect(speed()).toBe(SPEEDS[0]);
    runAction(store, 'clock.speed', 7);
    expect(speed()).toBe(SPEEDS[0]);
  });

  it('play toggles; scrubbing and jumping pause the clock', () => {
    const store = fresh();
    runAction(store, 'clock.toggle');
    expect(store.getState().world.playing).toBe(true);
    runAction(store, 'clock.seek', 30_000);
    expect(store.getState().world.playing).toBe(false);
    expect(store.getState().world.now).toBe(30_000);
    runAction(store, 'clock.toggle');
    runAction(store, 'clock.jump', '1:00:00');
    expect(store.getState().world.playing).toBe(false);
    expect(store.getState().world.now).toBe(3_600_000);
  });

  it('undoes and redoes the learner’s last action, saying which', () => {
    const store = fresh();
    runAction(store, 'console.run', 'aws ecs create-cluster --cluster-name extra');
    const v = store.getState().world.version;
    runAction(store, 'history.undo');
    expect(store.getState().world.timeline!.actions).toHaveLength(0);
    expect(store.getState().world.version).toBeGreaterThan(v);
    expect(store.getState().ui.notices.at(-1)!.text).toBe('Undone: aws ecs create-cluster --cluster-name extra');
    runAction(store, 'history.redo');
    expect(store.getState().world.timeline!.actions).toHaveLength(1);
    expect(runAction(store, 'history.redo')).toBe(false);
    expect(store.getState().ui.notices.at(-1)!.text).toBe('Redo: not now, nothing to redo.');
  });

  it('none of them runs while the scenario cannot, and each says why', () => {
    const store = makeStore(initialState({ ...defaultWorkspace(), scenarioText: 'name: x\nactions:\n  - { call: ecs.Nope }\n', scenarioId: null }), fakePort());
    for (const id of ['clock.toggle', 'clock.step', 'clock.faster', 'clock.jump'] as const) expect(runAction(store, id, '5m')).toBe(false);
    expect(store.getState().ui.notices.at(-1)!.text).toBe('Jump to a time: not now, the scenario cannot run; fix it in the editor first.');
  });
});
