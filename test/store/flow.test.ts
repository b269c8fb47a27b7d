import { describe, expect, it } from 'vitest';
import { initialState, makeStore } from '../../src/store/store';
import { enabledIn, runAction } from '../../src/store/actions';
import { defaultWorkspace } from '../../src/store/defaults';
import { loadCatalog, openLesson } from '../../src/store/lessons';
import { parseLesson } from '../../src/content/lesson';
import { lessonFiles } from '../support/pins';
import { fakePort } from '../support/fakePort';

const fresh = () => makeStore(initialState(defaultWorkspace()), fakePort());

describe('from one lesson to the next', () => {
  it('a command from the lesson text is typed into the console, not run, and the same check applies', async () => {
    const store = fresh();
    openLesson(store, (await loadCatalog()).lessons.L2!);
    expect(store.getState().ui.panel).toBe('editor');
    runAction(store, 'console.prefill', 'docker build -t forum:1 .');
    const s = store.getState();
    expect(s.ui.panel).toBe('console');
    expect(s.ui.console.draft).toBe('docker build -t forum:1 .');
    expect(s.ui.console.focus).toBe(1);
    expect(s.world.timeline!.actions).toEqual([]);
    runAction(store, 'console.submit');
    expect(store.getState().world.timeline!.actions.map((a) => a.kind === 'command' && a.line)).toEqual(['docker build -t forum:1 .']);
    expect(enabledIn(store.getState(), 'console.prefill', 'aws ecs list-clusters')).toMatch(/^lesson L2 uses only: docker build/);
    // Refused, it is echoed in the console with the reason and the command named, as a typed line is.
    expect(runAction(store, 'console.prefill', 'aws ecs list-clusters')).toBe(false);
    expect(store.getState().ui.console.echoes.at(-1)).toEqual({
      after: 1,
      command: 'aws ecs list-clusters',
      text: expect.stringMatching(/^not run: lesson L2 uses only: docker build/),
      message: expect.objectContaining({ key: 'console.notRun' }),
    });
    expect(store.getState().ui.console.draft).toBe('');
  });
});

describe('replacing the world asks first', () => {
  const withWork = () => {
    const store = fresh();
    runAction(store, 'clock.jump', '2m');
    runAction(store, 'console.run', 'aws ecs create-cluster --cluster-name extra');
    return store;
  };

  it('switching scenario with work at stake asks, says it cannot be undone, and does nothing on no', () => {
    const store = withWork();
    runAction(store, 'scenario.pick', 'busy-cluster');
    const s = store.getState();
    expect(s.ui.dialog).toBe('confirm');
    expect(s.ui.confirm).toMatchObject({ title: 'Open “Busy production-like cluster: ALB, auto scaling, Cloud Map, Fargate”?', yes: 'Replace my world', no: 'Keep my world' });
    expect(s.ui.confirm!.text).toBe('This replaces the world you have built here (your 1 action up to 0:02:00). It cannot be undone; Export keeps a copy of your work first.');
    runAction(store, 'confirm.cancel');
    expect(store.getState().ui.dialog).toBeNull();
    expect(store.getState().world.scenarioId).toBe('empty-cluster');
    expect(store.getState().world.timeline!.actions).toHaveLength(1);
    runAction(store, 'scenario.pick', 'busy-cluster');
    runAction(store, 'confirm.accept');
    expect(store.getState().world.scenarioId).toBe('busy-cluster');
    expect(store.getState().ui.confirm).toBeNull();
  });

  it('a new seed and a reset ask too; with nothing at stake nothing is asked', () => {
    const store = withWork();
    runAction(store, 'seed.set', '42');
    expect(store.getState().ui.confirm?.title).toBe('Start again with seed 42?');
    runAction(store, 'confirm.accept');
    expect(store.getState().world.seed).toBe('42');
    expect(store.getState().ui.dialog).toBeNull();
    runAction(store, 'seed.set', '43');
    expect(store.getState().ui.dialog).toBeNull();
    expect(store.getState().world.seed).toBe('43');
    runAction(store, 'console.run', 'aws ecs create-cluster --cluster-name extra');
    runAction(store, 'world.reset');
    expect(store.getState().ui.confirm?.title).toBe('Start again from the start of the scenario?');
    runAction(store, 'confirm.accept');
    expect(store.getState().world.timeline!.actions).toEqual([]);
    expect(runAction(store, 'confirm.accept')).toBe(false);
  });
});

describe('what a lesson is about', () => {
  it('every lesson and demo names the focus of its canvas', async () => {
    const c = await loadCatalog();
    for (const l of Object.values(c.lessons)) expect(l.focus, l.id).toMatchObject({ kind: expect.stringMatching(/^(local|cluster|service|loadBalancer)$/) });
    for (const d of Object.values(c.demos)) expect(d.focus, d.id).toBeDefined();
    expect(c.lessons.L1!.focus).toEqual({ kind: 'local' });
    expect(c.lessons.L8!.focus).toEqual({ kind: 'loadBalancer', name: 'forum-lb' });
  });

  it('a focus that is not one is refused at its member', () => {
    const files = lessonFiles();
    const bad = (focus: string) => () => parseLesson({ ...files, 'L1/lesson.yaml': files['L1/lesson.yaml']!.replace(/^focus: .*$/m, `focus: ${focus}`) }, 'L1');
    expect(bad('{ kind: planet }')).toThrow(/focus\.kind: expected one of local, cluster, service, loadBalancer/);
    expect(bad('{ kind: service }')).toThrow(/focus\.name: a service focus names the service/);
    expect(bad('{ kind: local, name: x }')).toThrow(/focus\.name: the local host has no name/);
    expect(bad('{ kind: cluster, size: 3 }')).toThrow(/focus\.size: unknown member 'size'/);
    expect(bad('{ kind: service, name: web, loadBalancer: lb }')).toThrow(/focus\.loadBalancer: only a cluster focus frames a load balancer beside it/);
    expect(bad('{ kind: cluster, loadBalancer: 3 }')).toThrow(/focus\.loadBalancer: expected a load balancer's name/);
  });
});
