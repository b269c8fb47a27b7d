import type { CommandResult, ConsoleSession, Json, RunContext } from '../types';
import { ArgParseError, VersionRequested, parseKnownArgs, type ArgValue } from './argparse';
import { GLOBAL_OPTIONS } from './argtable';
import { send, type Globals, type Target } from './call';
import { customizationsOf, isCustomization, runCustomization } from './customizations';
import { generalError, paramError, usageError } from './errors';
import { pyInt, reprStr } from './python';
import { awsHelp, operationHelp, serviceHelp, waiterHelp } from './help';
import { SERVICE_NAMES, operationNamed, serviceModel, xform, type ServiceModel } from './model';
import { compileQuery } from './query';
import { REGION_NAME } from './regions';
import { readRequest } from './request';
import { skeleton } from './skeleton';
import type { OutputFormat } from './print';
import { resumeWaiter, startWaiter, type WaitState } from './waiters';

/**
 * `aws …` as the AWS CLI v2 runs it: global options anywhere on the line, then the service, the operation
 * (or `wait <waiter>`, or `help`) and its arguments, each read by the CLI's parsers; the request checked and
 * sent; the response printed as the CLI prints it. Never throws: every failure is the CLI's text and status.
 */

export const CLI_VERSION = 'aws-cli/2.9.19 Python/3.11.2 Linux/sandbox source/x86_64.debian.12 prompt/off';

/** The CLI's extra commands of a service (beyond its operations), in the order it lists them. */
function customCommands(service: string, svc: ServiceModel): string[] {
  return [...(service === 'ecs' ? ['deploy'] : []), ...customizationsOf(service), ...(Object.keys(svc.waiters).length ? ['wait'] : [])];
}

const operationChoices = (service: string, svc: ServiceModel) => [...svc.operations.map(xform), ...customCommands(service, svc), 'help'];

interface Line {
  globals: Map<string, ArgValue>;
  rest: string[];
  command: string;
}

function readGlobals(words: string[]): Line | CommandResult {
  try {
    const p = parseKnownArgs(words, GLOBAL_OPTIONS, [{ dest: 'command', choices: [...SERVICE_NAMES, 'help'] }]);
    return { globals: p.values, rest: p.extras, command: String(p.values.get('command')) };
  } catch (e) {
    if (e instanceof VersionRequested) return { output: CLI_VERSION, exitCode: 0 };
    if (e instanceof ArgParseError) return usageError(e.message);
    throw e;
  }
}

/** The global options as the CLI resolves them: the option, else the environment (the shell's variables), else the default. */
function resolveGlobals(g: Map<string, ArgValue>, session: ConsoleSession, worldRegion: string): Globals | CommandResult {
  const env = session.env;
  // As the CLI: the query is compiled as the line is read, the timeouts go through int() as the session is set
  // up, and only then is the output format taken from the environment.
  let query;
  if (g.has('query')) {
    const q = compileQuery(String(g.get('query')));
    if ('error' in q) return paramError(q.error);
    query = q;
  }
  for (const dest of ['read_timeout', 'connect_timeout']) {
    const t = g.get(dest);
    if (t !== undefined && pyInt(String(t)) === undefined) return generalError(`invalid literal for int() with base 10: ${reprStr(String(t))}`);
  }
  const output = (g.get('output') as string | undefined) ?? env.AWS_DEFAULT_OUTPUT ?? 'json';
  if (!['json', 'text', 'table', 'yaml', 'yaml-stream'].includes(output)) return generalError(`Unknown output type: ${output}`);
  const region = (g.get('region') as string | undefined) ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? worldRegion;
  const notes: string[] = [];
  const profile = g.get('profile') ?? env.AWS_PROFILE;
  if (profile !== undefined) notes.push(`Note: the sandbox has one account (123456789012); the profile ${String(profile)} is not used.`);
  if (g.has('endpoint_url')) notes.push(`Note: the sandbox answers every request itself; --endpoint-url ${String(g.get('endpoint_url'))} is not used.`);
  return { output: output as OutputFormat, region, debug: g.get('debug') === true, notes, ...(query ? { query } : {}) };
}

function badRegion(region: string, service: string): CommandResult | undefined {
  if (REGION_NAME.test(region)) return undefined;
  if (!/^[a-zA-Z0-9-]+$/.test(region)) return generalError(`Provided region_name '${region}' doesn't match a supported format.`);
  return generalError(`Could not connect to the endpoint URL: "https://${service}.${region}.amazonaws.com/"`);
}

function runOperation(service: string, svc: ServiceModel, cliOp: string, words: string[], g: Globals, paginate: boolean, ctx: RunContext): CommandResult {
  const operation = operationNamed(svc, cliOp);
  if (!operation || !Object.hasOwn(svc.ops, operation)) {
    return generalError(`The sandbox does not simulate ${service} ${cliOp}: its ${service} has ${Object.keys(svc.ops).map(xform).join(', ')}, and wait, help.`);
  }
  const r = readRequest(service, svc, operation, words, ctx.session.files, paginate);
  if ('help' in r) return operationHelp(service, operation);
  if ('result' in r) return r.result;
  if (r.request.skeleton) return skeleton(svc, operation, r.request, g, service);
  return badRegion(g.region, service) ?? send({ service, svc, operation }, r.request, g, ctx);
}

function runWait(service: string, svc: ServiceModel, words: string[], g: Globals, ctx: RunContext): CommandResult {
  const names = Object.keys(svc.waiters).map(xform);
  if (words.length === 0) return { output: `\nusage: aws [options] ${service} wait <subcommand> [parameters]\naws: error: too few arguments`, exitCode: 252 };
  // help is taken, but not listed among the waiters (the CLI's wait command has it as an argument, not a subcommand).
  if (words[0] === 'help') return waiterHelp(service, undefined);
  let sub: string;
  let rest: string[];
  try {
    const p = parseKnownArgs(words, [], [{ dest: 'subcommand', nargs: '?', choices: names }]);
    sub = String(p.values.get('subcommand') ?? '');
    const at = words.indexOf(sub);
    rest = words.filter((_, i) => i !== at);
  } catch (e) {
    if (e instanceof ArgParseError) return usageError(e.message);
    throw e;
  }
  const name = Object.keys(svc.waiters).find((w) => xform(w) === sub)!;
  const model = svc.waiters[name]!;
  if (!model.acceptors) return generalError(`The sandbox does not simulate ${service} wait ${sub}: the sandbox has no ${model.op}.`);
  const r = readRequest(service, svc, model.op, rest, ctx.session.files, false);
  if ('help' in r) return waiterHelp(service, name);
  if ('result' in r) return r.result;
  return badRegion(g.region, service) ?? startWaiter({ service, svc, operation: model.op }, name, model, r.request.params, g.region, ctx);
}

/** Runs `aws` with the words after it. */
export function runAws(words: string[], ctx: RunContext): CommandResult {
  const line = readGlobals(words);
  if ('exitCode' in line) return line;
  const g = resolveGlobals(line.globals, ctx.session, ctx.sim.world.region);
  if ('exitCode' in g) return g;
  if (line.command === 'help') return awsHelp();
  const svc = serviceModel(line.command)!;
  let op: string;
  let rest: string[];
  try {
    const p = parseKnownArgs(line.rest, [], [{ dest: 'operation', choices: operationChoices(line.command, svc) }]);
    op = String(p.values.get('operation'));
    rest = p.extras;
  } catch (e) {
    if (e instanceof ArgParseError) return usageError(e.message);
    throw e;
  }
  if (op === 'help') return serviceHelp(line.command);
  if (op === 'wait') return runWait(line.command, svc, rest, g, ctx);
  if (isCustomization(line.command, op)) return badRegion(g.region, line.command) ?? runCustomization({ service: line.command, svc }, op, rest, g, ctx);
  return runOperation(line.command, svc, op, rest, g, line.globals.get('paginate') !== false, ctx);
}

/** A waiter's next poll. */
export function resumeAws(step: string, state: Json | undefined, ctx: RunContext): CommandResult {
  const s = state as unknown as WaitState | undefined;
  const svc = s && typeof s === 'object' ? serviceModel(s.service) : undefined;
  const model = svc && Object.hasOwn(svc.waiters, s!.waiter) ? svc.waiters[s!.waiter] : undefined;
  if (step !== 'wait' || !svc || !model?.acceptors) return generalError(`aws: nothing to resume (${step})`);
  const t: Target = { service: s!.service, svc, operation: s!.operation };
  return resumeWaiter(s!, t, model, ctx);
}
