import gapsData from '../cli/differential/cliModelGaps.json';
import { ref, serviceByName, type ServiceModel } from '../../src/cli/serve/model';

/** Output members the newest model has and the installed CLI's model lacks, by service and shape (generated). */
export const CLI_MODEL_GAPS = (gapsData as unknown as { members: Record<string, Record<string, string[]>> }).members;

/** As the AWS CLI v2 prints a timestamp (its default iso8601 format, UTC): 2025-01-01T00:00:12.500000+00:00. */
export function cliTime(epochSeconds: number): string {
  const iso = new Date(Math.round(epochSeconds * 1000)).toISOString();
  const [whole, frac] = iso.slice(0, -1).split('.') as [string, string];
  return `${whole}${frac === '000' ? '' : `.${frac}000`}+00:00`;
}

function walk(svc: ServiceModel, gaps: Record<string, string[]>, name: string, v: unknown): unknown {
  if (v === undefined || v === null) return undefined;
  const s = svc.shapes[name];
  if (!s) return undefined;
  if (s.t === 'structure') {
    if (s.doc) return v;
    const out: Record<string, unknown> = {};
    for (const [member, r] of Object.entries(s.m ?? {})) {
      if (gaps[name]?.includes(member)) continue;
      const w = walk(svc, gaps, ref(r).s, (v as Record<string, unknown>)[member]);
      if (w !== undefined) out[member] = w;
    }
    return out;
  }
  if (s.t === 'list') return Array.isArray(v) ? v.map((x) => walk(svc, gaps, s.e!, x)).filter((x) => x !== undefined) : undefined;
  if (s.t === 'map') return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, walk(svc, gaps, s.v!, x)]));
  if (s.t === 'timestamp') return typeof v === 'number' ? cliTime(v) : v;
  if ((s.t === 'double' || s.t === 'float') && typeof v === 'number') return new Double(v);
  return v;
}

/** A double-typed value: Python prints a whole one as 75.0. */
class Double {
  constructor(readonly value: number) {}
}

/** JSON as the CLI prints it (Python's json.dumps with indent 4): doubles with a decimal point. */
function pretty(v: unknown, indent: string): string {
  if (v instanceof Double) return Number.isInteger(v.value) ? v.value.toFixed(1) : String(v.value);
  if (Array.isArray(v)) return v.length ? `[\n${v.map((x) => `${indent}    ${pretty(x, `${indent}    `)}`).join(',\n')}\n${indent}]` : '[]';
  if (v && typeof v === 'object') {
    const entries = Object.entries(v);
    return entries.length ? `{\n${entries.map(([k, x]) => `${indent}    ${JSON.stringify(k)}: ${pretty(x, `${indent}    `)}`).join(',\n')}\n${indent}}` : '{}';
  }
  return JSON.stringify(v);
}

/**
 * What the installed AWS CLI prints (as parsed JSON) for an engine output: the output shape's members in model
 * order, less the members the CLI's older model lacks, timestamps in its ISO 8601 format.
 */
export function cliOutputOf(service: string, operation: string, engineOutput: unknown): unknown {
  return JSON.parse(cliTextOf(service, operation, engineOutput));
}

/** What the installed AWS CLI prints for an engine output, character for character (its JSON output, then a newline). */
export function cliTextOf(service: string, operation: string, engineOutput: unknown): string {
  const svc = serviceByName(service)!;
  const shape = svc.operations[operation]?.o;
  if (!shape) return '';
  return `${pretty(walk(svc, CLI_MODEL_GAPS[service] ?? {}, shape, engineOutput), '')}\n`;
}
