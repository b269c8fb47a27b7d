// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { World } from '../../src/ui/World';
import { runAction } from '../../src/store/actions';
import { withTasks } from '../support/sandbox';
import { click, render, settle } from '../support/render';

let done: (() => Promise<void>) | undefined;
afterEach(async () => void (await done?.()));

/** The world's tables over two running tasks. */
async function tables() {
  const store = withTasks(2);
  await settle(() => runAction(store, 'view.toggle'));
  expect(store.getState().ui.view).toBe('table');
  const { root, unmount } = await render(store, createElement(World));
  done = unmount;
  const taskTable = () => [...root.querySelectorAll('table')].find((tb) => /^Tasks/.test(tb.querySelector('caption')!.textContent!))!;
  const rows = () => [...taskTable().querySelectorAll('tbody tr')];
  const current = () => [...root.querySelectorAll('tr[aria-current="true"]')];
  return { store, root, rows, current };
}

describe("the world's tables mark what the inspector shows", () => {
  it("the selected task's row is the current one, and follows the selection", async () => {
    const { store, rows, current } = await tables();
    expect(rows()).toHaveLength(2);
    expect(current()).toEqual([]);
    // Choosing a task from its row's button (a keyboard stop: a button) marks that row alone.
    const button = rows()[1]!.querySelector('button')!;
    expect(button.tabIndex).toBe(0);
    await click(button);
    expect(store.getState().ui.selected).toMatchObject({ kind: 'task' });
    expect(current()).toEqual([rows()[1]]);
    expect(rows()[1]!.className).toBe('current');
    // Chosen elsewhere (on the canvas, the inspector), the mark moves to that task's row.
    const tasks = store.getState().world.timeline!.sim.world.tasks;
    const otherArn = Object.keys(tasks).find((arn) => arn !== store.getState().ui.selected!.id)!;
    await settle(() => runAction(store, 'select', { kind: 'task', id: otherArn }));
    expect(current()).toEqual([rows()[0]]);
    await settle(() => runAction(store, 'select.clear'));
    expect(current()).toEqual([]);
  });

  it('a selected instance or service marks its row too', async () => {
    const { store, root, current } = await tables();
    const instanceButton = [...root.querySelectorAll('table')].find((tb) => /^Container instances/.test(tb.querySelector('caption')!.textContent!))!.querySelector('tbody button')!;
    await click(instanceButton);
    expect(store.getState().ui.selected).toMatchObject({ kind: 'instance' });
    expect(current()).toHaveLength(1);
    expect(current()[0]!.contains(instanceButton)).toBe(true);
  });
});
