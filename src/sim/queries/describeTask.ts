import type { SimContext } from '../model/context';
import type { Container, Task } from '../model/types';
import { taskDefinitionOf } from './taskDefinitions';

/**
 * A task as DescribeTasks, RunTask, StartTask and StopTask return it, with the members AWS always
 * returns (ecs-spec §13.3; the AWS CLI example pages' outputs): its attachments (the ENI of an awsvpc
 * task, the EBS volumes configured at launch), the CPU architecture, the overrides with one entry per
 * container, the managed agent of ECS Exec, and Fargate's ephemeral storage.
 */

const drop = <T extends Record<string, unknown>>(o: T): T => {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
};

/** The hostname EC2 gives a private address: ip-10-0-1-184.ec2.internal in us-east-1, ….<region>.compute.internal elsewhere. */
export function privateDnsName(region: string, ip: string): string {
  return `ip-${ip.replaceAll('.', '-')}.${region === 'us-east-1' ? 'ec2.internal' : `${region}.compute.internal`}`;
}

/** A MAC address of the ENI, derived from its id (AWS picks one; [SIM] a stable one). */
function macOf(eniId: string): string {
  const hex = eniId.replace(/^eni-/, '').padEnd(10, '0');
  return `0e:${[0, 2, 4, 6, 8].map((i) => hex.slice(i, i + 2)).join(':')}`;
}

function eniAttachment(sim: SimContext, t: Task): Record<string, unknown> | undefined {
  if (t.networkMode !== 'awsvpc' || !t.eniId) return undefined;
  const status = t.lastStatus === 'STOPPED' ? 'DELETED' : t.lastStatus === 'PROVISIONING' ? 'PRECREATED' : 'ATTACHED';
  const details = [{ name: 'subnetId', value: t.subnetId }];
  if (status !== 'PRECREATED') {
    details.push(
      { name: 'networkInterfaceId', value: t.eniId },
      { name: 'macAddress', value: macOf(t.eniId) },
      { name: 'privateDnsName', value: privateDnsName(sim.world.region, t.privateIp!) },
      { name: 'privateIPv4Address', value: t.privateIp },
    );
  }
  return { id: attachmentId(t.eniId), type: 'ElasticNetworkInterface', status, details };
}

/** An attachment id in AWS's UUID form, stable for the resource it attaches. */
function attachmentId(seed: string): string {
  const h = seed
    .replace(/[^0-9a-f]/g, '')
    .padEnd(32, '0')
    .slice(0, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function ebsAttachments(t: Task): Record<string, unknown>[] {
  return (t.ebsVolumes ?? []).map((v) => {
    // Created in PROVISIONING, attached once the task has its place, deleted with the task (deleteOnTermination).
    const status = t.lastStatus === 'PROVISIONING' ? 'CREATED' : t.lastStatus === 'STOPPED' ? (v.deleteOnTermination ? 'DELETED' : 'DETACHED') : 'ATTACHED';
    const details = [
      { name: 'roleArn', value: v.roleArn },
      { name: 'volumeName', value: v.volumeName },
      { name: 'deleteOnTermination', value: String(v.deleteOnTermination) },
      ...(status === 'CREATED'
        ? []
        : [
            { name: 'volumeId', value: v.volumeId },
            { name: 'sizeInGiB', value: String(v.sizeInGiB) },
            { name: 'volumeType', value: v.volumeType },
          ]),
    ];
    return { id: v.id, type: 'AmazonElasticBlockStorage', status, details };
  });
}

function backendStatus(c: Container): string {
  return c.state === 'RUNNING' ? 'RUNNING' : c.state === 'STOPPED' ? 'STOPPED' : 'PENDING';
}

function describeContainer(sim: SimContext, t: Task, c: Container, eni: boolean): Record<string, unknown> {
  return drop({
    containerArn: c.containerArn,
    taskArn: t.taskArn,
    name: c.name,
    image: c.image,
    lastStatus: backendStatus(c),
    exitCode: c.exitCode,
    reason: c.reason,
    networkBindings: c.networkBindings,
    networkInterfaces: eni ? [{ attachmentId: attachmentId(t.eniId!), privateIpv4Address: t.privateIp }] : [],
    healthStatus: c.healthStatus,
    // The managed SSM agent ECS Exec starts beside the container's process.
    managedAgents: t.enableExecuteCommand && c.startedAtMs !== undefined ? [{ lastStartedAt: sim.ts(c.startedAtMs), name: 'ExecuteCommandAgent', lastStatus: c.state === 'RUNNING' ? 'RUNNING' : 'STOPPED' }] : undefined,
    cpu: String(c.cpu ?? 0),
    memory: c.memory !== undefined ? String(c.memory) : undefined,
    memoryReservation: c.memoryReservation !== undefined ? String(c.memoryReservation) : undefined,
  });
}

/** The architecture the task runs on: its instance's, or on Fargate the one its task definition asks for. */
function architectureOf(sim: SimContext, t: Task): string {
  const ci = t.containerInstanceArn ? sim.world.containerInstances[t.containerInstanceArn] : undefined;
  const attr = ci?.attributes.find((a) => a.name === 'ecs.cpu-architecture')?.value;
  if (attr) return attr;
  return taskDefinitionOf(sim, t)?.runtimePlatform?.cpuArchitecture === 'ARM64' ? 'arm64' : 'x86_64';
}

/** The launch type DescribeTasks shows: tasks of a Managed Instances provider run on MANAGED_INSTANCES. */
export function launchTypeOf(sim: SimContext, t: Task): string {
  const cp = t.capacityProviderName ? sim.world.capacityProviders[t.capacityProviderName] : undefined;
  return cp?.managedInstances ? 'MANAGED_INSTANCES' : t.launchType;
}

export function describeTask(sim: SimContext, t: Task): Record<string, unknown> {
  const eni = eniAttachment(sim, t);
  const fargate = t.launchType === 'FARGATE';
  const eniAttached = eni !== undefined && eni.status !== 'PRECREATED';
  return drop({
    attachments: [...(eni ? [eni] : []), ...ebsAttachments(t)],
    attributes: [{ name: 'ecs.cpu-architecture', value: architectureOf(sim, t) }],
    availabilityZone: t.availabilityZone || undefined,
    capacityProviderName: t.capacityProviderName,
    clusterArn: t.clusterArn,
    connectivity: t.lastStatus === 'PROVISIONING' ? undefined : 'CONNECTED',
    connectivityAt: t.lastStatus === 'PROVISIONING' ? undefined : sim.ts(t.connectedAtMs ?? t.createdAtMs),
    containerInstanceArn: t.containerInstanceArn,
    containers: t.containers.map((c) => describeContainer(sim, t, c, eniAttached)),
    cpu: t.cpu,
    memory: t.memory,
    createdAt: sim.ts(t.createdAtMs),
    desiredStatus: t.desiredStatus,
    enableExecuteCommand: t.enableExecuteCommand === true,
    group: t.group,
    healthStatus: t.healthStatus,
    lastStatus: t.lastStatus,
    launchType: launchTypeOf(sim, t),
    overrides: t.overrides,
    platformVersion: t.platformVersion,
    platformFamily: fargate ? 'Linux' : undefined,
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
    ephemeralStorage: fargate ? { sizeInGiB: t.ephemeralStorageGiB ?? 20 } : undefined,
    fargateEphemeralStorage: fargate ? { sizeInGiB: t.ephemeralStorageGiB ?? 20 } : undefined,
  });
}
