import { describe, expect, it } from 'vitest';
import { RngStreams } from '../../../src/sim/core/rng';

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
