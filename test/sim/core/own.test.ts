import { describe, expect, it } from 'vitest';
import { Sim } from '../../../src/sim';
import { own, setOwn } from '../../../src/sim/core/own';

describe('own entries of a record', () => {
  it('finds only an own entry, for a string key: never a member of Object.prototype', () => {
    const rec: Record<string, number> = { web: 1 };
    expect(own(rec, 'web')).toBe(1);
    for (const k of ['__proto__', 'constructor', 'valueOf', 'hasOwnProperty', 'missing']) expect(own(rec, k), k).toBeUndefined();
    for (const k of [1, undefined, null, { toString: () => 'web' }]) expect(own(rec, k)).toBeUndefined();
    expect(own({ 1: 'one' } as Record<string, string>, '1')).toBe('one');
  });

  it('sets "__proto__" as an own, enumerable entry that changes no prototype, and returns the value', () => {
    const rec: Record<string, { v: number }> = {};
    const value = { v: 7 };
    expect(setOwn(rec, '__proto__', value)).toBe(value);
    expect(Object.getPrototypeOf(rec)).toBe(Object.prototype);
    expect(Object.keys(rec)).toEqual(['__proto__']);
    expect(own(rec, '__proto__')).toBe(value);
    setOwn(rec, '__proto__', { v: 8 });
    expect(own(rec, '__proto__')).toEqual({ v: 8 });
    expect(({} as Record<string, unknown>).v).toBeUndefined();
  });
});

// Names a learner chooses can collide with Object.prototype members; they must behave like any other name.
describe('names like __proto__ and valueOf', () => {
  it('a task definition family "__proto__" registers and is found; "hasOwnProperty" is not found', () => {
    const sim = new Sim();
    const r = sim.call('ecs.RegisterTaskDefinition', { family: '__proto__', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128 }] });
    expect(r.error).toBeUndefined();
    expect(sim.call('ecs.DescribeTaskDefinition', { taskDefinition: '__proto__' }).output).toMatchObject({ taskDefinition: { family: '__proto__', revision: 1 } });
    expect(sim.call('ecs.DescribeTaskDefinition', { taskDefinition: 'hasOwnProperty' }).error).toEqual({ code: 'ClientException', message: 'Unable to describe task definition.' });
    expect(Object.getPrototypeOf(sim.world.taskDefinitions)).toBeNull(); // the world's tables have no prototype
  });
  it('lookups of groups, target groups, rules and Cloud Map services by such names answer "not found"', () => {
    const sim = new Sim();
    for (const [op, input] of [
      ['autoscaling.SetDesiredCapacity', { AutoScalingGroupName: 'valueOf', DesiredCapacity: 1 }],
      ['elbv2.DescribeTargetHealth', { TargetGroupArn: 'constructor' }],
      ['events.DescribeRule', { Name: '__proto__' }],
      ['servicediscovery.ListInstances', { ServiceId: 'toString' }],
    ] as const) {
      const r = sim.call(op, input);
      expect(r.error?.code, op).not.toBe('ServerException');
      expect(r.error, op).toBeDefined();
    }
  });
});
