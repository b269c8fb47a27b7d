import { describe, expect, it } from 'vitest';
import { initialState, makeStore, patch } from '../../src/store/store';
import { keyAction, pressKey, runAction, tick } from '../../src/store/actions';
import { selectPalette } from '../../src/store/selectors/palette';
import { defaultWorkspace } from '../../src/store/defaults';
import { audienceShow, showMessage } from '../../src/store/present';
import { fakePort } from '../support/fakePort';

const fresh = (port = fakePort()) => makeStore(initialState(defaultWorkspace()), port);

/** Plays the demo's clock until it stops at its next question. */
function playToQuestion(store: ReturnType<typeof fresh>): void {
  runAction(store, 'clock.speed', 60);
  if (!store.getState().world.playing) runAction(store, 'clock.toggle');
  for (let i = 0; i < 200 && !store.getState().lesson.demo!.pause; i++) tick(store, 100, 1_000);
}

describe("a demo's answer choices and callouts in the page", () => {
  it('the room sees the choices while asked, the pick the presenter marked, and right or wrong only after the reveal, as the world has it', async () => {
    const store = fresh();
    runAction(store, 'demo.open', 'placement-side-by-side');
    await expect.poll(() => store.getState().lesson.demo?.id).toBe('placement-side-by-side');
    playToQuestion(store);
    // The first question (no choices): revealed, then the clock runs on to the second.
    expect(store.getState().lesson.demo!.pause!.choices).toBeUndefined();
    expect(runAction(store, 'demo.pick', 0)).toBe(false);
    runAction(store, 'demo.reveal');
    runAction(store, 'demo.reveal');
    playToQuestion(store);
    // Asked at 0:40, before the RunTask at 0:45 it asks about: the binpack world holds its first 8 tasks only.
    expect(store.getState().world.now).toBe(40_000);
    const tasks = () => Object.keys(store.getState().world.timeline!.sim.world.tasks).length;
    expect(tasks()).toBe(8);
    // Keys 1 to 5 (or a click) mark the room's pick: here the intuitive one, all four.
    expect(runAction(store, 'demo.pick', 0)).toBe(true);
    expect(runAction(store, 'demo.pick', 7)).toBe(false);
    let q = audienceShow(store.getState()).question!;
    expect(q.reveal).toBeNull();
    expect(q.choices).toEqual([
      { label: 'All 4: one on each instance', picked: true, right: null },
      { label: '2: only two instances have 2 GiB free', picked: false, right: null },
      { label: 'None: binpack filled the cluster', picked: false, right: null },
    ]);
    // What crosses to the audience's window says no more before the reveal.
    expect(JSON.stringify(showMessage(store.getState(), true))).not.toContain('"right":true');
    runAction(store, 'demo.reveal');
    // Reveal runs the clock on to 0:50 (past the RunTask), then judges the choices there.
    expect(store.getState().world.now).toBe(50_000);
    expect(store.getState().world.playing).toBe(false);
    expect(tasks()).toBe(10);
    await expect.poll(() => store.getState().lesson.demo!.pause!.revealed).toBe(true);
    q = audienceShow(store.getState()).question!;
    expect(q.choices!.map((c) => c.right)).toEqual([false, true, false]);
    expect(q.reveal).toMatch(/^Two: distinctInstance/);
    // After the reveal the pick stays as marked.
    expect(runAction(store, 'demo.pick', 1)).toBe(false);
  });

  it("keys 1 to 5 are the registry's: each marks its choice while a question with that many is open, and the palette lists each choice with its key", async () => {
    const store = fresh();
    const key = (k: string) => ({ key: k, ctrl: false, meta: false, shift: false, alt: false });
    const picks = () => selectPalette(store.getState()).filter((e) => e.id === 'demo.pick');
    runAction(store, 'demo.open', 'placement-side-by-side');
    await expect.poll(() => store.getState().lesson.demo?.id).toBe('placement-side-by-side');
    // No question open: the digits are left to the page, and the palette offers no choice.
    expect(keyAction(store.getState(), key('1'), { where: 'page' })).toBeUndefined();
    expect(picks()).toEqual([]);
    playToQuestion(store);
    runAction(store, 'demo.reveal');
    runAction(store, 'demo.reveal');
    playToQuestion(store);
    expect(store.getState().lesson.demo!.pause!.choices).toHaveLength(3);
    expect(picks().map((e) => [e.choice, e.shortcut, e.disabled])).toEqual([
      ['All 4: one on each instance', '1', null],
      ['2: only two instances have 2 GiB free', '2', null],
      ['None: binpack filled the cluster', '3', null],
    ]);
    // In a text field the digits are the field's.
    expect(pressKey(store, key('2'), { where: 'field' })).toBe(false);
    expect(pressKey(store, key('2'), { where: 'page' })).toBe(true);
    expect(store.getState().lesson.demo!.pause!.picked).toBe(1);
    // Three choices: 4 and 5 mean nothing now.
    expect(pressKey(store, key('5'), { where: 'page' })).toBe(false);
    expect(store.getState().lesson.demo!.pause!.picked).toBe(1);
    // The same key again takes the pick back.
    expect(pressKey(store, key('2'), { where: 'page' })).toBe(true);
    expect(store.getState().lesson.demo!.pause!.picked).toBeUndefined();
    pressKey(store, key('3'), { where: 'page' });
    runAction(store, 'demo.reveal');
    await expect.poll(() => store.getState().lesson.demo!.pause!.revealed).toBe(true);
    // Revealed: the pick stands, and the digits are the page's again.
    expect(pressKey(store, key('1'), { where: 'page' })).toBe(false);
    expect(store.getState().lesson.demo!.pause!.picked).toBe(2);
    expect(picks()).toEqual([]);
  });

  it('Play while a question is shown continues: the question closes, the clock stops at the next one, and the demo ends at its until', async () => {
    const store = fresh();
    runAction(store, 'demo.open', 'placement-side-by-side');
    await expect.poll(() => store.getState().lesson.demo?.id).toBe('placement-side-by-side');
    playToQuestion(store);
    expect(store.getState().world.now).toBe(5_000);
    // Play while the first question is asked (no reveal yet) or revealed: it closes, and the clock plays on.
    runAction(store, 'demo.reveal');
    await expect.poll(() => store.getState().lesson.demo!.pause!.revealed).toBe(true);
    runAction(store, 'clock.toggle');
    expect(store.getState().lesson.demo!.pause).toBeNull();
    expect(store.getState().world.playing).toBe(true);
    for (let i = 0; i < 200 && !store.getState().lesson.demo!.pause; i++) tick(store, 100, 1_000);
    // The later question is not skipped: the clock stops at it.
    expect(store.getState().world.now).toBe(40_000);
    expect(store.getState().lesson.demo!.pause!.prompt).toMatch(/^At 0:45/);
    expect(store.getState().world.playing).toBe(false);
    // Playing while it is shown moves nothing until Play (as Continue) closes it.
    patch(store, { world: { playing: true } });
    tick(store, 100, 1_000);
    expect(store.getState().world.now).toBe(40_000);
    runAction(store, 'clock.toggle');
    expect(store.getState().lesson.demo!.pause).toBeNull();
    for (let i = 0; i < 400 && store.getState().world.playing; i++) tick(store, 1_000, 1_000);
    // No question is left: the clock runs to the demo's end (until: 2m) and stops there.
    expect(store.getState().world.now).toBe(120_000);
    expect(store.getState().world.playing).toBe(false);
    runAction(store, 'clock.toggle');
    tick(store, 1_000, 1_000);
    expect(store.getState().world.now).toBe(120_000);
  });

  it('a callout shows from its moment until its end: beside its node, or for the moment', async () => {
    const store = fresh();
    runAction(store, 'demo.open', 'faults-tour');
    await expect.poll(() => store.getState().lesson.demo?.id).toBe('faults-tour');
    runAction(store, 'clock.jump', '2m59s');
    expect(audienceShow(store.getState()).callouts).toEqual([]);
    runAction(store, 'clock.jump', '3m');
    expect(audienceShow(store.getState()).callouts).toEqual([{ node: 'instance:i-a1', text: 'Its agent lost its connection at 3:00: ECS reads it connected until the heartbeats go missing' }]);
    // The callout that says the agent is disconnected shows once the world has it so (the node turns red at 4:41).
    const agent = () => Object.values(store.getState().world.timeline!.sim.world.containerInstances).find((c) => c.ec2InstanceId === 'i-a1')!.agentConnected;
    runAction(store, 'clock.jump', '4m40s');
    expect(agent()).toBe(true);
    runAction(store, 'clock.jump', '4m42s');
    expect(agent()).toBe(false);
    expect(audienceShow(store.getState()).callouts).toEqual([{ node: 'instance:i-a1', text: 'ECS marked its agent disconnected at 4:41 (back at 5:00): watch its task' }]);
    runAction(store, 'clock.jump', '5m');
    expect(audienceShow(store.getState()).callouts).toEqual([]);
    runAction(store, 'clock.jump', '9m');
    expect(audienceShow(store.getState()).callouts).toEqual([{ text: "Traffic is five times what it was: watch web's desired count on the Charts panel" }]);
  });
});
