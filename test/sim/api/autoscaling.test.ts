import { describe, expect, it } from 'vitest';
import { Sim } from '../../../src/sim';
import { ok, refused } from '../../support/simapiWorld';

/** Cluster `demo` and launch template `nodes` (m5.large). */
function world(): Sim {
  const sim = new Sim();
  ok(sim, 'ecs.CreateCluster', { clusterName: 'demo' });
  ok(sim, 'ec2.CreateLaunchTemplate', { LaunchTemplateName: 'nodes', LaunchTemplateData: { InstanceType: 'm5.large' } });
  return sim;
}
const group = { AutoScalingGroupName: 'asg', LaunchTemplate: { LaunchTemplateName: 'nodes' }, MinSize: 0, MaxSize: 4, VPCZoneIdentifier: 'subnet-us-east-1a,subnet-us-east-1b' };
const describeGroup = (sim: Sim) => ok(sim, 'autoscaling.DescribeAutoScalingGroups', { AutoScalingGroupNames: ['asg'] }).AutoScalingGroups[0];

describe('CreateAutoScalingGroup', () => {
  it('creates a group at its desired capacity (the minimum without one), launching instances into its subnets', () => {
    const sim = world();
    expect(ok(sim, 'autoscaling.CreateAutoScalingGroup', { ...group, DesiredCapacity: 2 })).toEqual({});
    const g = describeGroup(sim);
    expect(g.AutoScalingGroupARN).toMatch(/^arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:[0-9a-f-]{36}:autoScalingGroupName\/asg$/);
    expect(g).toMatchObject({ MinSize: 0, MaxSize: 4, DesiredCapacity: 2, VPCZoneIdentifier: 'subnet-us-east-1a,subnet-us-east-1b', AvailabilityZones: ['us-east-1a', 'us-east-1b'], HealthCheckType: 'EC2' });
    expect(g.Instances).toHaveLength(2);
    expect(g.Instances.map((i: { InstanceType: string }) => i.InstanceType)).toEqual(['m5.large', 'm5.large']);
    sim.runUntil(600_000);
    expect(describeGroup(sim).Instances.map((i: { LifecycleState: string }) => i.LifecycleState)).toEqual(['InService', 'InService']);
  });

  it('starts a group without a desired capacity at its minimum', () => {
    const sim = world();
    ok(sim, 'autoscaling.CreateAutoScalingGroup', { ...group, MinSize: 1 });
    expect(describeGroup(sim)).toMatchObject({ MinSize: 1, MaxSize: 4, DesiredCapacity: 1 });
    expect(describeGroup(sim).Instances).toHaveLength(1);
  });

  it.each([
    ['a minimum above the maximum', { MinSize: 5, MaxSize: 2 }, 'The minimum size (5) must be less than or equal to the maximum size (2).'],
    ['a desired capacity outside the range', { DesiredCapacity: 9 }, 'Desired capacity:9 must be between the specified min size:0 and max size:4'],
    ['no launch template', { LaunchTemplate: undefined }, 'Valid requests must contain either LaunchTemplate, LaunchConfigurationName, InstanceId or MixedInstancesPolicy parameter.'],
    ['a launch template that does not exist', { LaunchTemplate: { LaunchTemplateName: 'other' } }, 'The specified launch template, with template name other, does not exist.'],
    ['a subnet that does not exist', { VPCZoneIdentifier: 'subnet-x' }, "The subnet ID 'subnet-x' does not exist"],
  ])('refuses %s with ValidationError', (_, extra, message) => {
    const sim = world();
    expect(refused(sim, 'autoscaling.CreateAutoScalingGroup', { ...group, ...extra })).toEqual({ code: 'ValidationError', message });
    expect(ok(sim, 'autoscaling.DescribeAutoScalingGroups').AutoScalingGroups).toEqual([]);
  });

  it('refuses a name taken', () => {
    const sim = world();
    ok(sim, 'autoscaling.CreateAutoScalingGroup', group);
    expect(refused(sim, 'autoscaling.CreateAutoScalingGroup', group)).toEqual({ code: 'AlreadyExists', message: 'AutoScalingGroup by this name already exists - A group with the name asg already exists' });
  });
});

describe('capacity changes', () => {
  it('SetDesiredCapacity and UpdateAutoScalingGroup move the desired capacity inside the range; beyond it is refused', () => {
    const sim = world();
    ok(sim, 'autoscaling.CreateAutoScalingGroup', group);
    ok(sim, 'autoscaling.SetDesiredCapacity', { AutoScalingGroupName: 'asg', DesiredCapacity: 3 });
    expect(describeGroup(sim).DesiredCapacity).toBe(3);
    expect(refused(sim, 'autoscaling.SetDesiredCapacity', { AutoScalingGroupName: 'asg', DesiredCapacity: 5 })).toEqual({
      code: 'ValidationError',
      message: 'New SetDesiredCapacity value 5 is below min value 0 or above max value 4 for the AutoScalingGroup.',
    });
    ok(sim, 'autoscaling.UpdateAutoScalingGroup', { AutoScalingGroupName: 'asg', MaxSize: 2 });
    expect(describeGroup(sim)).toMatchObject({ MaxSize: 2, DesiredCapacity: 2 });
    expect(refused(sim, 'autoscaling.UpdateAutoScalingGroup', { AutoScalingGroupName: 'ghost', MaxSize: 2 })).toEqual({ code: 'ValidationError', message: 'AutoScalingGroup name not found - AutoScalingGroup ghost not found' });
  });

  it('SetInstanceProtection protects instances of the group, and refuses one that is not in it', () => {
    const sim = world();
    ok(sim, 'autoscaling.CreateAutoScalingGroup', { ...group, DesiredCapacity: 1 });
    const id = describeGroup(sim).Instances[0].InstanceId as string;
    ok(sim, 'autoscaling.SetInstanceProtection', { AutoScalingGroupName: 'asg', InstanceIds: [id], ProtectedFromScaleIn: true });
    expect(describeGroup(sim).Instances[0].ProtectedFromScaleIn).toBe(true);
    expect(refused(sim, 'autoscaling.SetInstanceProtection', { AutoScalingGroupName: 'asg', InstanceIds: ['i-0'], ProtectedFromScaleIn: true }).message).toBe('The instance i-0 is not part of Auto Scaling group asg.');
  });
});
