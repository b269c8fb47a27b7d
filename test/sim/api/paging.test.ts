import { describe, expect, it } from 'vitest';
import { busyWorld } from '../../support/busyWorld';

interface Listing {
  call: string;
  input: Record<string, unknown>;
  member: string;
  limit: string;
  token: string;
  next: string;
  max: number;
  badToken: string;
}

const ecs = (call: string, member: string, input: Record<string, unknown> = {}, max = 100): Listing => ({
  call: `ecs.${call}`,
  input,
  member,
  limit: 'maxResults',
  token: 'nextToken',
  next: 'nextToken',
  max,
  badToken: 'InvalidParameterException',
});
const other = (call: string, member: string, input: Record<string, unknown>, limit: string, token: string, next: string, max: number, badToken: string): Listing => ({ call, input, member, limit, token, next, max, badToken });

// Every operation the engine has that a botocore paginator pages.
const LISTINGS: Listing[] = [
  ecs('ListClusters', 'clusterArns'),
  ecs('ListContainerInstances', 'containerInstanceArns', { cluster: 'alpha' }),
  ecs('ListTaskDefinitions', 'taskDefinitionArns'),
  ecs('ListTaskDefinitionFamilies', 'families'),
  ecs('ListTasks', 'taskArns', { cluster: 'alpha' }),
  ecs('ListServices', 'serviceArns', { cluster: 'alpha' }),
  ecs('ListServicesByNamespace', 'serviceArns', { namespace: 'one.local' }),
  ecs('ListAccountSettings', 'settings', {}, 10),
  ecs('ListAttributes', 'attributes', { cluster: 'alpha', targetType: 'container-instance' }),
  ...(['DescribeScalableTargets', 'DescribeScalingPolicies', 'DescribeScheduledActions', 'DescribeScalingActivities'] as const).map((op) =>
    other(`applicationautoscaling.${op}`, op.replace('Describe', ''), { ServiceNamespace: 'ecs' }, 'MaxResults', 'NextToken', 'NextToken', op === 'DescribeScalingPolicies' ? 10 : 50, 'InvalidNextTokenException'),
  ),
  other('elbv2.DescribeLoadBalancers', 'LoadBalancers', {}, 'PageSize', 'Marker', 'NextMarker', 400, 'ValidationError'),
  other('elbv2.DescribeTargetGroups', 'TargetGroups', {}, 'PageSize', 'Marker', 'NextMarker', 400, 'ValidationError'),
  other('cloudwatch.DescribeAlarms', 'MetricAlarms', {}, 'MaxRecords', 'NextToken', 'NextToken', 100, 'InvalidNextToken'),
  other('servicediscovery.ListNamespaces', 'Namespaces', {}, 'MaxResults', 'NextToken', 'NextToken', 100, 'InvalidInput'),
  other('events.ListTargetsByRule', 'Targets', { Rule: 'nightly' }, 'Limit', 'NextToken', 'NextToken', 100, 'ValidationException'),
  other('autoscaling.DescribeAutoScalingGroups', 'AutoScalingGroups', {}, 'MaxRecords', 'NextToken', 'NextToken', 100, 'InvalidNextToken'),
];

describe('List and Describe operations page as AWS pages them', () => {
  const sim = busyWorld();
  const lb = (sim.call('elbv2.DescribeLoadBalancers', {}).output as { LoadBalancers: { LoadBalancerArn: string }[] }).LoadBalancers[0]!.LoadBalancerArn;
  const listener = (sim.call('elbv2.DescribeListeners', { LoadBalancerArn: lb }).output as { Listeners: { ListenerArn: string }[] }).Listeners[0]!.ListenerArn;
  const all = [
    ...LISTINGS,
    other('elbv2.DescribeListeners', 'Listeners', { LoadBalancerArn: lb }, 'PageSize', 'Marker', 'NextMarker', 400, 'ValidationError'),
    other('elbv2.DescribeRules', 'Rules', { ListenerArn: listener }, 'PageSize', 'Marker', 'NextMarker', 400, 'ValidationError'),
  ];

  it.each(all.map((l) => [l.call, l] as const))('%s: one page at a time gives every item once, in order, then no token', (_, l) => {
    const whole = sim.call(l.call, l.input);
    expect(whole.error).toBeUndefined();
    const items = (whole.output as Record<string, unknown[]>)[l.member]!;
    // Without a page size the answer is the whole list, without a token, as before paging.
    expect(items.length, 'items to page through').toBeGreaterThanOrEqual(l.call.endsWith('Listeners') ? 1 : 2);
    expect((whole.output as Record<string, unknown>)[l.next]).toBeUndefined();
    const seen: unknown[] = [];
    let token: unknown;
    for (let guard = 0; guard < 100; guard++) {
      const r = sim.call(l.call, { ...l.input, [l.limit]: 1, ...(token ? { [l.token]: token } : {}) });
      expect(r.error).toBeUndefined();
      const out = r.output as Record<string, unknown>;
      seen.push(...(out[l.member] as unknown[]));
      token = out[l.next];
      if (!token) break;
      expect(out[l.member]).toHaveLength(1);
    }
    expect(seen).toEqual(items);
  });

  it.each(all.map((l) => [l.call, l] as const))('%s: refuses a page size out of range and a token it never gave', (_, l) => {
    expect(sim.call(l.call, { ...l.input, [l.limit]: 0 }).error).toBeDefined();
    expect(sim.call(l.call, { ...l.input, [l.limit]: l.max + 1 }).error).toBeDefined();
    expect(sim.call(l.call, { ...l.input, [l.limit]: l.max }).error).toBeUndefined();
    expect(sim.call(l.call, { ...l.input, [l.token]: 'not-a-token' }).error?.code).toBe(l.badToken);
  });

  it('goes on after the last item given when the list changed between pages', () => {
    const first = sim.call('ecs.ListClusters', { maxResults: 2 }).output as { clusterArns: string[]; nextToken: string };
    expect(first.clusterArns).toHaveLength(2);
    sim.call('ecs.CreateCluster', { clusterName: 'delta' });
    sim.call('ecs.DeleteCluster', { cluster: first.clusterArns[0]! });
    const rest = sim.call('ecs.ListClusters', { nextToken: first.nextToken }).output as { clusterArns: string[] };
    expect(rest.clusterArns.map((a) => a.split('/')[1])).toEqual(['gamma', 'delta']);
  });
});
