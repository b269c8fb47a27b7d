import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { civilFromDays, daysFromCivil, nextFiring, parseSchedule } from '../../../src/sim/core/schedule';

const EPOCH = 1735689600; // 2025-01-01T00:00:00Z, simulated time 0
const at = (iso: string) => (Date.parse(iso) / 1000 - EPOCH) * 1000;

describe('schedule expressions', () => {
  it('civil dates round-trip and match the platform calendar', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100000, max: 100000 }), (z) => {
        const { y, m, d } = civilFromDays(z);
        expect(daysFromCivil(y, m, d)).toBe(z);
        expect(Date.UTC(y, m - 1, d) / 86400000).toBe(z);
      }),
    );
  });
  it('at() fires once', () => {
    const s = parseSchedule('at(2025-01-01T00:10:00)');
    expect(nextFiring(s, 0, 0, EPOCH)).toBe(600_000);
    expect(nextFiring(s, 600_000, 0, EPOCH)).toBeUndefined();
  });
  it('rate() fires every period from its start', () => {
    const s = parseSchedule('rate(5 minutes)');
    expect(nextFiring(s, 60_000, 60_000, EPOCH)).toBe(360_000);
    expect(nextFiring(s, 360_000, 60_000, EPOCH)).toBe(660_000);
    expect(() => parseSchedule('rate(1 minutes)')).toThrow(/1 minute/);
  });
  it('cron() follows AWS six-field expressions', () => {
    expect(nextFiring(parseSchedule('cron(0 12 * * ? *)'), 0, 0, EPOCH)).toBe(at('2025-01-01T12:00:00Z'));
    // 2025-01-01 is a Wednesday; the next Monday is the 6th.
    expect(nextFiring(parseSchedule('cron(30 9 ? * MON *)'), 0, 0, EPOCH)).toBe(at('2025-01-06T09:30:00Z'));
    expect(nextFiring(parseSchedule('cron(0/15 * * * ? *)'), at('2025-01-01T00:20:00Z'), 0, EPOCH)).toBe(at('2025-01-01T00:30:00Z'));
    expect(nextFiring(parseSchedule('cron(0 0 1 JAN,JUL ? 2025)'), 1, 0, EPOCH)).toBe(at('2025-07-01T00:00:00Z'));
    expect(nextFiring(parseSchedule('cron(0 0 1 1 ? 2025)'), 1, 0, EPOCH)).toBeUndefined();
    expect(() => parseSchedule('cron(0 12 * * * *)')).toThrow(/'\?'/);
    expect(() => parseSchedule('cron(61 12 * * ? *)')).toThrow(/out of range/);
    expect(() => parseSchedule('every day')).toThrow(/not an at/);
  });
});
