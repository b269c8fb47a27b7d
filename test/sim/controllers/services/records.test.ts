import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { circuitBreakerThreshold, isOngoing, isShifting, weightsFor } from '../../../../src/sim/controllers/services/records';
import type { Service, ServiceDeploymentRecord } from '../../../../src/sim/model/types';

const svc = (desired: number, thresholdConfiguration?: { type: string; value: number }) =>
  ({ desiredCount: desired, deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true, ...(thresholdConfiguration ? { thresholdConfiguration } : {}) } } }) as unknown as Service;

describe('forward weights', () => {
  it('write forward weights that always make 100 % between blue and green (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (tenths) => {
        const p = tenths / 10;
        const w = weightsFor(p);
        expect(w.blue + w.green === 100 || w.blue + w.green === 1000).toBe(true);
        expect(w.blue).toBeGreaterThanOrEqual(0);
        expect(w.green).toBeLessThanOrEqual(999);
        expect(Math.abs((w.green / (w.blue + w.green)) * 100 - p)).toBeLessThan(0.1 + 1e-9);
      }),
    );
  });

  it('are out of 100 for whole percents and out of 1000 for tenths, 100/0 at the ends', () => {
    expect(weightsFor(0)).toEqual({ blue: 100, green: 0 });
    expect(weightsFor(-5)).toEqual({ blue: 100, green: 0 });
    expect(weightsFor(25)).toEqual({ blue: 75, green: 25 });
    expect(weightsFor(3.3)).toEqual({ blue: 967, green: 33 });
    expect(weightsFor(100)).toEqual({ blue: 0, green: 100 });
  });
});

describe('the circuit breaker threshold', () => {
  it('defaults to half the desired count, at least 3 and at most 200', () => {
    expect([1, 6, 7, 10, 399, 400, 1000].map((d) => circuitBreakerThreshold(svc(d)))).toEqual([3, 3, 4, 5, 200, 200, 200]);
  });
  it('COUNT is the value; BOUNDED_PERCENT keeps the bounds; UNBOUNDED_PERCENT does not, but is at least 1', () => {
    expect(circuitBreakerThreshold(svc(10, { type: 'COUNT', value: 1 }))).toBe(1);
    expect(circuitBreakerThreshold(svc(10, { type: 'BOUNDED_PERCENT', value: 10 }))).toBe(3);
    expect(circuitBreakerThreshold(svc(10, { type: 'UNBOUNDED_PERCENT', value: 10 }))).toBe(1);
    expect(circuitBreakerThreshold(svc(3, { type: 'UNBOUNDED_PERCENT', value: 1 }))).toBe(1);
    expect(circuitBreakerThreshold(svc(1000, { type: 'UNBOUNDED_PERCENT', value: 50 }))).toBe(500);
  });
});

describe('service deployment statuses', () => {
  it('are ongoing until SUCCESSFUL, STOPPED, ROLLBACK_SUCCESSFUL or ROLLBACK_FAILED', () => {
    const of = (status: string) => isOngoing({ status } as ServiceDeploymentRecord);
    expect(['PENDING', 'IN_PROGRESS', 'STOP_REQUESTED', 'ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS'].map(of)).toEqual([true, true, true, true, true]);
    expect(['SUCCESSFUL', 'STOPPED', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED'].map(of)).toEqual([false, false, false, false]);
  });
  it('shift traffic for every strategy but ROLLING', () => {
    expect(['ROLLING', 'BLUE_GREEN', 'LINEAR', 'CANARY'].map((strategy) => isShifting({ strategy } as ServiceDeploymentRecord))).toEqual([false, true, true, true]);
    expect(isShifting(undefined)).toBe(false);
  });
});
