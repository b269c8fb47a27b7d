import { describe, expect, it } from 'vitest';
import { Sim } from '../../../src/sim';
import { validateService } from '../../../src/sim/api/service';

/** The service's check of a request (its namespace's validation error), after the SDK's and before the operation runs. */

function setup(): Sim {
  const sim = new Sim();
  sim.call('ecs.CreateCluster', { clusterName: 'demo' });
  sim.call('ecs.RegisterTaskDefinition', { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128 }] });
  return sim;
}

const alarm = { AlarmName: 'a', Namespace: 'AWS/ECS', MetricName: 'CPUUtilization', Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold' };

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
  ])('%s, case %#', (op, input, code, message) => {
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

describe('validateService', () => {
  const refusal = (ns: string, op: string, input: Record<string, unknown>) => {
    try {
      validateService(ns, op, input);
    } catch (e) {
      return { code: (e as { code: string }).code, message: (e as Error).message };
    }
    return undefined;
  };

  it('checks enums in every namespace but ECS, whose operations word their own', () => {
    expect(refusal('ecr', 'CreateRepository', { repositoryName: 'r', imageTagMutability: 'FROZEN' })?.code).toBe('InvalidParameterException');
    expect(refusal('ecs', 'ListTasks', { desiredStatus: 'FROZEN' })).toBeUndefined();
  });

  it('refuses an integer beyond 32 bits even where the model sets no maximum', () => {
    expect(refusal('ecs', 'CreateService', { serviceName: 's', healthCheckGracePeriodSeconds: 2 ** 31 })?.message).toBe(
      "1 validation error detected: Value '2147483648' at 'healthCheckGracePeriodSeconds' failed to satisfy constraint: Member must have value less than or equal to 2147483647",
    );
  });

  it('names at most 10 broken members, counting them all', () => {
    const tags = Array.from({ length: 12 }, (_, i) => ({ key: 'k'.repeat(129), value: String(i) }));
    const r = refusal('ecs', 'TagResource', { resourceArn: 'arn', tags });
    expect(r?.message).toMatch(/^10 validation errors detected: /);
    expect(r?.message.split('; ')).toHaveLength(10);
  });

  it('leaves a namespace without a model alone', () => {
    expect(refusal('nowhere', 'Op', { x: 'y'.repeat(10_000) })).toBeUndefined();
  });
});
