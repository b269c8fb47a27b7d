import type { SimContext } from '../../model/context';
import type { Deployment, Service, Task } from '../../model/types';
import { isHealthy } from './health';
import { serviceEvent } from './events';
import { circuitBreakerThreshold, recordOf, setStatus } from './records';
import { failDeployment } from './rollback';
import { planDone } from './shifting';
import { say } from '../../model/narration';

/** Deployments of a service: the circuit breaker, their counts, and when one completes. */

export { deploymentId, startDeployment } from './start';

/**
 * The deployment circuit breaker (§5.3): when as many tasks of the deployment failed (to start, or
 * health checks once running) as the threshold — clamp(⌈desired / 2⌉, 3, 200) by default, or what its
 * thresholdConfiguration says — the deployment is FAILED and launches nothing more; with rollback,
 * the service goes back to the last completed revision.
 */
export function checkCircuitBreaker(sim: SimContext, svc: Service, dep: Deployment, why: string): void {
  const cb = svc.deploymentConfiguration.deploymentCircuitBreaker;
  if (!cb.enable || dep !== svc.deployments[0] || dep.rolloutState !== 'IN_PROGRESS') return;
  if (dep.failedTasks < circuitBreakerThreshold(svc)) return;
  const sd = recordOf(sim, dep);
  if (!sd) return;
  sd.circuitBreaker.status = 'TRIGGERED';
  sd.circuitBreaker.failureCount = dep.failedTasks;
  failDeployment(sim, svc, sd, why, cb.rollback, `ECS deployment circuit breaker: ${why}.`, dep);
}

/** The running and pending counts of each deployment, and the circuit breaker's count in its service deployment. */
export function updateCounts(sim: SimContext, svc: Service, ts: Task[]): void {
  for (const dep of svc.deployments) {
    const mine = ts.filter((t) => t.deploymentId === dep.id && t.desiredStatus === 'RUNNING');
    dep.runningCount = mine.filter((t) => t.lastStatus === 'RUNNING').length;
    dep.pendingCount = mine.filter((t) => t.lastStatus !== 'RUNNING').length;
    dep.updatedAtMs = sim.now;
    const sd = recordOf(sim, dep);
    if (sd && sd.deploymentId === dep.id && sd.circuitBreaker.status === 'MONITORING') {
      sd.circuitBreaker.failureCount = dep.failedTasks;
      sd.circuitBreaker.threshold = circuitBreakerThreshold(svc);
    }
  }
}

/**
 * The bake time of a rolling deployment with alarms (DG:deployment-alarm-failure: "a period of time after a
 * new service version has scaled out and the old service version has scaled in, during which Amazon ECS
 * continues to monitor the alarm"; ECS computes it from the alarms) [INF: the longest of the alarms'
 * evaluation periods × period]. True while it lasts.
 */
function baking(sim: SimContext, svc: Service, primary: Deployment): boolean {
  const sd = recordOf(sim, primary);
  if (!sd || sd.strategy !== 'ROLLING' || sd.status !== 'IN_PROGRESS' || sd.alarms?.status !== 'MONITORING') return false;
  if (sd.alarmBakeUntilMs === undefined) {
    const names = sd.deploymentConfiguration.alarms?.alarmNames ?? [];
    const bake = Math.max(
      0,
      ...names
        .map((n) => sim.world.alarms[n])
        .filter((a) => a !== undefined)
        .map((a) => a!.EvaluationPeriods * a!.Period * 1000),
    );
    sd.alarmBakeUntilMs = sim.now + bake;
    if (bake > 0) sim.engine.at(sd.alarmBakeUntilMs + 1, { k: 'svc.wake', svc: svc.serviceArn });
  }
  return sim.now < sd.alarmBakeUntilMs;
}

/** The primary deployment completed: its service deployment succeeded (or, for a rolling rollback's deployment, the rollback did). */
function completed(sim: SimContext, svc: Service, primary: Deployment): void {
  primary.rolloutState = 'COMPLETED';
  primary.rolloutStateReason = 'ECS deployment ' + primary.id + ' completed.';
  svc.lastCompleted = { id: primary.id, taskDefinition: primary.taskDefinition, ...(primary.serviceRevisionArn ? { serviceRevisionArn: primary.serviceRevisionArn } : {}) };
  serviceEvent(sim, svc, `(service ${svc.serviceName}) (deployment ${primary.id}) deployment completed.`);
  const sd = recordOf(sim, primary);
  if (sd?.status === 'ROLLBACK_IN_PROGRESS') setStatus(sim, svc, sd, 'ROLLBACK_SUCCESSFUL', `Rolled back to service revision ${sd.rollback?.serviceRevisionArn ?? ''}: ${sd.rollback?.reason ?? ''}.`);
  else if (sd?.status === 'IN_PROGRESS') setStatus(sim, svc, sd, 'SUCCESSFUL', 'Service deployment completed.');
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
  const others = ts.some((t) => t.deploymentId !== primary.id && t.lastStatus !== 'STOPPED');
  // Every task of the primary deployment healthy, asked last: it is the dearest part.
  const replaced = svc.deployments.length === 1 && !others && mine.length === svc.desiredCount && mine.every((t) => isHealthy(sim, t));
  const done = replaced && planDone(recordOf(sim, primary)) && !(primary.rolloutState === 'IN_PROGRESS' && baking(sim, svc, primary));
  if (done && primary.rolloutState === 'IN_PROGRESS') completed(sim, svc, primary);
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
    sim.emit('ServiceStateChange', say('ServiceStateChange.inactive', { name: svc.serviceName }), { serviceArn: svc.serviceArn, status: 'INACTIVE' });
  }
}
