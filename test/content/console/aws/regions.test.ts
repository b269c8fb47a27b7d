import { describe, expect, it } from 'vitest';
import { newSession } from '../../../../src/content/console';
import { REGION_NAME, readsOnly, regionWorld } from '../../../../src/content/console/aws/regions';
import { Sim } from '../../../../src/sim';

describe('region names', () => {
  it("take the partitions' forms", () => {
    for (const r of ['us-east-1', 'eu-west-3', 'ap-southeast-2', 'us-gov-west-1', 'us-isob-east-1', 'cn-north-1']) expect(REGION_NAME.test(r), r).toBe(true);
    for (const r of ['us-east', 'useast1', 'US-EAST-1', 'us_east_1', 'us-east-1a', '']) expect(REGION_NAME.test(r), r).toBe(false);
  });
});

describe("another region's world", () => {
  it("is the main world for the main world's region", () => {
    const sim = new Sim({ seed: 'main' });
    const session = newSession();
    const w = regionWorld(sim, session, sim.world.region);
    expect(w.sim).toBe(sim);
    w.keep('ecs.CreateCluster', { clusterName: 'x' });
    expect(session.regions).toEqual({});
  });

  it("starts empty, keeps the calls that change it, and is rebuilt from them on the main world's clock", () => {
    const main = new Sim({ seed: 'main' });
    const session = newSession();
    main.call('ecs.CreateCluster', { clusterName: 'home' });
    main.runUntil(60_000);
    const first = regionWorld(main, session, 'eu-west-1');
    expect(first.sim).not.toBe(main);
    expect(first.sim.world.region).toBe('eu-west-1');
    expect((first.sim.call('ecs.ListClusters', {}).output as { clusterArns: string[] }).clusterArns).toEqual([]);
    const input = { clusterName: 'far', tags: [{ key: 'k', value: 'v' }] };
    first.sim.call('ecs.CreateCluster', input);
    first.keep('ecs.CreateCluster', input);
    input.tags[0]!.value = 'changed later';
    expect(session.regions['eu-west-1']).toEqual([{ at: 60_000, call: 'ecs.CreateCluster', input: { clusterName: 'far', tags: [{ key: 'k', value: 'v' }] } }]);
    main.runUntil(120_000);
    const again = regionWorld(main, session, 'eu-west-1');
    expect(again.sim.now).toBe(120_000);
    expect((again.sim.call('ecs.ListClusters', {}).output as { clusterArns: string[] }).clusterArns).toEqual(['arn:aws:ecs:eu-west-1:123456789012:cluster/far']);
    // The main world is untouched.
    expect((main.call('ecs.ListClusters', {}).output as { clusterArns: string[] }).clusterArns).toEqual(['arn:aws:ecs:us-east-1:123456789012:cluster/home']);
  });

  it('replays each kept call at the time it was made', () => {
    const main = new Sim({ seed: 'main' });
    const session = newSession();
    main.runUntil(60_000);
    const input = { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128 }] };
    const first = regionWorld(main, session, 'eu-west-1');
    const registeredAt = (first.sim.call('ecs.RegisterTaskDefinition', input).output as { taskDefinition: { registeredAt: number } }).taskDefinition.registeredAt;
    first.keep('ecs.RegisterTaskDefinition', input);
    main.runUntil(600_000);
    const again = regionWorld(main, session, 'eu-west-1');
    expect((again.sim.call('ecs.DescribeTaskDefinition', { taskDefinition: 'web' }).output as { taskDefinition: { registeredAt: number } }).taskDefinition.registeredAt).toBe(registeredAt);
  });

  it('needs not keep an operation that only reads', () => {
    expect(['DescribeServices', 'ListClusters', 'GetAuthorizationToken', 'DiscoverInstances'].every(readsOnly)).toBe(true);
    expect(['CreateCluster', 'UpdateService', 'PutAttributes', 'TagResource'].some(readsOnly)).toBe(false);
  });
});
