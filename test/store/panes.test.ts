import { describe, expect, it } from 'vitest';
import { initialState, makeStore } from '../../src/store/store';
import { runAction } from '../../src/store/actions';
import { defaultWorkspace } from '../../src/store/defaults';
import { INSTANCE_TYPES } from '../../src/sim';
import { demoPanes, selectPaneFigures, selectPaneViews } from '../../src/store/selectors/panes';
import { fakePort } from '../support/fakePort';

const fresh = () => makeStore(initialState(defaultWorkspace()), fakePort());

describe('worlds side by side', () => {
  it('the placement demo shows its three clusters in labelled panes and compares them in one table', async () => {
    const store = fresh();
    runAction(store, 'demo.open', 'placement-side-by-side');
    await expect.poll(() => store.getState().lesson.demo?.id).toBe('placement-side-by-side');
    const views = selectPaneViews(store.getState());
    expect(views.map((p) => [p.pane.cluster, p.pane.label])).toEqual([['spread', 'Spread by AZ, then by instance'], ['binpack', 'Binpack on memory'], ['random', 'Random']]);
    // Each pane holds only its own cluster's instances.
    for (const { pane, view } of views) {
      expect(view.services).toEqual([]);
      expect(view.azs.flatMap((z) => z.instances).map((i) => i.cluster)).toEqual(Array(4).fill(pane.cluster));
    }
    runAction(store, 'clock.jump', '30s');
    const at30 = Object.fromEntries(selectPaneFigures(store.getState()).map((f) => [f.pane.cluster, f]));
    expect(at30.spread).toMatchObject({ placed: 8, used: 4, instances: 4, failed: 0 });
    // Binpack fills the tightest instance first: three of 2 GiB fit an m5.large, so 3, 3 and 2.
    expect(at30.binpack).toMatchObject({ placed: 8, used: 3, instances: 4, failed: 0 });
    expect(at30.random).toMatchObject({ placed: 8, instances: 4, failed: 0 });
    runAction(store, 'clock.jump', '2m');
    const end = Object.fromEntries(selectPaneFigures(store.getState()).map((f) => [f.pane.cluster, f]));
    // distinctInstance is binding: two of the four start, two are RunTask failures.
    expect(end.binpack).toMatchObject({ placed: 10, used: 4, failed: 2 });
    // Four m5.large for two minutes at the on-demand price.
    expect(end.spread!.costUSD).toBeCloseTo(4 * INSTANCE_TYPES['m5.large']!.price * 2 / 60, 6);
  });

  it("the demo's m5.large instances register what the instance catalogue says an m5.large registers", async () => {
    const store = fresh();
    runAction(store, 'demo.open', 'placement-side-by-side');
    await expect.poll(() => store.getState().lesson.demo?.id).toBe('placement-side-by-side');
    const m5 = INSTANCE_TYPES['m5.large']!;
    const instances = Object.values(store.getState().world.timeline!.sim.world.containerInstances);
    expect(instances).toHaveLength(12);
    for (const ci of instances) expect([ci.instanceType, ci.registeredCpu, ci.registeredMemory]).toEqual(['m5.large', m5.vcpu * 1024, m5.osMemoryMiB]);
  });

  it('a demo without panes has none', () => {
    expect(demoPanes('name: x\nseed: 1\nactions: []\n')).toEqual([]);
    expect(demoPanes('presenter:\n  panes:\n    - { cluster: a, label: A }\n    - { cluster: b, label: B }\n')).toEqual([{ cluster: 'a', label: 'A' }, { cluster: 'b', label: 'B' }]);
  });
});
