import { defaultWorkspace } from './defaults';
import { PROGRESS_KEY, loadProgress } from './progress';
import { loadPrefs } from './prefs';
import { message, pickLocale } from '../i18n';
import { initialState, makeStore, notify, patch, workspaceOf, type SandboxStore } from './store';
import { COPILOT_NOTE_KEY } from './actions';
import { STORE_KEY, UNKEPT, refusedMessage, holdUnkept, keepDamaged, loadWorkspace, saveWorkspace, unkeptCopy, type Loaded } from './workspace';
import type { Port } from './port';

/** The page's store: the workspace and the lesson progress kept in this browser, or fresh ones. */
export function bootStore(port: Port): SandboxStore {
  const loaded = loadWorkspace(port.storage, defaultWorkspace());
  const { progress, notice: progressNotice } = loadProgress(port.storage);
  const store = makeStore(initialState(loaded.workspace, undefined, progress), port);
  reportLoaded(store, loaded);
  if (progressNotice) notify(store, progressNotice, 'warning', { sticky: true });
  const prefs = loadPrefs(port.storage);
  // A first visit (nothing kept in this browser) is pointed at the first lesson; opening any lesson or demo takes it back.
  if (!seen(port, STORE_KEY) && !seen(port, PROGRESS_KEY)) notify(store, message('notice.welcome'), 'info', { cause: 'lesson:welcome', action: { label: 'Start lesson L1', id: 'lesson.open', arg: 'L1' } });
  patch(store, { ui: { copilotNoteSeen: seen(port, COPILOT_NOTE_KEY), theme: prefs.theme, panes: prefs.panes, panesSized: prefs.sized, language: prefs.language ?? pickLocale(port.languages?.()), languageChosen: prefs.language !== null } });
  return store;
}

/**
 * Says what loading found, one notice per member that could not be kept (the first few), and keeps the damaged
 * text aside before anything is saved over it. When it cannot be kept, the notice says so and offers it as a
 * download, and nothing is saved until the learner downloads it or lets it go.
 */
function reportLoaded(store: SandboxStore, loaded: Loaded): void {
  const shown = loaded.notices.slice(0, 3);
  const more = loaded.notices.length - shown.length;
  if (more > 0) shown.push(message('notice.workspace.more', { count: more }));
  // What could not be kept is read before it goes.
  for (const n of shown) notify(store, n, 'warning', { sticky: true });
  if (!loaded.damaged) return;
  const { raw, why } = loaded.damaged;
  const now = Date.now();
  const kept = keepDamaged(store.port.storage, raw, why, now);
  if ('kept' in kept) {
    notify(store, message('notice.damaged.kept'), 'warning', { action: { label: 'Damaged copies', id: 'damaged.show' } });
    return;
  }
  holdUnkept(store.port, { raw, why, savedAt: now });
  notify(store, message('notice.damaged.unkept', { why: refusedMessage(kept.refused) }), 'error', {
    action: { label: 'Download it', id: 'damaged.download', arg: UNKEPT },
  });
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
 * While a damaged copy that could not be kept is waiting to be downloaded, nothing is saved over it.
 */
export function persist(store: SandboxStore): { flush: () => void; stop: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = '';
  const save = () => {
    timer = undefined;
    if (unkeptCopy(store.port)) return;
    const { world, editor } = store.getState();
    const w = workspaceOf(world, editor);
    const key = JSON.stringify(w);
    if (key === last) return;
    last = key;
    const problem = saveWorkspace(store.port.storage, w);
    if (problem) notify(store, problem, 'warning', { sticky: true, cause: 'storage' });
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

/**
 * Whether opening the page asks the links' module (./links.ts) anything: a share, demo or lesson link in
 * the address, or a lesson or demo of the saved world to resume. The page loads that module only then.
 */
export function asksLinks(store: SandboxStore): boolean {
  const at = store.port.location();
  const w = store.getState().world;
  return at.hash !== '' || at.search !== '' || w.lessonId !== null || w.demo !== null;
}
