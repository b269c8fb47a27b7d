import { describe, expect, it } from 'vitest';
import { memoSelector } from '../../../src/store/selectors/memo';

describe('memoised selectors', () => {
  it('recompute only when an input changes, and give back the same object meanwhile', () => {
    let runs = 0;
    const sel = memoSelector(
      (s: { a: number; b: number; c: string }) => [s.a, s.b] as const,
      ([a, b]) => {
        runs++;
        return { sum: a + b };
      },
    );
    const first = sel({ a: 1, b: 2, c: 'x' });
    expect(sel({ a: 1, b: 2, c: 'y' })).toBe(first);
    expect(runs).toBe(1);
    expect(sel({ a: 1, b: 3, c: 'y' })).toEqual({ sum: 4 });
    expect(runs).toBe(2);
  });
});
