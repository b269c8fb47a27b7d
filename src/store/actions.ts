import { parseYaml } from '../formats/yamlDoc';
import { parseJson } from '../formats/json';
import { parseCompose } from '../formats/compose';
import { parseManifest } from '../formats/copilot';
import { formatClock, parseDuration } from '../sim';
import { act, builtInScenario, loadScenario, notify, touched, workspaceOf, SPEEDS, type EditorProblem, type SandboxState, type SandboxStore, type Selection } from './store';
import { encodeShare, validateWorkspace } from './workspace';
import { actionText } from '../content/timeline';
import { COMPOSE_FILE, DEFAULT_FILES, SCENARIO_FILE, defaultWorkspace } from './defaults';

/**
 * One registry for everything a learner can do: buttons, keyboard shortcuts and (later) lesson
 * steps all run these. `enabled` says why an action is unavailable, in words a learner reads.
 */
export interface ActionDef {
  id: string;
  label: string;
  /** The key that runs it, as shown to the learner ("Space", "Ctrl+Z"). */
  shortcut?: string;
  enabled?: (s: SandboxState, arg?: unknown) => true | string;
  run: (store: SandboxStore, arg?: unknown) => void | Promise<void>;
}

const needsWorld = (s: SandboxState): true | string => (s.timeline ? true : 'the scenario cannot run; fix it in the editor first');

/** In a lesson, the editor's actions are those its `allowed` list names. */
const editorAction = (id: string) => (s: SandboxState): true | string => {
  const w = needsWorld(s);
  if (w !== true) return w;
  const allowed = s.lesson?.def.allowed ?? [];
  return allowed.length === 0 || allowed.includes(id) ? true : `lesson ${s.lesson!.id} does not use it`;
};

/** In a lesson, console commands must start with one of the prefixes its `allowed` list names. */
function commandAllowed(s: SandboxState, line: string): true | string {
  const allowed = (s.lesson?.def.allowed ?? []).filter((a) => !a.startsWith('editor.'));
  if (!s.lesson || allowed.length === 0) return true;
  const l = line.trim().replace(/\s+/g, ' ');
  if (/^sleep /.test(l) || allowed.some((a) => l === a || l.startsWith(`${a} `) || l.startsWith(a))) return true;
  return `lesson ${s.lesson.id} uses only: ${allowed.join(', ')}`;
}

/** Finds where in a JSON (or YAML) document an API error is about, from the member or container it names. */
export function locateError(text: string, file: string, message: string): EditorProblem {
  const doc = parseYaml(text);
  const path: (string | number)[] = [];
  const param = /parameter ([A-Za-z0-9_.[\]]+)/.exec(message);
  if (param) {
    for (const m of param[1]!.matchAll(/([A-Za-z0-9_]+)|\[(\d+)\]/g)) path.push(m[1] !== undefined ? m[1] : Number(m[2]));
  } else {
    const container = /container '([^']+)'/.exec(message) ?? /container ([A-Za-z0-9_-]+)/.exec(message);
    const defs = (doc.data as { containerDefinitions?: { name?: string }[] } | undefined)?.containerDefinitions;
    const i = container && Array.isArray(defs) ? defs.findIndex((d) => d?.name === container[1]) : -1;
    if (i >= 0) {
      path.push('containerDefinitions', i);
      const member = [...message.matchAll(/'([A-Za-z]+)'/g)].map((m) => m[1]!).find((k) => k in (defs![i] as object));
      if (member) path.push(member);
    } else {
      const top = [...message.matchAll(/'?\b([a-z][A-Za-z]+)\b'?/g)].map((m) => m[1]!).find((k) => doc.data && typeof doc.data === 'object' && k in (doc.data as object));
      if (top) path.push(top);
    }
  }
  const at = path.length ? doc.at(path, typeof path[path.length - 1] === 'string') : { line: 1, column: 1 };
  return { file, ...at, message };
}

function setProblems(store: SandboxStore, file: string, problems: EditorProblem[]): void {
  store.setState((s) => ({ problems: [...s.problems.filter((p) => p.file !== file), ...problems] }));
}

/** Registers the task definition in an editor file; problems become markers at their lines. */
function registerTaskDefinition(store: SandboxStore, file: string): void {
  const s = store.getState();
  const text = s.files[file] ?? '';
  const parsed = parseJson(text, file);
  if ('problem' in parsed) {
    setProblems(store, file, [parsed.problem]);
    notify(store, `${file}:${parsed.problem.line}:${parsed.problem.column}: ${parsed.problem.message}`, 'error');
    return;
  }
  if (parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
    setProblems(store, file, [{ file, line: 1, column: 1, message: 'A task definition is a JSON object with a family and containerDefinitions.' }]);
    return;
  }
  const o = act(store, { kind: 'call', call: 'ecs.RegisterTaskDefinition', input: parsed.value as Record<string, unknown>, label: `aws ecs register-task-definition --cli-input-json file://${file}` });
  if (!o) return;
  store.setState({ panel: 'console' });
  if (o.exitCode !== 0) {
    setProblems(store, file, [locateError(text, file, o.output.replace(/^An error occurred \(([^)]+)\) when calling the \w+ operation: /, '$1: '))]);
    store.setState({ panel: 'editor' });
    notify(store, `The task definition was not registered: ${o.output}`, 'error');
  } else {
    setProblems(store, file, []);
    const td = (JSON.parse(o.output) as { taskDefinition: { family: string; revision: number } }).taskDefinition;
    notify(store, `Registered task definition ${td.family}:${td.revision}.`);
  }
}

function composeUp(store: SandboxStore, file: string): void {
  const text = store.getState().files[file] ?? '';
  const { problems } = parseCompose(text, file);
  const errors = problems.filter((p) => p.severity === 'error');
  setProblems(store, file, problems.map((p) => ({ file, line: p.line, column: p.column, message: `${p.member ? `${p.member}: ` : ''}${p.message}` })));
  if (errors.length) {
    notify(store, `${file} has ${errors.length} problem${errors.length > 1 ? 's' : ''}; see the markers in the editor.`, 'error');
    return;
  }
  act(store, { kind: 'command', line: `docker compose -f ${file} up -d`, files: { [file]: text } });
  store.setState({ panel: 'console' });
}

function copilotDeploy(store: SandboxStore, file: string): void {
  const s = store.getState();
  const text = s.files[file] ?? '';
  const { manifest, problems } = parseManifest(text, file);
  setProblems(store, file, problems.map((p) => ({ file, line: p.line, column: p.column, message: `${p.member ? `${p.member}: ` : ''}${p.message}` })));
  if (!manifest || problems.some((p) => p.severity === 'error')) {
    notify(store, `${file} cannot be deployed; see the markers in the editor.`, 'error');
    return;
  }
  if (manifest.type === 'Environment') {
    notify(store, 'This is an environment manifest; deploy a service manifest (copilot/<name>/manifest.yml).', 'error');
    return;
  }
  const session = s.timeline!.session;
  const files = { [`copilot/${manifest.name}/manifest.yml`]: text };
  if (!session.copilot.app) act(store, { kind: 'command', line: 'copilot app init sandbox' });
  if (!session.copilot.environments.test) {
    act(store, { kind: 'command', line: 'copilot env init --name test' });
    act(store, { kind: 'command', line: 'copilot env deploy --name test' });
  }
  act(store, { kind: 'command', line: `copilot svc deploy --name ${manifest.name} --env test`, files });
  store.setState({ panel: 'console' });
}

function applyScenarioFile(store: SandboxStore): void {
  const s = store.getState();
  const text = s.files[SCENARIO_FILE] ?? '';
  if (loadScenario(store, text, s.seed, s.scenarioId !== null && builtInScenario(s.scenarioId)?.text === text ? s.scenarioId : null)) {
    setProblems(store, SCENARIO_FILE, []);
    notify(store, 'The sandbox now starts from your scenario.');
  } else {
    notify(store, 'The scenario cannot run; see the markers in the editor.', 'error');
  }
}

/**
 * The editor files a command reads, as they are now, so that the action replays the same: file://name,
 * -f name, docker build's Dockerfile, compose's compose.yaml, copilot's manifests.
 */
export function filesRead(line: string, all: Record<string, string>): Record<string, string> {
  const words = line.trim().split(/\s+/);
  const wanted = new Set<string>();
  for (const m of line.matchAll(/file:\/\/(\S+)/g)) wanted.add(m[1]!);
  const f = words.findIndex((w) => w === '-f' || w === '--file');
  if (f >= 0 && words[f + 1]) wanted.add(words[f + 1]!);
  if (words[0] === 'docker' && words[1] === 'build' && f < 0) wanted.add('Dockerfile');
  if ((words[0] === 'docker' && words[1] === 'compose') || words[0] === 'translate') for (const n of ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml']) wanted.add(n);
  const out: Record<string, string> = {};
  for (const [name, text] of Object.entries(all)) {
    if (wanted.has(name) || (words[0] === 'copilot' && name.startsWith('copilot/'))) out[name] = text;
  }
  return out;
}

/** In a demo, stops the clock at the next "predict, then reveal" pause. */
function demoPauseDue(store: SandboxStore): void {
  const s = store.getState();
  if (!s.demo || !s.timeline || s.demo.pause) return;
  const next = s.demo.def.pauses[s.demo.passed];
  if (next && s.timeline.now >= next.at) store.setState({ playing: false, demo: { ...s.demo, pause: { ...next, revealed: false } } });
}

/** Runs the clock for one animation frame: `realMs` of wall time at the chosen speed, within `budgetMs`. */
export function tick(store: SandboxStore, realMs: number, budgetMs = 12): void {
  const s = store.getState();
  const t = s.timeline;
  if (!s.playing || !t) return;
  const start = performance.now();
  let target = t.now + Math.max(1, Math.round(Math.min(realMs, 100) * s.speed));
  // A demo's clock stops exactly at its next "predict, then reveal" pause.
  const pause = s.demo && !s.demo.pause ? s.demo.def.pauses[s.demo.passed] : undefined;
  if (pause && pause.at > t.now) target = Math.min(target, pause.at);
  const before = t.sim.events.length;
  t.advanceTo(target, () => performance.now() - start > budgetMs);
  // Only the clock moved unless something happened: views of the world need not recompute.
  if (t.sim.events.length !== before) touched(store);
  else store.setState({ now: t.now });
  demoPauseDue(store);
}

export const ACTIONS: ActionDef[] = [
  { id: 'clock.toggle', label: 'Play / pause', shortcut: 'Space', enabled: needsWorld, run: (st) => st.setState((s) => ({ playing: !s.playing })) },
  {
    id: 'clock.step', label: 'Step to the next event', shortcut: '.', enabled: needsWorld,
    run: (st) => {
      const t = st.getState().timeline!;
      st.setState({ playing: false });
      if (!t.stepEvent()) notify(st, 'Nothing is scheduled: the world is at rest until you act.');
      touched(st);
    },
  },
  {
    id: 'clock.speed', label: 'Set the speed', enabled: needsWorld,
    run: (st, arg) => {
      const v = Number(arg);
      if (SPEEDS.includes(v)) st.setState({ speed: v });
    },
  },
  {
    id: 'clock.faster', label: 'Faster', shortcut: ']', enabled: needsWorld,
    run: (st) => st.setState((s) => ({ speed: SPEEDS[Math.min(SPEEDS.length - 1, SPEEDS.indexOf(s.speed) + 1)] ?? 60 })),
  },
  {
    id: 'clock.slower', label: 'Slower', shortcut: '[', enabled: needsWorld,
    run: (st) => st.setState((s) => ({ speed: SPEEDS[Math.max(0, SPEEDS.indexOf(s.speed) - 1)] ?? 60 })),
  },
  {
    id: 'clock.jump', label: 'Jump to a time', enabled: needsWorld,
    run: (st, arg) => {
      const raw = String(arg ?? '').trim();
      const ms = parseDuration(raw.includes(':') ? clockToDuration(raw) : raw);
      if (ms === undefined) {
        notify(st, `"${raw}" is not a time: write 90s, 5m, 1h30m or 01:30:00.`, 'error');
        return;
      }
      st.setState({ playing: false });
      st.getState().timeline!.seek(ms);
      touched(st);
    },
  },
  {
    id: 'clock.seek', label: 'Scrub the timeline', enabled: needsWorld,
    run: (st, arg) => {
      st.setState({ playing: false });
      st.getState().timeline!.seek(Number(arg));
      touched(st);
    },
  },
  {
    id: 'history.undo', label: 'Undo the last action', shortcut: 'Ctrl+Z',
    enabled: (s) => (!s.timeline ? 'the scenario cannot run' : s.timeline.actions.length ? true : 'nothing to undo yet'),
    run: (st) => {
      const a = st.getState().timeline!.undo();
      if (a) notify(st, `Undone: ${actionText(a)}`);
      touched(st);
    },
  },
  {
    id: 'history.redo', label: 'Redo', shortcut: 'Ctrl+Shift+Z',
    enabled: (s) => (!s.timeline ? 'the scenario cannot run' : s.timeline.redoStack.length ? true : 'nothing to redo'),
    run: (st) => {
      const a = st.getState().timeline!.redo();
      if (a) notify(st, `Redone: ${actionText(a)}`);
      touched(st);
    },
  },
  {
    id: 'world.reset', label: 'Reset to the start of the scenario',
    run: (st) => {
      const s = st.getState();
      if (s.lesson) {
        const def = s.lesson.def;
        void import('./lessons').then((m) => m.openLesson(st, def));
      } else loadScenario(st, s.scenarioText, s.seed, s.scenarioId);
    },
  },
  {
    id: 'scenario.pick', label: 'Open a built-in scenario',
    run: (st, arg) => {
      const sc = builtInScenario(String(arg));
      if (!sc) return;
      const seed = /^seed:\s*(\S+)/m.exec(sc.text)?.[1] ?? '1';
      st.setState({ lesson: null, demo: null });
      loadScenario(st, sc.text, seed, sc.id);
    },
  },
  {
    id: 'seed.set', label: 'Change the seed',
    run: (st, arg) => {
      const seed = String(arg ?? '').trim();
      if (!seed) return;
      const s = st.getState();
      loadScenario(st, s.scenarioText, seed, s.scenarioId);
    },
  },
  {
    id: 'console.run', label: 'Run a command',
    enabled: (s, arg) => {
      const w = needsWorld(s);
      return w !== true ? w : arg === undefined ? true : commandAllowed(s, String(arg));
    },
    run: (st, arg) => {
      const line = String(arg ?? '').trim();
      if (!line) return;
      const s = st.getState();
      // In the page time passes on the clock: sleep moves it forward instead of being an action.
      const sleep = /^sleep\s+(\S+)$/.exec(line);
      if (sleep) {
        const ms = parseDuration(sleep[1]!);
        if (ms === undefined) notify(st, `sleep: invalid time interval '${sleep[1]!}'`, 'error');
        else {
          s.timeline!.seek(s.timeline!.now + ms);
          touched(st);
        }
        return;
      }
      const files = filesRead(line, s.files);
      act(st, { kind: 'command', line, ...(Object.keys(files).length ? { files } : {}) });
    },
  },
  { id: 'editor.register', label: 'Register task definition', enabled: editorAction('editor.register'), run: (st, arg) => registerTaskDefinition(st, String(arg)) },
  { id: 'editor.composeUp', label: 'Compose up on the local host', enabled: editorAction('editor.composeUp'), run: (st, arg) => composeUp(st, String(arg ?? COMPOSE_FILE)) },
  {
    id: 'editor.translate', label: 'Translate to ECS', enabled: editorAction('editor.translate'),
    run: (st, arg) => {
      const file = String(arg ?? COMPOSE_FILE);
      act(st, { kind: 'command', line: `translate ${file}`, files: { [file]: st.getState().files[file] ?? '' } });
      st.setState({ panel: 'console' });
    },
  },
  { id: 'editor.copilotDeploy', label: 'Deploy with Copilot', enabled: editorAction('editor.copilotDeploy'), run: (st, arg) => copilotDeploy(st, String(arg)) },
  { id: 'editor.applyScenario', label: 'Start the sandbox from this scenario', enabled: (s) => (s.lesson ? `leave lesson ${s.lesson.id} first` : true), run: (st) => applyScenarioFile(st) },
  {
    id: 'editor.restoreFile', label: 'Restore the example text',
    enabled: (s, arg) => (arg === undefined || s.lesson?.def.files[String(arg)] !== undefined || String(arg) in DEFAULT_FILES || String(arg) === SCENARIO_FILE ? true : 'this file has no example text'),
    run: (st, arg) => {
      const file = String(arg);
      const s = st.getState();
      const text = s.lesson?.def.files[file] ?? (file === SCENARIO_FILE ? s.scenarioText : DEFAULT_FILES[file]);
      if (text !== undefined) st.setState((s) => ({ files: { ...s.files, [file]: text }, problems: s.problems.filter((p) => p.file !== file) }));
    },
  },
  {
    id: 'share.link', label: 'Copy a share link',
    run: async (st) => {
      try {
        const payload = await encodeShare(workspaceOf(st.getState()));
        const url = `${location.origin}${location.pathname}#share=${payload}`;
        st.setState({ shareUrl: url });
        try {
          await navigator.clipboard.writeText(url);
          notify(st, `Share link copied (${url.length} characters). Opening it replays this scenario, seed and your actions to the same moment.`);
        } catch {
          notify(st, 'Share link ready: copy it from the field in the header.');
        }
      } catch (e) {
        notify(st, `No share link: ${e instanceof Error ? e.message : String(e)}`, 'error');
      }
    },
  },
  {
    id: 'workspace.export', label: 'Export the workspace',
    run: (st) => {
      const blob = new Blob([JSON.stringify(workspaceOf(st.getState()), null, 2)], { type: 'application/json' });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = 'ecs-sandbox-workspace.json';
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    },
  },
  {
    id: 'workspace.import', label: 'Import a workspace',
    run: (st, arg) => {
      const text = String(arg ?? '');
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (e) {
        notify(st, `The file is not a workspace: ${(e as Error).message}`, 'error');
        return;
      }
      const r = validateWorkspace(data, defaultWorkspace());
      if (!r.workspace) {
        notify(st, `The file is not a workspace: ${r.problem}`, 'error');
        return;
      }
      const w = r.workspace;
      st.setState({ files: w.files, activeFile: w.activeFile });
      if (loadScenario(st, w.scenarioText, w.seed, w.scenarioId, w.actions, w.time)) notify(st, `Imported the workspace: ${w.actions.length} actions, at ${formatClock(w.time)}.`);
      else notify(st, 'The imported scenario cannot run; its text is in the editor.', 'error');
    },
  },
  {
    id: 'lesson.check', label: 'Check my work', shortcut: 'C', enabled: (s) => (s.lesson && s.timeline ? true : 'open a lesson first'),
    run: async (st) => {
      (await import('./lessons')).checkWork(st);
    },
  },
  { id: 'lesson.hint', label: 'Hint', enabled: (s) => (!s.lesson ? 'open a lesson first' : s.lesson.hints < s.lesson.def.text.hints.length ? true : 'no more hints'), run: (st) => st.setState((s) => ({ lesson: { ...s.lesson!, hints: s.lesson!.hints + 1 } })) },
  { id: 'lesson.goal', label: 'Show the goal', enabled: (s) => (s.lesson ? true : 'open a lesson first'), run: (st) => st.setState((s) => ({ lesson: { ...s.lesson!, showGoal: !s.lesson!.showGoal } })) },
  { id: 'lesson.solution', label: 'Show the solution', enabled: (s) => (s.lesson ? true : 'open a lesson first'), run: (st) => st.setState((s) => ({ lesson: { ...s.lesson!, showSolution: !s.lesson!.showSolution } })) },
  {
    id: 'lesson.applySolution', label: 'Replay the reference solution', enabled: (s) => (s.lesson ? true : 'open a lesson first'),
    run: async (st) => {
      const l = st.getState().lesson!;
      (await import('./lessons')).openLesson(st, l.def, { actions: l.def.solution.actions });
      notify(st, `The reference solution of ${l.def.id} is replayed: ${l.def.solution.actions.length} actions. Play on, then check it.`);
    },
  },
  {
    id: 'lesson.reset', label: 'Start the lesson again', enabled: (s) => (s.lesson ? true : 'open a lesson first'),
    run: async (st) => (await import('./lessons')).openLesson(st, st.getState().lesson!.def),
  },
  {
    id: 'lesson.predict', label: 'Record a prediction',
    run: (st, arg) => {
      const { id, choice } = arg as { id: string; choice: number };
      st.setState((s) => (s.lesson ? { lesson: { ...s.lesson, predictions: { ...s.lesson.predictions, [id]: choice } } } : {}));
    },
  },
  { id: 'lesson.exit', label: 'Leave the lesson', run: (st) => st.setState({ lesson: null }) },
  {
    id: 'demo.reveal', label: 'Reveal', shortcut: 'Enter', enabled: (s) => (s.demo?.pause ? true : 'no question is open'),
    run: (st) => st.setState((s) => {
      const d = s.demo!;
      if (!d.pause!.revealed) return { demo: { ...d, pause: { ...d.pause!, revealed: true } } };
      return { demo: { ...d, pause: null, passed: d.passed + 1 } };
    }),
  },
  { id: 'present.toggle', label: 'Presenter view', shortcut: 'P', run: (st) => st.setState((s) => ({ presenting: !s.presenting })) },
  { id: 'view.toggle', label: 'Switch between the canvas and the tables', shortcut: 'V', run: (st) => st.setState((s) => ({ view: s.view === 'canvas' ? 'table' : 'canvas' })) },
  { id: 'select', label: 'Inspect', run: (st, arg) => st.setState({ selected: (arg as Selection | null) ?? null, inspectorTab: 'json' }) },
  { id: 'select.clear', label: 'Close the inspector', shortcut: 'Escape', run: (st) => st.setState({ selected: null }) },
];

function clockToDuration(s: string): string {
  const parts = s.split(':').map(Number);
  if (parts.some((n) => !Number.isFinite(n))) return s;
  const [h, m, sec] = parts.length === 3 ? parts : [0, parts[0]!, parts[1] ?? 0];
  return `${h! * 3600 + m! * 60 + sec!}s`;
}

const byId = new Map(ACTIONS.map((a) => [a.id, a]));

export function actionDef(id: string): ActionDef {
  const a = byId.get(id);
  if (!a) throw new Error(`unknown action ${id}`);
  return a;
}

/** Why an action cannot run now, or true. */
export function canRun(store: SandboxStore, id: string, arg?: unknown): true | string {
  return actionDef(id).enabled?.(store.getState(), arg) ?? true;
}

/** Runs an action by id if it is enabled; returns false (and says why) when it is not. */
export function runAction(store: SandboxStore, id: string, arg?: unknown): boolean {
  const ok = canRun(store, id, arg);
  if (ok !== true) {
    notify(store, `${actionDef(id).label}: not now, ${ok}.`, 'warning');
    return false;
  }
  void actionDef(id).run(store, arg);
  return true;
}

