// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { listenForKeys } from '../../src/app/keyboard';
import { sandbox } from '../support/sandbox';

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  stop = undefined;
  document.body.replaceChildren();
});

/** A key pressed with the focus on `target` (the page itself when none), as the browser dispatches it. */
function press(key: string, target: EventTarget = document.body, mods: KeyboardEventInit = {}): KeyboardEvent {
  const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...mods });
  target.dispatchEvent(e);
  return e;
}

function place(html: string, selector: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.append(host);
  return host.querySelector<HTMLElement>(selector)!;
}

describe("the page's keys", () => {
  it('runs the action a key names on the page and keeps the browser from acting on it too', () => {
    const store = sandbox();
    stop = listenForKeys(store);
    const e = press('p');
    expect(store.getState().ui.presenting).toBe(true);
    expect(e.defaultPrevented).toBe(true);
    const space = press(' ');
    expect(store.getState().world.playing).toBe(true);
    expect(space.defaultPrevented).toBe(true);
  });

  it("leaves alone a key that is no action's, and one something else has already handled", () => {
    const store = sandbox();
    stop = listenForKeys(store);
    expect(press('Q').defaultPrevented).toBe(false);
    const handled = new KeyboardEvent('keydown', { key: 'p', bubbles: true, cancelable: true });
    handled.preventDefault();
    document.body.dispatchEvent(handled);
    expect(store.getState().ui.presenting).toBe(false);
  });

  it("types into a field, and a modal dialog keeps the page's keys, while the keys for anywhere still work there", async () => {
    const store = sandbox();
    stop = listenForKeys(store);
    const input = place('<input type="text">', 'input');
    expect(press('p', input).defaultPrevented).toBe(false);
    press(' ', place('<textarea></textarea>', 'textarea'));
    press('p', place('<dialog open><button>Close</button></dialog>', 'button'));
    expect(store.getState().ui).toMatchObject({ presenting: false });
    expect(store.getState().world.playing).toBe(false);
    // The command palette's key reaches a text field too.
    expect(press('k', input, { ctrlKey: true }).defaultPrevented).toBe(true);
    expect(store.getState().ui.dialog).toBe('palette');
    // (The palette loads the lessons for its choices: let that finish within the test.)
    await expect.poll(() => store.getState().lesson.catalog).toBeTruthy();
  });

  it("gives the code editor its own keys, even the page's anywhere keys", () => {
    const store = sandbox();
    stop = listenForKeys(store);
    const inEditor = place('<div class="monaco-editor"><div class="view-line"><span>x</span></div></div>', 'span');
    expect(press('k', inEditor, { ctrlKey: true }).defaultPrevented).toBe(false);
    press('p', inEditor);
    expect(store.getState().ui).toMatchObject({ presenting: false, dialog: null });
  });

  it("lets a focused button have its own Space, but not the page's other keys", () => {
    const store = sandbox();
    stop = listenForKeys(store);
    const button = place('<button type="button">Fit</button>', 'button');
    expect(press(' ', button).defaultPrevented).toBe(false);
    expect(store.getState().world.playing).toBe(false);
    press('p', button);
    expect(store.getState().ui.presenting).toBe(true);
  });

  it('stops listening when told to', () => {
    const store = sandbox();
    listenForKeys(store)();
    expect(press('p').defaultPrevented).toBe(false);
    expect(store.getState().ui.presenting).toBe(false);
  });
});
