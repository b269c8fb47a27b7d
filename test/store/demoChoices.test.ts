import { describe, expect, it } from 'vitest';
import { initialState, makeStore } from '../../src/store/store';
import { runAction, tick } from '../../src/store/actions';
import { defaultWorkspace } from '../../src/store/defaults';
import { readDemoFile } from '../../src/store/demoFile';
import { audienceShow, showMessage } from '../../src/store/present';
import { selectWorldView } from '../../src/store/selectors/world';
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
    expect(store.getState().world.now).toBe(46_000);
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
    await expect.poll(() => store.getState().lesson.demo!.pause!.revealed).toBe(true);
    q = audienceShow(store.getState()).question!;
    expect(q.choices!.map((c) => c.right)).toEqual([false, true, false]);
    expect(q.reveal).toMatch(/^Two: distinctInstance/);
    // After the reveal the pick stays as marked.
    expect(runAction(store, 'demo.pick', 1)).toBe(false);
  });

  it('a callout shows from its moment until its end: beside its node, or for the moment', async () => {
    const store = fresh();
    runAction(store, 'demo.open', 'faults-tour');
    await expect.poll(() => store.getState().lesson.demo?.id).toBe('faults-tour');
    runAction(store, 'clock.jump', '2m59s');
    expect(audienceShow(store.getState()).callouts).toEqual([]);
    runAction(store, 'clock.jump', '3m');
    expect(audienceShow(store.getState()).callouts).toEqual([{ node: 'instance:i-a1', text: 'Its agent is disconnected until 5:00: watch its task' }]);
    runAction(store, 'clock.jump', '5m');
    expect(audienceShow(store.getState()).callouts).toEqual([]);
    runAction(store, 'clock.jump', '9m');
    expect(audienceShow(store.getState()).callouts).toEqual([{ text: "Traffic is five times what it was: watch web's desired count on the Charts panel" }]);
  });

  it('the Demos tool adds choices (a predicate refused by member until it reads) and callouts (pinned by a click), and the file keeps them', async () => {
    const port = fakePort();
    const store = fresh(port);
    runAction(store, 'console.run', 'sim launch-instances --cluster demo --count 2');
    runAction(store, 'clock.jump', '1m');
    runAction(store, 'demo.addStop', { prompt: 'How many tasks run?', reveal: 'None yet.' });
    runAction(store, 'demo.addChoice', { at: 60_000, label: 'Two', when: '{ count: tasks, equal: 2 }' });
    expect(store.getState().present.draft.stops[0]!.choices).toBeUndefined();
    expect(store.getState().ui.notices.at(-1)!.text).toBe("No choice added: 1:17: when.equal: unknown member 'equal'; a condition has count, where, equals, atLeast, atMost, event, sequence, holdsFor, within, after, window, from, never, rate, since.");
    runAction(store, 'demo.addChoice', { at: 60_000, label: 'None', when: '{ count: tasks, where: { lastStatus: RUNNING }, equals: 0 }' });
    runAction(store, 'demo.addChoice', { at: 60_000, label: 'Two', when: '{"count": "tasks", "equals": 2}' });
    expect(store.getState().present.draft.stops[0]!.choices!.map((c) => c.label)).toEqual(['None', 'Two']);
    runAction(store, 'demo.addCallout', { text: 'Watch <b>this</b> one', until: '30s' });
    expect(store.getState().ui.notices.at(-1)!.text).toBe('No callout added: it ends after it begins.');
    runAction(store, 'demo.addCallout', { text: 'Watch <b>this</b> one', until: '2m' });
    runAction(store, 'demo.pickNode', 0);
    const inst = selectWorldView(store.getState())!.azs.flatMap((z) => z.instances)[0]!;
    runAction(store, 'demo.pinClicked', { kind: 'instance', id: inst.arn });
    expect(store.getState().present.pinning).toBeNull();
    expect(store.getState().present.draft.callouts).toEqual([{ at: 60_000, until: 120_000, node: `instance:${inst.ec2InstanceId}`, text: 'Watch <b>this</b> one' }]);
    runAction(store, 'demo.save');
    const file = port.downloads.at(-1)!;
    const d = await readDemoFile(file.name, file.text);
    expect(d.problems).toBeUndefined();
    expect(d.demo!.pauses[0]!.choices!.map((c) => [c.label, c.when])).toEqual([['None', { count: 'tasks', where: { lastStatus: 'RUNNING' }, equals: 0 }], ['Two', { count: 'tasks', equals: 2 }]]);
    // An instance launched without an id gets one as the world runs: the file names it as the canvas did.
    expect(d.demo!.callouts).toEqual([{ at: 60_000, until: 120_000, node: `instance:${inst.ec2InstanceId}`, text: 'Watch <b>this</b> one' }]);
  });
});
