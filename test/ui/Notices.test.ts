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

describe('messages', () => {
  it('information fades after a while; warnings stay until dismissed', async () => {
    const store = sandbox();
    const { root, unmount } = await render(store, createElement(Notices));
    done = unmount;
    await settle(() => {
      notify(store, 'It worked.');
      notify(store, 'Careful.', 'warning');
    });
    const texts = () => [...root.querySelectorAll('.notice span')].map((e) => e.textContent);
    expect(texts()).toEqual(['It worked.', 'Careful.']);
    await act(async () => void vi.advanceTimersByTime(12_500));
    expect(texts()).toEqual(['Careful.']);
    await click(root.querySelector('button[aria-label="Dismiss this message"]')!);
    expect(texts()).toEqual([]);
    expect(store.getState().ui.notices).toEqual([]);
  });
});
