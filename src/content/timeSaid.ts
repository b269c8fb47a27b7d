import { parseDuration } from '../sim';
import { describe, HORIZON_DAYS, HORIZON_SECONDS, parseTime } from './bounds';
import { say } from '../formats/diagnostics';
import type { Said } from '../formats/problem';

/**
 * parseTime for the parsers that load on demand (scenarios, lessons): the same milliseconds, and a problem
 * said with its form. The English is parseTime's (./bounds.ts is first-load code, so it keeps its own
 * words); the templates in src/i18n/diagnostics say the same, and a test holds them together.
 */
export function readTime(v: unknown): { ms: number; problem?: undefined } | { ms?: undefined; problem: Said } {
  const r = parseTime(v);
  if (r.problem === undefined) return { ms: r.ms };
  const value = Array.isArray(v)
    ? say('problem.time.list')
    : v !== null && typeof v === 'object'
      ? say('problem.time.object')
      : typeof v === 'boolean' || typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint'
        ? say('problem.time.kind', { type: typeof v })
        : describe(v);
  const said = parseDuration(v) === undefined ? say('problem.time.notTime', { value }) : say('problem.time.beyond', { value, horizon: say('problem.time.horizon', { days: HORIZON_DAYS, seconds: HORIZON_SECONDS }) });
  // The English is parseTime's, as the runner prints it.
  return { problem: { message: r.problem, form: said.form } };
}
