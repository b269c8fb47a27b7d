// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, createElement } from 'react';
import { Notices } from '../../src/ui/Notices';
import { notify } from '../../src/store/store';
import { sandbox } from '../support/sandbox';
import { click, render, settle } from '../support/render';

let done: (() => Promise<void>) | undefined;
beforeEach(() => void vi.useFakeTimers());
afterEach(async () => {
  await done?.();
  vi.useRealTimers();
});

const wait = (ms: number) => act(async () => void vi.advanceTimersByTime(ms));

describe('messages', () => {
  it('fade after a few seconds (warnings a little later); one that waits for the learner stays until dismissed', async () => {
    const store = sandbox();
    const { root, unmount } = await render(store, createElement(Notices));
    done = unmount;
    await settle(() => {
      notify(store, 'It worked.');
      notify(store, 'Careful.', 'warning');
      notify(store, 'Your work could not be kept.', 'warning', { sticky: true });
    });
    const texts = () => [...root.querySelectorAll('.notice > span')].map((e) => e.textContent);
    expect(texts()).toEqual(['It worked.', 'Careful.', 'Your work could not be kept.']);
    await wait(5_500);
    expect(texts()).toEqual(['Careful.', 'Your work could not be kept.']);
    await wait(3_000);
    expect(texts()).toEqual(['Your work could not be kept.']);
    await wait(60_000);
    expect(texts()).toEqual(['Your work could not be kept.']);
    await click(root.querySelector('button[aria-label="Dismiss this message"]')!);
    expect(texts()).toEqual([]);
    expect(store.getState().ui.notices).toEqual([]);
  });

  it('say the same thing once with a count, and wait while the pointer is on them', async () => {
    const store = sandbox();
    const { root, unmount } = await render(store, createElement(Notices));
    done = unmount;
    await settle(() => {
      for (let i = 0; i < 3; i++) notify(store, 'Not now.', 'warning');
    });
    expect(root.querySelector('.notice > span')!.textContent).toBe('Not now. (3×)');
    // React hears the pointer entering and leaving through pointerover and pointerout.
    await settle(() => root.querySelector('.notices')!.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, relatedTarget: document.body })));
    await wait(20_000);
    expect(root.querySelectorAll('.notice')).toHaveLength(1);
    await settle(() => root.querySelector('.notices')!.dispatchEvent(new PointerEvent('pointerout', { bubbles: true, relatedTarget: document.body })));
    await wait(9_000);
    expect(root.querySelectorAll('.notice')).toHaveLength(0);
  });
});

describe('messages in another language', () => {
  it("are said in the page's language when the store gives their message, and as written otherwise", async () => {
    const { loadLocale, message } = await import('../../src/i18n');
    const { patch } = await import('../../src/store/store');
    await loadLocale('es');
    const store = sandbox();
    const { root, unmount } = await render(store, createElement(Notices));
    done = unmount;
    await settle(() => {
      notify(store, message('notice.notYet', { id: 'L1', count: 2, at: '0:04:00' }), 'warning');
      notify(store, 'A text with no message.');
    });
    const texts = () => [...root.querySelectorAll('.notice > span')].map((e) => e.textContent);
    expect(texts()).toEqual(['L1 not yet: 2 goals not reached at 0:04:00, when your actions were replayed from the start.', 'A text with no message.']);
    await settle(() => patch(store, { ui: { language: 'es' } }));
    expect(texts()).toEqual(['L1 todavía no: 2 objetivos no se alcanzaron a las 0:04:00, al reproducir tus acciones desde el principio.', 'A text with no message.']);
  });

  it("name the button a notice offers in the page's language, and say a message inside a message in it too", async () => {
    const { loadLocale, message } = await import('../../src/i18n');
    const { patch } = await import('../../src/store/store');
    await loadLocale('es');
    const store = sandbox();
    const { root, unmount } = await render(store, createElement(Notices));
    done = unmount;
    await settle(() => notify(store, message('notice.damaged.unkept', { why: message('damaged.refused.quota') }), 'error', { action: { label: 'Download it', id: 'damaged.download', arg: 'unkept' } }));
    const button = () => root.querySelector('.notice-action')!.textContent;
    expect(button()).toBe('Download it');
    expect(root.querySelector('.notice > span')!.textContent).toContain('(the browser’s storage is full)');
    await settle(() => patch(store, { ui: { language: 'es' } }));
    expect(button()).toBe('Descargarla');
    expect(root.querySelector('.notice > span')!.textContent).toContain('(el almacenamiento del navegador está lleno)');
  });
});
