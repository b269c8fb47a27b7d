import { invalidParameter } from '../../core/errors';
import type { SimContext } from '../../model/context';
import type { ExpressConfiguration, ExpressContainer, ExpressScalingTarget, ExpressService, TaskDefinition } from '../../model/types';
import { findTaskDefinition } from '../../queries/taskDefinitions';
import type * as Ecs from './inputs.generated';
import { must } from './expressIngress';

/**
 * The configuration of an Express service as a request gives it, with the documented defaults
 * (API:CreateExpressGatewayService, DG:express-service-work): container port 80, health check path
 * /ping, logs to CloudWatch Logs with the stream prefix ecs, target tracking at 60 on average CPU,
 * the default VPC's subnets. [SIM] Task size 256 CPU units and 512 MiB, as the API reference states
 * (the Developer Guide says 1 vCPU and 2 GB; ecs-spec §12 lists the disagreement); at least 1 and at
 * most 20 tasks [INF: the defaults the console shows].
 */

export const EXPRESS_DEFAULTS = {
  cpu: '256',
  memory: '512',
  containerPort: 80,
  healthCheckPath: '/ping',
  logStreamPrefix: 'ecs',
  minTaskCount: 1,
  maxTaskCount: 20,
  autoScalingMetric: 'AVERAGE_CPU',
  autoScalingTargetValue: 60,
} as const;

/** The members of Create and Update requests that make a configuration. */
export type ConfigRequest = Pick<Ecs.CreateExpressGatewayServiceRequest, 'executionRoleArn' | 'taskRoleArn' | 'healthCheckPath' | 'primaryContainer' | 'networkConfiguration' | 'cpu' | 'memory' | 'scalingTarget' | 'taskDefinitionArn'>;

/** The container of the task definition Express Mode registers, named as a task definition given to it must name it. */
export const MAIN_CONTAINER = 'Main';

function containerOf(c: Ecs.ExpressGatewayContainer, clusterName: string, serviceName: string): ExpressContainer {
  if (typeof c.image !== 'string' || c.image === '') throw invalidParameter('primaryContainer.image is required.');
  const port = c.containerPort ?? EXPRESS_DEFAULTS.containerPort;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw invalidParameter('primaryContainer.containerPort must be between 1 and 65535.');
  return {
    image: c.image,
    containerPort: port,
    awsLogsConfiguration: c.awsLogsConfiguration ?? { logGroup: `/aws/ecs/${clusterName}/${serviceName}`, logStreamPrefix: EXPRESS_DEFAULTS.logStreamPrefix },
    ...(c.repositoryCredentials ? { repositoryCredentials: c.repositoryCredentials } : {}),
    ...(c.command ? { command: c.command } : {}),
    ...(c.environment ? { environment: c.environment } : {}),
    ...(c.secrets ? { secrets: c.secrets } : {}),
  };
}

/** The scaling target, each member defaulted from `base` (the previous configuration's, or the defaults). */
export function scalingOf(s: Ecs.ExpressGatewayScalingTarget | undefined, base?: ExpressScalingTarget): ExpressScalingTarget {
  const out: ExpressScalingTarget = {
    minTaskCount: s?.minTaskCount ?? base?.minTaskCount ?? EXPRESS_DEFAULTS.minTaskCount,
    maxTaskCount: s?.maxTaskCount ?? base?.maxTaskCount ?? EXPRESS_DEFAULTS.maxTaskCount,
    autoScalingMetric: (s?.autoScalingMetric as ExpressScalingTarget['autoScalingMetric'] | undefined) ?? base?.autoScalingMetric ?? EXPRESS_DEFAULTS.autoScalingMetric,
    autoScalingTargetValue: s?.autoScalingTargetValue ?? base?.autoScalingTargetValue ?? EXPRESS_DEFAULTS.autoScalingTargetValue,
  };
  // [INF] texts: the bounds are the scalable target's.
  if (out.minTaskCount < 0) throw invalidParameter('scalingTarget.minTaskCount must be at least 0.');
  if (out.maxTaskCount < 1) throw invalidParameter('scalingTarget.maxTaskCount must be at least 1.');
  if (out.minTaskCount > out.maxTaskCount) throw invalidParameter('scalingTarget.minTaskCount cannot be greater than scalingTarget.maxTaskCount.');
  if (out.autoScalingTargetValue <= 0) throw invalidParameter('scalingTarget.autoScalingTargetValue must be greater than 0.');
  return out;
}

/**
 * A task definition given with taskDefinitionArn: "must have a container named Main with a single TCP port
 * mapping that includes a container port and port name … must also have FARGATE compatibility"
 * (API:CreateExpressGatewayService taskDefinitionArn). Returns it and its container port.
 */
export function ownTaskDefinition(sim: SimContext, ref: string): { td: TaskDefinition; port: number } {
  const td = findTaskDefinition(sim, ref);
  if (!td || td.status !== 'ACTIVE') throw invalidParameter(`The task definition ${ref} does not exist or is not ACTIVE.`);
  if (!td.compatibilities.includes('FARGATE')) throw invalidParameter('The task definition of an Express service must have FARGATE compatibility.');
  const main = td.containerDefinitions.find((c) => c.name === MAIN_CONTAINER);
  const maps = (main?.portMappings ?? []).filter((p) => (p.protocol ?? 'tcp') === 'tcp');
  if (!main || maps.length !== 1 || maps[0]!.containerPort === undefined || !maps[0]!.name) {
    throw invalidParameter('The task definition of an Express service must have a container named Main with a single TCP port mapping that includes a container port and port name.');
  }
  return { td, port: maps[0]!.containerPort! };
}

/** Registers the task definition of a configuration Express Mode manages (family: the service's name). */
function registerTaskDefinition(sim: SimContext, family: string, c: Omit<ExpressConfiguration, 'taskDefinitionArn' | 'createdAtMs'>): string {
  const p = c.primaryContainer!;
  const out = must<{ taskDefinition: { taskDefinitionArn: string } }>(sim, 'ecs.RegisterTaskDefinition', {
    family,
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: c.cpu,
    memory: c.memory,
    runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'X86_64' },
    ...(c.executionRoleArn ? { executionRoleArn: c.executionRoleArn } : {}),
    ...(c.taskRoleArn ? { taskRoleArn: c.taskRoleArn } : {}),
    containerDefinitions: [
      {
        name: MAIN_CONTAINER,
        image: p.image,
        essential: true,
        portMappings: [{ containerPort: p.containerPort, protocol: 'tcp', name: `${MAIN_CONTAINER.toLowerCase()}-${p.containerPort}-tcp` }],
        ...(p.command ? { command: p.command } : {}),
        ...(p.environment ? { environment: p.environment } : {}),
        ...(p.secrets ? { secrets: p.secrets } : {}),
        ...(p.repositoryCredentials ? { repositoryCredentials: p.repositoryCredentials } : {}),
        logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': p.awsLogsConfiguration.logGroup, 'awslogs-region': sim.world.region, 'awslogs-stream-prefix': p.awsLogsConfiguration.logStreamPrefix } },
      },
    ],
  });
  return out.taskDefinition.taskDefinitionArn;
}

/** The default VPC's subnets, one per Availability Zone. */
function defaultSubnets(sim: SimContext): string[] {
  return Object.keys(sim.world.subnets).sort();
}

/**
 * The configuration a Create request asks for, or an Update request on top of `prev`; with a new task
 * definition registered when the container, the roles or the task size change. `needsTaskDefinition`
 * says whether it is a new one.
 */
export function configurationOf(sim: SimContext, req: ConfigRequest, names: { cluster: string; service: string }, prev?: ExpressConfiguration): { config: ExpressConfiguration; port: number; newTaskDefinition: boolean } {
  if (req.healthCheckPath !== undefined && !req.healthCheckPath.startsWith('/')) throw invalidParameter('The health check path must start with a forward slash (/).');
  const net = {
    subnets: req.networkConfiguration?.subnets ?? prev?.networkConfiguration.subnets ?? defaultSubnets(sim),
    securityGroups: req.networkConfiguration?.securityGroups ?? prev?.networkConfiguration.securityGroups ?? ['sg-default'],
  };
  // Checked before anything is made, as CreateService would check them after the load balancer exists.
  if (net.subnets.length === 0) throw invalidParameter('subnets can not be empty.');
  for (const s of net.subnets) if (!sim.world.subnets[s]) throw invalidParameter(`Error retrieving subnet information for [${s}]: The subnet ID '${s}' does not exist`);
  const common = {
    networkConfiguration: net,
    healthCheckPath: req.healthCheckPath ?? prev?.healthCheckPath ?? EXPRESS_DEFAULTS.healthCheckPath,
    scalingTarget: scalingOf(req.scalingTarget, prev?.scalingTarget),
    createdAtMs: sim.now,
  };
  // A service on a task definition of its own keeps it until a request gives a container or another task definition.
  const keepOwn = prev !== undefined && !prev.primaryContainer && !req.primaryContainer && !req.executionRoleArn && !req.taskRoleArn && !req.cpu && !req.memory;
  const tdRef = req.taskDefinitionArn ?? (keepOwn ? prev.taskDefinitionArn : undefined);
  if (tdRef !== undefined) {
    if (req.primaryContainer || req.executionRoleArn || req.taskRoleArn || req.cpu || req.memory) {
      throw invalidParameter('If you provide a task definition ARN, you cannot also specify primaryContainer, executionRoleArn, taskRoleArn, cpu, or memory.');
    }
    const { td, port } = ownTaskDefinition(sim, tdRef);
    const config: ExpressConfiguration = {
      ...common,
      taskDefinitionArn: td.taskDefinitionArn,
      cpu: td.cpu ?? EXPRESS_DEFAULTS.cpu,
      memory: td.memory ?? EXPRESS_DEFAULTS.memory,
      ...(td.executionRoleArn ? { executionRoleArn: td.executionRoleArn } : {}),
      ...(td.taskRoleArn ? { taskRoleArn: td.taskRoleArn } : {}),
    };
    return { config, port, newTaskDefinition: td.taskDefinitionArn !== prev?.taskDefinitionArn };
  }
  const container = req.primaryContainer ? containerOf(req.primaryContainer, names.cluster, names.service) : prev?.primaryContainer;
  if (!container) throw invalidParameter('A primaryContainer with an image is required when no taskDefinitionArn is given.');
  const executionRoleArn = req.executionRoleArn ?? prev?.executionRoleArn;
  if (!executionRoleArn) throw invalidParameter('An executionRoleArn is required when no taskDefinitionArn is given.');
  const taskRoleArn = req.taskRoleArn ?? prev?.taskRoleArn;
  const sized = { cpu: req.cpu ?? prev?.cpu ?? EXPRESS_DEFAULTS.cpu, memory: req.memory ?? prev?.memory ?? EXPRESS_DEFAULTS.memory };
  const changed = !prev?.primaryContainer || req.primaryContainer !== undefined || req.executionRoleArn !== undefined || req.taskRoleArn !== undefined || req.cpu !== undefined || req.memory !== undefined;
  const base = { ...common, ...sized, primaryContainer: container, executionRoleArn, ...(taskRoleArn ? { taskRoleArn } : {}) };
  const taskDefinitionArn = changed ? registerTaskDefinition(sim, names.service, base) : prev!.taskDefinitionArn;
  return { config: { ...base, taskDefinitionArn }, port: container.containerPort, newTaskDefinition: changed };
}

/** The configurations in use: the newest one of each service revision a deployment of the service still runs. */
export function activeConfigurations(sim: SimContext, e: ExpressService): ExpressConfiguration[] {
  const svc = sim.world.services[e.serviceArn];
  const revisions = (svc?.deployments ?? []).map((d) => d.serviceRevisionArn);
  const out: ExpressConfiguration[] = [];
  for (const r of revisions) {
    const c = [...e.configurations].reverse().find((x) => x.serviceRevisionArn === r);
    if (c && !out.includes(c)) out.push(c);
  }
  return out.length ? out : e.configurations.slice(-1);
}
