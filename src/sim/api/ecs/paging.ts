import { invalidParameter } from '../../core/errors';
import { page, type PagingRule } from '../paging';

/**
 * ECS's List operations page by maxResults (1–100) and nextToken [SIM: the messages for a page size out of
 * range and a token ECS did not give are the sandbox's; ECS answers both with InvalidParameterException].
 */
const ECS_PAGING: PagingRule = {
  limit: 'maxResults',
  token: 'nextToken',
  next: 'nextToken',
  max: 100,
  range: () => invalidParameter('maxResults must be between 1 and 100.'),
  badToken: () => invalidParameter('Invalid nextToken.'),
};

/** One page of an ECS list (at most `max` to a page: ListAccountSettings gives 10), as the response member `member` with nextToken when there is more. */
export function ecsPage<T>(items: T[], input: object, member: string, key: (t: T) => string = String, max = 100): Record<string, unknown> {
  const p = page(items, key, input as Record<string, unknown>, max === ECS_PAGING.max ? ECS_PAGING : { ...ECS_PAGING, max });
  return { [member]: p.items, ...p.next };
}
