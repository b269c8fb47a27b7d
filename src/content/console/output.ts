/** How the console prints: the AWS CLI's JSON and error text, and docker's column tables. */

/** Timestamp members, which the API sends as epoch seconds and the AWS CLI v2 prints in ISO 8601. */
const TIMESTAMP_KEY = /(At|Date|Timestamp|^StartTime|^EndTime|^Time)$/;

/** As the AWS CLI v2 prints times (its default cli_timestamp_format, iso8601, in UTC): 2025-01-01T00:00:12.500000+00:00. */
export function cliTimestamps(v: unknown, key = ''): unknown {
  if (typeof v === 'number' && TIMESTAMP_KEY.test(key) && v > 1e8) {
    const iso = new Date(Math.round(v * 1000)).toISOString();
    const [whole, frac] = iso.slice(0, -1).split('.') as [string, string];
    return `${whole}${frac === '000' ? '' : `.${frac}000`}+00:00`;
  }
  if (Array.isArray(v)) return v.map((x) => cliTimestamps(x));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, cliTimestamps(x, k)]));
  return v;
}

/** A response as the AWS CLI prints it: JSON with a 4-space indent, nothing for an empty response. */
export function cliJson(response: unknown): string {
  const empty = response === undefined || (typeof response === 'object' && response !== null && Object.keys(response).length === 0);
  return empty ? '' : JSON.stringify(cliTimestamps(response), null, 4);
}

/** A service error as the AWS CLI prints it (after a blank line). */
export function cliError(error: { code: string; message: string }, operation: string): string {
  return `\nAn error occurred (${error.code}) when calling the ${operation} operation: ${error.message}`;
}

export interface PsRow { ID: string; Names: string; Image: string; Status: string; Ports: string; Service?: string }

/** `docker ps` and `docker compose ps`: columns padded to their widest cell, three spaces apart. */
export function psTable(rows: PsRow[], compose = false): string {
  const cols: [string, (r: PsRow) => string][] = compose
    ? [['NAME', (r) => r.Names], ['IMAGE', (r) => r.Image], ['SERVICE', (r) => r.Service ?? ''], ['STATUS', (r) => r.Status], ['PORTS', (r) => r.Ports]]
    : [['CONTAINER ID', (r) => r.ID], ['IMAGE', (r) => r.Image], ['STATUS', (r) => r.Status], ['PORTS', (r) => r.Ports], ['NAMES', (r) => r.Names]];
  const widths = cols.map(([h, f]) => Math.max(h.length, ...rows.map((r) => f(r).length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]! + 3))).join('').trimEnd();
  return [line(cols.map(([h]) => h)), ...rows.map((r) => line(cols.map(([, f]) => f(r))))].join('\n');
}
