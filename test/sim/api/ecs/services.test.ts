import { describe, expect, it } from 'vitest';
import { apiWorld, AWSVPC, fargateTaskDefinition, ok, refused } from '../../../support/simapiWorld';

const SVC = (name: string) => `arn:aws:ecs:us-east-1:123456789012:service/demo/${name}`;
const replica = { cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 2 };

describe('CreateService', () => {
  it('creates an ACTIVE REPLICA service with one PRIMARY deployment, whose tasks the scheduler starts', () => {
    const sim = apiWorld(2);
    const s = ok(sim, 'ecs.CreateService', replica).service;
    expect(s).toMatchObject({ serviceArn: SVC('web'), serviceName: 'web', status: 'ACTIVE', desiredCount: 2, schedulingStrategy: 'REPLICA', launchType: 'EC2' });
    expect(s.deployments).toHaveLength(1);
    expect(s.deployments[0]).toMatchObject({ status: 'PRIMARY', rolloutState: 'IN_PROGRESS', desiredCount: 2 });
    sim.runUntil(600_000);
    expect(ok(sim, 'ecs.ListTasks', { cluster: 'demo', serviceName: 'web' }).taskArns).toHaveLength(2);
    expect(ok(sim, 'ecs.DescribeServices', { cluster: 'demo', services: ['web'] }).services[0].runningCount).toBe(2);
  });

  it('refuses a second service of the same name as not idempotent', () => {
    const sim = apiWorld(1);
    ok(sim, 'ecs.CreateService', replica);
    expect(refused(sim, 'ecs.CreateService', replica)).toEqual({ code: 'InvalidParameterException', message: 'Creation of service was not idempotent.' });
  });

  it.each([
    ['a name with a space', { serviceName: 'my web' }, 'InvalidParameterException', 'Service name can have up to 255 characters: letters, numbers, hyphens and underscores.'],
    ['a task definition that does not exist', { taskDefinition: 'ghost' }, 'ClientException', 'TaskDefinition not found.'],
    ['a REPLICA service without a desired count', { desiredCount: undefined }, 'InvalidParameterException', 'The desired count must be specified for a service with the REPLICA scheduling strategy.'],
    [
      'a DAEMON service with a maximumPercent other than 100',
      { schedulingStrategy: 'DAEMON', desiredCount: undefined, deploymentConfiguration: { maximumPercent: 200 } },
      'InvalidParameterException',
      'The maximumPercent of a service with the DAEMON scheduling strategy must be 100.',
    ],
    [
      'a DAEMON service with a placement strategy',
      { schedulingStrategy: 'DAEMON', desiredCount: undefined, placementStrategy: [{ type: 'random' }] },
      'InvalidParameterException',
      'Placement strategies are not supported with the DAEMON scheduling strategy.',
    ],
    [
      'both a launch type and a strategy',
      { launchType: 'EC2', capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }] },
      'InvalidParameterException',
      'Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.',
    ],
    ['a cluster that does not exist', { cluster: 'ghost' }, 'ClusterNotFoundException', 'Cluster not found.'],
  ])('refuses %s, creating nothing', (_, input, code, message) => {
    const sim = apiWorld(1);
    expect(refused(sim, 'ecs.CreateService', { ...replica, ...input })).toEqual({ code, message });
    expect(ok(sim, 'ecs.ListServices', { cluster: 'demo' }).serviceArns).toEqual([]);
  });

  it('refuses a DAEMON service on Fargate', () => {
    const sim = apiWorld(0);
    fargateTaskDefinition(sim);
    expect(refused(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'd', taskDefinition: 'app', schedulingStrategy: 'DAEMON', launchType: 'FARGATE', networkConfiguration: AWSVPC })).toEqual({
      code: 'InvalidParameterException',
      message: 'The daemon scheduling strategy does not support the FARGATE launch type.',
    });
  });

  it('gives a Fargate service platform version 1.4.0 for LATEST and refuses an awsvpc service without a network configuration', () => {
    const sim = apiWorld(0);
    fargateTaskDefinition(sim);
    const base = { cluster: 'demo', serviceName: 'f', taskDefinition: 'app', desiredCount: 1, launchType: 'FARGATE' };
    expect(refused(sim, 'ecs.CreateService', base)).toEqual({ code: 'InvalidParameterException', message: "Network Configuration must be provided when networkMode 'awsvpc' is specified." });
    const s = ok(sim, 'ecs.CreateService', { ...base, networkConfiguration: AWSVPC }).service;
    expect(s).toMatchObject({ launchType: 'FARGATE', platformVersion: '1.4.0' });
  });
});

describe('UpdateService', () => {
  it('changes the desired count without a new deployment, and a new task definition starts one', () => {
    const sim = apiWorld(2);
    ok(sim, 'ecs.CreateService', replica);
    const scaled = ok(sim, 'ecs.UpdateService', { cluster: 'demo', service: 'web', desiredCount: 1 }).service;
    expect(scaled.desiredCount).toBe(1);
    expect(scaled.deployments).toHaveLength(1);
    ok(sim, 'ecs.RegisterTaskDefinition', { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:2', memory: 128 }] });
    const rolled = ok(sim, 'ecs.UpdateService', { cluster: 'demo', service: 'web', taskDefinition: 'web:2' }).service;
    expect(rolled.taskDefinition).toBe('arn:aws:ecs:us-east-1:123456789012:task-definition/web:2');
    expect(rolled.deployments.map((d: { status: string; taskDefinition: string }) => [d.status, d.taskDefinition.split('/').pop()])).toEqual([
      ['PRIMARY', 'web:2'],
      ['ACTIVE', 'web:1'],
    ]);
  });

  it('refuses a service that does not exist, a deleted one, and a capacity change without forceNewDeployment', () => {
    const sim = apiWorld(1);
    expect(refused(sim, 'ecs.UpdateService', { cluster: 'demo', service: 'ghost', desiredCount: 1 })).toEqual({ code: 'ServiceNotFoundException', message: 'Service not found.' });
    ok(sim, 'ecs.CreateService', { ...replica, desiredCount: 0 });
    expect(refused(sim, 'ecs.UpdateService', { cluster: 'demo', service: 'web', capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }] })).toEqual({
      code: 'InvalidParameterException',
      message: 'When switching from launch type to capacity provider strategy on an existing service, or making a change to a capacity provider strategy on a service that is already using one, you must force a new deployment.',
    });
    ok(sim, 'ecs.DeleteService', { cluster: 'demo', service: 'web' });
    expect(refused(sim, 'ecs.UpdateService', { cluster: 'demo', service: 'web', desiredCount: 1 })).toEqual({ code: 'ServiceNotActiveException', message: 'Service was not ACTIVE.' });
  });

  it('refuses a desired count for a DAEMON service', () => {
    const sim = apiWorld(1);
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'd', taskDefinition: 'web', schedulingStrategy: 'DAEMON' });
    expect(refused(sim, 'ecs.UpdateService', { cluster: 'demo', service: 'd', desiredCount: 3 })).toEqual({
      code: 'InvalidParameterException',
      message: 'The desired count cannot be set for a service with the DAEMON scheduling strategy.',
    });
  });
});

describe('DeleteService', () => {
  it('refuses a service scaled above 0 without force; with force it drains, stops its tasks and leaves the listing', () => {
    const sim = apiWorld(2);
    ok(sim, 'ecs.CreateService', replica);
    sim.runUntil(600_000);
    expect(refused(sim, 'ecs.DeleteService', { cluster: 'demo', service: 'web' })).toEqual({ code: 'InvalidParameterException', message: 'The service cannot be stopped while it is scaled above 0.' });
    const s = ok(sim, 'ecs.DeleteService', { cluster: 'demo', service: 'web', force: true }).service;
    expect(s).toMatchObject({ status: 'DRAINING', desiredCount: 0 });
    expect(ok(sim, 'ecs.ListTasks', { cluster: 'demo', serviceName: 'web' }).taskArns).toEqual([]);
    expect(ok(sim, 'ecs.ListServices', { cluster: 'demo' }).serviceArns).toEqual([]);
    // Deleting a draining service again answers it as it is.
    expect(ok(sim, 'ecs.DeleteService', { cluster: 'demo', service: 'web' }).service.status).toBe('DRAINING');
  });

  it('refuses a service that does not exist', () => {
    expect(refused(apiWorld(0), 'ecs.DeleteService', { cluster: 'demo', service: 'ghost' })).toEqual({ code: 'ServiceNotFoundException', message: 'Service not found.' });
  });
});

describe('DescribeServices and ListServices', () => {
  it('describe by name or ARN with MISSING failures, and list ACTIVE services by launch type and scheduling strategy', () => {
    const sim = apiWorld(1);
    ok(sim, 'ecs.CreateService', { ...replica, desiredCount: 0 });
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'd', taskDefinition: 'web', schedulingStrategy: 'DAEMON' });
    const r = ok(sim, 'ecs.DescribeServices', { cluster: 'demo', services: [SVC('web'), 'nope'] });
    expect(r.services.map((s: { serviceName: string }) => s.serviceName)).toEqual(['web']);
    expect(r.failures).toEqual([{ arn: SVC('nope'), reason: 'MISSING' }]);
    expect(ok(sim, 'ecs.ListServices', { cluster: 'demo' }).serviceArns).toEqual([SVC('web'), SVC('d')]);
    expect(ok(sim, 'ecs.ListServices', { cluster: 'demo', schedulingStrategy: 'DAEMON' }).serviceArns).toEqual([SVC('d')]);
    expect(ok(sim, 'ecs.ListServices', { cluster: 'demo', launchType: 'FARGATE' }).serviceArns).toEqual([]);
  });
});

describe('scheduling strategies and capacity', () => {
  it('a DAEMON service runs one task on each instance, at 100 % and 0 %, without AZ rebalancing', () => {
    const sim = apiWorld(3);
    const s = ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'd', taskDefinition: 'web', schedulingStrategy: 'DAEMON' }).service;
    expect(s).toMatchObject({ desiredCount: 0, availabilityZoneRebalancing: 'DISABLED', deploymentConfiguration: { maximumPercent: 100, minimumHealthyPercent: 0 } });
    sim.runUntil(600_000);
    expect(ok(sim, 'ecs.DescribeServices', { cluster: 'demo', services: ['d'] }).services[0]).toMatchObject({ desiredCount: 3, runningCount: 3 });
    const hosts = ok(sim, 'ecs.DescribeTasks', { cluster: 'demo', tasks: ok(sim, 'ecs.ListTasks', { cluster: 'demo', serviceName: 'd' }).taskArns }).tasks.map((t: { containerInstanceArn: string }) => t.containerInstanceArn);
    expect(new Set(hosts).size).toBe(3);
  });

  it('UpdateService moves a service from a launch type to a Fargate provider with forceNewDeployment, and back with an empty strategy', () => {
    const sim = apiWorld(0);
    ok(sim, 'ecs.PutClusterCapacityProviders', { cluster: 'demo', capacityProviders: ['FARGATE'], defaultCapacityProviderStrategy: [] });
    fargateTaskDefinition(sim, 'app', { requiresCompatibilities: ['FARGATE', 'EC2'] });
    const s = ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 's', taskDefinition: 'app', desiredCount: 1, launchType: 'EC2', networkConfiguration: AWSVPC }).service;
    expect(s).toMatchObject({ launchType: 'EC2', availabilityZoneRebalancing: 'ENABLED' });
    const moved = ok(sim, 'ecs.UpdateService', { cluster: 'demo', service: 's', capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }], forceNewDeployment: true }).service;
    expect(moved.launchType).toBeUndefined();
    expect(moved.capacityProviderStrategy).toEqual([{ capacityProvider: 'FARGATE', weight: 1, base: 0 }]);
    expect(moved.platformVersion).toBe('1.4.0');
    expect(moved.deployments).toHaveLength(2);
    const back = ok(sim, 'ecs.UpdateService', { cluster: 'demo', service: 's', capacityProviderStrategy: [], forceNewDeployment: true }).service;
    expect(back.launchType).toBe('FARGATE');
    expect(back.capacityProviderStrategy).toBeUndefined();
  });
});

describe('a refused UpdateService', () => {
  // AWS applies an UpdateService request whole or not at all: a request refused for its deployment configuration
  // (checked after the desired count and the capacity) or its platform version (checked last) changes nothing.
  const badConfiguration = { maximumPercent: 100, minimumHealthyPercent: 150 };

  it('leaves the desired count as it was', () => {
    const sim = apiWorld(1);
    ok(sim, 'ecs.CreateService', { ...replica, desiredCount: 1 });
    expect(refused(sim, 'ecs.UpdateService', { cluster: 'demo', service: 'web', desiredCount: 3, deploymentConfiguration: badConfiguration }).message).toBe('minimumHealthyPercent must be less than or equal to maximumPercent.');
    expect(ok(sim, 'ecs.DescribeServices', { cluster: 'demo', services: ['web'] }).services[0].desiredCount).toBe(1);
  });

  it('leaves the launch type as it was', () => {
    const sim = apiWorld(0);
    ok(sim, 'ecs.PutClusterCapacityProviders', { cluster: 'demo', capacityProviders: ['FARGATE'], defaultCapacityProviderStrategy: [] });
    fargateTaskDefinition(sim, 'app', { requiresCompatibilities: ['FARGATE', 'EC2'] });
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 's', taskDefinition: 'app', desiredCount: 1, launchType: 'EC2', networkConfiguration: AWSVPC });
    expect(refused(sim, 'ecs.UpdateService', { cluster: 'demo', service: 's', capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }], forceNewDeployment: true, deploymentConfiguration: badConfiguration }).code).toBe(
      'InvalidParameterException',
    );
    const s = ok(sim, 'ecs.DescribeServices', { cluster: 'demo', services: ['s'] }).services[0];
    expect(s.launchType).toBe('EC2');
    expect(s.capacityProviderStrategy).toBeUndefined();
  });

  it('for a platform version that does not exist, leaves the desired count and the deployments as they were', () => {
    const sim = apiWorld(0);
    fargateTaskDefinition(sim, 'app');
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 's', taskDefinition: 'app', desiredCount: 1, launchType: 'FARGATE', networkConfiguration: AWSVPC });
    expect(refused(sim, 'ecs.UpdateService', { cluster: 'demo', service: 's', desiredCount: 3, forceNewDeployment: true, platformVersion: '1.9.0' })).toEqual({
      code: 'InvalidParameterException',
      message: 'The specified platform version (1.9.0) does not exist.',
    });
    const s = ok(sim, 'ecs.DescribeServices', { cluster: 'demo', services: ['s'] }).services[0];
    expect(s.desiredCount).toBe(1);
    expect(s.deployments).toHaveLength(1);
  });
});

describe('the tags of CreateService', () => {
  // Like every other request that tags a resource as it makes it (CreateCluster, RegisterTaskDefinition, RunTask,
  // StartTask, CreateCapacityProvider) and TagResource, CreateService refuses the aws: prefix and a key given
  // twice (API:Tag).
  it('refuses the aws: prefix as TagResource does, creating nothing', () => {
    const sim = apiWorld(1);
    expect(refused(sim, 'ecs.CreateService', { ...replica, desiredCount: 0, tags: [{ key: 'aws:owner', value: 'v' }] })).toEqual({
      code: 'InvalidParameterException',
      message: "Invalid tag key 'aws:owner': the aws: prefix is reserved for use by AWS.",
    });
    expect(ok(sim, 'ecs.ListServices', { cluster: 'demo' }).serviceArns).toEqual([]);
  });

  it('refuses a key given twice as TagResource does, creating nothing', () => {
    const sim = apiWorld(1);
    const tags = [
      { key: 'team', value: 'a' },
      { key: 'team', value: 'b' },
    ];
    expect(refused(sim, 'ecs.CreateService', { ...replica, desiredCount: 0, tags })).toEqual({ code: 'InvalidParameterException', message: "The tag key 'team' is given more than once." });
    expect(ok(sim, 'ecs.ListServices', { cluster: 'demo' }).serviceArns).toEqual([]);
  });

  it('keeps the tags it is given, which ListTagsForResource lists', () => {
    const sim = apiWorld(1);
    const arn = ok(sim, 'ecs.CreateService', { ...replica, desiredCount: 0, tags: [{ key: 'team', value: 'forum' }] }).service.serviceArn;
    expect(ok(sim, 'ecs.ListTagsForResource', { resourceArn: arn }).tags).toEqual([{ key: 'team', value: 'forum' }]);
  });
});
