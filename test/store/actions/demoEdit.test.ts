import { describe, expect, it } from 'vitest';
import { initialState, makeStore } from '../../../src/store/store';
import { runAction } from '../../../src/store/actions';
import { defaultWorkspace } from '../../../src/store/defaults';
import { readDemoFile } from '../../../src/store/demoFile';
import { selectWorldView } from '../../../src/store/selectors/world';
import { fakePort } from '../../support/fakePort';

const fresh = (port = fakePort()) => makeStore(initialState(defaultWorkspace()), port);

describe('the Demos tool: choices and callouts', () => {
  it('the Demos tool adds choices (a predicate refused by member until it reads) and callouts (pinned by a click), and the file keeps them', async () => {
    const port = fakePort();
    const store = fresh(port);
    runAction(store, 'console.run', 'sim launch-instances --cluster demo --count 2');
    runAction(store, 'clock.jump', '1m');
    runAction(store, 'demo.addStop', { prompt: 'How many tasks run?', reveal: 'None yet.', revealAfter: 'soon' });
    expect(store.getState().ui.notices.at(-1)!.text).toBe('"Reveal after" is a number of seconds (or empty to reveal at once), not "soon".');
    expect(store.getState().present.draft.stops).toEqual([]);
    runAction(store, 'demo.addStop', { prompt: 'How many tasks run?', reveal: 'None yet.', revealAfter: '10' });
    expect(store.getState().present.draft.stops.map((x) => [x.at, x.revealAt])).toEqual([[60_000, 70_000]]);
    runAction(store, 'demo.addChoice', { at: 60_000, label: 'Two', when: '{ count: tasks, equal: 2 }' });
    expect(store.getState().present.draft.stops[0]!.choices).toBeUndefined();
    expect(store.getState().ui.notices.at(-1)!.text).toBe(
      "No choice added: 1:17: when.equal: unknown member 'equal'; a condition has count, where, equals, atLeast, atMost, event, sequence, holdsFor, within, after, window, from, never, rate, since.",
    );
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
    expect(d.demo!.pauses[0]!.revealAt).toBe(70_000);
    expect(d.demo!.pauses[0]!.choices!.map((c) => [c.label, c.when])).toEqual([
      ['None', { count: 'tasks', where: { lastStatus: 'RUNNING' }, equals: 0 }],
      ['Two', { count: 'tasks', equals: 2 }],
    ]);
    // An instance launched without an id gets one as the world runs: the file names it as the canvas did.
    expect(d.demo!.callouts).toEqual([{ at: 60_000, until: 120_000, node: `instance:${inst.ec2InstanceId}`, text: 'Watch <b>this</b> one' }]);
  });

  it('removes a choice (the question without any keeps no empty list) and refuses a sixth', async () => {
    const store = fresh();
    runAction(store, 'clock.jump', '1m');
    runAction(store, 'demo.addStop', { prompt: 'How many?', reveal: 'None.' });
    for (const n of [0, 1, 2, 3, 4, 5]) await runAction(store, 'demo.addChoice', { at: 60_000, label: `${n}`, when: `{ count: tasks, equals: ${n} }` });
    const stop = () => store.getState().present.draft.stops[0]!;
    expect(stop().choices!.map((c) => c.label)).toEqual(['0', '1', '2', '3', '4']);
    expect(store.getState().ui.notices.at(-1)!.text).toBe('No choice added: a question has at most 5 choices.');
    runAction(store, 'demo.addChoice', { at: 5_000, label: 'Elsewhere', when: '{ count: tasks, equals: 1 }' });
    expect(store.getState().ui.notices.at(-1)!.text).toMatch(/^No choice added: /);
    runAction(store, 'demo.removeChoice', { at: 60_000, index: 1 });
    expect(stop().choices!.map((c) => c.label)).toEqual(['0', '2', '3', '4']);
    for (let i = 0; i < 4; i++) runAction(store, 'demo.removeChoice', { at: 60_000, index: 0 });
    expect(stop()).not.toHaveProperty('choices');
  });

  it('a callout is refused without text, over 200 characters or with an end that is no time; it can be unpinned and removed', () => {
    const store = fresh();
    runAction(store, 'clock.jump', '1m');
    const last = () => store.getState().ui.notices.at(-1)!.text;
    runAction(store, 'demo.addCallout', { text: '   ' });
    expect(last()).toMatch(/^No callout added: /);
    runAction(store, 'demo.addCallout', { text: 'x'.repeat(201) });
    expect(last()).toMatch(/200/);
    runAction(store, 'demo.addCallout', { text: 'Look', until: 'later' });
    expect(last()).toMatch(/later/);
    expect(store.getState().present.draft.callouts).toEqual([]);
    runAction(store, 'demo.addCallout', { text: 'Look here', node: 'cluster:demo' });
    expect(store.getState().present.draft.callouts).toEqual([{ at: 60_000, text: 'Look here', node: 'cluster:demo' }]);
    runAction(store, 'demo.pinCallout', { index: 0, node: null });
    expect(store.getState().present.draft.callouts).toEqual([{ at: 60_000, text: 'Look here' }]);
    // A click on nothing that can hold a callout says so and pins nothing.
    runAction(store, 'demo.pickNode', 0);
    runAction(store, 'demo.pinClicked', { kind: 'instance', id: 'arn:nothing' });
    expect(last()).toBe('That cannot hold a callout: pick an instance, a task or a load balancer.');
    expect(store.getState().present.pinning).toBeNull();
    runAction(store, 'demo.removeCallout', 0);
    expect(store.getState().present.draft.callouts).toEqual([]);
  });
});
