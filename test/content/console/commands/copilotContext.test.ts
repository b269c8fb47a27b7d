import { describe, expect, it } from 'vitest';
import { execute, fail, needApp, record, str } from '../../../../src/content/console/commands/copilotContext';
import { newSession } from '../../../../src/content/console/session';
import { Sim } from '../../../../src/sim';

describe("copilot's shared pieces", () => {
  it('reads a flag’s value only when it has one', () => {
    expect(str({ name: 'web', deploy: true }, 'name')).toBe('web');
    expect(str({ name: 'web', deploy: true }, 'deploy')).toBeUndefined();
    expect(str({}, 'env')).toBeUndefined();
  });

  it("fails with copilot's ✘, status 1, and whatever else the result carries", () => {
    expect(fail('no')).toEqual({ output: '✘ no', exitCode: 1 });
    expect(fail('no', { error: { code: 'X', message: 'm' } })).toEqual({ output: '✘ no', exitCode: 1, error: { code: 'X', message: 'm' } });
  });

  it('asks for an application first when the workspace has none', () => {
    const session = newSession();
    expect(needApp(session)).toEqual({ output: '✘ could not find an application attached to this workspace: run copilot app init <name> first', exitCode: 1 });
    session.copilot.app = 'shop';
    expect(needApp(session)).toBeUndefined();
  });

  it('records a request with its time and what came back', () => {
    const sim = new Sim({ seed: 'ctx' });
    sim.runUntil(30_000);
    expect(record(sim, 'ecs.CreateCluster', { clusterName: 'a' })).toMatchObject({ at: 30, call: 'ecs.CreateCluster', input: { clusterName: 'a' }, output: { cluster: { clusterName: 'a' } } });
    expect(record(sim, 'ecs.DeleteCluster', { cluster: 'nope' })).toEqual({ at: 30, call: 'ecs.DeleteCluster', input: { cluster: 'nope' }, error: { code: 'ClusterNotFoundException', message: 'Cluster not found.' } });
  });
});

describe('running a plan of requests', () => {
  it("gives each request an earlier one's output by ${call:id.path}, and keeps them all in the workspace", () => {
    const sim = new Sim({ seed: 'ctx' });
    const session = newSession();
    const { made, failed } = execute(sim, session, [
      { id: 'c', call: 'ecs.CreateCluster', input: { clusterName: 'shop-test' } },
      { id: 'd', call: 'ecs.DescribeClusters', input: { clusters: ['${call:c.cluster.clusterArn}'] } },
    ]);
    expect(failed).toBeUndefined();
    expect(made.map((m) => [m.id, m.call])).toEqual([
      ['c', 'ecs.CreateCluster'],
      ['d', 'ecs.DescribeClusters'],
    ]);
    expect(made[1]!.input).toEqual({ clusters: ['arn:aws:ecs:us-east-1:123456789012:cluster/shop-test'] });
    expect(session.copilot.calls).toEqual(made);
    // A later plan refers to the calls of an earlier one.
    const later = execute(sim, session, [{ id: 'e', call: 'ecs.DescribeClusters', input: { clusters: ['${call:c.cluster.clusterName}'] } }]);
    expect(later.made[0]!.output).toMatchObject({ clusters: [{ clusterName: 'shop-test' }] });
  });

  it('stops at the first refusal and says which request it was', () => {
    const sim = new Sim({ seed: 'ctx' });
    const session = newSession();
    const { made, failed } = execute(sim, session, [
      { id: 'gone', call: 'ecs.DeleteCluster', input: { cluster: 'nope' } },
      { id: 'never', call: 'ecs.CreateCluster', input: { clusterName: 'x' } },
    ]);
    expect(made.map((m) => m.id)).toEqual(['gone']);
    expect(failed).toEqual({ text: 'ecs.DeleteCluster (gone): ClusterNotFoundException: Cluster not found.', error: { code: 'ClusterNotFoundException', message: 'Cluster not found.' } });
    expect(session.copilot.calls).toHaveLength(1);
    expect(Object.keys(sim.world.clusters)).toEqual([]);
  });
});
