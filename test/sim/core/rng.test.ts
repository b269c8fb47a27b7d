import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { RngStreams } from '../../../src/sim/core/rng';

const draws = (r: RngStreams, name: string, n: number) => Array.from({ length: n }, () => r.stream(name).next());

describe('random streams', () => {
  it('a stream depends only on the seed and its own name', () => {
    const a = new RngStreams('s');
    const b = new RngStreams('s');
    b.stream('other').next();
    expect([a.stream('x').next(), a.stream('x').next()]).toEqual([b.stream('x').next(), b.stream('x').next()]);
    expect(new RngStreams('t').stream('x').next()).not.toBe(new RngStreams('s').stream('x').next());
  });

  it('seeds each stream with "<seed>/<name>", so streams of one seed differ from each other (what every recorded run rests on)', () => {
    const want = seedrandom.alea('42/placement');
    expect(draws(new RngStreams('42'), 'placement', 3)).toEqual([want(), want(), want()]);
    expect(draws(new RngStreams('42'), 'ids', 3)).not.toEqual(draws(new RngStreams('42'), 'placement', 3));
  });

  it('state round-trips', () => {
    const a = new RngStreams('s');
    a.stream('x').next();
    const b = new RngStreams('s', a.state());
    expect(b.stream('x').next()).toBe(a.stream('x').next());
  });

  it('gives the same draws for the same seed and name, whatever other streams draw in between (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.constantFrom('ids', 'placement', 'failures', 'jitter'), { maxLength: 40 }), (seed, noise) => {
        const quiet = draws(new RngStreams(seed), 'ids', 5);
        const busy = new RngStreams(seed);
        const got: number[] = [];
        for (const name of noise) busy.stream(name === 'ids' ? 'jitter' : name).next();
        for (let i = 0; i < 5; i++) got.push(busy.stream('ids').next());
        expect(got).toEqual(quiet);
      }),
      { numRuns: 50 },
    );
  });

  it('draws uniform numbers in [0, 1) and integers in [0, n)', () => {
    const r = new RngStreams('range');
    const xs = draws(r, 'u', 2000);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
    const s = r.stream('d');
    const ints = Array.from({ length: 600 }, () => s.int(6));
    expect(new Set(ints)).toEqual(new Set([0, 1, 2, 3, 4, 5]));
    expect(s.int(1)).toBe(0);
  });

  it('keeps its state as JSON data, by stream name in name order, which restores every stream mid-sequence', () => {
    const a = new RngStreams('json');
    draws(a, 'zeta', 3);
    draws(a, 'alpha', 7);
    const state = a.state();
    expect(Object.keys(state)).toEqual(['alpha', 'zeta']);
    const b = new RngStreams('json', JSON.parse(JSON.stringify(state)));
    expect(draws(b, 'alpha', 4)).toEqual(draws(a, 'alpha', 4));
    expect(draws(b, 'zeta', 4)).toEqual(draws(a, 'zeta', 4));
    // A stream the state does not hold starts from the seed, as in a fresh set.
    expect(draws(b, 'new', 2)).toEqual(draws(new RngStreams('json'), 'new', 2));
  });

  it('does not let a restored set move the state it was given', () => {
    const a = new RngStreams('frozen');
    draws(a, 'x', 2);
    const state = a.state();
    const copy = JSON.stringify(state);
    draws(new RngStreams('frozen', state), 'x', 10);
    expect(JSON.stringify(state)).toBe(copy);
  });
});
