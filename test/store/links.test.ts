import { describe, expect, it } from 'vitest';
import { initialState, makeStore, workspaceOf } from '../../src/store/store';
import { runAction } from '../../src/store/actions';
import { hashNamesLesson, openFromUrl, openShareLink } from '../../src/store/links';
import { encodeShare } from '../../src/store/workspace';
import { defaultWorkspace } from '../../src/store/defaults';
import { fakePort } from '../support/fakePort';

const at = (url: string, w = defaultWorkspace()) => {
  const port = fakePort({ url });
  return { port, store: makeStore(initialState(w), port) };
};

describe('links into the sandbox', () => {
  it('a share link replays its world to the moment it was made, and leaves the address clean', async () => {
    const { store: author } = at('https://s.example/');
    runAction(author, 'console.run', 'aws ecs create-cluster --cluster-name shared');
    runAction(author, 'clock.jump', '3m');
    const payload = await encodeShare(workspaceOf(author.getState().world, author.getState().editor));
    const { port, store } = at(`https://s.example/app/?x=1#share=${payload}`);
    await openShareLink(store);
    expect(store.getState().world.timeline!.now).toBe(180_000);
    expect(Object.values(store.getState().world.timeline!.sim.world.clusters).map((c) => c.clusterName)).toContain('shared');
    expect(store.getState().ui.notices.at(-1)!.text).toBe('Opened a shared sandbox: 1 action, at 0:03:00.');
    expect(port.urls).toEqual(['/app/?x=1']);
  });

  it('a broken share link is refused with the reason, and the learner’s own world stays', async () => {
    const { store } = at('https://s.example/#share=not-a-real-link');
    const before = store.getState().world.timeline;
    await openShareLink(store);
    expect(store.getState().ui.notices.at(-1)!.text).toMatch(/^This share link cannot be opened: .*Your own workspace is unchanged\.$/);
    expect(store.getState().world.timeline).toBe(before);
  });

  it('?lesson= opens a lesson (at the start of one of its numbered steps), #lesson= in lesson text too; a missing one is named', async () => {
    const a = at('https://s.example/?lesson=L4&step=2');
    await openFromUrl(a.store);
    expect(a.store.getState().lesson.current?.id).toBe('L4');
    // Step 1 (push the image to ECR: five commands) done, step 2 (create the cluster) not yet.
    expect(a.store.getState().world.timeline!.actions.map((x) => (x.kind === 'command' ? x.line.split(' ').slice(0, 3).join(' ') : x.call))).toEqual([
      'aws ecr create-repository',
      'aws ecr get-login-password',
      'docker login --username',
      'docker tag forum:2',
      'docker push 123456789012.dkr.ecr.us-east-1.amazonaws.com/forum:2',
    ]);
    // Consumed: reloading resumes the learner's work instead of opening the lesson afresh.
    expect(a.port.urls).toEqual(['/']);
    const b = at('https://s.example/#lesson=L2');
    expect(hashNamesLesson(b.store)).toBe(true);
    await openFromUrl(b.store);
    expect(b.store.getState().lesson.current?.id).toBe('L2');
    expect(b.port.urls).toEqual(['/']);
    const c = at('https://s.example/?lesson=L99');
    await openFromUrl(c.store);
    expect(c.store.getState().ui.notices.at(-1)!.text).toMatch(/^The link asks for lesson "L99", which does not exist\. The lessons are: L1, /);
  });

  it('&step=N counts the lesson’s numbered steps: step 1 is its start, step N the world as its solution had it when step N began', async () => {
    const open = async (q: string) => {
      const { store } = at(`https://s.example/?lesson=L6${q}`);
      await openFromUrl(store);
      const t = store.getState().world.timeline!;
      return { actions: t.actions.map((x) => (x.kind === 'command' ? x.line.split(' ').slice(0, 3).join(' ') : x.call)), now: t.now };
    };
    expect(await open('&step=1')).toEqual(await open(''));
    expect(await open('&step=1')).toEqual({ actions: [], now: 0 });
    // Step 2 only reads what happened: the page at its start and at step 3's has the same actions, step 3 later (when the solution went on).
    expect(await open('&step=2')).toEqual({ actions: ['aws ecs create-service'], now: 10_000 });
    expect(await open('&step=3')).toEqual({ actions: ['aws ecs create-service'], now: 60_000 });
    // Step 3 registers the new revision; step 4 removes the old service and creates forum-web.
    expect(await open('&step=4')).toEqual({ actions: ['aws ecs create-service', 'ecs.RegisterTaskDefinition'], now: 60_000 });
    expect((await open('&step=5')).actions).toEqual(['aws ecs create-service', 'aws ecs delete-service', 'ecs.RegisterTaskDefinition', 'aws ecs create-service']);
  });

  it('?demo= opens a demo at a time, in the presenter view with &present', async () => {
    const { store } = at('https://s.example/?demo=game-day&t=7m45s&present');
    await openFromUrl(store);
    expect(store.getState().lesson.demo?.id).toBe('game-day');
    expect(store.getState().world.now).toBe(465_000);
    expect(store.getState().ui.presenting).toBe(true);
    const other = at('https://s.example/?demo=nope');
    await openFromUrl(other.store);
    expect(other.store.getState().ui.notices.at(-1)!.text).toMatch(/^The link asks for demo "nope", which does not exist\. The demos are: /);
  });

  it('a reload in the middle of a lesson brings its text and checklist back over the kept world', async () => {
    const { store } = at('https://s.example/', { ...defaultWorkspace(), lessonId: 'L1' });
    expect(store.getState().lesson.current).toBeNull();
    await openFromUrl(store);
    expect(store.getState().lesson.current?.id).toBe('L1');
    const gone = at('https://s.example/', { ...defaultWorkspace(), lessonId: 'L77' });
    await openFromUrl(gone.store);
    expect(gone.store.getState().lesson.current).toBeNull();
    expect(gone.store.getState().world.lessonId).toBeNull();
  });
});
