import { parse as parseYaml } from 'yaml';
import type { CommandResult } from '../types';
import { ArgParseError, parseKnownArgs, type ArgValue } from './argparse';
import { operationArguments, overridingRequired, type CliArgument } from './argtable';
import { paramError, unknownOptions, usageError } from './errors';
import { xform, type ServiceModel } from './model';
import { PyJsonError, pyJsonLoads } from './pyjson';
import { ParamError, PythonError, paramFile, unpackArgument } from './unpack';
import { generalError } from './errors';

/**
 * An operation's words as the request the CLI would send: its argument parser (the CLI's argument table), the
 * paging rules, each value unpacked in the table's order, then `--cli-input-json` / `--cli-input-yaml` for the
 * members the line did not give, and `--generate-cli-skeleton`.
 */

export interface Paging {
  startingToken?: string;
  pageSize?: number;
  maxItems?: number;
}

export interface OperationRequest {
  params: Record<string, unknown>;
  paging: Paging;
  /** whether the CLI pages through the results (a paginated operation, without --no-paginate or a token of its own) */
  paginate: boolean;
  skeleton?: 'input' | 'output' | 'yaml-input';
}

export type ReadRequest = { request: OperationRequest } | { help: true } | { result: CommandResult };

const setMember = (o: Record<string, unknown>, k: string, v: unknown) => Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });

/** The input the CLI reads from --cli-input-json / --cli-input-yaml, or why it cannot. */
function cliInput(arg: CliArgument, raw: string, files: Record<string, string>): Record<string, unknown> {
  const text = paramFile(raw, arg.action.option, files) ?? raw;
  let loaded: unknown;
  try {
    loaded = arg.name === 'cli-input-json' ? pyJsonLoads(text) : parseYaml(text);
  } catch (e) {
    if (e instanceof PyJsonError || arg.name === 'cli-input-yaml') throw new ParamError(arg.name, `Invalid ${arg.name === 'cli-input-json' ? 'JSON' : 'YAML'} received.`);
    throw e;
  }
  if (loaded === null || typeof loaded !== 'object' || Array.isArray(loaded)) {
    const type = Array.isArray(loaded) ? 'list' : loaded === null ? 'NoneType' : typeof loaded === 'string' ? 'str' : typeof loaded === 'boolean' ? 'bool' : Number.isInteger(loaded) ? 'int' : 'float';
    throw new ParamError(arg.action.option, `Invalid type: expecting map, received <class '${type}'>`);
  }
  return loaded as Record<string, unknown>;
}

/** The paginator's input tokens and limit key, as the CLI names their options. */
function tokenOptions(svc: ServiceModel, operation: string): string[] {
  const p = svc.ops[operation]?.p;
  if (!p) return [];
  return [...(Array.isArray(p.it) ? p.it : [p.it]), ...(p.lk ? [p.lk] : [])].map((t) => xform(t).replace(/-/g, '_'));
}

function pagingOf(values: Map<string, ArgValue>, svc: ServiceModel, operation: string, paginate: boolean, table: CliArgument[]): { paging: Paging; paginate: boolean } | CommandResult {
  const hasPaginator = !!svc.ops[operation]?.p;
  let on = paginate && hasPaginator;
  // A token or limit of the service's own turns paging off (botocore's names it start_token, so --starting-token does not).
  if (tokenOptions(svc, operation).some((t) => t !== 'start_token' && t !== 'max_items' && values.has(t))) on = false;
  const paging: Paging = {};
  if (values.has('starting_token')) paging.startingToken = String(values.get('starting_token'));
  if (values.has('page_size')) paging.pageSize = Number(values.get('page_size'));
  if (values.has('max_items')) paging.maxItems = Number(values.get('max_items'));
  if (hasPaginator && !on) {
    const shadowed = new Set(table.filter((a) => a.shadows).map((a) => a.action.dest));
    const used = (['starting_token', 'page_size', 'max_items'] as const).filter((p) => !shadowed.has(p) && !!values.get(p));
    if (used.length) return paramError(`Cannot specify --no-paginate along with pagination arguments: ${used.map((p) => `--${p.replace(/_/g, '-')}`).join(', ')}`);
  }
  return { paging, paginate: on };
}

/** Each argument's value as its member, in the argument table's order. */
function buildParams(svc: ServiceModel, table: CliArgument[], values: Map<string, ArgValue>, files: Record<string, string>, paginate: boolean): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  const done = new Set<string>();
  // When the CLI does not page, a paging argument is its namesake member again (in the member's place).
  const args = paginate ? table : table.map((a) => a.shadows ?? a);
  for (const arg of args) {
    if (!arg.member || !arg.shape || done.has(arg.member) || !values.has(arg.action.dest)) continue;
    done.add(arg.member);
    const raw = values.get(arg.action.dest)!;
    setMember(params, arg.member, typeof raw === 'boolean' ? raw : unpackArgument(svc, arg.shape, raw, arg.action.option, files));
  }
  return params;
}

/**
 * Reads an operation's words (after `aws <service> <operation>`) as the CLI does; `paginate` is false with
 * --no-paginate. Returns the request, a request for the operation's help, or what the CLI prints when it stops.
 */
export function readRequest(service: string, svc: ServiceModel, operation: string, words: string[], files: Record<string, string>, paginate: boolean): ReadRequest {
  if (words.length === 1 && words[0] === 'help') return { help: true };
  const table = overridingRequired(operationArguments(service, svc, operation), words);
  let values: Map<string, ArgValue>;
  try {
    const parsed = parseKnownArgs(
      words,
      table.map((a) => a.action),
      [{ dest: 'help', nargs: '?' }],
    );
    values = parsed.values;
    const help = values.get('help');
    if (help === 'help') return { help: true };
    const remaining = [...parsed.extras, ...(typeof help === 'string' ? [help] : [])];
    if (remaining.length) return { result: unknownOptions(remaining) };
  } catch (e) {
    if (e instanceof ArgParseError) return { result: usageError(e.message) };
    throw e;
  }
  const paging = pagingOf(values, svc, operation, paginate, table);
  if ('exitCode' in paging) return { result: paging };
  try {
    const params = buildParams(svc, table, values, files, paging.paginate);
    const inputs = table.filter((a) => a.name.startsWith('cli-input-') && values.has(a.action.dest));
    if (inputs.length > 1) return { result: paramError('Only one --cli-input- parameter may be specified.') };
    for (const arg of inputs) {
      const loaded = cliInput(arg, String(values.get(arg.action.dest)), files);
      for (const k of Object.keys(loaded)) if (!Object.hasOwn(params, k)) setMember(params, k, loaded[k]);
    }
    const skeleton = values.get('generate_cli_skeleton') as OperationRequest['skeleton'] | undefined;
    return { request: { params, ...paging, ...(skeleton ? { skeleton } : {}) } };
  } catch (e) {
    if (e instanceof ParamError) return { result: paramError(e.message) };
    if (e instanceof PythonError) return { result: generalError(e.message) };
    throw e;
  }
}
