import type { SimContext } from '../model/context';
import type { Cluster, ContainerInstance, Service, Task, TaskDefinition } from '../model/types';
import { AGENT_VERSION } from '../model/agent';

/** Describe-shaped views of the world, as the ECS API returns them (timestamps in epoch seconds). */

const drop = <T extends Record<string, unknown>>(o: T): T => {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
};

export function describeCluster(sim: SimContext, c: Cluster): Record<string, unknown> {
  const w = sim.world;
  let running = 0;
  let pending = 0;
  let instances = 0;
  for (const a of c.instanceArns) if (w.containerInstances[a]?.status !== 'INACTIVE') instances++;
  for (const t of Object.values(w.tasks)) {
    if (t.clusterArn !== c.clusterArn) continue;
    if (t.lastStatus === 'RUNNING') running++;
    else if (t.lastStatus === 'PENDING' || t.lastStatus === 'PROVISIONING') pending++;
  }
  const services = Object.values(w.services).filter((s) => s.clusterArn === c.clusterArn && s.status === 'ACTIVE').length;
  return {
    clusterArn: c.clusterArn, clusterName: c.clusterName, status: c.status,
    registeredContainerInstancesCount: instances, runningTasksCount: running, pendingTasksCount: pending,
    activeServicesCount: services, statistics: [], tags: c.tags, settings: c.settings,
    capacityProviders: c.capacityProviders, defaultCapacityProviderStrategy: c.defaultCapacityProviderStrategy,
  };
}

export function describeContainerInstance(sim: SimContext, ci: ContainerInstance): Record<string, unknown> {
  const w = sim.world;
  let running = 0;
  let pending = 0;
  for (const a of ci.taskArns) {
    const t = w.tasks[a];
    if (!t) continue;
    if (t.lastStatus === 'RUNNING') running++;
    else if (t.lastStatus === 'PENDING' || t.lastStatus === 'PROVISIONING') pending++;
  }
  const res = (cpu: number, mem: number, ports: number[], udp: number[]) => [
    { name: 'CPU', type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: cpu },
    { name: 'MEMORY', type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: mem },
    { name: 'PORTS', type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: ports.map(String) },
    { name: 'PORTS_UDP', type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: udp.map(String) },
  ];
  const registered = res(ci.registeredCpu, ci.registeredMemory, ci.reservedPorts, ci.reservedPortsUdp);
  const remaining = res(ci.registeredCpu - ci.usedCpu, ci.registeredMemory - ci.usedMemory, [...ci.reservedPorts, ...ci.usedPorts], [...ci.reservedPortsUdp, ...ci.usedPortsUdp]);
  if (ci.registeredGpu) {
    registered.push({ name: 'GPU', type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: ci.registeredGpu });
    remaining.push({ name: 'GPU', type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: ci.registeredGpu - ci.usedGpu });
  }
  return drop({
    containerInstanceArn: ci.containerInstanceArn, ec2InstanceId: ci.ec2InstanceId, capacityProviderName: ci.capacityProviderName,
    version: ci.version,
    versionInfo: { agentVersion: AGENT_VERSION, agentHash: 'a1b2c3d4', dockerVersion: 'DockerVersion: 25.0.8' },
    remainingResources: remaining, registeredResources: registered,
    status: ci.status, agentConnected: ci.agentConnected, runningTasksCount: running, pendingTasksCount: pending,
    attributes: ci.attributes.map((a) => drop({ name: a.name, value: a.value })),
    registeredAt: sim.ts(ci.registeredAtMs),
    attachments: [], tags: [],
  });
}

function backendStatus(c: Task['containers'][number]): string {
  return c.state === 'RUNNING' ? 'RUNNING' : c.state === 'STOPPED' ? 'STOPPED' : 'PENDING';
}

export function describeTask(sim: SimContext, t: Task): Record<string, unknown> {
  const eni = t.networkMode === 'awsvpc' && t.eniId;
  return drop({
    attachments: eni
      ? [{
          id: t.eniId, type: 'ElasticNetworkInterface',
          status: t.lastStatus === 'STOPPED' ? 'DELETED' : t.lastStatus === 'PROVISIONING' ? 'PRECREATED' : 'ATTACHED',
          details: [
            { name: 'subnetId', value: t.subnetId }, { name: 'networkInterfaceId', value: t.eniId },
            { name: 'privateIPv4Address', value: t.privateIp },
          ],
        }]
      : [],
    attributes: [{ name: 'ecs.cpu-architecture', value: 'x86_64' }],
    availabilityZone: t.availabilityZone,
    capacityProviderName: t.capacityProviderName,
    clusterArn: t.clusterArn,
    connectivity: t.lastStatus === 'PROVISIONING' ? undefined : 'CONNECTED',
    containerInstanceArn: t.containerInstanceArn,
    containers: t.containers.map((c) => drop({
      containerArn: c.containerArn, taskArn: t.taskArn, name: c.name, image: c.image, lastStatus: backendStatus(c),
      exitCode: c.exitCode, reason: c.reason, networkBindings: c.networkBindings,
      networkInterfaces: eni ? [{ attachmentId: t.eniId, privateIpv4Address: t.privateIp }] : [],
      healthStatus: c.healthStatus, cpu: c.cpu !== undefined ? String(c.cpu) : undefined,
      memory: c.memory !== undefined ? String(c.memory) : undefined,
      memoryReservation: c.memoryReservation !== undefined ? String(c.memoryReservation) : undefined,
    })),
    cpu: t.cpu, memory: t.memory,
    createdAt: sim.ts(t.createdAtMs),
    desiredStatus: t.desiredStatus,
    enableExecuteCommand: false,
    group: t.group,
    healthStatus: t.healthStatus,
    lastStatus: t.lastStatus,
    launchType: t.launchType,
    overrides: t.overrides,
    platformVersion: t.platformVersion,
    platformFamily: t.launchType === 'FARGATE' ? 'Linux' : undefined,
    pullStartedAt: sim.ts(t.pullStartedAtMs),
    pullStoppedAt: sim.ts(t.pullStoppedAtMs),
    startedAt: sim.ts(t.startedAtMs),
    startedBy: t.startedBy,
    stopCode: t.stopCode,
    stoppedAt: sim.ts(t.stoppedAtMs),
    stoppedReason: t.stoppedReason,
    stoppingAt: sim.ts(t.stoppingAtMs),
    executionStoppedAt: sim.ts(t.executionStoppedAtMs),
    tags: t.tags,
    taskArn: t.taskArn,
    taskDefinitionArn: t.taskDefinitionArn,
    version: t.version,
  });
}

export function describeTaskDefinition(sim: SimContext, td: TaskDefinition): Record<string, unknown> {
  const { registeredAtMs, deregisteredAtMs, ...rest } = td;
  return drop({ ...rest, registeredAt: sim.ts(registeredAtMs), deregisteredAt: sim.ts(deregisteredAtMs), registeredBy: `arn:aws:iam::${sim.world.account}:user/learner` });
}

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
    serviceArn: s.serviceArn, serviceName: s.serviceName, clusterArn: s.clusterArn, loadBalancers: s.loadBalancers, serviceRegistries: s.serviceRegistries, serviceConnectConfiguration: s.serviceConnectConfiguration,
    status: s.status, desiredCount: s.desiredCount, runningCount: running, pendingCount: pending,
    launchType: s.launchType, capacityProviderStrategy: s.capacityProviderStrategy, platformVersion: s.platformVersion,
    taskDefinition: s.taskDefinition, deploymentConfiguration: s.deploymentConfiguration,
    deployments: s.deployments.map((d) => drop({
      id: d.id, status: d.status, taskDefinition: d.taskDefinition, desiredCount: d.desiredCount, pendingCount: d.pendingCount,
      runningCount: d.runningCount, failedTasks: d.failedTasks, createdAt: sim.ts(d.createdAtMs), updatedAt: sim.ts(d.updatedAtMs),
      launchType: d.launchType, capacityProviderStrategy: d.capacityProviderStrategy, platformVersion: d.platformVersion,
      networkConfiguration: d.networkConfiguration, rolloutState: d.rolloutState, rolloutStateReason: d.rolloutStateReason,
    })),
    events: s.events.map((e) => ({ id: e.id, createdAt: sim.ts(e.createdAtMs), message: e.message })),
    createdAt: sim.ts(s.createdAtMs), placementConstraints: s.placementConstraints, placementStrategy: s.placementStrategy,
    networkConfiguration: s.networkConfiguration, healthCheckGracePeriodSeconds: s.healthCheckGracePeriodSeconds,
    schedulingStrategy: s.schedulingStrategy, deploymentController: { type: 'ECS' },
    createdBy: `arn:aws:iam::${sim.world.account}:user/learner`, enableECSManagedTags: false, propagateTags: 'NONE',
    enableExecuteCommand: false, availabilityZoneRebalancing: 'DISABLED', tags: s.tags,
  });
}

export function describeCapacityProvider(sim: SimContext, name: string): Record<string, unknown> {
  const cp = sim.world.capacityProviders[name];
  if (!cp) return { capacityProviderArn: sim.arn(`capacity-provider/${name}`), name, status: 'ACTIVE', tags: [] };
  const asg = sim.world.autoScalingGroups[cp.autoScalingGroupName];
  return {
    capacityProviderArn: cp.capacityProviderArn, name, status: cp.status,
    autoScalingGroupProvider: {
      autoScalingGroupArn: asg?.AutoScalingGroupARN ?? cp.autoScalingGroupName, managedScaling: cp.managedScaling,
      managedTerminationProtection: cp.managedTerminationProtection, managedDraining: 'DISABLED',
    },
    updateStatus: 'UPDATE_COMPLETE', tags: cp.tags,
  };
}
