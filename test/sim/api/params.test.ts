import { describe, expect, it } from 'vitest';
import { Sim } from '../../../src/sim';
import { inputShape, modelOf, pyRepr, validateClient } from '../../../src/sim/api/params';

/** The SDK's check of a request (ParamValidationError), before it is sent, in every namespace. */

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

describe('validateClient', () => {
  const refusal = (ns: string, op: string, input: unknown) => {
    try {
      validateClient(ns, op, input);
    } catch (e) {
      return { code: (e as { code: string }).code, message: (e as Error).message };
    }
    return undefined;
  };

  it('reports every problem of a request at once, as botocore does', () => {
    expect(refusal('ecs', 'CreateService', { serviceName: 5, bogus: 1 })).toEqual({
      code: 'ParamValidationError',
      message:
        "Parameter validation failed:\nInvalid type for parameter serviceName, value: 5, type: <class 'int'>, valid types: <class 'str'>\nUnknown parameter in input: \"bogus\", must be one of: " +
        Object.keys(modelOf('ecs')!.shapes.CreateServiceRequest!.m!).join(', '),
    });
  });

  it('treats __proto__ and constructor as unknown members like any other', () => {
    expect(refusal('ecs', 'ListClusters', JSON.parse('{"__proto__": 1}'))?.message).toContain('Unknown parameter in input: "__proto__"');
    expect(refusal('ecs', 'ListClusters', { constructor: 1 })?.message).toContain('Unknown parameter in input: "constructor"');
  });

  it('leaves a request of an unknown namespace or operation alone', () => {
    expect(refusal('nowhere', 'Op', { anything: 1 })).toBeUndefined();
    expect(refusal('ecs', 'NoSuchOperation', { anything: 1 })).toBeUndefined();
  });
});

describe('pyRepr', () => {
  it('prints values as Python prints them, cut at 200 characters', () => {
    expect([pyRepr(null), pyRepr(true), pyRepr(false), pyRepr('x'), pyRepr(1.5), pyRepr(Number.NaN), pyRepr(-Infinity), pyRepr([1, 'a']), pyRepr({ a: 1 })]).toEqual([
      'None',
      'True',
      'False',
      'x',
      '1.5',
      'nan',
      '-inf',
      '[1,"a"]',
      '{"a":1}',
    ]);
    expect(pyRepr('y'.repeat(250))).toBe(`${'y'.repeat(200)}...`);
  });
});
