import { formatClock } from '../../sim';
import { BUILT_IN_SCENARIOS, defaultWorkspace } from '../defaults';
import { builtInScenario, loadScenario, notify, patch, setLesson, workspaceOf, type Confirm, type SandboxState, type SandboxStore } from '../store';
import { withBuiltIn, withParser } from '../parser';
import { encodeShare, validateWorkspace } from '../workspace';
import { problemMessage } from '../../formats/problem';
import type { ActionTable } from '../registry';
import { message, translate, type Message, type MessageKey } from '../../i18n';

/** The start states of the lessons, offered beside the built-in scenarios once the lessons have loaded. */
export const LESSON_START = 'lesson-start:';

function lessonStart(s: SandboxState, id: string): { text: string; seed: string } | undefined {
  const l = id.startsWith(LESSON_START) ? s.lesson.catalog?.lessons[id.slice(LESSON_START.length)] : undefined;
  return l ? { text: l.startText, seed: l.start.seed } : undefined;
}

function pickScenario(st: SandboxStore, id: string): void {
  const start = lessonStart(st.getState(), id);
  const sc = start ? undefined : builtInScenario(id);
  if (!start && !sc) return;
  setLesson(st, null, { lesson: { demo: null } });
  if (start) loadScenario(st, start.text, start.seed, id);
  else void withBuiltIn(sc!.id, (text) => loadScenario(st, text, /^seed:\s*(\S+)/m.exec(text)?.[1] ?? '1', sc!.id));
}

/** The learner's work in this world, as a question names it, or null when there is none to lose. */
function workAtStake(s: SandboxState): Message | null {
  const t = s.world.timeline;
  const n = t?.actions.length ?? 0;
  return t && n > 0 ? message('confirm.work', { count: n, at: formatClock(t.now) }) : null;
}

/**
 * Replacing the world throws the learner's actions away: with work at stake, the confirm dialog asks
 * first (saying it cannot be undone) and yes runs `then`; without, `then` runs at once.
 */
function askFirst(st: SandboxStore, what: Message, then: Confirm['run'], now: () => void): void {
  const work = workAtStake(st.getState());
  if (!work) {
    now();
    return;
  }
  patch(st, {
    ui: {
      dialog: 'confirm',
      confirm: {
        title: what.text,
        yes: translate('en', 'confirm.yes'),
        no: translate('en', 'confirm.no'),
        run: then,
        text: message('confirm.text', { work }).text,
        said: { title: what, text: message('confirm.text', { work }) },
      },
    },
  });
}

function scenarioTitle(s: SandboxState, id: string): Message {
  const start = id.startsWith(LESSON_START) ? s.lesson.catalog?.lessons[id.slice(LESSON_START.length)] : undefined;
  if (start) return message('confirm.lessonStart', { id: start.id });
  const sc = builtInScenario(id);
  return message('confirm.scenario', { title: sc ? message(`choice.scenario.pick.${sc.id}` as MessageKey) : id });
}

function resetWorld(st: SandboxStore): void {
  const s = st.getState();
  if (s.lesson.current) {
    const def = s.lesson.current.def;
    void import('../lessons').then((m) => m.openLesson(st, def));
  } else loadScenario(st, s.world.scenarioText, s.world.seed, s.world.scenarioId);
}

function applySeed(st: SandboxStore, seed: string): void {
  const w = st.getState().world;
  loadScenario(st, w.scenarioText, seed, w.scenarioId);
}

async function shareLink(st: SandboxStore): Promise<void> {
  try {
    const { world, editor } = st.getState();
    const payload = await encodeShare(workspaceOf(world, editor));
    const at = st.port.location();
    const url = `${at.origin}${at.pathname}#share=${payload}`;
    patch(st, { ui: { shareUrl: url } });
    try {
      await st.port.copyText(url);
      notify(st, message('notice.shareCopied', { size: String(url.length) }));
    } catch {
      notify(st, message('notice.shareReady'));
    }
  } catch (e) {
    notify(st, message('notice.noShareLink', { why: (e as { said?: Message }).said ?? (e instanceof Error ? e.message : String(e)) }), 'error');
  }
}

/** Reads a workspace file (exported earlier) as untrusted input and opens it. */
function importWorkspace(st: SandboxStore, text: string): void {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    notify(st, message('notice.notWorkspace', { why: (e as Error).message }), 'error');
    return;
  }
  const r = validateWorkspace(data, defaultWorkspace());
  if (!r.workspace) {
    notify(st, message('notice.notWorkspace', { why: problemMessage(r.problem!) }), 'error');
    return;
  }
  const w = r.workspace;
  patch(st, { editor: { files: w.files, activeFile: w.activeFile } });
  if (loadScenario(st, w.scenarioText, w.seed, w.scenarioId, w.actions, w.time)) notify(st, message('notice.imported', { count: w.actions.length, at: formatClock(w.time) }));
  else notify(st, message('notice.importedBroken'), 'error');
}

const scenarioChoices = (s: SandboxState) => [
  ...BUILT_IN_SCENARIOS.map((b) => ({ label: b.title, arg: b.id })),
  ...Object.values(s.lesson.catalog?.lessons ?? {}).map((l) => ({ label: `Start of ${l.id}: ${l.title}`, arg: `${LESSON_START}${l.id}` })),
];

/** The sandbox's world and the workspace around it: scenario, seed, reset, share, export, import. */
export const WORLD_ACTIONS = {
  'world.reset': {
    label: 'Reset to the start of the scenario',
    group: 'Sandbox',
    run: (st) => askFirst(st, message('confirm.reset'), { id: 'world.resetNow' }, () => resetWorld(st)),
  },
  'world.resetNow': { label: 'Reset, replacing the world', group: 'Sandbox', palette: false, run: resetWorld },
  'scenario.pick': {
    label: 'Open a scenario',
    group: 'Sandbox',
    palette: { choices: scenarioChoices },
    run: (st, id: string) => askFirst(st, message('confirm.open', { what: scenarioTitle(st.getState(), String(id)) }), { id: 'scenario.open', arg: String(id) }, () => pickScenario(st, String(id))),
  },
  'scenario.open': { label: 'Open a scenario, replacing the world', group: 'Sandbox', palette: false, run: (st, id: string) => pickScenario(st, String(id)) },
  'seed.set': {
    label: 'Change the seed',
    group: 'Sandbox',
    palette: { input: 'a word or a number' },
    run: (st, arg: string) => {
      const seed = String(arg ?? '').trim();
      if (seed) askFirst(st, message('confirm.seed', { seed }), { id: 'seed.apply', arg: seed }, () => applySeed(st, seed));
    },
  },
  'seed.apply': {
    label: 'Start again with a seed, replacing the world',
    group: 'Sandbox',
    palette: false,
    run: (st, seed: string) => applySeed(st, String(seed)),
  },
  'share.link': { label: 'Copy a share link', group: 'Workspace', run: shareLink },
  'workspace.export': {
    label: 'Export the workspace',
    group: 'Workspace',
    run: (st) => {
      const { world, editor } = st.getState();
      st.port.download('ecs-sandbox-workspace.json', JSON.stringify(workspaceOf(world, editor), null, 2), 'application/json');
    },
  },
  'workspace.import': {
    label: 'Import a workspace',
    group: 'Workspace',
    run: async (st, text?: string) => {
      const t = text ?? (await st.port.pickFile('application/json,.json'));
      // An imported file is untrusted input: its scenario goes through the parser, loaded first.
      if (t !== null) await withParser(() => importWorkspace(st, t));
    },
  },
} satisfies ActionTable;
