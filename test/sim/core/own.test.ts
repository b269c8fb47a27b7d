import { describe, expect, it } from 'vitest';
import { Sim } from '../../../src/sim';

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
