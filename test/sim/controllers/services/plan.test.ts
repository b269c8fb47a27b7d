import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planFor, shiftSteps } from '../../../../src/sim/controllers/services/plan';
import type { ServiceDeploymentRecord } from '../../../../src/sim/model/types';

const record = (strategy: string, cfg: Record<string, unknown>, sources: string[] = ['blue']) => ({ strategy, sourceRevisionArns: sources, deploymentConfiguration: cfg }) as unknown as ServiceDeploymentRecord;

describe('the production shares of a shifting deployment', () => {
  it('move a linear deployment in equal steps that end at exactly 100 %, waiting after every step but the last (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 30, max: 1000 }), fc.integer({ min: 0, max: 1440 }), (tenths, bake) => {
        const sd = record('LINEAR', { linearConfiguration: { stepPercent: tenths / 10, stepBakeTimeInMinutes: bake } });
        const steps = shiftSteps(sd);
        expect(steps.at(-1)).toEqual({ percent: 100, waitMs: 0 });
        expect(steps.length).toBe(Math.ceil(1000 / tenths));
        for (const [i, s] of steps.slice(0, -1).entries()) {
          expect(s.percent).toBeCloseTo(((i + 1) * tenths) / 10, 9);
          expect(s.waitMs).toBe(bake * 60_000);
        }
      }),
    );
  });

  it('canary: the canary share with its bake time, then the rest at once; 100 % is one step', () => {
    expect(shiftSteps(record('CANARY', { canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 5 } }))).toEqual([
      { percent: 10, waitMs: 300_000 },
      { percent: 100, waitMs: 0 },
    ]);
    expect(shiftSteps(record('CANARY', { canaryConfiguration: { canaryPercent: 100, canaryBakeTimeInMinutes: 5 } }))).toEqual([{ percent: 100, waitMs: 0 }]);
  });

  it('blue/green: everything at once', () => {
    expect(shiftSteps(record('BLUE_GREEN', {}))).toEqual([{ percent: 100, waitMs: 0 }]);
  });
});

describe('the plan of a shifting deployment', () => {
  it('blue/green walks scale-up, test traffic, the production shift with its hooks, the bake time and clean-up, in order', () => {
    const plan = planFor(record('BLUE_GREEN', { bakeTimeInMinutes: 3 }), false);
    expect(plan.map((p) => [p.stage, p.action ?? p.hooks ?? '', p.percent ?? '', p.waitMs ?? ''])).toEqual([
      ['PRE_SCALE_UP', 'PRE_SCALE_UP', '', ''],
      ['SCALE_UP', 'scaleUp', '', ''],
      ['POST_SCALE_UP', 'POST_SCALE_UP', '', ''],
      ['TEST_TRAFFIC_SHIFT', 'testShift', '', ''],
      ['POST_TEST_TRAFFIC_SHIFT', 'POST_TEST_TRAFFIC_SHIFT', '', ''],
      ['PRODUCTION_TRAFFIC_SHIFT', 'PRE_PRODUCTION_TRAFFIC_SHIFT', '', ''],
      ['PRODUCTION_TRAFFIC_SHIFT', 'shift', 100, ''],
      ['POST_PRODUCTION_TRAFFIC_SHIFT', 'POST_PRODUCTION_TRAFFIC_SHIFT', '', ''],
      ['BAKE_TIME', '', '', 180_000],
      ['CLEAN_UP', 'cleanUp', '', ''],
    ]);
  });

  it('starts with RECONCILE_SERVICE when more than one revision runs, and has no shift at all on a first deployment', () => {
    expect(planFor(record('BLUE_GREEN', {}), true)[0]!.stage).toBe('RECONCILE_SERVICE');
    expect(planFor(record('BLUE_GREEN', {}, []), false).map((p) => p.stage)).toEqual(['PRE_SCALE_UP', 'SCALE_UP', 'POST_SCALE_UP', 'CLEAN_UP']);
  });

  it('linear runs both production-shift hook stages before and at every step', () => {
    const plan = planFor(record('LINEAR', { linearConfiguration: { stepPercent: 50, stepBakeTimeInMinutes: 2 } }), false);
    const shifts = plan.filter((p) => p.stage === 'PRODUCTION_TRAFFIC_SHIFT');
    expect(shifts.map((p) => [p.hooks, p.percent ?? '', p.waitMs ?? ''])).toEqual([
      ['PRE_PRODUCTION_TRAFFIC_SHIFT', '', ''],
      ['PRODUCTION_TRAFFIC_SHIFT', 50, 120_000],
      ['PRE_PRODUCTION_TRAFFIC_SHIFT', '', ''],
      ['PRODUCTION_TRAFFIC_SHIFT', 100, ''],
    ]);
    // No bake time configured: the stage takes no time.
    expect(plan.find((p) => p.stage === 'BAKE_TIME')!.waitMs).toBeUndefined();
  });
});
