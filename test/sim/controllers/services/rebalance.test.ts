import { describe, expect, it } from 'vitest';
import type { Sim } from '../../../../src/sim';
import { rebalancingDefault } from '../../../../src/sim/controllers/services/rebalance';
import { ec2TaskDef, ec2World, liveTasks, ok, serviceMessages } from '../../../support/controllerWorld';

/** Four tasks of `web` on one instance in us-east-1a (steady by 300 s), then instances in us-east-1b and us-east-1c join (at 345 s). */
function crowded(extra: Record<string, unknown> = {}): Sim {
  const sim = ec2World(0);
  ok(sim, 'sim.LaunchInstances', { cluster: 'demo', count: 1, availabilityZone: 'us-east-1a' });
  sim.runUntil(120_000);
  ec2TaskDef(sim, 'web', { cpu: 128, memory: 128 });
  ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 4, ...extra });
  sim.runUntil(300_000);
  ok(sim, 'sim.LaunchInstances', { cluster: 'demo', count: 1, availabilityZone: 'us-east-1b' });
  ok(sim, 'sim.LaunchInstances', { cluster: 'demo', count: 1, availabilityZone: 'us-east-1c' });
  return sim;
}
const zones = (sim: Sim) =>
  liveTasks(sim, 'web')
    .filter((t) => t.desiredStatus === 'RUNNING')
    .map((t) => t.availabilityZone)
    .sort();

describe('Availability Zone rebalancing', () => {
  it('starts a task in the emptiest zone, stops one in the fullest once it is healthy, and repeats until the zones differ by one at most', () => {
    const sim = crowded();
    sim.runUntil(900_000);
    expect(zones(sim)).toEqual(['us-east-1a', 'us-east-1a', 'us-east-1b', 'us-east-1c']);
    const msgs = serviceMessages(sim, 'web').filter((m) => /AZ/.test(m));
    expect(msgs.map((m) => m.replace(/\(task [0-9a-f]{32}\)/, '(task …)'))).toEqual([
      'service (web) is not AZ balanced with 4 tasks in us-east-1a, 0 in us-east-1b, and 0 in us-east-1c. AZ Rebalancing in progress.',
      'web has started 1 tasks in us-east-1b to AZ Rebalance: (task …).',
      'web has stopped 1 running tasks in us-east-1a due to AZ rebalancing: (task …).',
      'web has started 1 tasks in us-east-1c to AZ Rebalance: (task …).',
      'web has stopped 1 running tasks in us-east-1a due to AZ rebalancing: (task …).',
      'service (web) is AZ balanced with 2 tasks in us-east-1a, 1 tasks in us-east-1b, and 1 tasks in us-east-1c.',
    ]);
  });

  it('never runs fewer than the desired count while it moves tasks: each stop follows its replacement', () => {
    const sim = crowded();
    let fewest = Infinity;
    for (let t = 300_000; t <= 900_000; t += 1000) {
      sim.runUntil(t);
      fewest = Math.min(fewest, zones(sim).length);
    }
    expect(fewest).toBe(4);
  });

  it('does nothing for a service with rebalancing DISABLED', () => {
    const sim = crowded({ availabilityZoneRebalancing: 'DISABLED' });
    sim.runUntil(900_000);
    expect(zones(sim)).toEqual(['us-east-1a', 'us-east-1a', 'us-east-1a', 'us-east-1a']);
    expect(serviceMessages(sim, 'web').filter((m) => /AZ/.test(m))).toEqual([]);
  });

  it('is ENABLED by default except for DAEMON, binpack and a first strategy that is not an AZ spread', () => {
    expect(rebalancingDefault('REPLICA', [])).toBe('ENABLED');
    expect(
      rebalancingDefault('REPLICA', [
        { type: 'spread', field: 'attribute:ecs.availability-zone' },
        { type: 'spread', field: 'instanceId' },
      ]),
    ).toBe('ENABLED');
    expect(rebalancingDefault('DAEMON', [])).toBe('DISABLED');
    expect(
      rebalancingDefault('REPLICA', [
        { type: 'spread', field: 'attribute:ecs.availability-zone' },
        { type: 'binpack', field: 'memory' },
      ]),
    ).toBe('DISABLED');
    expect(rebalancingDefault('REPLICA', [{ type: 'spread', field: 'instanceId' }])).toBe('DISABLED');
    expect(rebalancingDefault('REPLICA', [{ type: 'random' }])).toBe('DISABLED');
  });
});
