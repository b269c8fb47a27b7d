// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { CommandPalette } from '../../src/ui/CommandPalette';
import { runAction } from '../../src/store/actions';
import { sandbox } from '../support/sandbox';
import { click, press, render, settle, type } from '../support/render';

let done: (() => Promise<void>) | undefined;
afterEach(async () => {
  await done?.();
  done = undefined;
});

async function palette() {
  const store = sandbox();
  const { root, unmount } = await render(store, createElement(CommandPalette));
  done = unmount;
  const opener = document.createElement('button');
  document.body.append(opener);
  opener.focus();
  await settle(() => runAction(store, 'palette.toggle'));
  const input = () => root.querySelector<HTMLInputElement>('input')!;
  const options = () => [...root.querySelectorAll('[role=option]')];
  const active = () => root.querySelector(`#${CSS.escape(input().getAttribute('aria-activedescendant') ?? 'none')}`)?.textContent ?? null;
  return { store, root, opener, input, options, active };
}

describe('the command palette', () => {
  it('opens on the registry’s entries with the filter field focused, the first entry active', async () => {
    const p = await palette();
    expect(p.root.querySelector('dialog')!.open).toBe(true);
    expect(document.activeElement).toBe(p.input());
    expect(p.input().getAttribute('role')).toBe('combobox');
    expect(p.options().length).toBeGreaterThan(30);
    expect(p.active()).toBe('ClockPlay / pauseSpace');
    const undo = p.options().find((o) => o.textContent!.includes('Undo the last action'))!;
    expect(undo.getAttribute('aria-disabled')).toBe('true');
    expect(undo.textContent).toContain('not now: nothing to undo yet');
  });

  it('filters as the learner types, moves with the arrows (wrapping), and Enter runs the active entry', async () => {
    const p = await palette();
    await type(p.input(), 'speed');
    expect(p.options().map((o) => o.querySelector('.palette-label')!.textContent)).toEqual(['Set the speed: 1×', 'Set the speed: 10×', 'Set the speed: 60×', 'Set the speed: 600×', 'Set the speed: 3600×']);
    await press(p.input(), 'ArrowDown');
    await press(p.input(), 'ArrowDown');
    expect(p.active()).toContain('60×');
    await press(p.input(), 'ArrowUp');
    await press(p.input(), 'ArrowUp');
    await press(p.input(), 'ArrowUp');
    expect(p.active()).toContain('3600×');
    await press(p.input(), 'Enter');
    expect(p.store.getState().world.speed).toBe(3600);
    expect(p.store.getState().ui.dialog).toBeNull();
    expect(p.root.querySelector('dialog')!.open).toBe(false);
    expect(document.activeElement).toBe(p.opener);
  });

  it('Enter on an entry that cannot run does nothing; the reason is on the entry', async () => {
    const p = await palette();
    await type(p.input(), 'undo');
    await press(p.input(), 'Enter');
    expect(p.store.getState().ui.dialog).toBe('palette');
    expect(p.store.getState().ui.notices).toEqual([]);
  });

  it('an action that needs a line of text asks for it, then runs with it', async () => {
    const p = await palette();
    await type(p.input(), 'jump');
    await press(p.input(), 'Enter');
    expect(p.root.querySelector('label')!.textContent).toBe('Jump to a time');
    expect(p.input().placeholder).toBe('5m, 1h30m, 2:00:00');
    expect(p.options()).toEqual([]);
    await type(p.input(), '90s');
    await press(p.input(), 'Enter');
    expect(p.store.getState().world.now).toBe(90_000);
    expect(p.store.getState().ui.dialog).toBeNull();
  });

  it('a click chooses too', async () => {
    const p = await palette();
    await type(p.input(), 'tables');
    await click(p.options()[0]!);
    expect(p.store.getState().ui.view).toBe('table');
  });

  it('Escape closes it and the focus goes back where it was', async () => {
    const p = await palette();
    await settle(() => p.root.querySelector('dialog')!.dispatchEvent(new Event('cancel', { cancelable: true })));
    expect(p.store.getState().ui.dialog).toBeNull();
    expect(p.root.querySelector('dialog')!.open).toBe(false);
    expect(document.activeElement).toBe(p.opener);
  });

  it('says so when nothing matches', async () => {
    const p = await palette();
    await type(p.input(), 'xyzzy');
    expect(p.options().map((o) => o.textContent)).toEqual(['No action matches “xyzzy”.']);
    await press(p.input(), 'Enter');
    expect(p.store.getState().ui.dialog).toBe('palette');
  });
});
