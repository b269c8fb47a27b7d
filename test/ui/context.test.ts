// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { useAction, useSandbox, useSandboxStore } from '../../src/ui/context';
import { runAction } from '../../src/store/actions';
import { sandbox } from '../support/sandbox';
import { click, render, settle } from '../support/render';

let done: (() => Promise<void>) | undefined;
afterEach(async () => void (await done?.()));

/** A button on the undo action, and the number of actions done, read through the store. */
function Undo() {
  const { run, disabledReason } = useAction('history.undo');
  const count = useSandbox((s) => s.world.timeline?.actions.length ?? 0);
  return createElement('button', { onClick: run, 'data-why': disabledReason ?? '' }, `${count}`);
}

describe('the page reaches the store through its context', () => {
  it('an action reads as runnable or not with the reason, and the reading follows the store', async () => {
    const store = sandbox();
    const { root, unmount } = await render(store, createElement(Undo));
    done = unmount;
    const b = root.querySelector('button')!;
    expect(b.dataset.why).toBe('nothing to undo yet');
    await settle(() => runAction(store, 'console.run', 'aws ecs list-clusters'));
    expect(b.textContent).toBe('1');
    expect(b.dataset.why).toBe('');
    await click(b);
    expect(b.textContent).toBe('0');
  });

  it('without a store a component says so instead of drawing from nothing', async () => {
    function Bare() {
      useSandboxStore();
      return null;
    }
    const el = document.createElement('div');
    const root = createRoot(el, { onUncaughtError: () => undefined, onCaughtError: () => undefined });
    let caught: unknown;
    class Catch extends (await import('react')).Component<{ children: unknown }, { e: unknown }> {
      state = { e: null as unknown };
      static getDerivedStateFromError(e: unknown) {
        caught = e;
        return { e };
      }
      render() {
        return this.state.e ? null : (this.props.children as never);
      }
    }
    await act(async () => root.render(createElement(Catch, null, createElement(Bare))));
    expect((caught as Error).message).toBe('the sandbox store is missing');
    await act(async () => root.unmount());
  });
});
