// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { ConfirmDialog } from '../../src/ui/ConfirmDialog';
import { runAction } from '../../src/store/actions';
import { sandbox } from '../support/sandbox';
import { click, render, settle } from '../support/render';

let done: (() => Promise<void>) | undefined;
afterEach(async () => void (await done?.()));

/** The dialog over a world with one action of the learner's at stake. */
async function asked() {
  const store = sandbox();
  const page = await render(store, createElement(ConfirmDialog));
  done = page.unmount;
  await settle(() => runAction(store, 'console.run', 'aws ecs create-cluster --cluster-name mine'));
  await settle(() => runAction(store, 'scenario.pick', 'busy-cluster'));
  const buttons = () => [...page.root.querySelectorAll('button')];
  return { store, root: page.root, buttons };
}

describe('the question before replacing the world', () => {
  it('names what opens and the work at stake, with keep and replace', async () => {
    const { root, buttons } = await asked();
    expect(root.querySelector('dialog')!.open).toBe(true);
    expect(root.querySelector('#confirm-q')!.textContent).toBe('Open “Busy production-like cluster: ALB, auto scaling, Cloud Map, Fargate”?');
    expect(root.querySelector('#confirm-text')!.textContent).toBe('This replaces the world you have built here (your 1 action up to 0:00:00). It cannot be undone; Export keeps a copy of your work first.');
    expect(buttons().map((b) => b.textContent)).toEqual(['Keep my world', 'Replace my world']);
  });

  it('keep leaves the world as it was', async () => {
    const { store, root, buttons } = await asked();
    await click(buttons()[0]!);
    expect(root.querySelector('dialog')!.open).toBe(false);
    expect(store.getState().world.scenarioId).toBe('empty-cluster');
    expect(store.getState().world.timeline!.actions).toHaveLength(1);
  });

  it('replace opens the scenario named, without the learner’s actions', async () => {
    const { store, buttons } = await asked();
    await click(buttons()[1]!);
    await expect.poll(() => store.getState().world.scenarioId).toBe('busy-cluster');
    expect(store.getState().world.timeline!.actions).toEqual([]);
  });
});
