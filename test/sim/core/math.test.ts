import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { log } from '../../../src/sim/core/math';

describe('pure log', () => {
  it("is bit-identical to Node's fdlibm Math.log", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), (x) => Object.is(log(x), Math.log(x))),
      { numRuns: 20000 },
    );
    for (const x of [0, 1, 2, 0.5, 1e-310, Infinity]) expect(Object.is(log(x), Math.log(x))).toBe(true);
    expect(log(-1)).toBeNaN();
  });
});
