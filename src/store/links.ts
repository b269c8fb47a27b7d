import { message } from '../i18n';
import { formatClock } from '../sim';
import { parseTime } from '../content/bounds';
import { loadScenario, notify, patch, type SandboxStore } from './store';
import { decodeShare } from './workspace';
import { loadParser } from './parser';
import { loadConsole } from '../content/console/onDemand';
import { defaultWorkspace } from './defaults';
import type { Demo } from '../content/lesson';

/** Opens a share link (#share=…): replays its scenario, seed and actions to the moment it was made. */
export async function openShareLink(store: SandboxStore): Promise<void> {
  const at = store.port.location();
  const m = /^#share=(.*)$/.exec(at.hash);
  if (!m) return;
  store.port.replaceUrl(at.pathname + at.search);
  // A share link is untrusted input: its scenario goes through the parser and its commands replay
  // through the console, both loaded with the link.
  const [r] = await Promise.all([decodeShare(m[1]!, defaultWorkspace()), loadParser(), loadConsole()]);
  if (!r.workspace) {
    notify(store, message('notice.link.broken', { why: r.problem ?? '' }), 'error');
    return;
  }
  const w = r.workspace;
  if (loadScenario(store, w.scenarioText, w.seed, w.scenarioId, w.actions, w.time)) {
    notify(store, message('notice.link.opened', { count: w.actions.length, at: formatClock(w.time) }));
  } else notify(store, message('notice.link.cannotRun'), 'error');
}

/** Whether the address names a lesson in its hash (#lesson=L4, a link in lesson text). */
export function hashNamesLesson(store: SandboxStore): boolean {
  return /^#lesson=/.test(store.port.location().hash);
}

/** A reload in the middle of a lesson: the world is already rebuilt, the lesson's text and checklist come back. */
async function resumeLesson(store: SandboxStore): Promise<void> {
  const id = store.getState().world.lessonId;
  if (!id || store.getState().lesson.current) return;
  const { catalogIn, lessonState } = await import('./lessons');
  const l = (await catalogIn(store)).lessons[id];
  // Only if nothing else was opened meanwhile.
  if (store.getState().world.lessonId !== id) return;
  patch(store, l ? { lesson: { current: lessonState(l) } } : { world: { lessonId: null } });
}

/** A reload in the middle of a demo: its worlds are already rebuilt, the demo (pauses, panes, notes) comes back. */
async function resumeDemo(store: SandboxStore): Promise<void> {
  const ref = store.getState().world.demo;
  if (!ref || store.getState().lesson.demo) return;
  const { catalogIn, lessonFiles, resumeDemo: resume } = await import('./lessons');
  let found: { demo: Demo; text: string } | undefined;
  if ('id' in ref) {
    const d = (await catalogIn(store)).demos[ref.id];
    const text = d && (await lessonFiles())[`demos/${d.id}.yaml`];
    if (d && text !== undefined) found = { demo: d, text };
  } else {
    const { readDemoFile } = await import('./demoFile');
    const r = await readDemoFile(ref.name, ref.text);
    if (r.demo) found = { demo: r.demo, text: ref.text };
  }
  // Only if nothing else was opened meanwhile.
  if (store.getState().world.demo !== ref) return;
  if (found) resume(store, found.demo, found.text, ref);
  else patch(store, { world: { demo: null } });
}

/**
 * Links that open a lesson or a demo: ?lesson=L4 (&step=N: at the start of its numbered step N, steps
 * 1 to N − 1 done by its solution; or &t=5m), ?demo=game-day (&t=8m), &present for the presenter view; #lesson=L4 in text.
 */
export async function openFromUrl(store: SandboxStore): Promise<void> {
  const at = store.port.location();
  const q = new URLSearchParams(at.search);
  const hash = /^#lesson=([\w-]+)$/.exec(at.hash);
  const lessonId = q.get('lesson') ?? hash?.[1] ?? null;
  const demoId = q.get('demo');
  const t = q.get('t') !== null ? parseTime(q.get('t')) : undefined;
  if (t?.problem !== undefined) notify(store, message('notice.link.badTime', { t: q.get('t')!.slice(0, 40), why: t.problem }), 'warning');
  const time = t?.ms;
  const present = q.has('present');
  if (!lessonId && !demoId) return Promise.all([resumeLesson(store), resumeDemo(store)]).then(() => undefined);
  const { catalogIn, openDemoById, openLesson } = await import('./lessons');
  const c = await catalogIn(store);
  if (lessonId) {
    const l = c.lessons[lessonId];
    if (!l) {
      notify(store, message(c.problems.length ? 'notice.link.noLessonOrUnloaded' : 'notice.link.noLesson', { id: lessonId, lessons: Object.keys(c.lessons).join(', ') }), 'error');
      return;
    }
    const step = q.get('step') !== null ? Math.max(0, Math.floor(Number(q.get('step')))) : undefined;
    openLesson(store, l, { ...(step !== undefined && Number.isFinite(step) ? { step } : {}), ...(time !== undefined ? { time } : {}) });
    if (present) patch(store, { ui: { presenting: true } });
    // The link is consumed: a reload then resumes the learner's work in the lesson instead of starting it again.
    for (const k of ['lesson', 'step', 't', 'present']) q.delete(k);
    const rest = q.toString();
    store.port.replaceUrl(`${at.pathname}${rest ? `?${rest}` : ''}`);
    return;
  }
  if (!(await openDemoById(store, demoId!, { ...(time !== undefined ? { time } : {}), present }))) {
    notify(store, message('notice.link.noDemo', { id: demoId!, demos: Object.keys(c.demos).join(', ') }), 'error');
  }
}
