import { describe, expect, it } from 'vitest';
import { Sim } from '../../../src/sim';
import { ref, serviceByName, serviceByQuery, serviceByTarget, SERVICES } from '../../../src/cli/serve/model';

describe('the services a served account answers', () => {
  it('are the ones the engine simulates, each with its wire protocols', () => {
    expect(Object.fromEntries(SERVICES.map((s) => [s.name, s.protocols]))).toEqual({
      ecs: ['json'],
      'application-autoscaling': ['json'],
      servicediscovery: ['json'],
      events: ['json'],
      elbv2: ['query'],
      cloudwatch: ['json', 'query'],
      autoscaling: ['query'],
      ec2: ['ec2'],
      ecr: ['json'],
    });
    expect(serviceByName('application-autoscaling')!.namespace).toBe('applicationautoscaling');
    expect(serviceByName('s3')).toBeUndefined();
  });

  it('has the shapes of every operation the engine has in the served services', () => {
    const served = new Set(SERVICES.flatMap((s) => Object.keys(s.operations).map((o) => `${s.namespace}.${o}`)));
    const missing = Sim.operations().filter((o) => SERVICES.some((s) => o.startsWith(`${s.namespace}.`)) && !served.has(o));
    expect(missing, 'run npx tsx scripts/gen-serve-shapes.ts').toEqual([]);
    expect(serviceByName('ecs')!.operations.RunTask).toEqual({ i: 'RunTaskRequest', o: 'RunTaskResponse' });
  });
});

describe('finding the service a request is for', () => {
  it("by the JSON protocol's X-Amz-Target prefix", () => {
    expect(serviceByTarget('AmazonEC2ContainerServiceV20141113')!.name).toBe('ecs');
    expect(serviceByTarget('AnyScaleFrontendService')!.name).toBe('application-autoscaling');
    expect(serviceByTarget('GraniteServiceVersion20100801')).toMatchObject({ name: 'cloudwatch', jsonVersion: '1.0' });
    expect(serviceByTarget('AmazonEC2ContainerServiceV20141113.RunTask')).toBeUndefined();
    expect(serviceByTarget('DynamoDB_20120810')).toBeUndefined();
  });

  it("by the query protocol's Version, the signing name deciding, or the signing name alone without a Version", () => {
    expect(serviceByQuery('2015-12-01', 'elasticloadbalancing')!.name).toBe('elbv2');
    expect(serviceByQuery('2010-08-01', 'monitoring')!.name).toBe('cloudwatch');
    expect(serviceByQuery('2016-11-15', undefined)!.name).toBe('ec2');
    // A signing name that is not the Version's service: the Version says which.
    expect(serviceByQuery('2011-01-01', 'ec2')!.name).toBe('autoscaling');
    expect(serviceByQuery(undefined, 'autoscaling')!.name).toBe('autoscaling');
    // ECS speaks no query protocol, and an unknown Version names nothing even with a known signing name.
    expect(serviceByQuery('2014-11-13', 'ecs')).toBeUndefined();
    expect(serviceByQuery('2012-06-01', 'elasticloadbalancing')).toBeUndefined();
    expect(serviceByQuery(undefined, undefined)).toBeUndefined();
  });
});

describe('a member reference', () => {
  it('spells out a bare shape name, and keeps a full reference as it is', () => {
    expect(ref('String')).toEqual({ s: 'String' });
    const full = { s: 'TagList', n: 'Tags', f: true };
    expect(ref(full)).toBe(full);
  });
});
