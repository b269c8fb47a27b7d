import type { SimContext } from '../model/context';
import type { Service } from '../model/types';
import { currentOfService } from './serviceDeployments';

/** A service as DescribeServices returns it (timestamps in epoch seconds). */

const drop = <T extends Record<string, unknown>>(o: T): T => {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
};

export function describeService(sim: SimContext, s: Service): Record<string, unknown> {
  const w = sim.world;
  let running = 0;
  let pending = 0;
  for (const a of s.taskArns) {
    const t = w.tasks[a];
    if (!t || t.desiredStatus !== 'RUNNING') continue;
    if (t.lastStatus === 'RUNNING') running++;
    else if (t.lastStatus !== 'STOPPED') pending++;
  }
  return drop({
    serviceArn: s.serviceArn,
    serviceName: s.serviceName,
    clusterArn: s.clusterArn,
    loadBalancers: s.loadBalancers,
    serviceRegistries: s.serviceRegistries,
    status: s.status,
    desiredCount: s.desiredCount,
    runningCount: running,
    pendingCount: pending,
    launchType: s.launchType,
    capacityProviderStrategy: s.capacityProviderStrategy,
    platformVersion: s.platformVersion,
    taskDefinition: s.taskDefinition,
    deploymentConfiguration: s.deploymentConfiguration,
    deployments: s.deployments.map((d) =>
      drop({
        id: d.id,
        status: d.status,
        taskDefinition: d.taskDefinition,
        desiredCount: d.desiredCount,
        pendingCount: d.pendingCount,
        runningCount: d.runningCount,
        failedTasks: d.failedTasks,
        createdAt: sim.ts(d.createdAtMs),
        updatedAt: sim.ts(d.updatedAtMs),
        launchType: d.launchType,
        capacityProviderStrategy: d.capacityProviderStrategy,
        platformVersion: d.platformVersion,
        networkConfiguration: d.networkConfiguration,
        rolloutState: d.rolloutState,
        rolloutStateReason: d.rolloutStateReason,
        // The model has Service Connect on each deployment, not on the service.
        serviceConnectConfiguration: s.serviceConnectConfiguration,
      }),
    ),
    events: s.events.map((e) => ({ id: e.id, createdAt: sim.ts(e.createdAtMs), message: e.message })),
    createdAt: sim.ts(s.createdAtMs),
    ...currentOfService(sim, s),
    placementConstraints: s.placementConstraints,
    placementStrategy: s.placementStrategy,
    networkConfiguration: s.networkConfiguration,
    healthCheckGracePeriodSeconds: s.healthCheckGracePeriodSeconds,
    schedulingStrategy: s.schedulingStrategy,
    deploymentController: { type: 'ECS' },
    createdBy: `arn:aws:iam::${sim.world.account}:user/learner`,
    enableECSManagedTags: false,
    propagateTags: 'NONE',
    enableExecuteCommand: s.enableExecuteCommand === true,
    availabilityZoneRebalancing: s.availabilityZoneRebalancing ?? 'DISABLED',
    tags: s.tags,
  });
}
