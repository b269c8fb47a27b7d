import { describe, expect, it } from 'vitest';
import { runAction } from '../../../src/store/actions';
import { selectInspection } from '../../../src/store/selectors/inspector';
import { placementRows } from '../../../src/store/selectors/placement';
import { withTasks } from '../../support/sandbox';

describe('the inspector', () => {
  it('describes a task as the API does, with its history and why it is where it is', () => {
    const store = withTasks(4);
    const task = Object.values(store.getState().world.timeline!.sim.world.tasks).find((t) => t.lastStatus === 'RUNNING')!;
    runAction(store, 'select', { kind: 'task', id: task.taskArn });
    const info = selectInspection(store.getState())!;
    expect(info.title).toBe(`Task ${task.id} (web)`);
    expect(info.json).toMatchObject({ taskArn: task.taskArn, lastStatus: 'RUNNING' });
    expect(info.history.length).toBeGreaterThan(2);
    const rows = placementRows(info.trace!);
    expect(rows).toHaveLength(3);
    expect(rows.filter((r) => r.verdict === 'chosen')).toHaveLength(1);
    // Unchanged world and selection: the same inspection, not a new one on each render.
    runAction(store, 'panel.show', 'charts');
    expect(selectInspection(store.getState())).toBe(info);
  });

  it('says nothing of what did not exist at this moment', () => {
    const store = withTasks(1);
    const task = Object.values(store.getState().world.timeline!.sim.world.tasks)[0]!;
    runAction(store, 'select', { kind: 'task', id: task.taskArn });
    runAction(store, 'clock.seek', 10_000);
    expect(selectInspection(store.getState())).toBeUndefined();
  });
});
