import { describe, expect, it } from 'vitest';
import { Sim } from '../../src/sim';
import { inputShape } from '../../src/sim/api/params';

/** The request check of every namespace: the SDK's (ParamValidationError) and the service's (its own error), before an operation runs. */

function setup(): Sim {
  const sim = new Sim();
  sim.call('ecs.CreateCluster', { clusterName: 'demo' });
  sim.call('ecs.RegisterTaskDefinition', { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128 }] });
  return sim;
}

const alarm = { AlarmName: 'a', Namespace: 'AWS/ECS', MetricName: 'CPUUtilization', Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold' };

describe('every operation has a request table', () => {
  it('in every namespace, generated from its model or (sim., docker.) written by hand', () => {
    const missing = Sim.operations().filter((o) => {
      const dot = o.indexOf('.');
      return inputShape(o.slice(0, dot), o.slice(dot + 1)) === undefined;
    });
    expect(missing).toEqual([]);
  });
});

describe('the SDK-level check, in every namespace', () => {
  it.each([
    ['cloudwatch.DeleteAlarms', { AlarmNames: true }, "Invalid type for parameter AlarmNames, value: True, type: <class 'bool'>, valid types: <class 'list'>, <class 'tuple'>"],
    ['elbv2.CreateLoadBalancer', { Name: 'x', Subnets: 5 }, "Invalid type for parameter Subnets, value: 5, type: <class 'int'>"],
    ['servicediscovery.CreateService', { Name: 's', DnsConfig: { DnsRecords: 'A' } }, "Invalid type for parameter DnsConfig.DnsRecords, value: A, type: <class 'str'>"],
    ['cloudwatch.PutMetricAlarm', { ...alarm, Dimensions: 'ClusterName=demo' }, 'Invalid type for parameter Dimensions, value: ClusterName=demo'],
    ['cloudwatch.PutMetricAlarm', { ...alarm, Dimensions: [null] }, 'Invalid type for parameter Dimensions[0], value: None'],
    ['cloudwatch.PutMetricAlarm', { ...alarm, Dimensions: [{ Name: { a: 1 }, Value: 'x' }] }, 'Invalid type for parameter Dimensions[0].Name'],
    ['events.PutTargets', { Rule: 'r', Targets: [{ Id: 't', Arn: 5 }] }, 'Invalid type for parameter Targets[0].Arn, value: 5'],
    ['sim.LaunchInstances', { cluster: 'demo', registeredResources: { CPU: -1024 } }, 'Invalid value for parameter registeredResources.CPU, value: -1024, valid min value: 0'],
    ['sim.LaunchInstances', { cluster: 'demo', registeredResources: { CPU: -Infinity } }, 'Invalid type for parameter registeredResources.CPU, value: -inf'],
    ['cloudwatch.PutMetricAlarm', { ...alarm, Threshold: Infinity }, 'Invalid value for parameter Threshold, value: inf, valid values: finite numbers'],
    ['elbv2.CreateTargetGroup', { Name: 'tg', HealthCheckIntervalSeconds: 1 }, 'Invalid value for parameter HealthCheckIntervalSeconds, value: 1, valid min value: 5'],
    ['cloudwatch.PutMetricAlarm', { ...alarm, EvaluationPeriods: 0 }, 'Invalid value for parameter EvaluationPeriods, value: 0, valid min value: 1'],
    ['docker.Run', { image: 'nginx', healthcheck: { test: ['CMD', 'true'], intervalSeconds: -1 } }, 'Invalid value for parameter healthcheck.intervalSeconds, value: -1, valid min value: 0'],
  ])('%s %j', (op, input, message) => {
    const r = setup().call(op, input);
    expect(r.error?.code).toBe('ParamValidationError');
    expect(r.error?.message).toContain('Parameter validation failed:');
    expect(r.error?.message).toContain(message);
  });
});

describe("the service-level check: AWS's ranges and limits, with each namespace's error", () => {
  it.each([
    [
      'ecs.CreateService',
      { cluster: 'demo', serviceName: 's', taskDefinition: 'web', desiredCount: -1 },
      'InvalidParameterException',
      "Value '-1' at 'desiredCount' failed to satisfy constraint: Member must have value greater than or equal to 0",
    ],
    ['ecs.CreateService', { cluster: 'demo', serviceName: 's', taskDefinition: 'web', desiredCount: 1e23 }, 'InvalidParameterException', "at 'desiredCount' failed to satisfy constraint: Member must have value less than or equal to 5000"],
    ['ecs.ListClusters', { maxResults: 1e12 }, 'InvalidParameterException', "Value '1000000000000' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100"],
    ['ecs.ListTasks', { maxResults: 0 }, 'InvalidParameterException', 'Member must have value greater than or equal to 1'],
    [
      'ecs.CreateCluster',
      { clusterName: 'x', tags: Array.from({ length: 100_000 }, (_, i) => ({ key: `k${i}`, value: 'v' })) },
      'InvalidParameterException',
      "at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50",
    ],
    ['ecs.CreateCluster', { clusterName: 'x', tags: [{ key: 'k'.repeat(129), value: 'v' }] }, 'InvalidParameterException', "at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than or equal to 128"],
    ['ecs.CreateCluster', { clusterName: 'x', tags: [{ key: 'k', value: 'v'.repeat(257) }] }, 'InvalidParameterException', "at 'tags.1.member.value' failed to satisfy constraint: Member must have length less than or equal to 256"],
    ['elbv2.CreateTargetGroup', { Name: 'tg', HealthCheckIntervalSeconds: 400 }, 'ValidationError', "Value '400' at 'healthCheckIntervalSeconds' failed to satisfy constraint: Member must have value less than or equal to 300"],
    ['elbv2.CreateTargetGroup', { Name: 'tg', HealthyThresholdCount: 11 }, 'ValidationError', 'Member must have value less than or equal to 10'],
    [
      'applicationautoscaling.RegisterScalableTarget',
      { ServiceNamespace: 'ecs', ResourceId: 'service/demo/web', ScalableDimension: 'ecs:service:DesiredCount', MinCapacity: 0, MaxCapacity: 10_000 },
      'ValidationException',
      "at 'maxCapacity' failed to satisfy constraint: Member must have value less than or equal to 5000",
    ],
    [
      'applicationautoscaling.RegisterScalableTarget',
      { ServiceNamespace: 'nope', ResourceId: 'service/demo/web', ScalableDimension: 'ecs:service:DesiredCount' },
      'ValidationException',
      "at 'serviceNamespace' failed to satisfy constraint: Member must satisfy enum value set: [",
    ],
    [
      'autoscaling.CreateAutoScalingGroup',
      { AutoScalingGroupName: 'g', LaunchTemplate: { LaunchTemplateName: 'node' }, MinSize: 0, MaxSize: 65536 },
      'ValidationError',
      "Value '65536' at 'maxSize' failed to satisfy constraint: Member must have value less than or equal to 1000",
    ],
    ['cloudwatch.PutMetricAlarm', { ...alarm, EvaluationPeriods: 10_000 }, 'ValidationError', "at 'evaluationPeriods' failed to satisfy constraint: Member must have value less than or equal to 1440"],
    ['servicediscovery.CreateService', { Name: 's', HealthCheckCustomConfig: { FailureThreshold: 11 } }, 'InvalidInput', "at 'healthCheckCustomConfig.failureThreshold'"],
    ['sim.LaunchInstances', { cluster: 'demo', count: 5000 }, 'InvalidParameterException', "Value '5000' at 'count' failed to satisfy constraint: Member must have value less than or equal to 1000"],
    ['sim.TerminateInstances', { instanceIds: Array.from({ length: 2000 }, (_, i) => `i-${i}`) }, 'InvalidParameterException', "at 'instanceIds' failed to satisfy constraint: Member must have length less than or equal to 1000"],
    ['docker.SetTraffic', { port: 8080, requestsPerSecond: 1e9 }, 'DockerError', "at 'requestsPerSecond' failed to satisfy constraint: Member must have value less than or equal to 10000"],
  ])('%s %j', (op, input, code, message) => {
    const r = setup().call(op, input);
    expect(r.error?.code).toBe(code);
    expect(r.error?.message).toMatch(/^\d+ validation errors? detected: /);
    expect(r.error?.message).toContain(message);
  });

  it('lists every broken member, as the service does', () => {
    const r = setup().call('ecs.CreateCluster', { clusterName: 'x', tags: [{ key: 'k'.repeat(200), value: 'v'.repeat(300) }] });
    expect(r.error?.message).toMatch(/^2 validation errors detected: Value '.*' at 'tags.1.member.key' .*; Value '.*' at 'tags.1.member.value'/);
  });

  it('leaves valid requests alone: the largest desired count, an interval at its bounds, a group at its cap', () => {
    const sim = setup();
    expect(sim.call('ecs.CreateService', { cluster: 'demo', serviceName: 's', taskDefinition: 'web', desiredCount: 0 }).error).toBeUndefined();
    expect(sim.call('ecs.UpdateService', { cluster: 'demo', service: 's', desiredCount: 5000 }).error).toBeUndefined();
    expect(sim.call('elbv2.CreateTargetGroup', { Name: 'tg', HealthCheckIntervalSeconds: 300, HealthCheckTimeoutSeconds: 120 }).error).toBeUndefined();
    expect(sim.call('ec2.CreateLaunchTemplate', { LaunchTemplateName: 'node', LaunchTemplateData: { InstanceType: 'm5.large', UserData: 'ECS_CLUSTER=demo' } }).error).toBeUndefined();
    expect(sim.call('autoscaling.CreateAutoScalingGroup', { AutoScalingGroupName: 'g', LaunchTemplate: { LaunchTemplateName: 'node' }, MinSize: 0, MaxSize: 1000, DesiredCapacity: 0 }).error).toBeUndefined();
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

describe('bounds as data: Docker health checks', () => {
  it("an interval of 0 takes Docker's default (30 s) instead of looping at one instant; below 1 ms is refused as the daemon refuses it", () => {
    const sim = setup();
    expect(sim.call('docker.Run', { image: 'nginx', name: 'h', healthcheck: { test: ['CMD', 'true'], intervalSeconds: 0, retries: 0 } }).error).toBeUndefined();
    sim.runUntil(120_000);
    expect(sim.engine.faults).toBe(0);
    expect(sim.world.docker.containers[Object.keys(sim.world.docker.containers)[0]!]!.healthcheck).toEqual({ test: ['CMD', 'true'], retries: 3 });
    expect(sim.call('docker.Run', { image: 'nginx', name: 'tiny', healthcheck: { test: ['CMD', 'true'], intervalSeconds: 0.0001 } }).error).toEqual({
      code: 'DockerError',
      message: 'Error response from daemon: Interval in Healthcheck cannot be less than 1ms',
    });
  });
});

describe('durations a scenario overrides', () => {
  it('are refused outside 0 ms to 400 days, naming the duration', () => {
    expect(() => new Sim({ durations: { serviceRetryMs: -5 } })).toThrow(/durations\.serviceRetry: -5 ms is not between 0 and/);
    expect(() => new Sim({ durations: { instanceBootMs: Number.NaN } })).toThrow(/durations\.instanceBoot/);
    expect(() => new Sim({ durations: { instanceBootMs: 0 } })).not.toThrow();
  });
});
