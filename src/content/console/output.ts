import { isoTimestamp } from './aws/isoTimestamp';

/** How the sandbox prints what is not a response of the CLI: the inspector's times and docker's column tables. */

/** Timestamp members by their names, which the API sends as epoch seconds and the AWS CLI v2 prints in ISO 8601. */
const TIMESTAMP_KEY = /(At|Date|Timestamp|^StartTime|^EndTime|^Time)$/;

/** The inspector's JSON with its times as the AWS CLI v2 prints them (ISO 8601 in UTC), every one the same way. */
export function cliTimestamps(v: unknown, key = ''): unknown {
  if (typeof v === 'number' && TIMESTAMP_KEY.test(key) && v > 1e8) return isoTimestamp(v * 1000);
  if (Array.isArray(v)) return v.map((x) => cliTimestamps(x));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, cliTimestamps(x, k)]));
  return v;
}

export interface PsRow {
  ID: string;
  Names: string;
  Image: string;
  Status: string;
  Ports: string;
  Service?: string;
}

/** `docker ps` and `docker compose ps`: columns padded to their widest cell, three spaces apart. */
export function psTable(rows: PsRow[], compose = false): string {
  const cols: [string, (r: PsRow) => string][] = compose
    ? [
        ['NAME', (r) => r.Names],
        ['IMAGE', (r) => r.Image],
        ['SERVICE', (r) => r.Service ?? ''],
        ['STATUS', (r) => r.Status],
        ['PORTS', (r) => r.Ports],
      ]
    : [
        ['CONTAINER ID', (r) => r.ID],
        ['IMAGE', (r) => r.Image],
        ['STATUS', (r) => r.Status],
        ['PORTS', (r) => r.Ports],
        ['NAMES', (r) => r.Names],
      ];
  const widths = cols.map(([h, f]) => Math.max(h.length, ...rows.map((r) => f(r).length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]! + 3)))
      .join('')
      .trimEnd();
  return [line(cols.map(([h]) => h)), ...rows.map((r) => line(cols.map(([, f]) => f(r))))].join('\n');
}
