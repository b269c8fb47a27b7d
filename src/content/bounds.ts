import { parseDuration } from '../sim';

/**
 * The horizon of simulated time: nothing runs the clock past 400 days. A scenario's `until` and `at`, the
 * runner's --until, a lesson's `until`, the console's `sleep`, a share link's and a saved workspace's time are
 * all refused beyond it, so no input can ask the page or the runner for years of simulated minutes.
 */
export const HORIZON_DAYS = 400;
export const HORIZON_MS = HORIZON_DAYS * 24 * 3_600_000;
export const HORIZON_SECONDS = HORIZON_MS / 1000;
/** How messages name the bound. */
export const HORIZON_TEXT = `${HORIZON_DAYS} days (${HORIZON_SECONDS} s)`;

/** Why a time in milliseconds cannot be used, or undefined when it is a whole number within the horizon. */
export function timeProblem(ms: unknown): string | undefined {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return `${describe(ms)} is not a time in milliseconds`;
  if (ms < 0) return `${ms} is before the start of the run`;
  if (ms > HORIZON_MS) return `${ms} ms is beyond the horizon of simulated time, ${HORIZON_TEXT}`;
  return undefined;
}

/**
 * Reads a time as scenarios and lessons write it (seconds as a number, or "90s", "5m", "1h30m", "3d") and keeps it
 * within the horizon: the milliseconds, or a message that names the bound.
 */
export function parseTime(v: unknown): { ms: number; problem?: undefined } | { ms?: undefined; problem: string } {
  const ms = parseDuration(v);
  if (ms === undefined) return { problem: `${describe(v)} is not a time: give seconds or a duration such as 90s, 5m, 2h or 3d` };
  if (!Number.isFinite(ms) || ms > HORIZON_MS) return { problem: `${describe(v)} is beyond the horizon of simulated time, ${HORIZON_TEXT}` };
  return { ms };
}

/** A value as a message names it: a string quoted (and cut), a number as written, else what kind of value it is. */
export function describe(v: unknown): string {
  if (typeof v === 'string') return `'${v.length > 40 ? `${v.slice(0, 40)}…` : v}'`;
  if (typeof v === 'number') return String(v);
  if (v === null || v === undefined) return String(v);
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}
