import { useEffect, useState } from 'react';
import { StoreContext } from '../ui/context';
import { Workspace } from '../ui/Workspace';
import { bootStore, loadScenario, notify, persist, type SandboxStore } from '../store/store';
import { actionDef, runAction, tick } from '../store/actions';
import { decodeShare } from '../store/workspace';
import { defaultWorkspace } from '../store/defaults';
import { formatClock, parseDuration } from '../sim';
import { loadProgress } from '../store/progress';
import { loadWorkspace } from '../store/workspace';

/** Keys that run registered actions when focus is not in a text field or the code editor. */
const KEYS: Record<string, string> = { ' ': 'clock.toggle', '.': 'clock.step', ']': 'clock.faster', '[': 'clock.slower', v: 'view.toggle', Escape: 'select.clear', p: 'present.toggle', c: 'lesson.check', Enter: 'demo.reveal' };

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

/**
 * Links that open a lesson or a demo: ?lesson=L4 (&step=N: after the first N actions of its
 * solution, or &t=5m), ?demo=game-day (&t=8m), &present for the presenter view; #lesson=L4 in text.
 */
async function openFromUrl(store: SandboxStore): Promise<void> {
  const q = new URLSearchParams(location.search);
  const hash = /^#lesson=([\w-]+)$/.exec(location.hash);
  const lessonId = q.get('lesson') ?? hash?.[1] ?? null;
  const demoId = q.get('demo');
  const time = q.get('t') !== null ? parseDuration(q.get('t')) : undefined;
  const present = q.has('present');
  if (!lessonId && !demoId) {
    // A reload in the middle of a lesson: the world is already rebuilt, the lesson's text and checklist come back.
    let saved: string | null | undefined;
    try {
      saved = loadWorkspace(localStorage, { version: 2, scenarioId: null, scenarioText: '', seed: '1', actions: [], time: 0, files: {}, activeFile: '' }).workspace.lessonId;
    } catch {
      saved = undefined;
    }
    if (saved) {
      const c = await (await import('../store/lessons')).loadCatalog();
      const l = c.lessons[saved];
      if (l) store.setState({ lesson: { id: l.id, def: l, report: null, predictions: {}, hints: 0, showGoal: false, showSolution: false } });
    }
    return;
  }
  const { loadCatalog, lessonFiles, openDemo, openLesson } = await import('../store/lessons');
  const c = await loadCatalog();
  if (lessonId) {
    const l = c.lessons[lessonId];
    if (!l) {
      notify(store, `The link asks for lesson "${lessonId}", which does not exist${c.problems.length ? ' or could not be loaded' : ''}. The lessons are: ${Object.keys(c.lessons).join(', ')}.`, 'error');
      return;
    }
    const step = q.get('step') !== null ? Math.max(0, Math.floor(Number(q.get('step')))) : undefined;
    openLesson(store, l, { ...(step !== undefined && Number.isFinite(step) ? { step } : {}), ...(time !== undefined ? { time } : {}) });
    if (present) store.setState({ presenting: true });
    if (hash) history.replaceState(null, '', location.pathname + location.search);
    return;
  }
  const d = c.demos[demoId!];
  if (!d) {
    notify(store, `The link asks for demo "${demoId}", which does not exist. The demos are: ${Object.keys(c.demos).join(', ')}.`, 'error');
    return;
  }
  openDemo(store, d, (await lessonFiles())[`demos/${d.id}.yaml`]!, { ...(time !== undefined ? { time } : {}), present });
}

export function App() {
  const [store] = useState(() => {
    const st = bootStore();
    const { progress, notice } = loadProgress();
    st.setState({ progress });
    if (notice) notify(st, notice, 'warning');
    return st;
  });
  useEffect(() => {
    void openShareLink(store).then(() => openFromUrl(store)).finally(() => {
      document.documentElement.setAttribute('data-ready', 'true');
      if (!performance.getEntriesByName('sandbox-interactive').length) performance.mark('sandbox-interactive');
    });
    // A share link pasted into this tab's address bar changes only the hash.
    const onHash = () => void openShareLink(store).then(() => (/^#lesson=/.test(location.hash) ? openFromUrl(store) : undefined));
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
      if ((e.key === ' ' || e.key === 'Enter') && (e.target as HTMLElement).tagName === 'BUTTON') return;
      if (e.key === 'Enter' && !store.getState().demo?.pause) return;
      if (e.key === 'c' && !store.getState().lesson) return;
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
