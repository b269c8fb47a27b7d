import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cos, exponential, log } from '../../../src/sim/core/math';

describe('pure log', () => {
  it("is bit-identical to Node's fdlibm Math.log", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), (x) => Object.is(log(x), Math.log(x))),
      { numRuns: 20000 },
    );
    for (const x of [0, 1, 2, 0.5, 1e-310, Infinity]) expect(Object.is(log(x), Math.log(x))).toBe(true);
    expect(log(-1)).toBeNaN();
  });

  it('is bit-identical to Math.log next to 1, for subnormals and at the largest double, and NaN for NaN', () => {
    for (const x of [1 + Number.EPSILON, 1 - Number.EPSILON / 2, 0.9999, 1.0001, Number.MIN_VALUE, 5e-324 * 3, Number.MAX_VALUE, Math.E, 10]) expect(Object.is(log(x), Math.log(x)), String(x)).toBe(true);
    fc.assert(fc.property(fc.double({ min: 0.5, max: 2, noNaN: true }), (x) => Object.is(log(x), Math.log(x))));
    expect(log(NaN)).toBeNaN();
    expect(log(-0)).toBe(-Infinity);
  });
});

describe('exponential samples', () => {
  it('are -ln(1 - u) times the mean: 0 at u = 0, the mean at u = 1 - 1/e, and grow with u', () => {
    expect(exponential(0, 30) === 0).toBe(true);
    expect(exponential(1 - 1 / Math.E, 30)).toBeCloseTo(30, 12);
    expect(exponential(0.5, 10)).toBe(-log(0.5) * 10);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.999999, noNaN: true }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(exponential(lo, 5)).toBeLessThanOrEqual(exponential(hi, 5));
        expect(exponential(lo, 5)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe('pure cosine', () => {
  it('is within 1e-15 of Math.cos over the turn either side of 0 (where a day of traffic has its phase), and within 2e-13 over many turns (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -2 * Math.PI, max: 2 * Math.PI, noNaN: true }), (x) => {
        expect(Math.abs(cos(x) - Math.cos(x))).toBeLessThan(1e-15);
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.double({ min: -1000, max: 1000, noNaN: true }), (x) => {
        expect(Math.abs(cos(x) - Math.cos(x))).toBeLessThan(2e-13);
      }),
      { numRuns: 2000 },
    );
    expect(cos(0)).toBe(1);
    expect(cos(Math.PI)).toBeCloseTo(-1, 15);
    expect(cos(Math.PI / 2)).toBeCloseTo(0, 15);
  });
});
