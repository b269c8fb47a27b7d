import { manifestDigest } from '../../sim';
import type { CopilotPlan } from './plan';
import { pathPatterns, targetGroupName, type ListenerRulePlan } from './http';

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
      id: envId(app, env, 'listener'),
      call: 'elbv2.CreateListener',
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
      id: id('targets'),
      call: 'events.PutTargets',
      input: {
        Rule: rule,
        Targets: [
          {
            Id: name,
            Arn: `\${call:${envId(app, env, 'cluster')}.cluster.clusterArn}`,
            EcsParameters: {
              TaskDefinitionArn: `\${call:${id('taskDefinition')}.taskDefinition.taskDefinitionArn}`,
              TaskCount: 1,
              LaunchType: 'FARGATE',
              // EventBridge's shape: awsvpcConfiguration with Subnets and AssignPublicIp (not ECS's subnets, assignPublicIp).
              NetworkConfiguration: { awsvpcConfiguration: { Subnets: subnets, AssignPublicIp: assignPublicIp } },
            },
          },
        ],
      },
    },
  ];
}

/** The target group, its deregistration delay and the listener rule for one of the service's paths (`n`: 0 for http, i for additional_rules[i − 1]). */
function targetGroupRequests(plan: CopilotPlan, lb: ListenerRulePlan, rulePriority: number | undefined, n = 0): PlanRequest[] {
  const { app, env, name } = plan;
  const id = (what: string) => idOf(plan)(n === 0 ? what : `${what}-${n + 1}`);
  const tgName = targetGroupName(app, env, name, n);
  return [
    {
      id: id('targetGroup'),
      call: 'elbv2.CreateTargetGroup',
      input: {
        Name: tgName,
        Port: lb.port,
        TargetType: 'ip',
        HealthCheckPath: lb.healthCheck.path,
        HealthCheckIntervalSeconds: lb.healthCheck.intervalSeconds,
        HealthCheckTimeoutSeconds: lb.healthCheck.timeoutSeconds,
        HealthyThresholdCount: lb.healthCheck.healthyThreshold,
        UnhealthyThresholdCount: lb.healthCheck.unhealthyThreshold,
        Matcher: { HttpCode: lb.healthCheck.successCodes },
      },
    },
    {
      id: id('targetGroupAttributes'),
      call: 'elbv2.ModifyTargetGroupAttributes',
      input: { TargetGroupArn: `\${call:${id('targetGroup')}.TargetGroups[0].TargetGroupArn}`, Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: String(lb.deregistrationDelaySeconds) }] },
    },
    {
      id: id('rule'),
      call: 'elbv2.CreateRule',
      input: {
        ListenerArn: `\${call:${envId(app, env, 'listener')}.Listeners[0].ListenerArn}`,
        Priority: lb.path === '/' ? 50000 : (rulePriority ?? 1),
        Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: pathPatterns(lb.path) } }],
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
      id: id(`policy-${p.metric}`),
      call: 'applicationautoscaling.PutScalingPolicy',
      input: {
        ...target,
        PolicyName: `${name}-${p.metric}`,
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingScalingPolicyConfiguration: { TargetValue: p.target, PredefinedMetricSpecification: predefined, ScaleInCooldown: p.scaleInCooldown, ScaleOutCooldown: p.scaleOutCooldown },
      },
    });
  }
  return out;
}

/**
 * image.build: the service's ECR repository (copilot creates it with the service, once for every environment) and
 * the push of the image it built (the manifest, as a push ends with PutImage).
 */
function imageRequests(plan: CopilotPlan, registry: Registry): PlanRequest[] {
  const image = plan.image;
  if (!image) return [];
  const id = idOf(plan);
  // Pushing an image the repository already has under that tag changes nothing (docker push says every layer exists).
  const pushed = registry.pushed.includes(`${image.repository}:${image.tag}@${manifestDigest(image.manifest)}`);
  return [
    ...(registry.repositories.includes(image.repository) ? [] : [{ id: id('repository'), call: 'ecr.CreateRepository', input: { repositoryName: image.repository } }]),
    ...(pushed ? [] : [{ id: id('image'), call: 'ecr.PutImage', input: { repositoryName: image.repository, imageTag: image.tag, imageManifest: image.manifest } }]),
  ];
}

/** What the account's ECR registry holds: repository names, and the images in them as `<repository>:<tag>@<digest>`. */
export interface Registry {
  repositories: readonly string[];
  pushed: readonly string[];
}

const EMPTY_REGISTRY: Registry = { repositories: [], pushed: [] };

/** What a deployment of this plan leaves in the registry: its repository and its image (none without image.build). */
export function pushedBy(plan: CopilotPlan): Registry {
  const i = plan.image;
  return i ? { repositories: [i.repository], pushed: [`${i.repository}:${i.tag}@${manifestDigest(i.manifest)}`] } : EMPTY_REGISTRY;
}

/**
 * What `copilot svc deploy` (or `job deploy`) creates, as requests the engine accepts. `opts.subnets` are the
 * environment's public subnets; `opts.rulePriorities` order the service's listener rules (http, then each of its
 * additional_rules) among the environment's (a rule at '/' takes the last priority, so longer paths match first).
 */
export function workloadRequests(plan: CopilotPlan, opts: { subnets: string[]; rulePriorities?: number[]; registry?: Registry }): PlanRequest[] {
  const { app, env, name } = plan;
  const id = idOf(plan);
  const out: PlanRequest[] = [...imageRequests(plan, opts.registry ?? EMPTY_REGISTRY), { id: id('taskDefinition'), call: 'ecs.RegisterTaskDefinition', input: plan.taskDefinition }];
  const port = plan.loadBalancer?.port ?? (plan.taskDefinition.containerDefinitions as { portMappings?: { containerPort: number }[] }[])[0]?.portMappings?.[0]?.containerPort;
  const assignPublicIp = (plan.service?.networkConfiguration as { awsvpcConfiguration: { assignPublicIp: string } } | undefined)?.awsvpcConfiguration.assignPublicIp ?? 'ENABLED';
  if (plan.type === 'Scheduled Job') return [...out, ...jobRequests(plan, assignPublicIp, opts.subnets)];
  const service: Record<string, unknown> = { ...plan.service, cluster: plan.cluster, networkConfiguration: { awsvpcConfiguration: { subnets: opts.subnets, assignPublicIp } } };
  out.push({
    id: id('discovery'),
    call: 'servicediscovery.CreateService',
    // A and, with a port, SRV records, TTL 10 s, MULTIVALUE (ecs-spec §10.4).
    input: {
      Name: name,
      NamespaceId: `\${call:${envId(app, env, 'namespace')}.NamespaceId}`,
      DnsConfig: { RoutingPolicy: 'MULTIVALUE', DnsRecords: [{ Type: 'A', TTL: 10 }, ...(port !== undefined ? [{ Type: 'SRV', TTL: 10 }] : [])] },
      HealthCheckCustomConfig: { FailureThreshold: 1 },
    },
  });
  service.serviceRegistries = [{ registryArn: `\${call:${id('discovery')}.Service.Arn}`, ...(port !== undefined ? { port } : {}) }];
  const rules = plan.loadBalancer ? [plan.loadBalancer, ...(plan.additionalRules ?? [])] : [];
  const loadBalancers = rules.map((lb, n) => {
    out.push(...targetGroupRequests(plan, lb, opts.rulePriorities?.[n], n));
    const tg = id(n === 0 ? 'targetGroup' : `targetGroup-${n + 1}`);
    return { targetGroupArn: `\${call:${tg}.TargetGroups[0].TargetGroupArn}`, containerName: lb.containerName, containerPort: lb.port };
  });
  if (loadBalancers.length) service.loadBalancers = loadBalancers;
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
 * the first service that needs it, then the workload. `registry` is what the account's ECR registry holds already (a
 * service deployed to another environment has its repository and image). Updates `env` to what the deployment adds.
 */
export function deployRequests(env: EnvironmentState, plan: CopilotPlan, subnets: string[], registry: Registry = EMPTY_REGISTRY): PlanRequest[] {
  const out: PlanRequest[] = [];
  if (plan.loadBalancer && !env.loadBalancer) {
    env.loadBalancer = true;
    out.push(...loadBalancerRequests(plan.app, plan.env));
  }
  const rulePriorities = (plan.loadBalancer ? [plan.loadBalancer, ...(plan.additionalRules ?? [])] : []).map((r) => (r.path === '/' ? 50000 : ++env.rules));
  out.push(...workloadRequests(plan, { subnets, rulePriorities, registry }));
  return out;
}
