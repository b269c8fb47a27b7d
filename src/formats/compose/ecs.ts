import { fileError, problemAt, type Problem, type Said } from '../problem';
import { say } from '../diagnostics';
import { bytes, isObj, type Obj } from './values';
import type { ComposeProject, ComposeService } from './parse';

/** Fargate task sizes: CPU units → the memory (MiB) each allows, smallest first. */
const FARGATE_SIZES: [number, number[]][] = [
  [256, [512, 1024, 2048]],
  [512, [1024, 2048, 3072, 4096]],
  [1024, [2048, 3072, 4096, 5120, 6144, 7168, 8192]],
  [2048, Array.from({ length: 13 }, (_, i) => 4096 + i * 1024)],
  [4096, Array.from({ length: 23 }, (_, i) => 8192 + i * 1024)],
];

/** The smallest Fargate size that holds the service's limits (or reservations); 256/512 without either. */
export function fargateSize(cpus: number | undefined, memoryBytes: number | undefined): { cpu: number; memory: number } | undefined {
  if (!cpus && !memoryBytes) return { cpu: 256, memory: 512 };
  const cpu = (cpus ?? 0) * 1024;
  const mem = (memoryBytes ?? 0) / 1024 / 1024;
  for (const [c, mems] of FARGATE_SIZES) {
    if (cpu > c) continue;
    const m = mems.find((x) => mem <= x);
    if (m !== undefined) return { cpu: c, memory: m };
  }
  return undefined;
}

type UpdateLimits = { minimumHealthyPercent: number; maximumPercent: number };

/** Rolling-update limits from deploy.update_config: parallelism p over replicas r gives ⌊(r−p)·100/r⌋ and ⌊(r+p)·100/r⌋; else what is wrong, in English. */
export function rollingUpdateLimits(deploy: Obj | undefined): UpdateLimits | string {
  const r = updateLimits(deploy);
  return 'message' in r ? r.message : r;
}

/** rollingUpdateLimits, saying what is wrong as a diagnostic. */
function updateLimits(deploy: Obj | undefined): UpdateLimits | Said {
  let min = 100;
  let max = 200;
  const uc = isObj(deploy?.update_config) ? deploy.update_config : undefined;
  if (!uc) return { minimumHealthyPercent: min, maximumPercent: max };
  const xmin = uc['x-aws-min_percent'];
  const xmax = uc['x-aws-max_percent'];
  if (typeof xmin === 'number') min = xmin;
  if (typeof xmax === 'number') max = xmax;
  if (typeof xmin === 'number' && typeof xmax === 'number') return { minimumHealthyPercent: min, maximumPercent: max };
  if (typeof uc.parallelism === 'number') {
    const p = uc.parallelism;
    if (typeof deploy?.replicas !== 'number') return say('problem.compose.updateReplicas');
    const r = deploy.replicas;
    if (r < p) return say('problem.compose.updateParallelism', { replicas: r, parallelism: p });
    if (typeof xmin !== 'number') min = Math.floor(((r - p) * 100) / r);
    if (typeof xmax !== 'number') max = Math.floor(((r + p) * 100) / r);
  }
  return { minimumHealthyPercent: min, maximumPercent: max };
}

export interface EcsTranslation {
  project: string;
  cluster: string;
  namespace: string;
  services: {
    name: string;
    taskDefinition: Obj;
    service: Obj;
    loadBalancer?: { type: 'application' | 'network'; ports: number[] };
    scaling?: { min: number; max: number; metric: 'ECSServiceAverageCPUUtilization' | 'ECSServiceAverageMemoryUtilization'; target: number };
    discoveryName: string;
  }[];
  /** What does not carry over, per service (`service: message`). */
  findings: string[];
  /** What stops the translation, with the member it is about. */
  errors: Problem[];
}

type Translated = EcsTranslation['services'][number];

/** What of a service does not carry over to ECS on Fargate: members Docker has and ECS does not, host paths, volumes. */
function carryOver(s: ComposeService, findings: string[]): void {
  const raw = s.raw;
  if (s.build !== undefined && s.image !== undefined) findings.push(`${s.name}: build is ignored; ECS pulls ${s.image}, so push it to a registry first.`);
  for (const k of ['links', 'container_name', 'network_mode', 'restart', 'privileged', 'cap_add', 'sysctls', 'devices', 'extra_hosts', 'env_file']) {
    if (raw[k] !== undefined)
      findings.push(`${s.name}: ${k} does not carry over to ECS on Fargate${k === 'restart' ? ' (the service scheduler replaces stopped tasks)' : k === 'links' ? ' (services find each other by name through Cloud Map)' : ''}.`);
  }
  if (!Array.isArray(raw.volumes)) return;
  for (const v of raw.volumes) {
    const src = typeof v === 'string' ? v.split(':')[0]! : isObj(v) ? String(v.source ?? '') : '';
    if (/^[./~]/.test(src)) findings.push(`${s.name}: host path ${src} cannot be mounted on Fargate; use a named volume (EFS).`);
    else if (src) findings.push(`${s.name}: named volume ${src} becomes an EFS file system, which the sandbox does not simulate.`);
  }
}

/** deploy.x-aws-autoscaling as a target-tracking plan (cpu or mem, min and max). */
function scalingOf(p: ComposeProject, s: ComposeService, deploy: Obj | undefined, errors: Problem[]): Translated['scaling'] {
  const as = isObj(deploy?.['x-aws-autoscaling']) ? (deploy['x-aws-autoscaling'] as Obj) : undefined;
  if (!as) return undefined;
  const at = p.at(['services', s.name, 'deploy', 'x-aws-autoscaling']);
  if (typeof as.max !== 'number') errors.push(fileError(p.file, at, `services.${s.name}.deploy.x-aws-autoscaling.max`, say('problem.compose.autoscalingMax', { service: s.name })));
  else if (as.cpu !== undefined && as.mem !== undefined) errors.push(fileError(p.file, at, `services.${s.name}.deploy.x-aws-autoscaling`, say('problem.compose.autoscalingMetric', { service: s.name })));
  else if (as.cpu !== undefined || as.mem !== undefined) {
    return { min: typeof as.min === 'number' ? as.min : 1, max: as.max, metric: as.cpu !== undefined ? 'ECSServiceAverageCPUUtilization' : 'ECSServiceAverageMemoryUtilization', target: Number(as.cpu ?? as.mem) };
  }
  return undefined;
}

/**
 * A health check's durations on ECS: whole seconds within the ranges RegisterTaskDefinition accepts (interval 5 to 300,
 * timeout 2 to 60, start period 0 to 300), where Compose takes any duration ("500ms", "2.5s").
 */
const ECS_HEALTH_SECONDS = [
  ['intervalSeconds', 'interval', 'interval', 5, 300],
  ['timeoutSeconds', 'timeout', 'timeout', 2, 60],
  ['startPeriodSeconds', 'start_period', 'startPeriod', 0, 300],
] as const;

const ecsHealthSeconds = (v: number, min: number, max: number) => Math.max(min, Math.min(max, Math.round(v)));

/** The service's one container: image, ports (symmetric), environment, command, health check within ECS's ranges, logs. */
function containerOf(p: ComposeProject, s: ComposeService, ports: number[], region: string): Obj {
  const h = s.healthcheck;
  return {
    name: s.name,
    image: s.image ?? `${s.name}:latest`,
    essential: true,
    ...(ports.length ? { portMappings: s.ports.filter((x, i, a) => a.findIndex((y) => y.target === x.target) === i).map((x) => ({ containerPort: x.target, hostPort: x.target, protocol: x.protocol })) } : {}),
    ...(Object.keys(s.environment).length ? { environment: Object.entries(s.environment).map(([name, value]) => ({ name, value })) } : {}),
    ...(s.command ? { command: s.command } : {}),
    ...(s.entrypoint ? { entryPoint: s.entrypoint } : {}),
    ...(h && !h.disable && h.test.length
      ? {
          healthCheck: {
            command: h.test[0] === 'CMD' || h.test[0] === 'CMD-SHELL' ? h.test : ['CMD-SHELL', h.test.join(' ')],
            ...(h.intervalSeconds !== undefined ? { interval: ecsHealthSeconds(h.intervalSeconds, 5, 300) } : {}),
            ...(h.timeoutSeconds !== undefined ? { timeout: ecsHealthSeconds(h.timeoutSeconds, 2, 60) } : {}),
            ...(h.retries !== undefined ? { retries: Math.max(1, Math.min(10, h.retries)) } : {}),
            ...(h.startPeriodSeconds !== undefined ? { startPeriod: ecsHealthSeconds(h.startPeriodSeconds, 0, 300) } : {}),
          },
        }
      : {}),
    logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': `/docker-compose/${p.name}`, 'awslogs-region': region, 'awslogs-stream-prefix': p.name } },
  };
}

/** One Compose service as a task definition and a service, with its load balancer type, scaling and Cloud Map name. */
function translateService(p: ComposeProject, s: ComposeService, opts: { account: string; region: string }, findings: string[], errors: Problem[]): Translated {
  const raw = s.raw;
  const member = (m: string) => `services.${s.name}${m ? `.${m}` : ''}`;
  const at = (...path: string[]) => p.at(['services', s.name, ...path]);
  const deploy = isObj(raw.deploy) ? raw.deploy : undefined;
  if (s.build !== undefined && s.image === undefined) errors.push(fileError(p.file, at('build'), member('build'), say('problem.compose.buildOnly', { service: s.name })));
  carryOver(s, findings);
  const res = isObj(deploy?.resources) ? deploy.resources : {};
  const lim = isObj(res.limits) ? res.limits : isObj(res.reservations) ? res.reservations : {};
  const size = fargateSize(lim.cpus !== undefined ? Number(lim.cpus) : undefined, bytes(lim.memory));
  if (!size) errors.push(fileError(p.file, at('deploy', 'resources'), member('deploy.resources'), say('problem.compose.resources', { service: s.name })));
  const asymmetric = s.ports.filter((x) => x.published !== undefined && x.published !== x.target);
  if (asymmetric.length) errors.push(fileError(p.file, at('ports'), member('ports'), say('problem.compose.asymmetric', { service: s.name, published: asymmetric[0]!.published!, target: asymmetric[0]!.target })));
  const ports = [...new Set(s.ports.map((x) => x.target))];
  const http = raw['x-aws-protocol'] === 'http' || (Array.isArray(raw.ports) && raw.ports.some((x) => isObj(x) && x['x-aws-protocol'] === 'http'));
  const lbType: 'application' | 'network' | undefined = ports.length === 0 ? undefined : ports.every((x) => x === 80 || x === 443) || http ? 'application' : 'network';
  if (lbType === 'network') findings.push(`${s.name}: port${ports.length > 1 ? 's' : ''} ${ports.join(', ')} would get a Network Load Balancer, which the sandbox does not simulate; the service runs without one.`);
  const limits = updateLimits(deploy);
  if ('message' in limits) errors.push(fileError(p.file, at('deploy', 'update_config'), member('deploy.update_config'), say('problem.compose.ofService', { service: s.name, detail: limits })));
  const scaling = scalingOf(p, s, deploy, errors);
  const family = `${p.name}-${s.name}`;
  const h = s.healthcheck;
  if (h && (h.timeoutSeconds === undefined || h.intervalSeconds === undefined)) {
    findings.push(`${s.name}: the health check's unset values take ECS's defaults (interval 30 s, timeout 5 s, retries 3), not Docker's (30 s, 30 s, 3).`);
  }
  if (h && !h.disable && h.test.length) {
    for (const [k, member, ecsName, min, max] of ECS_HEALTH_SECONDS) {
      const v = h[k];
      if (v === undefined) continue;
      const ecs = ecsHealthSeconds(v, min, max);
      if (ecs === v) continue;
      const written = isObj(raw.healthcheck) ? raw.healthcheck[member] : undefined;
      const was = `${s.name}: healthcheck.${member} ${typeof written === 'string' ? written : `${v}s`}`;
      findings.push(ecs === Math.round(v) ? `${was} is rounded to ${ecs} s on ECS, which takes whole seconds.` : `${was} becomes ${ecs} s on ECS, whose ${ecsName} is ${min} to ${max} whole seconds.`);
    }
  }
  const taskDefinition: Obj = {
    family,
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: String(size?.cpu ?? 256),
    memory: String(size?.memory ?? 512),
    executionRoleArn: `arn:aws:iam::${opts.account}:role/${p.name}-${s.name}-TaskExecutionRole`,
    containerDefinitions: [containerOf(p, s, ports, opts.region)],
  };
  const service: Obj = {
    serviceName: s.name,
    taskDefinition: family,
    desiredCount: typeof deploy?.replicas === 'number' ? deploy.replicas : 1,
    launchType: 'FARGATE',
    deploymentConfiguration: typeof limits === 'string' ? { minimumHealthyPercent: 100, maximumPercent: 200 } : limits,
    networkConfiguration: { awsvpcConfiguration: { assignPublicIp: raw['x-aws-assign_public_ip'] === true ? 'ENABLED' : 'DISABLED' } },
  };
  if (Object.keys(s.dependsOn).length) findings.push(`${s.name}: depends_on orders service creation only (after ${Object.keys(s.dependsOn).join(', ')}); it does not wait for readiness on ECS.`);
  return { name: s.name, taskDefinition, service, ...(lbType ? { loadBalancer: { type: lbType, ports } } : {}), ...(scaling ? { scaling } : {}), discoveryName: `${s.name}.${p.name}.local` };
}

/** Compose → ECS as the Docker ECS integration did it (§11.1), as a plan to review rather than a silent conversion. */
export function composeToEcs(p: ComposeProject, opts: { account?: string; region?: string } = {}): EcsTranslation {
  const findings: string[] = [];
  const errors: Problem[] = [];
  const services = p.services.map((s) => translateService(p, s, { account: opts.account ?? '123456789012', region: opts.region ?? 'us-east-1' }, findings, errors));
  for (const x of p.inactive) findings.push(`${x.name}: not deployed: none of its profiles (${x.profiles.join(', ')}) is active (docker compose --profile, or COMPOSE_PROFILES).`);
  for (const [k, what] of [
    ['x-aws-cluster', 'an existing cluster'],
    ['x-aws-vpc', 'an existing VPC'],
    ['x-aws-loadbalancer', 'an existing load balancer'],
  ] as const) {
    if (p.raw[k] !== undefined) findings.unshift(`${k} names ${what}; the sandbox creates ${k === 'x-aws-cluster' ? `cluster ${p.name}` : k === 'x-aws-vpc' ? 'the project in its default VPC' : `the project's own load balancer`} instead.`);
  }
  return { project: p.name, cluster: p.name, namespace: `${p.name}.local`, services, findings, errors };
}

/** The services' names in depends_on order: a service after the ones it depends on. */
function dependsOnOrder(p: ComposeProject): string[] {
  const order: string[] = [];
  const deps = new Map(p.services.map((s) => [s.name, Object.keys(s.dependsOn)]));
  const visit = (n: string) => {
    if (order.includes(n) || visiting.has(n) || !deps.has(n)) return;
    visiting.add(n); // cycles are refused by the parser; this only keeps a bad input from recursing forever
    for (const d of deps.get(n)!) visit(d);
    order.push(n);
  };
  const visiting = new Set<string>();
  for (const s of p.services) visit(s.name);
  return order;
}

/** The scalable target and target-tracking policy of a service that scales (x-aws-autoscaling). */
function scalingRequests(id: (what: string) => string, cluster: string, name: string, scaling: NonNullable<EcsTranslation['services'][number]['scaling']>): { id: string; call: string; input: Obj }[] {
  const target = { ServiceNamespace: 'ecs', ResourceId: `service/${cluster}/${name}`, ScalableDimension: 'ecs:service:DesiredCount' };
  return [
    { id: id(`${name}:scalableTarget`), call: 'applicationautoscaling.RegisterScalableTarget', input: { ...target, MinCapacity: scaling.min, MaxCapacity: scaling.max } },
    {
      id: id(`${name}:policy`),
      call: 'applicationautoscaling.PutScalingPolicy',
      input: {
        ...target,
        PolicyName: `${name}-${scaling.metric}`,
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingScalingPolicyConfiguration: { TargetValue: scaling.target, PredefinedMetricSpecification: { PredefinedMetricType: scaling.metric } },
      },
    },
  ];
}

/** The requests that deploy a translation, services in depends_on order; calls are named compose:<project>:<step>. */
export function composeRequests(t: EcsTranslation, p: ComposeProject, opts: { subnets: string[] }): { id: string; call: string; input: Obj }[] {
  const id = (what: string) => `compose:${t.project}:${what}`;
  const out: { id: string; call: string; input: Obj }[] = [
    { id: id('cluster'), call: 'ecs.CreateCluster', input: { clusterName: t.cluster } },
    { id: id('namespace'), call: 'servicediscovery.CreatePrivateDnsNamespace', input: { Name: t.namespace } },
  ];
  const order = dependsOnOrder(p);
  let lb = false;
  for (const name of order) {
    const s = t.services.find((x) => x.name === name)!;
    out.push({ id: id(`${name}:taskDefinition`), call: 'ecs.RegisterTaskDefinition', input: s.taskDefinition });
    out.push({
      id: id(`${name}:discovery`),
      call: 'servicediscovery.CreateService',
      input: { Name: name, NamespaceId: `\${call:${id('namespace')}.NamespaceId}`, DnsConfig: { RoutingPolicy: 'MULTIVALUE', DnsRecords: [{ Type: 'A', TTL: 60 }] }, HealthCheckCustomConfig: { FailureThreshold: 1 } },
    });
    const service: Obj = {
      ...s.service,
      cluster: t.cluster,
      serviceRegistries: [{ registryArn: `\${call:${id(`${name}:discovery`)}.Service.Arn}` }],
      networkConfiguration: { awsvpcConfiguration: { ...(s.service.networkConfiguration as { awsvpcConfiguration: Obj }).awsvpcConfiguration, subnets: opts.subnets } },
    };
    if (s.loadBalancer?.type === 'application') {
      if (!lb) {
        lb = true;
        out.push({ id: id('lb'), call: 'elbv2.CreateLoadBalancer', input: { Name: `${t.project}-lb`.slice(0, 32) } });
      }
      const lbs: Obj[] = [];
      for (const port of s.loadBalancer.ports) {
        const tg = `${t.project}-${name}-${port}`
          .replace(/[^A-Za-z0-9-]/g, '-')
          .slice(0, 32)
          .replace(/-+$/, '');
        out.push(
          { id: id(`${name}:targetGroup:${port}`), call: 'elbv2.CreateTargetGroup', input: { Name: tg, Port: port, TargetType: 'ip' } },
          {
            id: id(`${name}:listener:${port}`),
            call: 'elbv2.CreateListener',
            input: {
              LoadBalancerArn: `\${call:${id('lb')}.LoadBalancers[0].LoadBalancerArn}`,
              Port: port,
              DefaultActions: [{ Type: 'forward', TargetGroupArn: `\${call:${id(`${name}:targetGroup:${port}`)}.TargetGroups[0].TargetGroupArn}` }],
            },
          },
        );
        lbs.push({ targetGroupArn: `\${call:${id(`${name}:targetGroup:${port}`)}.TargetGroups[0].TargetGroupArn}`, containerName: name, containerPort: port });
      }
      service.loadBalancers = lbs;
    }
    out.push({ id: id(`${name}:service`), call: 'ecs.CreateService', input: service });
    if (s.scaling) out.push(...scalingRequests(id, t.cluster, name, s.scaling));
  }
  return out;
}

/**
 * The whole project as one multi-container Fargate task, when a learner asks for it (the Docker integration made
 * one service per Compose service): depends_on conditions become container dependsOn (service_started → START,
 * service_healthy → HEALTHY, service_completed_successfully → SUCCESS, ecs-spec §11.3), containers reach each
 * other on localhost, and the task is sized for the sum of the services' limits.
 */
export function composeToSingleTask(p: ComposeProject, opts: { region?: string; account?: string } = {}): { taskDefinition: Obj; findings: string[]; errors: EcsTranslation['errors'] } {
  const t = composeToEcs(p, opts);
  const findings = [...t.findings];
  const errors = [...t.errors];
  const COND = { service_started: 'START', service_healthy: 'HEALTHY', service_completed_successfully: 'SUCCESS' } as const;
  let cpus = 0;
  let mem = 0;
  const containers: Obj[] = [];
  const oneShot = new Set(
    p.services.flatMap((s) =>
      Object.entries(s.dependsOn)
        .filter(([, c]) => c === 'service_completed_successfully')
        .map(([d]) => d),
    ),
  );
  const ports = new Map<number, string>();
  for (const s of p.services) {
    const tr = t.services.find((x) => x.name === s.name)!;
    const c = { ...(tr.taskDefinition.containerDefinitions as Obj[])[0]! };
    const deploy = isObj(s.raw.deploy) ? s.raw.deploy : undefined;
    const res = isObj(deploy?.resources) ? deploy.resources : {};
    const lim = isObj(res.limits) ? res.limits : isObj(res.reservations) ? res.reservations : {};
    cpus += lim.cpus !== undefined ? Number(lim.cpus) : 0.25;
    mem += bytes(lim.memory) ?? 512 * 1024 * 1024;
    for (const pm of (c.portMappings as { containerPort: number }[] | undefined) ?? []) {
      if (ports.has(pm.containerPort))
        errors.push(problemAt(p.file, p.at(['services', s.name, 'ports']), `services.${s.name}.ports`, say('problem.compose.portShared', { service: s.name, port: pm.containerPort, other: ports.get(pm.containerPort)! })));
      ports.set(pm.containerPort, s.name);
    }
    const dependsOn = Object.entries(s.dependsOn).map(([d, cond]) => {
      const dep = p.services.find((x) => x.name === d);
      if (cond === 'service_healthy' && !dep?.healthcheck)
        errors.push(problemAt(p.file, p.at(['services', s.name, 'depends_on']), `services.${s.name}.depends_on.${d}`, say('problem.compose.healthyNeedsCheck', { service: s.name, dependency: d })));
      return { containerName: d, condition: COND[cond] };
    });
    if (dependsOn.length) c.dependsOn = dependsOn;
    if (oneShot.has(s.name)) c.essential = false;
    if (Object.values(s.environment).some((v) => p.services.some((x) => x.name === v))) {
      findings.push(
        `${s.name}: in one task the other containers are on localhost, not under their service names; change ${Object.entries(s.environment)
          .filter(([, v]) => p.services.some((x) => x.name === v))
          .map(([k]) => k)
          .join(', ')}.`,
      );
    }
    containers.push(c);
  }
  const size = fargateSize(cpus, mem);
  if (!size) errors.push(problemAt(p.file, p.at(['services']), 'services', say('problem.compose.tooLarge')));
  const taskDefinition: Obj = {
    family: p.name,
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: String(size?.cpu ?? 4096),
    memory: String(size?.memory ?? 30720),
    executionRoleArn: `arn:aws:iam::${opts.account ?? '123456789012'}:role/${p.name}-TaskExecutionRole`,
    containerDefinitions: containers,
  };
  return { taskDefinition, findings, errors };
}
