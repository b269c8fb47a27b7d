import { createContext, useCallback, useContext } from 'react';
import { useStore } from 'zustand';
import type { SandboxState, SandboxStore } from '../store/store';
import { enabledIn, runAction, type ActionId } from '../store/actions';

export const StoreContext = createContext<SandboxStore | null>(null);

export function useSandboxStore(): SandboxStore {
  const s = useContext(StoreContext);
  if (!s) throw new Error('the sandbox store is missing');
  return s;
}

/** Reads the store through a selector (return primitives, or the stable objects of src/store/selectors). */
export function useSandbox<T>(selector: (s: SandboxState) => T): T {
  return useStore(useSandboxStore(), selector);
}

/** Runs registered actions: the one way the page changes the store. */
export function useRun(): (id: ActionId, arg?: unknown) => boolean {
  const store = useSandboxStore();
  return useCallback((id: ActionId, arg?: unknown) => runAction(store, id, arg), [store]);
}

/** A registered action as a button's props: what it does, whether it can now, and why not. */
export function useAction(id: ActionId, arg?: unknown): { run: () => boolean; disabledReason: string | null } {
  const run = useRun();
  const reason = useSandbox((s) => {
    const r = enabledIn(s, id, arg);
    return r === true ? null : r;
  });
  return { run: () => run(id, arg), disabledReason: reason };
}
