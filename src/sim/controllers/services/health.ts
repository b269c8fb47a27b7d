import type { SimContext } from '../../model/context';
import type { Task } from '../../model/types';
import { targetsHealthy } from '../../queries/targets';
import { taskDefinitionOf } from '../../queries/taskDefinitions';

/**
 * When a task counts toward minimumHealthyPercent (§5.2): with a load balancer when its targets are
 * healthy (and the task HEALTHY if it has health checks); with container health checks when
 * HEALTHY; otherwise 40 s after RUNNING.
 */
export function isHealthy(sim: SimContext, t: Task): boolean {
  if (t.lastStatus !== 'RUNNING' || t.desiredStatus !== 'RUNNING') return false;
  if (t.healthStatus === 'UNHEALTHY') return false;
  const td = taskDefinitionOf(sim, t);
  let checked = false;
  for (const c of td?.containerDefinitions ?? []) {
    if (c.essential !== false && c.healthCheck) {
      checked = true;
      break;
    }
  }
  const svc = t.serviceArn ? sim.world.services[t.serviceArn] : undefined;
  if (svc?.loadBalancers.length) return targetsHealthy(sim, t) && (!checked || t.healthStatus === 'HEALTHY');
  if (checked) return t.healthStatus === 'HEALTHY';
  return sim.now >= (t.startedAtMs ?? 0) + sim.world.durations.serviceHealthyAfterMs;
}

/** Whether a task runs on a DRAINING container instance (and so is replaced). */
export function onDraining(sim: SimContext, t: Task): boolean {
  const ci = t.containerInstanceArn ? sim.world.containerInstances[t.containerInstanceArn] : undefined;
  return ci !== undefined && ci.status === 'DRAINING';
}
