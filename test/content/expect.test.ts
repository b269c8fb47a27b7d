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

describe('each matcher', () => {
  const item = { name: 'web-1', n: 5, s: '10', tags: ['a', 'b'], list: [{ k: 1 }, { k: 2 }, { k: 2 }], o: { a: 1, b: [1] }, z: null };
  const cases: [Record<string, unknown>, boolean][] = [
    // A value is compared whole; an object without operators is a condition on that member's members.
    [{ o: { equals: { a: 1, b: [1] } } }, true],
    [{ o: { equals: { a: 1 } } }, false],
    [{ o: { a: 1 } }, true],
    [{ n: { notEquals: 4 } }, true],
    [{ n: { in: [4, 5] } }, true],
    [{ n: { notIn: [4, 5] } }, false],
    [{ n: { in: 5 } }, false],
    [{ n: { notIn: 4 } }, false],
    [{ name: { startsWith: 'web' } }, true],
    [{ name: { endsWith: 1 } }, true],
    [{ n: { startsWith: '5' } }, false],
    [{ name: { contains: 'b-' } }, true],
    [{ tags: { contains: 'b' } }, true],
    [{ list: { contains: { k: 2 } } }, true],
    [{ name: { exists: true } }, true],
    [{ z: { exists: false } }, true],
    [{ nope: { exists: false } }, true],
    // Numbers and numeric text compare as numbers; a missing or null member, or an object, is not a number.
    [{ s: { gt: 9 } }, true],
    [{ n: { gte: 5 } }, true],
    [{ n: { lt: 5 } }, false],
    [{ n: { lte: '5' } }, true],
    [{ nope: { gt: -1 } }, false],
    [{ z: { gt: -1 } }, false],
    [{ o: { lt: 100 } }, false],
    [{ n: { gt: 1, lt: 10 } }, true],
    [{ n: { gt: 1, lt: 3 } }, false],
    [{ list: { some: { k: 2 } } }, true],
    [{ list: { every: { k: { gte: 1 } } } }, true],
    [{ list: { none: { k: 3 } } }, true],
    [{ nope: { every: { k: 1 } } }, false],
    [{ tags: { length: 2 } }, true],
    [{ tags: { length: { gt: 2 } } }, false],
    [{ name: { length: 5 } }, false],
    [{ 'name.length': 5 }, true],
    [{ list: { countOf: { where: { k: 2 }, equals: 2 } } }, true],
    [{ list: { countOf: { where: { k: 2 }, atLeast: 3 } } }, false],
    [{ list: { countOf: { atMost: 3 } } }, true],
    [{ all: [{ n: 5 }, { name: 'web-1' }] }, true],
    [{ all: [{ n: 5 }, { name: 'web-2' }] }, false],
    [{ any: [{ n: 4 }, { name: 'web-1' }] }, true],
    [{ any: [] }, false],
    [{ not: { n: 5 } }, false],
    [{ 'list[1].k': 2 }, true],
    [{ name: { matches: '^web-\\d$' } }, true],
    // An object with an operator among other members is a condition, whose "gt" member the item does not have.
    [{ o: { a: 1, gt: 0 } }, false],
  ];
  for (const [cond, want] of cases) {
    it(`${JSON.stringify(cond)} is ${want}`, () => {
      expect(matches(item, cond)).toBe(want);
    });
  }

  it('no condition matches everything; a condition that is not an object matches nothing', () => {
    expect(matches(item, undefined)).toBe(true);
    expect(matches(item, {})).toBe(true);
    expect(matches(item, 5 as never)).toBe(false);
  });
});

describe('conditionProblems', () => {
  it('names each argument of the wrong type at its path, and a pattern RE2 refuses', () => {
    const cond = { a: { in: 3 }, b: { startsWith: {} }, c: { matches: 5 }, d: { matches: '(?=x)' }, e: { exists: 1 }, f: { gt: 'x' }, g: { gt: '' }, h: { some: { x: { lt: [] } } } };
    expect(conditionProblems(cond)).toEqual([
      { path: ['a', 'in'], message: 'in takes a list of values, not number 3' },
      { path: ['b', 'startsWith'], message: 'startsWith takes a string, not an object' },
      { path: ['c', 'matches'], message: 'matches takes a regular expression as a string, not number 5' },
      { path: ['d', 'matches'], message: "'(?=x)' is not a regular expression this sandbox runs (RE2 syntax, no backreferences or lookaround): invalid or unsupported Perl syntax: `(?=`" },
      { path: ['e', 'exists'], message: 'exists takes true or false, not number 1' },
      { path: ['f', 'gt'], message: 'gt takes a number, not string "x"' },
      { path: ['g', 'gt'], message: 'gt takes a number, not string ""' },
      { path: ['h', 'some', 'x', 'lt'], message: 'lt takes a number, not a list' },
    ]);
  });

  it('checks countOf, all, any and not', () => {
    expect(conditionProblems({ i: { countOf: { where: 3, equals: -1, atMost: 1.5, foo: 1 } }, j: { countOf: 2 }, all: {}, any: [3], not: 'x' })).toEqual([
      { path: ['i', 'countOf', 'where'], message: 'a condition is an object of field paths, not number 3' },
      { path: ['i', 'countOf', 'equals'], message: 'equals takes a whole number, not number -1' },
      { path: ['i', 'countOf', 'atMost'], message: 'atMost takes a whole number, not number 1.5' },
      { path: ['i', 'countOf', 'foo'], message: "unknown member 'foo' (countOf has where, equals, atLeast, atMost)" },
      { path: ['j', 'countOf'], message: 'countOf takes { where: <condition>, equals | atLeast | atMost: n }, not number 2' },
      { path: ['all'], message: 'all takes a list of conditions, not an object' },
      { path: ['any', 0], message: 'a condition is an object of field paths, not number 3' },
      { path: ['not'], message: 'a condition is an object of field paths, not string "x"' },
    ]);
  });

  it('finds nothing wrong in a well-formed condition, and says when the condition is not an object', () => {
    expect(conditionProblems({ a: 1, b: { equals: {} }, c: { gte: '5' }, d: { length: { gt: 1 } }, e: { countOf: { where: { x: 1 }, atLeast: 0 } } })).toEqual([]);
    expect(conditionProblems('x')).toEqual([{ path: [], message: 'a condition is an object of field paths, not string "x"' }]);
  });
});

const PROTO = Object.getOwnPropertyNames(Object.prototype).sort();
