import { describe, expect, it } from 'vitest';
import { nodeChoices, nodeIdOf, refOfSelection } from '../../../src/store/selectors/callouts';
import { selectWorldView } from '../../../src/store/selectors/world';
import { withTasks } from '../../support/sandbox';

/** The default world with two `web` tasks running (three instances, one per AZ, cluster demo). */
function world() {
  const v = selectWorldView(withTasks(2).getState())!;
  const instances = v.azs.flatMap((z) => z.instances);
  return { v, instances };
}

describe('callouts pinned to a node', () => {
  it('name an instance by its EC2 id, a cluster by its name, and a family by the first instance running one of its tasks', () => {
    const { v, instances } = world();
    const first = instances[0]!;
    expect(nodeIdOf(v, `instance:${first.ec2InstanceId}`)).toBe(`ci:${first.arn}`);
    expect(nodeIdOf(v, 'cluster:demo')).toBe('cl:demo');
    const running = instances.find((i) => i.tasks.some((t) => t.family === 'web'))!;
    expect(nodeIdOf(v, 'family:web')).toBe(`ci:${running.arn}`);
  });

  it('a reference to nothing drawn now is null, whatever its kind', () => {
    const { v } = world();
    for (const ref of ['instance:i-nope', 'cluster:prod', 'family:api', 'service:web', 'loadBalancer:shop-lb', 'bucket:x', 'nonsense']) expect(nodeIdOf(v, ref), ref).toBeNull();
  });

  it('a click names what a demo file would write: a task by its family (no service), an instance by its EC2 id', () => {
    const { v, instances } = world();
    const inst = instances.find((i) => i.tasks.length > 0)!;
    expect(refOfSelection(v, { kind: 'task', id: inst.tasks[0]!.arn })).toBe('family:web');
    expect(refOfSelection(v, { kind: 'instance', id: inst.arn })).toBe(`instance:${inst.ec2InstanceId}`);
    expect(refOfSelection(v, { kind: 'cluster', id: 'demo' })).toBe('cluster:demo');
    expect(refOfSelection(v, { kind: 'instance', id: 'arn:gone' })).toBeNull();
    expect(refOfSelection(v, { kind: 'service', id: 'arn:gone' })).toBeNull();
    // What a click names, the canvas finds again.
    expect(nodeIdOf(v, refOfSelection(v, { kind: 'instance', id: inst.arn })!)).toBe(`ci:${inst.arn}`);
  });

  it('offers every instance and cluster of the world to pin to, and nothing without a world', () => {
    const { v, instances } = world();
    expect(nodeChoices(v)).toEqual([...instances.map((i) => `instance:${i.ec2InstanceId}`), 'cluster:demo']);
    expect(nodeChoices(null)).toEqual([]);
  });
});
