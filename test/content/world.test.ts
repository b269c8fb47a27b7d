import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/content/scenario';
import { orderedActions, simFor } from '../../src/content/world';

const scenario = parseScenario(
  `name: w
seed: 7
region: eu-west-1
availabilityZones: [eu-west-1a, eu-west-1b]
freeIpsPerSubnet: 3
durations: { instanceBoot: 5 }
images:
  "forum:2": { readySeconds: 2 }
actions:
  - { at: 20s, call: ecs.CreateCluster, input: { clusterName: b } }
  - { call: ecs.CreateCluster, input: { clusterName: a } }
  - { at: 20s, call: ecs.CreateCluster, input: { clusterName: c } }
  - { at: 5s, call: ecs.CreateCluster, input: { clusterName: d } }
`,
  'w.yaml',
);

describe('simFor', () => {
  it('is the world the scenario starts from: its region, zones, free addresses, durations and images, and none of its actions yet', () => {
    const sim = simFor(scenario, '7');
    const w = sim.world;
    expect(w.region).toBe('eu-west-1');
    expect(Object.values(w.subnets).map((s) => [s.availabilityZone, s.freeIps])).toEqual([
      ['eu-west-1a', 3],
      ['eu-west-1b', 3],
    ]);
    expect(w.durations.instanceBootMs).toBe(5_000);
    expect(w.images['forum:2']).toEqual({ readySeconds: 2 });
    expect(Object.keys(w.clusters)).toEqual([]);
    expect(sim.now).toBe(0);
  });

  it('uses the seed given in place of the file’s: the same seed, the same ids', () => {
    const id = (seed: string) => simFor(scenario, seed).call('servicediscovery.CreatePrivateDnsNamespace', { Name: 'local' }).output;
    expect(id('7')).toEqual(id('7'));
    expect(id('8')).not.toEqual(id('7'));
  });

  it('without a region or zones in the file: us-east-1 and its a, b and c', () => {
    const plain = parseScenario('name: p\nseed: 1\nactions: []\n', 'p.yaml');
    const w = simFor(plain, '1').world;
    expect(w.region).toBe('us-east-1');
    expect(Object.values(w.subnets).map((s) => s.availabilityZone)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
  });
});

describe('orderedActions', () => {
  it('is the actions by time, then as written, leaving the scenario’s list as it is', () => {
    expect(orderedActions(scenario).map((a) => a.input.clusterName)).toEqual(['a', 'd', 'b', 'c']);
    expect(scenario.actions.map((a) => a.input.clusterName)).toEqual(['b', 'a', 'c', 'd']);
  });
});
