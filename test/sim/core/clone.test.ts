import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cloneData, copyInput } from '../../../src/sim/core/clone';
import { ApiError } from '../../../src/sim/core/errors';

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

describe('copying plain records', () => {
  it('keeps a "__proto__" key of an ordinary object as an own member, never as the prototype of the copy', () => {
    const src = JSON.parse('{"__proto__": {"polluted": true}, "name": "web"}') as Record<string, unknown>;
    const c = cloneData(src);
    expect(Object.getPrototypeOf(c)).toBe(Object.prototype);
    expect(Object.keys(c)).toEqual(['__proto__', 'name']);
    expect(c.polluted).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(c, '__proto__')?.value).toEqual({ polluted: true });
  });
});

describe('copying a request as JSON data', () => {
  it('copies members deeply, keeping undefined members and every key, "__proto__" as an own member', () => {
    const inner = { tags: [{ key: 'a', value: 'b' }] };
    const input = { cluster: 'demo', count: 2, on: true, none: null, gone: undefined, inner, ...JSON.parse('{"__proto__": {"polluted": true}}') };
    const c = copyInput(input);
    expect(c).toEqual(input);
    expect(c.inner).not.toBe(inner);
    expect(c.inner.tags[0]).not.toBe(inner.tags[0]);
    expect(Object.keys(c)).toEqual(['cluster', 'count', 'on', 'none', 'gone', 'inner', '__proto__']);
    expect(Object.getPrototypeOf(c)).toBe(Object.prototype);
    expect((c as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(c, '__proto__')?.value).toEqual({ polluted: true });
  });

  it("reads a getter's value once, as data, and leaves the caller's prototype behind", () => {
    let reads = 0;
    class Req {
      family = 'web';
      get count() {
        reads++;
        return 3;
      }
    }
    const withGetter = Object.defineProperty({ a: 1 }, 'b', { get: () => (reads++, 'two'), enumerable: true });
    expect(copyInput(withGetter)).toEqual({ a: 1, b: 'two' });
    expect(reads).toBe(1);
    const c = copyInput(new Req());
    expect(Object.getPrototypeOf(c)).toBe(Object.prototype);
    expect(c).toEqual({ family: 'web' }); // the class's getter is not an own member
  });

  it('refuses what JSON cannot carry: functions, symbols, big integers and cycles, as a ParamValidationError', () => {
    const cases: [unknown, string][] = [
      [{ f: () => 1 }, 'A request member holds a function, which JSON cannot carry.'],
      [{ s: Symbol('x') }, 'A request member holds a symbol, which JSON cannot carry.'],
      [{ n: [1n] }, 'A request member holds a bigint, which JSON cannot carry.'],
    ];
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = { back: cyclic };
    cases.push([cyclic, 'The request refers to itself (a cycle), which JSON cannot carry.']);
    for (const [input, message] of cases) {
      let err: unknown;
      try {
        copyInput(input);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ApiError);
      expect(err).toMatchObject({ code: 'ParamValidationError', message: `Parameter validation failed:\n${message}` });
    }
  });

  it('copies an object named twice (not a cycle) twice', () => {
    const shared = { v: 1 };
    const c = copyInput({ a: shared, b: [shared, shared] });
    expect(c).toEqual({ a: { v: 1 }, b: [{ v: 1 }, { v: 1 }] });
    expect(c.a).not.toBe(c.b[0]);
  });
});
