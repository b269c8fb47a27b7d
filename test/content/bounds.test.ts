import { describe, expect, it } from 'vitest';
import { HORIZON_DAYS, HORIZON_MS, HORIZON_SECONDS, HORIZON_TEXT, parseTime, timeProblem } from '../../src/content/bounds';

describe('the horizon of simulated time', () => {
  it('is 400 days, named in days and seconds', () => {
    expect(HORIZON_DAYS).toBe(400);
    expect(HORIZON_MS).toBe(400 * 24 * 3_600_000);
    expect(HORIZON_SECONDS).toBe(34_560_000);
    expect(HORIZON_TEXT).toBe('400 days (34560000 s)');
  });
});

describe('timeProblem', () => {
  it('accepts a whole time from 0 to the horizon', () => {
    for (const ms of [0, 1000, HORIZON_MS]) expect(timeProblem(ms), String(ms)).toBeUndefined();
  });

  it('says why a time in milliseconds cannot be used', () => {
    expect(timeProblem(-1)).toBe('-1 is before the start of the run');
    expect(timeProblem(HORIZON_MS + 1)).toBe('34560000001 ms is beyond the horizon of simulated time, 400 days (34560000 s)');
    expect(timeProblem(NaN)).toBe('NaN is not a time in milliseconds');
    expect(timeProblem(Infinity)).toBe('Infinity is not a time in milliseconds');
    expect(timeProblem('5')).toBe("'5' is not a time in milliseconds");
    expect(timeProblem(null)).toBe('null is not a time in milliseconds');
    expect(timeProblem([])).toBe('a list is not a time in milliseconds');
  });
});

describe('parseTime', () => {
  it('reads seconds or a duration as milliseconds, up to the horizon', () => {
    expect(parseTime(90)).toEqual({ ms: 90_000 });
    expect(parseTime('90s')).toEqual({ ms: 90_000 });
    expect(parseTime('1h30m')).toEqual({ ms: 5_400_000 });
    expect(parseTime('3d')).toEqual({ ms: 259_200_000 });
    expect(parseTime('400d')).toEqual({ ms: HORIZON_MS });
  });

  it('says what is not a time, and what is beyond the horizon, quoting at most 40 characters of a text', () => {
    const notATime = (what: string) => ({ problem: `${what} is not a time: give seconds or a duration such as 90s, 5m, 2h or 3d` });
    expect(parseTime('soon')).toEqual(notATime("'soon'"));
    expect(parseTime(-5)).toEqual(notATime('-5'));
    expect(parseTime(null)).toEqual(notATime('null'));
    expect(parseTime(true)).toEqual(notATime('a boolean'));
    expect(parseTime('x'.repeat(50))).toEqual(notATime(`'${'x'.repeat(40)}…'`));
    expect(parseTime('401d')).toEqual({ problem: "'401d' is beyond the horizon of simulated time, 400 days (34560000 s)" });
    expect(parseTime(1e300)).toEqual({ problem: '1e+300 is beyond the horizon of simulated time, 400 days (34560000 s)' });
  });

  it('names an object as "an object", and undefined as itself', () => {
    expect(parseTime({})).toEqual({ problem: 'an object is not a time: give seconds or a duration such as 90s, 5m, 2h or 3d' });
    expect(timeProblem({ ms: 5 })).toBe('an object is not a time in milliseconds');
    expect(timeProblem(undefined)).toBe('undefined is not a time in milliseconds');
    expect(timeProblem(5n)).toBe('a bigint is not a time in milliseconds');
  });
});
