import type { CallRecord } from '../../calls';
import type { CommandResult, RunContext } from '../types';
import { clientError, generalError, paramError } from './errors';
import { inputShape, outputShape, type ServiceModel } from './model';
import { paginate, type PageCall } from './paginate';
import { plain } from './pyjson';
import { printResponse, type OutputFormat } from './print';
import type { Query } from './query';
import { runtimeMessage, search } from './query';
import { readsOnly, regionWorld } from './regions';
import type { OperationRequest } from './request';
import { queryFloats } from './queryShape';
import { newFloats, shapeResponse } from './shapeOutput';
import { requestProblem } from './validate';

/**
 * Sends an operation's request as the CLI does — botocore's checks first, through the paginator when the
 * operation has one — to the world of the region it names, and prints the response (shaped by the model, after
 * --query, in the output format) or the error, with the CLI's exit status.
 */

export interface Globals {
  output: OutputFormat;
  query?: Query;
  region: string;
  debug: boolean;
  /** notes the console prints first (options it accepts but does not use) */
  notes: string[];
}

export interface Target {
  service: string;
  svc: ServiceModel;
  operation: string;
}

/** One request to the engine, checked as botocore checks it; each is recorded (in the world's region). */
export function caller(t: Target, g: Globals, ctx: RunContext, calls: CallRecord[], debug: string[]): PageCall {
  const world = regionWorld(ctx.sim, ctx.session, g.region);
  const call = `${t.svc.ns}.${t.operation}`;
  return (params) => {
    const invalid = requestProblem(t.svc, inputShape(t.svc, t.operation), params);
    if (invalid) return { error: { code: 'ParamValidationError', message: invalid.message }, errorPath: invalid.path };
    const input = plain(params) as Record<string, unknown>;
    const r = world.sim.call(call, input);
    world.sim.runUntil(world.sim.now);
    if (g.debug) debug.push(`DEBUG - Request: ${call} ${JSON.stringify(input)}`, `DEBUG - Response: ${JSON.stringify(r.error ? { Error: r.error } : r.output)}`);
    if (world.sim === ctx.sim) calls.push({ at: ctx.sim.now / 1000, call, input, ...(r.error ? { error: r.error } : { output: r.output }) });
    else if (!r.error && !readsOnly(t.operation)) world.keep(call, input);
    if (r.error) return { error: r.error, ...(r.errorPath ? { errorPath: r.errorPath } : {}) };
    return { output: (r.output ?? {}) as Record<string, unknown> };
  };
}

/** A failed request as the CLI prints it: a check that failed before it was sent, a paginator's error, or the service's. */
export function failed(e: { code: string; message: string }, operation: string): CommandResult {
  if (e.code === 'ParamValidationError') return { ...paramError(e.message), error: e };
  if (e.code === 'PaginationError') return generalError(e.message);
  return clientError(e.code, e.message, operation);
}

/** Sends the request and prints what came back. */
export function send(t: Target, req: OperationRequest, g: Globals, ctx: RunContext): CommandResult {
  const calls: CallRecord[] = [];
  const debug: string[] = [];
  const call = caller(t, g, ctx, calls, debug);
  const out = outputShape(t.svc, t.operation);
  const floats = newFloats();
  const shapedCall: PageCall = (params) => {
    const r = call(params);
    return 'error' in r ? r : { output: shapeResponse(t.svc, out, r.output, floats) as Record<string, unknown> };
  };
  const p = t.svc.ops[t.operation]?.p;
  const result = req.paginate && p ? paginate(shapedCall, p, req.params, req.paging) : shapedCall(req.params);
  const head = [...g.notes, ...debug];
  const withHead = (r: CommandResult): CommandResult => ({ ...r, output: [...head, r.output].filter((x) => x !== '').join('\n'), ...(calls.length ? { calls } : {}) });
  if ('error' in result) return withHead({ ...failed(result.error, t.operation), ...(result.errorPath ? { errorPath: result.errorPath } : {}) });
  const paged = 'full' in result ? result : undefined;
  const data = paged ? paged.full : (result as { output: Record<string, unknown> }).output;
  const response = calls.at(-1)?.output;
  try {
    const pages = paged?.pages.map((page, i) => ({ ...(i === 0 ? paged.nonAggregate : {}), ...Object.fromEntries(paged.resultKeys.map((k) => [k, search(page, k)])) }));
    const qf = g.query ? queryFloats(g.query.expression, t.svc, out) : undefined;
    const text = printResponse({ operation: t.operation, data, floats, ...(pages ? { pages } : {}), ...(paged?.resumeToken ? { resumeToken: paged.resumeToken } : {}), ...(qf !== undefined ? { queryFloats: qf } : {}) }, g.output, g.query);
    return withHead({ output: text, exitCode: 0, ...(response !== undefined ? { response } : {}) });
  } catch (e) {
    return withHead(generalError(runtimeMessage(e)));
  }
}
