import { describe, expect, it } from 'vitest';
import { Sim } from '../../../../src/sim';
import { ok } from '../../../support/simapiWorld';

const roles = { executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole', infrastructureRoleArn: 'arn:aws:iam::123456789012:role/infra' };
const create = (sim: Sim, serviceName: string, extra: Record<string, unknown> = {}) =>
  ok(sim, 'ecs.CreateExpressGatewayService', { serviceName, ...roles, primaryContainer: { image: 'nginx' }, ...extra }).service as { serviceArn: string; activeConfigurations: { ingressPaths: { endpoint: string }[] }[] };

describe('what Express Mode makes around its services', () => {
  it('one internet-facing load balancer with an HTTPS listener on 443, shared by the services of a cluster, each with a host-header rule and two target groups', () => {
    const sim = new Sim();
    const a = create(sim, 'web');
    const b = create(sim, 'api');
    const lbs = ok(sim, 'elbv2.DescribeLoadBalancers').LoadBalancers as { LoadBalancerArn: string; LoadBalancerName: string; Scheme: string }[];
    expect(lbs).toHaveLength(1);
    expect(lbs[0]!.LoadBalancerName).toMatch(/^ecs-express-gateway-alb-[0-9a-f]{8}$/);
    expect(lbs[0]!.Scheme).toBe('internet-facing');
    const listener = ok(sim, 'elbv2.DescribeListeners', { LoadBalancerArn: lbs[0]!.LoadBalancerArn }).Listeners[0];
    expect(listener).toMatchObject({ Port: 443, Protocol: 'HTTPS', DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404', ContentType: 'text/plain', MessageBody: 'Not Found' } }] });
    const rules = (ok(sim, 'elbv2.DescribeRules', { ListenerArn: listener.ListenerArn }).Rules as { Priority: string; Conditions: { Values: string[] }[]; Actions: { ForwardConfig: { TargetGroups: { Weight: number }[] } }[] }[]).filter(
      (r) => r.Priority !== 'default',
    );
    const endpoints = [a, b].map((s) => s.activeConfigurations[0]!.ingressPaths[0]!.endpoint);
    expect(endpoints[0]).toMatch(/^web-[0-9a-f]{10}\.ecs\.us-east-1\.on\.aws$/);
    expect(rules.map((r) => [r.Priority, r.Conditions[0]!.Values])).toEqual([
      ['1', [endpoints[0]]],
      ['2', [endpoints[1]]],
    ]);
    expect(rules[0]!.Actions[0]!.ForwardConfig.TargetGroups.map((g) => g.Weight)).toEqual([100, 0]);
    expect(ok(sim, 'elbv2.DescribeTargetGroups').TargetGroups).toHaveLength(4);
  });

  it('a scalable target and a target tracking policy of the scaling target', () => {
    const sim = new Sim();
    create(sim, 'web', { scalingTarget: { minTaskCount: 2, maxTaskCount: 6, autoScalingMetric: 'AVERAGE_MEMORY', autoScalingTargetValue: 70 } });
    expect(ok(sim, 'applicationautoscaling.DescribeScalableTargets', { ServiceNamespace: 'ecs' }).ScalableTargets[0]).toMatchObject({ ResourceId: 'service/default/web', MinCapacity: 2, MaxCapacity: 6 });
    const p = ok(sim, 'applicationautoscaling.DescribeScalingPolicies', { ServiceNamespace: 'ecs' }).ScalingPolicies[0];
    expect(p.PolicyName).toBe('web-target-tracking');
    expect(p.TargetTrackingScalingPolicyConfiguration).toMatchObject({ TargetValue: 70, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageMemoryUtilization' } });
  });

  it("on delete: the service's rule at once, its target groups once its tasks are gone, and the load balancer with the last service", () => {
    const sim = new Sim();
    const a = create(sim, 'web');
    const b = create(sim, 'api');
    sim.runUntil(600_000);
    ok(sim, 'ecs.DeleteExpressGatewayService', { serviceArn: a.serviceArn });
    const lb = (ok(sim, 'elbv2.DescribeLoadBalancers').LoadBalancers as { LoadBalancerArn: string }[])[0]!.LoadBalancerArn;
    const listener = ok(sim, 'elbv2.DescribeListeners', { LoadBalancerArn: lb }).Listeners[0].ListenerArn;
    expect(ok(sim, 'elbv2.DescribeRules', { ListenerArn: listener }).Rules).toHaveLength(2);
    sim.runUntil(1_800_000);
    expect(ok(sim, 'elbv2.DescribeTargetGroups').TargetGroups).toHaveLength(2);
    expect(ok(sim, 'elbv2.DescribeLoadBalancers').LoadBalancers).toHaveLength(1);
    ok(sim, 'ecs.DeleteExpressGatewayService', { serviceArn: b.serviceArn });
    sim.runUntil(3_000_000);
    expect(ok(sim, 'elbv2.DescribeLoadBalancers').LoadBalancers).toEqual([]);
    expect(ok(sim, 'elbv2.DescribeTargetGroups').TargetGroups).toEqual([]);
    expect(ok(sim, 'applicationautoscaling.DescribeScalableTargets', { ServiceNamespace: 'ecs' }).ScalableTargets).toEqual([]);
  });
});
