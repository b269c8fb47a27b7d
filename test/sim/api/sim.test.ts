import { describe, expect, it } from 'vitest';
import { Sim } from '../../../src/sim';
import { apiWorld, AWSVPC, fargateTaskDefinition, instanceArns, ok, refused } from '../../support/simapiWorld';

/** The simulator's own operations (sim.): what happens to the world rather than API calls. */

function setup(): Sim {
  const sim = new Sim();
  sim.call('ecs.CreateCluster', { clusterName: 'demo' });
  sim.call('ecs.RegisterTaskDefinition', { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128 }] });
  return sim;
}

describe('instance events and lost connections', () => {
  it('stop, start and terminate instances by id, refusing one that does not exist', () => {
    const sim = apiWorld(1);
    const id = ok(sim, 'ecs.DescribeContainerInstances', { cluster: 'demo', containerInstances: instanceArns(sim) }).containerInstances[0].ec2InstanceId as string;
    expect(ok(sim, 'sim.StopInstances', { instanceIds: [id] }).stoppingInstances[0].instanceId).toBe(id);
    expect(ok(sim, 'sim.StartInstances', { instanceIds: [id] }).startingInstances[0].instanceId).toBe(id);
    expect(ok(sim, 'sim.TerminateInstances', { instanceIds: [id] }).terminatingInstances[0].instanceId).toBe(id);
    expect(refused(sim, 'sim.TerminateInstances', { instanceIds: ['i-nope'] })).toEqual({ code: 'InvalidParameterException', message: "The instance ID 'i-nope' does not exist" });
  });

  it("cut an instance's connection to ECS, which ECS sees once its heartbeat times out (1 to 2 minutes), and restore it", () => {
    const sim = apiWorld(1);
    const [arn] = instanceArns(sim) as [string];
    const connected = () => ok(sim, 'ecs.DescribeContainerInstances', { cluster: 'demo', containerInstances: [arn] }).containerInstances[0].agentConnected as boolean;
    ok(sim, 'sim.DisconnectAgent', { cluster: 'demo', containerInstance: arn });
    expect(connected()).toBe(true);
    sim.runUntil(sim.now + 2 * 60_000 + 1);
    expect(connected()).toBe(false);
    ok(sim, 'sim.ReconnectAgent', { cluster: 'demo', containerInstance: arn });
    sim.runUntil(sim.now + 5_000);
    expect(connected()).toBe(true);
    expect(refused(sim, 'sim.DisconnectAgent', { cluster: 'demo', containerInstance: 'nope' }).message).toBe('Container instance nope was not found in cluster demo.');
  });
});

describe('task events', () => {
  it('exit a running container with a code, and refuse one that is not running', () => {
    const sim = apiWorld(1);
    const arn = ok(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: 'web' }).tasks[0].taskArn as string;
    sim.runUntil(300_000);
    expect(ok(sim, 'sim.ExitContainer', { cluster: 'demo', task: arn, containerName: 'web', exitCode: 137 })).toEqual({ taskArn: arn, containerName: 'web', exitCode: 137 });
    sim.runUntil(sim.now + 60_000);
    const t = ok(sim, 'ecs.DescribeTasks', { cluster: 'demo', tasks: [arn] }).tasks[0];
    expect(t.containers[0].exitCode).toBe(137);
    expect(refused(sim, 'sim.ExitContainer', { cluster: 'demo', task: arn, containerName: 'web' }).message).toBe(`Container web of task ${arn.split('/').pop()} is not running.`);
  });

  it('make a container fail its health check, and refuse a container the task lacks', () => {
    const sim = apiWorld(1);
    const arn = ok(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: 'web' }).tasks[0].taskArn as string;
    expect(ok(sim, 'sim.FailHealthCheck', { cluster: 'demo', task: arn })).toEqual({ taskArn: arn, containers: ['web'], failing: true });
    expect(refused(sim, 'sim.FailHealthCheck', { cluster: 'demo', task: arn, containerName: 'db' }).message).toBe(`Task ${arn.split('/').pop()} has no container db.`);
  });

  it('set the load of a service or a task, refusing neither and a negative figure', () => {
    const sim = apiWorld(1);
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 's', taskDefinition: 'web', desiredCount: 1 });
    expect(ok(sim, 'sim.SetLoad', { cluster: 'demo', service: 's', cpuUnits: 100 })).toEqual({ target: 'arn:aws:ecs:us-east-1:123456789012:service/demo/s', cpuUnits: 100 });
    expect(refused(sim, 'sim.SetLoad', { cluster: 'demo', cpuUnits: 100 }).message).toBe('Give a service or a task.');
    expect(refused(sim, 'sim.SetLoad', { cluster: 'demo', service: 's' }).message).toBe('Give cpuUnits and/or memoryMiB.');
    expect(refused(sim, 'sim.SetLoad', { cluster: 'demo', service: 'ghost', cpuUnits: 1 })).toEqual({ code: 'ServiceNotFoundException', message: 'Service not found.' });
  });

  it('keep the placement trace of a task', () => {
    const sim = apiWorld(2);
    const arn = ok(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: 'web' }).tasks[0].taskArn as string;
    const trace = ok(sim, 'sim.DescribePlacementTrace', { task: arn }).trace;
    expect(trace).toBeDefined();
    expect(refused(sim, 'sim.DescribePlacementTrace', { traceId: 9999 }).message).toBe('No placement trace is kept for that task (only the most recent 256 decisions are kept).');
  });
});

describe('world settings', () => {
  it('Fargate Spot capacity: with none, a FARGATE_SPOT task finds no capacity; with some again, it runs', () => {
    const sim = new Sim();
    ok(sim, 'ecs.CreateCluster', { clusterName: 'demo', capacityProviders: ['FARGATE_SPOT'] });
    fargateTaskDefinition(sim);
    const run = () => ok(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: 'app', capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }], networkConfiguration: AWSVPC });
    expect(ok(sim, 'sim.SetFargateSpotCapacity', { available: false })).toEqual({ available: false });
    const none = run();
    expect(none.tasks).toEqual([]);
    expect(none.failures).toHaveLength(1);
    ok(sim, 'sim.SetFargateSpotCapacity', { available: true });
    expect(run().tasks).toHaveLength(1);
  });

  it("an image's behaviour is kept under its name", () => {
    const sim = new Sim();
    expect(ok(sim, 'sim.SetImage', { image: 'app:1', readySeconds: 5 })).toEqual({ image: 'app:1', readySeconds: 5 });
  });
});

describe('instance counts capped as AWS caps them', () => {
  it('at most 500 Auto Scaling groups, and at most 10,000 instances in the sandbox [SIM]', () => {
    const sim = setup();
    sim.call('ec2.CreateLaunchTemplate', { LaunchTemplateName: 'node', LaunchTemplateData: { InstanceType: 'm5.large', UserData: 'ECS_CLUSTER=demo' } });
    for (let i = 0; i < 500; i++) expect(sim.call('autoscaling.CreateAutoScalingGroup', { AutoScalingGroupName: `g${i}`, LaunchTemplate: { LaunchTemplateName: 'node' }, MinSize: 0, MaxSize: 1 }).error).toBeUndefined();
    expect(sim.call('autoscaling.CreateAutoScalingGroup', { AutoScalingGroupName: 'one-more', LaunchTemplate: { LaunchTemplateName: 'node' }, MinSize: 0, MaxSize: 1 }).error?.code).toBe('LimitExceeded');
    for (let i = 0; i < 10; i++) expect(sim.call('sim.LaunchInstances', { cluster: 'demo', count: 1000 }).error).toBeUndefined();
    expect(sim.call('sim.LaunchInstances', { cluster: 'demo', count: 1 }).error?.message).toMatch(/at most 10000 EC2 instances/);
  });
});
