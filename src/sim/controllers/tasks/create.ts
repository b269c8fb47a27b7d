import type { SimContext } from '../../model/context';
import type { Container, ContainerInstance, EbsVolumeAttachment, Requirements, Tag, Task, TaskDefinition, TaskStatus, WaitingPlacement } from '../../model/types';
import { indexTask } from '../../placement/place';
import { say } from '../../model/narration';

export interface CreateTaskOptions {
  clusterArn: string;
  td: TaskDefinition;
  group: string;
  launchType: 'EC2' | 'FARGATE';
  capacityProviderName?: string;
  instance?: ContainerInstance;
  subnetId?: string;
  startedBy?: string;
  overrides?: Record<string, unknown>;
  serviceArn?: string;
  deploymentId?: string;
  platformVersion?: string;
  traceId?: number;
  req: Requirements;
  tags?: Tag[];
  /** No instance yet: wait in PROVISIONING for capacity from this provider. */
  waiting?: WaitingPlacement;
  /** ECS Exec; a service's tasks take their service's setting. */
  enableExecuteCommand?: boolean;
  /** The EBS volumes of the task definition's volume configured at launch. */
  ebsVolumes?: EbsVolumeAttachment[];
  /** Fargate ephemeral storage in GiB, when the task definition or an override sets it. */
  ephemeralStorageGiB?: number;
}

type ContainerOverride = { name?: string; cpu?: number; memory?: number; memoryReservation?: number; [member: string]: unknown };

/**
 * The overrides a task shows (DescribeTasks): one containerOverrides entry per container of the task
 * definition, in its order, with what the request overrode, and inferenceAcceleratorOverrides.
 */
function taskOverrides(td: TaskDefinition, given: Record<string, unknown> | undefined): Record<string, unknown> {
  const ov = given ?? {};
  const list = (ov.containerOverrides as ContainerOverride[] | undefined) ?? [];
  return {
    ...ov,
    containerOverrides: td.containerDefinitions.map((cd) => {
      const { name: _name, ...rest } = list.find((x) => x.name === cd.name) ?? {};
      return { name: cd.name, ...rest };
    }),
    inferenceAcceleratorOverrides: (ov.inferenceAcceleratorOverrides as unknown[] | undefined) ?? [],
  };
}

/** A task without a place yet waits in PROVISIONING for its capacity provider, until the provisioning timeout. */
function waitForCapacity(sim: SimContext, t: Task, waiting: NonNullable<CreateTaskOptions['waiting']>, clusterArn: string): void {
  const w = sim.world;
  const taskArn = t.taskArn;
  t.waiting = waiting;
  w.waiting.push(taskArn);
  indexTask(w, t, 1);
  sim.emit('TaskStateChange', say('TaskStateChange.provisioning', { id: t.id, family: t.family, provider: waiting.capacityProvider }), {
    taskArn,
    lastStatus: 'PROVISIONING',
    desiredStatus: 'RUNNING',
    group: t.group,
    capacityProviderName: waiting.capacityProvider,
  });
  sim.engine.after(w.durations.provisioningTimeoutMs, { k: 'task.provisionTimeout', task: taskArn });
  // A Managed Instances provider launches instances for waiting tasks at once, not on the minute clock.
  if (Object.hasOwn(w.capacityProviders, waiting.capacityProvider) && w.capacityProviders[waiting.capacityProvider]!.managedInstances) {
    sim.engine.after(0, { k: 'cluster.provision', cluster: clusterArn, capacityProvider: waiting.capacityProvider });
  }
}

/** Creates a task: placed (an instance or a Fargate subnet) it starts at once; with `waiting` it waits in PROVISIONING. */
export function createTask(sim: SimContext, o: CreateTaskOptions): Task {
  const w = sim.world;
  const cluster = w.clusters[o.clusterArn]!;
  const id = sim.hex(32);
  const taskArn = sim.arn(`task/${cluster.clusterName}/${id}`);
  const mode = o.td.networkMode ?? (o.launchType === 'FARGATE' ? 'awsvpc' : 'bridge');
  const overrides = (o.overrides ?? {}) as { containerOverrides?: ContainerOverride[] };
  const containers: Container[] = o.td.containerDefinitions.map((cd) => {
    const ov = overrides.containerOverrides?.find((x) => x.name === cd.name);
    return {
      containerArn: sim.arn(`container/${cluster.clusterName}/${id}/${sim.uuid()}`),
      name: cd.name,
      image: cd.image,
      essential: cd.essential !== false,
      state: 'NONE',
      healthStatus: 'UNKNOWN',
      healthFailures: 0,
      networkBindings: [],
      ...((ov?.cpu ?? cd.cpu) !== undefined ? { cpu: ov?.cpu ?? cd.cpu } : {}),
      ...((ov?.memory ?? cd.memory) !== undefined ? { memory: ov?.memory ?? cd.memory } : {}),
      ...((ov?.memoryReservation ?? cd.memoryReservation) !== undefined ? { memoryReservation: ov?.memoryReservation ?? cd.memoryReservation } : {}),
    };
  });
  const ephemeral = o.ephemeralStorageGiB ?? (o.td.ephemeralStorage as { sizeInGiB?: number } | undefined)?.sizeInGiB;
  const t: Task = {
    taskArn,
    id,
    clusterArn: o.clusterArn,
    taskDefinitionArn: o.td.taskDefinitionArn,
    family: o.td.family,
    group: o.group,
    launchType: o.launchType,
    availabilityZone: '',
    networkMode: mode,
    lastStatus: 'PROVISIONING',
    desiredStatus: 'RUNNING',
    healthStatus: 'UNKNOWN',
    createdAtMs: sim.now,
    containers,
    overrides: taskOverrides(o.td, o.overrides),
    reserved: { cpu: o.req.cpu, memory: o.req.memory, gpu: o.req.gpu, eni: o.req.eni, ports: [...o.req.ports], portsUdp: [...o.req.portsUdp] },
    reachedRunning: false,
    version: 1,
    gen: 0,
    tags: o.tags ?? [],
    ...(o.startedBy ? { startedBy: o.startedBy } : {}),
    ...(o.capacityProviderName ? { capacityProviderName: o.capacityProviderName } : {}),
    ...(o.platformVersion ? { platformVersion: o.platformVersion } : {}),
    ...(o.td.cpu !== undefined ? { cpu: o.td.cpu } : {}),
    ...(o.td.memory !== undefined ? { memory: o.td.memory } : {}),
    ...(o.serviceArn ? { serviceArn: o.serviceArn, deploymentId: o.deploymentId } : {}),
    ...(o.traceId !== undefined ? { traceId: o.traceId } : {}),
    ...((o.enableExecuteCommand ?? (o.serviceArn ? w.services[o.serviceArn]?.enableExecuteCommand : undefined)) ? { enableExecuteCommand: true } : {}),
    ...(o.ebsVolumes?.length ? { ebsVolumes: o.ebsVolumes } : {}),
    ...(ephemeral !== undefined ? { ephemeralStorageGiB: ephemeral } : {}),
  };
  w.tasks[taskArn] = t;
  w.taskOrder.push(taskArn);
  if (o.launchType === 'FARGATE') w.fargateTasksLaunched = true;
  if (o.waiting) {
    waitForCapacity(sim, t, o.waiting, o.clusterArn);
    return t;
  }
  bindTask(sim, t, o.td, o.instance, o.subnetId);
  return t;
}

/**
 * Host ports of a bridge or host task: static ones are the task's reserved ports; dynamic ones
 * (bridge, hostPort 0 or omitted) come from the ephemeral range, lowest free first [SIM], and are not
 * part of the instance's reserved PORTS resource (ecs-spec §13.5): they are free again when the
 * task that bound them stops.
 */
function bindHostPorts(sim: SimContext, t: Task, td: TaskDefinition, ci: ContainerInstance): void {
  const mode = t.networkMode;
  if (mode === 'awsvpc' || mode === 'none') return;
  let bound: Set<string> | undefined;
  td.containerDefinitions.forEach((cd, i) => {
    for (const pm of cd.portMappings ?? []) {
      if (pm.containerPort === undefined) continue;
      let hostPort = mode === 'host' ? pm.containerPort : (pm.hostPort ?? 0);
      const proto = pm.protocol === 'udp' ? 'udp' : 'tcp';
      if (hostPort === 0) {
        bound ??= boundPorts(sim, ci, t);
        const taken = proto === 'udp' ? [...ci.reservedPortsUdp, ...ci.usedPortsUdp] : [...ci.reservedPorts, ...ci.usedPorts];
        hostPort = 49153;
        while (bound.has(`${hostPort}/${proto}`) || taken.includes(hostPort)) hostPort++;
        bound.add(`${hostPort}/${proto}`);
      }
      t.containers[i]!.networkBindings.push({ bindIP: '0.0.0.0', containerPort: pm.containerPort, hostPort, protocol: proto });
    }
  });
}

/** The host ports the instance's tasks (and `t`, so far) have bound, as "port/protocol". */
function boundPorts(sim: SimContext, ci: ContainerInstance, t: Task): Set<string> {
  const out = new Set<string>();
  for (const a of [...ci.taskArns, t.taskArn]) {
    const other = sim.world.tasks[a];
    if (!other || other.lastStatus === 'STOPPED') continue;
    for (const c of other.containers) for (const b of c.networkBindings) out.add(`${b.hostPort}/${b.protocol}`);
  }
  return out;
}

/** Gives a task its instance (reserving resources and host ports) or its Fargate subnet, and starts it. */
export function bindTask(sim: SimContext, t: Task, td: TaskDefinition, ci: ContainerInstance | undefined, subnetId: string | undefined): void {
  const w = sim.world;
  const d = w.durations;
  const mode = t.networkMode;
  const reserved = t.reserved;
  if (t.waiting) {
    indexTask(w, t, -1);
    delete t.waiting;
    w.waiting = w.waiting.filter((a) => a !== t.taskArn);
  }
  if (ci && t.launchType === 'EC2') {
    bindHostPorts(sim, t, td, ci);
    ci.usedCpu += reserved.cpu;
    ci.usedMemory += reserved.memory;
    ci.usedGpu += reserved.gpu;
    ci.usedEni += reserved.eni;
    ci.usedPorts.push(...reserved.ports);
    ci.usedPortsUdp.push(...reserved.portsUdp);
    ci.version++;
    ci.taskArns.push(t.taskArn);
    t.containerInstanceArn = ci.containerInstanceArn;
    t.ec2InstanceId = ci.ec2InstanceId;
  }
  const subnet = subnetId ?? ci?.subnetId;
  t.availabilityZone = ci ? ci.availabilityZone : w.subnets[subnet!]!.availabilityZone;
  if (subnet) t.subnetId = subnet;
  if (mode === 'awsvpc' && subnet) {
    const sn = w.subnets[subnet]!;
    const base = sn.cidr.split('/')[0]!.split('.').map(Number);
    const n = sn.nextIp++;
    sn.freeIps--;
    t.privateIp = `${base[0]}.${base[1]}.${base[2]! + (n >> 8)}.${n & 255}`;
    t.eniId = `eni-${sim.hex(17)}`;
  }
  indexTask(w, t, 1);
  const needsEni = mode === 'awsvpc';
  const initial: TaskStatus = needsEni ? 'PROVISIONING' : 'PENDING';
  if (initial === 'PENDING') t.connectedAtMs ??= sim.now;
  t.lastStatus = initial;
  t.version++;
  sim.emit(
    'TaskStateChange',
    ci ? say('TaskStateChange.on', { id: t.id, family: t.family, status: initial, instance: ci.ec2InstanceId }) : say('TaskStateChange.in', { id: t.id, family: t.family, status: initial, zone: t.availabilityZone }),
    {
      taskArn: t.taskArn,
      lastStatus: initial,
      desiredStatus: 'RUNNING',
      group: t.group,
      ...(ci ? { containerInstanceArn: ci.containerInstanceArn } : {}),
    },
  );
  if (needsEni) sim.engine.after(t.launchType === 'FARGATE' ? d.fargateProvisionMs : d.eniAttachMs, { k: 'task.provisioned', task: t.taskArn });
  else sim.engine.after(d.agentAckMs, { k: 'task.pull', task: t.taskArn });
  sim.notices.emit('taskChanged', t);
}
