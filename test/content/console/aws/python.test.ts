import { describe, expect, it } from 'vitest';
import { PyJsonError, pyJsonLoads } from '../../../../src/content/console/aws/pyjson';
import { PyFloat, floatRepr, pyFloat, pyInt, reprStr } from '../../../../src/content/console/aws/python';

// What Python 3.11 (the CLI's interpreter) answers, case by case.
describe('the Python the CLI shows its users', () => {
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

  it('reads numbers as int() and float() do, and names what they refuse as Python does', () => {
    expect(['two', '1.5', '', '0x10'].map(pyInt)).toEqual([undefined, undefined, undefined, undefined]);
    expect([' 12 ', '1_000', '+5', '-0', '１２'].map(pyInt)).toEqual([12, 1000, 5, -0, 12]);
    expect(pyInt('100000000000000000000000')).toBe(1e23);
    expect(['abc', '.', 'e5'].map(pyFloat)).toEqual([undefined, undefined, undefined]);
    expect(['1e5', ' .5 ', 'inf', '-Infinity', '1_0.5', '1.'].map(pyFloat)).toEqual([100000, 0.5, Infinity, -Infinity, 10.5, 1]);
    expect(pyFloat('nan')).toBeNaN();
  });

  it('prints floats as repr() does', () => {
    const cases: [number, string][] = [
      [0, '0.0'],
      [50, '50.0'],
      [1e-5, '1e-05'],
      [1e16, '1e+16'],
      [1.5e16, '1.5e+16'],
      [123456789.123, '123456789.123'],
      [0.1, '0.1'],
      [1e-4, '0.0001'],
      [12345678901234567, '1.2345678901234568e+16'],
      [-2.5, '-2.5'],
      [1e22, '1e+22'],
      [3.14159, '3.14159'],
      [100, '100.0'],
    ];
    for (const [x, text] of cases) expect(floatRepr(x), text).toBe(text);
  });

  it('quotes strings as repr() does', () => {
    expect([`it's`, 'say "hi"', `both ' and "`, 'tab\there', '\u0001'].map(reprStr)).toEqual([`"it's"`, `'say "hi"'`, `'both \\' and "'`, "'tab\\there'", "'\\x01'"]);
  });
});
