import type { SimContext } from '../model/context';
import type { Cluster, ContainerInstance, TaskDefinition } from '../model/types';
import { AGENT_VERSION } from '../model/agent';

/**
 * Describe-shaped views of the world, as the ECS API returns them (timestamps in epoch seconds). A service's
 * and a task's are apart (queries/describeService.ts, queries/describeTask.ts): only the operations the page
 * loads after its first view make services and tasks.
 */

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
    clusterArn: c.clusterArn,
    clusterName: c.clusterName,
    status: c.status,
    registeredContainerInstancesCount: instances,
    runningTasksCount: running,
    pendingTasksCount: pending,
    activeServicesCount: services,
    statistics: [],
    tags: c.tags,
    settings: c.settings,
    capacityProviders: c.capacityProviders,
    defaultCapacityProviderStrategy: c.defaultCapacityProviderStrategy,
    ...(c.configuration ? { configuration: c.configuration } : {}),
    ...(c.serviceConnectDefaults ? { serviceConnectDefaults: c.serviceConnectDefaults } : {}),
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
    containerInstanceArn: ci.containerInstanceArn,
    ec2InstanceId: ci.ec2InstanceId,
    capacityProviderName: ci.capacityProviderName,
    version: ci.version,
    versionInfo: { agentVersion: ci.agentVersion ?? AGENT_VERSION, agentHash: 'a1b2c3d4', dockerVersion: 'DockerVersion: 25.0.8' },
    remainingResources: remaining,
    registeredResources: registered,
    status: ci.status,
    agentConnected: ci.agentConnected,
    runningTasksCount: running,
    pendingTasksCount: pending,
    agentUpdateStatus: ci.agentUpdateStatus,
    attributes: ci.attributes.map((a) => drop({ name: a.name, value: a.value })),
    registeredAt: sim.ts(ci.registeredAtMs),
    attachments: [],
    tags: ci.tags ?? [],
  });
}

export function describeTaskDefinition(sim: SimContext, td: TaskDefinition): Record<string, unknown> {
  const { registeredAtMs, deregisteredAtMs, deleteRequestedAtMs, tags: _tags, ...rest } = td;
  return drop({
    ...rest,
    registeredAt: sim.ts(registeredAtMs),
    deregisteredAt: sim.ts(deregisteredAtMs),
    deleteRequestedAt: sim.ts(deleteRequestedAtMs),
    registeredBy: `arn:aws:iam::${sim.world.account}:user/learner`,
  });
}

export function describeCapacityProvider(sim: SimContext, name: string): Record<string, unknown> {
  const cp = Object.hasOwn(sim.world.capacityProviders, name) ? sim.world.capacityProviders[name] : undefined;
  if (!cp) return { capacityProviderArn: sim.arn(`capacity-provider/${name}`), name, status: 'ACTIVE', tags: [], type: name };
  const mi = cp.managedInstances;
  if (mi) {
    const { cluster, ...provider } = mi;
    return {
      capacityProviderArn: cp.capacityProviderArn,
      name,
      cluster,
      status: cp.status,
      managedInstancesProvider: provider,
      updateStatus: cp.status === 'INACTIVE' ? 'DELETE_COMPLETE' : 'UPDATE_COMPLETE',
      tags: cp.tags,
      type: 'MANAGED_INSTANCES',
    };
  }
  const asg = cp.autoScalingGroupName !== undefined ? sim.world.autoScalingGroups[cp.autoScalingGroupName] : undefined;
  return {
    capacityProviderArn: cp.capacityProviderArn,
    name,
    status: cp.status,
    autoScalingGroupProvider: {
      autoScalingGroupArn: asg?.AutoScalingGroupARN ?? cp.autoScalingGroupName,
      managedScaling: cp.managedScaling,
      managedTerminationProtection: cp.managedTerminationProtection,
      managedDraining: 'DISABLED',
    },
    updateStatus: cp.status === 'INACTIVE' ? 'DELETE_COMPLETE' : 'UPDATE_COMPLETE',
    tags: cp.tags,
    type: 'EC2_AUTOSCALING',
  };
}
