// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { World } from '../../src/ui/World';
import { runAction } from '../../src/store/actions';
import { sandbox } from '../support/sandbox';
import { fakePort } from '../support/fakePort';
import { initialState, makeStore } from '../../src/store/store';
import { defaultWorkspace } from '../../src/store/defaults';
import { click, render, settle } from '../support/render';

let done: (() => Promise<void>) | undefined;
afterEach(async () => void (await done?.()));

async function world(store = sandbox(), readOnly = false) {
  const page = await render(store, createElement(World as (p: { readOnly?: boolean }) => ReturnType<typeof World>, { readOnly }));
  done = page.unmount;
  return { store, root: page.root };
}

describe('the world', () => {
  it('while the clock shows the past, says that acting now replaces what came after, and offers the way back', async () => {
    const { store, root } = await world();
    await settle(() => runAction(store, 'clock.jump', '2m'));
    expect(root.querySelector('.past')).toBeNull();
    await settle(() => runAction(store, 'clock.seek', 30_000));
    const banner = root.querySelector('.past')!;
    expect(banner.getAttribute('role')).toBe('status');
    expect(banner.textContent).toBe('Viewing the past: acting now replaces what came after.Back to 0:02:00');
    await click(banner.querySelector('button')!);
    expect(store.getState().world.now).toBe(120_000);
    expect(root.querySelector('.past')).toBeNull();
  });

  it('a scenario that cannot run is said over the world, with where to fix it', async () => {
    const broken = 'name: broken\nactions:\n  - call: ecs.Nope\n';
    const w = defaultWorkspace();
    const store = makeStore(initialState({ ...w, scenarioId: null, scenarioText: broken, files: { ...w.files, 'scenario.yaml': broken } }), fakePort());
    const { root } = await world(store);
    expect(store.getState().world.problem).toMatch(/^scenario\.yaml:3:/);
    const alert = root.querySelector('.problem[role="alert"]')!;
    expect(alert.querySelector('h2')!.textContent).toBe('The scenario cannot run');
    expect(alert.querySelector('pre')!.textContent).toBe(store.getState().world.problem);
    expect(alert.querySelector('p')!.textContent).toBe("Its text is in the editor's Scenario tab; fix it there, or pick a built-in scenario above.");
    expect(root.querySelector('[role="region"]')).toBeNull();
  });

  it('shows the tables when asked, with the canvas a key away', async () => {
    const { store, root } = await world();
    await settle(() => runAction(store, 'view.toggle'));
    expect(root.querySelector('[role="region"]')!.getAttribute('aria-label')).toBe('Cluster as tables');
    expect(root.querySelectorAll('table caption').length).toBeGreaterThan(0);
    expect(root.querySelector('.canvas-frame')).toBeNull();
  });

  it('in the audience’s window: the canvas always, no notices and no way back to the present', async () => {
    const store = sandbox();
    await settle(() => runAction(store, 'view.toggle'));
    await settle(() => runAction(store, 'clock.jump', '2m'));
    await settle(() => runAction(store, 'clock.seek', 30_000));
    const { root } = await world(store, true);
    expect(root.querySelector('.notices')).toBeNull();
    expect(root.querySelector('.past')).toBeNull();
    await expect.poll(() => root.querySelector('[role="region"]')?.getAttribute('aria-label')).toBe('Cluster canvas: control plane and data plane');
  });
});
