import type { MemberPath } from '../../../sim';
import type { Paginator } from './model';
import type { Paging } from './request';
import { search } from './query';

/**
 * botocore's paginator, as the CLI runs it for a paginated operation: it asks for page after page (the limit
 * key set from --page-size, the input token from the last page's output token), stops at --max-items (keeping a
 * resume token), starts from --starting-token, and builds the full result: the result keys joined, the
 * non-aggregate keys of the first page, and `NextToken` when it stopped early. Tokens are botocore's (base64 JSON).
 */

/** A refused page: the error, and the member of the request it is about if the check knows it. */
export type PageError = { error: { code: string; message: string }; errorPath?: MemberPath };
export type PageCall = (params: Record<string, unknown>) => { output: Record<string, unknown> } | PageError;

export interface Pages {
  pages: Record<string, unknown>[];
  full: Record<string, unknown>;
  /** the CLI's NextToken, when the results stopped at --max-items */
  resumeToken?: string;
  /** the result keys and non-aggregate part, for the text format's page-by-page printing */
  resultKeys: string[];
  nonAggregate: Record<string, unknown>;
}

const list = (x: string | string[] | undefined) => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/** Python's json.dumps of a token dict: `{"nextToken": null, "boto_truncate_amount": 1}`. */
function pyDumps(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return JSON.stringify(v).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return `[${v.map(pyDumps).join(', ')}]`;
  return `{${Object.entries(v)
    .map(([k, x]) => `${pyDumps(k)}: ${pyDumps(x)}`)
    .join(', ')}}`;
}

const utf8ToBase64 = (s: string) => btoa(String.fromCharCode(...new TextEncoder().encode(s)));
const base64ToUtf8 = (s: string) => new TextDecoder().decode(Uint8Array.from(atob(s), (c) => c.charCodeAt(0)));

export function encodeToken(token: Record<string, unknown>): string {
  return utf8ToBase64(pyDumps(token));
}

/** A starting token as botocore reads it: its input tokens and how many results of the first page it skips. */
function parseStartingToken(token: string, inputs: string[]): { next: Record<string, unknown>; skip: number } {
  try {
    const decoded = JSON.parse(base64ToUtf8(token)) as Record<string, unknown>;
    if (decoded === null || typeof decoded !== 'object' || Array.isArray(decoded)) throw new Error('not a dict');
    const skip = typeof decoded.boto_truncate_amount === 'number' ? decoded.boto_truncate_amount : 0;
    delete decoded.boto_truncate_amount;
    return { next: decoded, skip };
  } catch {
    // botocore's older form: tokens joined by ___, the truncation last.
    const parts = token.split('___');
    let skip = 0;
    if (parts.length === inputs.length + 1 && /^\d+$/.test(parts.at(-1)!)) skip = Number(parts.pop());
    if (parts.length > inputs.length) throw new Error(`Bad starting token: ${token}`);
    return { next: Object.fromEntries(inputs.map((k, i) => [k, parts[i] === undefined || parts[i] === 'None' ? null : parts[i]])), skip };
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let o = target;
  for (const k of keys.slice(0, -1)) {
    if (!o[k] || typeof o[k] !== 'object') o[k] = {};
    o = o[k] as Record<string, unknown>;
  }
  o[keys.at(-1)!] = value;
}

interface Iteration {
  pages: Record<string, unknown>[];
  resume?: Record<string, unknown>;
}

/** botocore's PageIterator: the pages, truncated at max items, and the resume token when it stopped early. */
function iterate(call: PageCall, p: Paginator, params: Record<string, unknown>, paging: Paging): Iteration | PageError {
  const inputs = list(p.it);
  const outputs = list(p.ot);
  const primary = list(p.rk)[0]!;
  const kwargs = { ...params };
  let next: Record<string, unknown> = Object.fromEntries(inputs.map((k) => [k, null]));
  let skip = 0;
  if (paging.startingToken !== undefined) ({ next, skip } = parseStartingToken(paging.startingToken, inputs));
  const inject = (t: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(t)) {
      if (v !== null && v !== undefined && v !== 'None') kwargs[k] = v;
      else delete kwargs[k];
    }
  };
  if (paging.startingToken !== undefined) inject(next);
  if (paging.pageSize !== undefined && p.lk) kwargs[p.lk] = paging.pageSize;
  const pages: Record<string, unknown>[] = [];
  let total = 0;
  let previous: string | undefined;
  for (let first = true; ; first = false) {
    const r = call({ ...kwargs });
    if ('error' in r) return r;
    const page = r.output;
    if (first && skip > 0) {
      const all = search(page, primary);
      setPath(page, primary, Array.isArray(all) || typeof all === 'string' ? all.slice(skip) : null);
    }
    const current = search(page, primary);
    const n = Array.isArray(current) ? current.length : 0;
    const over = paging.maxItems !== undefined ? total + n - paging.maxItems : 0;
    if (over > 0) {
      const keep = n - over;
      setPath(page, primary, (Array.isArray(current) ? current : []).slice(0, keep));
      pages.push(page);
      return { pages, resume: { ...next, boto_truncate_amount: keep + (first ? skip : 0) } };
    }
    pages.push(page);
    total += n;
    const more = p.mr === undefined || !!search(page, p.mr);
    next = more ? Object.fromEntries(inputs.map((k, i) => [k, search(page, outputs[i]!) || null])) : {};
    if (Object.values(next).every((t) => t === null)) return { pages };
    if (paging.maxItems !== undefined && total === paging.maxItems) return { pages, resume: next };
    const key = JSON.stringify(next);
    if (key === previous) return { error: { code: 'PaginationError', message: `Error during pagination: The same next token was received twice: ${pyDumps(next)}` } };
    previous = key;
    inject(next);
  }
}

/** Runs the paginator; the full result as the CLI prints it, or the service's error. */
export function paginate(call: PageCall, p: Paginator, params: Record<string, unknown>, paging: Paging): Pages | PageError {
  const it = iterate(call, p, params, paging);
  if ('error' in it) return it;
  const resultKeys = list(p.rk);
  const full: Record<string, unknown> = {};
  for (const page of it.pages) {
    for (const rk of resultKeys) {
      const v = search(page, rk);
      if (v === null || v === undefined) continue;
      const existing = search(full, rk);
      if (existing === null || existing === undefined) setPath(full, rk, Array.isArray(v) ? [...v] : v);
      else if (Array.isArray(v) && Array.isArray(existing)) existing.push(...v);
      else if (typeof v === 'number' || typeof v === 'string') setPath(full, rk, (existing as number) + (v as number));
    }
  }
  const nonAggregate: Record<string, unknown> = {};
  for (const k of p.nak ?? []) setPath(nonAggregate, k, search(it.pages[0] ?? {}, k));
  Object.assign(full, nonAggregate);
  const resumeToken = it.resume ? encodeToken(it.resume) : undefined;
  if (resumeToken) full.NextToken = resumeToken;
  return { pages: it.pages, full, ...(resumeToken ? { resumeToken } : {}), resultKeys, nonAggregate };
}
