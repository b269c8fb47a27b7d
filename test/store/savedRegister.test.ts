import { describe, expect, it } from 'vitest';
import { loadWorkspace, saveWorkspace, STORE_KEY, type Workspace } from '../../src/store/workspace';
import { defaultWorkspace } from '../../src/store/defaults';
import { initialState, workspaceOf } from '../../src/store/store';
import { eventHash } from '../../src/content/runner';
import { Timeline } from '../../src/content/timeline';

function memoryStorage(init: Record<string, string> = {}) {
  const m = new Map(Object.entries(init));
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), map: m };
}

const TASKDEF = { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.27', memory: 256, portMappings: [{ containerPort: 80, hostPort: 80 }] }] };
const LINE = 'aws ecs register-task-definition --cli-input-json file://taskdef.json';
/** The learner's own text in the editor, which the saved action does not hold (it kept the parsed request). */
const EDITOR_TEXT = '{\n  "family": "web",\n  // my notes\n  "containerDefinitions": []\n}\n';

/** A workspace saved before the Register button ran the CLI command: the button's engine call, under the command's label. */
const saved = (): Record<string, unknown> => ({
  ...defaultWorkspace(),
  files: { ...defaultWorkspace().files, 'taskdef.json': EDITOR_TEXT },
  actions: [
    { at: 60_000, kind: 'call', call: 'ecs.RegisterTaskDefinition', input: TASKDEF, label: LINE },
    { at: 90_000, kind: 'command', line: 'aws ecs run-task --cluster demo --task-definition web --count 2' },
  ],
  time: 200_000,
});

describe('a workspace saved with the Register button of an earlier version', () => {
  it('prints the registration as the AWS CLI prints it now, keeps the saved line and the editor text, and makes the same world', () => {
    const loaded = loadWorkspace(memoryStorage({ [STORE_KEY]: JSON.stringify(saved()) }), defaultWorkspace());
    expect(loaded.notice).toBeUndefined();
    const s = initialState(loaded.workspace);
    const [register] = s.world.timeline!.transcript;
    expect(register!.command).toBe(LINE);
    expect(register!.exitCode).toBe(0);
    expect(register!.output).toMatch(/"registeredAt": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00"/);
    expect(register!.output).not.toMatch(/"registeredAt": \d/);
    // What the command prints today for the same task definition, to the character.
    const now: Workspace = { ...defaultWorkspace(), actions: [{ at: 60_000, kind: 'command', line: LINE, files: { 'taskdef.json': JSON.stringify(TASKDEF) } }], time: 200_000 };
    expect(register!.output).toBe(initialState(now).world.timeline!.transcript[0]!.output);
    // The learner's own text stays in the editor; the world is the one the saved call made.
    expect(s.editor.files['taskdef.json']).toBe(EDITOR_TEXT);
    const asSaved = new Timeline(s.world.timeline!.scenario, loaded.workspace.seed, saved().actions as never);
    asSaved.advanceTo(200_000);
    expect(eventHash(s.world.timeline!.sim.events)).toBe(eventHash(asSaved.sim.events));
    expect(Object.values(s.world.timeline!.sim.world.tasks).filter((t) => t.lastStatus === 'RUNNING')).toHaveLength(2);
    // Saved again, it is the command it now replays as.
    const storage = memoryStorage();
    saveWorkspace(storage, workspaceOf(s.world, s.editor));
    expect(JSON.parse(storage.map.get(STORE_KEY)!).actions[0]).toMatchObject({ kind: 'command', line: LINE });
  });

  it('leaves every other engine call as it was recorded', () => {
    const other = { ...saved(), actions: [{ at: 60_000, kind: 'call', call: 'ecs.RegisterTaskDefinition', input: TASKDEF }] };
    const loaded = loadWorkspace(memoryStorage({ [STORE_KEY]: JSON.stringify(other) }), defaultWorkspace());
    expect(loaded.workspace.actions).toEqual(other.actions);
  });
});
