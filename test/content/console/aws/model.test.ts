import { describe, expect, it } from 'vitest';
import { SERVICE_NAMES, inputShape, memberShape, membersOf, operationNamed, outputShape, serviceModel, shapeOf, xform, type ServiceModel } from '../../../../src/content/console/aws/model';

describe("botocore's xform_name", () => {
  it('names operations and members as the CLI does (the values are botocore.xform_name(name, "-"))', () => {
    const cases: [string, string][] = [
      ['ListClusters', 'list-clusters'],
      ['DescribeTargetGroupARNs', 'describe-target-group-arns'],
      ['DescribeDBInstances', 'describe-db-instances'],
      ['CreateVPCEndpoint', 'create-vpc-endpoint'],
      ['IPAddressType', 'ip-address-type'],
      ['RoleARN', 'role-arn'],
      ['enableECSManagedTags', 'enable-ecs-managed-tags'],
      ['ARNs', '-arns'],
      ['S3Bucket', 's3-bucket'],
      ['VPCZoneIdentifier', 'vpc-zone-identifier'],
      ['desiredCount', 'desired-count'],
      ['already-dashed', 'already-dashed'],
    ];
    for (const [name, cli] of cases) expect(xform(name), name).toBe(cli);
  });
});

describe('the console model', () => {
  const ecs = serviceModel('ecs')!;

  it('has the services `aws help` lists, and no service named as an object property', () => {
    expect(SERVICE_NAMES).toEqual(['ecs', 'application-autoscaling', 'elbv2', 'servicediscovery', 'cloudwatch', 'events', 'autoscaling', 'ec2', 'ecr']);
    expect(serviceModel('constructor')).toBeUndefined();
    expect(serviceModel('s3')).toBeUndefined();
  });

  it("finds an operation by its CLI name among all of the model's, simulated or not", () => {
    expect(operationNamed(ecs, 'list-clusters')).toBe('ListClusters');
    expect(operationNamed(ecs, 'create-task-set')).toBe('CreateTaskSet');
    expect(Object.hasOwn(ecs.ops, 'CreateTaskSet')).toBe(false);
    expect(operationNamed(ecs, 'ListClusters')).toBeUndefined();
    expect(operationNamed(serviceModel('elbv2')!, 'describe-target-groups')).toBe('DescribeTargetGroups');
  });

  it("resolves an operation's input and output shapes, with members in the model's order", () => {
    const input = inputShape(ecs, 'DescribeServices')!;
    expect(input.kind).toBe('structure');
    expect(input.r).toEqual(['services']);
    expect(membersOf(ecs, input).map(([k, s]) => [k, s.kind])).toEqual([
      ['cluster', 'scalar'],
      ['services', 'list'],
      ['include', 'list'],
    ]);
    expect(Object.keys(outputShape(ecs, 'ListClusters')!.m)).toEqual(['clusterArns', 'nextToken']);
    expect(inputShape(ecs, 'CreateTaskSet')).toBeUndefined();
    expect(outputShape(ecs, 'toString')).toBeUndefined();
  });

  it('reads a scalar reference as its type and minimum, and a number as an entry of the shape table', () => {
    const svc: ServiceModel = {
      ns: 'x',
      protocol: 'json',
      operations: [],
      ops: {},
      waiters: {},
      shapes: [
        { t: 'S', m: { a: 's', b: 1 } },
        { t: 'L', e: 'i0', min: 1 },
      ],
    };
    expect(shapeOf(svc, 's')).toEqual({ kind: 'scalar', type: 'string', ref: 's' });
    expect(shapeOf(svc, 's12')).toEqual({ kind: 'scalar', type: 'string', ref: 's12', min: 12 });
    expect(shapeOf(svc, 'i0')).toEqual({ kind: 'scalar', type: 'integer', ref: 'i0', min: 0 });
    expect(['l', 'b', 'd', 'f', 'T', 'B'].map((r) => (shapeOf(svc, r) as { type: string }).type)).toEqual(['long', 'boolean', 'double', 'float', 'timestamp', 'blob']);
    expect(shapeOf(svc, 1)).toEqual({ t: 'L', e: 'i0', min: 1, kind: 'list', ref: 1 });
    const s = shapeOf(svc, 0);
    if (s.kind !== 'structure') throw new Error('not a structure');
    expect(memberShape(svc, s, 'b')).toMatchObject({ kind: 'list', ref: 1 });
    expect(memberShape(svc, s, 'c')).toBeUndefined();
    expect(memberShape(svc, s, 'hasOwnProperty')).toBeUndefined();
  });
});
