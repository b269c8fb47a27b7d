import { defaultWorkspace } from './defaults';
import { loadProgress } from './progress';
import { initialState, makeStore, notify, patch, workspaceOf, type SandboxStore } from './store';
import { COPILOT_NOTE_KEY } from './actions';
import { loadWorkspace, saveWorkspace } from './workspace';
import type { Port } from './port';

/** The page's store: the workspace and the lesson progress kept in this browser, or fresh ones. */
export function bootStore(port: Port): SandboxStore {
  const { workspace, notice } = loadWorkspace(port.storage, defaultWorkspace());
  const { progress, notice: progressNotice } = loadProgress(port.storage);
  const store = makeStore(initialState(workspace, notice, progress), port);
  if (progressNotice) notify(store, progressNotice, 'warning');
  patch(store, { ui: { copilotNoteSeen: seen(port, COPILOT_NOTE_KEY) } });
  return store;
}

function seen(port: Port, key: string): boolean {
  try {
    return port.storage?.getItem(key) != null;
  } catch {
    return false;
  }
}

/**
 * Saves the workspace (the world and the editor slices) whenever it changes, at most twice a
 * second; `flush` saves at once (the page calls it when it is hidden), `stop` ends the saving.
 */
export function persist(store: SandboxStore): { flush: () => void; stop: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = '';
  const save = () => {
    timer = undefined;
    const { world, editor } = store.getState();
    const w = workspaceOf(world, editor);
    const key = JSON.stringify(w);
    if (key === last) return;
    last = key;
    const problem = saveWorkspace(store.port.storage, w);
    if (problem) notify(store, problem, 'warning');
  };
  const unsub = store.subscribe((s, prev) => {
    // Only the document is saved: how the window shows it changes nothing on disk.
    if (s.world === prev.world && s.editor === prev.editor) return;
    if (timer === undefined) timer = setTimeout(save, 500);
  });
  return {
    flush: () => {
      if (timer !== undefined) clearTimeout(timer);
      save();
    },
    stop: () => {
      if (timer !== undefined) clearTimeout(timer);
      unsub();
    },
  };
}
