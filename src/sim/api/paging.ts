import { ApiError } from '../core/errors';

/**
 * Pages of a list, as AWS's List and Describe operations give them: at most the request's limit (maxResults,
 * MaxRecords, PageSize, Limit) from where its token points, and a token for the rest when there is more.
 */

/** How one operation names its paging members, the largest page it gives, and the errors it answers. */
export interface PagingRule {
  /** the request's page size member: maxResults, MaxResults, MaxRecords, PageSize, Limit */
  limit: string;
  /** the request's token member: nextToken, NextToken, Marker */
  token: string;
  /** the response's token member: nextToken, NextToken, NextMarker */
  next: string;
  max: number;
  /** the error for a page size out of range (1 to max) */
  range: (value: unknown, max: number) => ApiError;
  /** the error for a token this operation did not give */
  badToken: (token: string) => ApiError;
}

const encode = (s: string) => btoa(encodeURIComponent(s));

function decode(token: string): string | undefined {
  try {
    return decodeURIComponent(atob(token));
  } catch {
    return undefined;
  }
}

/**
 * Where a token points: the index after the item it names. A token carries the position and the key of the
 * last item given, so that a list that changed between pages goes on after that item, and from the same
 * position when that item is gone.
 */
function startOf<T>(items: T[], key: (t: T) => string, token: string, rule: PagingRule): number {
  const text = decode(token);
  const m = text === undefined ? null : /^(\d+):(.*)$/s.exec(text);
  if (!m) throw rule.badToken(token);
  const at = Number(m[1]);
  if (at > 0 && at <= items.length && key(items[at - 1]!) === m[2]) return at;
  const found = items.findIndex((t) => key(t) === m[2]);
  return found >= 0 ? found + 1 : Math.min(at, items.length);
}

/**
 * One page of `items`. Without a page size it gives every item from the token on, as the sandbox always has
 * [SIM: AWS gives at most 100 (or the service's default) and a token; the sandbox keeps answering whole lists
 * so that every pinned run answers as before].
 */
export function page<T>(items: T[], key: (t: T) => string, input: Record<string, unknown>, rule: PagingRule): { items: T[]; next?: Record<string, string> } {
  const limit = input[rule.limit];
  if (limit !== undefined && (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > rule.max)) throw rule.range(limit, rule.max);
  const token = input[rule.token];
  if (token !== undefined && typeof token !== 'string') throw rule.badToken(String(token));
  const start = token ? startOf(items, key, token, rule) : 0;
  const end = limit === undefined ? items.length : Math.min(items.length, start + (limit as number));
  const out = items.slice(start, end);
  if (end >= items.length) return { items: out };
  return { items: out, next: { [rule.next]: encode(`${end}:${key(items[end - 1]!)}`) } };
}

/** The AWS wording for a page size beyond a service's bound (its "1 validation error detected" form). */
export const validationRange = (code: string, member: string) => (value: unknown, max: number) =>
  new ApiError(code, `1 validation error detected: Value '${String(value)}' at '${member}' failed to satisfy constraint: Member must have value ${Number(value) < 1 ? 'greater than or equal to 1' : `less than or equal to ${max}`}`);

const rule = (limit: string, token: string, next: string, max: number, range: PagingRule['range'], badToken: PagingRule['badToken']): PagingRule => ({ limit, token, next, max, range, badToken });

/**
 * The other namespaces' paging: their members, bounds (from each API reference) and error types (from their
 * models) [SIM: the messages of a token they did not give are the sandbox's].
 */
export const PAGING = {
  applicationautoscaling: rule('MaxResults', 'NextToken', 'NextToken', 50, validationRange('ValidationException', 'maxResults'), () => new ApiError('InvalidNextTokenException', 'The next token supplied was invalid.')),
  elbv2: rule('PageSize', 'Marker', 'NextMarker', 400, validationRange('ValidationError', 'pageSize'), () => new ApiError('ValidationError', 'The marker is not valid.')),
  cloudwatch: rule('MaxRecords', 'NextToken', 'NextToken', 100, validationRange('InvalidParameterValue', 'maxRecords'), () => new ApiError('InvalidNextToken', 'The next token specified is invalid.')),
  servicediscovery: rule('MaxResults', 'NextToken', 'NextToken', 100, validationRange('InvalidInput', 'maxResults'), () => new ApiError('InvalidInput', 'The NextToken is not valid.')),
  events: rule('Limit', 'NextToken', 'NextToken', 100, validationRange('ValidationException', 'limit'), () => new ApiError('ValidationException', 'The NextToken is not valid.')),
  autoscaling: rule('MaxRecords', 'NextToken', 'NextToken', 100, validationRange('ValidationError', 'maxRecords'), () => new ApiError('InvalidNextToken', 'The NextToken value is not valid.')),
} satisfies Record<string, PagingRule>;

/** One page of a list (each item as `describe` gives it) as the response member `member`, with the rule's token when there is more. */
export function pageOf<T>(items: T[], input: Record<string, unknown>, r: PagingRule, member: string, key: (t: T) => string, describe: (t: T) => unknown = (t) => t): Record<string, unknown> {
  const p = page(items, key, input, r);
  return { [member]: p.items.map(describe), ...p.next };
}
