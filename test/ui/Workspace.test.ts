// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { Workspace } from '../../src/ui/Workspace';
import { runAction } from '../../src/store/actions';
import { loadCatalog, openLesson } from '../../src/store/lessons';
import { sandbox } from '../support/sandbox';
import { click, render, settle } from '../support/render';

let done: (() => Promise<void>) | undefined;
afterEach(async () => void (await done?.()));

/** A window `width` pixels wide, as matchMedia answers max-width queries. */
function windowWidth(width: number) {
  window.matchMedia = ((q: string) => ({ matches: Number(/max-width: (\d+)px/.exec(q)?.[1] ?? Infinity) >= width, media: q, addEventListener: () => undefined, removeEventListener: () => undefined })) as unknown as typeof window.matchMedia;
}
beforeEach(() => windowWidth(1440));

async function page(store = sandbox()) {
  const p = await render(store, createElement(Workspace));
  done = p.unmount;
  await settle();
  return { store, root: p.root };
}

const tabs = (root: HTMLElement) => [...root.querySelectorAll('#bottom [role="tab"]')].map((b) => b.textContent);

describe('the page', () => {
  it('the bar, the time controls, the world with the event log beside it, and the tools below', async () => {
    const { root } = await page();
    expect(root.querySelector('header[aria-label="Sandbox"]')).not.toBeNull();
    expect(root.querySelector('section[aria-label="Time controls"]')).not.toBeNull();
    expect(root.querySelector('aside#side[aria-label="Details"]')).not.toBeNull();
    expect(tabs(root)).toEqual(['Console', 'Editor', 'Charts', 'Demos']);
    expect(root.querySelectorAll('[role="separator"]')).toHaveLength(2);
  });

  it('on a narrow window the event log joins the tools below, so the world keeps its room', async () => {
    windowWidth(1024);
    const { root } = await page();
    expect(root.querySelector('aside#side')).toBeNull();
    expect(tabs(root)).toContain('Event log');
    expect(root.querySelector('.app')!.className).toContain('narrow');
  });

  it('a tab shows its tool; the inspector joins the tools while something is selected', async () => {
    const { store, root } = await page();
    const charts = [...root.querySelectorAll<HTMLButtonElement>('#bottom [role="tab"]')].find((b) => b.textContent === 'Charts')!;
    await click(charts);
    expect(charts.getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => root.querySelector('#tool-panel')!.textContent).toContain('No metrics yet');
    expect(root.querySelector('#inspector')).toBeNull();
    await settle(() => runAction(store, 'select', { kind: 'cluster', id: 'demo' }));
    expect(root.querySelector('#inspector')).not.toBeNull();
  });

  it('a lesson stands beside it all, with a handle of its own; presenter view keeps the world and the way out only', async () => {
    const store = sandbox();
    openLesson(store, (await loadCatalog()).lessons.L1!);
    const { root } = await page(store);
    await expect.poll(() => root.querySelector('.lesson')).not.toBeNull();
    expect(root.querySelector('.app')!.className).toContain('with-lesson');
    expect(root.querySelectorAll('[role="separator"]')).toHaveLength(3);
    await settle(() => runAction(store, 'present.toggle'));
    expect(root.querySelector('.app')!.className).toContain('presenting');
    expect(root.querySelector('header[aria-label="Presenter view"]')).not.toBeNull();
    expect(root.querySelector('#bottom')).toBeNull();
    expect(root.querySelector('.lesson')).toBeNull();
  });

  it('a dialog is drawn from the first time it opens', async () => {
    const { store, root } = await page();
    expect(root.querySelector('dialog.lessons-dialog')).toBeNull();
    await settle(() => runAction(store, 'lessons.show'));
    await expect.poll(() => root.querySelector<HTMLDialogElement>('dialog.lessons-dialog')?.open).toBe(true);
    await settle(() => runAction(store, 'dialog.close'));
    expect(root.querySelector<HTMLDialogElement>('dialog.lessons-dialog')!.open).toBe(false);
  });
});
