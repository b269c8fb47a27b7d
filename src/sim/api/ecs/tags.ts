import { ApiError, invalidParameter } from '../../core/errors';
import { own } from '../../core/own';
import type { SimContext } from '../../model/context';
import type { Tag } from '../../model/types';
import type { EcsOperations } from './operation';

/**
 * Tags of ECS resources (API:TagResource, API:UntagResource, API:ListTagsForResource): clusters, task
 * definitions, tasks, services, capacity providers and container instances, named by ARN. The
 * restrictions are AWS's (API:Tag): at most 50 tags a resource, keys of 1-128 and values of 0-256
 * characters of letters, numbers, spaces and + - = . _ : / @, unique keys, and no `aws:` prefix, which
 * AWS keeps for itself. [INF] the wording of the refusals.
 */

const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** Checks tags as a create request or TagResource gives them; returns them unchanged. */
export function checkTags(tags: Tag[]): Tag[] {
  if (tags.length > 50) throw invalidParameter('A resource can have at most 50 tags.');
  const keys = new Set<string>();
  for (const t of tags) {
    const key = t.key ?? '';
    if (key.length < 1 || key.length > 128 || !TAG_TEXT.test(key)) {
      throw invalidParameter(`Invalid tag key '${key}': a key has 1 to 128 letters, numbers, spaces and the characters + - = . _ : / @.`);
    }
    if ((t.value ?? '').length > 256 || !TAG_TEXT.test(t.value ?? '')) {
      throw invalidParameter(`Invalid tag value for key '${key}': a value has up to 256 letters, numbers, spaces and the characters + - = . _ : / @.`);
    }
    if (/^aws:/i.test(key)) throw invalidParameter(`Invalid tag key '${key}': the aws: prefix is reserved for use by AWS.`);
    if (keys.has(key)) throw invalidParameter(`The tag key '${key}' is given more than once.`);
    keys.add(key);
  }
  return tags;
}

/** The tag list of the resource an ARN names (never changed in place: a new list replaces it). */
function tagsOf(sim: SimContext, arn: string): { get: () => readonly Tag[]; set: (tags: Tag[]) => void } {
  const w = sim.world;
  const prefix = `arn:aws:ecs:${w.region}:${w.account}:`;
  const m = /^([a-z-]+)\/(.+)$/.exec(arn.startsWith(prefix) ? arn.slice(prefix.length) : '');
  if (!arn.startsWith('arn:') || !m) throw invalidParameter('The ARN provided is invalid.');
  const [, kind, rest] = m as unknown as [string, string, string];
  const notFound = () => new ApiError('ResourceNotFoundException', 'The specified resource could not be found.');
  const record = (): { tags?: readonly Tag[] } | undefined => {
    switch (kind) {
      case 'cluster': {
        const c = own(w.clusters, arn);
        return c?.status === 'ACTIVE' ? c : undefined;
      }
      case 'task':
        return own(w.tasks, arn);
      case 'service': {
        const s = own(w.services, arn);
        return s && s.status !== 'INACTIVE' ? s : undefined;
      }
      case 'container-instance': {
        const ci = own(w.containerInstances, arn);
        return ci && ci.status !== 'INACTIVE' ? ci : undefined;
      }
      case 'capacity-provider': {
        const cp = own(w.capacityProviders, rest);
        return cp?.status === 'ACTIVE' ? cp : undefined;
      }
      case 'task-definition': {
        const [family, rev] = rest.split(':');
        const td = /^\d+$/.test(rev ?? '') ? own(w.taskDefinitions, family ?? '')?.[Number(rev) - 1] : undefined;
        return td && td.status !== 'DELETE_IN_PROGRESS' ? td : undefined;
      }
      default:
        return undefined;
    }
  };
  const r = record();
  if (!r) throw notFound();
  return {
    get: () => r.tags ?? [],
    set: (tags) => {
      r.tags = tags;
    },
  };
}

export const TAG_OPERATIONS = {
  TagResource(sim, input) {
    const target = tagsOf(sim, input.resourceArn);
    checkTags(input.tags);
    // A tag with a key the resource has replaces its value; the others are kept.
    const merged = [...target.get().filter((t) => !input.tags.some((n) => n.key === t.key)), ...input.tags];
    checkTags(merged);
    target.set(merged);
    return {};
  },

  UntagResource(sim, input) {
    const target = tagsOf(sim, input.resourceArn);
    target.set(target.get().filter((t) => !input.tagKeys.includes(t.key ?? '')));
    return {};
  },

  ListTagsForResource(sim, input) {
    return { tags: tagsOf(sim, input.resourceArn).get() };
  },
} satisfies EcsOperations;
