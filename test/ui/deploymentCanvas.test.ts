import { describe, expect, it } from 'vitest';
import { runAction } from '../../src/store/actions';
import { loadCatalog, openLesson } from '../../src/store/lessons';
import { selectWorldView } from '../../src/store/selectors/world';
import { selectFocus } from '../../src/store/selectors/canvas';
import { charts } from '../../src/store/selectors/charts';
import { focusNodes, layoutWorld } from '../../src/ui/canvas/layout';
import { sandbox } from '../support/sandbox';

describe('a deployment that splits traffic, on the canvas and in the charts (lesson L15)', () => {
  it('names each task by its revision while two run, gives each target group its share of every listener, and charts both revisions', async () => {
    const c = await loadCatalog();
    const store = sandbox();
    openLesson(store, c.lessons.L15!);
    runAction(store, 'console.run', 'aws ecs create-service --cli-input-json file://service.json');
    runAction(store, 'clock.jump', '2m');
    let view = selectWorldView(store.getState())!;
    const chips = () => view.azs.flatMap((z) => z.instances.flatMap((i) => i.tasks)).filter((t) => t.lastStatus === 'RUNNING');
    // One revision running: the chips name the service, and no listener splits traffic yet.
    expect(chips().map((t) => t.revision)).toEqual([undefined, undefined]);
    expect(view.loadBalancers[0]!.targetGroups.map((tg) => tg.weights)).toEqual([
      [':80 100 %', ':8080 100 %'],
      [':80 0 %', ':8080 0 %'],
    ]);

    // service.json deploys as a canary: 10 % of production and all the test traffic go to the new revision.
    runAction(store, 'console.run', 'aws ecs update-service --cluster forum --service forum-api --task-definition forum-api:3');
    runAction(store, 'clock.jump', '4m');
    view = selectWorldView(store.getState())!;
    expect(
      chips()
        .map((t) => t.revision)
        .sort(),
    ).toEqual(['forum-api:1', 'forum-api:1', 'forum-api:3', 'forum-api:3']);
    const [blue, green] = view.loadBalancers[0]!.targetGroups;
    // Both target groups say the service they serve (the canvas puts its name first on each row).
    expect(blue).toMatchObject({ name: 'forum-blue', service: 'forum-api', weights: [':80 90 %', ':8080 0 %'] });
    expect(green).toMatchObject({ name: 'forum-green', service: 'forum-api', weights: [':80 10 %', ':8080 100 %'] });

    // The service's focus frames its tasks and the load balancer its traffic comes through.
    const focus = selectFocus(store.getState());
    const placed = layoutWorld(view, 1000, 600, focus);
    expect([...focusNodes(view, placed, focus)].some((id) => id.startsWith('lb:'))).toBe(true);

    // Charts: requests and 5xx per revision, the old one with 90 % of production.
    const rev = charts(store.getState().world.timeline!.sim, []).find((ch) => ch.id.startsWith('rev:'))!;
    expect(rev.series.map((s) => s.label)).toEqual(['forum-api:1 requests', 'forum-api:3 requests', 'forum-api:1 5xx', 'forum-api:3 5xx']);
    const last = (label: string) => rev.series.find((s) => s.label === label)!.points.at(-1)![1];
    expect(last('forum-api:1 requests')).toBe(1080);
    expect(last('forum-api:3 requests')).toBe(150);
  });
});
