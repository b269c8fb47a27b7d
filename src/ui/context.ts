import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { SandboxState, SandboxStore } from '../store/store';
import { canRun, runAction } from '../store/actions';

export const StoreContext = createContext<SandboxStore | null>(null);

export function useSandboxStore(): SandboxStore {
  const s = useContext(StoreContext);
  if (!s) throw new Error('the sandbox store is missing');
  return s;
}

/** Reads the store through a selector (return primitives or stable objects; see useShallow otherwise). */
export function useSandbox<T>(selector: (s: SandboxState) => T): T {
  return useStore(useSandboxStore(), selector);
}

/** A registered action as a button's props: what it does, whether it can now, and why not. */
export function useAction(id: string): { run: (arg?: unknown) => boolean; disabledReason: string | null } {
  const store = useSandboxStore();
  const reason = useStore(store, (s) => {
    void s.version;
    const r = canRun(store, id);
    return r === true ? null : r;
  });
  return { run: (arg?: unknown) => runAction(store, id, arg), disabledReason: reason };
}
