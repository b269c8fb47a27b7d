import { describe, expect, it } from 'vitest';
import { Sim } from '../../src/sim';

/** What a scenario may set of the engine's durations. */

describe('durations a scenario overrides', () => {
  it('are refused outside 0 ms to 400 days, naming the duration', () => {
    expect(() => new Sim({ durations: { serviceRetryMs: -5 } })).toThrow(/durations\.serviceRetry: -5 ms is not between 0 and/);
    expect(() => new Sim({ durations: { instanceBootMs: Number.NaN } })).toThrow(/durations\.instanceBoot/);
    expect(() => new Sim({ durations: { instanceBootMs: 0 } })).not.toThrow();
  });
});
