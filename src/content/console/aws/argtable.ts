import type { OptionAction } from './argparse';
import { inputShape, membersOf, xform, type OperationModel, type ServiceModel, type Shape } from './model';

/**
 * The AWS CLI's argument tables: its global options (data/cli.json, in its order) and, for an operation, one
 * argument per input member in the model's order (booleans as `--x` / `--no-x`, lists taking any number of
 * values, the CLI's renames), then `--cli-input-json`, `--cli-input-yaml`, the paging arguments of a paginated
 * operation and `--generate-cli-skeleton`, as the CLI adds them.
 */

export const GLOBAL_OPTIONS: readonly OptionAction[] = [
  { option: '--debug', dest: 'debug', kind: 'true' },
  { option: '--endpoint-url', dest: 'endpoint_url', kind: 'store' },
  { option: '--no-verify-ssl', dest: 'verify_ssl', kind: 'false' },
  { option: '--no-paginate', dest: 'paginate', kind: 'false' },
  { option: '--output', dest: 'output', kind: 'store', choices: ['json', 'text', 'table', 'yaml', 'yaml-stream'] },
  { option: '--query', dest: 'query', kind: 'store' },
  { option: '--profile', dest: 'profile', kind: 'store' },
  { option: '--region', dest: 'region', kind: 'store' },
  { option: '--version', dest: 'version', kind: 'version' },
  { option: '--color', dest: 'color', kind: 'store', choices: ['on', 'off', 'auto'] },
  { option: '--no-sign-request', dest: 'sign_request', kind: 'false' },
  { option: '--ca-bundle', dest: 'ca_bundle', kind: 'store' },
  // Text to argparse, as the CLI's cli.json has them; int() reads them when the session is set up.
  { option: '--cli-read-timeout', dest: 'read_timeout', kind: 'store' },
  { option: '--cli-connect-timeout', dest: 'connect_timeout', kind: 'store' },
  { option: '--cli-binary-format', dest: 'cli_binary_format', kind: 'store', choices: ['base64', 'raw-in-base64-out'] },
  { option: '--no-cli-pager', dest: 'no_cli_pager', kind: 'true' },
  { option: '--cli-auto-prompt', dest: 'cli_auto_prompt', kind: 'true' },
  { option: '--no-cli-auto-prompt', dest: 'no_cli_auto_prompt', kind: 'true' },
];

/** The CLI's argument renames for these services (its customizations/argrename.py). */
const RENAMES: Record<string, string> = { 'ecs.no-enable-execute-command': 'disable-execute-command' };

/** One argument of an operation: how argparse reads it, and which input member it fills. */
export interface CliArgument {
  action: OptionAction;
  /** the input member (undefined for the CLI's own: cli-input-json, paging, skeleton) */
  member?: string;
  shape?: Shape;
  /** the CLI's name without dashes, `desired-count` */
  name: string;
  /** a paging argument's namesake member (ELBv2's PageSize), which it stands for when the CLI does not page */
  shadows?: CliArgument;
}

/** argparse's type for a member: the CLI reads long as int and double as float; integer stays a string until unpacked. */
function typeFor(s: Shape): OptionAction['type'] {
  if (s.kind !== 'scalar') return undefined;
  if (s.type === 'long') return 'int';
  if (s.type === 'double' || s.type === 'float') return 'float';
  return undefined;
}

function memberArguments(service: string, svc: ServiceModel, operation: string): CliArgument[] {
  const input = inputShape(svc, operation);
  if (!input) return [];
  const out: CliArgument[] = [];
  const required = new Set((input.r ?? []).filter((r) => !(input.tok ?? []).includes(r)));
  for (const [member, shape] of membersOf(svc, input)) {
    const name = xform(member);
    const dest = name.replace(/-/g, '_');
    if (shape.kind === 'scalar' && shape.type === 'boolean') {
      out.push({ action: { option: `--${name}`, dest, kind: 'true', required: required.has(member) }, member, shape, name });
      const negative = RENAMES[`${service}.no-${name}`] ?? `no-${name}`;
      out.push({ action: { option: `--${negative}`, dest, kind: 'false' }, member, shape, name: negative });
      continue;
    }
    const type = typeFor(shape);
    const action: OptionAction = { option: `--${name}`, dest, kind: 'store', required: required.has(member), ...(shape.kind === 'list' ? { nargs: '*' as const } : {}), ...(type ? { type } : {}) };
    out.push({ action, member, shape, name });
  }
  return out;
}

/** The paging arguments of a paginated operation, typed as its limit key. */
function pagingArguments(svc: ServiceModel, op: OperationModel): CliArgument[] {
  if (!op.p) return [];
  const input = svc.shapes[op.i];
  const limit = op.p.lk && input?.t === 'S' ? input.m[op.p.lk] : undefined;
  const type = typeof limit === 'string' && limit[0] === 's' ? undefined : 'int';
  const arg = (name: string, t: OptionAction['type']): CliArgument => ({ action: { option: `--${name}`, dest: name.replace(/-/g, '_'), kind: 'store', ...(t ? { type: t } : {}) }, name });
  return [arg('starting-token', undefined), ...(op.p.lk ? [arg('page-size', type)] : []), arg('max-items', type)];
}

const CLI_INPUT: CliArgument[] = [
  { action: { option: '--cli-input-json', dest: 'cli_input_json', kind: 'store' }, name: 'cli-input-json' },
  { action: { option: '--cli-input-yaml', dest: 'cli_input_yaml', kind: 'store' }, name: 'cli-input-yaml' },
];
const SKELETON: CliArgument = {
  action: { option: '--generate-cli-skeleton', dest: 'generate_cli_skeleton', kind: 'store', nargs: '?', constant: 'input', choices: ['input', 'output', 'yaml-input'] },
  name: 'generate-cli-skeleton',
};

/** An operation's arguments in the CLI's order (a waiter's are its operation's). */
export function operationArguments(service: string, svc: ServiceModel, operation: string): CliArgument[] {
  const op = svc.ops[operation];
  if (!op) return [];
  const paging = pagingArguments(svc, op);
  const members = memberArguments(service, svc, operation);
  // A paging argument takes the place of a member of the same name (the CLI's add_paging_argument).
  for (const p of paging) {
    const twin = members.find((m) => m.name === p.name);
    if (twin) p.shadows = twin;
  }
  return [...members.map((m) => paging.find((p) => p.shadows === m) ?? m), ...CLI_INPUT, ...paging.filter((p) => !p.shadows), SKELETON];
}

/** The arguments with required ones made optional: --cli-input-json/yaml and --generate-cli-skeleton supply or skip them. */
export function overridingRequired(args: CliArgument[], words: string[]): CliArgument[] {
  // As the CLI checks: the option's exact name among the words.
  const skeleton = words.indexOf('--generate-cli-skeleton');
  const overrides = words.includes('--cli-input-json') || words.includes('--cli-input-yaml') || (skeleton >= 0 && words[skeleton + 1] !== 'output');
  return overrides ? args.map((a) => ({ ...a, action: { ...a.action, required: false } })) : args;
}
