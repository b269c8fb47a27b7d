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

  it('with pushes and pops interleaved, always pops the least (time, seq) still held, as a sorted list would (property)', () => {
    const op = fc.oneof(fc.record({ push: fc.integer({ min: 0, max: 20 }) }), fc.constant({ pop: true as const }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), fc.integer({ min: 1, max: 8 }), (ops, capacity) => {
        const h = new EventHeap<string>(capacity);
        const model: [number, number][] = [];
        let seq = 0;
        for (const o of ops) {
          if ('push' in o) {
            h.push(o.push, seq, `e${seq}`);
            model.push([o.push, seq]);
            seq++;
          } else {
            model.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
            const want = model.shift();
            const got = h.pop();
            if (want === undefined) expect(got).toBeUndefined();
            else {
              expect(got).toBe(`e${want[1]}`);
              expect([h.lastTime, h.lastSeq]).toEqual(want);
            }
          }
          expect(h.size).toBe(model.length);
          expect(h.peekTime()).toBe(model.length ? Math.min(...model.map((m) => m[0])) : Infinity);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('lists what it holds as [time, seq, item], and empties on clear', () => {
    const h = new EventHeap<string>(1);
    h.push(30, 0, 'c');
    h.push(10, 1, 'a');
    h.push(20, 2, 'b');
    expect(h.entries().sort((x, y) => x[0] - y[0])).toEqual([
      [10, 1, 'a'],
      [20, 2, 'b'],
      [30, 0, 'c'],
    ]);
    h.clear();
    expect(h.size).toBe(0);
    expect(h.entries()).toEqual([]);
    expect(h.pop()).toBeUndefined();
    expect(h.peekTime()).toBe(Infinity);
    h.push(5, 3, 'd');
    expect(h.pop()).toBe('d');
    expect([h.lastTime, h.lastSeq]).toEqual([5, 3]);
  });

  it('orders times of any size, fractions and negatives included, exactly', () => {
    const h = new EventHeap<number>();
    const times = [1e15, -3, 0.5, 2 ** 40, 0, 0.25];
    times.forEach((t, i) => h.push(t, i, t));
    const out: number[] = [];
    while (h.size) out.push(h.pop()!);
    expect(out).toEqual([-3, 0, 0.25, 0.5, 2 ** 40, 1e15]);
  });
});
