import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { civilFromDays, daysFromCivil, nextFiring, parseSchedule } from '../../../src/sim/core/schedule';
import { MINUTE } from '../../../src/sim/core/time';

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

  it('at() reads a civil date and time in UTC and refuses impossible parts', () => {
    expect(parseSchedule(' at(2025-03-01T12:30:15) ')).toEqual({ kind: 'at', epochSeconds: Date.parse('2025-03-01T12:30:15Z') / 1000 });
    for (const bad of ['at(2025-13-01T00:00:00)', 'at(2025-01-32T00:00:00)', 'at(2025-01-01T24:00:00)', 'at(2025-01-01T00:60:00)', 'at(2025-01-01T00:00:60)']) {
      expect(() => parseSchedule(bad), bad).toThrow(`'${bad}' is not a valid date and time`);
    }
    // An at() before simulated time 0 fires only for a time asked before it.
    expect(nextFiring(parseSchedule('at(2024-12-31T23:00:00)'), -1e12, 0, EPOCH)).toBe(-3_600_000);
    expect(nextFiring(parseSchedule('at(2024-12-31T23:00:00)'), 0, 0, EPOCH)).toBeUndefined();
  });

  it('rate() takes minutes, hours and days with the singular for 1, and fires at the first period after its start even when asked before it', () => {
    expect(parseSchedule('rate(1 minute)')).toEqual({ kind: 'rate', everyMs: 60_000 });
    expect(parseSchedule('rate(2 hours)')).toEqual({ kind: 'rate', everyMs: 7_200_000 });
    expect(parseSchedule('rate(1 day)')).toEqual({ kind: 'rate', everyMs: 86_400_000 });
    expect(() => parseSchedule('rate(2 hour)')).toThrow("use '2 hours'");
    expect(() => parseSchedule('rate(0 minutes)')).toThrow('the rate must be at least 1');
    expect(() => parseSchedule('rate(5 weeks)')).toThrow(/not an at/);
    const s = parseSchedule('rate(10 minutes)');
    expect(nextFiring(s, 0, 120_000, EPOCH)).toBe(720_000);
    expect(nextFiring(s, 719_999, 120_000, EPOCH)).toBe(720_000);
    expect(nextFiring(s, 720_000, 120_000, EPOCH)).toBe(1_320_000);
  });

  it('cron() reads lists, ranges, steps and names of months and days in any case', () => {
    const c = parseSchedule('cron(0,30 8-10 ? jan-mar mon-fri *)');
    if (c.kind !== 'cron') throw new Error('not a cron');
    expect(c.fields.slice(0, 5).map((f) => [...f])).toEqual([[0, 30], [8, 9, 10], Array.from({ length: 31 }, (_, i) => i + 1), [1, 2, 3], [2, 3, 4, 5, 6]]);
    expect(c.fields[5]!.size).toBe(2199 - 1970 + 1);
    expect([c.dom, c.dow]).toEqual([false, true]);
    const step = parseSchedule('cron(5/20 * * * ? *)');
    if (step.kind !== 'cron') throw new Error('not a cron');
    expect([...step.fields[0]!]).toEqual([5, 25, 45]);
    expect(() => parseSchedule('cron(0 12 * *)')).toThrow('a cron expression has six fields');
    expect(() => parseSchedule('cron(0 12 ? * ? *)')).toThrow("one of day-of-month and day-of-week must be '?'");
    expect(() => parseSchedule('cron(0 12 * FOO ? *)')).toThrow("'FOO' is not a valid value");
    expect(() => parseSchedule('cron(0/0 12 * * ? *)')).toThrow("'0/0' has an invalid step");
  });

  it('cron() fires on the last day of a month only in months that have it, and on leap days only in leap years', () => {
    expect(nextFiring(parseSchedule('cron(0 0 31 * ? *)'), 0, 0, EPOCH)).toBe(at('2025-01-31T00:00:00Z'));
    expect(nextFiring(parseSchedule('cron(0 0 31 * ? *)'), at('2025-01-31T00:00:00Z'), 0, EPOCH)).toBe(at('2025-03-31T00:00:00Z'));
    expect(nextFiring(parseSchedule('cron(0 0 29 2 ? *)'), 0, 0, EPOCH)).toBe(at('2028-02-29T00:00:00Z'));
    expect(nextFiring(parseSchedule('cron(0 0 ? * SUN *)'), 0, 0, EPOCH)).toBe(at('2025-01-05T00:00:00Z'));
    expect(nextFiring(parseSchedule('cron(0 0 ? * 7 *)'), 0, 0, EPOCH)).toBe(at('2025-01-04T00:00:00Z'));
  });

  it('cron() fires at the first minute strictly after the time asked, that its fields all allow, as a walk minute by minute finds it (property)', () => {
    const fields = fc.tuple(
      fc.constantFrom('*', '0', '15', '0/20', '5-7'),
      fc.constantFrom('*', '3', '22', '1-2', '0/6'),
      fc.constantFrom('?', '*', '1', '15', '28-31'),
      fc.constantFrom('*', '2', 'JAN,JUN'),
      fc.constantFrom('MON', 'SAT,SUN', '1-3'),
    );
    fc.assert(
      fc.property(fields, fc.integer({ min: 0, max: 40 * 24 * 60 }), ([mi, h, dom, mo, dowText], startMin) => {
        const dow = dom === '?' ? dowText : '?';
        const expr = `cron(${mi} ${h} ${dom} ${mo} ${dow} *)`;
        const s = parseSchedule(expr);
        const after = startMin * MINUTE + 30_000;
        const got = nextFiring(s, after, 0, EPOCH);
        // Brute force over the platform calendar, minute by minute for up to 400 days (a day whose date the fields refuse is passed over whole).
        const inField = (text: string, v: number, names: string[] = [], hi = 59) =>
          text.split(',').some((part) => {
            if (part === '*' || part === '?') return true;
            const [range, step] = part.split('/');
            const val = (x: string) => (names.includes(x) ? names.indexOf(x) + 1 : Number(x));
            const [a, b] = range!.split('-');
            const from = val(a!);
            const to = b !== undefined ? val(b) : step !== undefined ? hi : from;
            return v >= from && v <= to && (v - from) % Number(step ?? 1) === 0;
          });
        const months = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
        const days = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
        const dayOk = (day: number) => {
          const d = new Date((EPOCH + day * 86400) * 1000);
          return (dom === '?' || inField(dom, d.getUTCDate(), [], 31)) && inField(mo, d.getUTCMonth() + 1, months, 12) && (dow === '?' || inField(dow, d.getUTCDay() + 1, days, 7));
        };
        let want: number | undefined;
        for (let m = Math.floor(after / MINUTE) + 1; m < startMin + 400 * 1440;) {
          const day = Math.floor(m / 1440);
          if (!dayOk(day)) {
            m = (day + 1) * 1440;
            continue;
          }
          const minuteOfDay = m - day * 1440;
          if (inField(h, Math.floor(minuteOfDay / 60), [], 23) && inField(mi, minuteOfDay % 60)) {
            want = m * MINUTE;
            break;
          }
          m++;
        }
        expect(got, expr).toBe(want);
      }),
      { numRuns: 200 },
    );
  });
});
