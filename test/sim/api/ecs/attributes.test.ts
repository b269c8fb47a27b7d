import { describe, expect, it } from 'vitest';
import { apiWorld, instanceArns, ok, refused } from '../../../support/simapiWorld';

describe('PutAttributes', () => {
  it('puts custom attributes on container instances (replacing one of the same name), which ListAttributes and memberOf then see', () => {
    const sim = apiWorld(2);
    const [a, b] = instanceArns(sim) as [string, string];
    const put = ok(sim, 'ecs.PutAttributes', {
      cluster: 'demo',
      attributes: [
        { name: 'stack', value: 'blue', targetId: a },
        { name: 'gpu', targetId: b },
      ],
    });
    expect(put.attributes).toEqual([
      { name: 'stack', value: 'blue', targetId: a, targetType: 'container-instance' },
      { name: 'gpu', targetId: b, targetType: 'container-instance' },
    ]);
    ok(sim, 'ecs.PutAttributes', { cluster: 'demo', attributes: [{ name: 'stack', value: 'green', targetId: a }] });
    expect(ok(sim, 'ecs.ListAttributes', { cluster: 'demo', targetType: 'container-instance', attributeName: 'stack' }).attributes).toEqual([{ name: 'stack', value: 'green', targetType: 'container-instance', targetId: a }]);
    expect(ok(sim, 'ecs.ListAttributes', { cluster: 'demo', targetType: 'container-instance', attributeName: 'stack', attributeValue: 'blue' }).attributes).toEqual([]);
    const r = ok(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: 'web', placementConstraints: [{ type: 'memberOf', expression: 'attribute:stack == green' }] });
    expect(r.tasks.map((t: { containerInstanceArn: string }) => t.containerInstanceArn)).toEqual([a]);
  });

  it.each([
    ['more than 10 attributes', Array.from({ length: 11 }, (_, i) => ({ name: `a${i}`, targetId: 'x' })), 'At most 10 attributes can be put in one call.'],
    ['a name with a space', [{ name: 'my attr', targetId: 'x' }], "Invalid attribute name 'my attr': up to 128 letters, numbers, hyphens, underscores, forward slashes, back slashes, or periods."],
    [
      'a value with a leading space',
      [{ name: 'n', value: ' v', targetId: 'x' }],
      "Invalid attribute value ' v': up to 128 letters, numbers, hyphens, underscores, periods, at signs (@), forward slashes, back slashes, colons, or spaces, without leading or trailing whitespace.",
    ],
    ['a name in the ecs. namespace', [{ name: 'ecs.instance-type', value: 'big', targetId: 'x' }], "Attribute names starting with 'ecs.' are reserved for Amazon ECS: 'ecs.instance-type'."],
    ['no targetId', [{ name: 'n' }], 'targetId is required to put an attribute on a container instance.'],
    ['a target type other than container-instance', [{ name: 'n', targetId: 'x', targetType: 'task' }], "Invalid targetType 'task'."],
  ])('refuses %s with InvalidParameterException', (_, attributes, message) => {
    expect(refused(apiWorld(1), 'ecs.PutAttributes', { cluster: 'demo', attributes })).toEqual({ code: 'InvalidParameterException', message });
  });

  it('refuses a target that does not exist (TargetNotFoundException), putting none of the attributes', () => {
    const sim = apiWorld(1);
    const [a] = instanceArns(sim) as [string];
    expect(
      refused(sim, 'ecs.PutAttributes', {
        cluster: 'demo',
        attributes: [
          { name: 'ok', targetId: a },
          { name: 'n', targetId: 'nope' },
        ],
      }),
    ).toEqual({ code: 'TargetNotFoundException', message: 'Could not find nope.' });
    expect(ok(sim, 'ecs.ListAttributes', { cluster: 'demo', targetType: 'container-instance', attributeName: 'ok' }).attributes).toEqual([]);
  });
});

describe('DeleteAttributes', () => {
  it('removes an attribute; refuses the ecs. namespace and a missing target', () => {
    const sim = apiWorld(1);
    const [a] = instanceArns(sim) as [string];
    ok(sim, 'ecs.PutAttributes', { cluster: 'demo', attributes: [{ name: 'stack', value: 'blue', targetId: a }] });
    expect(ok(sim, 'ecs.DeleteAttributes', { cluster: 'demo', attributes: [{ name: 'stack', targetId: a }] }).attributes).toEqual([{ name: 'stack', targetId: a }]);
    expect(ok(sim, 'ecs.ListAttributes', { cluster: 'demo', targetType: 'container-instance', attributeName: 'stack' }).attributes).toEqual([]);
    expect(refused(sim, 'ecs.DeleteAttributes', { cluster: 'demo', attributes: [{ name: 'ecs.os-type', targetId: a }] })).toEqual({
      code: 'InvalidParameterException',
      message: "Attribute names starting with 'ecs.' are reserved for Amazon ECS: 'ecs.os-type'.",
    });
    expect(refused(sim, 'ecs.DeleteAttributes', { cluster: 'demo', attributes: [{ name: 'stack' }] })).toEqual({ code: 'TargetNotFoundException', message: 'Could not find the target.' });
  });
});

describe('ListAttributes', () => {
  it("lists ECS's own attributes too, and refuses a target type other than container-instance", () => {
    const sim = apiWorld(1);
    const [a] = instanceArns(sim) as [string];
    expect(ok(sim, 'ecs.ListAttributes', { cluster: 'demo', targetType: 'container-instance', attributeName: 'ecs.instance-type' }).attributes).toEqual([
      { name: 'ecs.instance-type', value: 'm5.large', targetType: 'container-instance', targetId: a },
    ]);
    expect(refused(sim, 'ecs.ListAttributes', { cluster: 'demo', targetType: 'task' })).toEqual({ code: 'InvalidParameterException', message: "targetType must be 'container-instance'." });
  });
});
