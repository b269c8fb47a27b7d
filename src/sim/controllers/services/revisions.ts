import type { SimContext } from '../../model/context';
import type { Deployment, Service, ServiceRevisionRecord } from '../../model/types';
import { deploymentTaskDefinition } from '../../queries/taskDefinitions';

/**
 * Service revisions (DG:service-revision, API:ServiceRevision): what a deployment deploys — the task
 * definition, capacity, network, load balancers, registries and Service Connect — captured when it
 * starts, with the target groups its tasks register in. With an alternate target group
 * (blue/green, linear, canary), a new revision takes the target group the production revision does
 * not use, so blue and green never share one; otherwise it keeps the production revision's.
 */

/** The id of a revision ARN: 19 digits from a stream of its own, so ids elsewhere do not move [SIM]. */
function revisionId(sim: SimContext): string {
  const r = sim.engine.rng.stream('service-revisions');
  let s = '';
  for (let i = 0; i < 19; i++) s += String(r.int(10));
  return s;
}

/** The target groups a new revision's tasks register in, given the revision in production (if any). */
function targetGroupsFor(sim: SimContext, svc: Service, production: ServiceRevisionRecord | undefined, alternate: boolean): ServiceRevisionRecord['targetGroups'] {
  return svc.loadBalancers.map((lb, i) => {
    const adv = lb.advancedConfiguration;
    const base = { containerName: lb.containerName, ...(lb.containerPort !== undefined ? { containerPort: lb.containerPort } : {}) };
    if (!adv) return { targetGroupArn: lb.targetGroupArn, ...base };
    const inUse = production?.targetGroups[i]?.targetGroupArn ?? lb.targetGroupArn;
    const other = inUse === lb.targetGroupArn ? adv.alternateTargetGroupArn : lb.targetGroupArn;
    const targetGroupArn = alternate && production ? other : inUse;
    void sim;
    return { targetGroupArn, ...base, productionListenerRule: adv.productionListenerRule };
  });
}

/** Records the revision a new deployment deploys; `production` is the revision serving traffic until then. */
export function createRevision(sim: SimContext, svc: Service, dep: Deployment, production: ServiceRevisionRecord | undefined): ServiceRevisionRecord {
  const cluster = sim.world.clusters[svc.clusterArn];
  const td = deploymentTaskDefinition(sim, dep);
  const strategy = svc.deploymentConfiguration.strategy ?? 'ROLLING';
  const rev: ServiceRevisionRecord = {
    serviceRevisionArn: sim.arn(`service-revision/${cluster?.clusterName ?? 'default'}/${svc.serviceName}/${revisionId(sim)}`),
    serviceArn: svc.serviceArn,
    clusterArn: svc.clusterArn,
    taskDefinition: dep.taskDefinition,
    ...(dep.launchType ? { launchType: dep.launchType } : {}),
    ...(dep.capacityProviderStrategy ? { capacityProviderStrategy: dep.capacityProviderStrategy } : {}),
    ...(dep.platformVersion ? { platformVersion: dep.platformVersion } : {}),
    loadBalancers: svc.loadBalancers,
    serviceRegistries: svc.serviceRegistries,
    ...(dep.networkConfiguration ? { networkConfiguration: dep.networkConfiguration } : {}),
    ...(svc.serviceConnectConfiguration ? { serviceConnectConfiguration: svc.serviceConnectConfiguration } : {}),
    containerImages: (td?.containerDefinitions ?? []).map((c) => ({ containerName: c.name, image: c.image })),
    createdAtMs: sim.now,
    targetGroups: targetGroupsFor(sim, svc, production, strategy !== 'ROLLING'),
  };
  sim.world.serviceRevisions[rev.serviceRevisionArn] = rev;
  dep.serviceRevisionArn = rev.serviceRevisionArn;
  return rev;
}

/** The revision a deployment deploys. */
export function revisionOf(sim: SimContext, dep: Deployment | undefined): ServiceRevisionRecord | undefined {
  return dep?.serviceRevisionArn ? sim.world.serviceRevisions[dep.serviceRevisionArn] : undefined;
}
