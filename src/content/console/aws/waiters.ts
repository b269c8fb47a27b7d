import type { CallRecord } from '../../calls';
import type { CommandResult, Json, RunContext } from '../types';
import { caller, type Globals, type Target } from './call';
import { generalError, paramError } from './errors';
import type { Acceptor, WaiterModel } from './model';
import { plain } from './pyjson';
import { runtimeMessage, search } from './query';

/**
 * `aws <service> wait <waiter>`: botocore's waiters from the model's definitions. Each poll is a request to the
 * world; between polls the waiter asks for the definition's delay of simulated time to pass (its result's
 * `then`), never running the clock itself. It stops with nothing printed on success, and with exit 255 and
 * botocore's message on a failure state, an unexpected error or after the definition's attempts.
 */

/** What a waiter keeps between polls (JSON, snapshotted with the timeline). */
export interface WaitState {
  service: string;
  operation: string;
  waiter: string;
  params: Record<string, Json>;
  region: string;
  attempt: number;
  delay: number;
  max: number;
  /** whether an acceptor matched on an earlier poll, and the explanation botocore would give */
  previously?: string;
}

type Response = { output: Record<string, unknown> } | { error: { code: string; message: string } };

function explanation(a: Acceptor): string {
  const expected = typeof a.expected === 'string' ? a.expected : JSON.stringify(a.expected);
  switch (a.matcher) {
    case 'path':
      return `For expression "${a.argument ?? ''}" we matched expected path: "${expected}"`;
    case 'pathAll':
      return `For expression "${a.argument ?? ''}" all members matched excepted path: "${expected}"`;
    case 'pathAny':
      return `For expression "${a.argument ?? ''}" we matched expected path: "${expected}" at least once`;
    case 'status':
      return `Matched expected HTTP status code: ${expected}`;
    case 'error':
      return `Matched expected service error code: ${expected}`;
    default:
      return `No explanation for unknown waiter type: "${String(a.matcher)}"`;
  }
}

const equal = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function matches(a: Acceptor, r: Response): boolean {
  if (a.matcher === 'error') return 'error' in r && r.error.code === a.expected;
  if (a.matcher === 'status') return ('error' in r ? 400 : 200) === a.expected;
  if ('error' in r) return false;
  const found = search(r.output, a.argument ?? '@');
  if (a.matcher === 'path') return equal(found, a.expected);
  if (!Array.isArray(found) || found.length === 0) return false;
  return a.matcher === 'pathAll' ? found.every((x) => equal(x, a.expected)) : found.some((x) => equal(x, a.expected));
}

/** One poll and what follows: done, failed, or the next poll after the delay. */
function poll(state: WaitState, t: Target, model: WaiterModel, ctx: RunContext): CommandResult {
  const calls: CallRecord[] = [];
  const g: Globals = { output: 'json', region: state.region, debug: false, notes: [] };
  const r = caller(t, g, ctx, calls, [])(state.params);
  const attempt = state.attempt + 1;
  const done = (x: CommandResult): CommandResult => ({ ...x, ...(calls.length ? { calls } : {}) });
  if ('error' in r && r.error.code === 'ParamValidationError') return done(paramError(r.error.message));
  let state2: 'waiting' | Acceptor['state'] = 'waiting';
  let last: Acceptor | undefined;
  let matched = state.previously;
  for (const a of model.acceptors ?? []) {
    last = a;
    let hit: boolean;
    try {
      hit = matches(a, r);
    } catch (e) {
      // An acceptor's expression that fails on the response stops the CLI as Python's exception does.
      return done(generalError(runtimeMessage(e)));
    }
    if (hit) {
      state2 = a.state;
      matched = explanation(a);
      break;
    }
  }
  if (state2 === 'waiting' && 'error' in r) return done(generalError(`Waiter ${state.waiter} failed: An error occurred (${r.error.code}): ${r.error.message}`));
  if (state2 === 'success') return done({ output: '', exitCode: 0 });
  if (state2 === 'failure') return done(generalError(`Waiter ${state.waiter} failed: Waiter encountered a terminal failure state: ${last ? explanation(last) : ''}`));
  if (attempt >= state.max) {
    // botocore names the last acceptor it looked at, which is the one that matched when one did.
    const reason = matched === undefined ? 'Max attempts exceeded' : `Max attempts exceeded. Previously accepted state: ${last ? explanation(last) : matched}`;
    return done(generalError(`Waiter ${state.waiter} failed: ${reason}`));
  }
  const next: WaitState = { ...state, attempt, ...(matched !== undefined ? { previously: matched } : {}) };
  return done({ output: '', exitCode: 0, then: { afterMs: state.delay * 1000, step: 'wait', state: next as unknown as Json } });
}

/** Starts waiting: the first poll now. `WaiterConfig` in the input sets the delay and attempts, as botocore allows. */
export function startWaiter(t: Target, waiter: string, model: WaiterModel, params: Record<string, unknown>, region: string, ctx: RunContext): CommandResult {
  const p = plain(params) as Record<string, Json>;
  const config = p.WaiterConfig && typeof p.WaiterConfig === 'object' && !Array.isArray(p.WaiterConfig) ? p.WaiterConfig : {};
  delete p.WaiterConfig;
  const delay = typeof config.Delay === 'number' && config.Delay >= 0 ? config.Delay : (model.delay ?? 15);
  const max = typeof config.MaxAttempts === 'number' && config.MaxAttempts >= 1 ? config.MaxAttempts : (model.max ?? 40);
  return poll({ service: t.service, operation: t.operation, waiter, params: p, region, attempt: 0, delay, max }, t, model, ctx);
}

/** A later poll of a waiter (its continuation's state). */
export function resumeWaiter(state: WaitState, t: Target, model: WaiterModel, ctx: RunContext): CommandResult {
  return poll(state, t, model, ctx);
}
