import { describe, expect, it } from 'vitest';
import { Sim } from '../../../src/sim';
import { ok } from '../../support/controllerWorld';

/** Cluster `demo` and a group `asg` of m5.large instances over three subnets whose user data joins `demo`. */
function group(desired: number, protect = false): Sim {
  const sim = new Sim({ seed: 'asg' });
  ok(sim, 'ecs.CreateCluster', { clusterName: 'demo' });
  ok(sim, 'ec2.CreateLaunchTemplate', {
    LaunchTemplateName: 'node',
    LaunchTemplateData: { InstanceType: 'm5.large', UserData: '#!/bin/bash\necho ECS_CLUSTER=demo >> /etc/ecs/ecs.config\necho ECS_RESERVED_MEMORY=256 >> /etc/ecs/ecs.config\n' },
  });
  ok(sim, 'autoscaling.CreateAutoScalingGroup', {
    AutoScalingGroupName: 'asg',
    LaunchTemplate: { LaunchTemplateName: 'node' },
    MinSize: 0,
    MaxSize: 6,
    DesiredCapacity: desired,
    VPCZoneIdentifier: 'subnet-us-east-1a,subnet-us-east-1b,subnet-us-east-1c',
    NewInstancesProtectedFromScaleIn: protect,
  });
  return sim;
}
const live = (sim: Sim) => Object.values(sim.world.ec2).filter((i) => i.state !== 'terminated');
const zones = (sim: Sim) =>
  live(sim)
    .map((i) => i.availabilityZone)
    .sort();

describe('an Auto Scaling group', () => {
  it('launches DesiredCapacity instances balanced over its subnets, whose agents join the cluster its user data names', () => {
    const sim = group(4);
    expect(zones(sim)).toEqual(['us-east-1a', 'us-east-1a', 'us-east-1b', 'us-east-1c']);
    sim.runUntil(60_000);
    const cis = Object.values(sim.world.containerInstances);
    expect(cis).toHaveLength(4);
    expect(cis.every((ci) => ci.clusterArn.endsWith(':cluster/demo'))).toBe(true);
    // ECS_RESERVED_MEMORY from the user data.
    const inst = live(sim)[0]!;
    expect(inst.agentConfig.reservedMemory).toBe(256);
    expect(live(sim).every((i) => i.asgName === 'asg')).toBe(true);
  });

  it('replaces an instance that is terminated', () => {
    const sim = group(2);
    sim.runUntil(60_000);
    const [gone] = live(sim);
    ok(sim, 'sim.TerminateInstances', { instanceIds: [gone!.ec2InstanceId] });
    sim.runUntil(60_001);
    expect(live(sim)).toHaveLength(2);
    expect(live(sim).map((i) => i.ec2InstanceId)).not.toContain(gone!.ec2InstanceId);
    expect(sim.world.autoScalingGroups.asg!.Instances).toHaveLength(2);
  });

  it('scales in from the subnet with the most instances, the newest there first', () => {
    const sim = group(4);
    sim.runUntil(60_000);
    ok(sim, 'autoscaling.UpdateAutoScalingGroup', { AutoScalingGroupName: 'asg', DesiredCapacity: 5 });
    sim.runUntil(120_000);
    // 1a: 2, 1b: 2, 1c: 1 — the newest is the one just launched in 1b.
    const newest = live(sim).find((i) => i.launchedAtMs === 60_000)!;
    expect(newest.availabilityZone).toBe('us-east-1b');
    ok(sim, 'autoscaling.UpdateAutoScalingGroup', { AutoScalingGroupName: 'asg', DesiredCapacity: 4 });
    expect(sim.world.ec2[newest.ec2InstanceId]!.state).toBe('terminated');
    expect(zones(sim)).toEqual(['us-east-1a', 'us-east-1a', 'us-east-1b', 'us-east-1c']);
  });

  it('never terminates an instance protected from scale-in: the group stays above its desired capacity', () => {
    const sim = group(2, true);
    sim.runUntil(60_000);
    ok(sim, 'autoscaling.UpdateAutoScalingGroup', { AutoScalingGroupName: 'asg', DesiredCapacity: 0 });
    expect(live(sim)).toHaveLength(2);
    expect((sim.events as readonly Record<string, any>[]).filter((e) => e.type === 'AsgTerminate')).toEqual([]);
  });
});
