import { describe, expect, it } from 'vitest';
import { floatRepr, pyFloat, pyInt, reprStr } from '../../../../src/content/console/aws/python';

// What Python 3.11 (the CLI's interpreter) answers, case by case.
describe('the Python the CLI shows its users', () => {
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
