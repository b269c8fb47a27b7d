import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Sim } from '../../../src/sim';
import { route } from '../../../src/sim/queries/traffic';

/** A load balancer with one listener and `n` target groups, each named tg<i>. */
function world(n: number): { sim: Sim; lb: string; listener: string; tgs: string[] } {
  const sim = new Sim({ seed: 1 });
  const lb = (sim.call('elbv2.CreateLoadBalancer', { Name: 'lb' }).output as { LoadBalancers: { LoadBalancerArn: string }[] }).LoadBalancers[0]!.LoadBalancerArn;
  const tgs = Array.from({ length: n }, (_, i) => (sim.call('elbv2.CreateTargetGroup', { Name: `tg${i}` }).output as { TargetGroups: { TargetGroupArn: string }[] }).TargetGroups[0]!.TargetGroupArn);
  const out = sim.call('elbv2.CreateListener', { LoadBalancerArn: lb, Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: tgs[0] }] });
  const listener = (out.output as { Listeners: { ListenerArn: string }[] }).Listeners[0]!.ListenerArn;
  return { sim, lb, listener, tgs };
}

describe('weighted forward actions', () => {
  it('split requests in proportion to the weights, the shares summing to 1 (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 1, maxLength: 5 }), (weights) => {
        const { sim, lb, listener, tgs } = world(weights.length);
        const r = sim.call('elbv2.ModifyListener', { ListenerArn: listener, DefaultActions: [{ Type: 'forward', ForwardConfig: { TargetGroups: tgs.map((t, i) => ({ TargetGroupArn: t, Weight: weights[i] })) } }] });
        expect(r.error).toBeUndefined();
        const total = weights.reduce((a, b) => a + b, 0);
        const got = route(sim, lb, '/');
        if (total === 0) {
          expect(got).toEqual({ status: 503 });
          return;
        }
        const shares = got.groups!;
        expect(shares.reduce((a, g) => a + g.share, 0)).toBeCloseTo(1, 12);
        for (const g of shares) expect(g.share).toBeCloseTo(weights[tgs.indexOf(g.targetGroupArn)]! / total, 12);
        expect(shares.length).toBe(weights.filter((w) => w > 0).length);
      }),
      { numRuns: 40 },
    );
  });

  it('refuse more than five target groups, a group named twice, and both forms naming different groups', () => {
    const { sim, listener, tgs } = world(6);
    const fwd = (groups: string[], extra: Record<string, unknown> = {}) =>
      sim.call('elbv2.ModifyListener', {
        ListenerArn: listener,
        DefaultActions: [{ Type: 'forward', ...extra, ForwardConfig: { TargetGroups: groups.map((t) => ({ TargetGroupArn: t, Weight: 1 })) } }],
      });
    expect(fwd(tgs).error?.code).toBe('ValidationError');
    expect(fwd([tgs[0]!, tgs[0]!]).error?.message).toContain('more than once');
    expect(fwd([tgs[1]!], { TargetGroupArn: tgs[0] }).error?.code).toBe('ValidationError');
    expect(fwd([tgs[0]!], { TargetGroupArn: tgs[0] }).error).toBeUndefined();
  });

  it('change the default rule through ModifyRule, which refuses conditions on it', () => {
    const { sim, lb, listener, tgs } = world(2);
    const rules = sim.call('elbv2.DescribeRules', { ListenerArn: listener }).output as { Rules: { RuleArn: string; IsDefault: boolean }[] };
    const def = rules.Rules.find((r) => r.IsDefault)!;
    expect(sim.call('elbv2.ModifyRule', { RuleArn: def.RuleArn, Conditions: [{ Field: 'path-pattern', Values: ['/x'] }] }).error?.code).toBe('OperationNotPermitted');
    expect(sim.call('elbv2.ModifyRule', { RuleArn: def.RuleArn, Actions: [{ Type: 'forward', TargetGroupArn: tgs[1] }] }).error).toBeUndefined();
    expect(route(sim, lb, '/').groups).toEqual([{ targetGroupArn: tgs[1], share: 1 }]);
    expect(sim.call('elbv2.DescribeRules', { RuleArns: [def.RuleArn] }).output).toMatchObject({ Rules: [{ IsDefault: true, Priority: 'default' }] });
  });

  it('match host-header conditions without regard to case, and route by listener port', () => {
    const { sim, lb, listener, tgs } = world(2);
    sim.call('elbv2.CreateRule', { ListenerArn: listener, Priority: 1, Conditions: [{ Field: 'host-header', Values: ['*.Example.com'] }], Actions: [{ Type: 'forward', TargetGroupArn: tgs[1] }] });
    expect(route(sim, lb, '/', 80, 'test.example.COM').groups?.[0]?.targetGroupArn).toBe(tgs[1]);
    expect(route(sim, lb, '/', 80, 'example.org').groups?.[0]?.targetGroupArn).toBe(tgs[0]);
    expect(route(sim, lb, '/', 8080)).toEqual({ status: 503 });
    expect(sim.call('elbv2.CreateRule', { ListenerArn: listener, Priority: 2, Conditions: [{ Field: 'host-header', Values: ['localhost'] }], Actions: [{ Type: 'forward', TargetGroupArn: tgs[1] }] }).error?.code).toBe('ValidationError');
  });
});
