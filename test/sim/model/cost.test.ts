import { describe, expect, it } from 'vitest';
import { emptyCost } from '../../../src/sim/model/cost';

describe('the cost meter', () => {
  it('starts at nothing, a new record each time', () => {
    expect(emptyCost()).toEqual({ totalUSD: 0, byCapacityType: {}, byService: {}, unusedEc2USD: 0 });
    const a = emptyCost();
    a.byService.web = 1;
    expect(emptyCost().byService).toEqual({});
  });
});
