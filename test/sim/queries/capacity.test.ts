import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { capacityProviderExists, splitStrategy, typesMeeting } from '../../../src/sim/queries/capacity';
import { INSTANCE_TYPE_NAMES } from '../../../src/sim/model/instanceTypes';
import { demoSim } from '../../support/simcoreRecords';

type Requirements = NonNullable<Parameters<typeof typesMeeting>[0]>;
/** Requirements with any vCPU count and memory unless said. */
const req = (r: Partial<Requirements>): Requirements => ({ vCpuCount: { min: 0 }, memoryMiB: { min: 0 }, ...r });
const names = (r: Partial<Requirements>) => typesMeeting(req(r)).map((t) => t.name);

describe('how a capacity provider strategy splits tasks', () => {
  it('gives each base first, in strategy order, then shares the rest by weight, ties to the earlier provider', () => {
    expect(
      splitStrategy(
        [
          { capacityProvider: 'FARGATE', base: 2, weight: 1 },
          { capacityProvider: 'FARGATE_SPOT', weight: 3 },
        ],
        10,
      ),
    ).toEqual([4, 6]);
    expect(
      splitStrategy(
        [
          { capacityProvider: 'a', weight: 1 },
          { capacityProvider: 'b', weight: 1 },
        ],
        3,
      ),
    ).toEqual([2, 1]);
    expect(
      splitStrategy(
        [
          { capacityProvider: 'a', base: 5, weight: 1 },
          { capacityProvider: 'b', base: 5, weight: 1 },
        ],
        3,
      ),
    ).toEqual([3, 0]);
    expect(
      splitStrategy(
        [
          { capacityProvider: 'a', weight: 1 },
          { capacityProvider: 'b', weight: 2 },
        ],
        0,
      ),
    ).toEqual([0, 0]);
  });

  it('gives a weight-0 provider nothing beyond its base, unless it is the only provider', () => {
    expect(
      splitStrategy(
        [
          { capacityProvider: 'a', base: 1, weight: 0 },
          { capacityProvider: 'b', weight: 1 },
        ],
        5,
      ),
    ).toEqual([1, 4]);
    expect(splitStrategy([{ capacityProvider: 'only', weight: 0 }], 4)).toEqual([4]);
    expect(splitStrategy([{ capacityProvider: 'only' }], 2)).toEqual([2]);
    // Several providers all of weight 0 get their bases only: the API refuses such a strategy before it is split (api/ecs/strategy.ts).
    expect(
      splitStrategy(
        [
          { capacityProvider: 'a', base: 1, weight: 0 },
          { capacityProvider: 'b', weight: 0 },
        ],
        5,
      ),
    ).toEqual([1, 0]);
  });

  it('places every task, never more; one more task takes none from any provider; and no provider is given a task while another had fewer per unit of weight (property)', () => {
    const item = fc.record({ base: fc.integer({ min: 0, max: 5 }), weight: fc.integer({ min: 1, max: 10 }) });
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 200 }), (items, n) => {
        const strategy = items.map((x, i) => ({ capacityProvider: `cp${i}`, base: x.base, weight: x.weight }));
        const out = splitStrategy(strategy, n);
        expect(out.reduce((a, b) => a + b, 0)).toBe(n);
        splitStrategy(strategy, n + 1).forEach((x, i) => expect(x).toBeGreaterThanOrEqual(out[i]!));
        let left = n;
        const extra = strategy.map((s, i) => {
          const b = Math.min(s.base, left);
          left -= b;
          return out[i]! - b;
        });
        strategy.forEach((si, i) => {
          expect(extra[i]).toBeGreaterThanOrEqual(0);
          if (extra[i]! > 0) strategy.forEach((sj, j) => expect((extra[i]! - 1) / si.weight).toBeLessThanOrEqual(extra[j]! / sj.weight));
        });
      }),
    );
  });
});

describe('capacity providers that exist', () => {
  it('are FARGATE and FARGATE_SPOT, and the account providers that are ACTIVE', () => {
    const { sim } = demoSim();
    expect(capacityProviderExists(sim, 'FARGATE')).toBe(true);
    expect(capacityProviderExists(sim, 'FARGATE_SPOT')).toBe(true);
    expect(capacityProviderExists(sim, 'mine')).toBe(false);
    sim.world.capacityProviders.mine = { status: 'ACTIVE' } as never;
    sim.world.capacityProviders.old = { status: 'INACTIVE' } as never;
    expect(capacityProviderExists(sim, 'mine')).toBe(true);
    expect(capacityProviderExists(sim, 'old')).toBe(false);
    expect(capacityProviderExists(sim, 'constructor')).toBe(false);
  });
});

describe('instance types that meet instance requirements', () => {
  it('without requirements, are the general purpose, compute and memory types, in catalogue order', () => {
    const all = typesMeeting(undefined);
    expect(all.length).toBeGreaterThan(20);
    expect(new Set(all.map((t) => t.category))).toEqual(new Set(['general', 'compute', 'memory']));
    expect(all.map((t) => t.name)).toEqual(INSTANCE_TYPE_NAMES.filter((n) => all.some((t) => t.name === n)));
  });

  it('keep to vCPU and memory ranges, memory per vCPU and CPU manufacturers', () => {
    const r = { vCpuCount: { min: 2, max: 2 }, memoryMiB: { min: 8192, max: 8192 }, cpuManufacturers: ['amazon-web-services'] };
    expect(names(r)).toEqual(['m6g.large', 'm7g.large']);
    const memoryHeavy = typesMeeting(req({ vCpuCount: { min: 2, max: 2 }, memoryGiBPerVCpu: { min: 8 } }));
    expect(memoryHeavy.length).toBeGreaterThan(0);
    expect(memoryHeavy.every((t) => t.category === 'memory' && t.vcpu === 2)).toBe(true);
  });

  it('match allowed and excluded types by pattern, and only those named generations', () => {
    expect(names({ vCpuCount: { min: 2, max: 2 }, allowedInstanceTypes: ['c5.*'] })).toEqual(['c5.large']);
    expect(names({ vCpuCount: { min: 2, max: 2 }, allowedInstanceTypes: ['c*.large'], excludedInstanceTypes: ['c6*', 'c7g.*'] }).sort()).toEqual(['c4.large', 'c5.large', 'c7i.large']);
    expect(names({ vCpuCount: { min: 2, max: 2 }, allowedInstanceTypes: ['c*.large'], instanceGenerations: ['previous'] })).toEqual(['c4.large']);
    // A dot in a pattern is a dot, not any character.
    expect(names({ allowedInstanceTypes: ['m5..xlarge'] })).toEqual([]);
    expect(names({ allowedInstanceTypes: ['m5.?xlarge'] })).toEqual([]);
  });

  it('leave out burstable types unless asked, and give only them when required', () => {
    expect(typesMeeting(req({})).some((t) => t.category === 'burstable')).toBe(false);
    const burstable = typesMeeting(req({ burstablePerformance: 'required' }));
    expect(burstable.length).toBeGreaterThan(0);
    expect(burstable.every((t) => t.category === 'burstable')).toBe(true);
    expect(typesMeeting(req({ burstablePerformance: 'included' })).some((t) => t.name === 't3.micro')).toBe(true);
  });

  it('give accelerated types only when an accelerator is asked for, matching its type, maker, name and count', () => {
    expect(typesMeeting(req({})).some((t) => t.category === 'accelerated')).toBe(false);
    const gpus = typesMeeting(req({ acceleratorTypes: ['gpu'], acceleratorNames: ['a100'] }));
    expect(gpus.map((t) => t.name)).toEqual(['p4d.24xlarge']);
    const inference = typesMeeting(req({ acceleratorTypes: ['inference'], acceleratorCount: { min: 6 } }));
    expect(inference.map((t) => t.name)).toEqual(['inf2.24xlarge', 'inf2.48xlarge']);
    expect(typesMeeting(req({ acceleratorManufacturers: ['amazon-web-services'] })).every((t) => t.accelerator?.manufacturer === 'amazon-web-services')).toBe(true);
  });
});
