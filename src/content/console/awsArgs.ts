import { Sim, ecsInputShape, ecsShape, inputShape, shapeOf } from '../../sim';
import { LIST_MEMBERS, convert, parseJsonOption } from './awsValues';
import { parsed, refused, type ParseResult } from './types';

/**
 * The AWS CLI's argument model: `<service> <operation> --options`, option names in the CLI's kebab case,
 * values converted by the API model, `--cli-input-json` (from an editor file with `file://name`), `--no-…`
 * for false, and the CLI's own wording and exit status (252) when a line cannot become a request.
 */

/** The AWS CLI's service names and the engine's namespaces. */
export const SERVICES: Record<string, string> = {
  ecs: 'ecs', 'application-autoscaling': 'applicationautoscaling', elbv2: 'elbv2', servicediscovery: 'servicediscovery',
  cloudwatch: 'cloudwatch', events: 'events', autoscaling: 'autoscaling', ec2: 'ec2', ecr: 'ecr',
  /** What happens to the world (launch instances, fail a health check, set traffic): `sim launch-instances --cluster demo --count 2`. */
  sim: 'sim',
};

/**
 * Commands of the AWS CLI that are not operations of the service's API: the operation each sends, and what it prints
 * of the response instead of the JSON.
 */
export const CLI_CUSTOMIZATIONS: Record<string, { call: string; print: (output: unknown) => string }> = {
  // `aws ecr get-login-password`: GetAuthorizationToken, printing the password of its token (base64 of AWS:<password>).
  'ecr.GetLoginPassword': {
    call: 'ecr.GetAuthorizationToken',
    print: (o) => atob((o as { authorizationData: { authorizationToken: string }[] }).authorizationData[0]!.authorizationToken).replace(/^AWS:/, ''),
  },
};

/** botocore's xform_name: taskDefinition → task-definition, enableECSManagedTags → enable-ecs-managed-tags. */
export function kebab(member: string): string {
  return member
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

export const pascal = (k: string) => k.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');

export const AWS_USAGE = 'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n';

/** A request, read from a command line. */
export interface AwsArgs {
  service: string;
  operation: string;
  call: string;
  input: Record<string, unknown>;
  /** A CLI customization (CLI_CUSTOMIZATIONS) by its name: what the command prints of the response. */
  prints?: string;
}

/** The engine's namespace for a CLI service name, if the console runs it. */
export function namespaceOf(service: string): string | undefined {
  return Object.hasOwn(SERVICES, service) ? SERVICES[service] : undefined;
}

/** A namespace's operations, in the CLI's kebab case. */
export function operationsOf(ns: string): string[] {
  return [...Sim.operations(), ...Object.keys(CLI_CUSTOMIZATIONS)].filter((o) => o.startsWith(`${ns}.`)).map((o) => kebab(o.slice(ns.length + 1)));
}

/** The options of an ECS operation (from the API model), as the CLI names them. */
export function ecsOptions(operation: string): string[] {
  const members = Object.keys(ecsShape(ecsInputShape(pascal(operation)) ?? '')?.m ?? {});
  return ['--cli-input-json', ...members.map((m) => `--${kebab(m)}`)];
}

/**
 * Reads `<service> <operation> [options]` (`sim <operation> [options]` when `viaSim`), resolving
 * `file://name` from the editor's files.
 */
export function parseAws(words: string[], files: Record<string, string>, viaSim: boolean): ParseResult<AwsArgs> {
  const [svc, op, ...rest] = viaSim ? ['sim', ...words] : words;
  if (!svc || !op || svc.startsWith('-') || op.startsWith('-')) return refused(`${AWS_USAGE}aws: error: the following arguments are required: ${svc ? 'operation' : 'command'}`, 252);
  const ns = namespaceOf(svc);
  if (!ns || (svc === 'sim' && !viaSim)) return refused(`${AWS_USAGE}\naws: error: argument command: Invalid choice: '${svc}' (the console runs ${Object.keys(SERVICES).join(', ')})`, 252);
  const operation = pascal(op);
  const custom = Object.hasOwn(CLI_CUSTOMIZATIONS, `${ns}.${operation}`) ? `${ns}.${operation}` : undefined;
  const call = custom ? CLI_CUSTOMIZATIONS[custom]!.call : `${ns}.${operation}`;
  if (!Sim.hasOperation(call)) return refused(`${AWS_USAGE}\naws: error: argument operation: Invalid choice: '${op}'`, 252);
  // Every AWS namespace's options are typed by its model, as the CLI types them; the sandbox's own (sim) by their text.
  const shapeName = ns !== 'sim' ? inputShape(ns, operation) : undefined;
  const shape = shapeName ? shapeOf(ns, shapeName) : undefined;
  let read: { input: Record<string, unknown>; unknown: string[] };
  try {
    read = readOptions(rest, files, ns, shape);
  } catch (e) {
    return refused(`\n${(e as Error).message}`, 252);
  }
  if (read.unknown.length) return refused(`${AWS_USAGE}\nUnknown options: ${read.unknown.join(', ')}`, 252);
  // Required options are named for ECS (the others' operations answer for a missing member themselves).
  const missing = (ns === 'ecs' ? shape?.r ?? [] : []).filter((m) => read.input[m] === undefined);
  if (missing.length) return refused(`${AWS_USAGE}\naws: error: the following arguments are required: ${missing.map((m) => `--${kebab(m)}`).join(', ')}`, 252);
  return parsed({ service: svc, operation: custom ? call.slice(ns.length + 1) : operation, call, input: read.input, ...(custom ? { prints: custom } : {}) });
}

type Shape = NonNullable<ReturnType<typeof ecsShape>>;

/** The values after an option, with `file://name` replaced by the editor file's text. */
function optionValues(rest: string[], i: number, option: string, files: Record<string, string>): { values: string[]; resolved: string[]; next: number } {
  const values: string[] = [];
  let j = i;
  while (j + 1 < rest.length && !rest[j + 1]!.startsWith('--')) values.push(rest[++j]!);
  const resolved = values.map((v) => {
    if (!v.startsWith('file://')) return v;
    const f = v.slice(7);
    if (!(f in files)) throw new Error(`Error parsing parameter '${option}': Unable to load paramfile ${v}: [Errno 2] No such file or directory: '${f}'`);
    return files[f]!;
  });
  return { values, resolved, next: j };
}

/** Options → request members; throws the CLI's message for a value it cannot read. */
function readOptions(rest: string[], files: Record<string, string>, ns: string, shape: Shape | undefined): { input: Record<string, unknown>; unknown: string[] } {
  const byOption = new Map<string, string>();
  for (const m of Object.keys(shape?.m ?? {})) byOption.set(kebab(m), m);
  let input: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const t = rest[i]!;
    if (!t.startsWith('--')) {
      unknown.push(t);
      continue;
    }
    const name = t.slice(2);
    const { values, resolved, next } = optionValues(rest, i, t, files);
    i = next;
    if (name === 'cli-input-json') {
      const base = parseJsonOption(resolved[0] ?? '', t);
      if (!base || typeof base !== 'object' || Array.isArray(base)) throw new Error(`Error parsing parameter '${t}': the input must be a JSON object`);
      input = { ...(base as Record<string, unknown>), ...input };
      continue;
    }
    const negated = name.startsWith('no-') && (shape ? byOption.has(name.slice(3)) : true) && values.length === 0;
    const key = negated ? name.slice(3) : name;
    const member = shape ? byOption.get(key) : ns === 'sim' ? key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()) : pascal(key);
    if (!member) {
      unknown.push(t, ...values);
      continue;
    }
    const ms = shape?.m?.[member];
    const isBool = ms ? shapeOf(ns, ms)?.t === 'boolean' : values.length === 0;
    if (isBool && values.length === 0) input[member] = !negated;
    else input[member] = convert(resolved, ms, t, ns);
    // Without the service's model: a list parameter given one shorthand structure is a list of one.
    if (!shape && LIST_MEMBERS.has(member) && input[member] && typeof input[member] === 'object' && !Array.isArray(input[member])) input[member] = [input[member]];
  }
  return { input, unknown };
}
