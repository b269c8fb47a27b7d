import { describe, expect, it } from 'vitest';
import { initialState, makeStore, type SandboxStore } from '../../../src/store/store';
import { runAction, tick } from '../../../src/store/actions';
import { openDemoText } from '../../../src/store/actions/demo';
import { defaultWorkspace } from '../../../src/store/defaults';
import { INSTANCE_TYPES } from '../../../src/sim';
import { eventHash } from '../../../src/content/report';
import { followShow, showMessage } from '../../../src/store/present';
import { selectInspection } from '../../../src/store/selectors/inspector';
import { demoPanes, selectPaneFigures, selectPaneViews } from '../../../src/store/selectors/panes';
import { fakePort } from '../../support/fakePort';

const fresh = () => makeStore(initialState(defaultWorkspace()), fakePort());

const LABELS = ['Binpack on memory', 'Spread by AZ, then by instance', 'Random'];

async function placement(): Promise<SandboxStore> {
  const store = fresh();
  runAction(store, 'demo.open', 'placement-side-by-side');
  await expect.poll(() => store.getState().lesson.demo?.id).toBe('placement-side-by-side');
  return store;
}

const worlds = (store: SandboxStore) => store.getState().world.variants.map((v) => v.timeline);
const figures = (store: SandboxStore) => Object.fromEntries(selectPaneFigures(store.getState()).map((f) => [f.pane.label, f]));

/** A demo of one cluster, two instances and a RunTask of 4 tasks placed at random, with the variants given. */
const randomDemo = (variants: string) => `name: Two seeds
seed: 3
durations: { instanceBoot: 0 }
presenter:
  summary: Random placement, seed by seed.
  variants:
${variants}
actions:
  - { call: ecs.RegisterTaskDefinition, input: { family: worker, containerDefinitions: [ { name: worker, image: busybox, cpu: 256, memory: 512 } ] } }
  - { call: ecs.CreateCluster, input: { clusterName: c } }
  - { call: sim.LaunchInstances, input: { cluster: c, instanceType: m5.large, count: 4 } }
  - { at: 10s, call: ecs.RunTask, input: { cluster: c, taskDefinition: worker, count: 6, placementStrategy: [ { type: random } ] } }
until: 1m
`;

describe('worlds side by side: separate worlds on one clock', () => {
  it('the placement demo is three worlds of one cluster each, labelled, differing only in the strategy, compared in one table', async () => {
    const store = await placement();
    const views = selectPaneViews(store.getState());
    expect(views.map((p) => p.pane.label)).toEqual(LABELS);
    // Each pane is a world of its own: one cluster, four instances of its own.
    for (const { view } of views) {
      expect(view.clusters.length + view.azs.flatMap((z) => z.instances).length).toBeGreaterThan(0);
      expect(view.azs.flatMap((z) => z.instances).map((i) => i.cluster)).toEqual(Array(4).fill('placement'));
    }
    const [binpack, spread, random] = worlds(store);
    expect(new Set([spread, binpack, random]).size).toBe(3);
    expect(store.getState().world.timeline).toBe(binpack);
    runAction(store, 'clock.jump', '30s');
    expect(worlds(store).map((t) => t.now)).toEqual([30_000, 30_000, 30_000]);
    const at30 = figures(store);
    expect(at30[LABELS[1]!]).toMatchObject({ placed: 8, used: 4, instances: 4, failed: 0 });
    // Binpack fills the tightest instance first: three of 2 GiB fit an m5.large, so 3, 3 and 2.
    expect(at30[LABELS[0]!]).toMatchObject({ placed: 8, used: 3, instances: 4, failed: 0 });
    expect(at30[LABELS[2]!]).toMatchObject({ placed: 8, instances: 4, failed: 0 });
    runAction(store, 'clock.jump', '2m');
    const end = figures(store);
    // distinctInstance is binding: after binpack two of the four start (two RunTask failures); after spread all four do.
    expect(end[LABELS[0]!]).toMatchObject({ placed: 10, used: 4, failed: 2 });
    expect(end[LABELS[1]!]).toMatchObject({ placed: 12, used: 4, failed: 0 });
    // Four m5.large for two minutes at the on-demand price, in each world (its cost meter).
    for (const l of LABELS) expect(end[l]!.costUSD).toBeCloseTo((4 * INSTANCE_TYPES['m5.large']!.price * 2) / 60, 6);
  });

  it('the worlds diverge only where their overrides do: the same events until the RunTask, different placements after', async () => {
    const store = await placement();
    runAction(store, 'clock.jump', '2m');
    const before = (t: ReturnType<typeof worlds>[number]) => eventHash(t.sim.events.filter((e) => e.t < 10_000));
    const [a, b, c] = worlds(store);
    expect(a!.sim.events.filter((e) => e.t < 10_000).length).toBeGreaterThanOrEqual(10);
    expect(before(b!)).toBe(before(a!));
    expect(before(c!)).toBe(before(a!));
    const hashes = worlds(store).map((t) => eventHash(t.sim.events));
    expect(new Set(hashes).size).toBe(3);
  });

  it('play, speed and scrubbing move every world: one clock', async () => {
    const store = await placement();
    runAction(store, 'clock.speed', 60);
    runAction(store, 'clock.toggle');
    // The clock stops at the first question (5 s) in every world; revealed and continued, it runs on.
    for (let i = 0; i < 10; i++) tick(store, 50, 1_000);
    expect(worlds(store).map((t) => t.now)).toEqual([5_000, 5_000, 5_000]);
    runAction(store, 'demo.reveal');
    runAction(store, 'demo.reveal');
    for (let i = 0; i < 10; i++) tick(store, 50, 1_000);
    const now = store.getState().world.now;
    expect(now).toBeGreaterThanOrEqual(25_000);
    expect(worlds(store).map((t) => t.now)).toEqual([now, now, now]);
    // The binpack world placed its tasks as the clock ran, with nothing but the clock asking it to.
    expect(figures(store)[LABELS[0]!]).toMatchObject({ placed: 8, used: 3 });
    runAction(store, 'clock.seek', 5_000);
    expect(worlds(store).map((t) => t.now)).toEqual([5_000, 5_000, 5_000]);
    expect(selectPaneFigures(store.getState()).map((f) => f.placed)).toEqual([0, 0, 0]);
    runAction(store, 'clock.latest');
    expect(worlds(store).map((t) => t.now)).toEqual([now, now, now]);
  });

  it("a learner's action is done in every world, and undone in every world", async () => {
    const store = await placement();
    runAction(store, 'clock.jump', '30s');
    runAction(store, 'console.run', 'aws ecs run-task --cluster placement --task-definition worker --count 1');
    await expect.poll(() => worlds(store).map((t) => t.actions.length)).toEqual([1, 1, 1]);
    runAction(store, 'clock.jump', '35s');
    // One more task in each world, placed by the world's own state.
    expect(selectPaneFigures(store.getState()).map((f) => f.placed)).toEqual([9, 9, 9]);
    runAction(store, 'history.undo');
    expect(worlds(store).map((t) => t.actions.length)).toEqual([0, 0, 0]);
    expect(selectPaneFigures(store.getState()).map((f) => f.placed)).toEqual([8, 8, 8]);
  });

  it("a task clicked in a world's pane is inspected in that world: its own placement decision", async () => {
    const store = await placement();
    runAction(store, 'clock.jump', '30s');
    const binpack = worlds(store)[0]!;
    const arn = binpack.sim.world.taskOrder[0]!;
    runAction(store, 'select', { kind: 'task', id: arn, world: 0 });
    const seen = selectInspection(store.getState())!;
    expect(seen.title).toContain('(Binpack on memory)');
    expect(seen.trace!.strategies.join(' ')).toContain('binpack');
    runAction(store, 'select', { kind: 'task', id: worlds(store)[1]!.sim.world.taskOrder[0]!, world: 1 });
    expect(selectInspection(store.getState())!.title).toContain('(Spread by AZ, then by instance)');
    expect(selectInspection(store.getState())!.trace!.strategies.join(' ')).toContain('spread');
  });

  it('the same seed and no override make the same world; another seed of a random placement, another', async () => {
    const store = fresh();
    expect(
      await openDemoText(
        store,
        'seeds.yaml',
        randomDemo(`    - { label: Seed 3 }
    - { label: Seed 3 again }
    - { label: Seed 4, seed: 4 }`),
      ),
    ).toBe(true);
    runAction(store, 'clock.jump', '1m');
    const [a, b, c] = worlds(store).map((t) => eventHash(t.sim.events));
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    expect(worlds(store).map((t) => t.seed)).toEqual(['3', '3', '4']);
  });

  it('the shipped demo of two seeds: the same random RunTask spreads differently in each world, and the table says so', async () => {
    const store = fresh();
    runAction(store, 'demo.open', 'random-two-seeds');
    await expect.poll(() => store.getState().lesson.demo?.id).toBe('random-two-seeds');
    runAction(store, 'clock.jump', '1m');
    expect(worlds(store).map((t) => t.seed)).toEqual(['11', '12']);
    // Seed 11 puts four of the six on one instance and leaves one empty; seed 12 uses all four.
    expect(selectPaneFigures(store.getState()).map((f) => [f.pane.label, f.placed, f.used, f.instances, f.failed])).toEqual([
      ['Seed 11', 6, 3, 4, 0],
      ['Seed 12', 6, 4, 4, 0],
    ]);
  });

  it("the audience's window builds the same worlds from the presenter's message and follows its clock", async () => {
    const store = await placement();
    runAction(store, 'clock.jump', '30s');
    const audience = fresh();
    expect(followShow(audience, showMessage(store.getState(), true))).toBe(true);
    expect(audience.getState().present.show!.panes.map((p) => p.label)).toEqual(LABELS);
    const hashes = (s: SandboxStore) => worlds(s).map((t) => eventHash(t.sim.events));
    expect(hashes(audience)).toEqual(hashes(store));
    expect(selectPaneFigures(audience.getState()).map((f) => [f.placed, f.used])).toEqual(selectPaneFigures(store.getState()).map((f) => [f.placed, f.used]));
    runAction(store, 'clock.jump', '2m');
    expect(followShow(audience, showMessage(store.getState(), false))).toBe(true);
    expect(worlds(audience).map((t) => t.now)).toEqual([120_000, 120_000, 120_000]);
    expect(hashes(audience)).toEqual(hashes(store));
    // The variants' texts cross without the presenter's notes.
    expect(JSON.stringify(showMessage(store.getState(), true))).not.toContain('Ask the room');
  });

  it('clusters of one world side by side (presenter.panes) still show each cluster in its pane', async () => {
    const store = fresh();
    const text = `name: Two clusters
seed: 1
durations: { instanceBoot: 0 }
presenter:
  summary: Two clusters.
  panes: [ { cluster: a, label: "A" }, { cluster: b, label: "B" } ]
actions:
  - { call: ecs.RegisterTaskDefinition, input: { family: w, containerDefinitions: [ { name: w, image: busybox, memory: 512 } ] } }
  - { call: ecs.CreateCluster, input: { clusterName: a } }
  - { call: ecs.CreateCluster, input: { clusterName: b } }
  - { call: sim.LaunchInstances, input: { cluster: a, instanceType: m5.large, count: 2 } }
  - { call: sim.LaunchInstances, input: { cluster: b, instanceType: m5.large, count: 1 } }
  - { at: 5s, call: ecs.RunTask, input: { cluster: b, taskDefinition: w, count: 3 } }
`;
    expect(await openDemoText(store, 'two.yaml', text)).toBe(true);
    expect(store.getState().world.variants).toEqual([]);
    runAction(store, 'clock.jump', '1m');
    const views = selectPaneViews(store.getState());
    expect(views.map((p) => [p.pane.cluster, p.view.azs.flatMap((z) => z.instances).length])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    expect(selectPaneFigures(store.getState()).map((f) => [f.pane.label, f.placed, f.used])).toEqual([
      ['A', 0, 0],
      ['B', 3, 1],
    ]);
    expect(demoPanes(text)).toEqual([
      { cluster: 'a', label: 'A' },
      { cluster: 'b', label: 'B' },
    ]);
  });

  it("the demo's m5.large instances register what the instance catalogue says an m5.large registers", async () => {
    const store = await placement();
    const m5 = INSTANCE_TYPES['m5.large']!;
    for (const t of worlds(store)) {
      const instances = Object.values(t.sim.world.containerInstances);
      expect(instances).toHaveLength(4);
      for (const ci of instances) expect([ci.instanceType, ci.registeredCpu, ci.registeredMemory]).toEqual(['m5.large', m5.vcpu * 1024, m5.osMemoryMiB]);
    }
  });
});
