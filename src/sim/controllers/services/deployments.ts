import type { SimContext } from '../../model/context';
import type { Deployment, Service, Task } from '../../model/types';
import { isHealthy } from './health';
import { serviceEvent } from './events';

/** Deployments of a service: start one, the circuit breaker, and when one completes. */

/**
 * Starts a new PRIMARY deployment of `taskDefinition`; the previous one becomes ACTIVE and is
 * drained by the scheduler within minimumHealthyPercent / maximumPercent. A new deployment resets
 * the start-failure back-off (§5.6).
 */
export function startDeployment(sim: SimContext, svc: Service, taskDefinition: string, platformVersion?: string, reason?: string): Deployment {
  const old = svc.deployments[0];
  if (old) old.status = 'ACTIVE';
  const id = deploymentId(sim);
  const dep: Deployment = {
    id, status: 'PRIMARY', taskDefinition, desiredCount: svc.desiredCount, pendingCount: 0, runningCount: 0,
    failedTasks: 0, createdAtMs: sim.now, updatedAtMs: sim.now, ...(svc.launchType ? { launchType: svc.launchType } : {}),
    ...(svc.capacityProviderStrategy ? { capacityProviderStrategy: svc.capacityProviderStrategy } : {}),
    rolloutState: 'IN_PROGRESS', rolloutStateReason: reason ?? `ECS deployment ${id} in progress.`,
    ...(platformVersion ?? old?.platformVersion ? { platformVersion: (platformVersion ?? old?.platformVersion)! } : {}),
    ...(svc.networkConfiguration ? { networkConfiguration: svc.networkConfiguration } : {}),
  };
  svc.deployments.unshift(dep);
  svc.taskDefinition = taskDefinition;
  svc.consecutiveStartFailures = 0;
  svc.throttledUntilMs = 0;
  svc.steady = false;
  return dep;
}

/**
 * The deployment circuit breaker (§5.3): when as many tasks of the deployment failed (to start, or
 * health checks once running) as the threshold, clamp(⌈desired / 2⌉, 3, 200), the deployment is
 * FAILED and launches nothing more; with rollback, a new deployment of the last completed task
 * definition starts.
 */
export function checkCircuitBreaker(sim: SimContext, svc: Service, dep: Deployment, why: string): void {
  const cb = svc.deploymentConfiguration.deploymentCircuitBreaker;
  if (!cb.enable || dep !== svc.deployments[0] || dep.rolloutState !== 'IN_PROGRESS') return;
  const threshold = Math.min(200, Math.max(3, Math.ceil(0.5 * svc.desiredCount)));
  if (dep.failedTasks < threshold) return;
  dep.rolloutState = 'FAILED';
  dep.rolloutStateReason = `ECS deployment circuit breaker: ${why}.`;
  serviceEvent(sim, svc, `(service ${svc.serviceName}) (deployment ${dep.id}) deployment failed: ${why}.`);
  sim.emit('DeploymentStateChange', `Deployment ${dep.id} of service ${svc.serviceName} FAILED: ${why}.`, { serviceArn: svc.serviceArn, deploymentId: dep.id, rolloutState: 'FAILED' });
  const back = svc.lastCompleted;
  if (cb.rollback && back && back.taskDefinition !== dep.taskDefinition) {
    const next = startDeployment(sim, svc, back.taskDefinition, undefined, '');
    next.rolloutStateReason = `ECS deployment ${next.id} in progress: rolling back from failed deployment ${dep.id} to the task definition of deployment ${back.id}.`;
    serviceEvent(sim, svc, `(service ${svc.serviceName}) (deployment ${dep.id}) rolling back to deployment ${back.id}.`);
  }
}

export function deploymentId(sim: SimContext): string {
  const r = sim.engine.rng.stream('ids');
  let s = '';
  for (let i = 0; i < 19; i++) s += String(r.int(10));
  return `ecs-svc/${s}`;
}

/** The running and pending counts of each deployment. */
export function updateCounts(sim: SimContext, svc: Service, ts: Task[]): void {
  for (const dep of svc.deployments) {
    const mine = ts.filter((t) => t.deploymentId === dep.id && t.desiredStatus === 'RUNNING');
    dep.runningCount = mine.filter((t) => t.lastStatus === 'RUNNING').length;
    dep.pendingCount = mine.filter((t) => t.lastStatus !== 'RUNNING').length;
    dep.updatedAtMs = sim.now;
  }
}

/** Old deployments end when their tasks are gone; the primary one completes, the service reaches a steady state, a deleted one goes INACTIVE. */
export function finishDeployments(sim: SimContext, svc: Service, ts: Task[]): void {
  const primary = svc.deployments[0]!;
  // Old deployments end when none of their tasks is left.
  svc.deployments = svc.deployments.filter((d, i) => {
    if (i === 0) return true;
    const left = ts.some((t) => t.deploymentId === d.id && t.lastStatus !== 'STOPPED');
    if (!left) d.status = 'INACTIVE';
    return left;
  });
  const mine = ts.filter((t) => t.deploymentId === primary.id && t.desiredStatus === 'RUNNING');
  const healthy = mine.filter((t) => isHealthy(sim, t)).length;
  const others = ts.some((t) => t.deploymentId !== primary.id && t.lastStatus !== 'STOPPED');
  const done = svc.deployments.length === 1 && !others && healthy === svc.desiredCount && mine.length === svc.desiredCount;
  if (done && primary.rolloutState === 'IN_PROGRESS') {
    primary.rolloutState = 'COMPLETED';
    primary.rolloutStateReason = 'ECS deployment ' + primary.id + ' completed.';
    svc.lastCompleted = { id: primary.id, taskDefinition: primary.taskDefinition };
    serviceEvent(sim, svc, `(service ${svc.serviceName}) (deployment ${primary.id}) deployment completed.`);
  }
  const steady = done && primary.rolloutState === 'COMPLETED';
  if (steady && !svc.steady) {
    svc.steady = true;
    const msg = `(service ${svc.serviceName}) has reached a steady state.`;
    // Steady-state events repeat (every six hours at most) rather than being suppressed.
    svc.events.unshift({ id: sim.uuid(), createdAtMs: sim.now, message: msg });
    if (svc.events.length > 100) svc.events.length = 100;
    sim.emit('ServiceEvent', msg, { serviceArn: svc.serviceArn, serviceName: svc.serviceName });
  } else if (!steady) svc.steady = false;
  // A service being deleted becomes INACTIVE once its tasks are stopping or stopped.
  if (svc.status === 'DRAINING' && ts.every((t) => t.desiredStatus === 'STOPPED')) {
    svc.status = 'INACTIVE';
    sim.emit('ServiceStateChange', `Service ${svc.serviceName} is INACTIVE.`, { serviceArn: svc.serviceArn, status: 'INACTIVE' });
  }
}
