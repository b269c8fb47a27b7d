import { describe, expect, it } from 'vitest';
import { inputShape, serviceModel, shapeOf, type ServiceModel } from '../../../../src/content/console/aws/model';
import { PyFloat } from '../../../../src/content/console/aws/python';
import { validateRequest } from '../../../../src/content/console/aws/validate';

// Each message is what the AWS CLI 2.9.19 prints for the same request given with --cli-input-json.
function validate(service: string, operation: string, params: Record<string, unknown>): string | undefined {
  const svc = serviceModel(service)!;
  return validateRequest(svc, inputShape(svc, operation), params);
}
const lines = (...errors: string[]) => ['Parameter validation failed:', ...errors].join('\n');

describe("botocore's parameter validation", () => {
  it('passes a valid request, a bool where an int goes (Python counts it an int), and an int where a double goes', () => {
    expect(validate('ecs', 'DescribeServices', { services: ['a'], cluster: 'c' })).toBeUndefined();
    expect(validate('ecs', 'RunTask', { taskDefinition: 't', count: true })).toBeUndefined();
    expect(validate('cloudwatch', 'PutMetricAlarm', { AlarmName: 'a', EvaluationPeriods: 1, ComparisonOperator: 'x', Threshold: 75 })).toBeUndefined();
    expect(validate('cloudwatch', 'PutMetricAlarm', { AlarmName: 'a', EvaluationPeriods: 1, ComparisonOperator: 'x', Threshold: new PyFloat(75) })).toBeUndefined();
    expect(validate('cloudwatch', 'PutMetricAlarm', { AlarmName: 'a', EvaluationPeriods: 1, ComparisonOperator: 'x', Threshold: true })).toBeUndefined();
  });

  it('names a missing required member', () => {
    expect(validate('ecs', 'DescribeServices', { cluster: 'c' })).toBe(lines('Missing required parameter in input: "services"'));
  });

  it('names unknown members first, then the known ones of the wrong type in the order given', () => {
    expect(validate('ecs', 'DescribeServices', { services: 'a', foo: 1, include: [1] })).toBe(
      lines(
        'Unknown parameter in input: "foo", must be one of: cluster, services, include',
        "Invalid type for parameter services, value: a, type: <class 'str'>, valid types: <class 'list'>, <class 'tuple'>",
        "Invalid type for parameter include[0], value: 1, type: <class 'int'>, valid types: <class 'str'>",
      ),
    );
  });

  it('prints each wrong value as Python prints it, with the types it would take', () => {
    expect(validate('ecs', 'UpdateService', { service: 's', desiredCount: new PyFloat(1.5), forceNewDeployment: 'yes', placementStrategy: { type: 'spread' }, deploymentConfiguration: [] })).toBe(
      lines(
        "Invalid type for parameter desiredCount, value: 1.5, type: <class 'float'>, valid types: <class 'int'>",
        "Invalid type for parameter forceNewDeployment, value: yes, type: <class 'str'>, valid types: <class 'bool'>",
        "Invalid type for parameter placementStrategy, value: {'type': 'spread'}, type: <class 'dict'>, valid types: <class 'list'>, <class 'tuple'>",
        "Invalid type for parameter deploymentConfiguration, value: [], type: <class 'list'>, valid types: <class 'dict'>",
      ),
    );
    expect(validate('ecs', 'RunTask', { taskDefinition: 't', startedBy: null })).toBe(lines("Invalid type for parameter startedBy, value: None, type: <class 'NoneType'>, valid types: <class 'str'>"));
    expect(validate('cloudwatch', 'PutMetricAlarm', { AlarmName: 'a', EvaluationPeriods: 0, ComparisonOperator: 'x', Threshold: 'high' })).toBe(
      lines('Invalid value for parameter EvaluationPeriods, value: 0, valid min value: 1', "Invalid type for parameter Threshold, value: high, type: <class 'str'>, valid types: <class 'float'>, <class 'decimal.Decimal'>, <class 'int'>"),
    );
  });

  it('names a nested member by its path: members after dots, list elements by index', () => {
    expect(validate('ecs', 'RunTask', { taskDefinition: 't', tags: [{ key: 1 }, { value: 'v' }], overrides: { containerOverrides: [{ environment: [{ name: 'A', value: 2 }] }] } })).toBe(
      lines(
        "Invalid type for parameter tags[0].key, value: 1, type: <class 'int'>, valid types: <class 'str'>",
        "Invalid type for parameter overrides.containerOverrides[0].environment[0].value, value: 2, type: <class 'int'>, valid types: <class 'str'>",
      ),
    );
    expect(validate('ecs', 'RunTask', { taskDefinition: 't', tags: [{ key: 'k', value: 'v', extra: 1 }] })).toBe(lines('Unknown parameter in tags[0]: "extra", must be one of: key, value'));
    // A map's value by its key (an empty key leaves the dot).
    expect(validate('servicediscovery', 'DiscoverInstances', { NamespaceName: 'n', ServiceName: 's', QueryParameters: { '': 5 } })).toBe(
      lines("Invalid type for parameter QueryParameters., value: 5, type: <class 'int'>, valid types: <class 'str'>"),
    );
  });

  it('checks the minimum lengths of strings (in characters) and lists', () => {
    expect(validate('ecr', 'BatchGetImage', { repositoryName: 'r', imageIds: [], accepted: 1 })).toBe(
      lines(
        'Unknown parameter in input: "accepted", must be one of: registryId, repositoryName, imageIds, acceptedMediaTypes',
        'Invalid length for parameter repositoryName, value: 1, valid min length: 2',
        'Invalid length for parameter imageIds, value: 0, valid min length: 1',
      ),
    );
    expect(validate('application-autoscaling', 'DeregisterScalableTarget', { ServiceNamespace: 'ecs', ResourceId: '', ScalableDimension: 'x' })).toBe(lines('Invalid length for parameter ResourceId, value: 0, valid min length: 1'));
    // One character outside the BMP is one character to Python.
    expect(validate('ecr', 'BatchGetImage', { repositoryName: '😀', imageIds: [{ imageTag: 'x' }] })).toBe(lines('Invalid length for parameter repositoryName, value: 1, valid min length: 2'));
  });

  it('has nothing to check without an input shape', () => {
    expect(validateRequest(serviceModel('ecs')!, undefined, { anything: 1 })).toBeUndefined();
  });
});

describe('tagged unions and documents', () => {
  // A hand-built model: a union of two members, a document, a map whose keys have a minimum length.
  const svc: ServiceModel = {
    ns: 'x',
    protocol: 'json',
    operations: [],
    ops: {},
    waiters: {},
    shapes: [
      { t: 'S', m: { window: 1, doc: 2, labels: 3 } },
      { t: 'S', m: { Fixed: 'i', Sliding: 's' }, u: 1 },
      { t: 'S', m: {}, doc: 1 },
      { t: 'M', k: 's2', v: 's' },
    ],
  };
  const check = (params: Record<string, unknown>) => validateRequest(svc, shapeOf(svc, 0), params);

  it("asks for exactly one member of a union, in the words of the CLI's botocore", () => {
    expect(check({ window: { Fixed: 1 } })).toBeUndefined();
    expect(check({ window: {} })).toBe(lines('Must set one of the following keys for tagged unionstructure window: Fixed. Sliding.'));
    expect(check({ window: { Fixed: 1, Sliding: 's' } })).toBe(lines('Invalid number of parameters set for tagged union structure window. Can only set one of the following keys: Fixed. Sliding.'));
  });

  it("takes any value for a document, and checks a map's keys by name", () => {
    expect(check({ doc: [1, 'two', { three: null }] })).toBeUndefined();
    expect(check({ labels: { a: 'x', bb: 'y' } })).toBe(lines('Invalid length for parameter labels (key: a), value: 1, valid min length: 2'));
  });
});
