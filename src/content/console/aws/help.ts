import type { CommandResult } from '../types';
import { GLOBAL_OPTIONS, operationArguments, type CliArgument } from './argtable';
import { HELP_LOADING, helpData, type ServiceHelp } from './helpData';
import { jsonSyntax, shorthandExample } from './helpSyntax';
import { SERVICE_NAMES, membersOf, outputShape, serviceModel, shapeOf, xform, type Acceptor, type ServiceModel, type Shape } from './model';

/**
 * `aws help`, `aws <service> help`, `aws <service> <operation> help` and the waiters' help, laid out as the CLI
 * lays out its man pages (NAME, DESCRIPTION, SYNOPSIS, OPTIONS, OUTPUT) from the models' documentation. Long
 * texts are shortened where the CLI would page: the first paragraphs of each description, one level of members.
 */

const WIDTH = 80;

function wrap(text: string, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && pad.length + line.length + 1 + word.length > WIDTH) {
      lines.push(pad + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(pad + line);
  return lines;
}

/** A documentation text's first paragraphs, wrapped at `indent`, a blank line between them. */
function paragraphs(doc: string | undefined, indent: number, max: number): string[] {
  const ps = (doc ?? '').split('\n\n').filter(Boolean);
  const shown = ps.slice(0, max).flatMap((p, i) => [...(i > 0 ? [''] : []), ...wrap(p.startsWith('* ') ? `o ${p.slice(2)}` : p, indent)]);
  if (ps.length > max) shown.push('', ...wrap('(Shortened here; the AWS CLI Command Reference has the full text.)', indent));
  return shown;
}

const page = (sections: [string, string[]][]): CommandResult => ({
  output: sections
    .flatMap(([h, body]) => [h, ...body, ''])
    .join('\n')
    .trimEnd(),
  exitCode: 0,
});

const loading = (): CommandResult => ({ output: HELP_LOADING, exitCode: 1 });

function docsOf(service: string): ServiceHelp | undefined {
  const d = helpData();
  return d && Object.hasOwn(d.services, service) ? d.services[service] : undefined;
}

/** The types cli.json gives the global options that are neither text nor a flag (the timeouts reach argparse as text). */
const GLOBAL_TYPES: Record<string, string> = { '--version': 'string', '--cli-read-timeout': 'int', '--cli-connect-timeout': 'int' };

/** `aws help`. */
export function awsHelp(): CommandResult {
  const globals = GLOBAL_OPTIONS.map((o) => `       ${o.option} (${GLOBAL_TYPES[o.option] ?? (o.kind === 'store' ? 'string' : 'boolean')})${o.choices ? `: ${o.choices.join(', ')}` : ''}`);
  return page([
    ['NAME', ['       aws -']],
    ['DESCRIPTION', wrap('The AWS Command Line Interface is a unified tool to manage your AWS services. In the sandbox it manages the simulated account, 123456789012: the services below, with the operations the sandbox simulates.', 7)],
    [
      'SYNOPSIS',
      [
        '          aws [options] <command> <subcommand> [parameters]',
        '',
        ...wrap(
          'Use aws command help for information on a specific command. Use aws help topics to view a list of available help topics. The synopsis for each command shows its parameters and their usage. Optional parameters are shown in square brackets.',
          7,
        ),
      ],
    ],
    ['GLOBAL OPTIONS', globals],
    ['AVAILABLE SERVICES', SERVICE_NAMES.map((s) => `       o ${s}`)],
  ]);
}

/** `aws <service> help`. */
export function serviceHelp(service: string): CommandResult {
  const svc = serviceModel(service)!;
  const docs = docsOf(service);
  if (!docs) return loading();
  const commands = [...svc.operations.map((o) => `       o ${xform(o)}${Object.hasOwn(svc.ops, o) ? '' : '   (not simulated)'}`), ...(Object.keys(svc.waiters).length ? ['       o wait'] : [])];
  return page([
    ['NAME', [`       ${service} -`]],
    ['DESCRIPTION', paragraphs(docs.doc, 7, 4)],
    ['AVAILABLE COMMANDS', commands],
  ]);
}

function synopsisLine(a: CliArgument, table: CliArgument[]): string | undefined {
  const negative = table.find((b) => b !== a && b.member !== undefined && b.member === a.member && b.action.kind === 'false');
  if (a.action.kind === 'false') return undefined;
  if (a.name === 'cli-input-yaml') return undefined;
  if (a.name === 'cli-input-json') return '[--cli-input-json | --cli-input-yaml]';
  const text = negative ? `${a.action.option} | ${negative.action.option}` : a.action.kind === 'true' ? a.action.option : `${a.action.option} <value>`;
  return a.action.required ? text : `[${text}]`;
}

function typeName(s: Shape): string {
  return s.kind === 'scalar' ? s.type : s.kind;
}

function optionHelp(svc: ServiceModel, a: CliArgument, docs: ServiceHelp, inputRef: number): string[] {
  const s = a.shape!;
  const lines = [`       ${a.action.option} (${typeName(s)})`, ...paragraphs(docs.members[inputRef]?.[a.member!], 10, 2)];
  const where = `${inputRef}.${a.member!}`;
  const e = Object.hasOwn(docs.enums, where) ? docs.enums[where]! : undefined;
  if (e && s.kind === 'scalar') lines.push('', '          Possible values:', '', ...e.flatMap((x) => [`          o ${x}`, '']));
  if (s.kind === 'structure' && !s.doc) {
    for (const [k, ms] of membersOf(svc, s)) lines.push('', `          ${k} -> (${typeName(ms)})`, ...paragraphs(docs.members[s.ref]?.[k], 14, 1));
  }
  const sh = shorthandExample(svc, s);
  if (sh) lines.push('', '       Shorthand Syntax:', '', ...sh.split('\n').map((l) => `          ${l}`));
  const el = s.kind === 'list' ? shapeOf(svc, s.e) : undefined;
  if (el?.kind === 'scalar') {
    // A list of scalars: the element's type and words, as the CLI's doc_option_example writes them.
    const word = el.type === 'string' ? '"string"' : el.type;
    lines.push('', `          (${el.type})`, '', '       Syntax:', '', `          ${word} ${word} ...`);
    if (e) lines.push('', '          Where valid values are:', ...e.map((x) => `            ${x}`));
  } else if (s.kind !== 'scalar')
    lines.push(
      '',
      '       JSON Syntax:',
      '',
      ...jsonSyntax(svc, s, docs.enums, where, 0)
        .split('\n')
        .map((l) => `          ${l}`),
    );
  return lines;
}

/** `aws <service> <operation> help`. */
export function operationHelp(service: string, operation: string, description?: string): CommandResult {
  const svc = serviceModel(service)!;
  const docs = docsOf(service);
  if (!docs) return loading();
  // The CLI leaves a paginated operation's own token and limit undocumented (it still takes them).
  const pager = svc.ops[operation]!.p;
  const undocumented = new Set(pager ? [...[pager.it].flat(), ...(pager.lk ? [pager.lk] : [])] : []);
  const table = operationArguments(service, svc, operation).filter((a) => a.member === undefined || !undocumented.has(a.member));
  const inputRef = svc.ops[operation]!.i;
  const synopsis = [
    `            ${xform(operation)}`,
    ...table
      .map((a) => synopsisLine(a, table))
      .filter((x): x is string => !!x)
      .map((l) => `          ${l}`),
  ];
  const options = table.filter((a) => a.member && a.action.kind !== 'false').flatMap((a) => [...optionHelp(svc, a, docs, inputRef), '']);
  const p = svc.ops[operation]!.p;
  const paging = p
    ? ['', ...wrap(`${xform(operation)} is a paginated operation. Multiple API calls may be issued in order to retrieve the entire data set of results. You can disable pagination by providing the --no-paginate argument.`, 7)]
    : [];
  const out = outputShape(svc, operation);
  const output = out && !description ? membersOf(svc, out).flatMap(([k, ms]) => [`       ${k} -> (${typeName(ms)})`, ...paragraphs(docs.members[out.ref]?.[k], 10, 1), '']) : [];
  return page([
    ['NAME', [`       ${xform(operation)} -`]],
    ['DESCRIPTION', [...paragraphs(description ?? docs.ops[operation], 7, 4), ...paging]],
    ['SYNOPSIS', synopsis],
    ['OPTIONS', options],
    ['GLOBAL OPTIONS', ['       See aws help for the global options (--output, --query, --region, ...).']],
    ...(output.length ? [['OUTPUT', output] as [string, string[]]] : []),
  ]);
}

/** How the CLI describes a waiter's success state (its WaiterStateDocBuilder), the expected value as Python's str() writes it. */
function successText(a: Acceptor): string {
  const expected = typeof a.expected === 'boolean' ? (a.expected ? 'True' : 'False') : String(a.expected);
  const path = `JMESPath query ${a.argument ?? ''} returns `;
  switch (a.matcher) {
    case 'error':
      return `${expected} is thrown `;
    case 'path':
      return `${path}${expected} `;
    case 'pathAll':
      return `${path}${expected} for all elements `;
    case 'pathAny':
      return `${path}${expected} for any element `;
    default:
      return `${expected} response is received `;
  }
}

/** `aws <service> wait help` (the waiters) and `aws <service> wait <waiter> help`. */
export function waiterHelp(service: string, waiter: string | undefined): CommandResult {
  const svc = serviceModel(service)!;
  const docs = docsOf(service);
  if (!docs) return loading();
  if (waiter === undefined) {
    return page([
      ['NAME', ['       wait -']],
      ['DESCRIPTION', wrap('Wait until a particular condition is satisfied. Each subcommand polls an API until the listed requirement is met.', 7)],
      ['AVAILABLE COMMANDS', Object.keys(svc.waiters).map((w) => `       o ${xform(w)}${svc.waiters[w]!.acceptors ? '' : '   (not simulated)'}`)],
    ]);
  }
  const w = svc.waiters[waiter]!;
  const success = w.acceptors?.find((a) => a.state === 'success');
  const until = success ? successText(success) : '';
  const description = `${docs.waiters?.[waiter] ?? `Wait until ${until}when polling with ${xform(w.op)}.`} It will poll every ${w.delay ?? 15} seconds until a successful state has been reached. This will exit with a return code of 255 after ${w.max ?? 40} failed checks.`;
  return operationHelp(service, w.op, description);
}
