import { describe, expect, it } from 'vitest';
import { initialState, makeStore } from '../../src/store/store';
import { runAction, tick } from '../../src/store/actions';
import { defaultWorkspace } from '../../src/store/defaults';
import { readDemoFile, readDemoLink, demoLink, selectEventHash } from '../../src/store/demoFile';
import { lessonFiles } from '../../src/store/lessons';
import { fakePort } from '../support/fakePort';
import { eventHash } from '../../src/content/report';

const fresh = (port = fakePort()) => makeStore(initialState(defaultWorkspace()), port);

/** The instructor's session: commands at their times and a question placed. */
function record() {
  const port = fakePort();
  const store = fresh(port);
  runAction(store, 'clock.jump', '1m');
  runAction(store, 'console.run', 'aws ecs register-task-definition --family web --container-definitions name=web,image=nginx,memory=256');
  runAction(store, 'clock.jump', '2m');
  runAction(store, 'demo.addStop', { prompt: 'Where do the three tasks go?', reveal: 'One per AZ: spread by AZ.' });
  runAction(store, 'console.run', 'aws ecs run-task --cluster demo --task-definition web --count 3 --placement-strategy type=spread,field=attribute:ecs.availability-zone');
  runAction(store, 'clock.jump', '2m30s');
  runAction(store, 'console.run', 'aws ecs create-service --cluster demo --service-name api --task-definition web --desired-count 2');
  runAction(store, 'demo.draft', { title: 'Spread in the room', summary: 'Three tasks, three AZs.', notes: 'Ask first.', focus: 'cluster:demo' });
  runAction(store, 'clock.jump', '5m');
  return { store, port };
}

describe('demos an instructor writes in the page', () => {
  it('what was done becomes a demo file that replays to the same world', async () => {
    const { store, port } = record();
    const hash = selectEventHash(store.getState());
    runAction(store, 'demo.save');
    const file = port.downloads.at(-1)!;
    expect(file.name).toBe('spread-in-the-room.yaml');
    const r = await readDemoFile(file.name, file.text);
    expect(r.problems).toBeUndefined();
    expect(r.demo).toMatchObject({
      title: 'Spread in the room',
      summary: 'Three tasks, three AZs.',
      text: 'Ask first.\n',
      focus: { kind: 'cluster', name: 'demo' },
      pauses: [{ at: 120_000, prompt: 'Where do the three tasks go?', reveal: 'One per AZ: spread by AZ.' }],
    });
    expect(file.text).toContain('call: ecs.RunTask');
    // Opened (no learner actions of its own), it reaches the same events by the same moment.
    const other = fresh();
    other.port.pickNamedFile = async () => ({ name: file.name, text: file.text });
    runAction(other, 'demo.openFile');
    await expect.poll(() => other.getState().lesson.demo?.def.title).toBe('Spread in the room');
    expect(other.getState().world.timeline!.actions).toEqual([]);
    runAction(other, 'clock.jump', '5m');
    expect(selectEventHash(other.getState())).toBe(hash);
    // And through a link.
    const link = await demoLink('https://sandbox.example', '/app/', file.name, file.text);
    const back = await readDemoLink(/#demo=(.*)$/.exec(link)![1]!);
    expect(back).toEqual({ name: file.name, text: file.text });
  });

  it('a request that failed while recording stays in the file, marked as failed', async () => {
    const port = fakePort();
    const store = fresh(port);
    runAction(store, 'console.run', 'aws ecs run-task --cluster demo --task-definition nope --count 2');
    runAction(store, 'clock.jump', '10s');
    runAction(store, 'demo.draft', { title: 'An error on purpose', summary: 'A missing task definition.' });
    runAction(store, 'demo.save');
    await expect.poll(() => port.downloads.length).toBe(1);
    const file = port.downloads.at(-1)!;
    expect(file.text).toMatch(/# failed when recorded: InvalidParameterException: TaskDefinition not found\.\n\s*- \{ at: 0s, call: ecs\.RunTask/);
    expect((await readDemoFile(file.name, file.text)).problems).toBeUndefined();
  });

  it('a broken demo file is refused at its line and member', async () => {
    const text = 'name: broken\nseed: 1\npresenter:\n  pauses:\n    - { at: 5s, prompt: "What now?" }\nactions: []\n';
    expect((await readDemoFile('broken.yaml', text)).problems).toMatch(/^demos\/broken\.yaml:5:\d+: presenter\.pauses\[0\]/m);
    expect((await readDemoFile('typo.yaml', 'name: x\nseed: 1\nactions:\n  - { call: ecs.CreateCluster, inptu: {} }\n')).problems).toMatch(/^demos\/typo\.yaml:4:\d+: actions\[0\]/m);
    expect((await readDemoFile('bad.yaml', 'name: [unclosed\n')).problems).toMatch(/^demos\/bad\.yaml:\d+:\d+: /);
  });

  it('a shipped demo reads through the same path', async () => {
    const files = await lessonFiles();
    for (const id of ['placement-side-by-side', 'random-two-seeds', 'scaling-day', 'game-day', 'faults-tour']) expect((await readDemoFile(`${id}.yaml`, files[`demos/${id}.yaml`]!)).demo?.id).toBe(id);
  });

  it.each(['placement-side-by-side', 'random-two-seeds', 'scaling-day', 'game-day', 'faults-tour'])('%s opens in the Demos tool, saves, and reads back to the same worlds: the same event hash in each pane at 2:00', async (id) => {
    const port = fakePort();
    const store = fresh(port);
    runAction(store, 'demo.open', id);
    await expect.poll(() => store.getState().lesson.demo?.id).toBe(id);
    const hashes = (s: ReturnType<typeof fresh>) => {
      const { variants } = s.getState().world;
      return [selectEventHash(s.getState()), ...variants.map((v) => eventHash(v.timeline.sim.events))];
    };
    runAction(store, 'clock.jump', '2m');
    const before = hashes(store);
    const title = store.getState().lesson.demo!.def.title;
    runAction(store, 'demo.save');
    const file = port.downloads.at(-1)!;
    const back = fresh();
    back.port.pickNamedFile = async () => ({ name: file.name, text: file.text });
    runAction(back, 'demo.openFile');
    await expect.poll(() => back.getState().lesson.demo?.def.title).toBe(title);
    expect(back.getState().lesson.demo!.def.pauses).toEqual(store.getState().lesson.demo!.def.pauses);
    expect(back.getState().lesson.demo!.panes.map((p) => p.label)).toEqual(store.getState().lesson.demo!.panes.map((p) => p.label));
    runAction(back, 'clock.jump', '2m');
    expect(hashes(back)).toEqual(before);
    expect(before[0]).not.toBe('');
  });

  it('a shipped demo opens in the same editor and saves back with its questions, focus and panes; a speed per segment sets the clock as the demo plays', async () => {
    const port = fakePort();
    const store = fresh(port);
    runAction(store, 'demo.open', 'placement-side-by-side');
    await expect.poll(() => store.getState().lesson.demo?.id).toBe('placement-side-by-side');
    const draft = store.getState().present.draft;
    expect(draft).toMatchObject({ title: expect.stringMatching(/^Placement strategies side by side/), focus: 'cluster:', panes: [] });
    expect(draft.variants.map((v) => v.label)).toEqual(['Binpack on memory', 'Spread by AZ, then by instance', 'Random']);
    expect(draft.stops.map((x) => [x.at, x.revealAt])).toEqual([
      [5_000, undefined],
      [40_000, 50_000],
    ]);
    expect(draft.stops[1]!.choices!.map((c) => c.label)).toEqual(['All 4: one on each instance', '2: only two instances have 2 GiB free', 'None: binpack filled the cluster']);
    // A speed from 20s on, then saved and played: the clock takes it when the segment begins.
    runAction(store, 'clock.jump', '20s');
    runAction(store, 'clock.speed', 10);
    runAction(store, 'demo.addSpeed');
    runAction(store, 'demo.save');
    const file = port.downloads.at(-1)!;
    const again = (await readDemoFile(file.name, file.text)).demo!;
    expect(again.pauses).toEqual(store.getState().lesson.demo!.def.pauses);
    expect(again.focus).toEqual({ kind: 'cluster' });
    // Its variants are saved as written: the same worlds again.
    expect(again.variants.map((v) => [v.label, v.seed, v.scenario.actions.find((a) => a.id === 'place')?.input.placementStrategy])).toEqual(
      store.getState().lesson.demo!.def.variants.map((v) => [v.label, v.seed, v.scenario.actions.find((a) => a.id === 'place')?.input.placementStrategy]),
    );
    const played = fresh();
    played.port.pickNamedFile = async () => ({ name: file.name, text: file.text });
    runAction(played, 'demo.openFile');
    await expect.poll(() => played.getState().lesson.demo?.panes.length).toBe(3);
    expect(played.getState().lesson.demo!.speeds).toEqual([{ at: 20_000, speed: 10 }]);
    runAction(played, 'clock.speed', 600);
    runAction(played, 'clock.jump', '19s');
    runAction(played, 'clock.toggle');
    tick(played, 100, 1_000);
    expect(played.getState().world.now).toBeGreaterThanOrEqual(20_000);
    expect(played.getState().world.speed).toBe(10);
  });
});
