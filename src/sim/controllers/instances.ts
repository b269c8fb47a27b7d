import type { SimContext } from '../model/context';
import { ApiError } from '../core/errors';
import { AGENT_VERSION, CAPABILITIES } from '../model/agent';
import { INSTANCE_TYPES } from '../model/instanceTypes';
import type { AgentConfig, ContainerInstance, Ec2Instance } from '../model/types';
import { say } from '../model/narration';

/**
 * EC2 instances and their container agents (ecs-spec §2.1, §9): boot, registration with the
 * resources the agent reports, the ACS connection with its heartbeat timeout and reconnect
 * back-off, EC2 stop/start/terminate and deregistration.
 */

/** Starts one EC2 instance whose agent will join `clusterArn` after it boots. */
export function startEc2Instance(sim: SimContext, o: { id: string; instanceType: string; subnetId: string; clusterArn: string; bootMs: number; agentConfig: AgentConfig; asgName?: string; managedBy?: string }): Ec2Instance {
  const w = sim.world;
  const subnet = w.subnets[o.subnetId]!;
  const base = subnet.cidr.split('/')[0]!.split('.').map(Number);
  const n = subnet.nextIp++;
  subnet.freeIps--;
  const inst: Ec2Instance = {
    privateIp: `${base[0]}.${base[1]}.${base[2]! + (n >> 8)}.${n & 255}`,
    ec2InstanceId: o.id,
    instanceType: o.instanceType,
    availabilityZone: subnet.availabilityZone,
    subnetId: subnet.subnetId,
    state: 'pending',
    clusterArn: o.clusterArn,
    launchedAtMs: sim.now,
    gen: 0,
    imageCache: [],
    // [INF] Managed Instances use ENI trunking where the type has it, to place several awsvpc tasks on one instance.
    trunking: (w.accountSettings.awsvpcTrunking === 'enabled' || o.managedBy !== undefined) && INSTANCE_TYPES[o.instanceType]!.trunkEni !== undefined,
    agentConfig: o.agentConfig,
    ...(o.asgName ? { asgName: o.asgName } : {}),
    ...(o.managedBy ? { managedBy: o.managedBy } : {}),
  };
  w.ec2[o.id] = inst;
  const at = { id: o.id, type: o.instanceType, zone: subnet.availabilityZone };
  const said = o.asgName ? say('InstanceLaunched.asg', { ...at, group: o.asgName }) : o.managedBy ? say('InstanceLaunched.managed', { ...at, provider: o.managedBy }) : say('InstanceLaunched.zone', at);
  sim.emit('InstanceLaunched', said, {
    ec2InstanceId: o.id,
    instanceType: o.instanceType,
    availabilityZone: subnet.availabilityZone,
    ...(o.asgName ? { autoScalingGroupName: o.asgName } : {}),
  });
  sim.engine.after(o.bootMs, { k: 'inst.boot', id: o.id, gen: inst.gen });
  return inst;
}

function register(sim: SimContext, inst: Ec2Instance): void {
  const w = sim.world;
  const cluster = w.clusters[inst.clusterArn];
  if (!cluster || cluster.status !== 'ACTIVE') return;
  const type = INSTANCE_TYPES[inst.instanceType]!;
  const id = sim.hex(32);
  const ciArn = sim.arn(`container-instance/${cluster.clusterName}/${id}`);
  const cfg = inst.agentConfig;
  const attributes = [
    { name: 'ecs.ami-id', value: type.arch === 'arm64' ? 'ami-0e2b3c4d5f6a7b8c9' : 'ami-0a1b2c3d4e5f60718' },
    { name: 'ecs.availability-zone', value: inst.availabilityZone },
    { name: 'ecs.instance-type', value: inst.instanceType },
    { name: 'ecs.os-type', value: 'linux' },
    { name: 'ecs.os-family', value: 'LINUX' },
    { name: 'ecs.cpu-architecture', value: type.arch },
    { name: 'ecs.vpc-id', value: w.vpcId },
    { name: 'ecs.subnet-id', value: inst.subnetId },
    ...(inst.trunking ? [{ name: 'ecs.awsvpc-trunk-id', value: `eni-${sim.hex(17)}` }] : []),
    ...CAPABILITIES.map((name) => ({ name })),
    ...Object.entries(cfg.instanceAttributes).map(([name, value]) => ({ name, value })),
  ];
  const ci: ContainerInstance = {
    containerInstanceArn: ciArn,
    id,
    clusterArn: cluster.clusterArn,
    ec2InstanceId: inst.ec2InstanceId,
    order: w.nextOrder++,
    status: 'ACTIVE',
    agentConnected: true,
    connectionLost: false,
    agentGen: 0,
    reconnectAttempts: 0,
    registeredAtMs: sim.now,
    availabilityZone: inst.availabilityZone,
    subnetId: inst.subnetId,
    instanceType: inst.instanceType,
    registeredCpu: cfg.registeredResources?.CPU ?? type.vcpu * 1024,
    registeredMemory: cfg.registeredResources?.MEMORY ?? type.osMemoryMiB - cfg.reservedMemory,
    registeredGpu: type.gpus,
    reservedPorts: cfg.reservedPorts,
    reservedPortsUdp: cfg.reservedPortsUdp,
    maxEni: inst.trunking ? type.trunkEni! - 1 : type.maxEni,
    usedCpu: 0,
    usedMemory: 0,
    usedGpu: 0,
    usedEni: 0,
    usedPorts: [],
    usedPortsUdp: [],
    attributes,
    taskArns: [],
    version: 1,
    ...(cfg.agentVersion ? { agentVersion: cfg.agentVersion } : {}),
  };
  // Instances of an Auto Scaling group that a capacity provider uses belong to that provider.
  const provider = inst.asgName ? Object.values(w.capacityProviders).find((p) => p.status === 'ACTIVE' && p.autoScalingGroupName === inst.asgName) : undefined;
  if (provider) ci.capacityProviderName = provider.name;
  if (inst.managedBy) {
    ci.capacityProviderName = inst.managedBy;
    ci.idleSinceMs = sim.now;
  }
  w.containerInstances[ciArn] = ci;
  inst.containerInstanceArn = ciArn;
  cluster.instanceArns.push(ciArn);
  sim.emit('ContainerInstanceRegistered', say('ContainerInstanceRegistered.cluster', { id: inst.ec2InstanceId, cluster: cluster.clusterName, cpu: ci.registeredCpu, memory: ci.registeredMemory }), {
    containerInstanceArn: ciArn,
    ec2InstanceId: inst.ec2InstanceId,
    clusterArn: cluster.clusterArn,
  });
  sim.notices.emit('clusterChanged', cluster.clusterArn);
}

function stopTasksOnHost(sim: SimContext, ci: ContainerInstance, reason: string): void {
  sim.notices.emit('hostLost', { instance: ci, reason });
}

/** Deregisters a container instance (API, termination, forced). */
export function deregister(sim: SimContext, ci: ContainerInstance, force: boolean, why: 'api' | 'terminated'): void {
  const active = ci.taskArns.filter((a) => sim.world.tasks[a]?.lastStatus !== 'STOPPED');
  if (active.length && !force && why === 'api') {
    throw new ApiError('InvalidParameterException', 'The specified container instance has tasks running on it. Use the force option to deregister it anyway.');
  }
  if (why === 'api') stopTasksOnHost(sim, ci, 'Container instance deregistration forced by user');
  ci.status = 'INACTIVE';
  ci.agentConnected = false;
  ci.deregisteredAtMs = sim.now;
  ci.version++;
  const cluster = sim.world.clusters[ci.clusterArn]!;
  cluster.instanceArns = cluster.instanceArns.filter((a) => a !== ci.containerInstanceArn);
  sim.emit('ContainerInstanceStateChange', say('ContainerInstanceStateChange.inactive', { id: ci.ec2InstanceId }), {
    containerInstanceArn: ci.containerInstanceArn,
    ec2InstanceId: ci.ec2InstanceId,
    status: 'INACTIVE',
  });
  sim.notices.emit('clusterChanged', ci.clusterArn);
}

export function terminateInstance(sim: SimContext, inst: Ec2Instance): void {
  if (inst.state === 'terminated') return;
  inst.state = 'terminated';
  inst.gen++;
  sim.emit('InstanceTerminated', say('InstanceTerminated.terminated', { id: inst.ec2InstanceId }), { ec2InstanceId: inst.ec2InstanceId });
  sim.notices.emit('instanceTerminated', inst);
  const ci = inst.containerInstanceArn ? sim.world.containerInstances[inst.containerInstanceArn] : undefined;
  if (ci && ci.status !== 'INACTIVE') {
    stopTasksOnHost(sim, ci, `Host EC2 (instance ${inst.ec2InstanceId}) stopped/terminated`);
    deregister(sim, ci, true, 'terminated');
  }
}

export function stopInstance(sim: SimContext, inst: Ec2Instance): void {
  if (inst.state !== 'running') return;
  inst.state = 'stopped';
  inst.gen++;
  sim.emit('InstanceStopped', say('InstanceStopped.stopped', { id: inst.ec2InstanceId }), { ec2InstanceId: inst.ec2InstanceId });
  const ci = inst.containerInstanceArn ? sim.world.containerInstances[inst.containerInstanceArn] : undefined;
  if (ci && ci.status !== 'INACTIVE') {
    stopTasksOnHost(sim, ci, `Host EC2 (instance ${inst.ec2InstanceId}) stopped/terminated`);
    loseConnection(sim, ci);
    sim.notices.emit('clusterChanged', ci.clusterArn);
  }
}

export function startInstance(sim: SimContext, inst: Ec2Instance): void {
  if (inst.state !== 'stopped') return;
  inst.state = 'pending';
  inst.gen++;
  sim.emit('InstanceLaunched', say('InstanceLaunched.starting', { id: inst.ec2InstanceId }), { ec2InstanceId: inst.ec2InstanceId, instanceType: inst.instanceType, availabilityZone: inst.availabilityZone });
  sim.engine.after(sim.world.durations.instanceBootMs, { k: 'inst.boot', id: inst.ec2InstanceId, gen: inst.gen });
}

/** The agent's connection drops; ECS marks it disconnected when the heartbeat times out (§9.1). */
export function loseConnection(sim: SimContext, ci: ContainerInstance): void {
  if (ci.connectionLost) return;
  ci.connectionLost = true;
  ci.agentGen++;
  const d = sim.world.durations;
  const jitter = Math.floor(sim.engine.rng.stream('agent').next() * d.heartbeatJitterMs);
  sim.engine.after(d.heartbeatTimeoutMs + jitter, { k: 'agent.timeout', ci: ci.containerInstanceArn, gen: ci.agentGen });
}

/** The network comes back: the agent reconnects after its back-off (250 ms, ×1.5, ≤2 min, ±20 %). */
export function restoreConnection(sim: SimContext, ci: ContainerInstance): void {
  if (!ci.connectionLost) return;
  ci.agentGen++;
  ci.reconnectAttempts++;
  const base = Math.min(120000, sim.world.durations.reconnectBackoffMs * 1.5 ** Math.min(ci.reconnectAttempts - 1, 20));
  const jitter = 1 + (sim.engine.rng.stream('agent').next() * 0.4 - 0.2);
  sim.engine.after(Math.round(base * jitter), { k: 'agent.connect', ci: ci.containerInstanceArn, gen: ci.agentGen });
}

/** UpdateContainerAgent: the agent downloads, stages and restarts into the current version (its tasks keep running). */
export function startAgentUpdate(sim: SimContext, ci: ContainerInstance): void {
  ci.agentUpdateStatus = 'PENDING';
  ci.version++;
  sim.engine.after(sim.world.durations.agentUpdateMs, { k: 'agent.update', ci: ci.containerInstanceArn });
}

export function registerInstanceHandlers(sim: SimContext): void {
  const e = sim.engine;
  e.on('agent.update', (ev) => {
    const ci = sim.world.containerInstances[ev.ci];
    if (!ci || ci.status === 'INACTIVE' || ci.agentUpdateStatus !== 'PENDING') return;
    ci.agentUpdateStatus = 'UPDATED';
    delete ci.agentVersion;
    ci.version++;
    sim.emit('AgentUpdated', say('AgentUpdated.updated', { id: ci.ec2InstanceId, version: AGENT_VERSION }), { containerInstanceArn: ci.containerInstanceArn, ec2InstanceId: ci.ec2InstanceId, agentVersion: AGENT_VERSION });
  });
  e.on('agent.restore', (ev) => {
    const ci = sim.world.containerInstances[ev.ci];
    if (ci) restoreConnection(sim, ci);
  });
  e.on('inst.boot', (ev) => {
    const inst = sim.world.ec2[ev.id];
    if (!inst || inst.gen !== ev.gen || inst.state !== 'pending') return;
    inst.state = 'running';
    const ci = inst.containerInstanceArn ? sim.world.containerInstances[inst.containerInstanceArn] : undefined;
    if (ci && ci.status !== 'INACTIVE') {
      // A restarted instance: its agent reconnects to the same container instance.
      restoreConnection(sim, ci);
      return;
    }
    register(sim, inst);
  });
  e.on('agent.timeout', (ev) => {
    const ci = sim.world.containerInstances[ev.ci];
    if (!ci || ci.agentGen !== ev.gen || !ci.connectionLost || !ci.agentConnected) return;
    ci.agentConnected = false;
    ci.version++;
    sim.emit('AgentDisconnected', say('AgentDisconnected.disconnected', { id: ci.ec2InstanceId }), { containerInstanceArn: ci.containerInstanceArn, ec2InstanceId: ci.ec2InstanceId });
    sim.notices.emit('clusterChanged', ci.clusterArn);
  });
  e.on('agent.connect', (ev) => {
    const ci = sim.world.containerInstances[ev.ci];
    if (!ci || ci.agentGen !== ev.gen || ci.status === 'INACTIVE') return;
    const inst = sim.world.ec2[ci.ec2InstanceId];
    if (inst && inst.state !== 'running') return;
    ci.connectionLost = false;
    ci.reconnectAttempts = 0;
    if (!ci.agentConnected) {
      ci.agentConnected = true;
      ci.version++;
      sim.emit('AgentConnected', say('AgentConnected.connected', { id: ci.ec2InstanceId }), { containerInstanceArn: ci.containerInstanceArn, ec2InstanceId: ci.ec2InstanceId });
      sim.notices.emit('clusterChanged', ci.clusterArn);
    }
  });
}
