import type { SimContext } from '../../model/context';
import type { Deployment, Service, ServiceDeploymentRecord } from '../../model/types';
import { isOngoing, isShifting, openRecord, recordOf, shiftTraffic } from './records';
import { createRevision, revisionOf } from './revisions';
import { planFor } from './plan';

/** Starting a deployment: its ecs-svc/… deployment, the service revision it deploys, and its service deployment. */

export function deploymentId(sim: SimContext): string {
  const r = sim.engine.rng.stream('ids');
  let s = '';
  for (let i = 0; i < 19; i++) s += String(r.int(10));
  return `ecs-svc/${s}`;
}

/** The revision serving production traffic before a new deployment: the last completed deployment's, else the previous primary's. */
export function productionRevisionArn(svc: Service, previous: Deployment[]): string | undefined {
  return svc.lastCompleted?.serviceRevisionArn ?? previous[0]?.serviceRevisionArn;
}

/**
 * Records the revision and the service deployment of a deployment that has just become PRIMARY:
 * the deployments still running tasks are its sources. A deployment that a blue/green, linear or
 * canary one interrupts gives production traffic back to the production revision first.
 */
export function openServiceDeployment(sim: SimContext, svc: Service, dep: Deployment, previous: Deployment[]): ServiceDeploymentRecord {
  const productionArn = productionRevisionArn(svc, previous);
  const interrupted = previous.map((d) => recordOf(sim, d)).find((r) => r !== undefined && isOngoing(r) && isShifting(r));
  if (interrupted && interrupted.productionWeight > 0) {
    shiftTraffic(sim, svc, interrupted, 0, 'production');
    shiftTraffic(sim, svc, interrupted, 0, 'test');
  }
  const production = productionArn ? sim.world.serviceRevisions[productionArn] : undefined;
  const target = createRevision(sim, svc, dep, production);
  const sources = previous.map((d) => d.serviceRevisionArn).filter((a): a is string => a !== undefined);
  const ordered = production ? [production.serviceRevisionArn, ...sources.filter((a) => a !== production.serviceRevisionArn)] : sources;
  const sd = openRecord(sim, svc, dep, target, [...new Set(ordered)]);
  if (sd.strategy !== 'ROLLING') sd.plan = planFor(sd, previous.length > 1);
  return sd;
}

/**
 * Starts a new PRIMARY deployment of `taskDefinition`; the previous one becomes ACTIVE and is
 * drained by the scheduler within minimumHealthyPercent / maximumPercent (or, blue/green, linear and
 * canary, kept until its clean-up). A new deployment resets the start-failure back-off (§5.6).
 * `rollback`: a rolling rollback to a completed revision, which continues the failed service
 * deployment rather than opening one.
 */
export function startDeployment(sim: SimContext, svc: Service, taskDefinition: string, platformVersion?: string, reason?: string, rollback?: { revisionArn?: string; record: ServiceDeploymentRecord }): Deployment {
  const previous = svc.deployments.slice();
  const old = svc.deployments[0];
  if (old) old.status = 'ACTIVE';
  const id = deploymentId(sim);
  const dep: Deployment = {
    id,
    status: 'PRIMARY',
    taskDefinition,
    desiredCount: svc.desiredCount,
    pendingCount: 0,
    runningCount: 0,
    failedTasks: 0,
    createdAtMs: sim.now,
    updatedAtMs: sim.now,
    ...(svc.launchType ? { launchType: svc.launchType } : {}),
    ...(svc.capacityProviderStrategy ? { capacityProviderStrategy: svc.capacityProviderStrategy } : {}),
    rolloutState: 'IN_PROGRESS',
    rolloutStateReason: reason ?? `ECS deployment ${id} in progress.`,
    ...((platformVersion ?? old?.platformVersion) ? { platformVersion: (platformVersion ?? old?.platformVersion)! } : {}),
    ...(svc.networkConfiguration ? { networkConfiguration: svc.networkConfiguration } : {}),
  };
  svc.deployments.unshift(dep);
  svc.taskDefinition = taskDefinition;
  svc.consecutiveStartFailures = 0;
  svc.throttledUntilMs = 0;
  svc.steady = false;
  if (rollback) {
    const rev = rollback.revisionArn ? sim.world.serviceRevisions[rollback.revisionArn] : undefined;
    if (rev) dep.serviceRevisionArn = rev.serviceRevisionArn;
    else createRevision(sim, svc, dep, revisionOf(sim, old));
    dep.serviceDeploymentArn = rollback.record.serviceDeploymentArn;
  } else openServiceDeployment(sim, svc, dep, previous);
  return dep;
}
