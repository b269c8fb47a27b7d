import { describe, expect, it } from 'vitest';
import { PyJsonError, plain, pyJsonLoads } from '../../../../src/content/console/aws/pyjson';
import { PyFloat } from '../../../../src/content/console/aws/python';

// What Python 3.11's json.loads (the CLI's reader of JSON arguments) answers, case by case.
describe('JSON as Python reads it', () => {
  it("reads JSON as json.loads does, and refuses it in Python's words", () => {
    const bad: [string, string][] = [
      ['{"a":', 'Expecting value: line 1 column 6 (char 5)'],
      ['{"a": 1,}', 'Expecting property name enclosed in double quotes: line 1 column 9 (char 8)'],
      ['[1,]', 'Expecting value: line 1 column 4 (char 3)'],
      ['{a: 1}', 'Expecting property name enclosed in double quotes: line 1 column 2 (char 1)'],
      ['"abc', 'Unterminated string starting at: line 1 column 1 (char 0)'],
      ['[1 2]', "Expecting ',' delimiter: line 1 column 4 (char 3)"],
      ['{"a" 1}', "Expecting ':' delimiter: line 1 column 6 (char 5)"],
      ['', 'Expecting value: line 1 column 1 (char 0)'],
      ['  ', 'Expecting value: line 1 column 3 (char 2)'],
      ['{"a": 1} x', 'Extra data: line 1 column 10 (char 9)'],
      ['"\\q"', 'Invalid \\escape: line 1 column 2 (char 1)'],
      ['"\\u12"', 'Invalid \\uXXXX escape: line 1 column 3 (char 2)'],
      ['"a\nb"', 'Invalid control character at: line 1 column 3 (char 2)'],
      ['tru', 'Expecting value: line 1 column 1 (char 0)'],
      ['-', 'Expecting value: line 1 column 1 (char 0)'],
      ['01', 'Extra data: line 1 column 2 (char 1)'],
      ['{\n  "a": [1,\n  ]\n}', 'Expecting value: line 3 column 3 (char 15)'],
    ];
    for (const [text, message] of bad) {
      expect(() => pyJsonLoads(text), JSON.stringify(text)).toThrow(PyJsonError);
      expect(() => pyJsonLoads(text), JSON.stringify(text)).toThrow(message);
    }
    expect(pyJsonLoads('{"a": 1.0, "b": 2, "c": [NaN, -Infinity], "__proto__": {"x": 1}}')).toEqual({ a: new PyFloat(1), b: 2, c: [new PyFloat(NaN), new PyFloat(-Infinity)], ['__proto__']: { x: 1 } });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('points at the line and column of an error past the first line', () => {
    const bad: [string, string][] = [
      ['{"a":1 "b":2}', "Expecting ',' delimiter: line 1 column 8 (char 7)"],
      ['[1,2', "Expecting ',' delimiter: line 1 column 5 (char 4)"],
      ['{"a"', "Expecting ':' delimiter: line 1 column 5 (char 4)"],
      ['{', 'Expecting property name enclosed in double quotes: line 1 column 2 (char 1)'],
      ['"\\', 'Unterminated string starting at: line 1 column 1 (char 0)'],
      ['nan', 'Expecting value: line 1 column 1 (char 0)'],
      ['{"a":1}\n\nx', 'Extra data: line 3 column 1 (char 9)'],
    ];
    for (const [text, message] of bad) expect(() => pyJsonLoads(text), JSON.stringify(text)).toThrow(message);
  });

  it('reads numbers with a fraction or an exponent as floats, the rest as ints', () => {
    expect(pyJsonLoads('[1e5, 1E5, -0, 2.50, 7]')).toEqual([new PyFloat(100000), new PyFloat(100000), -0, new PyFloat(2.5), 7]);
    expect(pyJsonLoads(' \n[true,false,null] ')).toEqual([true, false, null]);
  });

  it('joins surrogate pairs, keeps a lone surrogate, and lets the last of two equal keys win in the first place', () => {
    expect(pyJsonLoads('"\\ud83d\\ude00"')).toBe('😀');
    expect(pyJsonLoads('"\\ud83dx"')).toBe('\ud83dx');
    expect(pyJsonLoads('"\\u00e9\\t"')).toBe('é\t');
    const dup = pyJsonLoads('{"a":1,"b":2,"a":3}') as Record<string, unknown>;
    expect(Object.entries(dup)).toEqual([
      ['a', 3],
      ['b', 2],
    ]);
  });
});

describe('plain', () => {
  it("gives the engine plain numbers for Python's floats, deep inside, and keeps every key as the object's own", () => {
    const loaded = pyJsonLoads('{"cpu": 0.5, "list": [1.0, {"x": 2e0}], "__proto__": {"y": 1}}');
    const p = plain(loaded) as Record<string, unknown>;
    expect(p).toEqual({ cpu: 0.5, list: [1, { x: 2 }], ['__proto__']: { y: 1 } });
    expect(Object.hasOwn(p, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(p)).toBe(Object.prototype);
    expect(plain('text')).toBe('text');
  });
});
