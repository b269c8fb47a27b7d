import type { CopilotPlan } from './plan';

/** One request in the order the engine takes it; `id` names the call so later requests can use its output. */
export interface PlanRequest {
  id: string;
  call: string;
  input: Record<string, unknown>;
}

/** Ids of the environment-wide requests: the cluster, the Cloud Map namespace and the shared load balancer. */
const envId = (app: string, env: string, what: string) => `copilot:${app}/${env}:${what}`;

/**
 * What `copilot env deploy` creates for an environment, as requests: the cluster with both Fargate capacity
 * providers and the private DNS namespace <env>.<app>.local. The shared load balancer comes with the first
 * Load Balanced Web Service (deployRequests).
 */
export function environmentRequests(app: string, env: string): PlanRequest[] {
  return [
    { id: envId(app, env, 'cluster'), call: 'ecs.CreateCluster', input: { clusterName: `${app}-${env}`, capacityProviders: ['FARGATE', 'FARGATE_SPOT'] } },
    { id: envId(app, env, 'namespace'), call: 'servicediscovery.CreatePrivateDnsNamespace', input: { Name: `${env}.${app}.local` } },
  ];
}

/** The environment's shared Application Load Balancer and its HTTP listener (404 until a rule matches). */
function loadBalancerRequests(app: string, env: string): PlanRequest[] {
  return [
    { id: envId(app, env, 'lb'), call: 'elbv2.CreateLoadBalancer', input: { Name: `${app}-${env}-alb`.slice(0, 32) } },
    {
      id: envId(app, env, 'listener'), call: 'elbv2.CreateListener',
      input: { LoadBalancerArn: `\${call:${envId(app, env, 'lb')}.LoadBalancers[0].LoadBalancerArn}`, Port: 80, DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404', ContentType: 'text/plain' } }] },
    },
  ];
}

/** Names the requests of one workload (`copilot:<app>/<env>/<name>:<step>`), so later ones can use earlier outputs. */
const idOf = (plan: CopilotPlan) => (what: string) => `copilot:${plan.app}/${plan.env}/${plan.name}:${what}`;

/** A Scheduled Job: an EventBridge rule on the schedule, targeting the cluster with the job's task. */
function jobRequests(plan: CopilotPlan, assignPublicIp: string, subnets: string[]): PlanRequest[] {
  const { app, env, name } = plan;
  const id = idOf(plan);
  if (!plan.schedule?.expression) return [];
  const rule = `${app}-${env}-${name}`.slice(0, 64);
  return [
    { id: id('rule'), call: 'events.PutRule', input: { Name: rule, ScheduleExpression: plan.schedule.expression } },
    {
      id: id('targets'), call: 'events.PutTargets',
      input: {
        Rule: rule,
        Targets: [{
          Id: name, Arn: `\${call:${envId(app, env, 'cluster')}.cluster.clusterArn}`,
          EcsParameters: {
            TaskDefinitionArn: `\${call:${id('taskDefinition')}.taskDefinition.taskDefinitionArn}`, TaskCount: 1, LaunchType: 'FARGATE',
            // EventBridge's shape: awsvpcConfiguration with Subnets and AssignPublicIp (not ECS's subnets, assignPublicIp).
            NetworkConfiguration: { awsvpcConfiguration: { Subnets: subnets, AssignPublicIp: assignPublicIp } },
          },
        }],
      },
    },
  ];
}

/** The target group, its deregistration delay and the listener rule for the service's path. */
function targetGroupRequests(plan: CopilotPlan, lb: NonNullable<CopilotPlan['loadBalancer']>, rulePriority: number | undefined): PlanRequest[] {
  const { app, env, name } = plan;
  const id = idOf(plan);
  const tgName = `${app}-${env}-${name}`.replace(/[^A-Za-z0-9-]/g, '-').slice(0, 32).replace(/-+$/, '');
  return [
    {
      id: id('targetGroup'), call: 'elbv2.CreateTargetGroup',
      input: {
        Name: tgName, Port: lb.port, TargetType: 'ip', HealthCheckPath: lb.healthCheck.path, HealthCheckIntervalSeconds: lb.healthCheck.intervalSeconds,
        HealthCheckTimeoutSeconds: lb.healthCheck.timeoutSeconds, HealthyThresholdCount: lb.healthCheck.healthyThreshold,
        UnhealthyThresholdCount: lb.healthCheck.unhealthyThreshold, Matcher: { HttpCode: lb.healthCheck.successCodes },
      },
    },
    {
      id: id('targetGroupAttributes'), call: 'elbv2.ModifyTargetGroupAttributes',
      input: { TargetGroupArn: `\${call:${id('targetGroup')}.TargetGroups[0].TargetGroupArn}`, Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: String(lb.deregistrationDelaySeconds) }] },
    },
    {
      id: id('rule'), call: 'elbv2.CreateRule',
      input: {
        ListenerArn: `\${call:${envId(app, env, 'listener')}.Listeners[0].ListenerArn}`,
        Priority: lb.path === '/' ? 50000 : (rulePriority ?? 1),
        Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: lb.path === '/' ? ['/*'] : [lb.path, `${lb.path.replace(/\/$/, '')}/*`] } }],
        Actions: [{ Type: 'forward', TargetGroupArn: `\${call:${id('targetGroup')}.TargetGroups[0].TargetGroupArn}` }],
      },
    },
  ];
}

/** The scalable target and a target-tracking policy per metric (requests per target only with a load balancer). */
function scalingRequests(plan: CopilotPlan, scaling: NonNullable<CopilotPlan['scaling']>): PlanRequest[] {
  const { app, env, name } = plan;
  const id = idOf(plan);
  const target = { ServiceNamespace: 'ecs', ResourceId: `service/${plan.cluster}/${name}`, ScalableDimension: 'ecs:service:DesiredCount' };
  const out: PlanRequest[] = [{ id: id('scalableTarget'), call: 'applicationautoscaling.RegisterScalableTarget', input: { ...target, MinCapacity: scaling.min, MaxCapacity: scaling.max } }];
  for (const p of scaling.policies) {
    // Requests per target are counted at the environment's load balancer, for this service's target group.
    if (p.metric === 'ALBRequestCountPerTarget' && !plan.loadBalancer) continue;
    const predefined = {
      PredefinedMetricType: p.metric,
      ...(p.metric === 'ALBRequestCountPerTarget'
        ? { ResourceLabel: `\${call:${envId(app, env, 'lb')}.LoadBalancers[0].LoadBalancerArn|after:loadbalancer/}/targetgroup/\${call:${id('targetGroup')}.TargetGroups[0].TargetGroupArn|after::targetgroup/}` }
        : {}),
    };
    out.push({
      id: id(`policy-${p.metric}`), call: 'applicationautoscaling.PutScalingPolicy',
      input: {
        ...target, PolicyName: `${name}-${p.metric}`, PolicyType: 'TargetTrackingScaling',
        TargetTrackingScalingPolicyConfiguration: { TargetValue: p.target, PredefinedMetricSpecification: predefined, ScaleInCooldown: p.scaleInCooldown, ScaleOutCooldown: p.scaleOutCooldown },
      },
    });
  }
  return out;
}

/**
 * What `copilot svc deploy` (or `job deploy`) creates, as requests the engine accepts. `opts.subnets` are the
 * environment's public subnets; `opts.rulePriority` orders the service's listener rule among the environment's
 * (a service at '/' takes the last priority, so longer paths match first).
 */
export function workloadRequests(plan: CopilotPlan, opts: { subnets: string[]; rulePriority?: number }): PlanRequest[] {
  const { app, env, name } = plan;
  const id = idOf(plan);
  const out: PlanRequest[] = [{ id: id('taskDefinition'), call: 'ecs.RegisterTaskDefinition', input: plan.taskDefinition }];
  const port = plan.loadBalancer?.port ?? ((plan.taskDefinition.containerDefinitions as { portMappings?: { containerPort: number }[] }[])[0]?.portMappings?.[0]?.containerPort);
  const assignPublicIp = (plan.service?.networkConfiguration as { awsvpcConfiguration: { assignPublicIp: string } } | undefined)?.awsvpcConfiguration.assignPublicIp ?? 'ENABLED';
  if (plan.type === 'Scheduled Job') return [...out, ...jobRequests(plan, assignPublicIp, opts.subnets)];
  const service: Record<string, unknown> = { ...plan.service, cluster: plan.cluster, networkConfiguration: { awsvpcConfiguration: { subnets: opts.subnets, assignPublicIp } } };
  out.push({
    id: id('discovery'), call: 'servicediscovery.CreateService',
    // A and, with a port, SRV records, TTL 10 s, MULTIVALUE (ecs-spec §10.4).
    input: {
      Name: name, NamespaceId: `\${call:${envId(app, env, 'namespace')}.NamespaceId}`,
      DnsConfig: { RoutingPolicy: 'MULTIVALUE', DnsRecords: [{ Type: 'A', TTL: 10 }, ...(port !== undefined ? [{ Type: 'SRV', TTL: 10 }] : [])] },
      HealthCheckCustomConfig: { FailureThreshold: 1 },
    },
  });
  service.serviceRegistries = [{ registryArn: `\${call:${id('discovery')}.Service.Arn}`, ...(port !== undefined ? { port } : {}) }];
  const lb = plan.loadBalancer;
  if (lb) {
    out.push(...targetGroupRequests(plan, lb, opts.rulePriority));
    service.loadBalancers = [{ targetGroupArn: `\${call:${id('targetGroup')}.TargetGroups[0].TargetGroupArn}`, containerName: name, containerPort: lb.port }];
  }
  out.push({ id: id('service'), call: 'ecs.CreateService', input: service });
  if (plan.scaling) out.push(...scalingRequests(plan, plan.scaling));
  return out;
}

/** What an environment already has, as deployments add to it. */
export interface EnvironmentState {
  /** The shared load balancer exists (created with the first Load Balanced Web Service). */
  loadBalancer: boolean;
  /** Listener rules placed so far for paths other than '/'. */
  rules: number;
}

/**
 * The requests of `copilot svc deploy` into an environment that already exists: its load balancer first when this is
 * the first service that needs it, then the workload. Updates `env` to what the deployment adds.
 */
export function deployRequests(env: EnvironmentState, plan: CopilotPlan, subnets: string[]): PlanRequest[] {
  const out: PlanRequest[] = [];
  if (plan.loadBalancer && !env.loadBalancer) {
    env.loadBalancer = true;
    out.push(...loadBalancerRequests(plan.app, plan.env));
  }
  if (plan.loadBalancer && plan.loadBalancer.path !== '/') env.rules++;
  out.push(...workloadRequests(plan, { subnets, rulePriority: env.rules }));
  return out;
}
