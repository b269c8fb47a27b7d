import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_EPOCH_SECONDS, formatClock, HOUR, MINUTE, parseDuration, SECOND } from '../../../src/sim/core/time';

describe('durations', () => {
  it('reads seconds and unit strings', () => {
    expect(parseDuration(90)).toBe(90000);
    expect(parseDuration('1h30m')).toBe(5400000);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('soon')).toBeUndefined();
  });

  it('reads a bare number (or numeric text) as seconds, with fractions rounded to the millisecond', () => {
    expect(parseDuration(1.2345)).toBe(1235);
    expect(parseDuration('  45 ')).toBe(45_000);
    expect(parseDuration('0.5')).toBe(500);
    expect(parseDuration(0)).toBe(0);
  });

  it('reads days and fractional units, and units in any order, summed', () => {
    expect(parseDuration('2d')).toBe(2 * 24 * HOUR);
    expect(parseDuration('1.5h')).toBe(90 * MINUTE);
    expect(parseDuration('30s1m')).toBe(90 * SECOND);
    expect(parseDuration('1m500ms')).toBe(60_500);
  });

  it('refuses what is not a duration: negatives, non-finite numbers, spaces between parts, unknown units, other types', () => {
    for (const v of [-1, NaN, Infinity, '', '5 m', '1h 30m', '5w', '-5s', 'm', null, undefined, true, {}, ['5s']]) {
      expect(parseDuration(v), JSON.stringify(v)).toBeUndefined();
    }
  });
});

describe('the clock as text', () => {
  it('says hours, minutes and seconds with the milliseconds as a fraction', () => {
    expect(formatClock(0)).toBe('0:00:00');
    expect(formatClock(3_723_500)).toBe('1:02:03.5');
    expect(formatClock(59_999)).toBe('0:00:59.999');
    expect(formatClock(10 * MINUTE)).toBe('0:10:00');
    expect(formatClock(26 * HOUR + 5 * SECOND)).toBe('26:00:05');
  });

  it('reads back through parseDuration for whole seconds (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 * 3600 }), (s) => {
        const [h, m, sec] = formatClock(s * 1000)
          .split(':')
          .map(Number) as [number, number, number];
        expect(parseDuration(`${h}h${m}m${sec}s`)).toBe(s * 1000);
      }),
    );
  });

  it('starts simulated time at 2025-01-01T00:00:00Z', () => {
    expect(new Date(DEFAULT_EPOCH_SECONDS * 1000).toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });
});
