import { describe, expect, it } from 'vitest';
import { runAction } from '../../../src/store/actions';
import { loadCatalog, openLesson } from '../../../src/store/lessons';
import { selectWorldView, type TaskView } from '../../../src/store/selectors/world';
import { selectFocus } from '../../../src/store/selectors/canvas';
import { boundsOf, focusNodes, frame, instHeight, layoutWorld, LEGIBLE_ZOOM, PANE_ZOOM, TIGHT, type Placed } from '../../../src/ui/canvas/layout';
import { chipFit, INST_CHIPS_W } from '../../../src/ui/canvas/chips';
import { sandbox } from '../../support/sandbox';

const ids = (p: Placed[]) => p.map((n) => n.id.replace(/arn:aws:ecs:[^/]+\//, '').replace(/container-instance\/[^/]+\/[0-9a-f]+/, 'ci'));

describe('the canvas layout', () => {
  it('leaves out empty planes until something is in them, and groups what a cluster holds under its name', () => {
    const store = sandbox();
    // At 0:00 the cluster exists but its instances are still booting: no zone, no empty control-plane parts.
    let placed = layoutWorld(selectWorldView(store.getState())!, 1000, 600);
    expect(ids(placed)).toEqual(['cp:api', 'cl:demo', 'wait:demo']);
    runAction(store, 'clock.jump', '2m');
    placed = layoutWorld(selectWorldView(store.getState())!, 1000, 600);
    expect(placed.filter((n) => n.type === 'zone').map((n) => n.id)).toEqual(['az:demo:us-east-1a', 'az:demo:us-east-1b', 'az:demo:us-east-1c']);
    expect(placed.some((n) => n.id === 'wait:demo')).toBe(false);
    expect(placed.some((n) => n.id === 'cp:scheduler')).toBe(false);
    runAction(store, 'console.run', 'aws ecs create-service --cluster demo --service-name s --task-definition nope --desired-count 1');
    runAction(store, 'editor.register');
    runAction(store, 'console.run', 'aws ecs create-service --cluster demo --service-name web --task-definition web --desired-count 2');
    placed = layoutWorld(selectWorldView(store.getState())!, 1000, 600);
    expect(placed.some((n) => n.id === 'cp:scheduler')).toBe(true);
    // Every node inside the room (the flow wraps), none overlapping another at its own level.
    const cluster = placed.find((n) => n.id === 'cl:demo')!;
    for (const n of placed.filter((x) => x.type === 'instance')) {
      expect(n.x >= cluster.x && n.x + n.w <= cluster.x + cluster.w).toBe(true);
    }
  });

  it('wraps to the width of the canvas: a narrow canvas stacks what a wide one puts side by side', () => {
    const store = sandbox();
    runAction(store, 'clock.jump', '2m');
    const view = selectWorldView(store.getState())!;
    const zones = (w: number) =>
      new Set(
        layoutWorld(view, w, 800)
          .filter((n) => n.type === 'zone')
          .map((n) => n.y),
      ).size;
    expect(zones(1200)).toBe(1);
    expect(zones(500)).toBe(3);
    expect(Math.max(...layoutWorld(view, 500, 800).map((n) => n.x + n.w))).toBeLessThanOrEqual(520);
  });

  it("frames a lesson's focus: the local host in L1, the load balancer and where its targets run in L8", async () => {
    const c = await loadCatalog();
    const store = sandbox();
    openLesson(store, c.lessons.L1!);
    let view = selectWorldView(store.getState())!;
    let placed = layoutWorld(view, 700, 400, selectFocus(store.getState()));
    expect([...focusNodes(view, placed, selectFocus(store.getState()))]).toEqual(['local']);
    openLesson(store, c.lessons.L8!);
    runAction(store, 'clock.jump', '1m');
    view = selectWorldView(store.getState())!;
    const focus = selectFocus(store.getState());
    placed = layoutWorld(view, 700, 400, focus);
    const f = [...focusNodes(view, placed, focus)];
    expect(f[0]).toMatch(/^lb:.*forum-lb/);
    expect(f.filter((id) => id.startsWith('ci:')).length).toBeGreaterThan(0);
    // What the lesson is about comes first, at the top left.
    expect(placed[0]!.id).toMatch(/^lb:/);
    // A focus naming what does not exist yet frames everything there is.
    expect(focusNodes(view, placed, { kind: 'service', name: 'not-yet' }).size).toBe(placed.length);
  });

  it('frames a cluster in focus with the control plane beside it: to its right when both fit, else above it', async () => {
    const c = await loadCatalog();
    const store = sandbox();
    openLesson(store, c.lessons.L7!);
    const view = selectWorldView(store.getState())!;
    const focus = selectFocus(store.getState());
    const at = (w: number, h: number) => {
      const placed = layoutWorld(view, w, h, focus);
      const framed = focusNodes(view, placed, focus);
      return { api: placed.find((n) => n.id === 'cp:api')!, cluster: placed.find((n) => n.id === 'cl:forum')!, framed };
    };
    const wide = at(708, 534);
    expect(wide.framed.has('cp:api')).toBe(true);
    expect(wide.api.x).toBeGreaterThanOrEqual(wide.cluster.x + wide.cluster.w);
    expect(wide.api.y).toBe(wide.cluster.y);
    // Too small for both side by side: the control plane stands above, where a view of the cluster's top left shows it.
    const small = at(649, 373);
    expect(small.framed.has('cp:api')).toBe(true);
    expect(small.api.y + small.api.h).toBeLessThanOrEqual(small.cluster.y);
    expect(small.api.x).toBe(small.cluster.x);
  });

  it("frames L6's cluster with the load balancer its focus names: beside the control plane, inside the framed box", async () => {
    const c = await loadCatalog();
    const store = sandbox();
    openLesson(store, c.lessons.L6!);
    const view = selectWorldView(store.getState())!;
    const focus = selectFocus(store.getState());
    expect(focus).toEqual({ kind: 'cluster', name: 'forum', loadBalancer: 'forum-lb' });
    for (const [w, h] of [
      [649, 400],
      [886, 400],
    ] as const) {
      const placed = layoutWorld(view, w, h, focus);
      const framed = focusNodes(view, placed, focus);
      const lb = placed.find((n) => n.id.startsWith('lb:') && n.id.includes('forum-lb'))!;
      const cluster = placed.find((n) => n.id === 'cl:forum')!;
      expect(framed.has(lb.id), `${w}×${h}`).toBe(true);
      expect(framed.has('cp:api'), `${w}×${h}`).toBe(true);
      // Beside the control plane, not below the cluster: the box is no taller than the cluster with the control plane.
      const box = boundsOf(placed, framed)!;
      const api = placed.find((n) => n.id === 'cp:api')!;
      expect(box.h, `${w}×${h}`).toBeLessThanOrEqual(Math.max(cluster.y + cluster.h, api.y + api.h) - Math.min(cluster.y, api.y));
      expect(lb.y + lb.h <= cluster.y || lb.x >= cluster.x + cluster.w, `${w}×${h}: the load balancer above or beside the cluster`).toBe(true);
    }
    // Without the load balancer in its focus, the cluster's framing leaves it out.
    const bare = { kind: 'cluster' as const, name: 'forum' };
    const placed = layoutWorld(view, 649, 400, bare);
    expect([...focusNodes(view, placed, bare)].some((id) => id.startsWith('lb:'))).toBe(false);
  });

  it('frames at a legible zoom: the whole box when it fits, else its top left', () => {
    const small = frame({ x: 0, y: 0, w: 300, h: 100 }, 800, 400);
    expect(small.zoom).toBe(1.5);
    expect(small.x).toBeCloseTo((800 - 450) / 2);
    const big = frame({ x: 100, y: 50, w: 3000, h: 2000 }, 800, 400);
    expect(big).toEqual({ zoom: LEGIBLE_ZOOM, x: 16 - 100, y: 16 - 50 });
    expect(
      boundsOf(
        [
          { id: 'a', type: 'lane', x: 10, y: 20, w: 5, h: 5, view: null, sig: '' },
          { id: 'b', type: 'lane', x: 0, y: 0, w: 1, h: 1, view: null, sig: '' },
        ],
        new Set(['a']),
      ),
    ).toEqual({ x: 10, y: 20, w: 5, h: 5 });
  });

  it('a pane side by side frames its whole cluster, zoomed out as far as PANE_ZOOM (where its 12 px text is 11 px); a box bigger still shows its top left', () => {
    // A cluster of 290 × 440 in a pane of 300 × 450: whole, at the zoom that fits its height.
    const pane = frame({ x: 20, y: 10, w: 290, h: 440 }, 300, 450, 8, PANE_ZOOM);
    expect(pane.zoom).toBeCloseTo(Math.min((300 - 16) / 290, (450 - 16) / 440));
    expect(pane.zoom).toBeLessThan(LEGIBLE_ZOOM);
    expect(12 * pane.zoom).toBeGreaterThanOrEqual(11);
    expect(pane.x + 20 * pane.zoom).toBeGreaterThanOrEqual(0);
    expect(pane.x + 310 * pane.zoom).toBeLessThanOrEqual(300);
    expect(pane.y + 450 * pane.zoom).toBeLessThanOrEqual(450);
    // The same box in an ordinary canvas keeps the legible zoom.
    expect(frame({ x: 20, y: 10, w: 290, h: 440 }, 300, 450).zoom).toBe(LEGIBLE_ZOOM);
    // Whole only below 11/12: its top left, legible.
    expect(frame({ x: 0, y: 0, w: 290, h: 560 }, 300, 450, 8, PANE_ZOOM)).toEqual({ zoom: LEGIBLE_ZOOM, x: 8, y: 8 });
    expect(frame({ x: 0, y: 0, w: 3000, h: 2000 }, 300, 450, 16, PANE_ZOOM)).toEqual({ zoom: LEGIBLE_ZOOM, x: 16, y: 16 });
  });

  it("gives an instance the rows its chips take: fewer to a row for longer names, then '+N more' after what four rows hold", () => {
    const task = (name: string, i: number): TaskView => ({ arn: `t${i}`, id: `${i}`, cluster: 'c', family: name, service: null, lastStatus: 'RUNNING', desiredStatus: 'RUNNING', health: 'UNKNOWN', launch: 'EC2' });
    const tasks = (name: string, n: number) => Array.from({ length: n }, (_, i) => task(name, i));
    // Three short names share a row; three of nine letters (L6's forum-web) take two.
    expect(instHeight(tasks('web', 3))).toBe(instHeight([]));
    expect(chipFit(tasks('forum-web', 3), INST_CHIPS_W, 4, 12)).toEqual({ rows: 2, shown: 3 });
    expect(instHeight(tasks('forum-web', 3))).toBe(instHeight(tasks('web', 4)));
    // Twelve long names: two a row, so eight in four rows would leave no room for "+N more": seven show.
    expect(chipFit(tasks('a-long-task-family', 12), INST_CHIPS_W, 4, 12)).toEqual({ rows: 4, shown: 7 });
    expect(instHeight(tasks('a-long-task-family', 12))).toBe(instHeight(tasks('web', 12)));
    // In a pane the tight spacing makes the same instance shorter.
    expect(instHeight(tasks('web', 3), TIGHT)).toBeLessThan(instHeight(tasks('web', 3)));
  });
});
