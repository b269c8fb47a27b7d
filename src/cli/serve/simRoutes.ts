import { Sim, parseDuration } from '../../sim';
import { reportOf } from '../../content/runner';
import type { ServedAccount } from './account';

/**
 * The served account's private surface, on /_sim/:
 * - POST /_sim/call {operation, input, region?}: any engine operation (`sim.LaunchInstances`, `ecs.RunTask`, …),
 *   answered `{output}` or `{error: {code, message}}`;
 * - POST /_sim/advance {by} or {to}: seconds or a duration ("90s", "5m"); answers `{clock}` in seconds;
 * - GET /_sim/state: the runner's report of the scenario's region as it is now;
 * - GET /_sim/events?since=N: the events from index N on, and `next`, the index to ask from next time;
 * - GET /_sim/operations: every operation /_sim/call accepts.
 */
export function simRoute(account: ServedAccount, method: string, url: URL, text: string): { status: number; body: unknown } {
  const fail = (status: number, code: string, message: string) => ({ status, body: { error: { code, message } } });
  const route = `${method} ${url.pathname}`;
  if (route === 'GET /_sim/state') return { status: 200, body: reportOf(account.main, account.name, account.seed, account.calls, []) };
  if (route === 'GET /_sim/operations') return { status: 200, body: { operations: Sim.operations() } };
  if (route === 'GET /_sim/events') {
    const since = Number(url.searchParams.get('since') ?? 0);
    if (!Number.isInteger(since) || since < 0) return fail(400, 'InvalidParameterException', `since must be a whole number of events, not '${url.searchParams.get('since')}'.`);
    const events = account.main.events;
    return { status: 200, body: { events: events.slice(since), next: events.length } };
  }
  if (route !== 'POST /_sim/call' && route !== 'POST /_sim/advance') return fail(404, 'NotFound', `No ${route}: the simulator answers POST /_sim/call, POST /_sim/advance, GET /_sim/state, GET /_sim/events?since=N, GET /_sim/operations.`);
  let body: unknown;
  try {
    body = text.trim() === '' ? {} : JSON.parse(text);
  } catch (e) {
    return fail(400, 'SerializationException', `The body is not JSON: ${(e as Error).message}`);
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return fail(400, 'SerializationException', 'The body must be a JSON object.');
  const b = body as Record<string, unknown>;
  if (route === 'POST /_sim/call') {
    if (typeof b.operation !== 'string') return fail(400, 'InvalidParameterException', 'Give the operation, as in {"operation": "sim.LaunchInstances", "input": {...}}.');
    if (b.region !== undefined && typeof b.region !== 'string') return fail(400, 'InvalidParameterException', 'region must be a string.');
    const r = account.call(b.operation, b.input ?? {}, b.region as string | undefined);
    return { status: r.error ? 400 : 200, body: r };
  }
  const by = b.by === undefined ? undefined : parseDuration(b.by);
  const to = b.to === undefined ? undefined : parseDuration(b.to);
  if ((by === undefined) === (to === undefined)) return fail(400, 'InvalidParameterException', 'Give one of by or to: seconds, or a duration such as "90s" or "5m".');
  account.advanceTo(by !== undefined ? account.now + by : to!);
  return { status: 200, body: { clock: account.now / 1000 } };
}
