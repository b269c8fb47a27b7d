import { describe, expect, it } from 'vitest';
import type { Sim } from '../../../src/sim';
import { INSTANCE_TYPES } from '../../../src/sim';
import { ec2TaskDef, ec2World, ok } from '../../support/controllerWorld';

type Ev = Record<string, any>;
const ci0 = (sim: Sim) => Object.values(sim.world.containerInstances)[0]!;
const typed = (sim: Sim, type: string) => (sim.events as readonly Ev[]).filter((e) => e.type === type);

describe('EC2 instances and their agents', () => {
  it('an instance boots for 45 s, then its agent registers the type’s CPU and the OS memory less the reserved memory', () => {
    const sim = ec2World(0);
    ok(sim, 'sim.LaunchInstances', { cluster: 'demo', count: 1, instanceType: 'm5.large', reservedMemory: 256 });
    const inst = Object.values(sim.world.ec2)[0]!;
    expect(inst.state).toBe('pending');
    sim.runUntil(60_000 + 44_999);
    expect(sim.world.containerInstances).toEqual({});
    sim.runUntil(60_000 + 45_000);
    const ci = ci0(sim);
    expect(inst.state).toBe('running');
    expect(ci).toMatchObject({ status: 'ACTIVE', agentConnected: true, registeredCpu: 2048, registeredMemory: INSTANCE_TYPES['m5.large']!.osMemoryMiB - 256, registeredAtMs: 105_000, ec2InstanceId: inst.ec2InstanceId });
    expect(ci.reservedPorts).toEqual([22, 2375, 2376, 51678, 51679]);
    const attrs = Object.fromEntries(ci.attributes.map((a) => [a.name, a.value]));
    expect(attrs).toMatchObject({ 'ecs.instance-type': 'm5.large', 'ecs.availability-zone': inst.availabilityZone, 'ecs.os-type': 'linux', 'ecs.cpu-architecture': 'x86_64' });
    expect(sim.world.clusters[ci.clusterArn]!.instanceArns).toEqual([ci.containerInstanceArn]);
    expect(typed(sim, 'ContainerInstanceRegistered')).toHaveLength(1);
  });

  it('registered resources from the launch override what the type has', () => {
    const sim = ec2World(0);
    ok(sim, 'sim.LaunchInstances', { cluster: 'demo', count: 1, registeredResources: { CPU: 1000, MEMORY: 3000 }, attributes: { stack: 'blue' } });
    sim.runUntil(120_000);
    expect(ci0(sim)).toMatchObject({ registeredCpu: 1000, registeredMemory: 3000 });
    expect(ci0(sim).attributes).toContainEqual({ name: 'stack', value: 'blue' });
  });

  it('a lost connection marks the agent disconnected after the heartbeat timeout (1 to 2 minutes); the tasks keep running', () => {
    const sim = ec2World(1);
    ec2TaskDef(sim, 'web');
    const arn = ok(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: 'web' }).tasks[0].taskArn as string;
    sim.runUntil(120_000);
    ok(sim, 'sim.DisconnectAgent', { cluster: 'demo', containerInstance: ci0(sim).containerInstanceArn });
    sim.runUntil(179_999);
    expect(ci0(sim).agentConnected).toBe(true);
    sim.runUntil(240_000);
    const [gone] = typed(sim, 'AgentDisconnected');
    expect(gone!.t).toBeGreaterThanOrEqual(180_000);
    expect(gone!.t).toBeLessThan(240_000);
    expect(ci0(sim).agentConnected).toBe(false);
    expect(sim.world.tasks[arn]!.lastStatus).toBe('RUNNING');
  });

  it('the agent reconnects after its back-off (250 ms ± 20 % for the first try) and the instance is connected again', () => {
    const sim = ec2World(1);
    const ci = ci0(sim);
    ok(sim, 'sim.DisconnectAgent', { cluster: 'demo', containerInstance: ci.containerInstanceArn });
    sim.runUntil(200_000);
    expect(ci.agentConnected).toBe(false);
    ok(sim, 'sim.ReconnectAgent', { cluster: 'demo', containerInstance: ci.containerInstanceArn });
    sim.runUntil(200_199);
    expect(ci.agentConnected).toBe(false);
    sim.runUntil(200_301);
    expect(ci.agentConnected).toBe(true);
    expect(typed(sim, 'AgentConnected')).toHaveLength(1);
    expect(ci.reconnectAttempts).toBe(0);
  });

  it('a reconnect within the heartbeat timeout is never noticed', () => {
    const sim = ec2World(1);
    ok(sim, 'sim.DisconnectAgent', { cluster: 'demo', containerInstance: ci0(sim).containerInstanceArn, durationSeconds: 10 });
    sim.runUntil(400_000);
    expect(typed(sim, 'AgentDisconnected')).toEqual([]);
    expect(ci0(sim)).toMatchObject({ agentConnected: true, connectionLost: false });
  });

  it('stopping an instance stops its tasks at once; started again, it boots and its agent rejoins the same container instance', () => {
    const sim = ec2World(1);
    ec2TaskDef(sim, 'web');
    const arn = ok(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: 'web' }).tasks[0].taskArn as string;
    sim.runUntil(120_000);
    const ci = ci0(sim);
    const id = ci.ec2InstanceId;
    ok(sim, 'sim.StopInstances', { instanceIds: [id] });
    expect(sim.world.tasks[arn]).toMatchObject({ lastStatus: 'STOPPED', stoppedReason: `Host EC2 (instance ${id}) stopped/terminated` });
    expect(ci.usedCpu).toBe(0);
    sim.runUntil(300_000);
    expect(ci.agentConnected).toBe(false);
    ok(sim, 'sim.StartInstances', { instanceIds: [id] });
    sim.runUntil(400_000);
    expect(Object.keys(sim.world.containerInstances)).toEqual([ci.containerInstanceArn]);
    expect(ci).toMatchObject({ status: 'ACTIVE', agentConnected: true });
    expect(sim.world.ec2[id]!.state).toBe('running');
  });

  it('DeregisterContainerInstance refuses while tasks run unless forced, which stops them', () => {
    const sim = ec2World(1);
    ec2TaskDef(sim, 'web');
    const arn = ok(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: 'web' }).tasks[0].taskArn as string;
    sim.runUntil(120_000);
    const ci = ci0(sim);
    expect(sim.call('ecs.DeregisterContainerInstance', { cluster: 'demo', containerInstance: ci.containerInstanceArn }).error).toEqual({
      code: 'InvalidParameterException',
      message: 'The specified container instance has tasks running on it. Use the force option to deregister it anyway.',
    });
    ok(sim, 'ecs.DeregisterContainerInstance', { cluster: 'demo', containerInstance: ci.containerInstanceArn, force: true });
    expect(ci).toMatchObject({ status: 'INACTIVE', agentConnected: false, deregisteredAtMs: 120_000 });
    expect(sim.world.tasks[arn]).toMatchObject({ lastStatus: 'STOPPED', stoppedReason: 'Container instance deregistration forced by user' });
    expect(sim.world.clusters[ci.clusterArn]!.instanceArns).toEqual([]);
  });

  it('UpdateContainerAgent: PENDING for a minute, then UPDATED to the current agent', () => {
    const sim = ec2World(0);
    ok(sim, 'sim.LaunchInstances', { cluster: 'demo', count: 1, agentVersion: '1.70.0' });
    sim.runUntil(120_000);
    const ci = ci0(sim);
    expect(ci.agentVersion).toBe('1.70.0');
    ok(sim, 'ecs.UpdateContainerAgent', { cluster: 'demo', containerInstance: ci.containerInstanceArn });
    expect(ci.agentUpdateStatus).toBe('PENDING');
    sim.runUntil(179_999);
    expect(ci.agentUpdateStatus).toBe('PENDING');
    sim.runUntil(180_000);
    expect(ci.agentUpdateStatus).toBe('UPDATED');
    expect(ci.agentVersion).toBeUndefined();
    expect(typed(sim, 'AgentUpdated')).toHaveLength(1);
  });
});
