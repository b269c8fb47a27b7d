import { describe, expect, it } from 'vitest';
import { Sim } from '../../../../src/sim';
import { apiWorld, instanceArns, ok, refused } from '../../../support/simapiWorld';

const CLUSTER = 'arn:aws:ecs:us-east-1:123456789012:cluster/demo';
const tags = (sim: Sim, resourceArn: string) => ok(sim, 'ecs.ListTagsForResource', { resourceArn }).tags;

describe('TagResource, UntagResource and ListTagsForResource', () => {
  it('add tags, replace the value of a key the resource has, and remove keys', () => {
    const sim = apiWorld(0);
    ok(sim, 'ecs.TagResource', {
      resourceArn: CLUSTER,
      tags: [
        { key: 'team', value: 'a' },
        { key: 'env', value: 'dev' },
      ],
    });
    ok(sim, 'ecs.TagResource', { resourceArn: CLUSTER, tags: [{ key: 'team', value: 'b' }] });
    expect(tags(sim, CLUSTER)).toEqual([
      { key: 'env', value: 'dev' },
      { key: 'team', value: 'b' },
    ]);
    ok(sim, 'ecs.UntagResource', { resourceArn: CLUSTER, tagKeys: ['env', 'absent'] });
    expect(tags(sim, CLUSTER)).toEqual([{ key: 'team', value: 'b' }]);
  });

  it('tag every kind of ECS resource by ARN: task definitions, tasks, services, container instances, capacity providers', () => {
    const sim = apiWorld(1);
    const task = ok(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: 'web' }).tasks[0].taskArn;
    const service = ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 's', taskDefinition: 'web', desiredCount: 0 }).service.serviceArn;
    const arns = [task, service, instanceArns(sim)[0], 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1'];
    for (const resourceArn of arns) {
      ok(sim, 'ecs.TagResource', { resourceArn, tags: [{ key: 'k', value: 'v' }] });
      expect(tags(sim, resourceArn)).toEqual([{ key: 'k', value: 'v' }]);
    }
  });

  it.each([
    ['an ARN of another service', 'arn:aws:s3:::bucket', 'InvalidParameterException', 'The ARN provided is invalid.'],
    ['a name instead of an ARN', 'demo', 'InvalidParameterException', 'The ARN provided is invalid.'],
    ['a cluster that does not exist', 'arn:aws:ecs:us-east-1:123456789012:cluster/ghost', 'ResourceNotFoundException', 'The specified resource could not be found.'],
    ['a task definition revision that does not exist', 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:5', 'ResourceNotFoundException', 'The specified resource could not be found.'],
    ['a task definition without a revision', 'arn:aws:ecs:us-east-1:123456789012:task-definition/web', 'ResourceNotFoundException', 'The specified resource could not be found.'],
  ])('refuse %s', (_, resourceArn, code, message) => {
    const sim = apiWorld(0);
    expect(refused(sim, 'ecs.ListTagsForResource', { resourceArn })).toEqual({ code, message });
    expect(refused(sim, 'ecs.TagResource', { resourceArn, tags: [{ key: 'k', value: 'v' }] })).toEqual({ code, message });
  });

  it.each([
    ['the aws: prefix', [{ key: 'AWS:x', value: 'v' }], "Invalid tag key 'AWS:x': the aws: prefix is reserved for use by AWS."],
    // Lengths are the model's constraints, checked (as the service checks them) before the operation runs.
    ['a key of 129 characters', [{ key: 'k'.repeat(129), value: 'v' }], `1 validation error detected: Value '${'k'.repeat(100)}...' at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than or equal to 128`],
    ['a key with a comma', [{ key: 'a,b', value: 'v' }], "Invalid tag key 'a,b': a key has 1 to 128 letters, numbers, spaces and the characters + - = . _ : / @."],
    [
      'a value of 257 characters',
      [{ key: 'k', value: 'v'.repeat(257) }],
      `1 validation error detected: Value '${'v'.repeat(100)}...' at 'tags.1.member.value' failed to satisfy constraint: Member must have length less than or equal to 256`,
    ],
    ['a value with a semicolon', [{ key: 'k', value: 'a;b' }], "Invalid tag value for key 'k': a value has up to 256 letters, numbers, spaces and the characters + - = . _ : / @."],
    [
      'the same key twice',
      [
        { key: 'k', value: '1' },
        { key: 'k', value: '2' },
      ],
      "The tag key 'k' is given more than once.",
    ],
  ])('refuse %s, changing nothing', (_, given, message) => {
    const sim = apiWorld(0);
    expect(refused(sim, 'ecs.TagResource', { resourceArn: CLUSTER, tags: given })).toEqual({ code: 'InvalidParameterException', message });
    expect(tags(sim, CLUSTER)).toEqual([]);
  });

  it('accept letters of any script, an empty value and keys of 128 characters', () => {
    const sim = apiWorld(0);
    const given = [
      { key: 'équipe', value: 'ñandú' },
      { key: 'empty', value: '' },
      { key: 'k'.repeat(128), value: 'a+b=c.d_e:f/g@h' },
    ];
    ok(sim, 'ecs.TagResource', { resourceArn: CLUSTER, tags: given });
    expect(tags(sim, CLUSTER)).toEqual(given);
  });

  it('refuse a 51st tag on a resource, even when each request has fewer', () => {
    const sim = apiWorld(0);
    ok(sim, 'ecs.TagResource', { resourceArn: CLUSTER, tags: Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: 'v' })) });
    expect(refused(sim, 'ecs.TagResource', { resourceArn: CLUSTER, tags: [{ key: 'one-more', value: 'v' }] })).toEqual({ code: 'InvalidParameterException', message: 'A resource can have at most 50 tags.' });
    expect(tags(sim, CLUSTER)).toHaveLength(50);
  });
});
