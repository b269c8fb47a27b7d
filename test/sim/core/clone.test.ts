import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cloneData } from '../../../src/sim/core/clone';

describe('copying the world for snapshots', () => {
  it('copies plain data deeply, equal to structuredClone and sharing nothing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const c = cloneData(v);
        expect(c).toEqual(structuredClone(v));
        if (v !== null && typeof v === 'object') expect(c).not.toBe(v);
      }),
    );
  });

  it('keeps learner-chosen keys such as __proto__ as own data, null prototypes, typed arrays and undefined members', () => {
    const rec: Record<string, unknown> = Object.create(null);
    Object.defineProperty(rec, '__proto__', { value: { name: 'evil' }, enumerable: true, writable: true, configurable: true });
    const src = { rec, cols: new Float64Array([1.5, NaN]), codes: new Uint8Array([3]), gone: undefined };
    const c = cloneData(src);
    expect(Object.getPrototypeOf(c.rec)).toBeNull();
    expect(Object.keys(c.rec)).toEqual(['__proto__']);
    expect((c.rec as Record<string, { name: string }>)['__proto__']!.name).toBe('evil');
    expect(c.cols).toBeInstanceOf(Float64Array);
    expect([...c.cols]).toEqual([1.5, NaN]);
    expect(c.cols).not.toBe(src.cols);
    expect('gone' in c).toBe(true);
    expect(({} as Record<string, unknown>).name).toBeUndefined();
  });
});
