// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { Header, PresenterBar } from '../../src/ui/Header';
import { runAction } from '../../src/store/actions';
import { loadCatalog, openLesson } from '../../src/store/lessons';
import { patch } from '../../src/store/store';
import { sandbox } from '../support/sandbox';
import { click, render, settle, type } from '../support/render';

let done: (() => Promise<void>) | undefined;
afterEach(async () => void (await done?.()));

async function header(store = sandbox()) {
  const page = await render(store, createElement(Header));
  done = page.unmount;
  return { store, root: page.root };
}

describe('the sandbox bar', () => {
  it('offers the built-in scenarios, the one open chosen, and picking another opens it', async () => {
    const { store, root } = await header();
    const select = root.querySelector<HTMLSelectElement>('.scenario select')!;
    expect(select.value).toBe('empty-cluster');
    expect([...select.querySelectorAll('optgroup[label="Sandbox"] option')].map((o) => o.getAttribute('value'))).toEqual(['empty-cluster', 'busy-cluster', 'binpack', 'large-cluster']);
    await settle(() => {
      select.value = 'binpack';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await expect.poll(() => store.getState().world.scenarioId).toBe('binpack');
  });

  it('adds the lessons’ start states once the picker is first used', async () => {
    const { root } = await header();
    const select = root.querySelector<HTMLSelectElement>('.scenario select')!;
    expect(select.querySelector('optgroup[label="Start states of the lessons"]')).toBeNull();
    await settle(() => select.dispatchEvent(new Event('focus')));
    await settle(() => select.dispatchEvent(new FocusEvent('focusin', { bubbles: true })));
    await expect.poll(() => select.querySelectorAll('optgroup[label="Start states of the lessons"] option').length).toBeGreaterThan(10);
    expect(select.querySelector('optgroup[label="Start states of the lessons"] option')!.textContent).toBe('L1: Meet the monolith');
  });

  it('applies a new seed on Enter, not while it is typed', async () => {
    const { store, root } = await header();
    const seed = root.querySelector<HTMLInputElement>('#seed')!;
    expect(seed.value).toBe('1');
    await type(seed, '42');
    expect(store.getState().world.seed).toBe('1');
    await settle(() => seed.form!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    await expect.poll(() => store.getState().world.seed).toBe('42');
  });

  it('names the theme it switches to, and the icon buttons by their words', async () => {
    const { store, root } = await header();
    await settle(() => patch(store, { ui: { theme: 'light' } }));
    const theme = root.querySelector<HTMLButtonElement>('.icons button')!;
    expect(theme.getAttribute('aria-label')).toBe('Dark');
    expect(theme.title).toMatch(/^Switch to the dark theme/);
    await click(theme);
    expect(store.getState().ui.theme).toBe('dark');
    expect(theme.getAttribute('aria-label')).toBe('Light');
    expect([...root.querySelectorAll('.icons button')].map((b) => b.getAttribute('aria-label'))).toEqual(['Light', 'Share link', 'Keys', 'Export', 'Import…']);
  });

  it('says Tables or Canvas for the view it switches to', async () => {
    const { store, root } = await header();
    const view = () => [...root.querySelectorAll('button')].find((b) => b.textContent === 'Tables' || b.textContent === 'Canvas')!;
    expect(view().textContent).toBe('Tables');
    await click(view());
    expect(store.getState().ui.view).toBe('table');
    expect(view().textContent).toBe('Canvas');
  });

  it('while a lesson is open, the picker says the world is the lesson’s start', async () => {
    const store = sandbox();
    openLesson(store, (await loadCatalog()).lessons.L3!);
    patch(store, { lesson: { catalog: null } });
    const { root } = await header(store);
    const select = root.querySelector<HTMLSelectElement>('.scenario select')!;
    expect(select.selectedOptions[0]!.textContent).toBe("Lesson L3's start");
  });
});

describe("presenter view's bar", () => {
  it('titles the lesson shown, offers the audience window until one follows, and always the way out', async () => {
    const store = sandbox();
    openLesson(store, (await loadCatalog()).lessons.L1!);
    const { root, unmount } = await render(store, createElement(PresenterBar));
    done = unmount;
    expect(root.querySelector('h1')!.textContent).toBe('L1: Meet the monolith');
    expect([...root.querySelectorAll('button')].map((b) => b.textContent)).toContain('Open the audience window');
    await settle(() => patch(store, { present: { audience: true } }));
    expect(root.querySelector('[role="status"]')!.textContent).toBe('Audience window open');
    const leave = [...root.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === 'Leave presenter view (P)')!;
    await settle(() => runAction(store, 'present.toggle'));
    expect(store.getState().ui.presenting).toBe(true);
    await click(leave);
    expect(store.getState().ui.presenting).toBe(false);
  });
});
