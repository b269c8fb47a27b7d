import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventHeap } from '../../src/sim/core/heap';
import { RngStreams } from '../../src/sim/core/rng';
import { log } from '../../src/sim/core/math';
import { parseDuration } from '../../src/sim/core/time';

describe('event heap', () => {
  it('pops by time, then by insertion order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 300 }), (times) => {
        const h = new EventHeap<number>(2);
        times.forEach((t, i) => h.push(t, i, i));
        const out: [number, number][] = [];
        while (h.size) {
          const i = h.pop()!;
          out.push([h.lastTime, i]);
        }
        const want = times.map((t, i) => [t, i] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(out).toEqual(want);
      }),
    );
  });
});

describe('random streams', () => {
  it('a stream depends only on the seed and its own name', () => {
    const a = new RngStreams('s');
    const b = new RngStreams('s');
    b.stream('other').next();
    expect([a.stream('x').next(), a.stream('x').next()]).toEqual([b.stream('x').next(), b.stream('x').next()]);
    expect(new RngStreams('t').stream('x').next()).not.toBe(new RngStreams('s').stream('x').next());
  });
  it('state round-trips', () => {
    const a = new RngStreams('s');
    a.stream('x').next();
    const b = new RngStreams('s', a.state());
    expect(b.stream('x').next()).toBe(a.stream('x').next());
  });
});

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

describe('durations', () => {
  it('reads seconds and unit strings', () => {
    expect(parseDuration(90)).toBe(90000);
    expect(parseDuration('1h30m')).toBe(5400000);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('soon')).toBeUndefined();
  });
});
