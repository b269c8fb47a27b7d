import { MINUTE, HOUR } from './time';

/**
 * Schedule expressions of Application Auto Scaling and EventBridge: `at(yyyy-mm-ddThh:mm:ss)`,
 * `rate(N minute|minutes|hour|hours|day|days)` and six-field `cron(min hour dom month dow year)`.
 * Civil dates are computed with integer arithmetic (no Date objects), all in UTC.
 */

export type Schedule = { kind: 'at'; epochSeconds: number } | { kind: 'rate'; everyMs: number } | { kind: 'cron'; fields: Set<number>[]; dom: boolean; dow: boolean };

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const RANGES: [number, number][] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [1, 7],
  [1970, 2199],
];

/** Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(z: number): { y: number; m: number; d: number } {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

function field(text: string, i: number): Set<number> {
  const [lo, hi] = RANGES[i]!;
  const out = new Set<number>();
  const value = (v: string) => {
    const u = v.toUpperCase();
    if (i === 3 && MONTHS.includes(u)) return MONTHS.indexOf(u) + 1;
    if (i === 4 && DAYS.includes(u)) return DAYS.indexOf(u) + 1;
    if (!/^\d+$/.test(v)) throw new Error(`'${v}' is not a valid value`);
    const n = Number(v);
    if (n < lo || n > hi) throw new Error(`${n} is out of range ${lo}-${hi}`);
    return n;
  };
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`'${part}' has an invalid step`);
    let a = lo;
    let b = hi;
    if (range !== '*' && range !== '?') {
      const [x, y] = range!.split('-');
      a = value(x!);
      b = y === undefined ? (stepText === undefined ? a : hi) : value(y);
    }
    for (let n = a; n <= b; n += step) out.add(n);
  }
  return out;
}

/** Parses a schedule expression; throws an Error whose message says what is wrong. */
export function parseSchedule(expr: string): Schedule {
  const s = expr.trim();
  let m = /^at\((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\)$/.exec(s);
  if (m) {
    const [y, mo, d, h, mi, se] = m.slice(1).map(Number) as [number, number, number, number, number, number];
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 59) throw new Error(`'${s}' is not a valid date and time`);
    return { kind: 'at', epochSeconds: daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se };
  }
  m = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(s);
  if (m) {
    const n = Number(m[1]);
    const unit = m[2]!;
    if (n < 1) throw new Error('the rate must be at least 1');
    if ((n === 1) !== !unit.endsWith('s')) throw new Error(`use '${n} ${n === 1 ? unit.replace(/s$/, '') : unit.endsWith('s') ? unit : `${unit}s`}'`);
    const ms = unit.startsWith('minute') ? MINUTE : unit.startsWith('hour') ? HOUR : 24 * HOUR;
    return { kind: 'rate', everyMs: n * ms };
  }
  m = /^cron\((.+)\)$/.exec(s);
  if (m) {
    const parts = m[1]!.trim().split(/\s+/);
    if (parts.length !== 6) throw new Error('a cron expression has six fields: minutes hours day-of-month month day-of-week year');
    if ((parts[2] === '?') === (parts[4] === '?')) throw new Error("one of day-of-month and day-of-week must be '?'");
    return { kind: 'cron', fields: parts.map((p, i) => field(p, i)), dom: parts[2] !== '?', dow: parts[4] !== '?' };
  }
  throw new Error(`'${s}' is not an at(...), rate(...) or cron(...) expression`);
}

/**
 * The first firing strictly after `afterMs` (simulated ms), with simulated time 0 at `epochSeconds`.
 * `startMs` anchors rate expressions. Undefined when the schedule never fires again (within 5 years).
 */
export function nextFiring(s: Schedule, afterMs: number, startMs: number, epochSeconds: number): number | undefined {
  if (s.kind === 'at') {
    const t = (s.epochSeconds - epochSeconds) * 1000;
    return t > afterMs ? t : undefined;
  }
  if (s.kind === 'rate') {
    const k = Math.floor((afterMs - startMs) / s.everyMs) + 1;
    return startMs + Math.max(1, k) * s.everyMs;
  }
  const [mins, hours, doms, months, dows, years] = s.fields as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  const epochMin = epochSeconds / 60;
  let t = Math.floor(afterMs / MINUTE) + 1 + epochMin; // absolute minutes
  const limit = t + 5 * 366 * 1440;
  while (t < limit) {
    const day = Math.floor(t / 1440);
    const { y, m, d } = civilFromDays(day);
    const dow = (((day % 7) + 7 + 4) % 7) + 1; // 1970-01-01 was a Thursday; SUN = 1
    if (!years.has(y) || !months.has(m) || (s.dom && !doms.has(d)) || (s.dow && !dows.has(dow))) {
      t = (day + 1) * 1440;
      continue;
    }
    const minuteOfDay = t - day * 1440;
    const h = Math.floor(minuteOfDay / 60);
    if (!hours.has(h)) {
      t = day * 1440 + (h + 1) * 60;
      continue;
    }
    if (mins.has(minuteOfDay % 60)) return (t - epochMin) * MINUTE;
    t++;
  }
  return undefined;
}
