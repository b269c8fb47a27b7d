import type { SimContext } from '../../model/context';
import { FARGATE_PROVIDERS } from '../../model/capacity';
import type { Deployment, PlacementStrategy, PlacementTrace, Service, Task } from '../../model/types';
import { placeOnFargate, placeOnInstances } from '../../placement/place';
import { recordTrace } from '../../placement/traces';
import { splitStrategy } from '../../queries/capacity';
import { deploymentTaskDefinition, requirementsOf } from '../../queries/taskDefinitions';
import { createTask } from '../tasks';

/**
 * The provider the next task of the deployment goes to: the one furthest below its share of the
 * desired count under the strategy (§7.1), counting the deployment's tasks that are not stopping.
 */
export function nextProvider(svc: Service, dep: Deployment, active: Task[]): string | undefined {
  const strategy = dep.capacityProviderStrategy ?? svc.capacityProviderStrategy;
  if (!strategy?.length) return undefined;
  const target = splitStrategy(strategy, svc.desiredCount);
  let best = 0;
  let bestGap = -Infinity;
  strategy.forEach((item, i) => {
    const have = active.filter((t) => t.deploymentId === dep.id && t.capacityProviderName === item.capacityProvider).length;
    const gap = target[i]! - have;
    if (gap > bestGap) {
      best = i;
      bestGap = gap;
    }
  });
  return strategy[best]!.capacityProvider;
}

/** Places and creates one service task; returns the task or the failed trace. */
export function launch(sim: SimContext, svc: Service, dep: Deployment, only?: string[], provider?: string): { task?: Task; trace: PlacementTrace } {
  const td = deploymentTaskDefinition(sim, dep)!;
  const w = sim.world;
  const group = `service:${svc.serviceName}`;
  const fargate = (dep.launchType ?? svc.launchType) === 'FARGATE' || (provider !== undefined && FARGATE_PROVIDERS.includes(provider));
  const traceId = w.nextTraceId++;
  const subnets = dep.networkConfiguration?.awsvpcConfiguration.subnets ?? svc.networkConfiguration?.awsvpcConfiguration.subnets;
  if (fargate) {
    const r = placeOnFargate(w, group, subnets ?? [], traceId, sim.now, provider === 'FARGATE_SPOT');
    recordTrace(w, r.trace);
    if (!r.subnetId) return { trace: r.trace };
    const task = createTask(sim, {
      clusterArn: svc.clusterArn,
      td,
      group,
      launchType: 'FARGATE',
      subnetId: r.subnetId,
      startedBy: dep.id,
      serviceArn: svc.serviceArn,
      deploymentId: dep.id,
      platformVersion: dep.platformVersion ?? '1.4.0',
      traceId,
      req: requirementsOf(td, 'FARGATE'),
      ...(provider ? { capacityProviderName: provider } : {}),
    });
    return { task, trace: r.trace };
  }
  const req = requirementsOf(td, 'EC2');
  const zones = td.networkMode === 'awsvpc' && subnets ? new Set(subnets.map((s) => w.subnets[s]?.availabilityZone ?? '')) : undefined;
  const cp = provider ? w.capacityProviders[provider] : undefined;
  const constraints = [...(td.placementConstraints ?? []), ...svc.placementConstraints];
  const strategies = svc.placementStrategy as PlacementStrategy[];
  const r = placeOnInstances(
    w,
    {
      clusterArn: svc.clusterArn,
      group,
      req,
      constraints,
      strategies,
      defaultMode: 'service',
      ...(zones ? { zones } : {}),
      ...(only ? { only } : {}),
      ...(cp ? { capacityProvider: cp.name } : {}),
    },
    sim.engine.rng.stream('placement'),
    traceId,
    sim.now,
  );
  recordTrace(w, r.trace);
  const common = {
    clusterArn: svc.clusterArn,
    td,
    group,
    launchType: 'EC2' as const,
    startedBy: dep.id,
    serviceArn: svc.serviceArn,
    deploymentId: dep.id,
    traceId,
    req,
    ...(cp ? { capacityProviderName: cp.name } : {}),
  };
  if (!r.instance) {
    if (cp?.managedScaling.status !== 'ENABLED') return { trace: r.trace };
    // With managed scaling the task waits in PROVISIONING for cluster auto scaling (§7.6).
    const task = createTask(sim, { ...common, waiting: { capacityProvider: cp.name, constraints, strategies, defaultMode: 'service', ...(subnets ? { subnets } : {}) } });
    return { task, trace: r.trace };
  }
  const subnetId = zones ? subnets!.find((s) => w.subnets[s]?.availabilityZone === r.instance!.availabilityZone) : undefined;
  const task = createTask(sim, { ...common, instance: r.instance, ...(subnetId ? { subnetId } : {}) });
  return { task, trace: r.trace };
}
