import { describe, expect, it } from 'vitest';
import { defaultRuleArnOf, ruleActions, ruleOrDefault } from '../../../src/sim/queries/rules';
import { Sim } from '../../../src/sim';

const LISTENER = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2';

function withListener() {
  const sim = new Sim({ seed: 'rules' });
  const lb = (sim.call('elbv2.CreateLoadBalancer', { Name: 'lb' }).output as { LoadBalancers: { LoadBalancerArn: string }[] }).LoadBalancers[0]!.LoadBalancerArn;
  const tg = (sim.call('elbv2.CreateTargetGroup', { Name: 'tg' }).output as { TargetGroups: { TargetGroupArn: string }[] }).TargetGroups[0]!.TargetGroupArn;
  const listener = (sim.call('elbv2.CreateListener', { LoadBalancerArn: lb, Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }] }).output as { Listeners: { ListenerArn: string }[] }).Listeners[0]!.ListenerArn;
  return { sim, tg, listener };
}

describe("a listener's default rule", () => {
  it('has an ARN derived from the listener ARN alone: listener-rule/…/<listener id>/<16 hex digits>', () => {
    const arn = defaultRuleArnOf(LISTENER);
    expect(arn).toMatch(/^arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule\/app\/web\/50dc6c495c0c9188\/f2f7dc8efc522ab2\/[0-9a-f]{16}$/);
    expect(defaultRuleArnOf(LISTENER)).toBe(arn);
    expect(defaultRuleArnOf(LISTENER.replace(/b2$/, 'b3'))).not.toBe(arn);
  });

  it("is found by its ARN with its listener, and its actions are the listener's default actions", () => {
    const { sim, tg, listener } = withListener();
    const l = sim.world.listeners[listener]!;
    const found = ruleOrDefault(sim, l.defaultRuleArn ?? defaultRuleArnOf(listener))!;
    expect(found).toEqual({ listener: l });
    expect(ruleActions(found)).toMatchObject([{ Type: 'forward', TargetGroupArn: tg }]);
    expect(ruleActions(found)).toBe(l.DefaultActions);
  });

  it("finds a rule with its listener and the rule's own actions, and nothing for an unknown ARN or an inherited key", () => {
    const { sim, tg, listener } = withListener();
    const out = sim.call('elbv2.CreateRule', { ListenerArn: listener, Priority: 5, Conditions: [{ Field: 'path-pattern', Values: ['/api/*'] }], Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }] });
    const ruleArn = (out.output as { Rules: { RuleArn: string }[] }).Rules[0]!.RuleArn;
    const found = ruleOrDefault(sim, ruleArn)!;
    expect(found.listener.ListenerArn).toBe(listener);
    expect(found.rule?.Priority).toBe(5);
    expect(ruleActions(found)).toMatchObject([{ Type: 'fixed-response' }]);
    expect(ruleActions(found)).not.toContainEqual({ Type: 'forward', TargetGroupArn: tg });
    for (const bad of ['arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/none', 'constructor', 42]) expect(ruleOrDefault(sim, bad)).toBeUndefined();
  });
});
