import { describe, expect, it } from 'vitest';
import { Sim } from '../../../../src/sim';
import { ok, refused } from '../../../support/simapiWorld';

/** A world with cluster `demo` and Auto Scaling groups `asg-a` (instances protected from scale-in) and `asg-b`. */
function withGroups(): Sim {
  const sim = new Sim({ seed: 'cp' });
  ok(sim, 'ecs.CreateCluster', { clusterName: 'demo' });
  ok(sim, 'ec2.CreateLaunchTemplate', { LaunchTemplateName: 'nodes', LaunchTemplateData: { InstanceType: 'm5.large' } });
  ok(sim, 'autoscaling.CreateAutoScalingGroup', { AutoScalingGroupName: 'asg-a', LaunchTemplate: { LaunchTemplateName: 'nodes' }, MinSize: 0, MaxSize: 2, VPCZoneIdentifier: 'subnet-us-east-1a', NewInstancesProtectedFromScaleIn: true });
  ok(sim, 'autoscaling.CreateAutoScalingGroup', { AutoScalingGroupName: 'asg-b', LaunchTemplate: { LaunchTemplateName: 'nodes' }, MinSize: 0, MaxSize: 2, VPCZoneIdentifier: 'subnet-us-east-1a' });
  return sim;
}

const asgArn = (sim: Sim, name: string) => (ok(sim, 'autoscaling.DescribeAutoScalingGroups', { AutoScalingGroupNames: [name] }).AutoScalingGroups[0] as { AutoScalingGroupARN: string }).AutoScalingGroupARN;
const provider = (sim: Sim, name: string, group: string, extra: Record<string, unknown> = {}) => sim.call('ecs.CreateCapacityProvider', { name, autoScalingGroupProvider: { autoScalingGroupArn: asgArn(sim, group), ...extra } });

describe('CreateCapacityProvider with an Auto Scaling group', () => {
  it("creates an ACTIVE provider with AWS's managed scaling defaults", () => {
    const sim = withGroups();
    const r = provider(sim, 'ec2-a', 'asg-a', { managedScaling: { status: 'ENABLED' }, managedTerminationProtection: 'ENABLED' });
    const cp = (r.output as { capacityProvider: Record<string, unknown> }).capacityProvider;
    expect(cp).toMatchObject({
      name: 'ec2-a',
      capacityProviderArn: 'arn:aws:ecs:us-east-1:123456789012:capacity-provider/ec2-a',
      status: 'ACTIVE',
      autoScalingGroupProvider: {
        autoScalingGroupArn: asgArn(sim, 'asg-a'),
        managedScaling: { status: 'ENABLED', targetCapacity: 100, minimumScalingStepSize: 1, maximumScalingStepSize: 10000, instanceWarmupPeriod: 300 },
        managedTerminationProtection: 'ENABLED',
      },
    });
  });

  it.each([
    ['a name starting with fargate', 'FargateMine', {}, "The capacity provider name cannot start with 'aws', 'ecs', or 'fargate'."],
    ['a name starting with ecs', 'ecs-nodes', {}, "The capacity provider name cannot start with 'aws', 'ecs', or 'fargate'."],
    ['a name with a dot', 'a.b', {}, 'The capacity provider name can have up to 255 characters: letters, numbers, underscores and hyphens.'],
    [
      'termination protection without managed scaling',
      'p',
      { managedTerminationProtection: 'ENABLED' },
      'The managed termination protection setting for the capacity provider is invalid. To enable managed termination protection for a capacity provider, managed scaling must also be enabled.',
    ],
    ['a minimum step above the maximum', 'p', { managedScaling: { minimumScalingStepSize: 5, maximumScalingStepSize: 2 } }, 'minimumScalingStepSize must be less than or equal to maximumScalingStepSize.'],
  ])('refuses %s', (_, name, extra, message) => {
    expect(provider(withGroups(), name, 'asg-a', extra).error).toEqual({ code: 'InvalidParameterException', message });
  });

  it('refuses termination protection on a group whose instances are not protected from scale-in', () => {
    expect(provider(withGroups(), 'p', 'asg-b', { managedScaling: { status: 'ENABLED' }, managedTerminationProtection: 'ENABLED' }).error).toEqual({
      code: 'InvalidParameterException',
      message: 'The managed termination protection setting for the capacity provider is invalid. To enable managed termination protection for a capacity provider, the Auto Scaling group must have instance protection from scale in enabled.',
    });
  });

  it('refuses a second provider of the same name, a group another provider uses, and a group that does not exist', () => {
    const sim = withGroups();
    expect(provider(sim, 'p', 'asg-a').error).toBeUndefined();
    expect(provider(sim, 'p', 'asg-b').error?.message).toBe('The specified capacity provider already exists. To change the configuration of an existing capacity provider, update the capacity provider.');
    expect(provider(sim, 'q', 'asg-a').error?.message).toBe('The specified Auto Scaling group is already in use by another capacity provider.');
    expect(refused(sim, 'ecs.CreateCapacityProvider', { name: 'r', autoScalingGroupProvider: { autoScalingGroupArn: 'nope' } })).toEqual({
      code: 'InvalidParameterException',
      message: 'The specified Auto Scaling group nope does not exist.',
    });
  });

  it('refuses a request with neither provider, and one with both', () => {
    const sim = withGroups();
    expect(refused(sim, 'ecs.CreateCapacityProvider', { name: 'p' })).toEqual({ code: 'InvalidParameterException', message: 'An Auto Scaling group provider with autoScalingGroupArn is required.' });
    const mi = { infrastructureRoleArn: 'arn:aws:iam::123456789012:role/infra', instanceLaunchTemplate: { ec2InstanceProfileArn: 'arn:aws:iam::123456789012:instance-profile/p', networkConfiguration: { subnets: ['subnet-us-east-1a'] } } };
    expect(refused(sim, 'ecs.CreateCapacityProvider', { name: 'p', cluster: 'demo', managedInstancesProvider: mi, autoScalingGroupProvider: { autoScalingGroupArn: asgArn(sim, 'asg-b') } })).toEqual({
      code: 'InvalidParameterException',
      message: 'Specify either an Auto Scaling group provider or a Managed Instances provider, not both.',
    });
  });
});

describe('UpdateCapacityProvider', () => {
  it("merges the managed scaling given into the provider's", () => {
    const sim = withGroups();
    provider(sim, 'p', 'asg-a', { managedScaling: { status: 'ENABLED', targetCapacity: 80 } });
    const cp = ok(sim, 'ecs.UpdateCapacityProvider', { name: 'p', autoScalingGroupProvider: { managedScaling: { instanceWarmupPeriod: 60 } } }).capacityProvider;
    expect(cp.autoScalingGroupProvider.managedScaling).toMatchObject({ status: 'ENABLED', targetCapacity: 80, instanceWarmupPeriod: 60 });
  });

  it('refuses a provider that does not exist', () => {
    expect(refused(withGroups(), 'ecs.UpdateCapacityProvider', { name: 'ghost', autoScalingGroupProvider: {} })).toEqual({
      code: 'InvalidParameterException',
      message: 'The specified capacity provider does not exist. Specify a valid capacity provider and try again.',
    });
  });
});

describe('DeleteCapacityProvider', () => {
  it('refuses a provider a cluster uses (ResourceInUseException), and deletes it once the cluster lets it go', () => {
    const sim = withGroups();
    provider(sim, 'p', 'asg-a');
    ok(sim, 'ecs.PutClusterCapacityProviders', { cluster: 'demo', capacityProviders: ['p'], defaultCapacityProviderStrategy: [] });
    expect(refused(sim, 'ecs.DeleteCapacityProvider', { capacityProvider: 'p' })).toEqual({ code: 'ResourceInUseException', message: 'The specified capacity provider is in use and cannot be removed.' });
    ok(sim, 'ecs.PutClusterCapacityProviders', { cluster: 'demo', capacityProviders: [], defaultCapacityProviderStrategy: [] });
    expect(ok(sim, 'ecs.DeleteCapacityProvider', { capacityProvider: 'arn:aws:ecs:us-east-1:123456789012:capacity-provider/p' }).capacityProvider.status).toBe('INACTIVE');
    expect(refused(sim, 'ecs.DeleteCapacityProvider', { capacityProvider: 'p' }).code).toBe('InvalidParameterException');
    // A deleted provider's group can back a new one.
    expect(provider(sim, 'p2', 'asg-a').error).toBeUndefined();
  });
});

describe('DescribeCapacityProviders', () => {
  it('lists FARGATE and FARGATE_SPOT first, then the account’s providers; a name it does not know is a MISSING failure', () => {
    const sim = withGroups();
    provider(sim, 'p', 'asg-a');
    expect(ok(sim, 'ecs.DescribeCapacityProviders').capacityProviders.map((c: { name: string }) => c.name)).toEqual(['FARGATE', 'FARGATE_SPOT', 'p']);
    const r = ok(sim, 'ecs.DescribeCapacityProviders', { capacityProviders: ['p', 'ghost'] });
    expect(r.capacityProviders.map((c: { name: string }) => c.name)).toEqual(['p']);
    expect(r.failures).toEqual([{ arn: 'arn:aws:ecs:us-east-1:123456789012:capacity-provider/ghost', reason: 'MISSING' }]);
  });
});
