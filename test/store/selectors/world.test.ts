import { describe, expect, it } from 'vitest';
import { runAction } from '../../../src/store/actions';
import { selectWorldView } from '../../../src/store/selectors/world';
import { sandbox, withTasks } from '../../support/sandbox';
import { initialState } from '../../../src/store/store';
import { defaultWorkspace } from '../../../src/store/defaults';

describe('the world as the canvas draws it', () => {
  it('lays instances out by Availability Zone with their tasks; tasks with no home wait in their own lane', () => {
    const v = selectWorldView(withTasks(4).getState())!;
    expect(v.azs.map((z) => z.zone)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    expect(v.azs.map((z) => z.instances.length)).toEqual([1, 1, 1]);
    expect(v.azs.flatMap((z) => z.instances.flatMap((i) => i.tasks.map((t) => t.lastStatus)))).toEqual(['RUNNING', 'RUNNING', 'RUNNING']);
    expect(v.clusters).toEqual(['demo']);
    expect(v.control.calls).toBe(2);
    expect(v.waiting).toEqual([]);
  });

  it('is the same object until the world changes', () => {
    const store = sandbox();
    const v = selectWorldView(store.getState());
    runAction(store, 'view.toggle');
    expect(selectWorldView(store.getState())).toBe(v);
    runAction(store, 'clock.jump', '2m');
    expect(selectWorldView(store.getState())).not.toBe(v);
  });

  it('is nothing while the scenario cannot run', () => {
    const s = initialState({ ...defaultWorkspace(), scenarioId: null, scenarioText: 'name: x\nactions: [{ call: ecs.Nope }]\n' });
    expect(selectWorldView(s)).toBeNull();
  });
});

describe('the world view, change after change', () => {
  it('gives an unchanged instance and task the same object as before, and a changed one a new object', () => {
    const store = sandbox();
    runAction(store, 'clock.jump', '2m');
    runAction(store, 'editor.register');
    runAction(store, 'console.run', 'aws ecs run-task --cluster demo --task-definition web --count 1');
    runAction(store, 'clock.jump', '4m');
    const before = selectWorldView(store.getState())!;
    const instances = before.azs.flatMap((z) => z.instances);
    const busy = instances.find((i) => i.tasks.length)!;
    const idle = instances.filter((i) => !i.tasks.length);
    runAction(store, 'console.run', `aws ecs stop-task --cluster demo --task ${busy.tasks[0]!.arn}`);
    const after = selectWorldView(store.getState())!;
    expect(after).not.toBe(before);
    const now = after.azs.flatMap((z) => z.instances);
    for (const i of idle) expect(now.find((x) => x.arn === i.arn)).toBe(i);
    const changed = now.find((x) => x.arn === busy.arn)!;
    expect(changed).not.toBe(busy);
    expect(changed.tasks[0]!.desiredStatus).toBe('STOPPED');
    expect(busy.tasks[0]!.desiredStatus).toBe('RUNNING');
  });
});
