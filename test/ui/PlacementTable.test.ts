// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { PlacementTable } from '../../src/ui/PlacementTable';
import { runAction } from '../../src/store/actions';
import { selectInspection } from '../../src/store/selectors/inspector';
import { withTasks } from '../support/sandbox';
import { render } from '../support/render';

let done: (() => Promise<void>) | undefined;
afterEach(async () => void (await done?.()));

/** "Why here?" of one of four `web` tasks run with RunTask: three are placed, the fourth finds no host port 80. */
async function table(which: 'placed' | 'unplaced') {
  const store = withTasks(4);
  const tasks = Object.values(store.getState().world.timeline!.sim.world.tasks);
  const task = which === 'placed' ? tasks.find((t) => t.lastStatus === 'RUNNING')! : tasks.find((t) => t.lastStatus !== 'RUNNING')!;
  runAction(store, 'select', { kind: 'task', id: task.taskArn });
  const info = selectInspection(store.getState())!;
  const { root, unmount } = await render(store, createElement(PlacementTable, { info }));
  done = unmount;
  return root;
}

describe('"Why here?"', () => {
  it('gives each of the three instances a row and its reason, and says what decided', async () => {
    const root = await table('placed');
    expect(root.querySelector('table.placement caption')!.textContent).toBe('Each candidate: what became of it, the rule that decided it, and why');
    expect(root.querySelectorAll('tr.candidate')).toHaveLength(3);
    expect(root.querySelectorAll('tr.why')).toHaveLength(3);
    expect(root.querySelector('p')!.textContent).toMatch(/^At \d:\d\d:\d\d, group/);
    expect([...root.querySelectorAll('tr.candidate td:nth-child(3)')].map((td) => td.textContent)).toContain('chosen');
  });
});
