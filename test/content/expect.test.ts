import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conditionProblems, getPath, matches } from '../../src/content/expect';

describe('matchers', () => {
  it('a pattern that backtracks exponentially in a backtracking engine answers at once', () => {
    const name = `${'a'.repeat(34)}!`;
    const started = performance.now();
    expect(matches({ name }, { name: { matches: '^(a+)+$' } })).toBe(false);
    expect(matches({ name: 'a'.repeat(100_000) }, { name: { matches: '^(a|a)*$' } })).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('patterns behave as the lessons and scenarios use them', () => {
    expect(matches({ m: '(service web) has started 2 tasks: (task 1)' }, { m: { matches: '^\\(service web\\) has started 2 tasks: ' } })).toBe(true);
    expect(matches({ m: 'ecs-svc/1234567890123456789' }, { m: { matches: 'ecs-svc/\\d{19}$' } })).toBe(true);
    expect(matches({ m: 'xyz' }, { m: { matches: '^Y' } })).toBe(false);
  });

  it('a malformed condition matches nothing instead of throwing', () => {
    for (const cond of [{ any: 5 }, { all: { a: 1 } }, { a: { matches: '([' } }, { a: { countOf: null } }, { a: { matches: 5 } }, { not: 3 }]) {
      expect(() => matches({ a: 'x' }, cond as Record<string, unknown>)).not.toThrow();
    }
    expect(matches({ a: 'x' }, { any: 5 })).toBe(false);
  });

  it('paths follow own members only', () => {
    expect(getPath({}, 'constructor')).toBeUndefined();
    expect(getPath({}, '__proto__')).toBeUndefined();
    expect(getPath({ a: [{ name: 'x', v: 1 }] }, 'a[name=x].v')).toBe(1);
    expect(getPath({ a: [1, 2] }, 'a.length')).toBe(2);
    expect(matches({}, { 'constructor.name': 'Object' })).toBe(false);
  });

  it('conditionProblems and matches never throw, and never change Object.prototype (property)', () => {
    const key = fc.oneof(fc.constantFrom('all', 'any', 'not', 'matches', 'in', 'countOf', 'some', 'length', 'gt', '__proto__', 'constructor', 'toString', 'a', 'a.b', 'a[0]', 'a[k=v]'), fc.string());
    const cond = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.anything(), fc.constantFrom('([', '^(a+)+$', '(?=x)', '\\1', 'a{1001}'), tie('obj'), fc.array(tie('value'), { maxLength: 3 })),
      obj: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
    }));
    fc.assert(
      fc.property(cond.obj, fc.anything(), (c, item) => {
        conditionProblems(c);
        matches(item, c as Record<string, unknown>);
        expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO);
      }),
      { numRuns: 300 },
    );
  });
});

const PROTO = Object.getOwnPropertyNames(Object.prototype).sort();
