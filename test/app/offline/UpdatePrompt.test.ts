// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createElement } from 'react';
import { UpdatePrompt } from '../../../src/app/offline/UpdatePrompt';
import { loadLocale } from '../../../src/i18n';
import { sandbox } from '../../support/sandbox';
import { click, render, settle } from '../../support/render';

/** The service worker's side, played by the test: who listens, and telling them a build is waiting. */
const worker = vi.hoisted(() => ({ listeners: new Set<(apply: () => void) => void>() }));
vi.mock('../../../src/app/offline/serviceWorker', () => ({
  onUpdateReady: (l: (apply: () => void) => void) => {
    worker.listeners.add(l);
    return () => void worker.listeners.delete(l);
  },
}));

let done: (() => Promise<void>) | undefined;
afterEach(async () => {
  await done?.();
  done = undefined;
});

const ready = (apply: () => void) => settle(() => worker.listeners.forEach((l) => l(apply)));

describe('the prompt for a new version', () => {
  it('is an empty polite live region until a new build is waiting, then offers Reload and Not now', async () => {
    const { root, unmount } = await render(sandbox(), createElement(UpdatePrompt, { locale: 'en' }));
    done = unmount;
    const region = root.querySelector('[role="status"]')!;
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent).toBe('');
    const apply = vi.fn();
    await ready(apply);
    expect(region.textContent).toBe('A new version is readyReloadNot now');
    expect([...region.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Reload', 'Not now']);
    expect(apply).not.toHaveBeenCalled();
    await click(region.querySelector('button.update-prompt-reload')!);
    expect(apply).toHaveBeenCalledTimes(1);
  });

  it('goes away with Not now, and nothing is applied', async () => {
    const { root, unmount } = await render(sandbox(), createElement(UpdatePrompt, { locale: 'en' }));
    done = unmount;
    const apply = vi.fn();
    await ready(apply);
    const later = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Not now')!;
    await click(later);
    expect(root.querySelector('[role="status"]')!.textContent).toBe('');
    expect(apply).not.toHaveBeenCalled();
  });

  it('speaks the language the page opened in', async () => {
    await loadLocale('es');
    const { root, unmount } = await render(sandbox(), createElement(UpdatePrompt, { locale: 'es' }));
    done = unmount;
    await ready(() => undefined);
    expect(root.textContent).toBe('Hay una versión nueva listaRecargarAhora no');
  });

  it('stops listening once it is gone from the page', async () => {
    const { unmount } = await render(sandbox(), createElement(UpdatePrompt, { locale: 'en' }));
    expect(worker.listeners.size).toBe(1);
    await unmount();
    expect(worker.listeners.size).toBe(0);
  });
});
