import { useEffect, useState } from 'react';
import { StoreContext } from '../ui/context';
import { Workspace } from '../ui/Workspace';
import { bootStore, loadScenario, notify, persist, type SandboxStore } from '../store/store';
import { actionDef, runAction, tick } from '../store/actions';
import { decodeShare } from '../store/workspace';
import { defaultWorkspace } from '../store/defaults';
import { formatClock } from '../sim';

/** Keys that run registered actions when focus is not in a text field or the code editor. */
const KEYS: Record<string, string> = { ' ': 'clock.toggle', '.': 'clock.step', ']': 'clock.faster', '[': 'clock.slower', v: 'view.toggle', Escape: 'select.clear' };

function typing(el: EventTarget | null): boolean {
  const e = el as HTMLElement | null;
  if (!e) return false;
  return e.tagName === 'INPUT' || e.tagName === 'TEXTAREA' || e.tagName === 'SELECT' || e.isContentEditable || e.closest?.('.monaco-editor') !== null;
}

/** Opens a share link (#share=…): replays its scenario, seed and actions to the moment it was made. */
async function openShareLink(store: SandboxStore): Promise<void> {
  const m = /^#share=(.*)$/.exec(location.hash);
  if (!m) return;
  history.replaceState(null, '', location.pathname + location.search);
  const r = await decodeShare(m[1]!, defaultWorkspace());
  if (!r.workspace) {
    notify(store, `This share link cannot be opened: ${r.problem}. Your own workspace is unchanged.`, 'error');
    return;
  }
  const w = r.workspace;
  if (loadScenario(store, w.scenarioText, w.seed, w.scenarioId, w.actions, w.time)) {
    notify(store, `Opened a shared sandbox: ${w.actions.length} action${w.actions.length === 1 ? '' : 's'}, at ${formatClock(w.time)}.`);
  } else notify(store, 'The shared scenario cannot run; its text is in the editor.', 'error');
}

export function App() {
  const [store] = useState(bootStore);
  useEffect(() => {
    void openShareLink(store).finally(() => {
      document.documentElement.setAttribute('data-ready', 'true');
      if (!performance.getEntriesByName('sandbox-interactive').length) performance.mark('sandbox-interactive');
    });
    // A share link pasted into this tab's address bar changes only the hash.
    const onHash = () => void openShareLink(store);
    window.addEventListener('hashchange', onHash);
    const stop = persist(store);
    return () => {
      window.removeEventListener('hashchange', onHash);
      stop();
    };
  }, [store]);
  useEffect(() => {
    // The clock: each frame advances the world by the elapsed time at the chosen speed, within a budget.
    let last = performance.now();
    let raf = 0;
    const frame = (now: number) => {
      tick(store, now - last);
      last = now;
      raf = requestAnimationFrame(frame);
    };
    raf = requestAnimationFrame(frame);
    return () => cancelAnimationFrame(raf);
  }, [store]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && e.key.toLowerCase() === 'z' && !typing(e.target)) {
        e.preventDefault();
        runAction(store, e.shiftKey ? 'history.redo' : 'history.undo');
        return;
      }
      if (mod || e.altKey || typing(e.target)) return;
      const id = KEYS[e.key];
      if (!id) return;
      // Space on a focused button presses that button, as usual.
      if (e.key === ' ' && (e.target as HTMLElement).tagName === 'BUTTON') return;
      e.preventDefault();
      if (actionDef(id)) runAction(store, id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
  return (
    <StoreContext.Provider value={store}>
      <Workspace />
    </StoreContext.Provider>
  );
}
