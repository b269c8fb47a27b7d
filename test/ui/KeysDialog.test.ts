// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { KeysDialog } from '../../src/ui/KeysDialog';
import { runAction } from '../../src/store/actions';
import { sandbox } from '../support/sandbox';
import { render, settle } from '../support/render';

let done: (() => Promise<void>) | undefined;
afterEach(async () => void (await done?.()));

describe('the Keys dialog', () => {
  it('opens from the registry’s action, lists every key by where it works, and its Close tells the store', async () => {
    const store = sandbox();
    const { root, unmount } = await render(store, createElement(KeysDialog));
    done = unmount;
    const dialog = root.querySelector('dialog')!;
    expect(dialog.open).toBe(false);
    await settle(() => runAction(store, 'keys.show'));
    expect(dialog.open).toBe(true);
    expect([...root.querySelectorAll('caption')].map((c) => c.textContent)).toEqual(['On the page (not in a text field or the editor)', 'Anywhere, in text fields too', "In the console's command line", 'In the code editor']);
    const rows = [...root.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('td')].map((d) => d.textContent));
    expect(rows).toContainEqual(['Ctrl+K', 'Command palette']);
    expect(rows).toContainEqual(['Tab', 'Complete the command']);
    expect(rows).toContainEqual(['Ctrl+Enter', "Run the open file's first action"]);
    // The code editor keeps Tab for indenting: the way out of it is said.
    expect(root.querySelector('dialog p')!.textContent).toContain('press Ctrl+M (Ctrl+Shift+M on a Mac) to make Tab move the focus on');
    await settle(() => {
      dialog.close();
    });
    expect(store.getState().ui.dialog).toBeNull();
  });
});
