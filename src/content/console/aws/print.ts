import { pyJsonDumps, tableText, textLines } from './format';
import type { Query } from './query';
import type { Floats } from './shapeOutput';
import { yamlText } from './yamlOut';

/**
 * A response as the CLI prints it in the output format chosen (--output, else AWS_DEFAULT_OUTPUT, else json),
 * after --query. The text format prints a paginated result page by page, as the CLI does.
 */

export type OutputFormat = 'json' | 'text' | 'table' | 'yaml' | 'yaml-stream';

export interface Printable {
  /** the operation's name, the table's title */
  operation: string;
  data: unknown;
  floats: Floats;
  /** a paginated result's pages (each with the result keys only, the first with the non-aggregate part too) */
  pages?: Record<string, unknown>[];
  resumeToken?: string;
  /** what the query's result is, in the model's terms: doubles this deep in lists (0 for a double itself) */
  queryFloats?: number;
}

const isEmptyDict = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0;

/** Notes the lists of doubles `depth` lists deep in a query's result. */
function markLists(floats: Floats, r: unknown, depth: number): void {
  if (!Array.isArray(r)) return;
  if (depth === 1) floats.lists.add(r);
  else for (const x of r) markLists(floats, x, depth - 1);
}

/** The query's result, with its lists of doubles noted as such; and whether the result itself is a double. */
function queried(p: Printable, data: unknown, query: Query | undefined): [unknown, boolean] {
  if (!query) return [data, false];
  const r = query.search(data);
  if (p.queryFloats) markLists(p.floats, r, p.queryFloats);
  return [r, p.queryFloats === 0 && typeof r === 'number'];
}

function textOf(p: Printable, query: Query | undefined): string[] {
  if (!p.pages) return textLines(...withFloats(p, p.data, query));
  const lines: string[] = [];
  for (const page of p.pages) lines.push(...textLines(...withFloats(p, page, query)));
  if (p.resumeToken) lines.push(...textLines(query ? query.search({ NextToken: { NextToken: p.resumeToken } }) : { NextToken: { NextToken: p.resumeToken } }));
  return lines;
}

const withFloats = (p: Printable, data: unknown, query: Query | undefined): [unknown, Floats, boolean] => {
  const [r, float] = queried(p, data, query);
  return [r, p.floats, float];
};

/** The printed text (without the last newline); '' when the CLI prints nothing. */
export function printResponse(p: Printable, format: OutputFormat, query: Query | undefined): string {
  if (format === 'text') return textOf(p, query).join('\n');
  const [data, float] = queried(p, p.data, query);
  if (isEmptyDict(data)) return '';
  switch (format) {
    case 'table':
      return tableText(p.operation, data, p.floats);
    case 'yaml':
      return yamlText(data, p.floats, float);
    case 'yaml-stream':
      return float ? `- ${pyJsonDumps(data, p.floats, true)}` : yamlText([data], p.floats);
    default:
      return pyJsonDumps(data, p.floats, float);
  }
}
