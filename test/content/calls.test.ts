import { describe, expect, it } from 'vitest';
import { resolveRefs, type CallRecord } from '../../src/content/calls';
import { Sim } from '../../src/sim';

describe('references between calls', () => {
  it("name an earlier call's output, a container instance, a task, or the part of a value after a marker", () => {
    const sim = new Sim();
    const lb: CallRecord = { at: 0, call: 'elbv2.CreateLoadBalancer', id: 'lb', input: {}, output: { LoadBalancers: [{ LoadBalancerArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/abc' }] } };
    const calls = [lb];
    expect(resolveRefs(sim, { arn: '${call:lb.LoadBalancers[0].LoadBalancerArn}' }, calls)).toEqual({ arn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/abc' });
    expect(resolveRefs(sim, '${call:0.LoadBalancers[0].LoadBalancerArn|after:loadbalancer/}', calls)).toBe('app/web/abc');
    expect(resolveRefs(sim, ['label ${call:lb.LoadBalancers[0].LoadBalancerArn|after:app/}'], calls)).toEqual(['label web/abc']);
    expect(resolveRefs(sim, '${ci:i-nope}', calls)).toBe('unresolved-container-instance-i-nope');
    expect(resolveRefs(sim, '${task:3}', calls)).toBe('unresolved-task-3');
    expect(resolveRefs(sim, '${other:x}', calls)).toBe('${other:x}');
    expect(resolveRefs(sim, 7, calls)).toBe(7);
  });
});
