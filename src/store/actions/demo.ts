import { notify, patch, type SandboxStore } from '../store';
import { message } from '../../i18n';
import type { DemoDraft } from '../demoFile';
import { needsWorld, type ActionTable } from '../registry';
import { DEMO_EDIT_ACTIONS } from './demoEdit';
import { loadYaml } from '../yaml';
import { PRELOADED } from '../demoPreloaded';

const lessons = () => import('../lessons');

type DemoFile = typeof import('../demoFile');

/**
 * Demo files' reader and writer, which only these actions and the links that reopen a demo use: a chunk
 * of their own, loaded with YAML (which writing one needs) by the first that reads or writes a demo file.
 */
let demoFile: DemoFile | undefined = PRELOADED;
let loading: Promise<DemoFile> | undefined = demoFile && Promise.resolve(demoFile);
function loadDemoFile(): Promise<DemoFile> {
  loading ??= Promise.all([import('../demoFile'), loadYaml()]).then(
    ([m]) => (demoFile = m),
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  );
  return loading;
}

/** Runs f now when demo files can be read and written (so an action stays synchronous), else once they can. */
const withDemoFile = <T>(f: (m: DemoFile) => T): T | Promise<T> => (demoFile ? f(demoFile) : loadDemoFile().then(f));

/** Opens a demo file's text as the demo being given, or says at which line and member it is refused. */
export async function openDemoText(st: SandboxStore, name: string, text: string): Promise<boolean> {
  const r = await (await loadDemoFile()).readDemoFile(name, text);
  if (!r.demo) {
    notify(st, message('notice.demo.cannotOpen', { name, problems: r.said ?? r.problems ?? '' }), 'error', { cause: 'demo:file', sticky: true });
    return false;
  }
  (await lessons()).openDemo(st, r.demo, text, { ref: { name, text } });
  notify(st, message('notice.demo.opened', { title: r.demo.title, count: r.demo.pauses.length }), 'info', { cause: 'demo:file' });
  return true;
}

const fileName = (m: DemoFile, d: DemoDraft) => `${m.demoId(d.title.trim().toLowerCase() || 'my-demo')}.yaml`;

/** The demo editor: the presenter block's fields, questions placed at the current moment, save, link, open, play. */
export const DEMO_ACTIONS = {
  'demo.draft': {
    label: 'Edit the demo being written',
    group: 'Demo',
    palette: false,
    run: (st, change: Partial<Pick<DemoDraft, 'title' | 'summary' | 'notes' | 'focus'>>) => patch(st, (s) => ({ present: { draft: { ...s.present.draft, ...change } } })),
  },
  'demo.addStop': {
    label: 'Place a question at this moment',
    group: 'Demo',
    palette: false,
    enabled: needsWorld,
    run: (st, q: { prompt: string; reveal: string; revealAfter?: string | number }) => {
      const prompt = String(q?.prompt ?? '').trim();
      const reveal = String(q?.reveal ?? '').trim();
      if (!prompt || !reveal) {
        notify(st, message('notice.demo.questionNeedsBoth'), 'warning', { cause: 'demo:stop' });
        return;
      }
      // Asked now, revealed N seconds later: the room predicts before the outcome happens.
      const raw = String(q?.revealAfter ?? '').trim();
      const after = raw ? Number(raw) : 0;
      if (!Number.isFinite(after) || after < 0) {
        notify(st, message('notice.demo.revealAfter', { raw }), 'warning', { cause: 'demo:stop' });
        return;
      }
      patch(st, (s) => {
        const stop = { at: s.world.now, prompt, reveal, ...(after > 0 ? { revealAt: s.world.now + Math.round(after * 1000) } : {}) };
        return { present: { draft: { ...s.present.draft, stops: [...s.present.draft.stops.filter((x) => x.at !== s.world.now), stop].sort((a, b) => a.at - b.at) } } };
      });
    },
  },
  'demo.addSpeed': {
    label: 'Play at this speed from this moment',
    group: 'Demo',
    palette: false,
    enabled: needsWorld,
    run: (st) => patch(st, (s) => ({ present: { draft: { ...s.present.draft, speeds: [...s.present.draft.speeds.filter((x) => x.at !== s.world.now), { at: s.world.now, speed: s.world.speed }].sort((a, b) => a.at - b.at) } } })),
  },
  'demo.removeSpeed': {
    label: 'Remove a speed',
    group: 'Demo',
    palette: false,
    run: (st, at: number) => patch(st, (s) => ({ present: { draft: { ...s.present.draft, speeds: s.present.draft.speeds.filter((x) => x.at !== at) } } })),
  },
  'demo.removeStop': {
    label: 'Remove a question',
    group: 'Demo',
    palette: false,
    run: (st, at: number) => patch(st, (s) => ({ present: { draft: { ...s.present.draft, stops: s.present.draft.stops.filter((x) => x.at !== at) } } })),
  },
  'demo.save': {
    label: 'Save the demo file',
    group: 'Demo',
    enabled: needsWorld,
    run: (st) =>
      withDemoFile((m) => {
        const s = st.getState();
        st.port.download(fileName(m, s.present.draft), m.demoText(s, s.present.draft), 'application/yaml');
      }),
  },
  'demo.link': {
    label: 'Make a link to the demo',
    group: 'Demo',
    enabled: needsWorld,
    run: async (st) => {
      const m = await loadDemoFile();
      const s = st.getState();
      const at = st.port.location();
      try {
        const url = await m.demoLink(at.origin, at.pathname, fileName(m, s.present.draft), m.demoText(s, s.present.draft));
        patch(st, { ui: { shareUrl: url } });
        await st.port.copyText(url).then(
          () => notify(st, message('notice.demo.linkCopied')),
          () => notify(st, message('notice.demo.linkReady')),
        );
      } catch (e) {
        notify(st, message('notice.demo.noLink', { why: e instanceof Error ? e.message : String(e) }), 'warning');
      }
    },
  },
  'demo.openFile': {
    label: 'Open a demo file',
    group: 'Demo',
    run: async (st) => {
      const f = st.port.pickNamedFile ? await st.port.pickNamedFile('.yaml,.yml,application/yaml') : await st.port.pickFile('.yaml,.yml').then((text) => (text === null ? null : { name: 'demo.yaml', text }));
      if (f) await openDemoText(st, f.name, f.text);
    },
  },
  'demo.play': {
    label: 'Play the demo being written',
    group: 'Demo',
    enabled: needsWorld,
    run: async (st) => {
      const m = await loadDemoFile();
      const s = st.getState();
      await openDemoText(st, fileName(m, s.present.draft), m.demoText(s, s.present.draft));
    },
  },
  ...DEMO_EDIT_ACTIONS,
} satisfies ActionTable;

/** Opens the demo a #demo= link carries (the link is consumed, as a share link is). */
export async function openDemoLink(st: SandboxStore): Promise<void> {
  const at = st.port.location();
  const link = /^#demo=(.*)$/.exec(at.hash);
  if (!link) return;
  st.port.replaceUrl(at.pathname + at.search);
  const r = await (await loadDemoFile()).readDemoLink(link[1]!);
  if (r.text === undefined) {
    notify(st, message('notice.demo.badLink', { why: r.problem ?? '' }), 'error');
    return;
  }
  await openDemoText(st, r.name!, r.text);
}
