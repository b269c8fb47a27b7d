import type { SimContext } from '../model/context';
import type { LbTarget, Service, Task, TargetGroup } from '../model/types';

/** Reads of a task's load balancer targets. */

function serviceOf(sim: SimContext, t: Task): Service | undefined {
  return t.serviceArn ? sim.world.services[t.serviceArn] : undefined;
}

export function targetOf(sim: SimContext, tgArn: string, id: string, port: number): LbTarget | undefined {
  return sim.world.targetGroups[tgArn]?.targets.find((x) => x.Id === id && x.Port === port);
}

/** True when every target of the task is healthy (a task without targets has nothing to wait for). */
export function targetsHealthy(sim: SimContext, t: Task): boolean {
  if (!t.lbTargets) return !serviceOf(sim, t)?.loadBalancers.length;
  return t.lbTargets.every((r) => targetOf(sim, r.targetGroupArn, r.id, r.port)?.State === 'healthy');
}

export function unhealthyTarget(sim: SimContext, t: Task): { tg: TargetGroup; target: LbTarget } | undefined {
  for (const r of t.lbTargets ?? []) {
    const target = targetOf(sim, r.targetGroupArn, r.id, r.port);
    if (target?.State === 'unhealthy') return { tg: sim.world.targetGroups[r.targetGroupArn]!, target };
  }
  return undefined;
}
