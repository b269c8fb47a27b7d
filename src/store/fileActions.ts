// What the editor's actions do with a file: parse it, mark its problems at their lines, and act on
// the world with it. The actions themselves (labels, keys, enabled rules) are in actions.ts.
import { yamlLoaded } from './yaml';
import { parseJson } from '../formats/json';
import { problemAt, problemMessage, said, type Problem } from '../formats/problem';
import { parseCompose, parseManifest } from '../content/console/onDemand';
import { act, builtInScenario, clearNotices, loadScenario, notify, patch, showPanel, withCause, type SandboxStore } from './store';
import { SCENARIO_FILE } from './defaults';
import { message } from '../i18n';
import type { MemberPath } from '../sim';

/**
 * Where in a JSON (or YAML) document an API error is about (once YAML has loaded: withYaml): the member the
 * error's path names in the request (the nearest of it the document has), or else a top-level member the
 * message names, or else the first line.
 */
export function locateError(text: string, file: string, message: string, path?: MemberPath): Problem {
  const doc = yamlLoaded().parseYaml(text);
  const at = path?.length ? [...path] : topLevelNamed(doc.data, message);
  const where = at.length ? doc.at(at, typeof at[at.length - 1] === 'string') : { line: 1, column: 1 };
  return { file, ...where, member: '', message, severity: 'error' };
}

/** An error without a path: the first top-level member of the document its message names ("Invalid 'cpu' setting for task."). */
function topLevelNamed(data: unknown, message: string): (string | number)[] {
  if (!data || typeof data !== 'object') return [];
  const top = [...message.matchAll(/\b([a-z][A-Za-z]+)\b/g)].map((m) => m[1]!).find((k) => Object.hasOwn(data, k));
  return top ? [top] : [];
}

export function setProblems(store: SandboxStore, file: string, problems: Problem[]): void {
  patch(store, (s) => ({ editor: { problems: [...s.editor.problems.filter((p) => p.file !== file), ...problems] } }));
  // A file without problems has nothing left to be warned about.
  if (problems.length === 0) clearNotices(store, `file:${file}`);
}

/** Whether a file's text parses (JSON for .json files, YAML for the rest), whatever the meaning of its content (once YAML has loaded: withYaml). */
export function parses(file: string, text: string): boolean {
  return file.endsWith('.json') ? !('problem' in parseJson(text, file)) : yamlLoaded().parseYaml(text).errors.length === 0;
}

/** Runs an editor action on a file, its notices tied to that file. */
export const onFile = (file: string, f: (file: string) => void) => withCause(`file:${file}`, () => f(file));

/** Registers the task definition in an editor file; problems become markers at their lines. */
/** A word as the console's shell reads it back unchanged: quoted when it holds anything but plain characters. */
const shellWord = (w: string) => (/^[\w./:@%+=,-]+$/.test(w) ? w : `'${w.replace(/'/g, "'\\''")}'`);

export function registerTaskDefinition(store: SandboxStore, file: string): void {
  const s = store.getState().editor;
  const text = s.files[file] ?? '';
  const parsed = parseJson(text, file);
  if ('problem' in parsed) {
    setProblems(store, file, [parsed.problem]);
    notify(store, problemMessage(parsed.problem), 'error');
    return;
  }
  if (parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
    setProblems(store, file, [problemAt(file, { line: 1, column: 1 }, '', said('problem.taskdef.shape'))]);
    return;
  }
  // The AWS CLI's command, so that the console prints its response as the CLI does (timestamps in ISO 8601).
  const o = act(store, { kind: 'command', line: `aws ecs register-task-definition --cli-input-json ${shellWord(`file://${file}`)}`, files: { [file]: text } });
  if (!o) return;
  showPanel(store, 'console');
  if (o.exitCode !== 0) {
    setProblems(store, file, [locateError(text, file, o.error ? `${o.error.code}: ${o.error.message}` : o.output, o.errorPath)]);
    showPanel(store, 'editor');
    notify(store, message('notice.notRegistered', { output: o.output }), 'error');
  } else {
    setProblems(store, file, []);
    const td = (o.response as { taskDefinition: { family: string; revision: number } }).taskDefinition;
    notify(store, message('notice.registered', { name: `${td.family}:${td.revision}` }));
  }
}

export function composeUp(store: SandboxStore, file: string): void {
  const text = store.getState().editor.files[file] ?? '';
  const { problems } = parseCompose(text, file);
  const errors = problems.filter((p) => p.severity === 'error');
  setProblems(store, file, problems);
  if (errors.length) {
    notify(store, message('notice.fileProblems', { file, count: errors.length }), 'error');
    return;
  }
  act(store, { kind: 'command', line: `docker compose -f ${file} up -d`, files: { [file]: text } });
  showPanel(store, 'console');
}

export function copilotDeploy(store: SandboxStore, file: string): void {
  const s = store.getState();
  const text = s.editor.files[file] ?? '';
  const { manifest, problems } = parseManifest(text, file);
  setProblems(store, file, problems);
  if (!manifest || problems.some((p) => p.severity === 'error')) {
    notify(store, message('notice.cannotDeploy', { file }), 'error');
    return;
  }
  if (manifest.type === 'Environment') {
    notify(store, message('notice.environmentManifest'), 'error');
    return;
  }
  const session = s.world.timeline!.session;
  const files = { [`copilot/${manifest.name}/manifest.yml`]: text };
  if (!session.copilot.app) act(store, { kind: 'command', line: 'copilot app init sandbox' });
  if (!session.copilot.environments.test) {
    act(store, { kind: 'command', line: 'copilot env init --name test' });
    act(store, { kind: 'command', line: 'copilot env deploy --name test' });
  }
  act(store, { kind: 'command', line: `copilot svc deploy --name ${manifest.name} --env test`, files });
  showPanel(store, 'console');
}

export function applyScenarioFile(store: SandboxStore): void {
  const { world, editor } = store.getState();
  const text = editor.files[SCENARIO_FILE] ?? '';
  if (loadScenario(store, text, world.seed, world.scenarioId !== null && builtInScenario(world.scenarioId)?.text === text ? world.scenarioId : null)) {
    setProblems(store, SCENARIO_FILE, []);
    notify(store, message('notice.ownScenario'));
  } else {
    notify(store, message('notice.scenarioBroken'), 'error');
  }
}
