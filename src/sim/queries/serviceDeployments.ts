import type { SimContext } from '../model/context';
import type { Service, ServiceDeploymentRecord, ServiceRevisionRecord } from '../model/types';

/** Describe-shaped views of service deployments and service revisions, as ECS returns them (timestamps in epoch seconds). */

const drop = <T extends Record<string, unknown>>(o: T): T => {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
};

/** Task counts of a revision's tasks: live while its service deployment runs, as they were when it finished. */
export function revisionTaskCounts(sim: SimContext, svc: Service | undefined, arn: string, sd?: ServiceDeploymentRecord): { requested: number; running: number; pending: number } {
  const frozen = sd?.finalCounts?.[arn];
  if (frozen) return frozen;
  let running = 0;
  let pending = 0;
  if (!svc) return { requested: 0, running, pending };
  for (const a of svc.taskArns) {
    const t = sim.world.tasks[a];
    if (!t || t.desiredStatus !== 'RUNNING') continue;
    const dep = svc.deployments.find((d) => d.id === t.deploymentId);
    if (dep?.serviceRevisionArn !== arn) continue;
    if (t.lastStatus === 'RUNNING') running++;
    else if (t.lastStatus !== 'STOPPED') pending++;
  }
  const primary = svc.deployments[0]?.serviceRevisionArn === arn;
  return { requested: primary ? svc.desiredCount : running + pending, running, pending };
}

/** ServiceRevisionSummary: counts, and the share of production and test traffic the revision was given. */
function summary(sim: SimContext, sd: ServiceDeploymentRecord, arn: string, target: boolean): Record<string, unknown> {
  const svc = sim.world.services[sd.serviceArn];
  const c = revisionTaskCounts(sim, svc, arn, sd);
  const rev = sim.world.serviceRevisions[arn];
  const shifting = sd.strategy !== 'ROLLING' && (rev?.targetGroups.some((g) => g.productionListenerRule) ?? false);
  return drop({
    arn,
    requestedTaskCount: c.requested,
    runningTaskCount: c.running,
    pendingTaskCount: c.pending,
    requestedTestTrafficWeight: shifting ? (target ? sd.testWeight : 100 - sd.testWeight) : undefined,
    requestedProductionTrafficWeight: shifting ? (target ? sd.productionWeight : 100 - sd.productionWeight) : undefined,
  });
}

export function describeServiceDeployment(sim: SimContext, sd: ServiceDeploymentRecord): Record<string, unknown> {
  return drop({
    serviceDeploymentArn: sd.serviceDeploymentArn,
    serviceArn: sd.serviceArn,
    clusterArn: sd.clusterArn,
    createdAt: sim.ts(sd.createdAtMs),
    startedAt: sim.ts(sd.startedAtMs),
    finishedAt: sim.ts(sd.finishedAtMs),
    stoppedAt: sim.ts(sd.stoppedAtMs),
    updatedAt: sim.ts(sd.updatedAtMs),
    sourceServiceRevisions: sd.sourceRevisionArns.map((a) => summary(sim, sd, a, false)),
    targetServiceRevision: summary(sim, sd, sd.targetRevisionArn, true),
    status: sd.status,
    statusReason: sd.statusReason,
    lifecycleStage: sd.lifecycleStage,
    lifecycleHookDetails:
      sd.strategy === 'ROLLING'
        ? undefined
        : sd.hooks.map((h) =>
            drop({
              hookId: h.hookId,
              targetType: h.targetType,
              targetArn: h.targetArn,
              status: h.status,
              expiresAt: sim.ts(h.expiresAtMs),
              timeoutAction: h.timeoutAction,
            }),
          ),
    deploymentConfiguration: sd.deploymentConfiguration,
    rollback: sd.rollback ? { reason: sd.rollback.reason, startedAt: sim.ts(sd.rollback.startedAtMs), serviceRevisionArn: sd.rollback.serviceRevisionArn } : undefined,
    deploymentCircuitBreaker: sd.circuitBreaker,
    alarms: sd.alarms,
  });
}

export function briefServiceDeployment(sim: SimContext, sd: ServiceDeploymentRecord): Record<string, unknown> {
  return drop({
    serviceDeploymentArn: sd.serviceDeploymentArn,
    serviceArn: sd.serviceArn,
    clusterArn: sd.clusterArn,
    startedAt: sim.ts(sd.startedAtMs),
    createdAt: sim.ts(sd.createdAtMs),
    finishedAt: sim.ts(sd.finishedAtMs),
    targetServiceRevisionArn: sd.targetRevisionArn,
    status: sd.status,
    statusReason: sd.statusReason,
  });
}

export function describeServiceRevision(sim: SimContext, r: ServiceRevisionRecord): Record<string, unknown> {
  const adv = r.targetGroups.some((g) => g.productionListenerRule);
  return drop({
    serviceRevisionArn: r.serviceRevisionArn,
    serviceArn: r.serviceArn,
    clusterArn: r.clusterArn,
    taskDefinition: r.taskDefinition,
    capacityProviderStrategy: r.capacityProviderStrategy,
    launchType: r.launchType,
    platformVersion: r.platformVersion,
    platformFamily: r.launchType === 'FARGATE' ? 'Linux' : undefined,
    loadBalancers: r.loadBalancers,
    serviceRegistries: r.serviceRegistries,
    networkConfiguration: r.networkConfiguration,
    containerImages: r.containerImages.map((c) => ({ containerName: c.containerName, image: c.image })),
    guardDutyEnabled: false,
    serviceConnectConfiguration: r.serviceConnectConfiguration,
    createdAt: sim.ts(r.createdAtMs),
    resolvedConfiguration: adv ? { loadBalancers: r.targetGroups.map((g) => drop({ targetGroupArn: g.targetGroupArn, productionListenerRule: g.productionListenerRule })) } : undefined,
  });
}

/** DescribeServices' currentServiceDeployment and currentServiceRevisions: the newest service deployment and the revisions with tasks. */
export function currentOfService(sim: SimContext, s: Service): { currentServiceDeployment?: string; currentServiceRevisions?: Record<string, unknown>[] } {
  const arns = s.serviceDeploymentArns ?? [];
  const revisions = [...new Set(s.deployments.map((d) => d.serviceRevisionArn).filter((a): a is string => a !== undefined))];
  return {
    ...(arns.length ? { currentServiceDeployment: arns[arns.length - 1] } : {}),
    ...(revisions.length
      ? {
          currentServiceRevisions: revisions.map((arn) => {
            const c = revisionTaskCounts(sim, s, arn);
            return { arn, requestedTaskCount: c.requested, runningTaskCount: c.running, pendingTaskCount: c.pending };
          }),
        }
      : {}),
  };
}
