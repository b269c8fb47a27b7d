import { describe, expect, it } from 'vitest';
import { Sim } from '../../../../src/sim';
import { apiWorld, AWSVPC, fargateTaskDefinition, instanceArns, ok, refused } from '../../../support/simapiWorld';

const TASK = /^arn:aws:ecs:us-east-1:123456789012:task\/demo\/[0-9a-f]{32}$/;

describe('RunTask', () => {
  it('places up to one task per instance for a host port, and reports the task that fits nowhere as RESOURCE:PORTS on an instance', () => {
    const sim = apiWorld(2);
    const r = ok(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: 'web', count: 3 });
    expect(r.tasks).toHaveLength(2);
    expect(r.tasks.map((t: { taskArn: string }) => t.taskArn).every((a: string) => TASK.test(a))).toBe(true);
    expect(new Set(r.tasks.map((t: { containerInstanceArn: string }) => t.containerInstanceArn))).toEqual(new Set(instanceArns(sim)));
    expect(r.tasks[0]).toMatchObject({ group: 'family:web', lastStatus: 'PENDING', desiredStatus: 'RUNNING', launchType: 'EC2', taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1' });
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0].reason).toBe('RESOURCE:PORTS');
    expect(instanceArns(sim)).toContain(r.failures[0].arn);
  });

  it('takes the group, startedBy and tags it is given', () => {
    const t = ok(apiWorld(1), 'ecs.RunTask', { cluster: 'demo', taskDefinition: 'web', group: 'batch', startedBy: 'nightly', tags: [{ key: 'k', value: 'v' }] }).tasks[0];
    expect(t).toMatchObject({ group: 'batch', startedBy: 'nightly', tags: [{ key: 'k', value: 'v' }] });
  });

  it.each([
    ['a count of 11', { count: 11 }, 'InvalidParameterException', 'Count must be between 1 and 10.'],
    ['a task definition that does not exist', { taskDefinition: 'ghost' }, 'InvalidParameterException', 'TaskDefinition not found.'],
    ['a group of 256 characters', { group: 'g'.repeat(256) }, 'InvalidParameterException', 'The task group can have at most 255 characters.'],
    ['an override of a container the task definition lacks', { overrides: { containerOverrides: [{ name: 'db' }] } }, 'InvalidParameterException', 'Override for container named db is not a container in the TaskDefinition.'],
    ['a network configuration for a bridge task', { networkConfiguration: AWSVPC }, 'InvalidParameterException', 'Network Configuration is not valid for the given networkMode of this task definition.'],
    ['a cluster that does not exist', { cluster: 'ghost' }, 'ClusterNotFoundException', 'Cluster not found.'],
  ])('refuses %s, starting nothing', (_, input, code, message) => {
    const sim = apiWorld(1);
    expect(refused(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: 'web', ...input })).toEqual({ code, message });
    expect(ok(sim, 'ecs.ListTasks', { cluster: 'demo' }).taskArns).toEqual([]);
  });

  it('refuses an EC2 launch in a cluster without container instances', () => {
    expect(refused(apiWorld(0), 'ecs.RunTask', { cluster: 'demo', taskDefinition: 'web' })).toEqual({ code: 'InvalidParameterException', message: 'No Container Instances were found in your cluster.' });
  });

  it('refuses a deregistered revision with ClientException', () => {
    const sim = apiWorld(1);
    ok(sim, 'ecs.DeregisterTaskDefinition', { taskDefinition: 'web:1' });
    expect(refused(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: 'web:1' })).toEqual({ code: 'ClientException', message: 'TaskDefinition is inactive' });
  });

  it('runs a Fargate task in one of the subnets it is given, on platform 1.4.0 for LATEST', () => {
    const sim = new Sim();
    ok(sim, 'ecs.CreateCluster', { clusterName: 'demo' });
    fargateTaskDefinition(sim);
    const t = ok(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: 'app', launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-us-east-1c'] } } }).tasks[0];
    expect(t).toMatchObject({ launchType: 'FARGATE', platformVersion: '1.4.0', availabilityZone: 'us-east-1c' });
    expect(refused(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: 'app', launchType: 'FARGATE', platformVersion: '1.5.0', networkConfiguration: AWSVPC })).toEqual({
      code: 'InvalidParameterException',
      message: 'The specified platform version (1.5.0) does not exist.',
    });
  });
});

describe('StartTask', () => {
  it('starts a task on each instance named, reporting an unknown one as MISSING and a full one by its reason', () => {
    const sim = apiWorld(2);
    const [a, b] = instanceArns(sim) as [string, string];
    ok(sim, 'ecs.StartTask', { cluster: 'demo', taskDefinition: 'web', containerInstances: [a] });
    const r = ok(sim, 'ecs.StartTask', { cluster: 'demo', taskDefinition: 'web', containerInstances: ['nope', a, b] });
    expect(r.tasks.map((t: { containerInstanceArn: string }) => t.containerInstanceArn)).toEqual([b]);
    expect(r.failures).toEqual([
      { arn: 'nope', reason: 'MISSING' },
      { arn: a, reason: 'RESOURCE:PORTS' },
    ]);
  });

  it('refuses more than 10 instances', () => {
    const sim = apiWorld(1);
    const message = 'containerInstances must name between 1 and 10 container instances.';
    expect(refused(sim, 'ecs.StartTask', { cluster: 'demo', taskDefinition: 'web', containerInstances: Array.from({ length: 11 }, (_, i) => `ci-${i}`) })).toEqual({ code: 'InvalidParameterException', message });
  });
});

describe('StopTask', () => {
  it('stops a task with the reason given (Task stopped by user without one), and refuses a task it does not know', () => {
    const sim = apiWorld(2);
    const [x, y] = ok(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: 'web', count: 2 }).tasks as { taskArn: string }[];
    sim.runUntil(240_000);
    expect(ok(sim, 'ecs.StopTask', { cluster: 'demo', task: x!.taskArn, reason: 'done' }).task).toMatchObject({ desiredStatus: 'STOPPED', stoppedReason: 'done', stopCode: 'UserInitiated' });
    expect(ok(sim, 'ecs.StopTask', { cluster: 'demo', task: y!.taskArn.split('/').pop() }).task.stoppedReason).toBe('Task stopped by user');
    expect(refused(sim, 'ecs.StopTask', { cluster: 'demo', task: 'ffffffffffffffffffffffffffffffff' })).toEqual({ code: 'InvalidParameterException', message: 'The referenced task was not found.' });
    expect(refused(sim, 'ecs.StopTask', { cluster: 'demo', task: x!.taskArn, reason: 'r'.repeat(256) })).toEqual({ code: 'InvalidParameterException', message: 'The reason can have at most 255 characters.' });
  });
});

describe('DescribeTasks', () => {
  it('describes by ARN or id and reports an unknown id as MISSING under the ARN it would have', () => {
    const sim = apiWorld(1);
    const arn = ok(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: 'web' }).tasks[0].taskArn as string;
    const r = ok(sim, 'ecs.DescribeTasks', { cluster: 'demo', tasks: [arn.split('/').pop(), 'abc'] });
    expect(r.tasks.map((t: { taskArn: string }) => t.taskArn)).toEqual([arn]);
    expect(r.failures).toEqual([{ arn: 'arn:aws:ecs:us-east-1:123456789012:task/demo/abc', reason: 'MISSING' }]);
  });

  it('refuses more than 100 tasks at once', () => {
    expect(refused(apiWorld(0), 'ecs.DescribeTasks', { cluster: 'demo', tasks: Array.from({ length: 101 }, (_, i) => `t${i}`) })).toEqual({
      code: 'InvalidParameterException',
      message: 'At most 100 tasks can be described at once.',
    });
  });
});

describe('ListTasks', () => {
  it('lists RUNNING-desired tasks by default and filters by family, startedBy, container instance and desired status', () => {
    const sim = apiWorld(2);
    ok(sim, 'ecs.RegisterTaskDefinition', { family: 'job', containerDefinitions: [{ name: 'job', image: 'busybox', memory: 64 }] });
    const [a] = instanceArns(sim) as [string];
    const web = ok(sim, 'ecs.StartTask', { cluster: 'demo', taskDefinition: 'web', containerInstances: [a] }).tasks[0].taskArn;
    const job = ok(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: 'job', startedBy: 'cron' }).tasks[0].taskArn;
    const list = (input: Record<string, unknown>) => ok(sim, 'ecs.ListTasks', { cluster: 'demo', ...input }).taskArns;
    expect(list({})).toEqual([web, job]);
    expect(list({ family: 'job' })).toEqual([job]);
    expect(list({ startedBy: 'cron' })).toEqual([job]);
    expect(list({ containerInstance: a })).toContain(web);
    expect(list({ launchType: 'FARGATE' })).toEqual([]);
    ok(sim, 'ecs.StopTask', { cluster: 'demo', task: job });
    expect(list({})).toEqual([web]);
    expect(list({ desiredStatus: 'STOPPED' })).toEqual([job]);
  });

  it('refuses an unknown container instance (InvalidParameterException) and an unknown service (ServiceNotFoundException)', () => {
    const sim = apiWorld(1);
    expect(refused(sim, 'ecs.ListTasks', { cluster: 'demo', containerInstance: 'nope' })).toEqual({ code: 'InvalidParameterException', message: 'The specified container instance does not exist.' });
    expect(refused(sim, 'ecs.ListTasks', { cluster: 'demo', serviceName: 'nope' })).toEqual({ code: 'ServiceNotFoundException', message: 'Service not found.' });
  });
});

describe('RunTask on a capacity provider with managed scaling', () => {
  it('leaves a task that fits nowhere in PROVISIONING, on its provider, instead of failing it', () => {
    const sim = apiWorld(0);
    ok(sim, 'ec2.CreateLaunchTemplate', { LaunchTemplateName: 'nodes', LaunchTemplateData: { InstanceType: 'm5.large' } });
    ok(sim, 'autoscaling.CreateAutoScalingGroup', { AutoScalingGroupName: 'asg', LaunchTemplate: { LaunchTemplateName: 'nodes' }, MinSize: 0, MaxSize: 2, VPCZoneIdentifier: 'subnet-us-east-1a' });
    const asg = ok(sim, 'autoscaling.DescribeAutoScalingGroups', { AutoScalingGroupNames: ['asg'] }).AutoScalingGroups[0].AutoScalingGroupARN;
    ok(sim, 'ecs.CreateCapacityProvider', { name: 'nodes', autoScalingGroupProvider: { autoScalingGroupArn: asg, managedScaling: { status: 'ENABLED' } } });
    ok(sim, 'ecs.PutClusterCapacityProviders', { cluster: 'demo', capacityProviders: ['nodes'], defaultCapacityProviderStrategy: [{ capacityProvider: 'nodes', weight: 1 }] });
    const r = ok(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: 'web' });
    expect(r.failures).toEqual([]);
    expect(r.tasks.map((t: { lastStatus: string; capacityProviderName: string }) => [t.lastStatus, t.capacityProviderName])).toEqual([['PROVISIONING', 'nodes']]);
  });
});
