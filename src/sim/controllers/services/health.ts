import type { SimContext } from '../../model/context';
import type { Service, Task } from '../../model/types';
import { targetsHealthy, unhealthyTarget } from '../../queries/targets';
import { taskDefinitionOf } from '../../queries/taskDefinitions';
import { requestPass } from './pass';

/**
 * When a task counts toward minimumHealthyPercent (§5.2): with a load balancer when its targets are
 * healthy (and the task HEALTHY if it has health checks); with container health checks when
 * HEALTHY; otherwise 40 s after RUNNING. `targetsOk`: what targetsHealthy says, when the caller has it already.
 */
export function isHealthy(sim: SimContext, t: Task, targetsOk?: boolean): boolean {
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
  if (svc?.loadBalancers.length) return (targetsOk ?? targetsHealthy(sim, t)) && (!checked || t.healthStatus === 'HEALTHY');
  if (checked) return t.healthStatus === 'HEALTHY';
  return sim.now >= (t.startedAtMs ?? 0) + sim.world.durations.serviceHealthyAfterMs;
}

/** Whether a task runs on a DRAINING container instance (and so is replaced). */
export function onDraining(sim: SimContext, t: Task): boolean {
  const ci = t.containerInstanceArn ? sim.world.containerInstances[t.containerInstanceArn] : undefined;
  return ci !== undefined && ci.status === 'DRAINING';
}

/** When the service's healthCheckGracePeriodSeconds after the task first started ends (§5.4): till then the scheduler ignores failing health checks. */
export function graceEndMs(svc: Service, t: Task): number {
  return (t.startedAtMs ?? 0) + (svc.healthCheckGracePeriodSeconds ?? 0) * 1000;
}

/** Whether a task fails its container health checks or a load balancer's, grace period aside. */
export function failingHealth(sim: SimContext, t: Task): boolean {
  return t.healthStatus === 'UNHEALTHY' || unhealthyTarget(sim, t) !== undefined;
}

/**
 * A running task of the service that fails its health checks inside its grace period: the end of the
 * period wakes the service, which then acts on what the checks say (nothing else may change by then).
 */
export function watchGracePeriod(sim: SimContext, svc: Service, t: Task): void {
  if (t.lastStatus !== 'RUNNING' || t.desiredStatus !== 'RUNNING') return;
  const end = graceEndMs(svc, t);
  if (sim.now < end && failingHealth(sim, t)) sim.engine.at(end, { k: 'svc.graceEnd', svc: svc.serviceArn, task: t.taskArn });
}

/** Handler of `svc.graceEnd`: a pass, if the task still runs for the service, its period is over and it still fails its checks. */
export function graceEnded(sim: SimContext, svcArn: string, taskArn: string): void {
  const svc = sim.world.services[svcArn];
  const t = sim.world.tasks[taskArn];
  if (!svc || !t || t.serviceArn !== svcArn || t.lastStatus !== 'RUNNING' || t.desiredStatus !== 'RUNNING') return;
  // A longer period set since is watched from its own end (UpdateService); a shorter one was acted on then.
  if (sim.now < graceEndMs(svc, t) || !failingHealth(sim, t)) return;
  requestPass(sim, svc);
}
