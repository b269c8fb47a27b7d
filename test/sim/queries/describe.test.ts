import { describe, expect, it } from 'vitest';
import { describeCapacityProvider, describeCluster, describeContainerInstance, describeTaskDefinition } from '../../../src/sim/queries/describe';
import { AGENT_VERSION } from '../../../src/sim/model/agent';
import { demoSim, instanceRecord, ok, serviceRecord, taskRecord } from '../../support/simcoreRecords';

const EPOCH = 1735689600;

describe('a cluster as DescribeClusters returns it', () => {
  it('counts its instances not INACTIVE, its RUNNING and its PENDING or PROVISIONING tasks, and its ACTIVE services only', () => {
    const { sim, cluster } = demoSim();
    instanceRecord(sim, 'a');
    instanceRecord(sim, 'b', { status: 'DRAINING' });
    instanceRecord(sim, 'c', { status: 'INACTIVE' });
    taskRecord(sim, 't1');
    taskRecord(sim, 't2', { lastStatus: 'PENDING' });
    taskRecord(sim, 't3', { lastStatus: 'PROVISIONING' });
    taskRecord(sim, 't4', { lastStatus: 'STOPPED' });
    taskRecord(sim, 't5', { lastStatus: 'DEACTIVATING' });
    taskRecord(sim, 'elsewhere', { clusterArn: sim.arn('cluster/other') });
    serviceRecord(sim, 'web');
    serviceRecord(sim, 'old').status = 'DRAINING';
    expect(describeCluster(sim, cluster)).toEqual({
      clusterArn: sim.arn('cluster/demo'),
      clusterName: 'demo',
      status: 'ACTIVE',
      registeredContainerInstancesCount: 2,
      runningTasksCount: 1,
      pendingTasksCount: 2,
      activeServicesCount: 1,
      statistics: [],
      tags: [],
      settings: cluster.settings,
      capacityProviders: [],
      defaultCapacityProviderStrategy: [],
    });
  });

  it('shows its configuration and Service Connect defaults only when it has them', () => {
    const { sim } = demoSim();
    ok(sim, 'servicediscovery.CreateHttpNamespace', { Name: 'apps.local' });
    ok(sim, 'ecs.CreateCluster', { clusterName: 'full', configuration: { executeCommandConfiguration: { logging: 'DEFAULT' } }, serviceConnectDefaults: { namespace: 'apps.local' } });
    const d = describeCluster(sim, sim.world.clusters[sim.arn('cluster/full')]!);
    expect(d.configuration).toEqual({ executeCommandConfiguration: { logging: 'DEFAULT' } });
    expect(d).toHaveProperty('serviceConnectDefaults');
    const bare = describeCluster(sim, sim.world.clusters[sim.arn('cluster/demo')]!);
    expect(bare).not.toHaveProperty('configuration');
    expect(bare).not.toHaveProperty('serviceConnectDefaults');
  });
});

describe('a container instance as DescribeContainerInstances returns it', () => {
  it('gives registered and remaining CPU, memory and ports, what its tasks reserve taken from what remains', () => {
    const { sim } = demoSim();
    const t1 = taskRecord(sim, 't1');
    const t2 = taskRecord(sim, 't2', { lastStatus: 'PENDING' });
    const ci = instanceRecord(sim, 'ci1', { usedCpu: 512, usedMemory: 1024, reservedPorts: [22, 2375], usedPorts: [80], reservedPortsUdp: [], usedPortsUdp: [53], taskArns: [t1.taskArn, t2.taskArn, sim.arn('task/demo/gone')] });
    const d = describeContainerInstance(sim, ci);
    const res = (name: string, list: { name: string; integerValue: number; stringSetValue?: string[] }[]) => list.find((r) => r.name === name)!;
    const registered = d.registeredResources as { name: string; integerValue: number; stringSetValue?: string[] }[];
    const remaining = d.remainingResources as typeof registered;
    expect(registered.map((r) => r.name)).toEqual(['CPU', 'MEMORY', 'PORTS', 'PORTS_UDP']);
    expect(res('CPU', registered)).toEqual({ name: 'CPU', type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: 2048 });
    expect(res('CPU', remaining).integerValue).toBe(1536);
    expect(res('MEMORY', remaining).integerValue).toBe(7680 - 1024);
    expect(res('PORTS', registered).stringSetValue).toEqual(['22', '2375']);
    expect(res('PORTS', remaining).stringSetValue).toEqual(['22', '2375', '80']);
    expect(res('PORTS_UDP', remaining).stringSetValue).toEqual(['53']);
    expect(d).toMatchObject({ runningTasksCount: 1, pendingTasksCount: 1, status: 'ACTIVE', agentConnected: true, ec2InstanceId: 'i-ci1', registeredAt: EPOCH, attachments: [], tags: [] });
    expect(d.versionInfo).toEqual({ agentVersion: AGENT_VERSION, agentHash: 'a1b2c3d4', dockerVersion: 'DockerVersion: 25.0.8' });
  });

  it('lists GPUs only on an instance that registered some, and attributes without a value as a name alone', () => {
    const { sim } = demoSim();
    const ci = instanceRecord(sim, 'gpu', { registeredGpu: 4, usedGpu: 1, attributes: [{ name: 'ecs.capability.gpu' }, { name: 'stack', value: 'prod' }], agentVersion: '1.80.0' });
    const d = describeContainerInstance(sim, ci);
    expect((d.registeredResources as { name: string; integerValue: number }[]).find((r) => r.name === 'GPU')?.integerValue).toBe(4);
    expect((d.remainingResources as { name: string; integerValue: number }[]).find((r) => r.name === 'GPU')?.integerValue).toBe(3);
    expect(d.attributes).toEqual([{ name: 'ecs.capability.gpu' }, { name: 'stack', value: 'prod' }]);
    expect((d.versionInfo as { agentVersion: string }).agentVersion).toBe('1.80.0');
    const plain = describeContainerInstance(sim, instanceRecord(sim, 'plain'));
    expect((plain.registeredResources as { name: string }[]).some((r) => r.name === 'GPU')).toBe(false);
  });
});

describe('a task definition as DescribeTaskDefinition returns it', () => {
  it('gives its times in epoch seconds and who registered it, and leaves its tags out', () => {
    const { sim } = demoSim();
    sim.runUntil(30_000);
    ok(sim, 'ecs.RegisterTaskDefinition', { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128 }], tags: [{ key: 'team', value: 'a' }] });
    const td = sim.world.taskDefinitions.web![0]!;
    const d = describeTaskDefinition(sim, td);
    expect(d).toMatchObject({ family: 'web', revision: 1, status: 'ACTIVE', registeredAt: EPOCH + 30, registeredBy: 'arn:aws:iam::123456789012:user/learner' });
    for (const k of ['tags', 'registeredAtMs', 'deregisteredAt', 'deleteRequestedAt']) expect(d, k).not.toHaveProperty(k);
    sim.runUntil(90_000);
    ok(sim, 'ecs.DeregisterTaskDefinition', { taskDefinition: 'web:1' });
    expect(describeTaskDefinition(sim, sim.world.taskDefinitions.web![0]!)).toMatchObject({ status: 'INACTIVE', deregisteredAt: EPOCH + 90 });
  });
});

describe('a capacity provider as DescribeCapacityProviders returns it', () => {
  it('describes FARGATE and FARGATE_SPOT, which the account does not hold, as ACTIVE providers of their own type', () => {
    const { sim } = demoSim();
    expect(describeCapacityProvider(sim, 'FARGATE')).toEqual({ capacityProviderArn: sim.arn('capacity-provider/FARGATE'), name: 'FARGATE', status: 'ACTIVE', tags: [], type: 'FARGATE' });
  });

  it("describes an Auto Scaling group provider with its group's ARN, and one deleted as DELETE_COMPLETE", () => {
    const { sim } = demoSim();
    ok(sim, 'ec2.CreateLaunchTemplate', { LaunchTemplateName: 'node', LaunchTemplateData: { InstanceType: 'm5.large' } });
    ok(sim, 'autoscaling.CreateAutoScalingGroup', { AutoScalingGroupName: 'nodes', LaunchTemplate: { LaunchTemplateName: 'node' }, MinSize: 0, MaxSize: 2, DesiredCapacity: 0 });
    const asgArn = sim.world.autoScalingGroups.nodes!.AutoScalingGroupARN;
    ok(sim, 'ecs.CreateCapacityProvider', { name: 'cp', autoScalingGroupProvider: { autoScalingGroupArn: asgArn, managedScaling: { status: 'ENABLED', targetCapacity: 90 } } });
    const d = describeCapacityProvider(sim, 'cp');
    expect(d).toMatchObject({
      name: 'cp',
      status: 'ACTIVE',
      type: 'EC2_AUTOSCALING',
      updateStatus: 'UPDATE_COMPLETE',
      autoScalingGroupProvider: { autoScalingGroupArn: asgArn, managedDraining: 'DISABLED', managedTerminationProtection: 'DISABLED' },
    });
    expect((d.autoScalingGroupProvider as { managedScaling: { targetCapacity: number } }).managedScaling.targetCapacity).toBe(90);
    sim.world.capacityProviders.cp!.status = 'INACTIVE';
    expect(describeCapacityProvider(sim, 'cp')).toMatchObject({ status: 'INACTIVE', updateStatus: 'DELETE_COMPLETE' });
  });

  it('describes a Managed Instances provider with its configuration, the cluster it belongs to beside it', () => {
    const { sim } = demoSim();
    sim.world.capacityProviders.mi = {
      name: 'mi',
      capacityProviderArn: sim.arn('capacity-provider/mi'),
      status: 'ACTIVE',
      tags: [],
      managedInstances: { cluster: 'demo', infrastructureRoleArn: 'arn:aws:iam::123456789012:role/infra' },
    } as never;
    expect(describeCapacityProvider(sim, 'mi')).toEqual({
      capacityProviderArn: sim.arn('capacity-provider/mi'),
      name: 'mi',
      cluster: 'demo',
      status: 'ACTIVE',
      managedInstancesProvider: { infrastructureRoleArn: 'arn:aws:iam::123456789012:role/infra' },
      updateStatus: 'UPDATE_COMPLETE',
      tags: [],
      type: 'MANAGED_INSTANCES',
    });
  });
});
