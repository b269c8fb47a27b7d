import { ApiError, invalidParameter, serviceNotFound } from '../../core/errors';
import type { SimContext } from '../../model/context';
import type { CapacityProviderStrategyItem, Cluster, DeploymentConfig, Service, Tag, TaskDefinition } from '../../model/types';
import { describeService } from '../../queries/describeService';
import { findService } from '../../queries/lookups';
import { findTaskDefinition } from '../../queries/taskDefinitions';
import { stopTask } from '../../controllers/tasks';
import { deploymentId, openServiceDeployment, rebalancingDefault, requestPass, startDeployment, watchGracePeriod } from '../../controllers/services';
import type { EcsOperations } from './operation';
import { ecsPage } from './paging';
import { checkLaunch, onFargate, platformVersionFor, taskDefinitionForLaunch, type Launch } from './launch';
import { checkLoadBalancers, checkRegistries, checkServiceConnect } from './serviceChecks';
import { checkAdvanced, checkDeploymentConfig } from './deploymentConfig';
import { checkTags } from './tags';
import type * as Ecs from './inputs.generated';
import { resolveCapacity, type Capacity } from './strategy';
import { say } from '../../model/narration';

/** A CreateService request, checked. */
interface NewService {
  arn: string;
  name: string;
  cluster: Cluster;
  td: TaskDefinition;
  launch: Launch;
  scheduling: string;
  desired: number;
  dc: DeploymentConfig;
  pv: string | undefined;
  loadBalancers: Service['loadBalancers'];
  serviceRegistries: Service['serviceRegistries'];
  serviceConnect: Service['serviceConnectConfiguration'];
  tags: Tag[];
  healthCheckGracePeriodSeconds: number | undefined;
  availabilityZoneRebalancing: 'ENABLED' | 'DISABLED';
}

/** A REPLICA service needs a desired count; a DAEMON service gets one task per instance (EC2 only, no strategies, 100 % maximum). */
function desiredCountOf(scheduling: NewService['scheduling'], launch: Launch, dc: Ecs.DeploymentConfiguration, desired: number | undefined): number {
  if (scheduling === 'DAEMON') {
    if (launch.launchType === 'FARGATE') throw invalidParameter('The daemon scheduling strategy does not support the FARGATE launch type.');
    if (launch.strategies.length) throw invalidParameter('Placement strategies are not supported with the DAEMON scheduling strategy.');
    if (dc.maximumPercent !== undefined && dc.maximumPercent !== 100) throw invalidParameter('The maximumPercent of a service with the DAEMON scheduling strategy must be 100.');
    return 0;
  }
  if (desired === undefined) throw invalidParameter('The desired count must be specified for a service with the REPLICA scheduling strategy.');
  return desired;
}

/** The service record of a checked CreateService request, with its first deployment. */
function newService(sim: SimContext, n: NewService): Service {
  const { launch, scheduling, desired, dc, pv } = n;
  const net = launch.net;
  const capacity = launch.capacity.strategy ? { capacityProviderStrategy: launch.capacity.strategy } : { launchType: launch.launchType };
  const depId = deploymentId(sim);
  return {
    serviceArn: n.arn,
    serviceName: n.name,
    clusterArn: n.cluster.clusterArn,
    status: 'ACTIVE',
    taskDefinition: n.td.taskDefinitionArn,
    desiredCount: desired,
    ...capacity,
    placementConstraints: launch.constraints,
    placementStrategy: launch.strategies,
    schedulingStrategy: scheduling,
    deploymentConfiguration: dc,
    deployments: [
      {
        id: depId,
        status: 'PRIMARY',
        taskDefinition: n.td.taskDefinitionArn,
        desiredCount: desired,
        pendingCount: 0,
        runningCount: 0,
        failedTasks: 0,
        createdAtMs: sim.now,
        updatedAtMs: sim.now,
        ...capacity,
        rolloutState: 'IN_PROGRESS',
        rolloutStateReason: `ECS deployment ${depId} in progress.`,
        ...(pv ? { platformVersion: pv } : {}),
        ...(net ? { networkConfiguration: net } : {}),
      },
    ],
    events: [],
    createdAtMs: sim.now,
    steady: false,
    consecutiveStartFailures: 0,
    throttledUntilMs: 0,
    passPending: false,
    retryAtMs: 0,
    taskArns: [],
    loadBalancers: n.loadBalancers,
    serviceRegistries: n.serviceRegistries,
    ...(n.serviceConnect ? { serviceConnectConfiguration: n.serviceConnect } : {}),
    tags: n.tags,
    availabilityZoneRebalancing: n.availabilityZoneRebalancing,
    ...(pv ? { platformVersion: pv } : {}),
    ...(net ? { networkConfiguration: net } : {}),
    ...(n.healthCheckGracePeriodSeconds !== undefined ? { healthCheckGracePeriodSeconds: n.healthCheckGracePeriodSeconds } : {}),
  };
}

/**
 * The capacity an UpdateService request moves the service to (ecs-spec §13.2; API:UpdateService
 * capacityProviderStrategy, June 2025): "Update the Fargate launch type to an Auto Scaling group capacity
 * provider. Update the Amazon EC2 launch type to a Fargate capacity provider. Update the Fargate capacity
 * provider to an Auto Scaling group capacity provider. Update the Amazon EC2 capacity provider to a Fargate
 * capacity provider. Update the Auto Scaling group or Fargate capacity provider back to the launch type. Pass
 * an empty list", which "will remove Capacity Providers from the service and revert it to the same launch
 * type" (aws/containers-roadmap#838): EC2 from an Auto Scaling group provider, FARGATE from a Fargate one.
 * A change still needs forceNewDeployment, and the task definition must be compatible with the new capacity.
 */
function targetCapacity(sim: SimContext, cluster: Cluster, svc: Service, td: TaskDefinition, strategy: CapacityProviderStrategyItem[] | undefined, force: boolean): Capacity {
  const current: Capacity = { launchType: onFargate(svc) ? 'FARGATE' : 'EC2', ...(svc.capacityProviderStrategy ? { strategy: svc.capacityProviderStrategy } : {}) };
  if (strategy === undefined || (strategy.length === 0 && !svc.capacityProviderStrategy)) return current;
  if (!force) {
    throw invalidParameter('When switching from launch type to capacity provider strategy on an existing service, or making a change to a capacity provider strategy on a service that is already using one, you must force a new deployment.');
  }
  if (strategy.length === 0) return resolveCapacity(sim, cluster, current.launchType, undefined, td);
  return resolveCapacity(sim, cluster, undefined, strategy, td);
}

/** Puts the service on its new capacity: a strategy, or a launch type (and no platform version off Fargate). */
function applyCapacity(svc: Service, capacity: Capacity): void {
  if (capacity.strategy) {
    svc.capacityProviderStrategy = capacity.strategy;
    delete svc.launchType;
  } else {
    svc.launchType = capacity.launchType;
    delete svc.capacityProviderStrategy;
  }
  if (capacity.launchType !== 'FARGATE') delete svc.platformVersion;
}

/** The request's availabilityZoneRebalancing (the model's enum, checked with the request). */
function azRebalancing(v: string): 'ENABLED' | 'DISABLED' {
  return v === 'DISABLED' ? 'DISABLED' : 'ENABLED';
}

/** Services: create, update (a new deployment when the task definition or network changes), delete, describe, list. */
export const SERVICE_OPERATIONS = {
  CreateService(sim, input) {
    const cluster = sim.cluster(input.cluster);
    const name = input.serviceName;
    if (!/^[A-Za-z0-9_-]{1,255}$/.test(name)) throw invalidParameter('Service name can have up to 255 characters: letters, numbers, hyphens and underscores.');
    const arn = sim.arn(`service/${cluster.clusterName}/${name}`);
    const existing = sim.world.services[arn];
    if (existing && existing.status !== 'INACTIVE') throw invalidParameter('Creation of service was not idempotent.');
    const scheduling = input.schedulingStrategy ?? 'REPLICA';
    if (!input.taskDefinition) throw invalidParameter('A task definition is required to create a service with the ECS deployment controller.');
    const td = taskDefinitionForLaunch(sim, input.taskDefinition, 'Service');
    const launch = checkLaunch(sim, cluster, td, input);
    const dcInput = input.deploymentConfiguration ?? {};
    const desired = desiredCountOf(scheduling, launch, dcInput, input.desiredCount);
    const dc = checkDeploymentConfig(dcInput, undefined, scheduling === 'DAEMON');
    const pv = launch.launchType === 'FARGATE' ? platformVersionFor(td, input.platformVersion) : undefined;
    const loadBalancers = checkLoadBalancers(sim, td, input.loadBalancers);
    checkAdvanced(sim, loadBalancers, dc.strategy);
    const svc = newService(sim, {
      arn,
      name,
      cluster,
      td,
      launch,
      scheduling,
      desired,
      dc,
      pv,
      loadBalancers,
      serviceRegistries: checkRegistries(sim, td, input.serviceRegistries),
      serviceConnect: checkServiceConnect(sim, td, name, input.serviceConnectConfiguration),
      tags: checkTags(input.tags ?? []),
      healthCheckGracePeriodSeconds: input.healthCheckGracePeriodSeconds,
      // "For create service requests, when no value is specified … Amazon ECS defaults the value to ENABLED" (API:CreateService).
      availabilityZoneRebalancing: input.availabilityZoneRebalancing !== undefined ? azRebalancing(input.availabilityZoneRebalancing) : rebalancingDefault(scheduling, launch.strategies),
    });
    if (input.enableExecuteCommand) svc.enableExecuteCommand = true;
    sim.world.services[arn] = svc;
    openServiceDeployment(sim, svc, svc.deployments[0]!, []);
    sim.emit('ServiceCreated', say('ServiceCreated.created', { name, count: desired }), { serviceArn: arn });
    requestPass(sim, svc);
    return { service: describeService(sim, svc) };
  },

  UpdateService(sim, input) {
    const cluster = sim.cluster(input.cluster);
    const svc = findService(sim, cluster, input.service);
    if (!svc) throw serviceNotFound();
    if (svc.status !== 'ACTIVE') throw new ApiError('ServiceNotActiveException', 'Service was not ACTIVE.');
    let newDeployment = input.forceNewDeployment === true;
    let td = undefined as TaskDefinition | undefined;
    if (input.taskDefinition !== undefined) {
      td = taskDefinitionForLaunch(sim, input.taskDefinition, 'Service');
      if (td.taskDefinitionArn !== svc.taskDefinition) newDeployment = true;
    }
    const effectiveTd = td ?? findTaskDefinition(sim, svc.taskDefinition)!;
    const { placementStrategy: strategies, placementConstraints: constraints, networkConfiguration: net } = input;
    const capacity = targetCapacity(sim, cluster, svc, effectiveTd, input.capacityProviderStrategy, input.forceNewDeployment === true);
    // Onto Fargate, the service's placement strategies and constraints are checked too (Fargate takes none).
    const toFargate = capacity.launchType === 'FARGATE' && !onFargate(svc);
    const launch = checkLaunch(
      sim,
      cluster,
      effectiveTd,
      {
        networkConfiguration: net ?? svc.networkConfiguration,
        placementStrategy: strategies ?? (toFargate ? svc.placementStrategy : undefined),
        placementConstraints: constraints ?? (toFargate ? svc.placementConstraints : undefined),
      },
      capacity,
    );
    if (net !== undefined) newDeployment = true;
    if (input.desiredCount !== undefined && svc.schedulingStrategy === 'DAEMON') throw invalidParameter('The desired count cannot be set for a service with the DAEMON scheduling strategy.');
    const dc = input.deploymentConfiguration;
    let next: DeploymentConfig | undefined;
    if (dc) {
      next = checkDeploymentConfig(dc, svc.deploymentConfiguration, svc.schedulingStrategy === 'DAEMON');
      if (svc.schedulingStrategy === 'DAEMON' && next.maximumPercent !== 100) {
        throw invalidParameter('The maximumPercent of a service with the DAEMON scheduling strategy must be 100.');
      }
      checkAdvanced(sim, svc.loadBalancers, next.strategy);
    }
    // The new capacity is Fargate exactly when its launch type is (a strategy never mixes Fargate and other providers).
    const pv = newDeployment && capacity.launchType === 'FARGATE' ? platformVersionFor(effectiveTd, input.platformVersion ?? svc.platformVersion) : undefined;
    // Everything is checked: a refused request has changed nothing. From here on the request is applied whole.
    if (input.capacityProviderStrategy !== undefined) applyCapacity(svc, capacity);
    if (input.desiredCount !== undefined) svc.desiredCount = input.desiredCount;
    if (next) svc.deploymentConfiguration = next;
    if (strategies) svc.placementStrategy = launch.strategies;
    if (constraints) svc.placementConstraints = launch.constraints;
    if (input.healthCheckGracePeriodSeconds !== undefined) {
      svc.healthCheckGracePeriodSeconds = input.healthCheckGracePeriodSeconds;
      // A failing task's period now ends elsewhen: the service wakes at the new end.
      for (const a of svc.taskArns) if (sim.world.tasks[a]) watchGracePeriod(sim, svc, sim.world.tasks[a]!);
    }
    // Without the member the service keeps its value; it "doesn't trigger a new service deployment" (API:UpdateService).
    if (input.availabilityZoneRebalancing !== undefined) svc.availabilityZoneRebalancing = azRebalancing(input.availabilityZoneRebalancing);
    if (net) svc.networkConfiguration = launch.net;
    if (td) svc.taskDefinition = td.taskDefinitionArn;
    if (input.enableExecuteCommand !== undefined) svc.enableExecuteCommand = input.enableExecuteCommand;
    if (newDeployment) {
      if (pv && toFargate) svc.platformVersion = pv;
      const dep = startDeployment(sim, svc, svc.taskDefinition, pv);
      if (!pv) delete dep.platformVersion;
    }
    svc.deployments[0]!.desiredCount = svc.desiredCount;
    sim.emit('ServiceUpdated', say(newDeployment ? 'ServiceUpdated.deployment' : 'ServiceUpdated.updated', { name: svc.serviceName, count: svc.desiredCount }), { serviceArn: svc.serviceArn });
    requestPass(sim, svc);
    return { service: describeService(sim, svc) };
  },

  DeleteService(sim, input) {
    const cluster = sim.cluster(input.cluster);
    const svc = findService(sim, cluster, input.service);
    if (!svc || svc.status === 'INACTIVE') throw serviceNotFound();
    if (svc.status === 'DRAINING') return { service: describeService(sim, svc) };
    if (svc.schedulingStrategy === 'REPLICA' && svc.desiredCount > 0 && input.force !== true) {
      throw invalidParameter('The service cannot be stopped while it is scaled above 0.');
    }
    svc.status = 'DRAINING';
    svc.desiredCount = 0;
    // "When you delete a service, Amazon ECS deletes the corresponding service deployments" (DG:service-deployment).
    for (const a of svc.serviceDeploymentArns ?? []) delete sim.world.serviceDeployments[a];
    delete svc.serviceDeploymentArns;
    const primary = svc.deployments[0]!;
    for (const a of [...svc.taskArns]) {
      const t = sim.world.tasks[a];
      if (t && t.desiredStatus === 'RUNNING') stopTask(sim, t, 'ServiceSchedulerInitiated', `Scaling activity initiated by (deployment ${primary.id})`);
    }
    sim.emit('ServiceStateChange', say('ServiceStateChange.draining', { name: svc.serviceName }), { serviceArn: svc.serviceArn, status: 'DRAINING' });
    requestPass(sim, svc);
    return { service: describeService(sim, svc) };
  },

  DescribeServices(sim, input) {
    const cluster = sim.cluster(input.cluster);
    const services: unknown[] = [];
    const failures: unknown[] = [];
    for (const r of input.services) {
      const s = findService(sim, cluster, r);
      if (s) services.push(describeService(sim, s));
      else failures.push({ arn: r.startsWith('arn:') ? r : sim.arn(`service/${cluster.clusterName}/${r}`), reason: 'MISSING' });
    }
    return { services, failures };
  },

  ListServices(sim, input) {
    const cluster = sim.cluster(input.cluster);
    const arns = Object.values(sim.world.services)
      .filter((s) => s.clusterArn === cluster.clusterArn && s.status === 'ACTIVE' && (!input.launchType || s.launchType === input.launchType) && (!input.schedulingStrategy || s.schedulingStrategy === input.schedulingStrategy))
      .map((s) => s.serviceArn);
    return ecsPage(arns, input, 'serviceArns');
  },
} satisfies EcsOperations;
