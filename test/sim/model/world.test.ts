import { describe, expect, it } from 'vitest';
import { arn, availabilityZones, createWorld, DOCKER_TABLES, nullPrototypeTables, table, WORLD_TABLES, type WorldState } from '../../../src/sim/model/world';
import { DEFAULT_DURATIONS } from '../../../src/sim/model/durations';

describe('a new world', () => {
  it('is account 123456789012 in us-east-1 at 2025-01-01, with one default subnet per Availability Zone', () => {
    const w = createWorld();
    expect({ region: w.region, account: w.account, epochSeconds: w.epochSeconds, vpcId: w.vpcId }).toEqual({ region: 'us-east-1', account: '123456789012', epochSeconds: 1735689600, vpcId: 'vpc-default' });
    expect(availabilityZones(w)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    expect(w.subnets['subnet-us-east-1b']).toEqual({ subnetId: 'subnet-us-east-1b', availabilityZone: 'us-east-1b', vpcId: 'vpc-default', cidr: '172.31.16.0/20', freeIps: 4091, nextIp: 4 });
    expect(w.durations).toEqual(DEFAULT_DURATIONS);
    expect(w.accountSettings).toEqual({ awsvpcTrunking: 'disabled', serviceLongArnFormat: 'enabled', taskLongArnFormat: 'enabled', containerInstanceLongArnFormat: 'enabled' });
    expect(arn(w, 'cluster/demo')).toBe('arn:aws:ecs:us-east-1:123456789012:cluster/demo');
  });

  it('takes its region, zones, free addresses, durations and images from the options', () => {
    const w = createWorld({ region: 'eu-west-1', availabilityZones: ['eu-west-1b', 'eu-west-1c'], freeIpsPerSubnet: 10, durations: { instanceBootMs: 0 }, images: { app: { cpuUnits: 5 } } });
    expect(availabilityZones(w)).toEqual(['eu-west-1b', 'eu-west-1c']);
    expect(w.subnets['subnet-eu-west-1c']).toMatchObject({ cidr: '172.31.16.0/20', freeIps: 10 });
    expect(w.durations.instanceBootMs).toBe(0);
    expect(w.durations.agentAckMs).toBe(DEFAULT_DURATIONS.agentAckMs);
    expect(w.images.app).toEqual({ cpuUnits: 5 });
    expect(arn(w, 'task/x')).toBe('arn:aws:ecs:eu-west-1:123456789012:task/x');
  });

  it('refuses a duration it does not have, or one that is not a number of milliseconds from 0 to 400 days', () => {
    expect(() => createWorld({ durations: { bootMs: 1 } as never })).toThrow(new RangeError("durations: there is no duration 'bootMs'."));
    expect(() => createWorld({ durations: { instanceBootMs: -1 } })).toThrow(new RangeError('durations.instanceBoot: -1 ms is not between 0 and 34560000000 ms (400 days).'));
    for (const v of [NaN, Infinity, 34_560_000_001, '5' as never]) expect(() => createWorld({ durations: { instanceBootMs: v } }), String(v)).toThrow(RangeError);
    expect(createWorld({ durations: { instanceBootMs: 34_560_000_000 } }).durations.instanceBootMs).toBe(34_560_000_000);
    expect(() => createWorld({ durations: { constructor: 1 } as never })).toThrow(RangeError);
  });

  it("keeps every keyed table, its Docker host's, its registry's and its cost's without a prototype", () => {
    const w = createWorld();
    for (const k of WORLD_TABLES) expect(Object.getPrototypeOf(w[k]), k).toBeNull();
    for (const k of DOCKER_TABLES) if (w.docker[k] !== undefined) expect(Object.getPrototypeOf(w.docker[k]), k).toBeNull();
    expect(Object.getPrototypeOf(w.ecr.repositories)).toBeNull();
    expect(Object.getPrototypeOf(w.cost.byService)).toBeNull();
  });
});

describe('tables of the world', () => {
  it('have no prototype, and copy in the own entries they are given, "__proto__" as an entry', () => {
    const from = JSON.parse('{"__proto__": 1, "web": 2}') as Record<string, number>;
    const t = table(from);
    expect(Object.getPrototypeOf(t)).toBeNull();
    expect(Object.keys(t)).toEqual(['__proto__', 'web']);
    expect(t['__proto__']).toBe(1);
    expect(t['constructor']).toBeUndefined();
    expect(Object.keys(table())).toEqual([]);
  });

  it('get their null prototype back after a JSON round trip, entries and their order kept', () => {
    const w = createWorld();
    w.clusters['__proto__'] = { clusterName: '__proto__' } as never;
    w.groupIndex['g'] = table({ a: 1 }) as never;
    w.docker.containers['c1'] = { id: 'c1' } as never;
    w.ecr.repositories['forum'] = { repositoryName: 'forum', images: table({ 'sha256:1': {} }) } as never;
    w.cost.byService['web'] = 3;
    const back = JSON.parse(JSON.stringify(w)) as WorldState;
    expect(Object.getPrototypeOf(back.clusters)).toBe(Object.prototype);
    expect(nullPrototypeTables(back)).toBe(back);
    expect(Object.getPrototypeOf(back.clusters)).toBeNull();
    expect(Object.keys(back.clusters)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(back.groupIndex['g'])).toBeNull();
    expect(Object.getPrototypeOf(back.docker.containers)).toBeNull();
    expect(Object.getPrototypeOf(back.ecr.repositories['forum']!.images)).toBeNull();
    expect(Object.getPrototypeOf(back.cost.byService)).toBeNull();
    expect(JSON.stringify(back)).toBe(JSON.stringify(w));
  });
});
