// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { useDialog } from '../../src/ui/useDialog';
import { runAction } from '../../src/store/actions';
import { sandbox } from '../support/sandbox';
import { click, render, settle } from '../support/render';

let done: (() => Promise<void>) | undefined;
afterEach(async () => void (await done?.()));

/** A dialog on the hook, with a field and a Close button, beside a button outside it. */
function Keys() {
  const { ref, close } = useDialog('keys');
  return createElement('div', null, createElement('button', { id: 'outside' }, 'Keys…'), createElement('dialog', { ref }, createElement('input', { id: 'field' }), createElement('button', { id: 'close', onClick: close }, 'Close')));
}

describe('a dialog that follows the store', () => {
  it('opens when the store names it, focused inside, and gives the focus back when it closes', async () => {
    const store = sandbox();
    const { root, unmount } = await render(store, createElement(Keys));
    done = unmount;
    const dialog = root.querySelector('dialog')!;
    const outside = root.querySelector<HTMLButtonElement>('#outside')!;
    outside.focus();
    expect(dialog.open).toBe(false);
    await settle(() => runAction(store, 'keys.show'));
    expect(dialog.open).toBe(true);
    expect(dialog.contains(document.activeElement)).toBe(true);
    await click(root.querySelector('#close')!);
    expect(dialog.open).toBe(false);
    expect(store.getState().ui.dialog).toBeNull();
    expect(document.activeElement).toBe(outside);
  });

  it('Escape closes it and tells the store at once', async () => {
    const store = sandbox();
    const { root, unmount } = await render(store, createElement(Keys));
    done = unmount;
    await settle(() => runAction(store, 'keys.show'));
    const dialog = root.querySelector('dialog')!;
    await settle(() => void dialog.dispatchEvent(new Event('cancel', { cancelable: true })));
    expect(store.getState().ui.dialog).toBeNull();
    expect(dialog.open).toBe(false);
  });

  it('closes when the store opens another dialog, and a late close of this one does not shut the next', async () => {
    const store = sandbox();
    const { root, unmount } = await render(store, createElement(Keys));
    done = unmount;
    await settle(() => runAction(store, 'keys.show'));
    await settle(() => runAction(store, 'damaged.show'));
    expect(root.querySelector('dialog')!.open).toBe(false);
    await settle(() => runAction(store, 'dialog.close', 'keys'));
    expect(store.getState().ui.dialog).toBe('damaged');
  });
});
