import { describe, expect, it } from 'vitest';
import { patternProblem, patternTest } from '../../src/content/pattern';

const refused = (source: string, why: string) => `'${source}' is not a regular expression this sandbox runs (RE2 syntax, no backreferences or lookaround): ${why}`;

describe('patternProblem', () => {
  it('accepts RE2 syntax: anchors, classes, flags, named groups', () => {
    for (const p of ['^ok$', '\\d{19}$', '(?i)abc', '(?P<n>a)', '(?<n>a)', 'a|b', '[^/]+']) expect(patternProblem(p), p).toBeUndefined();
  });

  it('refuses backreferences, lookaround and broken syntax, saying RE2’s reason without its prefix', () => {
    expect(patternProblem('(a)\\1')).toBe(refused('(a)\\1', 'invalid escape sequence: `\\1`'));
    expect(patternProblem('(?=x)a')).toBe(refused('(?=x)a', 'invalid or unsupported Perl syntax: `(?=`'));
    expect(patternProblem('([')).toBe(refused('([', 'missing closing ]: `[`'));
    expect(patternProblem('a{1001}')).toBe(refused('a{1001}', 'invalid repeat count: `{1001}`'));
  });

  it('says the same the second time (a refused pattern is remembered as refused)', () => {
    expect(patternProblem('(?=y)')).toBe(patternProblem('(?=y)'));
    expect(patternTest('(?=y)', 'y')).toBe(false);
  });
});

describe('patternTest', () => {
  it('matches somewhere in the text, as RegExp.prototype.test does', () => {
    expect(patternTest('b', 'abc')).toBe(true);
    expect(patternTest('^b', 'abc')).toBe(false);
    expect(patternTest('c$', 'abc')).toBe(true);
    expect(patternTest('', '')).toBe(true);
    expect(patternTest('(?i)ABC', 'xabc')).toBe(true);
    expect(patternTest('^.$', '😀')).toBe(true);
    expect(patternTest('^\\(service web\\) has started 2 tasks', '(service web) has started 2 tasks: (task 1)')).toBe(true);
  });

  it('a pattern it cannot run matches nothing, not even its own text', () => {
    expect(patternTest('([', '([')).toBe(false);
    expect(patternTest('(a)\\1', 'aa')).toBe(false);
  });

  it('answers the same for a pattern after many others were compiled (its cache forgets the oldest)', () => {
    expect(patternTest('^first-\\d+$', 'first-1')).toBe(true);
    for (let i = 0; i < 600; i++) patternTest(`^p${i}$`, 'x');
    expect(patternTest('^first-\\d+$', 'first-1')).toBe(true);
    expect(patternTest('^first-\\d+$', 'first-x')).toBe(false);
    expect(patternTest('^p599$', 'p599')).toBe(true);
  });
});
