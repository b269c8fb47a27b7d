import { imageManifest, sha256Hex } from '../../sim';
import { durationSeconds } from '../yamlDoc';
import { isObj, scheduleExpression, withEnvironment, type Manifest, type Obj, type WorkloadType } from './manifest';
import { exposeRulePorts, listenerRules, nlbFinding, targetGroupName, type ListenerRulePlan } from './http';
import { applyTaskdefOverrides } from './overrides';

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
  /** image.build: the ECR repository `<app>/<name>` and the image copilot builds and pushes to it before deploying. */
  image?: { repository: string; tag: string; manifest: string; dockerfile: string };
  taskDefinition: Obj;
  service?: Obj;
  /** The main listener rule (http.path) and target group. */
  loadBalancer?: ListenerRulePlan;
  /** http.additional_rules: more listener rules and target groups for the same service. */
  additionalRules?: ListenerRulePlan[];
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
/**
 * image.build: copilot builds the Dockerfile, logs in to the account's ECR registry and pushes the image to the
 * service's repository `<app>/<name>` (tag latest) before deploying [DOC: copilot svc deploy]. [SIM] The sandbox has
 * no source tree, so the image's content (and so its digest) is fixed by the application, the service and the
 * Dockerfile's path.
 */
function builtImage(app: string, name: string, build: unknown): NonNullable<CopilotPlan['image']> {
  const dockerfile = typeof build === 'string' ? build : isObj(build) && typeof build.dockerfile === 'string' ? build.dockerfile : 'Dockerfile';
  const context = isObj(build) && typeof build.context === 'string' ? ` ${build.context}` : '';
  return { repository: `${app}/${name}`, tag: 'latest', manifest: imageManifest(`sha256:${sha256Hex(`copilot build ${app}/${name} ${dockerfile}${context}`)}`), dockerfile };
}

function taskDefinitionOf(d: Draft, account: string, region: string): { taskDefinition: Obj; port?: number; image?: CopilotPlan['image'] } {
  const { app, env, name, r, findings, resources } = d;
  const image = (r.image ?? {}) as Obj;
  let imageUri: string;
  let built: CopilotPlan['image'];
  if (image.location !== undefined) imageUri = String(image.location);
  else {
    built = builtImage(app, name, image.build);
    imageUri = `${account}.dkr.ecr.${region}.amazonaws.com/${built.repository}:${built.tag}`;
    resources.push(`ECR repository ${built.repository}, with the image built from ${built.dockerfile} pushed as ${built.repository}:${built.tag}`);
  }
  const port = typeof image.port === 'number' ? image.port : undefined;
  const variables = isObj(r.variables) ? r.variables : {};
  const environment = [
    ...Object.entries(variables)
      .filter(([, v]) => typeof v !== 'object')
      .map(([k, v]) => ({ name: k, value: String(v) })),
    { name: 'COPILOT_APPLICATION_NAME', value: app },
    { name: 'COPILOT_ENVIRONMENT_NAME', value: env },
    { name: 'COPILOT_SERVICE_NAME', value: name },
    { name: 'COPILOT_SERVICE_DISCOVERY_ENDPOINT', value: `${env}.${app}.local` },
  ];
  if (Object.values(variables).some((v) => typeof v === 'object')) findings.push('variables from CloudFormation outputs (from_cfn) are not simulated.');
  if (r.secrets !== undefined) findings.push('secrets: fetched from SSM Parameter Store or Secrets Manager at start; the sandbox passes no values.');
  if (r.sidecars !== undefined) findings.push('sidecars are added to the task definition as extra containers.');
  if (r.storage !== undefined) findings.push('storage (volumes, EFS, ephemeral size) is not simulated.');
  const containerDefinitions: Obj[] = [
    {
      name,
      image: imageUri,
      essential: true,
      environment,
      ...(port !== undefined ? { portMappings: [{ containerPort: port, protocol: 'tcp', name: `target` }] } : {}),
      logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': `/copilot/${app}-${env}-${name}`, 'awslogs-region': region, 'awslogs-stream-prefix': 'copilot' } },
    },
  ];
  for (const [sname, sc] of Object.entries(isObj(r.sidecars) ? r.sidecars : {})) {
    if (!isObj(sc) || typeof sc.image !== 'string') continue;
    containerDefinitions.push({ name: sname, image: sc.image, essential: true, ...(typeof sc.port === 'number' ? { portMappings: [{ containerPort: sc.port, protocol: 'tcp' }] } : {}) });
  }
  const taskDefinition: Obj = {
    family: `${app}-${env}-${name}`,
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: String((r.cpu as number | undefined) ?? 256),
    memory: String((r.memory as number | undefined) ?? 512),
    executionRoleArn: `arn:aws:iam::${account}:role/${app}-${env}-${name}-ExecutionRole`,
    taskRoleArn: `arn:aws:iam::${account}:role/${app}-${env}-${name}-TaskRole`,
    containerDefinitions,
  };
  return { taskDefinition, ...(port !== undefined ? { port } : {}), ...(built ? { image: built } : {}) };
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
  if (spotFrom !== undefined)
    strategy = [
      { capacityProvider: 'FARGATE', base: spotFrom - 1, weight: 0 },
      { capacityProvider: 'FARGATE_SPOT', weight: 1 },
    ];
  if (min === undefined || max === undefined) return { desired, ...(strategy ? { strategy } : {}) };
  const policies = policiesOf(count);
  if (count.requests !== undefined && type !== 'Load Balanced Web Service') findings.push('count.requests scales on requests at a load balancer; this service has none, so it is left out.');
  if (count.response_time !== undefined) findings.push('count.response_time scales on a custom metric, which is not simulated.');
  if (count.queue_delay !== undefined) findings.push('count.queue_delay scales on the SQS backlog, which is not simulated.');
  resources.push(`Scalable target ${min}-${max} tasks${policies.length ? ` with ${policies.map((p) => `${p.metric} ${p.target}`).join(', ')}` : ''}`);
  return { desired: min, ...(strategy ? { strategy } : {}), scaling: { min, max, policies } };
}

/**
 * A Load Balanced Web Service's listener rules and target groups on the environment's load balancer: `http` and its
 * `additional_rules` (with `target_container` and `target_port`), the container ports they need, and `nlb`.
 */
function loadBalancerOf(d: Draft, taskDefinition: Obj, port: number | undefined, endpoints: string[]): { main?: ListenerRulePlan; additional: ListenerRulePlan[] } {
  const { app, env, name, type, r, findings, resources } = d;
  const nlb = nlbFinding(r);
  if (nlb) findings.push(nlb);
  const http = r.http;
  if (type !== 'Load Balanced Web Service' || http === false) return { additional: [] };
  const sidecars = Object.fromEntries(
    Object.entries(isObj(r.sidecars) ? r.sidecars : {})
      .filter(([, sc]) => isObj(sc) && typeof sc.image === 'string')
      .map(([k, sc]) => [k, typeof (sc as Obj).port === 'number' ? ((sc as Obj).port as number) : undefined]),
  );
  const rules = listenerRules(isObj(http) ? http : {}, { main: name, mainPort: port, sidecars }, findings);
  if (rules.length === 0) return { additional: [] };
  exposeRulePorts(taskDefinition.containerDefinitions as Obj[], rules);
  for (const [i, rule] of rules.entries()) {
    const tg = targetGroupName(app, env, name, i);
    resources.push(`Application Load Balancer listener rule for path ${rule.path} (shared by the environment)`, `Target group ${tg} (ip targets, ${rule.containerName}:${rule.port}, health check ${rule.healthCheck.path})`);
    endpoints.splice(i, 0, `http://<environment load balancer>${rule.path === '/' ? '' : rule.path}`);
  }
  return { main: rules[0], additional: rules.slice(1) };
}

/** The ECS service: count and capacity, rolling limits (or recreate), the circuit breaker, public or private placement. */
function serviceOf({ name, r, resources }: Draft, family: unknown, count: ReturnType<typeof countOf>, loadBalancer: CopilotPlan['loadBalancer']): Obj {
  const { desired, strategy } = count;
  const recreate = isObj(r.deployment) && r.deployment.rolling === 'recreate';
  const http = r.http;
  const net = isObj(r.network) ? r.network : {};
  const placement = isObj(net.vpc) ? net.vpc.placement : undefined;
  resources.push(
    `ECS service ${name}: ${desired} task${desired === 1 ? '' : 's'}, rolling ${recreate ? '0 % / 100 % (recreate)' : '100 % / 200 %'}, circuit breaker with rollback${strategy ? `, ${strategy.map((s) => `${String(s.capacityProvider)}${s.base ? ` base ${String(s.base)}` : ''} weight ${String(s.weight)}`).join(' + ')}` : ''}`,
  );
  return {
    serviceName: name,
    desiredCount: desired,
    taskDefinition: family,
    ...(strategy ? { capacityProviderStrategy: strategy } : { launchType: 'FARGATE' }),
    deploymentConfiguration: {
      minimumHealthyPercent: recreate ? 0 : 100,
      maximumPercent: recreate ? 100 : 200,
      deploymentCircuitBreaker: { enable: true, rollback: true },
    },
    networkConfiguration: { awsvpcConfiguration: { assignPublicIp: placement === 'private' ? 'DISABLED' : 'ENABLED' } },
    enableExecuteCommand: r.exec === true,
    ...(loadBalancer ? { healthCheckGracePeriodSeconds: durationSeconds(isObj(http) && isObj(http.healthcheck) ? http.healthcheck.grace_period : undefined) ?? 60 } : {}),
  };
}

/** What `copilot svc deploy --env <env>` would create for a workload manifest [DOC: §10.3, CP defaults]. */
export function planDeployment(m: Manifest, app: string, env: string, opts: { account?: string; region?: string } = {}): CopilotPlan {
  if (m.type === 'Environment') throw new Error('An environment manifest is deployed with copilot env deploy, not svc deploy.');
  const d: Draft = { app, env, name: m.name, type: m.type, r: withEnvironment(m.raw, env), findings: [], resources: [] };
  const { name, type, r, findings, resources } = d;
  const { taskDefinition, port, image } = taskDefinitionOf(d, opts.account ?? '123456789012', opts.region ?? 'us-east-1');
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
    applyTaskdefOverrides(taskDefinition, r.taskdef_overrides, findings);
    if ((r.retries as number | undefined) ?? 0) findings.push(`retries: ${String(r.retries)} (Step Functions retries are not simulated; the task runs once per firing).`);
    return {
      app,
      env,
      name,
      type,
      resources,
      findings,
      cluster,
      ...(image ? { image } : {}),
      taskDefinition,
      schedule: { expression, retries: (r.retries as number | undefined) ?? 0, ...(timeout !== undefined ? { timeoutSeconds: timeout } : {}) },
      discovery,
      endpoints: [],
    };
  }
  const count = countOf(d);
  const { main: loadBalancer, additional } = loadBalancerOf(d, taskDefinition, port, endpoints);
  applyTaskdefOverrides(taskDefinition, r.taskdef_overrides, findings);
  if (type === 'Worker Service') findings.push('The SQS queue and its SNS subscriptions are not simulated; the worker runs as a service without a load balancer.');
  if (r.publish !== undefined) findings.push('publish.topics (SNS topics) are not simulated.');
  const service = serviceOf(d, taskDefinition.family, count, loadBalancer);
  return {
    app,
    env,
    name,
    type,
    resources,
    findings,
    cluster,
    ...(image ? { image } : {}),
    taskDefinition,
    service,
    ...(loadBalancer ? { loadBalancer } : {}),
    ...(additional.length ? { additionalRules: additional } : {}),
    ...(count.scaling ? { scaling: count.scaling } : {}),
    discovery,
    endpoints,
  };
}
