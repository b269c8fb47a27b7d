import { act, createElement, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { StoreContext } from '../../src/ui/context';
import type { SandboxStore } from '../../src/store/store';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Renders a piece of the page on a store, in the test's DOM (happy-dom). */
export async function render(store: SandboxStore, element: ReactElement): Promise<{ root: HTMLElement; unmount: () => Promise<void> }> {
  const root = document.createElement('div');
  document.body.append(root);
  let r: Root;
  await act(async () => {
    r = createRoot(root);
    r.render(createElement(StoreContext.Provider, { value: store }, element));
  });
  return {
    root,
    unmount: async () => {
      await act(async () => r.unmount());
      root.remove();
    },
  };
}

/** Types into a React-controlled field as a learner would (the value, then an input event). */
export async function type(el: HTMLInputElement, text: string): Promise<void> {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, text);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** A key pressed on an element. */
export async function press(el: Element, key: string, mods: { ctrlKey?: boolean; shiftKey?: boolean } = {}): Promise<KeyboardEvent> {
  const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...mods });
  await act(async () => void el.dispatchEvent(e));
  return e;
}

/** Runs something that changes the store, and lets the page catch up. */
export async function settle(f: () => unknown = () => undefined): Promise<void> {
  await act(async () => {
    await f();
  });
}

export async function click(el: Element): Promise<void> {
  await act(async () => void (el as HTMLElement).click());
}
