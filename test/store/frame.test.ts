import { describe, expect, it } from 'vitest';
import { runAction, tick } from '../../src/store/actions';
import { sandbox } from '../support/sandbox';

/** The large scenario (200 instances, 2,000 tasks), playing at 3,600×: a frame of 16 ms asks for 57.6 simulated seconds. */
function playing() {
  const store = sandbox();
  runAction(store, 'scenario.pick', 'large-cluster');
  runAction(store, 'clock.toggle');
  runAction(store, 'clock.speed', 3600);
  return store;
}

const FRAME = 16 * 3600;

describe('the clock, frame by frame', () => {
  it('stops a frame when its budget is used, says where the world is, and catches up over the next frames', () => {
    const store = playing();
    // No budget: each frame runs only its first few dozen events.
    for (let i = 0; i < 20; i++) tick(store, 16, 0);
    const t = store.getState().world.timeline!;
    expect(t.now).toBeLessThan(20 * FRAME);
    expect(store.getState().world.now).toBe(t.now);
    // With room again, the next frame runs what the others left undone as well as its own.
    tick(store, 16, 10_000);
    expect(t.now).toBe(21 * FRAME);
    expect(store.getState().world.now).toBe(21 * FRAME);
  });

  it('makes the same world however the time is sliced into frames', () => {
    const sliced = playing();
    for (let i = 0; i < 20; i++) tick(sliced, 16, 0);
    tick(sliced, 16, 10_000);
    const whole = playing();
    whole.getState().world.timeline!.advanceTo(21 * FRAME);
    const events = (s: typeof sliced) => JSON.stringify(s.getState().world.timeline!.sim.events);
    expect(events(sliced)).toBe(events(whole));
    expect(sliced.getState().world.timeline!.sim.events.length).toBeGreaterThan(100);
  });

  it("owes nothing once paused: playing again runs one frame's time, not what was left undone before", () => {
    const store = playing();
    for (let i = 0; i < 5; i++) tick(store, 16, 0);
    runAction(store, 'clock.toggle');
    tick(store, 16);
    const at = store.getState().world.timeline!.now;
    runAction(store, 'clock.toggle');
    tick(store, 16, 10_000);
    expect(store.getState().world.timeline!.now).toBe(at + FRAME);
  });
});
