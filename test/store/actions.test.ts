import { describe, expect, it, vi } from 'vitest';
import { initialState, makeStore } from '../../src/store/store';
import { fakePort } from '../support/fakePort';
import { ACTIONS, canRun, keyAction, pressKey, runAction, tick } from '../../src/store/actions';
import { keyTables, selectPalette } from '../../src/store/selectors/palette';
import { loadCatalog, openLesson } from '../../src/store/lessons';
import { defaultWorkspace, COMPOSE_FILE, MANIFEST_FILE, SCENARIO_FILE, TASKDEF_FILE } from '../../src/store/defaults';
import { checkFile } from '../../src/ui/EditorPanel';

function fresh() {
  return makeStore(initialState(defaultWorkspace()), fakePort());
}

describe('the action registry', () => {
  it('registers the editor task definition, and puts an engine error at the member it names', () => {
    const store = fresh();
    runAction(store, 'editor.register', TASKDEF_FILE);
    expect(store.getState().ui.notices.at(-1)!.text).toBe('Registered task definition web:1.');
    // The console shows the AWS CLI's command and its response as the CLI prints it: times in ISO 8601, not epoch seconds.
    const shown = store.getState().world.timeline!.transcript.at(-1)!;
    expect(shown.command).toBe(`aws ecs register-task-definition --cli-input-json file://${TASKDEF_FILE}`);
    expect(shown.output).toContain('        "registeredAt": "2025-01-01T00:00:00+00:00",');
    expect(shown.output).not.toMatch(/"registeredAt": \d/);
    const bad = '{\n  "family": "web",\n  "containerDefinitions": [\n    { "name": "web", "image": "nginx", "cpu": 256, "memory": 512, "portMappings": [{ "containerPort": 80, "hostPort": 81 }] }\n  ],\n  "networkMode": "awsvpc"\n}';
    runAction(store, 'editor.edit', { file: TASKDEF_FILE, text: bad });
    runAction(store, 'editor.register', TASKDEF_FILE);
    const p = store.getState().editor.problems.filter((x) => x.file === TASKDEF_FILE);
    // At the mapping's hostPort, the member the error is about (test/store/fileActions.test.ts has more).
    expect(p).toEqual([{ file: TASKDEF_FILE, line: 4, column: 107, member: '', message: 'ClientException: When networkMode=awsvpc, the host ports and container ports in port mappings must match.', severity: 'error' }]);
    expect(store.getState().world.timeline!.actions).toHaveLength(2);
  });

  it('reports broken JSON at its line and column without doing anything', () => {
    const store = fresh();
    runAction(store, 'editor.edit', { file: TASKDEF_FILE, text: '{\n  "family": "web",\n  oops\n}' });
    runAction(store, 'editor.register', TASKDEF_FILE);
    expect(store.getState().editor.problems[0]).toMatchObject({ file: TASKDEF_FILE, line: 3 });
    expect(store.getState().world.timeline!.actions).toHaveLength(0);
  });

  it('compose up runs the editor file on the local Docker host; its problems become markers first', () => {
    const store = fresh();
    runAction(store, 'editor.composeUp', COMPOSE_FILE);
    const out = store.getState().world.timeline!.transcript.at(-1)!;
    expect(out.command).toBe('docker compose -f compose.yaml up -d');
    expect(out.exitCode).toBe(0);
    runAction(store, 'editor.edit', { file: COMPOSE_FILE, text: 'services:\n  web:\n    ports: ["80:80:80:80"]\n' });
    runAction(store, 'editor.composeUp', COMPOSE_FILE);
    expect(store.getState().editor.problems.some((p) => p.file === COMPOSE_FILE && p.line === 3)).toBe(true);
    expect(store.getState().world.timeline!.actions).toHaveLength(1);
  });

  it('translating a Compose file marks what ECS refuses at its line, and takes the marker away once it translates (L4)', async () => {
    const store = fresh();
    const l4 = (await loadCatalog()).lessons.L4!;
    openLesson(store, l4);
    runAction(store, 'editor.translate', 'compose.yaml');
    expect(store.getState().world.timeline!.transcript.at(-1)!).toMatchObject({ command: 'translate compose.yaml', exitCode: 0 });
    expect(store.getState().editor.problems.filter((p) => p.file === 'compose.yaml')).toEqual([]);
    const asymmetric = l4.files['compose.yaml']!.replace('ports: ["3000:3000"]', 'ports: ["80:3000"]');
    const line = asymmetric.split('\n').findIndex((l) => l.includes('ports: ["80:3000"]')) + 1;
    runAction(store, 'editor.edit', { file: 'compose.yaml', text: asymmetric });
    runAction(store, 'editor.translate', 'compose.yaml');
    expect(store.getState().editor.problems.filter((p) => p.file === 'compose.yaml')).toEqual([
      expect.objectContaining({
        line,
        member: 'services.api.ports',
        severity: 'error',
        message: expect.stringMatching(/published port 80 differs from target 3000.*awsvpc \(Fargate\).*a load balancer listens there and forwards to port 3000$/),
      }),
    ]);
    runAction(store, 'editor.edit', { file: 'compose.yaml', text: l4.files['compose.yaml']! });
    runAction(store, 'editor.translate', 'compose.yaml');
    expect(store.getState().editor.problems.filter((p) => p.file === 'compose.yaml')).toEqual([]);
  });

  it('deploys the Copilot manifest: app, environment and service, as copilot would', () => {
    const store = fresh();
    runAction(store, 'editor.copilotDeploy', MANIFEST_FILE);
    const t = store.getState().world.timeline!;
    expect(t.actions.map((a) => (a.kind === 'command' ? a.line : a.call))).toEqual(['copilot app init sandbox', 'copilot env init --name test', 'copilot env deploy --name test', 'copilot svc deploy --name web --env test']);
    expect(t.transcript.every((o) => o.exitCode === 0)).toBe(true);
    expect(Object.values(t.sim.world.services).map((s) => s.serviceName)).toEqual(['web']);
    runAction(store, 'editor.copilotDeploy', MANIFEST_FILE);
    expect(store.getState().world.timeline!.actions).toHaveLength(5);
  });

  it('the clock advances only while playing, at the chosen speed, and steps event by event', () => {
    const store = fresh();
    tick(store, 1000);
    expect(store.getState().world.timeline!.now).toBe(0);
    runAction(store, 'clock.toggle');
    runAction(store, 'clock.speed', 10);
    tick(store, 50);
    expect(store.getState().world.timeline!.now).toBe(500);
    runAction(store, 'clock.step');
    expect(store.getState().world.playing).toBe(false);
    expect(store.getState().world.timeline!.now).toBe(45_000);
    runAction(store, 'clock.jump', '1:30');
    expect(store.getState().world.timeline!.now).toBe(90_000);
    runAction(store, 'clock.jump', 'soon');
    expect(store.getState().ui.notices.at(-1)!.text).toMatch(/"soon" is not a time/);
  });

  it('says why an action cannot run instead of running it', () => {
    const store = fresh();
    expect(runAction(store, 'history.undo')).toBe(false);
    expect(store.getState().ui.notices.at(-1)!.text).toBe('Undo the last action: not now, nothing to undo yet.');
  });

  it('applies the scenario file, or keeps the old world and marks the problem', () => {
    const store = fresh();
    runAction(store, 'editor.edit', { file: SCENARIO_FILE, text: 'name: x\nactions:\n  - { at: soon, call: ecs.CreateCluster }\n' });
    runAction(store, 'editor.applyScenario');
    expect(store.getState().editor.problems.some((p) => p.file === SCENARIO_FILE && p.line === 3)).toBe(true);
    expect(store.getState().world.scenarioId).toBe('empty-cluster');
    runAction(store, 'editor.edit', { file: SCENARIO_FILE, text: 'name: mine\nactions:\n  - { call: ecs.CreateCluster, input: { clusterName: mine } }\n' });
    runAction(store, 'editor.applyScenario');
    expect(store.getState().world.scenarioId).toBeNull();
    expect(Object.values(store.getState().world.timeline!.sim.world.clusters).map((c) => c.clusterName)).toEqual(['mine']);
  });

  it('checks YAML files as they are typed, with line numbers', () => {
    expect(checkFile(COMPOSE_FILE, 'services:\n  web:\n    image: nginx\n    ports: [80-81:80]\n')[0]).toMatchObject({ file: COMPOSE_FILE, line: 4 });
    expect(checkFile(MANIFEST_FILE, 'name: web\ntype: Static Site\n')[0]).toMatchObject({ line: 2 });
    expect(checkFile(SCENARIO_FILE, 'name: [\n')[0]).toMatchObject({ file: SCENARIO_FILE, line: 2 });
  });
});

describe('files a console command reads', () => {
  it('are recorded with the command, so that replaying it reads the same text', async () => {
    const { filesRead } = await import('../../src/store/actions');
    const files = { Dockerfile: 'FROM x', 'compose.yaml': 'services: {}', 'copilot/web/manifest.yml': 'name: web', 'td.json': '{}', 'other.txt': 'x' };
    expect(Object.keys(filesRead('docker build -t forum:1 .', files))).toEqual(['Dockerfile']);
    expect(Object.keys(filesRead('docker compose up -d', files))).toEqual(['compose.yaml']);
    expect(Object.keys(filesRead('aws ecs register-task-definition --cli-input-json file://td.json', files))).toEqual(['td.json']);
    expect(Object.keys(filesRead('copilot svc deploy --name web --env test', files))).toEqual(['copilot/web/manifest.yml']);
    expect(filesRead('aws ecs list-clusters', files)).toEqual({});
  });

  it("docker build from the console reads the editor's Dockerfile", () => {
    const store = fresh();
    runAction(store, 'editor.edit', { file: 'Dockerfile', text: 'FROM node:20-alpine\nEXPOSE 3000\nCMD ["node", "server.js"]\n' });
    runAction(store, 'console.run', 'docker build -t forum:1 .');
    const o = store.getState().world.timeline!.transcript.at(-1)!;
    expect(o.exitCode).toBe(0);
    expect(o.output).toMatch(/Successfully tagged forum:1/);
  });
});

describe('keys come from the registry', () => {
  const press = (key: string, mods: { ctrl?: boolean; shift?: boolean } = {}) => ({ key, ctrl: false, meta: false, shift: false, alt: false, ...mods });

  it('a page key runs its action where the focus is not in a field; Space and Enter on a button press the button', () => {
    const s = fresh().getState();
    expect(keyAction(s, press(' '), { where: 'page' })).toBe('clock.toggle');
    expect(keyAction(s, press('.'), { where: 'page' })).toBe('clock.step');
    expect(keyAction(s, press('v'), { where: 'page' })).toBe('view.toggle');
    expect(keyAction(s, press(' '), { where: 'page', onButton: true })).toBeUndefined();
    expect(keyAction(s, press('v'), { where: 'page', onButton: true })).toBe('view.toggle');
    expect(keyAction(s, press(' '), { where: 'field' })).toBeUndefined();
    expect(keyAction(s, press('z', { ctrl: true }), { where: 'field' })).toBeUndefined();
    expect(keyAction(s, press('z', { ctrl: true }), { where: 'page' })).toBe('history.undo');
    expect(keyAction(s, press('Z', { ctrl: true, shift: true }), { where: 'page' })).toBe('history.redo');
  });

  it('Ctrl+K opens the palette from text fields too, but not from the code editor', () => {
    const s = fresh().getState();
    expect(keyAction(s, press('k', { ctrl: true }), { where: 'page' })).toBe('palette.toggle');
    expect(keyAction(s, press('k', { ctrl: true }), { where: 'field' })).toBe('palette.toggle');
    expect(keyAction(s, press('k', { ctrl: true }), { where: 'editor' })).toBeUndefined();
    expect(keyAction(s, press('Enter', { ctrl: true }), { where: 'editor' })).toBe('editor.main');
  });

  it('a quiet action that cannot run leaves its key alone; another one says why', async () => {
    const store = fresh();
    const s = store.getState();
    expect(keyAction(s, press('c'), { where: 'page' })).toBeUndefined();
    expect(keyAction(s, press('Enter'), { where: 'page' })).toBeUndefined();
    expect(keyAction(s, press('Escape'), { where: 'page' })).toBeUndefined();
    runAction(store, 'select', { kind: 'control', id: 'api' });
    expect(keyAction(store.getState(), press('Escape'), { where: 'page' })).toBe('select.clear');
    expect(pressKey(store, press('Escape'), { where: 'page' })).toBe(true);
    expect(store.getState().ui.selected).toBeNull();
    expect(pressKey(store, press('z', { ctrl: true }), { where: 'page' })).toBe(true);
    expect(store.getState().ui.notices.at(-1)!.text).toBe('Undo the last action: not now, nothing to undo yet.');
    // With nothing to close, Escape dismisses the newest message, and only it; the inspector comes first.
    const before = store.getState().ui.notices.length;
    runAction(store, 'select', { kind: 'control', id: 'api' });
    expect(pressKey(store, press('Escape'), { where: 'page' })).toBe(true);
    expect([store.getState().ui.selected, store.getState().ui.notices.length]).toEqual([null, before]);
    expect(pressKey(store, press('Escape'), { where: 'page' })).toBe(true);
    expect(store.getState().ui.notices.length).toBe(before - 1);
    expect(store.getState().ui.notices.some((n) => n.text === 'Undo the last action: not now, nothing to undo yet.')).toBe(false);
    openLesson(store, (await loadCatalog()).lessons.L1!);
    expect(keyAction(store.getState(), press('c'), { where: 'page' })).toBe('lesson.check');
  });

  it('no two actions share a key where both would hear it', () => {
    const places = ['page', 'field', 'console', 'editor'] as const;
    for (const where of places) {
      const seen = new Map<string, string>();
      for (const a of ACTIONS) {
        for (const k of a.keys ?? []) {
          const scope = a.scope ?? 'page';
          const hears = scope === where || (scope === 'anywhere' && (where === 'page' || where === 'field'));
          if (!hears) continue;
          expect(seen.get(k), `${k} in ${where}: ${a.id} and ${seen.get(k)}`).toBeUndefined();
          seen.set(k, a.id);
        }
      }
    }
  });

  it('a keyboard action is one entry: the Keys dialog and the palette list every action that has keys', () => {
    const rows = keyTables().flatMap((t) => t.rows.map((r) => r.id));
    const s = fresh().getState();
    const palette = selectPalette(s).map((e) => e.id);
    for (const a of ACTIONS.filter((x) => x.keys?.length)) {
      expect(rows, a.id).toContain(a.id);
      // An action the palette offers once per choice is there while it has choices (a question's answers: test/store/demoChoices.test.ts).
      const noChoices = a.palette && 'choices' in a.palette && a.palette.choices(s).length === 0;
      if (a.palette !== false && !noChoices) expect(palette, a.id).toContain(a.id);
    }
  });
});

describe('the console line', () => {
  it('is typed, completed with Tab, entered with Enter and recalled with Up and Down', () => {
    const store = fresh();
    const key = (k: string) => pressKey(store, { key: k, ctrl: false, meta: false, shift: false, alt: false }, { where: 'console' });
    const c = () => store.getState().ui.console;
    runAction(store, 'console.type', 'aws ecs describe-t');
    expect(key('Tab')).toBe(true);
    expect(c().draft).toBe('aws ecs describe-task');
    expect(c().hint).toBe('describe-task-definition  describe-tasks');
    runAction(store, 'console.type', 'aws ecs list-clusters');
    expect(c().hint).toBe('');
    expect(key('Enter')).toBe(true);
    expect(c().draft).toBe('');
    expect(store.getState().world.timeline!.transcript.at(-1)!.command).toBe('aws ecs list-clusters');
    runAction(store, 'console.type', 'aws ecs list-services --cluster demo');
    key('Enter');
    expect(key('ArrowDown')).toBe(false);
    expect(key('ArrowUp')).toBe(true);
    expect(c().draft).toBe('aws ecs list-services --cluster demo');
    key('ArrowUp');
    expect(c().draft).toBe('aws ecs list-clusters');
    expect(key('ArrowUp')).toBe(false);
    key('ArrowDown');
    key('ArrowDown');
    expect(c().draft).toBe('');
    // Nothing to complete: Tab is left to move the focus.
    runAction(store, 'console.type', 'zzz');
    expect(key('Tab')).toBe(false);
  });

  it('Enter on an empty line runs nothing', () => {
    const store = fresh();
    pressKey(store, { key: 'Enter', ctrl: false, meta: false, shift: false, alt: false }, { where: 'console' });
    expect(store.getState().world.timeline!.transcript).toHaveLength(0);
  });
});

describe('the editor', () => {
  it('Ctrl+Enter runs the open file’s first action, or says the file has none', () => {
    const store = fresh();
    runAction(store, 'editor.main');
    expect(store.getState().ui.notices.at(-1)!.text).toBe('Registered task definition web:1.');
    runAction(store, 'editor.edit', { file: 'notes.txt', text: 'x' });
    runAction(store, 'editor.open', 'notes.txt');
    expect(runAction(store, 'editor.main')).toBe(false);
    expect(store.getState().ui.notices.at(-1)!.text).toBe("Run the open file's first action: not now, notes.txt has no action of its own; the console reads it.");
  });

  it('restores a file’s example text, and says when a file has none', () => {
    const store = fresh();
    runAction(store, 'editor.edit', { file: TASKDEF_FILE, text: '{' });
    runAction(store, 'editor.restoreFile', TASKDEF_FILE);
    expect(store.getState().editor.files[TASKDEF_FILE]).toContain('"family": "web"');
    runAction(store, 'editor.edit', { file: 'mine/x.json', text: '{}' });
    expect(canRun(store, 'editor.restoreFile', 'mine/x.json')).toBe('this file has no example text');
  });

  it('the palette’s editor actions work on the open file when it is theirs, else on the usual one', () => {
    const store = fresh();
    runAction(store, 'editor.edit', { file: 'copilot/api/manifest.yml', text: 'name: api\ntype: Backend Service\nimage:\n  location: nginx\n  port: 80\n' });
    runAction(store, 'editor.open', 'copilot/api/manifest.yml');
    runAction(store, 'editor.copilotDeploy');
    expect(store.getState().world.timeline!.actions.at(-1)).toMatchObject({ line: 'copilot svc deploy --name api --env test' });
    runAction(store, 'editor.open', TASKDEF_FILE);
    runAction(store, 'editor.copilotDeploy');
    expect(store.getState().world.timeline!.actions.at(-1)).toMatchObject({ line: 'copilot svc deploy --name web --env test' });
  });
});

describe('a line typed before the console has loaded', () => {
  it('runs at the moment it was typed, though the clock was moved before the console arrived, and the clock stays where it was moved', async () => {
    vi.resetModules();
    vi.doMock('../../src/content/console/preloaded', () => ({ PRELOADED: undefined }));
    try {
      const onDemand = await import('../../src/content/console/onDemand');
      const { runAction: run } = await import('../../src/store/actions');
      const { sandbox } = await import('../support/sandbox');
      expect(onDemand.consoleLoaded()).toBe(false);
      const store = sandbox();
      run(store, 'clock.jump', '2m');
      run(store, 'console.run', 'aws ecs register-task-definition --family web --container-definitions name=web,image=nginx,memory=256');
      // The learner jumps on before the console's chunk is here.
      run(store, 'clock.jump', '3m');
      await onDemand.loadConsole();
      await new Promise((r) => setTimeout(r, 0));
      const t = store.getState().world.timeline!;
      expect(t.now).toBe(180_000);
      expect(t.transcript.map((o) => [o.action.kind === 'command' ? o.action.line : o.action.kind, o.action.at])).toEqual([['aws ecs register-task-definition --family web --container-definitions name=web,image=nginx,memory=256', 120_000]]);
      // Back to 2:30, after it: the task definition is there.
      run(store, 'clock.jump', '2m30s');
      run(store, 'console.run', 'aws ecs run-task --cluster demo --task-definition web --count 1');
      expect(store.getState().world.timeline!.transcript.at(-1)!.output).not.toContain('TaskDefinition not found');
    } finally {
      vi.doUnmock('../../src/content/console/preloaded');
      vi.resetModules();
    }
  });
});
