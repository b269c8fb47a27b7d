import { describe, expect, it } from 'vitest';
import { Sim } from '../../src/sim';

function world() {
  const sim = new Sim({ seed: 'trace', durations: { instanceBootMs: 0 } });
  sim.call('ecs.CreateCluster', { clusterName: 'demo' });
  sim.call('sim.LaunchInstances', { cluster: 'demo', ec2InstanceIds: ['i-1'], availabilityZone: 'us-east-1a', registeredResources: { CPU: 1024, MEMORY: 1024 } });
  sim.call('sim.LaunchInstances', { cluster: 'demo', ec2InstanceIds: ['i-2'], availabilityZone: 'us-east-1b', registeredResources: { CPU: 1024, MEMORY: 4096 } });
  sim.call('sim.LaunchInstances', { cluster: 'demo', ec2InstanceIds: ['i-3'], availabilityZone: 'us-east-1c', registeredResources: { CPU: 1024, MEMORY: 8192 }, attributes: { tier: 'db' } });
  sim.runUntil(1);
  sim.call('ecs.RegisterTaskDefinition', { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 2048, portMappings: [{ containerPort: 80, hostPort: 80 }] }] });
  return sim;
}

describe('placement trace ("why here")', () => {
  it('names the filter that rejected each instance and what each strategy saw', () => {
    const sim = world();
    const run = sim.call('ecs.RunTask', {
      cluster: 'demo',
      taskDefinition: 'web',
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:tier !exists' }],
      placementStrategy: [
        { type: 'spread', field: 'attribute:ecs.availability-zone' },
        { type: 'binpack', field: 'memory' },
      ],
    });
    const taskArn = (run.output as { tasks: { taskArn: string }[] }).tasks[0]!.taskArn;
    const { trace } = sim.call('sim.DescribePlacementTrace', { task: taskArn }).output as { trace: { candidates: Record<string, unknown>[]; strategies: string[] } };
    expect(trace.strategies).toEqual(['spread(attribute:ecs.availability-zone)', 'binpack(memory)']);
    const byId = Object.fromEntries(trace.candidates.map((c) => [c.ec2InstanceId, c]));
    expect(byId['i-1']).toMatchObject({ rejectedBy: 'RESOURCE:MEMORY', detail: 'needs 2048 MiB, 1024 MiB remaining' });
    expect(byId['i-3']).toMatchObject({ rejectedBy: 'MemberOf placement constraint unsatisfied.', detail: 'does not match attribute:tier !exists' });
    expect(byId['i-2']).toMatchObject({
      chosen: true,
      ranks: [
        { strategy: 'spread(attribute:ecs.availability-zone)', value: 0, kept: true, bucket: 'us-east-1b' },
        { strategy: 'binpack(memory)', value: 4096, kept: true },
      ],
    });
  });

  it('explains a failure with the closest instance, and survives snapshot and restore', () => {
    const sim = world();
    sim.call('ecs.RunTask', { cluster: 'demo', taskDefinition: 'web', count: 2 });
    const snap = sim.snapshot();
    const again = new Sim({ seed: 'trace' });
    again.restore(snap);
    const third = again.call('ecs.RunTask', { cluster: 'demo', taskDefinition: 'web' });
    expect(third.output).toMatchObject({ tasks: [], failures: [{ reason: 'RESOURCE:PORTS' }] });
    const last = again.world.traces[again.world.traces.length - 1]!;
    expect(last.failure).toMatchObject({ reason: 'RESOURCE:PORTS', detail: 'host port 80/tcp is already in use' });
  });
});
