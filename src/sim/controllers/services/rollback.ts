import type { SimContext } from '../../model/context';
import type { Deployment, Service, ServiceDeploymentRecord } from '../../model/types';
import { serviceEvent } from './events';
import { isOngoing, isShifting, recordOf, setStatus, shiftTraffic } from './records';
import { startDeployment } from './start';
import { requestPass } from './pass';
import { say } from '../../model/narration';

/**
 * A failed deployment and its rollback (spec §5.3, §13.1; DG:deployment-circuit-breaker,
 * DG:deployment-alarm-failure, DG:stop-service-deployment). What detects the failure — the circuit
 * breaker, a deployment alarm, a lifecycle hook, StopServiceDeployment — sets the deployment FAILED
 * (it launches no new tasks). With rollback the service deployment goes ROLLBACK_REQUESTED →
 * ROLLBACK_IN_PROGRESS → ROLLBACK_SUCCESSFUL: a rolling service starts a deployment of the last
 * completed revision; a blue/green, linear or canary service gives all traffic back to blue, which
 * still runs, and stops green. Without rollback the service deployment is STOPPED where it is (for
 * blue/green, linear and canary: traffic stays split as it was) [INF].
 */

export interface Failure {
  /** The sentence of the service event: `deployment failed: <why>.` */
  why: string;
  /** The deployment's rolloutStateReason. */
  reason: string;
  rollback: boolean;
}

function deploymentOf(svc: Service, sd: ServiceDeploymentRecord): Deployment | undefined {
  return svc.deployments.find((d) => d.id === sd.deploymentId);
}

/** Marks a deployment FAILED (it launches no new tasks) with the service event and the timeline event. */
function markFailed(sim: SimContext, svc: Service, dep: Deployment, why: string, reason?: string): void {
  if (dep.rolloutState !== 'IN_PROGRESS') return;
  dep.rolloutState = 'FAILED';
  dep.rolloutStateReason = reason ?? `ECS deployment ${dep.id} failed: ${why}.`;
  serviceEvent(sim, svc, `(service ${svc.serviceName}) (deployment ${dep.id}) deployment failed: ${why}.`);
  sim.emit('DeploymentStateChange', say('DeploymentStateChange.failed', { id: dep.id, service: svc.serviceName, why }), { serviceArn: svc.serviceArn, deploymentId: dep.id, rolloutState: 'FAILED' });
}

/**
 * The deployment `failing` (by default the service deployment's own) has failed: it launches nothing
 * more, and the service deployment is rolled back or stopped. A rolling rollback's own deployment
 * failing ends the service deployment ROLLBACK_FAILED.
 */
export function failDeployment(sim: SimContext, svc: Service, sd: ServiceDeploymentRecord, why: string, rollback: boolean, reason?: string, failing?: Deployment): void {
  const dep = deploymentOf(svc, sd);
  if (sd.status === 'ROLLBACK_IN_PROGRESS' && failing && failing !== dep) {
    markFailed(sim, svc, failing, why, reason);
    setStatus(sim, svc, sd, 'ROLLBACK_FAILED', `The rollback failed: ${why}.`);
    return;
  }
  if (!isOngoing(sd) || sd.status === 'ROLLBACK_REQUESTED' || sd.status === 'ROLLBACK_IN_PROGRESS') return;
  if (dep) markFailed(sim, svc, dep, why, reason);
  if (!rollback) {
    setStatus(sim, svc, sd, 'STOPPED', `The service deployment failed and was not rolled back: ${why}.`);
    return;
  }
  setStatus(sim, svc, sd, 'ROLLBACK_REQUESTED', `The service deployment failed: ${why}. A rollback was requested.`);
  if (isShifting(sd)) rollBackToBlue(sim, svc, sd, why);
  else rollBackRolling(sim, svc, sd, dep, why);
}

/** A rolling rollback: a new deployment of the last completed revision, which continues this service deployment. */
function rollBackRolling(sim: SimContext, svc: Service, sd: ServiceDeploymentRecord, dep: Deployment | undefined, why: string): void {
  const back = svc.lastCompleted;
  if (!back || !dep || back.taskDefinition === dep.taskDefinition) {
    setStatus(sim, svc, sd, 'ROLLBACK_FAILED', 'There is no completed service revision to roll back to.');
    return;
  }
  const next = startDeployment(sim, svc, back.taskDefinition, undefined, '', { ...(back.serviceRevisionArn ? { revisionArn: back.serviceRevisionArn } : {}), record: sd });
  next.rolloutStateReason = `ECS deployment ${next.id} in progress: rolling back from failed deployment ${dep.id} to the task definition of deployment ${back.id}.`;
  serviceEvent(sim, svc, `(service ${svc.serviceName}) (deployment ${dep.id}) rolling back to deployment ${back.id}.`);
  sd.rollback = { reason: why, startedAtMs: sim.now, serviceRevisionArn: next.serviceRevisionArn ?? '' };
  setStatus(sim, svc, sd, 'ROLLBACK_IN_PROGRESS', `Rolling back: ${why}.`);
  requestPass(sim, svc);
}

/** A blue/green, linear or canary rollback: traffic back to blue at once, blue PRIMARY again, green stopped by the scheduler. */
function rollBackToBlue(sim: SimContext, svc: Service, sd: ServiceDeploymentRecord, why: string): void {
  const blueArn = sd.sourceRevisionArns[0];
  const blue = svc.deployments.find((d) => d.serviceRevisionArn === blueArn && d.id !== sd.deploymentId);
  const green = deploymentOf(svc, sd);
  if (!blue || !green) {
    setStatus(sim, svc, sd, 'ROLLBACK_FAILED', 'There is no previous service revision running to roll back to.');
    return;
  }
  shiftTraffic(sim, svc, sd, 0, 'production');
  shiftTraffic(sim, svc, sd, 0, 'test');
  svc.deployments = [blue, ...svc.deployments.filter((d) => d !== blue)];
  blue.status = 'PRIMARY';
  green.status = 'ACTIVE';
  svc.taskDefinition = blue.taskDefinition;
  svc.steady = false;
  serviceEvent(sim, svc, `(service ${svc.serviceName}) (deployment ${green.id}) rolling back to deployment ${blue.id}.`);
  sd.rollback = { reason: why, startedAtMs: sim.now, serviceRevisionArn: blueArn! };
  setStatus(sim, svc, sd, 'ROLLBACK_IN_PROGRESS', `Rolling back: ${why}.`);
  requestPass(sim, svc);
}

/** StopServiceDeployment: ROLLBACK (even without the rollback option configured) or ABORT (stop where it is) [INF: ABORT]. */
export function stopServiceDeployment(sim: SimContext, svc: Service, sd: ServiceDeploymentRecord, stopType: 'ROLLBACK' | 'ABORT'): void {
  if (stopType === 'ROLLBACK') {
    failDeployment(sim, svc, sd, 'the service deployment was stopped with StopServiceDeployment', true);
    return;
  }
  setStatus(sim, svc, sd, 'STOP_REQUESTED', 'StopServiceDeployment was called with stopType ABORT.');
  failDeployment(sim, svc, sd, 'the service deployment was stopped with StopServiceDeployment', false);
}

/**
 * Deployment alarms (DG:deployment-alarm-failure, API:DeploymentAlarms): while a service deployment
 * is in progress (its bake time included), any of its alarms in the ALARM state fails it, and rolls it
 * back when the configuration says so. Run each minute after the alarms are evaluated, and when an
 * alarm's state is set.
 */
export function checkDeploymentAlarms(sim: SimContext): void {
  for (const svc of Object.values(sim.world.services)) {
    if (svc.status !== 'ACTIVE') continue;
    const sd = recordOf(
      sim,
      svc.deployments.find((d) => d.status === 'PRIMARY' && d.rolloutState === 'IN_PROGRESS'),
    );
    if (!sd || sd.status !== 'IN_PROGRESS' || !sd.alarms || sd.alarms.status !== 'MONITORING') continue;
    const cfg = sd.deploymentConfiguration.alarms!;
    const firing = cfg.alarmNames.filter((n) => sim.world.alarms[n]?.StateValue === 'ALARM');
    if (firing.length === 0) continue;
    sd.alarms.status = 'TRIGGERED';
    sd.alarms.triggeredAlarmNames = firing;
    const why = `CloudWatch alarm${firing.length > 1 ? 's' : ''} ${firing.join(', ')} in ALARM state`;
    failDeployment(sim, svc, sd, why, cfg.rollback);
  }
}
