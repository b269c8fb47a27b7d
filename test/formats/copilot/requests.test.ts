import { describe, expect, it } from 'vitest';
import { parseManifest, planDeployment, type CopilotPlan } from '../../../src/formats/copilot';
import { deployRequests, environmentRequests, pushedBy, workloadRequests, type EnvironmentState, type PlanRequest } from '../../../src/formats/copilot/requests';

function plan(text: string): CopilotPlan {
  const { manifest, problems } = parseManifest(text);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  return planDeployment(manifest!, 'forum', 'test');
}

/** A Load Balanced Web Service on port 8080; `http` replaces its `http:` block (path only). */
const lbws = (name: string, path: string, more = '', http = `http:\n  path: ${path}\n`) => plan(`name: ${name}\ntype: Load Balanced Web Service\nimage:\n  location: nginx\n  port: 8080\n${http}${more}`);
const backend = (more = '', image = 'location: nginx') => plan(`name: api\ntype: Backend Service\nimage:\n  ${image}\n${more}`);
const calls = (rs: PlanRequest[]) => rs.map((r) => r.call);
const byCall = (rs: PlanRequest[], call: string) => rs.filter((r) => r.call === call).map((r) => r.input);

/** Every `${call:<id>…}` a request names. */
const refsOf = (r: PlanRequest) => [...JSON.stringify(r.input).matchAll(/\$\{call:([^.}]+)\./g)].map((m) => m[1]!);

describe('environmentRequests', () => {
  it('is the cluster with both Fargate capacity providers and the private namespace <env>.<app>.local', () => {
    expect(environmentRequests('forum', 'test')).toEqual([
      { id: 'copilot:forum/test:cluster', call: 'ecs.CreateCluster', input: { clusterName: 'forum-test', capacityProviders: ['FARGATE', 'FARGATE_SPOT'] } },
      { id: 'copilot:forum/test:namespace', call: 'servicediscovery.CreatePrivateDnsNamespace', input: { Name: 'test.forum.local' } },
    ]);
  });
});

describe('deployRequests', () => {
  it('the first Load Balanced Web Service brings the shared load balancer and its 404 listener; the next ones do not', () => {
    const env: EnvironmentState = { loadBalancer: false, rules: 0 };
    const first = deployRequests(env, lbws('web', '/'), ['subnet-a']);
    expect(calls(first).slice(0, 3)).toEqual(['elbv2.CreateLoadBalancer', 'elbv2.CreateListener', 'ecs.RegisterTaskDefinition']);
    expect(first[0]!.input).toEqual({ Name: 'forum-test-alb' });
    expect(first[1]!.input).toMatchObject({ Port: 80, DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404', ContentType: 'text/plain' } }] });
    // A rule at / takes the last priority and is not counted among the environment's rules.
    expect(env).toEqual({ loadBalancer: true, rules: 0 });
    expect(byCall(first, 'elbv2.CreateRule')[0]).toMatchObject({ Priority: 50000, Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/*'] } }] });
    const second = deployRequests(env, lbws('admin', 'admin'), ['subnet-a']);
    expect(calls(second)).not.toContain('elbv2.CreateLoadBalancer');
    expect(byCall(second, 'elbv2.CreateRule')[0]).toMatchObject({ Priority: 1, Conditions: [{ PathPatternConfig: { Values: ['/admin', '/admin/*'] } }] });
    const third = deployRequests(env, lbws('blog', '/blog'), ['subnet-a']);
    expect(byCall(third, 'elbv2.CreateRule')[0]!.Priority).toBe(2);
    expect(env).toEqual({ loadBalancer: true, rules: 2 });
  });

  it('a service without http neither makes nor changes the load balancer', () => {
    const env: EnvironmentState = { loadBalancer: false, rules: 0 };
    expect(calls(deployRequests(env, backend(), ['subnet-a']))).toEqual(['ecs.RegisterTaskDefinition', 'servicediscovery.CreateService', 'ecs.CreateService']);
    expect(env).toEqual({ loadBalancer: false, rules: 0 });
  });

  it('every request names by ${call:…} only requests made before it (the environment’s, then its own)', () => {
    const env: EnvironmentState = { loadBalancer: false, rules: 0 };
    const all = [
      ...environmentRequests('forum', 'test'),
      ...deployRequests(env, lbws('web', '/', 'count:\n  range: 1-4\n  requests: 100\n'), ['subnet-a']),
      ...deployRequests(env, lbws('admin', '/admin', '', 'http:\n  path: /admin\n  additional_rules:\n    - path: /ops\n'), ['subnet-a']),
      ...deployRequests(env, plan('name: nightly\ntype: Scheduled Job\nimage:\n  location: busybox\non:\n  schedule: "@daily"\n'), ['subnet-a']),
      ...deployRequests(env, backend('', 'build: Dockerfile'), ['subnet-a']),
    ];
    const seen = new Set<string>();
    const refs: string[] = [];
    for (const r of all) {
      for (const ref of refsOf(r)) {
        expect(seen.has(ref), `${r.id} names ${ref}`).toBe(true);
        refs.push(ref);
      }
      expect(seen.has(r.id), `${r.id} is named once`).toBe(false);
      seen.add(r.id);
    }
    expect(refs).toContain('copilot:forum/test:lb');
    expect(refs).toContain('copilot:forum/test/admin:targetGroup-2');
    expect(refs).toContain('copilot:forum/test:cluster');
  });
});

describe('workloadRequests', () => {
  it('a Load Balanced Web Service: task definition, Cloud Map service with A and SRV, target group, its attributes, rule, service', () => {
    const p = lbws('web', '/', '', 'http:\n  path: /\n  healthcheck:\n    path: /health\n    interval: 10s\n    timeout: 2s\n    healthy_threshold: 2\n  deregistration_delay: 5s\n');
    const rs = workloadRequests(p, { subnets: ['subnet-a', 'subnet-b'], rulePriorities: [50000] });
    expect(rs.map((r) => r.id)).toEqual([
      'copilot:forum/test/web:taskDefinition',
      'copilot:forum/test/web:discovery',
      'copilot:forum/test/web:targetGroup',
      'copilot:forum/test/web:targetGroupAttributes',
      'copilot:forum/test/web:rule',
      'copilot:forum/test/web:service',
    ]);
    expect(rs[0]!.input).toBe(p.taskDefinition);
    expect(rs[1]!.input).toEqual({
      Name: 'web',
      NamespaceId: '${call:copilot:forum/test:namespace.NamespaceId}',
      DnsConfig: {
        RoutingPolicy: 'MULTIVALUE',
        DnsRecords: [
          { Type: 'A', TTL: 10 },
          { Type: 'SRV', TTL: 10 },
        ],
      },
      HealthCheckCustomConfig: { FailureThreshold: 1 },
    });
    expect(rs[2]!.input).toEqual({
      Name: 'forum-test-web',
      Port: 8080,
      TargetType: 'ip',
      HealthCheckPath: '/health',
      HealthCheckIntervalSeconds: 10,
      HealthCheckTimeoutSeconds: 2,
      HealthyThresholdCount: 2,
      UnhealthyThresholdCount: 2,
      Matcher: { HttpCode: '200' },
    });
    expect(rs[3]!.input).toEqual({ TargetGroupArn: '${call:copilot:forum/test/web:targetGroup.TargetGroups[0].TargetGroupArn}', Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '5' }] });
    expect(rs[5]!.input).toMatchObject({
      cluster: 'forum-test',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a', 'subnet-b'], assignPublicIp: 'ENABLED' } },
      serviceRegistries: [{ registryArn: '${call:copilot:forum/test/web:discovery.Service.Arn}', port: 8080 }],
      loadBalancers: [{ targetGroupArn: '${call:copilot:forum/test/web:targetGroup.TargetGroups[0].TargetGroupArn}', containerName: 'web', containerPort: 8080 }],
    });
  });

  it('additional rules get their own target group and rule, at the priorities given, and the service one load balancer entry each', () => {
    const p = lbws('web', '/', '', 'http:\n  path: /\n  additional_rules:\n    - path: /admin\n      target_port: 8081\n');
    const rs = workloadRequests(p, { subnets: ['s'], rulePriorities: [50000, 7] });
    expect(rs.map((r) => r.id.split(':').pop())).toEqual(['taskDefinition', 'discovery', 'targetGroup', 'targetGroupAttributes', 'rule', 'targetGroup-2', 'targetGroupAttributes-2', 'rule-2', 'service']);
    expect(byCall(rs, 'elbv2.CreateRule').map((r) => r.Priority)).toEqual([50000, 7]);
    expect((byCall(rs, 'ecs.CreateService')[0]!.loadBalancers as { containerPort: number }[]).map((l) => l.containerPort)).toEqual([8080, 8081]);
    // Without priorities given, a rule that is not at / takes 1.
    expect(byCall(workloadRequests(lbws('a', '/a'), { subnets: ['s'] }), 'elbv2.CreateRule')[0]!.Priority).toBe(1);
  });

  it('a backend without a port has an A record only and a registry without a port; private placement assigns no public IP', () => {
    const rs = workloadRequests(backend('network:\n  vpc:\n    placement: private\n'), { subnets: ['s'] });
    expect(byCall(rs, 'servicediscovery.CreateService')[0]!.DnsConfig).toEqual({ RoutingPolicy: 'MULTIVALUE', DnsRecords: [{ Type: 'A', TTL: 10 }] });
    expect(byCall(rs, 'ecs.CreateService')[0]).toMatchObject({ serviceRegistries: [{ registryArn: '${call:copilot:forum/test/api:discovery.Service.Arn}' }], networkConfiguration: { awsvpcConfiguration: { assignPublicIp: 'DISABLED' } } });
    expect(byCall(rs, 'ecs.CreateService')[0]!.loadBalancers).toBeUndefined();
  });

  it('scaling: a scalable target and a policy per metric; requests per target only with a load balancer, labelled with its and the target group’s ARNs', () => {
    const count = 'count:\n  range: 1-4\n  cpu_percentage: 70\n  requests: 100\n';
    const without = workloadRequests(backend(count), { subnets: ['s'] });
    expect(byCall(without, 'applicationautoscaling.RegisterScalableTarget')).toEqual([{ ServiceNamespace: 'ecs', ResourceId: 'service/forum-test/api', ScalableDimension: 'ecs:service:DesiredCount', MinCapacity: 1, MaxCapacity: 4 }]);
    expect(byCall(without, 'applicationautoscaling.PutScalingPolicy').map((x) => x.PolicyName)).toEqual(['api-ECSServiceAverageCPUUtilization']);
    const withLb = workloadRequests(lbws('web', '/', count), { subnets: ['s'] });
    const policies = byCall(withLb, 'applicationautoscaling.PutScalingPolicy');
    expect(policies.map((x) => x.PolicyName)).toEqual(['web-ECSServiceAverageCPUUtilization', 'web-ALBRequestCountPerTarget']);
    expect(policies[1]!.TargetTrackingScalingPolicyConfiguration).toEqual({
      TargetValue: 100,
      PredefinedMetricSpecification: {
        PredefinedMetricType: 'ALBRequestCountPerTarget',
        ResourceLabel: '${call:copilot:forum/test:lb.LoadBalancers[0].LoadBalancerArn|after:loadbalancer/}/targetgroup/${call:copilot:forum/test/web:targetGroup.TargetGroups[0].TargetGroupArn|after::targetgroup/}',
      },
      ScaleInCooldown: 120,
      ScaleOutCooldown: 60,
    });
  });

  it('a Scheduled Job is an EventBridge rule on its schedule targeting the cluster, in EventBridge’s shape; without a schedule, only its task definition', () => {
    const job = (schedule: string) => plan(`name: nightly\ntype: Scheduled Job\nimage:\n  location: busybox\non:\n  schedule: "${schedule}"\n`);
    const rs = workloadRequests(job('@daily'), { subnets: ['s-1'] });
    expect(calls(rs)).toEqual(['ecs.RegisterTaskDefinition', 'events.PutRule', 'events.PutTargets']);
    expect(rs[1]!.input).toEqual({ Name: 'forum-test-nightly', ScheduleExpression: 'cron(0 0 * * ? *)' });
    expect(rs[2]!.input).toEqual({
      Rule: 'forum-test-nightly',
      Targets: [
        {
          Id: 'nightly',
          Arn: '${call:copilot:forum/test:cluster.cluster.clusterArn}',
          EcsParameters: {
            TaskDefinitionArn: '${call:copilot:forum/test/nightly:taskDefinition.taskDefinition.taskDefinitionArn}',
            TaskCount: 1,
            LaunchType: 'FARGATE',
            NetworkConfiguration: { awsvpcConfiguration: { Subnets: ['s-1'], AssignPublicIp: 'ENABLED' } },
          },
        },
      ],
    });
    expect(calls(workloadRequests(job('none'), { subnets: ['s-1'] }))).toEqual(['ecs.RegisterTaskDefinition']);
  });
});

describe('image.build and the registry', () => {
  const built = backend('', 'build: Dockerfile');

  it('creates the repository and pushes the image before the task definition, unless the registry has them', () => {
    const rs = workloadRequests(built, { subnets: ['s'] });
    expect(rs.slice(0, 2)).toEqual([
      { id: 'copilot:forum/test/api:repository', call: 'ecr.CreateRepository', input: { repositoryName: 'forum/api' } },
      { id: 'copilot:forum/test/api:image', call: 'ecr.PutImage', input: { repositoryName: 'forum/api', imageTag: 'latest', imageManifest: built.image!.manifest } },
    ]);
    expect(calls(workloadRequests(built, { subnets: ['s'], registry: pushedBy(built) }))[0]).toBe('ecs.RegisterTaskDefinition');
    // The repository exists but holds another image: only the push.
    expect(calls(workloadRequests(built, { subnets: ['s'], registry: { repositories: ['forum/api'], pushed: ['forum/api:latest@sha256:0'] } })).slice(0, 2)).toEqual(['ecr.PutImage', 'ecs.RegisterTaskDefinition']);
  });

  it('pushedBy is the plan’s repository and image by digest, and nothing without image.build', () => {
    const r = pushedBy(built);
    expect(r.repositories).toEqual(['forum/api']);
    expect(r.pushed).toEqual([expect.stringMatching(/^forum\/api:latest@sha256:[0-9a-f]{64}$/)]);
    expect(pushedBy(backend())).toEqual({ repositories: [], pushed: [] });
  });
});
