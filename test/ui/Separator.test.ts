// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { Separator } from '../../src/ui/Separator';
import { sandbox } from '../support/sandbox';
import { press, render } from '../support/render';

let done: (() => Promise<void>) | undefined;
afterEach(async () => void (await done?.()));

describe('a handle between two panes', () => {
  it('says which pane it resizes and its size, for a screen reader', async () => {
    const store = sandbox();
    const { root, unmount } = await render(store, createElement(Separator, { pane: 'side', side: 'after', orientation: 'vertical', controls: 'log' }));
    done = unmount;
    const h = root.querySelector<HTMLElement>('[role="separator"]')!;
    expect(h.getAttribute('aria-label')).toBe('Resize the event log');
    expect(h.getAttribute('aria-orientation')).toBe('vertical');
    expect(h.getAttribute('aria-controls')).toBe('log');
    expect([h.getAttribute('aria-valuemin'), h.getAttribute('aria-valuemax'), h.getAttribute('aria-valuenow')]).toEqual(['220', '720', '340']);
    expect(h.getAttribute('aria-valuetext')).toBe('340 pixels');
    expect(h.title).toBe('Resize the event log: drag, or use the arrow keys');
    expect(h.tabIndex).toBe(0);
  });

  it('moves with the arrow keys, Shift for bigger steps, Home and End to the bounds; a pane after the handle grows leftwards', async () => {
    const store = sandbox();
    const page = await render(store, createElement('div', null, createElement(Separator, { pane: 'side', side: 'after', orientation: 'vertical', controls: 'log' })));
    done = page.unmount;
    const h = page.root.querySelector<HTMLElement>('[role="separator"]')!;
    const size = () => store.getState().ui.panes.side;
    await press(h, 'ArrowLeft');
    expect(size()).toBe(356);
    await press(h, 'ArrowRight', { shiftKey: true });
    expect(size()).toBe(292);
    await press(h, 'Home');
    expect(size()).toBe(220);
    await press(h, 'End');
    expect(size()).toBe(720);
    expect(h.getAttribute('aria-valuenow')).toBe('720');
    // Another key is left to the page.
    const e = await press(h, 'a');
    expect(e.defaultPrevented).toBe(false);
  });

  it('a horizontal handle above its pane answers Up and Down', async () => {
    const store = sandbox();
    const page = await render(store, createElement(Separator, { pane: 'bottom', side: 'after', orientation: 'horizontal', controls: 'tools' }));
    done = page.unmount;
    const h = page.root.querySelector<HTMLElement>('[role="separator"]')!;
    await press(h, 'ArrowUp');
    expect(store.getState().ui.panes.bottom).toBe(276);
    await press(h, 'ArrowLeft');
    expect(store.getState().ui.panes.bottom).toBe(276);
  });
});
