import { describe, expect, it } from 'vitest';
import { ecsPage } from '../../../../src/sim/api/ecs/paging';

const items = ['a', 'b', 'c'];

describe('ecsPage', () => {
  it('answers the whole list without maxResults, and pages by maxResults and nextToken otherwise', () => {
    expect(ecsPage(items, {}, 'clusterArns')).toEqual({ clusterArns: items });
    const first = ecsPage(items, { maxResults: 2 }, 'clusterArns');
    expect(first.clusterArns).toEqual(['a', 'b']);
    expect(typeof first.nextToken).toBe('string');
    expect(ecsPage(items, { maxResults: 2, nextToken: first.nextToken }, 'clusterArns')).toEqual({ clusterArns: ['c'] });
  });

  it('refuses a page size out of range and a token it never gave, with InvalidParameterException', () => {
    expect(() => ecsPage(items, { maxResults: 101 }, 'x')).toThrow(expect.objectContaining({ code: 'InvalidParameterException', message: 'maxResults must be between 1 and 100.' }));
    // A smaller bound (ListAccountSettings: 10) refuses what is beyond it; through Sim.call the request table says so first, with the bound.
    expect(() => ecsPage(items, { maxResults: 11 }, 'x', String, 10)).toThrow(expect.objectContaining({ code: 'InvalidParameterException' }));
    expect(ecsPage(items, { maxResults: 10 }, 'x', String, 10)).toEqual({ x: items });
    expect(() => ecsPage(items, { nextToken: 'zzz' }, 'x')).toThrow(expect.objectContaining({ code: 'InvalidParameterException', message: 'Invalid nextToken.' }));
  });
});
