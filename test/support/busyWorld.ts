import { Sim } from '../../src/sim';

/** A world with several of everything a paginated operation lists. */
export function busyWorld(): Sim {
  const sim = new Sim({ seed: 'paging' });
  const ok = (call: string, input: Record<string, unknown>) => {
    const r = sim.call(call, input);
    if (r.error) throw new Error(`${call}: ${r.error.message}`);
    return r.output as Record<string, unknown>;
  };
  for (const c of ['alpha', 'beta', 'gamma']) ok('ecs.CreateCluster', { clusterName: c });
  ok('sim.LaunchInstances', { cluster: 'alpha', instanceType: 'm5.large', count: 3 });
  for (const [family, memory] of [
    ['web', 128],
    ['web', 256],
    ['api', 128],
    ['worker', 64],
  ] as const) {
    ok('ecs.RegisterTaskDefinition', { family, containerDefinitions: [{ name: family, image: 'nginx', cpu: 64, memory, essential: true }] });
  }
  sim.runUntil(120_000);
  for (const n of ['one.local', 'two.local', 'three.local']) ok('servicediscovery.CreateHttpNamespace', { Name: n });
  // Service Connect clients of one.local (what ListServicesByNamespace lists).
  for (const s of ['web', 'api', 'worker']) ok('ecs.CreateService', { cluster: 'alpha', serviceName: s, taskDefinition: s, desiredCount: 1, serviceConnectConfiguration: { enabled: true, namespace: 'one.local' } });
  ok('ecs.RunTask', { cluster: 'alpha', taskDefinition: 'worker', count: 3 });
  for (const s of ['web', 'api', 'worker']) {
    ok('applicationautoscaling.RegisterScalableTarget', { ServiceNamespace: 'ecs', ScalableDimension: 'ecs:service:DesiredCount', ResourceId: `service/alpha/${s}`, MinCapacity: 2, MaxCapacity: 4 });
    ok('applicationautoscaling.PutScalingPolicy', {
      PolicyName: `${s}-cpu`,
      ServiceNamespace: 'ecs',
      ScalableDimension: 'ecs:service:DesiredCount',
      ResourceId: `service/alpha/${s}`,
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: { TargetValue: 50, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' } },
    });
    ok('applicationautoscaling.PutScheduledAction', {
      ServiceNamespace: 'ecs',
      ScalableDimension: 'ecs:service:DesiredCount',
      ResourceId: `service/alpha/${s}`,
      ScheduledActionName: `${s}-night`,
      Schedule: 'cron(0 22 * * ? *)',
      ScalableTargetAction: { MinCapacity: 1 },
    });
  }
  for (const n of ['a', 'b', 'c']) {
    const lb = ok('elbv2.CreateLoadBalancer', { Name: `lb-${n}`, Subnets: ['subnet-us-east-1a', 'subnet-us-east-1b'] });
    const tg = ok('elbv2.CreateTargetGroup', { Name: `tg-${n}`, Protocol: 'HTTP', Port: 80, VpcId: 'vpc-default', TargetType: 'ip' });
    const lbArn = (lb.LoadBalancers as { LoadBalancerArn: string }[])[0]!.LoadBalancerArn;
    const tgArn = (tg.TargetGroups as { TargetGroupArn: string }[])[0]!.TargetGroupArn;
    ok('elbv2.CreateListener', { LoadBalancerArn: lbArn, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: tgArn }] });
  }
  const lb = (ok('elbv2.DescribeLoadBalancers', {}).LoadBalancers as { LoadBalancerArn: string }[])[0]!.LoadBalancerArn;
  const listener = (ok('elbv2.DescribeListeners', { LoadBalancerArn: lb }).Listeners as { ListenerArn: string; DefaultActions: unknown }[])[0]!;
  for (const p of [10, 20, 30]) ok('elbv2.CreateRule', { ListenerArn: listener.ListenerArn, Priority: p, Conditions: [{ Field: 'path-pattern', Values: [`/p${p}/*`] }], Actions: listener.DefaultActions });
  for (const a of ['cpu-a', 'cpu-b', 'cpu-c'])
    ok('cloudwatch.PutMetricAlarm', { AlarmName: a, MetricName: 'CPUUtilization', Namespace: 'AWS/ECS', Statistic: 'Average', Period: 60, EvaluationPeriods: 1, Threshold: 50, ComparisonOperator: 'GreaterThanThreshold' });
  ok('events.PutRule', { Name: 'nightly', ScheduleExpression: 'rate(1 day)' });
  ok('events.PutTargets', {
    Rule: 'nightly',
    Targets: ['1', '2', '3'].map((Id) => ({
      Id,
      Arn: 'arn:aws:ecs:us-east-1:123456789012:cluster/alpha',
      RoleArn: 'arn:aws:iam::123456789012:role/ecsEventsRole',
      EcsParameters: { TaskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/worker:1', TaskCount: 1 },
    })),
  });
  ok('ec2.CreateLaunchTemplate', { LaunchTemplateName: 'nodes', LaunchTemplateData: { InstanceType: 'm5.large' } });
  for (const g of ['asg-a', 'asg-b', 'asg-c']) ok('autoscaling.CreateAutoScalingGroup', { AutoScalingGroupName: g, LaunchTemplate: { LaunchTemplateName: 'nodes' }, MinSize: 0, MaxSize: 2, VPCZoneIdentifier: 'subnet-us-east-1a' });
  sim.runUntil(600_000);
  return sim;
}
