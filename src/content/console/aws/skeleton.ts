import type { CommandResult } from '../types';
import type { Globals } from './call';
import { paramError } from './errors';
import { pyJsonDumps } from './format';
import { HELP_LOADING, helpData, type ServiceHelp } from './helpData';
import { inputShape, membersOf, outputShape, shapeOf, type ServiceModel, type Shape } from './model';
import { printResponse } from './print';
import { PyFloat } from './python';
import type { OperationRequest } from './request';
import { newFloats } from './shapeOutput';
import { validateRequest } from './validate';

/**
 * `--generate-cli-skeleton`: botocore's ArgumentGenerator over the operation's input (JSON, or YAML with each
 * member's first sentence and values as comments), or, with `output`, the request checked and a sample
 * response printed in the output format, without a request being sent.
 */

interface Gen {
  svc: ServiceModel;
  enums: Record<string, string[]>;
  names: boolean;
}

function generate(g: Gen, s: Shape, where: string, name: string, stack: number[]): unknown {
  if (s.kind === 'structure') {
    if (stack.filter((x) => x === s.ref).length > 1) return {};
    const out: Record<string, unknown> = {};
    for (const [k, ms] of membersOf(g.svc, s)) Object.defineProperty(out, k, { value: generate(g, ms, `${s.ref}.${k}`, k, [...stack, s.ref]), enumerable: true, writable: true });
    return out;
  }
  if (s.kind === 'list') return [generate(g, shapeOf(g.svc, s.e), `${s.ref}[]`, g.names ? (s.n ?? name) : '', [...stack, s.ref])];
  if (s.kind === 'map') return { KeyName: generate(g, shapeOf(g.svc, s.v), '', '', [...stack, s.ref]) };
  switch (s.type) {
    case 'string':
      return g.names ? name : (g.enums[where]?.[0] ?? '');
    case 'integer':
    case 'long':
      return 0;
    case 'double':
    case 'float':
      return new PyFloat(0);
    case 'boolean':
      return true;
    case 'timestamp':
      return SAMPLE_TIME;
    default:
      return '';
  }
}

const firstSentence = (doc: string | undefined) => (doc ?? '').split('\n\n')[0]!.replace(/^(.*?[.!?])(\s.*)?$/s, '$1');

/** The YAML skeleton with comments, laid out as the CLI's round-trip YAML writer lays it out. */
function yamlSkeleton(g: Gen, docs: ServiceHelp, s: Shape, indent: number, stack: number[]): string[] {
  if (s.kind !== 'structure') return [];
  const lines: string[] = [];
  const pad = ' '.repeat(indent);
  membersOf(g.svc, s).forEach(([k, ms], i) => {
    if (stack.filter((x) => x === s.ref).length > 1) return;
    // Only a member that is itself an enum has its values written (not a list of one).
    const enums = ms.kind === 'scalar' ? g.enums[`${s.ref}.${k}`] : undefined;
    const comment = [(s.r ?? []).includes(k) ? '[REQUIRED]' : '', firstSentence(docs.members[s.ref]?.[k]), enums ? `Valid values are: ${enums.join(', ')}.` : ''].filter(Boolean).join(' ');
    const hash = comment ? `${i === 0 ? '  ' : ' '}# ${comment}` : '';
    if (ms.kind === 'structure') lines.push(`${pad}${k}:${hash}`, ...yamlSkeleton(g, docs, ms, indent + 2, [...stack, s.ref]));
    else if (ms.kind === 'list') {
      const el = shapeOf(g.svc, ms.e);
      lines.push(`${pad}${k}:${hash}`);
      if (el.kind === 'structure') {
        const inner = yamlSkeleton(g, docs, el, indent + 2, [...stack, s.ref]);
        lines.push(...inner.map((l, j) => (j === 0 ? `${pad}- ${l.trimStart()}` : l)));
      } else lines.push(`${pad}- ${yamlScalar(generate(g, el, `${ms.ref}[]`, '', stack))}`);
    } else if (ms.kind === 'map') lines.push(`${pad}${k}:${hash}`, `${pad}  KeyName: ''`);
    else lines.push(`${pad}${k}: ${yamlScalar(generate(g, ms, `${s.ref}.${k}`, k, stack))}${hash}`);
  });
  return lines;
}

const yamlScalar = (v: unknown) => (v === '' ? "''" : v instanceof PyFloat ? '0.0' : String(v));

/** What --generate-cli-skeleton prints. */
export function skeleton(svc: ServiceModel, operation: string, req: OperationRequest, g: Globals, service: string): CommandResult {
  const docs = helpData()?.services[service];
  if (!docs) return { output: HELP_LOADING, exitCode: 1 };
  const gen: Gen = { svc, enums: docs.enums, names: false };
  const input = inputShape(svc, operation);
  if (req.skeleton === 'input') return { output: pyJsonDumps(input ? generate(gen, input, '', '', []) : {}), exitCode: 0 };
  if (req.skeleton === 'yaml-input') return { output: input ? yamlSkeleton(gen, docs, input, 0, []).join('\n') : '{}', exitCode: 0 };
  const invalid = validateRequest(svc, input, req.params);
  if (invalid) return paramError(invalid);
  const out = outputShape(svc, operation);
  const floats = newFloats();
  const data = out ? generate({ ...gen, names: true }, out, '', '', []) : {};
  return { output: sampleTimes(printResponse({ operation, data: JSON.parse(JSON.stringify(data), g.output === 'text' || g.output === 'table' ? asDatetime : undefined) as unknown, floats }, g.output, g.query), g.output), exitCode: 0 };
}

/**
 * The sample response's times are Python datetimes: json writes them as 1970-01-01T00:00:00, str() (text and
 * table) as 1970-01-01 00:00:00, and the yaml formats as a plain timestamp, 1970-01-01 00:00:00. The sample's
 * other strings are member names, so a time is known by its text.
 */
const SAMPLE_TIME = '1970-01-01T00:00:00';
const asDatetime = (_: string, v: unknown) => (v === SAMPLE_TIME ? '1970-01-01 00:00:00' : v);
const sampleTimes = (text: string, format: Globals['output']) => (format === 'yaml' || format === 'yaml-stream' ? text.replace(/(^|: |- )'1970-01-01T00:00:00'$/gm, '$11970-01-01 00:00:00') : text);
