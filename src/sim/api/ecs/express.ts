import { ApiError, invalidParameter, serviceNotFound } from '../../core/errors';
import type { SimContext } from '../../model/context';
import type { Cluster, ExpressConfiguration, ExpressService } from '../../model/types';
import { own } from '../../core/own';
import type { EcsOperations } from './operation';
import { activeConfigurations, configurationOf, MAIN_CONTAINER } from './expressConfig';
import { ingressFor, must, putScaling, removeIngress, removeRoute, routeFor } from './expressIngress';
import { say } from '../../model/narration';

/**
 * Amazon ECS Express Mode (ecs-spec §13.4; API:CreateExpressGatewayService and its siblings;
 * DG:express-service-work): from an image, a task execution role and an infrastructure role, ECS makes
 * the default cluster if it is missing, a task definition, a service on Fargate with a canary deployment
 * ("5% of traffic is shifted … After 3 minutes bake time, 100%") and the deployment circuit breaker, the
 * load balancer resources of expressIngress.ts, and target tracking auto scaling; the service is reached at
 * https://<endpoint>. Update makes a new configuration (a canary deployment when the task definition or the
 * network changes); Delete drains the service and removes what Express Mode made once its tasks are gone.
 */

const CANARY = { canaryPercent: 5, canaryBakeTimeInMinutes: 3 };

/** The cluster an Express service goes to: the one named, or `default`, which Express Mode creates with the FARGATE provider. */
function clusterFor(sim: SimContext, ref: string | undefined): Cluster {
  const name = ref === undefined || ref === '' ? 'default' : ref;
  const isDefault = name === 'default' || name === sim.arn('cluster/default');
  const c = own(sim.world.clusters, name.startsWith('arn:') ? name : sim.arn(`cluster/${name}`));
  if ((!c || c.status !== 'ACTIVE') && isDefault) {
    must(sim, 'ecs.CreateCluster', { clusterName: 'default', capacityProviders: ['FARGATE'], defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }] });
  }
  return sim.cluster(name);
}

/** An Express service by ARN, for Update and Delete (ServiceNotFoundException, ServiceNotActiveException as UpdateService answers). */
function expressOf(sim: SimContext, arn: string): ExpressService {
  const e = own(sim.world.expressServices, arn);
  if (!e || e.status === 'INACTIVE') throw serviceNotFound();
  if (e.status !== 'ACTIVE') throw new ApiError('ServiceNotActiveException', 'Service was not ACTIVE.');
  return e;
}

function compact(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/** A configuration as the API answers it (API:ExpressGatewayServiceConfiguration), with its endpoint. */
function configurationOut(sim: SimContext, e: ExpressService, c: ExpressConfiguration): Record<string, unknown> {
  return compact({
    serviceRevisionArn: c.serviceRevisionArn,
    executionRoleArn: c.executionRoleArn,
    taskRoleArn: c.taskRoleArn,
    taskDefinitionArn: c.taskDefinitionArn,
    cpu: c.cpu,
    memory: c.memory,
    networkConfiguration: c.networkConfiguration,
    healthCheckPath: c.healthCheckPath,
    primaryContainer: c.primaryContainer,
    scalingTarget: c.scalingTarget,
    ingressPaths: [{ accessType: 'PUBLIC', endpoint: e.endpoint }],
    createdAt: sim.ts(c.createdAtMs),
  });
}

/** An Express service as the API answers it (API:ECSExpressGatewayService). */
export function describeExpress(sim: SimContext, e: ExpressService, withTags = true): Record<string, unknown> {
  const svc = sim.world.services[e.serviceArn];
  return compact({
    cluster: e.clusterArn,
    serviceName: e.serviceName,
    serviceArn: e.serviceArn,
    infrastructureRoleArn: e.infrastructureRoleArn,
    status: { statusCode: e.status },
    currentDeployment: svc?.deployments[0]?.serviceDeploymentArn,
    activeConfigurations: activeConfigurations(sim, e).map((c) => configurationOut(sim, e, c)),
    tags: withTags ? e.tags : undefined,
    createdAt: sim.ts(e.createdAtMs),
    updatedAt: sim.ts(e.updatedAtMs),
  });
}

/** The name of a service the request does not name [SIM]: the image's repository name and a random suffix. */
function generatedName(sim: SimContext, image: string | undefined): string {
  const repo =
    (image ?? 'express')
      .split('@')[0]!
      .split(':')[0]!
      .split('/')
      .pop()!
      .replace(/[^A-Za-z0-9_-]/g, '-')
      .slice(0, 200) || 'express';
  return `${repo}-${sim.hex(6)}`;
}

/** The service Express Mode creates: on Fargate, behind the rule, with a canary deployment and the circuit breaker. */
function createService(sim: SimContext, cluster: Cluster, name: string, c: ExpressConfiguration, port: number, route: ReturnType<typeof routeFor>, input: { infrastructureRoleArn: string; tags?: ExpressService['tags'] }): void {
  const fargate = cluster.capacityProviders.includes('FARGATE') ? { capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }] } : { launchType: 'FARGATE' };
  must(sim, 'ecs.CreateService', {
    cluster: cluster.clusterArn,
    serviceName: name,
    taskDefinition: c.taskDefinitionArn,
    desiredCount: c.scalingTarget.minTaskCount,
    ...fargate,
    networkConfiguration: { awsvpcConfiguration: { subnets: c.networkConfiguration.subnets, securityGroups: c.networkConfiguration.securityGroups, assignPublicIp: 'ENABLED' } },
    loadBalancers: [
      {
        targetGroupArn: route.targetGroupArns[0],
        containerName: MAIN_CONTAINER,
        containerPort: port,
        advancedConfiguration: { alternateTargetGroupArn: route.targetGroupArns[1], productionListenerRule: route.ruleArn, roleArn: input.infrastructureRoleArn },
      },
    ],
    deploymentConfiguration: { strategy: 'CANARY', canaryConfiguration: CANARY, deploymentCircuitBreaker: { enable: true, rollback: true } },
    ...(input.tags?.length ? { tags: input.tags } : {}),
  });
}

export const EXPRESS_OPERATIONS = {
  CreateExpressGatewayService(sim, input) {
    const cluster = clusterFor(sim, input.cluster);
    const name = input.serviceName ?? generatedName(sim, input.primaryContainer?.image);
    if (!/^[A-Za-z0-9_-]{1,255}$/.test(name)) throw invalidParameter('Service name can have up to 255 characters: letters, numbers, hyphens and underscores.');
    const arn = sim.arn(`service/${cluster.clusterName}/${name}`);
    const existing = sim.world.services[arn];
    if (existing && existing.status !== 'INACTIVE') throw invalidParameter('Creation of service was not idempotent.');
    const { config, port } = configurationOf(sim, input, { cluster: cluster.clusterName, service: name });
    const ingress = ingressFor(sim, cluster);
    const route = routeFor(sim, ingress, name, port, config.healthCheckPath);
    createService(sim, cluster, name, config, port, route, input);
    const svc = sim.world.services[arn]!;
    config.serviceRevisionArn = svc.deployments[0]!.serviceRevisionArn;
    const e: ExpressService = {
      serviceArn: arn,
      serviceName: name,
      clusterArn: cluster.clusterArn,
      infrastructureRoleArn: input.infrastructureRoleArn,
      status: 'ACTIVE',
      endpoint: route.endpoint,
      ...ingress,
      ruleArn: route.ruleArn,
      targetGroupArns: route.targetGroupArns,
      scalingPolicyName: `${name}-target-tracking`.slice(0, 256),
      ownTaskDefinition: input.taskDefinitionArn !== undefined,
      configurations: [config],
      tags: input.tags ?? [],
      createdAtMs: sim.now,
      updatedAtMs: sim.now,
    };
    putScaling(sim, e, config.scalingTarget);
    sim.world.expressServices[arn] = e;
    const active = { name, endpoint: e.endpoint, min: config.scalingTarget.minTaskCount, max: config.scalingTarget.maxTaskCount, taskDefinition: String(config.taskDefinitionArn.split('/').pop()) };
    sim.emit('ExpressGatewayServiceChange', say('ExpressGatewayServiceChange.active', active), { serviceArn: arn, status: 'ACTIVE', endpoint: e.endpoint });
    return { service: describeExpress(sim, e) };
  },

  UpdateExpressGatewayService(sim, input) {
    const e = expressOf(sim, input.serviceArn);
    const svc = sim.world.services[e.serviceArn]!;
    const prev = e.configurations[e.configurations.length - 1]!;
    const cluster = sim.world.clusters[e.clusterArn]!;
    const { config, port, newTaskDefinition } = configurationOf(sim, input, { cluster: cluster.clusterName, service: e.serviceName }, prev);
    if (config.healthCheckPath !== prev.healthCheckPath) {
      for (const a of e.targetGroupArns) if (sim.world.targetGroups[a]) sim.world.targetGroups[a]!.HealthCheckPath = config.healthCheckPath;
    }
    const netChanged = input.networkConfiguration !== undefined;
    // The new revision's tasks register with the container port of the new configuration.
    if (svc.loadBalancers[0] && port !== svc.loadBalancers[0].containerPort) svc.loadBalancers[0] = { ...svc.loadBalancers[0], containerPort: port };
    if (newTaskDefinition || netChanged) {
      must(sim, 'ecs.UpdateService', {
        cluster: e.clusterArn,
        service: e.serviceArn,
        taskDefinition: config.taskDefinitionArn,
        ...(netChanged ? { networkConfiguration: { awsvpcConfiguration: { subnets: config.networkConfiguration.subnets, securityGroups: config.networkConfiguration.securityGroups, assignPublicIp: 'ENABLED' } } } : {}),
      });
    }
    if (input.scalingTarget !== undefined) putScaling(sim, e, config.scalingTarget);
    config.serviceRevisionArn = svc.deployments[0]!.serviceRevisionArn;
    e.configurations.push(config);
    e.updatedAtMs = sim.now;
    const said =
      newTaskDefinition || netChanged
        ? say('ExpressGatewayServiceChange.canary', { name: e.serviceName, taskDefinition: String(config.taskDefinitionArn.split('/').pop()) })
        : say('ExpressGatewayServiceChange.updated', { name: e.serviceName });
    sim.emit('ExpressGatewayServiceChange', said, { serviceArn: e.serviceArn, status: 'ACTIVE', endpoint: e.endpoint });
    return {
      service: compact({
        serviceArn: e.serviceArn,
        cluster: e.clusterArn,
        serviceName: e.serviceName,
        status: { statusCode: e.status },
        targetConfiguration: configurationOut(sim, e, config),
        createdAt: sim.ts(e.createdAtMs),
        updatedAt: sim.ts(e.updatedAtMs),
      }),
    };
  },

  DescribeExpressGatewayService(sim, input) {
    const e = own(sim.world.expressServices, input.serviceArn);
    if (!e) throw new ApiError('ResourceNotFoundException', `The Express service ${input.serviceArn} was not found.`);
    return { service: describeExpress(sim, e, (input.include ?? []).includes('TAGS')) };
  },

  DeleteExpressGatewayService(sim, input) {
    const e = expressOf(sim, input.serviceArn);
    const resourceId = `service/${e.serviceArn.split(':service/')[1]}`;
    if (sim.world.scalableTargets[resourceId]) must(sim, 'applicationautoscaling.DeregisterScalableTarget', { ServiceNamespace: 'ecs', ResourceId: resourceId, ScalableDimension: 'ecs:service:DesiredCount' });
    removeRoute(sim, e);
    must(sim, 'ecs.DeleteService', { cluster: e.clusterArn, service: e.serviceArn, force: true });
    e.status = 'DRAINING';
    e.updatedAtMs = sim.now;
    const draining = say(sharedLoadBalancer(sim, e) ? 'ExpressGatewayServiceChange.drainingShared' : 'ExpressGatewayServiceChange.draining', { name: e.serviceName });
    sim.emit('ExpressGatewayServiceChange', draining, { serviceArn: e.serviceArn, status: 'DRAINING', endpoint: e.endpoint });
    sim.engine.after(1000, { k: 'express.cleanup', svc: e.serviceArn });
    return { service: describeExpress(sim, e) };
  },
} satisfies EcsOperations;

function sharedLoadBalancer(sim: SimContext, e: ExpressService): boolean {
  return Object.values(sim.world.expressServices).some((o) => o !== e && o.status !== 'INACTIVE' && o.listenerArn === e.listenerArn);
}

/** Pending `express.cleanup`: once the deleted service's tasks are gone, Express Mode's resources go and the service is INACTIVE. */
export function registerExpressHandlers(sim: SimContext): void {
  sim.engine.on('express.cleanup', (ev) => {
    const e = own(sim.world.expressServices, ev.svc);
    if (!e || e.status !== 'DRAINING') return;
    if (!removeIngress(sim, e)) {
      sim.engine.after(5000, { k: 'express.cleanup', svc: e.serviceArn });
      return;
    }
    e.status = 'INACTIVE';
    e.updatedAtMs = sim.now;
    sim.emit('ExpressGatewayServiceChange', say('ExpressGatewayServiceChange.inactive', { name: e.serviceName }), {
      serviceArn: e.serviceArn,
      status: 'INACTIVE',
      endpoint: e.endpoint,
    });
  });
}
