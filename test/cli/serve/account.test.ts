import { afterEach, describe, expect, it, vi } from 'vitest';
import { Sim } from '../../../src/sim';
import { ScenarioError } from '../../../src/content/scenario';
import { ServedAccount } from '../../../src/cli/serve/account';

function account(seed = 1) {
  const lines: string[] = [];
  return { lines, account: new ServedAccount(new Sim({ seed }), 'test', String(seed), (l) => lines.push(l)) };
}

afterEach(() => vi.useRealTimers());

describe('a served account', () => {
  it('calls an operation in its region, prints the call and what it set off, and lists the call as the report does', () => {
    const { account: a, lines } = account();
    expect(a.region).toBe('us-east-1');
    const r = a.call('ecs.CreateCluster', { clusterName: 'demo' });
    expect(r.output).toMatchObject({ cluster: { clusterName: 'demo' } });
    expect(lines).toEqual(['    0:00:00  > ecs.CreateCluster', '    0:00:00  Cluster demo was created.']);
    expect(a.calls).toEqual([{ at: 0, call: 'ecs.CreateCluster', input: { clusterName: 'demo' }, output: r.output }]);
  });

  it("prints a refused call with AWS's error, and keeps the error in its list of calls", () => {
    const { account: a, lines } = account();
    a.call('ecs.DescribeServices', { cluster: 'nope', services: ['web'] });
    expect(lines).toEqual(['    0:00:00  > ecs.DescribeServices  ! ClusterNotFoundException: Cluster not found.']);
    expect(a.calls).toEqual([{ at: 0, call: 'ecs.DescribeServices', input: { cluster: 'nope', services: ['web'] }, error: { code: 'ClusterNotFoundException', message: 'Cluster not found.' } }]);
  });

  it('has an empty world in any other region, on the same clock, printed with the region and kept out of the calls', () => {
    const { account: a, lines } = account();
    a.call('ecs.CreateCluster', { clusterName: 'home' });
    a.advanceTo(90_000);
    const eu = a.world('eu-west-1');
    expect(eu).toBe(a.world('eu-west-1'));
    expect(eu.world.region).toBe('eu-west-1');
    expect(eu.now).toBe(90_000);
    expect(Object.keys(eu.world.clusters)).toEqual([]);
    lines.length = 0;
    a.call('ecs.CreateCluster', { clusterName: 'away' }, 'eu-west-1');
    expect(lines).toEqual(['    0:01:30  [eu-west-1] > ecs.CreateCluster', '    0:01:30  [eu-west-1] Cluster away was created.']);
    expect(a.calls.map((c) => c.call)).toEqual(['ecs.CreateCluster']);
    expect(Object.values(a.main.world.clusters).map((c) => c.clusterName)).toEqual(['home']);
  });

  it('runs every region forward, never backwards, printing each event once', () => {
    const { account: a, lines } = account();
    a.call('ecs.CreateCluster', { clusterName: 'demo' });
    a.call('sim.LaunchInstances', { cluster: 'demo', instanceType: 'm5.large', count: 1 });
    a.world('eu-west-1');
    a.advanceTo(120_000);
    expect(a.now).toBe(120_000);
    expect(a.world('eu-west-1').now).toBe(120_000);
    const registered = lines.filter((l) => /Container instance .* registered with cluster demo/.test(l));
    expect(registered).toHaveLength(1);
    a.advanceTo(60_000);
    expect(a.now).toBe(120_000);
    a.flush();
    expect(lines.filter((l) => /registered with cluster demo/.test(l))).toHaveLength(1);
  });

  it('runs the clock at a speed times real time, from where it was moved to, until stopped', () => {
    vi.useFakeTimers();
    let wall = 0;
    const a = new ServedAccount(new Sim({ seed: 1 }), 'speed', '1');
    a.run(10, () => wall);
    wall = 3000;
    vi.advanceTimersByTime(100);
    expect(a.now).toBe(30_000);
    a.advanceTo(100_000);
    wall = 4000;
    vi.advanceTimersByTime(100);
    expect(a.now).toBe(110_000);
    a.stop();
    wall = 9000;
    vi.advanceTimersByTime(1000);
    expect(a.now).toBe(110_000);
  });
});

describe('the account a scenario file describes', () => {
  const FILE = 'name: demo world\nseed: 3\nactions:\n  - { at: 0, call: ecs.CreateCluster, input: { clusterName: demo } }\nuntil: 2m\n';

  it("is the scenario's world at the end of its run, with its name and seed", () => {
    const a = ServedAccount.fromScenario(FILE, 'demo.yaml', undefined);
    expect([a.name, a.seed, a.now]).toEqual(['demo world', '3', 120_000]);
    expect(Object.values(a.main.world.clusters).map((c) => c.clusterName)).toEqual(['demo']);
    expect(ServedAccount.fromScenario(FILE, 'demo.yaml', '9').seed).toBe('9');
  });

  it('is refused with a ScenarioError naming the file when the file is invalid', () => {
    expect(() => ServedAccount.fromScenario('name: x\nactions: [\n', 'broken.yaml', undefined)).toThrow(ScenarioError);
    expect(() => ServedAccount.fromScenario('name: x\nactions: [\n', 'broken.yaml', undefined)).toThrow(/broken\.yaml/);
  });
});
