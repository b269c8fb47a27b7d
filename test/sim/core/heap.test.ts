import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventHeap } from '../../../src/sim/core/heap';

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
