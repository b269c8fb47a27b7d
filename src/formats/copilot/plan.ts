import { durationSeconds } from '../yamlDoc';
import { isObj, scheduleExpression, withEnvironment, type Manifest, type Obj, type WorkloadType } from './manifest';

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

/** A workload being planned: the manifest with the environment's overrides applied, and what the plan says so far. */
interface Draft {
  app: string;
  env: string;
  name: string;
  type: WorkloadType;
  /** The manifest's fields for this environment. */
  r: Obj;
  findings: string[];
  resources: string[];
}

type Scaling = NonNullable<CopilotPlan['scaling']>;

/** The task definition: the image (built and pushed to ECR, or a location), the variables Copilot sets, sidecars, logs. */
function taskDefinitionOf(d: Draft, account: string, region: string): { taskDefinition: Obj; port?: number } {
  const { app, env, name, r, findings, resources } = d;
  const image = (r.image ?? {}) as Obj;
  let imageUri: string;
  if (image.location !== undefined) imageUri = String(image.location);
  else {
    imageUri = `${account}.dkr.ecr.${region}.amazonaws.com/${app}/${name}:latest`;
    findings.push(`image.build: copilot builds ${typeof image.build === 'string' ? image.build : 'the Dockerfile'} and pushes it to ECR repository ${app}/${name} before deploying.`);
    resources.push(`ECR repository ${app}/${name}`);
  }
  const port = typeof image.port === 'number' ? image.port : undefined;
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
    family: `${app}-${env}-${name}`, requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: String((r.cpu as number | undefined) ?? 256), memory: String((r.memory as number | undefined) ?? 512),
    executionRoleArn: `arn:aws:iam::${account}:role/${app}-${env}-${name}-ExecutionRole`, taskRoleArn: `arn:aws:iam::${account}:role/${app}-${env}-${name}-TaskRole`,
    containerDefinitions,
  };
  return { taskDefinition, ...(port !== undefined ? { port } : {}) };
}

/** Target-tracking policies from count.cpu_percentage, memory_percentage and requests, with their cooldowns. */
function policiesOf(count: Obj): Scaling['policies'] {
  const cooldown = isObj(count.cooldown) ? count.cooldown : {};
  const policies: Scaling['policies'] = [];
  const add = (key: string, metric: Scaling['policies'][number]['metric']) => {
    const v = count[key];
    if (v === undefined) return;
    const target = isObj(v) ? (v.value as number) : (v as number);
    const own = isObj(v) && isObj(v.cooldown) ? v.cooldown : {};
    policies.push({ metric, target, scaleInCooldown: durationSeconds(own.in ?? cooldown.in) ?? 120, scaleOutCooldown: durationSeconds(own.out ?? cooldown.out) ?? 60 });
  };
  add('cpu_percentage', 'ECSServiceAverageCPUUtilization');
  add('memory_percentage', 'ECSServiceAverageMemoryUtilization');
  add('requests', 'ALBRequestCountPerTarget');
  return policies;
}

/** Count: a number, or a map with range / spot / spot_from and autoscaling targets (§10.3). */
function countOf({ type, r, findings, resources }: Draft): { desired: number; strategy?: Obj[]; scaling?: Scaling } {
  const count = r.count;
  if (typeof count === 'number') return { desired: count };
  if (!isObj(count)) return { desired: 1 };
  let desired = 1;
  let strategy: Obj[] | undefined;
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
  if (min === undefined || max === undefined) return { desired, ...(strategy ? { strategy } : {}) };
  const policies = policiesOf(count);
  if (count.requests !== undefined && type !== 'Load Balanced Web Service') findings.push('count.requests scales on requests at a load balancer; this service has none, so it is left out.');
  if (count.response_time !== undefined) findings.push('count.response_time scales on a custom metric, which is not simulated.');
  if (count.queue_delay !== undefined) findings.push('count.queue_delay scales on the SQS backlog, which is not simulated.');
  resources.push(`Scalable target ${min}-${max} tasks${policies.length ? ` with ${policies.map((p) => `${p.metric} ${p.target}`).join(', ')}` : ''}`);
  return { desired: min, ...(strategy ? { strategy } : {}), scaling: { min, max, policies } };
}

/** A Load Balanced Web Service's listener rule and target group on the environment's load balancer. */
function loadBalancerOf({ app, env, name, type, r, findings, resources }: Draft, port: number | undefined, endpoints: string[]): CopilotPlan['loadBalancer'] {
  const http = r.http;
  if (type !== 'Load Balanced Web Service' || http === false || port === undefined) return undefined;
  const h = isObj(http) ? http : {};
  const hc = typeof h.healthcheck === 'string' ? { path: h.healthcheck } : isObj(h.healthcheck) ? h.healthcheck : {};
  const loadBalancer = {
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
  return loadBalancer;
}

/** The ECS service: count and capacity, rolling limits (or recreate), the circuit breaker, public or private placement. */
function serviceOf({ name, r, resources }: Draft, family: unknown, count: ReturnType<typeof countOf>, loadBalancer: CopilotPlan['loadBalancer']): Obj {
  const { desired, strategy } = count;
  const recreate = isObj(r.deployment) && r.deployment.rolling === 'recreate';
  const http = r.http;
  const net = isObj(r.network) ? r.network : {};
  const placement = isObj(net.vpc) ? net.vpc.placement : undefined;
  resources.push(`ECS service ${name}: ${desired} task${desired === 1 ? '' : 's'}, rolling ${recreate ? '0 % / 100 % (recreate)' : '100 % / 200 %'}, circuit breaker with rollback${strategy ? `, ${strategy.map((s) => `${String(s.capacityProvider)}${s.base ? ` base ${String(s.base)}` : ''} weight ${String(s.weight)}`).join(' + ')}` : ''}`);
  return {
    serviceName: name, desiredCount: desired, taskDefinition: family,
    ...(strategy ? { capacityProviderStrategy: strategy } : { launchType: 'FARGATE' }),
    deploymentConfiguration: {
      minimumHealthyPercent: recreate ? 0 : 100, maximumPercent: recreate ? 100 : 200,
      deploymentCircuitBreaker: { enable: true, rollback: true },
    },
    networkConfiguration: { awsvpcConfiguration: { assignPublicIp: placement === 'private' ? 'DISABLED' : 'ENABLED' } },
    enableExecuteCommand: r.exec === true,
    ...(loadBalancer ? { healthCheckGracePeriodSeconds: durationSeconds((isObj(http) && isObj(http.healthcheck) ? http.healthcheck.grace_period : undefined)) ?? 60 } : {}),
  };
}

/** What `copilot svc deploy --env <env>` would create for a workload manifest [DOC: §10.3, CP defaults]. */
export function planDeployment(m: Manifest, app: string, env: string, opts: { account?: string; region?: string } = {}): CopilotPlan {
  if (m.type === 'Environment') throw new Error('An environment manifest is deployed with copilot env deploy, not svc deploy.');
  const d: Draft = { app, env, name: m.name, type: m.type, r: withEnvironment(m.raw, env), findings: [], resources: [] };
  const { name, type, r, findings, resources } = d;
  const { taskDefinition, port } = taskDefinitionOf(d, opts.account ?? '123456789012', opts.region ?? 'us-east-1');
  const cluster = `${app}-${env}`;
  resources.push(`ECS cluster ${cluster} (Fargate and Fargate Spot capacity providers)`, `Cloud Map namespace ${env}.${app}.local`);
  resources.push(`Task definition ${taskDefinition.family as string} (${taskDefinition.cpu as string} CPU, ${taskDefinition.memory as string} MiB, Fargate)`);
  const discovery = { namespace: `${env}.${app}.local`, name: `${name}.${env}.${app}.local`, endpoint: `${name}.${env}.${app}.local${port !== undefined ? `:${port}` : ''}` };
  const endpoints: string[] = [];
  const net = isObj(r.network) ? r.network : {};
  const alias = isObj(net.connect) && typeof net.connect.alias === 'string' ? net.connect.alias : name;
  if (net.connect === true || isObj(net.connect)) endpoints.push(`${alias}:80 (Service Connect)`);
  endpoints.push(`${discovery.endpoint} (Service Discovery)`);
  if (type === 'Scheduled Job') {
    const on = (r.on ?? {}) as Obj;
    const expression = scheduleExpression(String(on.schedule ?? 'none')) ?? null;
    const timeout = durationSeconds(r.timeout);
    resources.push(expression ? `EventBridge rule ${app}-${env}-${name} (${expression}) running the task` : 'No schedule (on.schedule: none): run it with copilot job run');
    if ((r.retries as number | undefined) ?? 0) findings.push(`retries: ${String(r.retries)} (Step Functions retries are not simulated; the task runs once per firing).`);
    return { app, env, name, type, resources, findings, cluster, taskDefinition, schedule: { expression, retries: (r.retries as number | undefined) ?? 0, ...(timeout !== undefined ? { timeoutSeconds: timeout } : {}) }, discovery, endpoints: [] };
  }
  const count = countOf(d);
  const loadBalancer = loadBalancerOf(d, port, endpoints);
  if (type === 'Worker Service') findings.push('The SQS queue and its SNS subscriptions are not simulated; the worker runs as a service without a load balancer.');
  if (r.publish !== undefined) findings.push('publish.topics (SNS topics) are not simulated.');
  const service = serviceOf(d, taskDefinition.family, count, loadBalancer);
  return { app, env, name, type, resources, findings, cluster, taskDefinition, service, ...(loadBalancer ? { loadBalancer } : {}), ...(count.scaling ? { scaling: count.scaling } : {}), discovery, endpoints };
}
