import type { SimContext } from '../model/context';
import type { ImageBehavior, LbTarget, Service, Task, TargetGroup } from '../model/types';

/** Reads of a task's load balancer targets. */

function serviceOf(sim: SimContext, t: Task): Service | undefined {
  return t.serviceArn ? sim.world.services[t.serviceArn] : undefined;
}

/**
 * A group's targets by Id, each list in the group's order, derived from its targets array: the array only
 * grows by appending (registration) or is replaced by a new one (removal, a restored world), so the
 * index is extended with what was appended since, and rebuilt for a new array.
 */
interface TargetIndex {
  seen: number;
  byId: Map<string, LbTarget[]>;
}
const indexes = new WeakMap<LbTarget[], TargetIndex>();

/** The first of the group's targets with this Id and port, as `targets.find` would return it. */
export function findTarget(targets: LbTarget[], id: string, port: number): LbTarget | undefined {
  if (targets.length < 8) return targets.find((x) => x.Id === id && x.Port === port);
  let ix = indexes.get(targets);
  if (!ix) {
    ix = { seen: 0, byId: new Map() };
    indexes.set(targets, ix);
  }
  for (; ix.seen < targets.length; ix.seen++) {
    const x = targets[ix.seen]!;
    const list = ix.byId.get(x.Id);
    if (list) list.push(x);
    else ix.byId.set(x.Id, [x]);
  }
  const list = ix.byId.get(id);
  if (!list) return undefined;
  for (const x of list) if (x.Port === port) return x;
  return undefined;
}

export function targetOf(sim: SimContext, tgArn: string, id: string, port: number): LbTarget | undefined {
  const tg = sim.world.targetGroups[tgArn];
  return tg ? findTarget(tg.targets, id, port) : undefined;
}

/** True when every target of the task is healthy (a task without targets has nothing to wait for). */
export function targetsHealthy(sim: SimContext, t: Task): boolean {
  if (!t.lbTargets) return !serviceOf(sim, t)?.loadBalancers.length;
  for (const r of t.lbTargets) if (targetOf(sim, r.targetGroupArn, r.id, r.port)?.State !== 'healthy') return false;
  return true;
}

/** What the task's targets say, from one look at each: 1 when targetsHealthy holds, plus 2 when one is unhealthy. */
export function targetVerdict(sim: SimContext, t: Task): number {
  const refs = t.lbTargets;
  if (!refs) return serviceOf(sim, t)?.loadBalancers.length ? 0 : 1;
  let healthy = 1;
  let unhealthy = 0;
  for (const r of refs) {
    const state = targetOf(sim, r.targetGroupArn, r.id, r.port)?.State;
    if (state !== 'healthy') healthy = 0;
    if (state === 'unhealthy') unhealthy = 2;
  }
  return healthy | unhealthy;
}

export function unhealthyTarget(sim: SimContext, t: Task): { tg: TargetGroup; target: LbTarget } | undefined {
  for (const r of t.lbTargets ?? []) {
    const target = targetOf(sim, r.targetGroupArn, r.id, r.port);
    if (target?.State === 'unhealthy') return { tg: sim.world.targetGroups[r.targetGroupArn]!, target };
  }
  return undefined;
}

/**
 * A group's last health-check tick when it changed nothing: every target it checked was healthy and passed.
 * Until something that decides a check changes, the next tick would change nothing either, so it may skip
 * its targets. What it read is remembered here: the world and the targets array (a new one after a
 * removal), how many targets it had, the health-check path, and each image record it consulted with the
 * members the check reads. A task's status and its containers' states are not remembered: where they
 * change, forgetQuietTicks drops the memo of the task's groups, and so do a target settling or draining.
 */
export interface QuietTick {
  world: object;
  targets: LbTarget[];
  length: number;
  path: string;
  images: { name: string; record: ImageBehavior | undefined; passes: boolean | undefined; routes: ImageBehavior['routes'] }[];
}
const quietTicks = new WeakMap<TargetGroup, QuietTick>();

export function quietTick(tg: TargetGroup): QuietTick | undefined {
  return quietTicks.get(tg);
}

export function rememberQuietTick(tg: TargetGroup, q: QuietTick): void {
  quietTicks.set(tg, q);
}

export function forgetQuietTick(tg: TargetGroup): void {
  quietTicks.delete(tg);
}

/** Something a load balancer health check of the task reads has changed (its status, a container's state). */
export function forgetQuietTicks(sim: SimContext, t: Task): void {
  const refs = t.lbTargets;
  if (!refs) return;
  for (const r of refs) {
    const tg = sim.world.targetGroups[r.targetGroupArn];
    if (tg) quietTicks.delete(tg);
  }
}
