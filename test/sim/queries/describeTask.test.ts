import { describe, expect, it } from 'vitest';
import { describeTask, launchTypeOf, privateDnsName } from '../../../src/sim/queries/describeTask';
import { containerRecord, demoSim, instanceRecord, taskRecord } from '../../support/simcoreRecords';

const EPOCH = 1735689600;
type Attachment = { id: string; type: string; status: string; details: { name: string; value: unknown }[] };

describe('a private DNS name', () => {
  it('is ip-<dashed address>.ec2.internal in us-east-1 and .<region>.compute.internal elsewhere', () => {
    expect(privateDnsName('us-east-1', '10.0.1.184')).toBe('ip-10-0-1-184.ec2.internal');
    expect(privateDnsName('eu-west-1', '172.31.0.5')).toBe('ip-172-31-0-5.eu-west-1.compute.internal');
  });
});

describe('a task as DescribeTasks returns it', () => {
  it('has the members AWS always returns, timestamps in epoch seconds, and none that are undefined', () => {
    const { sim } = demoSim();
    const t = taskRecord(sim, 'abc', { startedAtMs: 5500, pullStartedAtMs: 2000, pullStoppedAtMs: 4000, startedBy: 'me', cpu: '256', memory: '512' });
    const d = describeTask(sim, t);
    expect(d).toMatchObject({
      taskArn: t.taskArn,
      clusterArn: t.clusterArn,
      lastStatus: 'RUNNING',
      desiredStatus: 'RUNNING',
      launchType: 'EC2',
      availabilityZone: 'us-east-1a',
      connectivity: 'CONNECTED',
      connectivityAt: EPOCH + 1,
      createdAt: EPOCH + 1,
      pullStartedAt: EPOCH + 2,
      pullStoppedAt: EPOCH + 4,
      startedAt: EPOCH + 5.5,
      startedBy: 'me',
      cpu: '256',
      memory: '512',
      enableExecuteCommand: false,
      attachments: [],
      attributes: [{ name: 'ecs.cpu-architecture', value: 'x86_64' }],
      version: 1,
    });
    expect(Object.values(d).includes(undefined)).toBe(false);
    for (const k of ['stoppedAt', 'stopCode', 'stoppedReason', 'platformFamily', 'ephemeralStorage', 'containerInstanceArn']) expect(d, k).not.toHaveProperty(k);
  });

  it('says a container that has not started yet is PENDING, and gives its sizes as text', () => {
    const { sim } = demoSim();
    const t = taskRecord(sim, 'abc', {
      containers: [
        containerRecord({ name: 'a', state: 'PULLED', cpu: 128, memory: 256 }),
        containerRecord({ name: 'b', state: 'STOPPED', exitCode: 137, reason: 'OOM', memoryReservation: 64 }),
        containerRecord({ name: 'c', state: 'NONE' }),
      ],
    });
    const cs = describeTask(sim, t).containers as Record<string, unknown>[];
    expect(cs.map((c) => c.lastStatus)).toEqual(['PENDING', 'STOPPED', 'PENDING']);
    expect(cs[0]).toMatchObject({ name: 'a', cpu: '128', memory: '256', taskArn: t.taskArn, networkInterfaces: [] });
    expect(cs[1]).toMatchObject({ cpu: '0', memoryReservation: '64', exitCode: 137, reason: 'OOM' });
    expect(cs[2]).not.toHaveProperty('memory');
  });

  it('gives an awsvpc task its ENI: PRECREATED with its subnet while PROVISIONING, ATTACHED with its address once placed, DELETED once stopped', () => {
    const { sim } = demoSim();
    const t = taskRecord(sim, 'abc', { networkMode: 'awsvpc', eniId: 'eni-0a1b2c3d4e5f', subnetId: 'subnet-us-east-1a', privateIp: '172.31.0.9', lastStatus: 'PROVISIONING' });
    const eni = () => (describeTask(sim, t).attachments as Attachment[])[0]!;
    expect(eni()).toEqual({ id: 'e0a1b2c3-d4e5-f000-0000-000000000000', type: 'ElasticNetworkInterface', status: 'PRECREATED', details: [{ name: 'subnetId', value: 'subnet-us-east-1a' }] });
    expect(describeTask(sim, t)).not.toHaveProperty('connectivity');
    expect((describeTask(sim, t).containers as { networkInterfaces: unknown[] }[])[0]!.networkInterfaces).toEqual([]);
    t.lastStatus = 'RUNNING';
    expect(eni().status).toBe('ATTACHED');
    expect(eni().details).toEqual([
      { name: 'subnetId', value: 'subnet-us-east-1a' },
      { name: 'networkInterfaceId', value: 'eni-0a1b2c3d4e5f' },
      { name: 'macAddress', value: '0e:0a:1b:2c:3d:4e' },
      { name: 'privateDnsName', value: 'ip-172-31-0-9.ec2.internal' },
      { name: 'privateIPv4Address', value: '172.31.0.9' },
    ]);
    expect((describeTask(sim, t).containers as { networkInterfaces: unknown[] }[])[0]!.networkInterfaces).toEqual([{ attachmentId: 'e0a1b2c3-d4e5-f000-0000-000000000000', privateIpv4Address: '172.31.0.9' }]);
    t.lastStatus = 'STOPPED';
    expect(eni().status).toBe('DELETED');
  });

  it('lists EBS volumes: CREATED without volume details while PROVISIONING, ATTACHED, then DELETED or DETACHED as deleteOnTermination says', () => {
    const { sim } = demoSim();
    const vol = { id: 'att-1', volumeName: 'data', volumeId: 'vol-1', roleArn: 'arn:aws:iam::123456789012:role/ebs', sizeInGiB: 30, volumeType: 'gp3', deleteOnTermination: true };
    const t = taskRecord(sim, 'abc', { lastStatus: 'PROVISIONING', ebsVolumes: [vol, { ...vol, id: 'att-2', deleteOnTermination: false }] });
    const ebs = () => describeTask(sim, t).attachments as Attachment[];
    expect(ebs().map((a) => a.status)).toEqual(['CREATED', 'CREATED']);
    expect(ebs()[0]!.details.map((d) => d.name)).toEqual(['roleArn', 'volumeName', 'deleteOnTermination']);
    t.lastStatus = 'RUNNING';
    expect(ebs()[0]).toEqual({
      id: 'att-1',
      type: 'AmazonElasticBlockStorage',
      status: 'ATTACHED',
      details: [
        { name: 'roleArn', value: vol.roleArn },
        { name: 'volumeName', value: 'data' },
        { name: 'deleteOnTermination', value: 'true' },
        { name: 'volumeId', value: 'vol-1' },
        { name: 'sizeInGiB', value: '30' },
        { name: 'volumeType', value: 'gp3' },
      ],
    });
    t.lastStatus = 'STOPPED';
    expect(ebs().map((a) => a.status)).toEqual(['DELETED', 'DETACHED']);
  });

  it('gives a Fargate task its platform family and 20 GiB of ephemeral storage unless it asked for more', () => {
    const { sim } = demoSim();
    const t = taskRecord(sim, 'abc', { launchType: 'FARGATE', platformVersion: '1.4.0' });
    expect(describeTask(sim, t)).toMatchObject({ launchType: 'FARGATE', platformFamily: 'Linux', platformVersion: '1.4.0', ephemeralStorage: { sizeInGiB: 20 }, fargateEphemeralStorage: { sizeInGiB: 20 } });
    t.ephemeralStorageGiB = 50;
    expect(describeTask(sim, t)).toMatchObject({ ephemeralStorage: { sizeInGiB: 50 }, fargateEphemeralStorage: { sizeInGiB: 50 } });
  });

  it("takes the CPU architecture from the instance's attribute, else from the task definition's runtime platform", () => {
    const { sim } = demoSim();
    expect(sim.call('ecs.RegisterTaskDefinition', { family: 'arm', runtimePlatform: { cpuArchitecture: 'ARM64' }, containerDefinitions: [{ name: 'a', image: 'nginx', memory: 64 }] }).error).toBeUndefined();
    const fargate = taskRecord(sim, 'f', { launchType: 'FARGATE', taskDefinitionArn: sim.arn('task-definition/arm:1') });
    expect(describeTask(sim, fargate).attributes).toEqual([{ name: 'ecs.cpu-architecture', value: 'arm64' }]);
    const ci = instanceRecord(sim, 'ci1', { attributes: [{ name: 'ecs.cpu-architecture', value: 'arm64' }] });
    const onEc2 = taskRecord(sim, 'e', { containerInstanceArn: ci.containerInstanceArn });
    expect(describeTask(sim, onEc2).attributes).toEqual([{ name: 'ecs.cpu-architecture', value: 'arm64' }]);
  });

  it('shows the managed ECS Exec agent of each started container when the task has ECS Exec on', () => {
    const { sim } = demoSim();
    const t = taskRecord(sim, 'abc', {
      enableExecuteCommand: true,
      containers: [containerRecord({ name: 'a', startedAtMs: 3000 }), containerRecord({ name: 'b', state: 'STOPPED', startedAtMs: 3000 }), containerRecord({ name: 'c', state: 'CREATED' })],
    });
    const d = describeTask(sim, t);
    expect(d.enableExecuteCommand).toBe(true);
    expect((d.containers as { managedAgents?: unknown }[]).map((c) => c.managedAgents)).toEqual([
      [{ lastStartedAt: EPOCH + 3, name: 'ExecuteCommandAgent', lastStatus: 'RUNNING' }],
      [{ lastStartedAt: EPOCH + 3, name: 'ExecuteCommandAgent', lastStatus: 'STOPPED' }],
      undefined,
    ]);
  });

  it('says MANAGED_INSTANCES for a task of a Managed Instances capacity provider', () => {
    const { sim } = demoSim();
    sim.world.capacityProviders.mi = { managedInstances: { cluster: 'demo' } } as never;
    sim.world.capacityProviders.asg = {} as never;
    expect(launchTypeOf(sim, taskRecord(sim, 'a', { capacityProviderName: 'mi' }))).toBe('MANAGED_INSTANCES');
    expect(launchTypeOf(sim, taskRecord(sim, 'b', { capacityProviderName: 'asg' }))).toBe('EC2');
    expect(describeTask(sim, taskRecord(sim, 'c', { capacityProviderName: 'mi' }))).toMatchObject({ launchType: 'MANAGED_INSTANCES', capacityProviderName: 'mi' });
  });
});
