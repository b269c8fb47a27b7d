import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../../src/sim/core/time';

describe('durations', () => {
  it('reads seconds and unit strings', () => {
    expect(parseDuration(90)).toBe(90000);
    expect(parseDuration('1h30m')).toBe(5400000);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('soon')).toBeUndefined();
  });
});
