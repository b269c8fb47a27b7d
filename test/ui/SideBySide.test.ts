// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { SideBySide } from '../../src/ui/SideBySide';
import { runAction } from '../../src/store/actions';
import { openDemoById } from '../../src/store/lessons';
import { sandbox } from '../support/sandbox';
import { render, settle } from '../support/render';

let done: (() => Promise<void>) | undefined;
afterEach(async () => void (await done?.()));

const rows = (root: HTMLElement) => [...root.querySelectorAll('table.compare tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));

describe('worlds side by side', () => {
  it('a pane per world under its label, and one table comparing them on one clock', async () => {
    const store = sandbox();
    await settle(() => openDemoById(store, 'placement-side-by-side'));
    const { root, unmount } = await render(store, createElement(SideBySide, { onSelect: undefined, spotlight: null, worldId: 0 }));
    done = unmount;
    await settle();
    expect(root.querySelector('section')!.getAttribute('aria-label')).toBe('Worlds side by side');
    expect(root.querySelector('table.compare caption')!.textContent).toBe('Side by side, on one clock');
    expect([...root.querySelectorAll('table.compare thead th')].map((th) => th.textContent)).toEqual(['Pane', 'Tasks placed', 'Instances used', 'Cost so far', 'Failed requests']);
    expect(rows(root).map((r) => r[0])).toEqual(['Binpack on memory', 'Spread by AZ, then by instance', 'Random']);
    expect(rows(root).map((r) => r[1])).toEqual(['0', '0', '0']);
  });

  it('the table follows the clock: after the first RunTask each world has placed its 8 tasks its own way', async () => {
    const store = sandbox();
    await settle(() => openDemoById(store, 'placement-side-by-side'));
    const { root, unmount } = await render(store, createElement(SideBySide, { onSelect: undefined, spotlight: null, worldId: 0 }));
    done = unmount;
    await settle(() => runAction(store, 'clock.jump', '30s'));
    const r = rows(root);
    expect(r.map((x) => x[1])).toEqual(['8', '8', '8']);
    // Binpack leaves an instance empty; spreading by AZ uses all four.
    expect(r[0]![2]).toBe('3 of 4');
    expect(r[1]![2]).toBe('4 of 4');
    expect(r.every((x) => /^\$\d+\.\d{4}$/.test(x[3]!))).toBe(true);
  });

  it('without panes there is no table', async () => {
    const { root, unmount } = await render(sandbox(), createElement(SideBySide, { onSelect: undefined, spotlight: null, worldId: 0 }));
    done = unmount;
    expect(root.querySelector('table')).toBeNull();
  });
});
