import { keepInStep } from './variants';
import type { Problem } from '../formats/problem';
import { complete, composeToEcs, consoleLoaded, filesRead, lineAllowed, parseCompose, waitOf, withConsole } from '../content/console/onDemand';
import { act, clearNotices, notify, patch, showPanel, touched, type ConsoleDraft, type SandboxState, type SandboxStore } from './store';
import { COMPOSE_FILE, DEFAULT_FILES, MANIFEST_FILE, SCENARIO_FILE, TASKDEF_FILE } from './defaults';
import { activeTab, fileTabs } from './files';
import { applyScenarioFile, composeUp, copilotDeploy, onFile, parses, registerTaskDefinition, setProblems } from './fileActions';
import { withParser } from './parser';
import { withYaml } from './yaml';
import { message } from '../i18n';
import { keyMatches, needsWorld, reason, type ActionDef, type ActionTable, type KeyPress, type KeyScope } from './registry';
import { CLOCK_ACTIONS } from './actions/clock';
import { DAMAGED_ACTIONS } from './actions/damaged';
import { LESSON_ACTIONS } from './actions/lesson';
import { VIEW_ACTIONS } from './actions/view';
import { WORLD_ACTIONS } from './actions/world';
import { LAYOUT_ACTIONS } from './actions/layout';
import { PRESENT_ACTIONS } from './actions/present';
import { DEMO_ACTIONS } from './actions/demo';
import { advanceFrame, clockStopped } from './frame';

/** Wall time a frame gives the engine: the rest of a 60 fps frame draws the page. */
const FRAME_BUDGET_MS = 6;

/**
 * The action registry: everything a learner can do, by typed id. Each action owns its label, its
 * keys and its enabled rule; buttons, keyboard shortcuts, the command palette, the Keys dialog and
 * lesson steps all run these. The editor's and the console's actions are here, beside the functions
 * they run; the other areas' tables are in actions/.
 */

/** In a lesson, the editor's actions are those its `allowed` list names. */
const editorAction =
  (id: string) =>
  (s: SandboxState): true | string => {
    const w = needsWorld(s);
    if (w !== true) return w;
    const allowed = s.lesson.current?.def.allowed ?? [];
    return allowed.length === 0 || allowed.includes(id) ? true : `lesson ${s.lesson.current!.id} does not use it`;
  };

/** In a lesson, console commands must start with one of the prefixes its `allowed` list names (the command table decides). */
function commandAllowed(s: SandboxState, line: string): true | string {
  const lesson = s.lesson.current;
  const allowed = lesson?.def.allowed ?? [];
  if (!lesson || lineAllowed(allowed, line)) return true;
  return reason('reason.lessonAllows', { id: lesson.id, allowed: allowed.filter((a) => !a.startsWith('editor.')).join(', ') });
}

export { filesRead };
export { locateError } from './fileActions';

/** In a demo, stops the clock at the next "predict, then reveal" pause. */
function demoPauseDue(store: SandboxStore): void {
  const {
    world,
    lesson: { demo },
  } = store.getState();
  if (!demo || !world.timeline || demo.pause) return;
  const next = demo.def.pauses[demo.passed];
  if (next && world.timeline.now >= next.at) patch(store, { world: { playing: false }, lesson: { demo: { ...demo, pause: { ...next, revealed: false } } } });
}

/** Runs the clock for one animation frame: `realMs` of wall time at the chosen speed, within `budgetMs` (what it leaves undone, later frames catch up). */
export function tick(store: SandboxStore, realMs: number, budgetMs = FRAME_BUDGET_MS): void {
  const {
    world,
    lesson: { demo },
  } = store.getState();
  const t = world.timeline;
  if (!t) return;
  if (!world.playing) return clockStopped(t);
  // A demo's clock waits while a question is shown, stops exactly at its next "predict, then reveal" pause, and ends at its until.
  if (demo?.pause) return patch(store, { world: { playing: false } });
  const pause = demo ? demo.def.pauses[demo.passed] : undefined;
  const end = demo?.def.scenario.until ?? Infinity;
  if (t.now >= end) return patch(store, { world: { playing: false } });
  const before = keepInStep(t, world.variants);
  advanceFrame(t, realMs, world.speed, Math.min(pause && pause.at > t.now ? pause.at : Infinity, end), budgetMs);
  // Only the clock moved unless something happened (in any world side by side): views of the world need not recompute.
  if (keepInStep(t, world.variants) !== before) touched(store);
  else patch(store, { world: { now: t.now } });
  demoPauseDue(store);
  demoSpeedDue(store);
  if (t.now >= end) patch(store, { world: { playing: false } });
}

/** In a demo, sets the clock's speed when a segment with a speed of its own begins. */
function demoSpeedDue(store: SandboxStore): void {
  const {
    world,
    lesson: { demo },
  } = store.getState();
  if (!demo || !demo.speeds.length) return;
  const segment = demo.speeds.filter((x) => x.at <= world.now).at(-1);
  if (segment && segment.at > demo.speedFrom) patch(store, { world: { speed: segment.speed }, lesson: { demo: { ...demo, speedFrom: segment.at } } });
  // Back before a segment (the timeline scrubbed): its speed is set again when the clock reaches it.
  else if ((segment?.at ?? -1) < demo.speedFrom) patch(store, { lesson: { demo: { ...demo, speedFrom: segment?.at ?? -1 } } });
}

/** The file an editor action works on: the one given, the open file if the action is one of its tab's, or the usual file. */
function fileFor(s: SandboxState, id: string, arg: string | undefined, usual: string): string {
  if (arg !== undefined) return String(arg);
  const tab = activeTab(s.editor.files, s.editor.activeFile);
  return tab.main === id || tab.extra?.some((x) => x === id) ? tab.file : usual;
}

const fileChoices = (s: SandboxState) => fileTabs(s.editor.files).map((t) => ({ label: t.label === t.file ? t.file : `${t.label} (${t.file})`, arg: t.file }));

function restorable(s: SandboxState, file: string): boolean {
  return s.lesson.current?.def.files[file] !== undefined || file in DEFAULT_FILES || file === SCENARIO_FILE;
}

/** The key that says the Copilot note was shown in this browser. */
export const COPILOT_NOTE_KEY = 'ecs-sandbox.copilot-note-seen';

const EDITOR_ACTIONS = {
  'editor.register': {
    label: 'Register task definition',
    group: 'Editor',
    enabled: editorAction('editor.register'),
    // A refused task definition's error is placed at its line with the YAML reader (JSON is YAML); the command runs in
    // the console. Once both have loaded it runs at once; else the promise settles when it has run.
    run: (st, file?: string) => withYaml(() => withConsole(() => onFile(fileFor(st.getState(), 'editor.register', file, TASKDEF_FILE), (f) => registerTaskDefinition(st, f)))) as void | Promise<void>,
  },
  'editor.composeUp': {
    label: 'Compose up on the local host',
    group: 'Editor',
    enabled: editorAction('editor.composeUp'),
    run: (st, file?: string) => withConsole(() => onFile(fileFor(st.getState(), 'editor.composeUp', file, COMPOSE_FILE), (f) => composeUp(st, f))),
  },
  'editor.translate': {
    label: 'Translate to ECS',
    group: 'Editor',
    enabled: editorAction('editor.translate'),
    run: (st, arg?: string) =>
      withConsole(() => {
        const file = fileFor(st.getState(), 'editor.translate', arg, COMPOSE_FILE);
        const text = st.getState().editor.files[file] ?? '';
        // What the file or its translation refuses is marked at its line in the editor, as the console prints it.
        const { project, problems } = parseCompose(text, file);
        setProblems(st, file, [...problems, ...(project ? composeToEcs(project).errors : [])]);
        act(st, { kind: 'command', line: `translate ${file}`, files: { [file]: text } });
        showPanel(st, 'console');
      }),
  },
  'editor.copilotDeploy': {
    label: 'Deploy with Copilot',
    group: 'Editor',
    enabled: editorAction('editor.copilotDeploy'),
    run: (st, file?: string) => withConsole(() => onFile(fileFor(st.getState(), 'editor.copilotDeploy', file, MANIFEST_FILE), (f) => copilotDeploy(st, f))),
  },
  'editor.applyScenario': {
    label: 'Start the sandbox from this scenario',
    group: 'Editor',
    enabled: (s) => (s.lesson.current ? `leave lesson ${s.lesson.current.id} first` : true),
    // The learner's text goes through the parser, which the page loads the first time it is needed.
    run: (st) => withParser(() => onFile(SCENARIO_FILE, () => applyScenarioFile(st))),
  },
  'editor.main': {
    label: "Run the open file's first action",
    group: 'Editor',
    keys: ['Mod+Enter'],
    scope: 'editor',
    enabled: (s): true | string => {
      const tab = activeTab(s.editor.files, s.editor.activeFile);
      return tab.main ? enabledIn(s, tab.main, tab.file) : `${tab.file} has no action of its own; the console reads it`;
    },
    run: (st): void => {
      const tab = activeTab(st.getState().editor.files, st.getState().editor.activeFile);
      if (tab.main) runAction(st, tab.main, tab.file);
    },
  },
  'editor.restoreFile': {
    label: 'Restore the example text',
    group: 'Editor',
    enabled: (s, arg?: string) => (restorable(s, arg ?? s.editor.activeFile) ? true : reason('reason.noExample')),
    run: (st, arg?: string) => {
      const s = st.getState();
      const file = arg ?? s.editor.activeFile;
      const text = s.lesson.current?.def.files[file] ?? (file === SCENARIO_FILE ? s.world.scenarioText : DEFAULT_FILES[file]);
      if (text !== undefined) patch(st, (s) => ({ editor: { files: { ...s.editor.files, [file]: text }, problems: s.editor.problems.filter((p) => p.file !== file) } }));
    },
  },
  'editor.open': {
    label: 'Open a file in the editor',
    group: 'Editor',
    palette: { choices: fileChoices },
    run: (st, file: string) => {
      if (fileTabs(st.getState().editor.files).some((t) => t.file === file)) patch(st, { editor: { activeFile: file }, ui: { panel: 'editor' } });
    },
  },
  'editor.edit': {
    label: 'Edit a file',
    group: 'Editor',
    palette: false,
    run: (st, arg: { file: string; text: string }) => {
      patch(st, (s) => ({ editor: { files: { ...s.editor.files, [arg.file]: arg.text } } }));
      // A notice about the file goes once the file parses again (its markers stay until the file is checked).
      if (st.getState().ui.notices.some((n) => n.cause === `file:${arg.file}`)) return withYaml(() => void (parses(arg.file, arg.text) && clearNotices(st, `file:${arg.file}`)));
    },
  },
  'editor.problems': {
    label: 'Show the problems found in a file',
    group: 'Editor',
    palette: false,
    run: (st, arg: { file: string; problems: Problem[] }) => setProblems(st, arg.file, arg.problems),
  },
  'editor.noteSeen': {
    label: 'Mark the Copilot note as read',
    group: 'Editor',
    palette: false,
    run: (st) => {
      try {
        st.port.storage?.setItem(COPILOT_NOTE_KEY, '1');
      } catch {
        // Shown again next time; nothing is lost.
      }
      patch(st, { ui: { copilotNoteSeen: true } });
    },
  },
} satisfies ActionTable;

function runCommand(st: SandboxStore, arg: string): void {
  const line = String(arg ?? '').trim();
  if (!line) return;
  const s = st.getState();
  const t = s.world.timeline!;
  // In the page time passes on the clock: a command that only waits (sleep) is kept in the transcript where it
  // was typed (an action that does nothing, so a reloaded workspace shows it too), then the clock moves on.
  const wait = waitOf(line);
  if (wait) {
    act(st, { kind: 'command', line });
    if ('ms' in wait) {
      t.seek(t.now + wait.ms);
      touched(st);
    }
    return;
  }
  const files = filesRead(line, s.editor.files);
  t.allowed = s.lesson.current?.def.allowed ?? [];
  act(st, { kind: 'command', line, ...(Object.keys(files).length ? { files } : {}) });
}

/**
 * Runs a line typed before the console had loaded once it has, at the simulated moment it was typed: a clock
 * moved in between (a jump, Play) would otherwise run it later than the learner did, after what it was meant to
 * precede. The clock is then put back where it was moved to. When anything else was done in between, the line
 * runs where the world is, as any line does.
 */
function runWhenLoaded(st: SandboxStore, arg: string): Promise<void> {
  const typed = st.getState().world.timeline;
  const at = typed?.now;
  const done = typed?.transcript.length;
  return Promise.resolve(
    withConsole(() => {
      const t = st.getState().world.timeline;
      if (!t || t !== typed || at === undefined || t.now === at || t.transcript.length !== done) return runCommand(st, arg);
      const moved = t.now;
      t.seek(at);
      runCommand(st, arg);
      t.seek(moved);
      touched(st);
    }),
  );
}

const consoleDraft = (st: SandboxStore, f: (c: ConsoleDraft) => Partial<ConsoleDraft>) => patch(st, (s) => ({ ui: { console: { ...s.ui.console, ...f(s.ui.console) } } }));

/** A line the console does not run: echoed there with the reason, and said in a notice when the console is out of sight. */
function refuseCommand(st: SandboxStore, arg: unknown, why: string): void {
  const line = String(arg ?? '').trim();
  const s = st.getState();
  const after = s.world.timeline?.transcript.length ?? 0;
  const said = message('console.notRun', { why });
  consoleDraft(st, (c) => ({ echoes: [...c.echoes.slice(-49), { after, command: line, text: said.text, message: said }] }));
  if (s.ui.panel !== 'console' || s.ui.presenting) notify(st, message('notice.notRun', { line, why }), 'warning', { cause: 'refused:console.run' });
}

const CONSOLE_ACTIONS = {
  'console.run': {
    label: 'Run a command',
    group: 'Console',
    palette: { input: 'aws ecs list-clusters' },
    enabled: (s, arg?: string) => {
      const w = needsWorld(s);
      return w !== true ? w : arg === undefined ? true : commandAllowed(s, String(arg));
    },
    // The console's chunk loads with its first use; the line runs once it is here, at the moment it was typed.
    run: (st, arg: string) => (consoleLoaded() ? runCommand(st, arg) : runWhenLoaded(st, arg)),
    refused: refuseCommand,
  },
  'console.prefill': {
    label: 'Type a command into the console',
    group: 'Console',
    palette: false,
    enabled: (s, arg?: string): true | string => {
      const w = needsWorld(s);
      return w !== true ? w : commandAllowed(s, String(arg ?? ''));
    },
    // Typed, not run: the learner reads it and presses Enter, and the same check as for any line applies then.
    run: (st, line: string) => {
      patch(st, { ui: { panel: 'console' } });
      consoleDraft(st, (c) => ({ draft: String(line), hint: '', at: c.history.length, focus: c.focus + 1 }));
    },
    // Refused as a typed line is: echoed in the console with its reason, the command named.
    refused: refuseCommand,
  },
  'console.submit': {
    label: 'Run command',
    group: 'Console',
    keys: ['Enter'],
    scope: 'console',
    palette: false,
    enabled: needsWorld,
    run: (st): void => {
      const line = st.getState().ui.console.draft;
      consoleDraft(st, () => ({ hint: '' }));
      if (!line.trim()) return;
      runAction(st, 'console.run', line);
      consoleDraft(st, (c) => ({ draft: '', history: [...c.history, line], at: c.history.length + 1 }));
    },
  },
  'console.type': { label: 'Type a command', group: 'Console', palette: false, run: (st, line: string) => consoleDraft(st, () => ({ draft: String(line), hint: '' })) },
  'console.complete': {
    label: 'Complete the command',
    group: 'Console',
    keys: ['Tab'],
    scope: 'console',
    quiet: true,
    palette: false,
    // A Tab that would change nothing (an empty line, or the line as it is with its choices already listed) is
    // not taken: it moves the focus on, as Tab does elsewhere, so the command line never holds the keyboard.
    enabled: (s) => {
      const con = s.ui.console;
      if (!consoleLoaded() || !con.draft.trim()) return reason('reason.nothingToComplete');
      const c = complete(con.draft);
      if (!c.candidates.length || (c.line === con.draft && (c.candidates.length < 2 || con.hint === c.candidates.join('  ')))) return reason('reason.nothingToComplete');
      return true;
    },
    run: (st) =>
      consoleDraft(st, (con) => {
        const c = complete(con.draft);
        return { draft: c.line, hint: c.candidates.length > 1 ? c.candidates.join('  ') : '' };
      }),
  },
  'console.back': {
    label: 'Recall the previous command',
    group: 'Console',
    keys: ['ArrowUp'],
    scope: 'console',
    quiet: true,
    palette: false,
    enabled: (s) => (s.ui.console.at > 0 ? true : reason('reason.noEarlier')),
    run: (st) => consoleDraft(st, (c) => ({ at: c.at - 1, draft: c.history[c.at - 1] ?? '' })),
  },
  'console.forward': {
    label: 'Recall the next command',
    group: 'Console',
    keys: ['ArrowDown'],
    scope: 'console',
    quiet: true,
    palette: false,
    enabled: (s) => (s.ui.console.at < s.ui.console.history.length ? true : reason('reason.noLater')),
    run: (st) => consoleDraft(st, (c) => ({ at: c.at + 1, draft: c.history[c.at + 1] ?? '' })),
  },
} satisfies ActionTable;

/** Saying yes to the confirm dialog's question runs the action it names. */
const CONFIRM_ACTIONS = {
  'confirm.accept': {
    label: 'Yes, go ahead',
    group: 'View',
    palette: false,
    enabled: (s) => (s.ui.confirm ? true : 'nothing is being asked'),
    run: (st): void => {
      const c = st.getState().ui.confirm!;
      patch(st, { ui: { confirm: null, dialog: null } });
      runAction(st, c.run.id as ActionId, c.run.arg);
    },
  },
} satisfies ActionTable;

const TABLE = { ...CLOCK_ACTIONS, ...WORLD_ACTIONS, ...LESSON_ACTIONS, ...PRESENT_ACTIONS, ...DEMO_ACTIONS, ...VIEW_ACTIONS, ...LAYOUT_ACTIONS, ...EDITOR_ACTIONS, ...CONSOLE_ACTIONS, ...DAMAGED_ACTIONS, ...CONFIRM_ACTIONS };

/** The registry's action ids: a typo in an id is a type error. */
export type ActionId = keyof typeof TABLE;

export interface ActionEntry extends ActionDef {
  id: ActionId;
}

/** Every action, in the order the palette and the Keys dialog list them. */
export const ACTIONS: readonly ActionEntry[] = Object.entries(TABLE).map(([id, d]) => ({ id: id as ActionId, ...(d as ActionDef) }));

const byId = new Map<string, ActionEntry>(ACTIONS.map((a) => [a.id, a]));

export function actionDef(id: ActionId): ActionEntry {
  const a = byId.get(id);
  if (!a) throw new Error(`unknown action ${id}`);
  return a;
}

/** Why an action cannot run in this state, or true. */
export function enabledIn(s: SandboxState, id: ActionId, arg?: unknown): true | string {
  return actionDef(id).enabled?.(s, arg) ?? true;
}

/** Why an action cannot run now, or true. */
export function canRun(store: SandboxStore, id: ActionId, arg?: unknown): true | string {
  return enabledIn(store.getState(), id, arg);
}

/** Runs an action by id if it is enabled; returns false (and says why) when it is not. */
export function runAction(store: SandboxStore, id: ActionId, arg?: unknown): boolean {
  const ok = canRun(store, id, arg);
  if (ok !== true) {
    const def = actionDef(id);
    if (def.refused) def.refused(store, arg, ok);
    else notify(store, message('notice.notNow', { action: def.label, id, why: ok }), 'warning', { cause: `refused:${id}` });
    return false;
  }
  void actionDef(id).run(store, arg);
  return true;
}

/**
 * Where a key was pressed: on the page, in a text field or a dialog, in the console's command line,
 * or in the code editor; and whether on a button (whose own Space and Enter come first).
 */
export interface KeyPlace {
  where: 'page' | 'field' | 'console' | 'editor';
  onButton?: boolean;
}

function reaches(scope: KeyScope, place: KeyPlace): boolean {
  if (scope === 'anywhere') return place.where === 'page' || place.where === 'field';
  return scope === place.where;
}

/** The action a key press runs where it was pressed, and the argument the key gives it; a quiet action that cannot run leaves the key alone. */
export function keyRun(s: SandboxState, press: KeyPress, place: KeyPlace): { id: ActionId; arg: unknown } | undefined {
  for (const a of ACTIONS) {
    if (!a.keys || !reaches(a.scope ?? 'page', place)) continue;
    const key = a.keys.find((k) => keyMatches(k, press));
    if (!key) continue;
    if (place.onButton && (key === 'Space' || key === 'Enter') && (a.scope ?? 'page') === 'page') return undefined;
    const arg = a.keyArg?.(key);
    if (a.quiet && (a.enabled?.(s, arg) ?? true) !== true) return undefined;
    return { id: a.id, arg };
  }
  return undefined;
}

/** The action a key press runs where it was pressed, if any. */
export function keyAction(s: SandboxState, press: KeyPress, place: KeyPlace): ActionId | undefined {
  return keyRun(s, press, place)?.id;
}

/** Runs the action a key press names where it was pressed; false when the key is not the registry's there. */
export function pressKey(store: SandboxStore, press: KeyPress, place: KeyPlace): boolean {
  const found = keyRun(store.getState(), press, place);
  if (!found) return false;
  runAction(store, found.id, found.arg);
  return true;
}
