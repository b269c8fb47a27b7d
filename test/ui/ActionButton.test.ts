// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { ActionButton } from '../../src/ui/ActionButton';
import { runAction } from '../../src/store/actions';
import { sandbox } from '../support/sandbox';
import { click, render, settle } from '../support/render';

let done: (() => Promise<void>) | undefined;
afterEach(async () => void (await done?.()));

describe('a button bound to an action', () => {
  it('is disabled with the reason while the action cannot run, and runs it once it can', async () => {
    const store = sandbox();
    const { root, unmount } = await render(store, createElement(ActionButton, { id: 'history.undo' }));
    done = unmount;
    const b = root.querySelector('button')!;
    expect(b.textContent).toBe('Undo the last action');
    expect(b.disabled).toBe(true);
    expect(b.title).toBe('Undo the last action: nothing to undo yet');
    expect(b.getAttribute('aria-keyshortcuts')).toBe('Control+Z Meta+Z');
    await settle(() => runAction(store, 'console.run', 'aws ecs list-clusters'));
    expect(b.disabled).toBe(false);
    expect(b.title).toBe('Undo the last action (Ctrl+Z)');
    await click(b);
    expect(store.getState().world.timeline!.actions).toHaveLength(0);
  });

  it('passes its argument to the action and to its enabled rule', async () => {
    const store = sandbox();
    await settle(() => runAction(store, 'editor.edit', { file: 'mine.json', text: '{}' }));
    const { root, unmount } = await render(store, createElement('div', null, createElement(ActionButton, { id: 'editor.restoreFile', arg: 'mine.json' }), createElement(ActionButton, { id: 'panel.show', arg: 'charts' }, 'Charts')));
    done = unmount;
    const [restore, charts] = [...root.querySelectorAll('button')];
    expect(restore!.disabled).toBe(true);
    expect(restore!.title).toBe('Restore the example text: this file has no example text');
    await click(charts!);
    expect(store.getState().ui.panel).toBe('charts');
  });
});
