import { describe, expect, it } from 'vitest';
import { flagValue } from '../../../src/content/console/shell';

describe("a flag's value", () => {
  it('is the word after the first of its names', () => {
    expect(flagValue(['build', '-t', 'forum:1', '.'], ['-t', '--tag'])).toBe('forum:1');
    expect(flagValue(['build', '--tag', 'a', '-t', 'b'], ['-t', '--tag'])).toBe('a');
  });

  it('is undefined when the flag is not there or is the last word', () => {
    expect(flagValue(['build', '.'], ['-t'])).toBeUndefined();
    expect(flagValue(['build', '-t'], ['-t'])).toBeUndefined();
    expect(flagValue([], ['-t'])).toBeUndefined();
  });
});
