import { describe, expect, it } from 'vitest';
import { Sim } from '../../../../src/sim';
import { ok, refused } from '../../../support/simapiWorld';

const provider = (extra: Record<string, unknown> = {}, template: Record<string, unknown> = {}) => ({
  infrastructureRoleArn: 'arn:aws:iam::123456789012:role/ecsInfrastructure',
  instanceLaunchTemplate: { ec2InstanceProfileArn: 'arn:aws:iam::123456789012:instance-profile/ecsInstance', networkConfiguration: { subnets: ['subnet-us-east-1a'] }, ...template },
  ...extra,
});

function world(): Sim {
  const sim = new Sim();
  ok(sim, 'ecs.CreateCluster', { clusterName: 'demo' });
  return sim;
}
const create = (sim: Sim, managedInstancesProvider: Record<string, unknown>, cluster: string | null = 'demo') => sim.call('ecs.CreateCapacityProvider', { name: 'mi', ...(cluster ? { cluster } : {}), managedInstancesProvider });

describe('a Managed Instances capacity provider', () => {
  it('is created in its cluster, which uses it at once, and is listed with that cluster only', () => {
    const sim = world();
    ok(sim, 'ecs.CreateCluster', { clusterName: 'other' });
    const r = create(sim, provider());
    expect(r.error).toBeUndefined();
    expect((r.output as { capacityProvider: { status: string } }).capacityProvider.status).toBe('ACTIVE');
    expect(ok(sim, 'ecs.DescribeClusters', { clusters: ['demo'] }).clusters[0].capacityProviders).toEqual(['mi']);
    const names = (cluster: string) => (ok(sim, 'ecs.DescribeCapacityProviders', { cluster }).capacityProviders as { name: string }[]).map((c) => c.name);
    expect(names('demo')).toEqual(['FARGATE', 'FARGATE_SPOT', 'mi']);
    expect(names('other')).toEqual(['FARGATE', 'FARGATE_SPOT']);
  });

  it.each([
    ['no cluster', null, provider(), 'A Managed Instances capacity provider must be created in a cluster: specify the cluster.'],
    ['a role that is not an IAM role', 'demo', provider({ infrastructureRoleArn: 'ecsInfrastructure' }), "Invalid infrastructureRoleArn 'ecsInfrastructure': it must be the ARN of an IAM role."],
    ['a subnet that does not exist', 'demo', provider({}, { networkConfiguration: { subnets: ['subnet-x'] } }), "The subnet ID 'subnet-x' does not exist."],
    ['a vCPU range upside down', 'demo', provider({}, { instanceRequirements: { vCpuCount: { min: 8, max: 2 }, memoryMiB: { min: 1024 } } }), 'Invalid instanceRequirements: vCpuCount.min must not be greater than vCpuCount.max.'],
    [
      'requirements no instance type meets',
      'demo',
      provider({}, { instanceRequirements: { vCpuCount: { min: 1000 }, memoryMiB: { min: 1024 } } }),
      'No instance type the simulator knows meets the instance requirements. Widen the vCPU or memory ranges, or the allowed instance types.',
    ],
    ['a scale-in delay above an hour', 'demo', provider({ infrastructureOptimization: { scaleInAfter: 3601 } }), 'infrastructureOptimization.scaleInAfter must be -1 (no optimization) or between 0 and 3600 seconds.'],
  ])('refuses %s', (_, cluster, mip, message) => {
    expect(create(world(), mip, cluster).error).toEqual({ code: 'InvalidParameterException', message });
  });

  it('takes updates to its own configuration only, and is deleted out of its cluster', () => {
    const sim = world();
    create(sim, provider());
    expect(refused(sim, 'ecs.UpdateCapacityProvider', { name: 'mi', autoScalingGroupProvider: { managedScaling: { status: 'ENABLED' } } }).message).toBe(
      'The capacity provider is a Managed Instances provider: update its managedInstancesProvider.',
    );
    expect(
      sim.call('ecs.UpdateCapacityProvider', { name: 'mi', managedInstancesProvider: { infrastructureRoleArn: 'arn:aws:iam::123456789012:role/other', instanceLaunchTemplate: {}, propagateTags: 'CAPACITY_PROVIDER' } }).error,
    ).toBeUndefined();
    expect(ok(sim, 'ecs.DeleteCapacityProvider', { capacityProvider: 'mi' }).capacityProvider.status).toBe('INACTIVE');
    expect(ok(sim, 'ecs.DescribeClusters', { clusters: ['demo'] }).clusters[0].capacityProviders).toEqual([]);
  });

  it('runs a task definition that declares MANAGED_INSTANCES, and no other, by a strategy', () => {
    const sim = world();
    create(sim, provider());
    ok(sim, 'ecs.RegisterTaskDefinition', { family: 'mi', requiresCompatibilities: ['MANAGED_INSTANCES'], networkMode: 'awsvpc', cpu: '256', memory: '512', containerDefinitions: [{ name: 'c', image: 'nginx' }] });
    ok(sim, 'ecs.RegisterTaskDefinition', { family: 'ec2', requiresCompatibilities: ['EC2'], containerDefinitions: [{ name: 'c', image: 'nginx', memory: 64 }] });
    const strategy = [{ capacityProvider: 'mi', weight: 1 }];
    const run = (taskDefinition: string) =>
      sim.call('ecs.RunTask', { cluster: 'demo', taskDefinition, capacityProviderStrategy: strategy, ...(taskDefinition === 'mi' ? { networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-us-east-1a'] } } } : {}) });
    const r = run('mi');
    expect(r.error).toBeUndefined();
    expect((r.output as { tasks: { capacityProviderName: string; lastStatus: string }[] }).tasks.map((t) => [t.capacityProviderName, t.lastStatus])).toEqual([['mi', 'PROVISIONING']]);
    expect(run('ec2').error).toEqual({ code: 'InvalidParameterException', message: 'Task definition does not support launch_type MANAGED_INSTANCES.' });
    expect(refused(sim, 'ecs.DeleteCapacityProvider', { capacityProvider: 'mi' }).code).toBe('ResourceInUseException');
  });
});
