import { durationSeconds, parseYaml } from './yamlDoc';
import type { Problem } from './problem';

/**
 * AWS Copilot manifests (ecs-spec §10): parse and validate the workload types that run on ECS, apply
 * environment overrides, and translate a manifest into what `copilot svc deploy` creates — shown to the
 * learner as a list, and as the requests the engine accepts. Copilot reached end of support in June
 * 2026; the sandbox teaches it as "the whole architecture as one manifest".
 */

export const WORKLOAD_TYPES = ['Load Balanced Web Service', 'Backend Service', 'Worker Service', 'Scheduled Job'] as const;
export type WorkloadType = (typeof WORKLOAD_TYPES)[number];

export interface Manifest {
  name: string;
  type: WorkloadType | 'Environment';
  raw: Record<string, unknown>;
}

const NOT_ECS: Record<string, string> = {
  'request-driven web service': 'A Request-Driven Web Service runs on AWS App Runner, not on Amazon ECS; the sandbox simulates ECS workloads. Use a Load Balanced Web Service.',
  'static site': 'A Static Site is served from Amazon S3 and CloudFront, not from Amazon ECS; the sandbox simulates ECS workloads.',
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses a workload or environment manifest. Never throws: every problem names its line and member. */
export function parseManifest(text: string, file = 'manifest.yml'): { manifest?: Manifest; problems: Problem[] } {
  const doc = parseYaml(text, file);
  const problems: Problem[] = [];
  const problem = (path: (string | number)[], message: string, severity: 'error' | 'warning' = 'error', key = false) =>
    problems.push({ file, ...doc.at(path, key), member: path.join('.'), message, severity });
  problems.push(...doc.errors);
  if (doc.errors.length) return { problems };
  const raw = doc.data;
  if (!isObj(raw)) {
    problems.push({ file, line: 1, column: 1, member: '', message: 'A manifest is a mapping of fields (name, type, …).', severity: 'error' });
    return { problems };
  }
  const typeText = raw.type;
  if (typeof typeText !== 'string') {
    problem(['type'], 'type is required: one of Load Balanced Web Service, Backend Service, Worker Service, Scheduled Job, or Environment.');
    return { problems };
  }
  const lower = typeText.toLowerCase();
  if (NOT_ECS[lower]) {
    problem(['type'], NOT_ECS[lower]!);
    return { problems };
  }
  let type: Manifest['type'] | undefined = [...WORKLOAD_TYPES, 'Environment' as const].find((t) => t.toLowerCase() === lower);
  if (!type) {
    problem(['type'], `Unknown manifest type '${typeText}'. Valid types: ${WORKLOAD_TYPES.join(', ')}, Environment.`);
    return { problems };
  }
  if (type !== typeText) problem(['type'], `type '${typeText}' is read as '${type}'.`, 'warning');
  const name = raw.name;
  if (typeof name !== 'string' || !/^[a-z][a-z0-9-]{0,39}$/i.test(name)) {
    problem(['name'], 'name is required: letters, numbers and hyphens, starting with a letter.');
  }
  if (type !== 'Environment') checkWorkload(raw, type, problem);
  if (problems.some((p) => p.severity === 'error')) return { problems };
  return { manifest: { name: name as string, type, raw }, problems };
}

function checkWorkload(raw: Obj, type: WorkloadType, problem: (path: (string | number)[], message: string, severity?: 'error' | 'warning', key?: boolean) => void): void {
  const image = raw.image;
  if (!isObj(image)) problem(['image'], 'image is required, with build (a Dockerfile) or location (an image URI).');
  else {
    if (image.build !== undefined && image.location !== undefined) problem(['image'], 'image.build and image.location are mutually exclusive.');
    if (image.build === undefined && image.location === undefined) problem(['image'], 'image needs build (a Dockerfile) or location (an image URI).');
    if (type === 'Load Balanced Web Service' && image.port === undefined && raw.http !== false) problem(['image', 'port'], 'image.port is required for a Load Balanced Web Service.');
    if (image.port !== undefined && (typeof image.port !== 'number' || image.port < 1 || image.port > 65535)) problem(['image', 'port'], 'image.port must be a port number.');
  }
  for (const k of ['cpu', 'memory'] as const) {
    if (raw[k] !== undefined && typeof raw[k] !== 'number') problem([k], `${k} must be a number.`);
  }
  const count = raw.count;
  if (count !== undefined && typeof count !== 'number' && !isObj(count)) problem(['count'], 'count is a number or a map (range, spot, cpu_percentage, …).');
  if (isObj(count) && typeof count.range === 'string' && !/^\d+-\d+$/.test(count.range)) problem(['count', 'range'], "count.range is written 'min-max', for example 1-10.");
  if (type === 'Scheduled Job') {
    const on = raw.on;
    if (!isObj(on) || typeof on.schedule !== 'string') problem(['on'], 'A Scheduled Job needs on.schedule (@daily, @every 5h, a cron expression, or none).');
    else if (scheduleExpression(on.schedule) === undefined) problem(['on', 'schedule'], `Unknown schedule '${on.schedule}'.`);
  }
  const topics = (raw.publish as { topics?: { name?: string }[] } | undefined)?.topics;
  if (Array.isArray(topics)) {
    const seen = new Set<string>();
    topics.forEach((t, i) => {
      if (t?.name && seen.has(t.name)) problem(['publish', 'topics', i, 'name'], `topic '${t.name}' is listed twice.`, 'warning');
      if (t?.name) seen.add(t.name);
    });
  }
  if (isObj(raw.environments)) {
    for (const env of Object.keys(raw.environments)) {
      if (!isObj(raw.environments[env])) problem(['environments', env], `environments.${env} must be a map of overrides.`);
    }
  }
}

/** Copilot's overrides: an environment's fields replace the base's, maps merging recursively. */
export function withEnvironment(raw: Obj, env: string): Obj {
  const merge = (a: unknown, b: unknown): unknown => {
    if (!isObj(a) || !isObj(b)) return b === undefined ? a : b;
    const out: Obj = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = merge(a[k], v);
    return out;
  };
  const { environments, ...base } = raw;
  const over = isObj(environments) ? environments[env] : undefined;
  return merge(base, over) as Obj;
}

/** @daily / @every 5h / 5-field cron / rate() → an EventBridge schedule expression; 'none' → null. */
export function scheduleExpression(s: string): string | null | undefined {
  const t = s.trim();
  const presets: Record<string, string> = {
    '@yearly': 'cron(0 0 1 1 ? *)', '@annually': 'cron(0 0 1 1 ? *)', '@monthly': 'cron(0 0 1 * ? *)',
    '@weekly': 'cron(0 0 ? * 1 *)', '@daily': 'cron(0 0 * * ? *)', '@midnight': 'cron(0 0 * * ? *)', '@hourly': 'cron(0 * * * ? *)',
  };
  if (t === 'none') return null;
  if (presets[t]) return presets[t];
  const every = /^@every (\d+)(m|h)$/.exec(t);
  if (every) {
    const n = Number(every[1]);
    const unit = every[2] === 'm' ? 'minute' : 'hour';
    return `rate(${n} ${unit}${n === 1 ? '' : 's'})`;
  }
  if (/^(rate|cron)\(.+\)$/.test(t)) return t;
  const f = t.split(/\s+/);
  if (f.length === 5) {
    // Unix cron (minute hour day-of-month month day-of-week) → AWS six fields with '?' for one day field.
    const [min, hour, dom, mon, dow] = f as [string, string, string, string, string];
    return dow === '*' ? `cron(${min} ${hour} ${dom} ${mon} ? *)` : `cron(${min} ${hour} ? ${mon} ${dow} *)`;
  }
  return undefined;
}

export interface CopilotPlan {
  app: string;
  env: string;
  name: string;
  type: WorkloadType;
  /** What `copilot svc deploy` creates, in words, for the learner to review. */
  resources: string[];
  /** What does not carry over into the simulation, or needs a step first. */
  findings: string[];
  cluster: string;
  taskDefinition: Obj;
  service?: Obj;
  loadBalancer?: { path: string; port: number; healthCheck: { path: string; healthyThreshold: number; unhealthyThreshold: number; intervalSeconds: number; timeoutSeconds: number; successCodes: string }; deregistrationDelaySeconds: number };
  scaling?: { min: number; max: number; policies: { metric: 'ECSServiceAverageCPUUtilization' | 'ECSServiceAverageMemoryUtilization' | 'ALBRequestCountPerTarget'; target: number; scaleInCooldown: number; scaleOutCooldown: number }[] };
  schedule?: { expression: string | null; retries: number; timeoutSeconds?: number };
  discovery: { namespace: string; name: string; endpoint: string };
  endpoints: string[];
}

/** What `copilot svc deploy --env <env>` would create for a workload manifest [DOC: §10.3, CP defaults]. */
export function planDeployment(m: Manifest, app: string, env: string, opts: { account?: string; region?: string } = {}): CopilotPlan {
  if (m.type === 'Environment') throw new Error('An environment manifest is deployed with copilot env deploy, not svc deploy.');
  const account = opts.account ?? '123456789012';
  const region = opts.region ?? 'us-east-1';
  const r = withEnvironment(m.raw, env);
  const type = m.type;
  const name = m.name;
  const image = (r.image ?? {}) as Obj;
  const findings: string[] = [];
  const resources: string[] = [];
  let imageUri: string;
  if (image.location !== undefined) imageUri = String(image.location);
  else {
    imageUri = `${account}.dkr.ecr.${region}.amazonaws.com/${app}/${name}:latest`;
    findings.push(`image.build: copilot builds ${typeof image.build === 'string' ? image.build : 'the Dockerfile'} and pushes it to ECR repository ${app}/${name} before deploying.`);
    resources.push(`ECR repository ${app}/${name}`);
  }
  const port = typeof image.port === 'number' ? image.port : undefined;
  const cpu = (r.cpu as number | undefined) ?? 256;
  const memory = (r.memory as number | undefined) ?? 512;
  const variables = isObj(r.variables) ? r.variables : {};
  const environment = [
    ...Object.entries(variables).filter(([, v]) => typeof v !== 'object').map(([k, v]) => ({ name: k, value: String(v) })),
    { name: 'COPILOT_APPLICATION_NAME', value: app }, { name: 'COPILOT_ENVIRONMENT_NAME', value: env }, { name: 'COPILOT_SERVICE_NAME', value: name },
    { name: 'COPILOT_SERVICE_DISCOVERY_ENDPOINT', value: `${env}.${app}.local` },
  ];
  if (Object.values(variables).some((v) => typeof v === 'object')) findings.push('variables from CloudFormation outputs (from_cfn) are not simulated.');
  if (r.secrets !== undefined) findings.push('secrets: fetched from SSM Parameter Store or Secrets Manager at start; the sandbox passes no values.');
  if (r.sidecars !== undefined) findings.push('sidecars are added to the task definition as extra containers.');
  if (r.storage !== undefined) findings.push('storage (volumes, EFS, ephemeral size) is not simulated.');
  const containerDefinitions: Obj[] = [{
    name, image: imageUri, essential: true, environment,
    ...(port !== undefined ? { portMappings: [{ containerPort: port, protocol: 'tcp', name: `target` }] } : {}),
    logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': `/copilot/${app}-${env}-${name}`, 'awslogs-region': region, 'awslogs-stream-prefix': 'copilot' } },
  }];
  for (const [sname, sc] of Object.entries(isObj(r.sidecars) ? r.sidecars : {})) {
    if (!isObj(sc) || typeof sc.image !== 'string') continue;
    containerDefinitions.push({ name: sname, image: sc.image, essential: true, ...(typeof sc.port === 'number' ? { portMappings: [{ containerPort: sc.port, protocol: 'tcp' }] } : {}) });
  }
  const taskDefinition: Obj = {
    family: `${app}-${env}-${name}`, requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: String(cpu), memory: String(memory),
    executionRoleArn: `arn:aws:iam::${account}:role/${app}-${env}-${name}-ExecutionRole`, taskRoleArn: `arn:aws:iam::${account}:role/${app}-${env}-${name}-TaskRole`,
    containerDefinitions,
  };
  const cluster = `${app}-${env}`;
  resources.push(`ECS cluster ${cluster} (Fargate and Fargate Spot capacity providers)`, `Cloud Map namespace ${env}.${app}.local`);
  resources.push(`Task definition ${taskDefinition.family as string} (${cpu} CPU, ${memory} MiB, Fargate)`);
  const discovery = { namespace: `${env}.${app}.local`, name: `${name}.${env}.${app}.local`, endpoint: `${name}.${env}.${app}.local${port !== undefined ? `:${port}` : ''}` };
  const endpoints: string[] = [];
  const net = isObj(r.network) ? r.network : {};
  const connect = net.connect === true || isObj(net.connect);
  const alias = isObj(net.connect) && typeof net.connect.alias === 'string' ? net.connect.alias : name;
  if (connect) endpoints.push(`${alias}:80 (Service Connect)`);
  endpoints.push(`${discovery.endpoint} (Service Discovery)`);

  if (type === 'Scheduled Job') {
    const on = (r.on ?? {}) as Obj;
    const expression = scheduleExpression(String(on.schedule ?? 'none')) ?? null;
    const timeout = durationSeconds(r.timeout);
    resources.push(expression ? `EventBridge rule ${app}-${env}-${name} (${expression}) running the task` : 'No schedule (on.schedule: none): run it with copilot job run');
    if ((r.retries as number | undefined) ?? 0) findings.push(`retries: ${String(r.retries)} (Step Functions retries are not simulated; the task runs once per firing).`);
    return { app, env, name, type, resources, findings, cluster, taskDefinition, schedule: { expression, retries: (r.retries as number | undefined) ?? 0, ...(timeout !== undefined ? { timeoutSeconds: timeout } : {}) }, discovery, endpoints: [] };
  }

  // Count: a number, or a map with range / spot / spot_from and autoscaling targets (§10.3).
  const count = r.count;
  let desired = 1;
  let strategy: Obj[] | undefined;
  let scaling: CopilotPlan['scaling'];
  if (typeof count === 'number') desired = count;
  else if (isObj(count)) {
    if (typeof count.spot === 'number') {
      desired = count.spot;
      strategy = [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }];
    }
    let min: number | undefined;
    let max: number | undefined;
    let spotFrom: number | undefined;
    if (typeof count.range === 'string') [min, max] = count.range.split('-').map(Number) as [number, number];
    else if (isObj(count.range)) {
      min = count.range.min as number;
      max = count.range.max as number;
      spotFrom = count.range.spot_from as number | undefined;
    }
    if (spotFrom !== undefined) strategy = [{ capacityProvider: 'FARGATE', base: spotFrom - 1, weight: 0 }, { capacityProvider: 'FARGATE_SPOT', weight: 1 }];
    if (min !== undefined && max !== undefined) {
      desired = min;
      const cooldown = isObj(count.cooldown) ? count.cooldown : {};
      const policies: NonNullable<CopilotPlan['scaling']>['policies'] = [];
      const add = (key: string, metric: NonNullable<CopilotPlan['scaling']>['policies'][number]['metric']) => {
        const v = count[key];
        if (v === undefined) return;
        const target = isObj(v) ? (v.value as number) : (v as number);
        const own = isObj(v) && isObj(v.cooldown) ? v.cooldown : {};
        policies.push({
          metric, target,
          scaleInCooldown: durationSeconds(own.in ?? cooldown.in) ?? 120,
          scaleOutCooldown: durationSeconds(own.out ?? cooldown.out) ?? 60,
        });
      };
      add('cpu_percentage', 'ECSServiceAverageCPUUtilization');
      add('memory_percentage', 'ECSServiceAverageMemoryUtilization');
      add('requests', 'ALBRequestCountPerTarget');
      if (count.requests !== undefined && type !== 'Load Balanced Web Service') findings.push('count.requests scales on requests at a load balancer; this service has none, so it is left out.');
      if (count.response_time !== undefined) findings.push('count.response_time scales on a custom metric, which is not simulated.');
      if (count.queue_delay !== undefined) findings.push('count.queue_delay scales on the SQS backlog, which is not simulated.');
      scaling = { min, max, policies };
      resources.push(`Scalable target ${min}-${max} tasks${policies.length ? ` with ${policies.map((p) => `${p.metric} ${p.target}`).join(', ')}` : ''}`);
    }
  }
  const deployment = isObj(r.deployment) ? r.deployment : {};
  const recreate = deployment.rolling === 'recreate';
  const http = r.http;
  let loadBalancer: CopilotPlan['loadBalancer'];
  if (type === 'Load Balanced Web Service' && http !== false && port !== undefined) {
    const h = isObj(http) ? http : {};
    const hc = typeof h.healthcheck === 'string' ? { path: h.healthcheck } : isObj(h.healthcheck) ? h.healthcheck : {};
    loadBalancer = {
      path: typeof h.path === 'string' && h.path !== '' ? h.path : '/', port,
      healthCheck: {
        path: (hc.path as string | undefined) ?? '/', healthyThreshold: (hc.healthy_threshold as number | undefined) ?? 5,
        unhealthyThreshold: (hc.unhealthy_threshold as number | undefined) ?? 2, intervalSeconds: durationSeconds(hc.interval) ?? 30,
        timeoutSeconds: durationSeconds(hc.timeout) ?? 5, successCodes: String(hc.success_codes ?? '200'),
      },
      deregistrationDelaySeconds: durationSeconds(h.deregistration_delay) ?? 60,
    };
    resources.push(`Application Load Balancer listener rule for path ${loadBalancer.path} (shared by the environment)`, `Target group ${app}-${env}-${name} (ip targets, health check ${loadBalancer.healthCheck.path})`);
    endpoints.unshift(`http://<environment load balancer>${loadBalancer.path === '/' ? '' : loadBalancer.path}`);
    if (h.alias !== undefined) findings.push('http.alias (a custom domain and its certificate) is not simulated.');
  }
  if (type === 'Worker Service') findings.push('The SQS queue and its SNS subscriptions are not simulated; the worker runs as a service without a load balancer.');
  if (r.publish !== undefined) findings.push('publish.topics (SNS topics) are not simulated.');
  const placement = isObj(net.vpc) ? net.vpc.placement : undefined;
  const service: Obj = {
    serviceName: name, desiredCount: desired, taskDefinition: taskDefinition.family,
    ...(strategy ? { capacityProviderStrategy: strategy } : { launchType: 'FARGATE' }),
    deploymentConfiguration: {
      minimumHealthyPercent: recreate ? 0 : 100, maximumPercent: recreate ? 100 : 200,
      deploymentCircuitBreaker: { enable: true, rollback: true },
    },
    networkConfiguration: { awsvpcConfiguration: { assignPublicIp: placement === 'private' ? 'DISABLED' : 'ENABLED' } },
    enableExecuteCommand: r.exec === true,
    ...(loadBalancer ? { healthCheckGracePeriodSeconds: durationSeconds((isObj(http) && isObj(http.healthcheck) ? http.healthcheck.grace_period : undefined)) ?? 60 } : {}),
  };
  resources.push(`ECS service ${name}: ${desired} task${desired === 1 ? '' : 's'}, rolling ${recreate ? '0 % / 100 % (recreate)' : '100 % / 200 %'}, circuit breaker with rollback${strategy ? `, ${strategy.map((s) => `${String(s.capacityProvider)}${s.base ? ` base ${String(s.base)}` : ''} weight ${String(s.weight)}`).join(' + ')}` : ''}`);
  return { app, env, name, type, resources, findings, cluster, taskDefinition, service, ...(loadBalancer ? { loadBalancer } : {}), ...(scaling ? { scaling } : {}), discovery, endpoints };
}

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

/**
 * What `copilot svc deploy` (or `job deploy`) creates, as requests the engine accepts. `opts.subnets` are the
 * environment's public subnets; `opts.rulePriority` orders the service's listener rule among the environment's
 * (a service at '/' takes the last priority, so longer paths match first).
 */
export function workloadRequests(plan: CopilotPlan, opts: { subnets: string[]; rulePriority?: number }): PlanRequest[] {
  const { app, env, name } = plan;
  const id = (what: string) => `copilot:${app}/${env}/${name}:${what}`;
  const cluster = plan.cluster;
  const out: PlanRequest[] = [{ id: id('taskDefinition'), call: 'ecs.RegisterTaskDefinition', input: plan.taskDefinition }];
  const port = plan.loadBalancer?.port ?? ((plan.taskDefinition.containerDefinitions as { portMappings?: { containerPort: number }[] }[])[0]?.portMappings?.[0]?.containerPort);
  const network = { awsvpcConfiguration: { subnets: opts.subnets, assignPublicIp: (plan.service?.networkConfiguration as { awsvpcConfiguration: { assignPublicIp: string } } | undefined)?.awsvpcConfiguration.assignPublicIp ?? 'ENABLED' } };
  if (plan.type === 'Scheduled Job') {
    if (plan.schedule?.expression) {
      const rule = `${app}-${env}-${name}`.slice(0, 64);
      out.push(
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
                NetworkConfiguration: { awsvpcConfiguration: { Subnets: network.awsvpcConfiguration.subnets, AssignPublicIp: network.awsvpcConfiguration.assignPublicIp } },
              },
            }],
          },
        },
      );
    }
    return out;
  }
  const service: Record<string, unknown> = { ...plan.service, cluster, networkConfiguration: network };
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
    const tgName = `${app}-${env}-${name}`.replace(/[^A-Za-z0-9-]/g, '-').slice(0, 32).replace(/-+$/, '');
    out.push(
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
          Priority: lb.path === '/' ? 50000 : (opts.rulePriority ?? 1),
          Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: lb.path === '/' ? ['/*'] : [lb.path, `${lb.path.replace(/\/$/, '')}/*`] } }],
          Actions: [{ Type: 'forward', TargetGroupArn: `\${call:${id('targetGroup')}.TargetGroups[0].TargetGroupArn}` }],
        },
      },
    );
    service.loadBalancers = [{ targetGroupArn: `\${call:${id('targetGroup')}.TargetGroups[0].TargetGroupArn}`, containerName: name, containerPort: lb.port }];
  }
  out.push({ id: id('service'), call: 'ecs.CreateService', input: service });
  if (plan.scaling) {
    const resourceId = `service/${cluster}/${name}`;
    const target = { ServiceNamespace: 'ecs', ResourceId: resourceId, ScalableDimension: 'ecs:service:DesiredCount' };
    out.push({ id: id('scalableTarget'), call: 'applicationautoscaling.RegisterScalableTarget', input: { ...target, MinCapacity: plan.scaling.min, MaxCapacity: plan.scaling.max } });
    for (const p of plan.scaling.policies) {
      // Requests per target are counted at the environment's load balancer, for this service's target group.
      if (p.metric === 'ALBRequestCountPerTarget' && !lb) continue;
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
  }
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
