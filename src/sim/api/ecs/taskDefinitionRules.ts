import { clientError, type MemberPath } from '../../core/errors';
import { isFargateSize } from '../../model/fargateSizes';
import type { ContainerDefinition, HealthCheck, TaskDefinition } from '../../model/types';
import { ClqError, parseClq } from '../../placement/clq';
import type * as Ecs from './inputs.generated';

/**
 * Semantic validation of RegisterTaskDefinition (ecs-spec §3) after the SDK-level parameter check.
 * Messages quoted by the spec are AWS's own; the others ([INF]) name the member the same way.
 */

/** "1 vCPU", "0.25 vcpu", ".25 vcpu" → 1024, 256, 256; "256" → 256. Undefined when unparseable. */
export function parseCpu(v: string): number | undefined {
  const s = v.trim();
  if (/^\d+$/.test(s)) return Number(s);
  // A leading dot is a number too (".25 vcpu"), as AWS reads it [DOC: API RegisterTaskDefinition, cpu].
  const m = /^(\d+(?:\.\d+)?|\.\d+)\s*vcpu$/i.exec(s);
  if (m) return Math.round(Number(m[1]) * 1024);
  return undefined;
}

/** "2 GB", "2gb", "0.5 GB", ".5 gb" → 2048, 512, 512; "512" → 512 (MiB). Undefined when unparseable. */
export function parseMemory(v: string): number | undefined {
  const s = v.trim();
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^(\d+(?:\.\d+)?|\.\d+)\s*gb$/i.exec(s);
  if (m) return Math.round(Number(m[1]) * 1024);
  return undefined;
}

const NETWORK_MODES = ['bridge', 'host', 'awsvpc', 'none'];
const COMPATIBILITIES = ['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES'];
const FARGATE_LOG_DRIVERS = ['awslogs', 'splunk', 'awsfirelens'];
const ECR_IMAGE = /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//;

export interface NormalizedTaskDef {
  def: Omit<TaskDefinition, 'taskDefinitionArn' | 'revision' | 'status' | 'registeredAtMs'>;
  cpu?: number;
  memory?: number;
}

function checkHealth(c: string, hc: Ecs.HealthCheck, at: MemberPath): HealthCheck {
  const cmd = hc.command ?? [];
  // [INF] AWS accepts commands without a CMD / CMD-SHELL prefix (real task definitions use them).
  if (cmd.length === 0) throw clientError(`Invalid 'healthCheck' setting for container '${c}'. The command must not be empty.`, [...at, 'healthCheck', 'command']);
  const out: HealthCheck = {
    command: cmd,
    interval: hc.interval ?? 30,
    timeout: hc.timeout ?? 5,
    retries: hc.retries ?? 3,
  };
  const bound = (name: string, v: number, lo: number, hi: number, unit: string) => {
    if (v < lo || v > hi) throw clientError(`Invalid '${name}' setting for the health check of container '${c}': ${v}. The value must be between ${lo} and ${hi}${unit}.`, [...at, 'healthCheck', name]);
  };
  bound('interval', out.interval, 5, 300, ' seconds');
  bound('timeout', out.timeout, 2, 60, ' seconds');
  bound('retries', out.retries, 1, 10, '');
  if (hc.startPeriod !== undefined) {
    bound('startPeriod', hc.startPeriod, 0, 300, ' seconds');
    out.startPeriod = hc.startPeriod;
  }
  return out;
}

/** What the checks of one request share: its network mode and what it requires. */
interface Request {
  input: Ecs.RegisterTaskDefinitionRequest;
  networkMode: string | undefined;
  requires: string[];
  fargate: boolean;
  /** EC2 or EXTERNAL (or nothing) required: containers need a memory size unless the task has one. */
  ec2Like: boolean;
  windows: boolean;
  cpu: number | undefined;
  memory: number | undefined;
}

/** Validates and normalizes a RegisterTaskDefinition request whose parameter types are already checked. */
export function validateTaskDefinition(input: Ecs.RegisterTaskDefinitionRequest): NormalizedTaskDef {
  const family = input.family;
  if (!/^[A-Za-z0-9_-]{1,255}$/.test(family)) {
    throw clientError('Family contains invalid characters. Up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores are allowed.', ['family']);
  }
  const containers = input.containerDefinitions;
  if (containers.length === 0) throw clientError('Container list cannot be empty.', ['containerDefinitions']);
  if (containers.length > 10) throw clientError(`Too many containers: ${containers.length}. A task definition can have at most 10 containers.`, ['containerDefinitions']);
  if (JSON.stringify(input).length > 65536) throw clientError('Task definition size exceeds the maximum of 64 KiB.');
  const r = readRequest(input);
  if (r.fargate) checkFargateTask(r);
  const out = checkContainers(r, containers);
  checkDependencies(out);
  checkStorage(input);
  const constraints = checkConstraints(input);
  const def: NormalizedTaskDef['def'] = {
    ...input,
    family,
    containerDefinitions: out,
    compatibilities: compatibilitiesOf(r, out, constraints),
    requiresAttributes: requiresAttributesOf(r, out),
    volumes: input.volumes ?? [],
    placementConstraints: constraints as { type: string; expression?: string }[],
    ...(r.cpu !== undefined ? { cpu: String(r.cpu) } : {}),
    ...(r.memory !== undefined ? { memory: String(r.memory) } : {}),
  };
  delete (def as Record<string, unknown>).tags;
  return { def, cpu: r.cpu, memory: r.memory };
}

/** The network mode, the compatibilities required, the OS family and the task-level sizes. */
function readRequest(input: Ecs.RegisterTaskDefinitionRequest): Request {
  const networkMode = input.networkMode;
  if (networkMode !== undefined && !NETWORK_MODES.includes(networkMode)) {
    throw clientError(`Invalid networkMode '${networkMode}'. Valid values are bridge, host, awsvpc and none.`, ['networkMode']);
  }
  const requires = input.requiresCompatibilities ?? [];
  requires.forEach((r, i) => {
    if (!COMPATIBILITIES.includes(r)) throw clientError(`Invalid requiresCompatibilities value '${r}'. Valid values are EC2, FARGATE, EXTERNAL and MANAGED_INSTANCES.`, ['requiresCompatibilities', i]);
  });
  const os = input.runtimePlatform?.operatingSystemFamily;
  let cpu: number | undefined;
  let memory: number | undefined;
  if (input.cpu !== undefined) {
    cpu = parseCpu(input.cpu);
    if (cpu === undefined || cpu < 128 || cpu > 196608) throw clientError("Invalid 'cpu' setting for task.", ['cpu']);
  }
  if (input.memory !== undefined) {
    memory = parseMemory(input.memory);
    if (memory === undefined || memory < 6) throw clientError("Invalid 'memory' setting for task.", ['memory']);
  }
  return {
    input,
    networkMode,
    requires,
    fargate: requires.includes('FARGATE'),
    ec2Like: requires.length === 0 || requires.includes('EC2') || requires.includes('EXTERNAL'),
    windows: os !== undefined && os.startsWith('WINDOWS'),
    cpu,
    memory,
  };
}

/** What a task definition that requires FARGATE must be (§3.2): awsvpc, a Fargate size, no host features. */
function checkFargateTask(r: Request): void {
  const { input, cpu, memory } = r;
  if (r.networkMode !== 'awsvpc') throw clientError('Fargate only supports network mode \u2018awsvpc\u2019.', ['networkMode']);
  if (cpu === undefined) throw clientError("Fargate requires that 'cpu' be defined at the task level.", ['cpu']);
  if (memory === undefined) throw clientError("Fargate requires that 'memory' be defined at the task level.", ['memory']);
  if (!isFargateSize(cpu, memory, r.windows)) {
    throw clientError(`No Fargate configuration exists for given values: ${cpu} CPU, ${memory} memory. See the Amazon ECS documentation for the valid values.`, ['cpu']);
  }
  if (Array.isArray(input.placementConstraints) && input.placementConstraints.length > 0) {
    throw clientError('Task definition placement constraints are not supported by the Fargate launch type.', ['placementConstraints']);
  }
  if (input.pidMode === 'host' || input.ipcMode !== undefined) {
    throw clientError(`${input.ipcMode !== undefined ? 'ipcMode' : "pidMode 'host'"} is not supported by the Fargate launch type.`, [input.ipcMode !== undefined ? 'ipcMode' : 'pidMode']);
  }
  (input.volumes ?? []).forEach((v, i) => {
    if (v.dockerVolumeConfiguration) throw clientError(`Volume '${String(v.name)}': dockerVolumeConfiguration is not supported by the Fargate launch type.`, ['volumes', i, 'dockerVolumeConfiguration']);
    if (v.host?.sourcePath) throw clientError(`Volume '${String(v.name)}': host sourcePath is not supported by the Fargate launch type.`, ['volumes', i, 'host', 'sourcePath']);
  });
}

/** Every container checked and normalized, then what they add up to against the task's sizes. */
function checkContainers(r: Request, containers: Ecs.ContainerDefinition[]): ContainerDefinition[] {
  const names = new Set<string | undefined>();
  let essentialCount = 0;
  let sumCpu = 0;
  let sumMem = 0;
  const out: ContainerDefinition[] = [];
  for (const [i, c] of containers.entries()) {
    const norm = checkContainer(r, c, names, ['containerDefinitions', i]);
    if (norm.essential) essentialCount++;
    sumCpu += c.cpu ?? 0;
    sumMem += c.memoryReservation ?? c.memory ?? 0;
    out.push(norm);
  }
  if (essentialCount === 0) throw clientError('At least one container in the task definition must be essential.', ['containerDefinitions']);
  if (r.cpu !== undefined && sumCpu > r.cpu) {
    throw clientError(`The sum of the container 'cpu' values (${sumCpu}) exceeds the task 'cpu' value (${r.cpu}).`, ['cpu']);
  }
  if (r.memory !== undefined && sumMem > r.memory) {
    throw clientError(`The sum of the container memory reservations (${sumMem} MiB) exceeds the task 'memory' value (${r.memory} MiB).`, ['memory']);
  }
  return out;
}

/** One container definition: its name, image, memory, ports and, on Fargate, what Fargate refuses. */
function checkContainer(r: Request, c: Ecs.ContainerDefinition, names: Set<string | undefined>, at: MemberPath): ContainerDefinition {
  const { networkMode } = r;
  const name = c.name;
  if (!/^[A-Za-z0-9_-]{1,255}$/.test(String(name))) throw clientError(`Invalid container name '${name}'. Up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores are allowed.`, [...at, 'name']);
  if (names.has(name)) throw clientError(`Duplicate container name '${name}'. Container names must be unique within a task definition.`, [...at, 'name']);
  names.add(name);
  if (c.image === undefined || c.image.trim() === '') throw clientError('Container.image should not be null or empty.', [...at, 'image']);
  if (c.image.length > 255 || /\s/.test(c.image)) throw clientError(`Invalid image '${c.image}' for container '${name}'.`, [...at, 'image']);
  const essential = c.essential ?? true;
  if (c.memory === undefined && c.memoryReservation === undefined && r.memory === undefined && r.ec2Like && !r.fargate) {
    throw clientError(`Invalid setting for container '${name}'. At least one of 'memory' or 'memoryReservation' must be specified.`, at);
  }
  if (c.memory !== undefined && c.memoryReservation !== undefined && c.memory < c.memoryReservation) {
    throw clientError(`Invalid setting for container '${name}'. 'memory' must be greater than or equal to 'memoryReservation'.`, [...at, 'memory']);
  }
  if (c.memory !== undefined && c.memory < 6) throw clientError(`Invalid 'memory' setting for container '${name}'. The minimum is 6 MiB.`, [...at, 'memory']);
  checkPortMappings(name, c, networkMode, at);
  if (c.hostname !== undefined && networkMode === 'awsvpc') {
    throw clientError(`Container '${name}': hostname is not supported when networkMode=awsvpc.`, [...at, 'hostname']);
  }
  if (c.links && c.links.length && networkMode !== undefined && networkMode !== 'bridge') {
    throw clientError(`Links are not supported when networkMode=${networkMode} (container '${name}').`, [...at, 'links']);
  }
  if (r.fargate) checkFargateContainer(r, c, at);
  if (c.restartPolicy) checkRestartPolicy(String(name), c.restartPolicy, [...at, 'restartPolicy']);
  // The registered definition keeps the members as the request gave them, with the members AWS always returns.
  const norm = { cpu: 0, ...c, essential, environment: c.environment ?? [], mountPoints: c.mountPoints ?? [], volumesFrom: c.volumesFrom ?? [], systemControls: c.systemControls ?? [] } as ContainerDefinition;
  if (c.healthCheck) norm.healthCheck = checkHealth(String(name), c.healthCheck, at);
  // Defaults that DescribeTaskDefinition shows.
  norm.portMappings = (c.portMappings ?? []).map((pm) => ({
    ...pm,
    ...(pm.containerPort !== undefined && (networkMode === 'awsvpc' || networkMode === 'host') ? { hostPort: pm.containerPort } : {}),
    protocol: pm.protocol ?? 'tcp',
  }));
  return norm;
}

/**
 * A container restart policy (ecs-spec §13.3, API:ContainerRestartPolicy): at most 50 ignored exit
 * codes, and a restart attempt period of 60 to 1800 seconds. [INF] the wording: AWS's own text is not
 * documented; these name the member as the other ClientException messages do.
 */
function checkRestartPolicy(c: string, p: Ecs.ContainerRestartPolicy, at: MemberPath): void {
  if ((p.ignoredExitCodes?.length ?? 0) > 50) {
    throw clientError(`Invalid 'restartPolicy' setting for container '${c}'. You can specify a maximum of 50 ignored exit codes.`, [...at, 'ignoredExitCodes']);
  }
  const period = p.restartAttemptPeriod;
  if (period !== undefined && (period < 60 || period > 1800)) {
    throw clientError(`Invalid 'restartPolicy.restartAttemptPeriod' setting for container '${c}': ${period}. The value must be between 60 and 1800 seconds.`, [...at, 'restartAttemptPeriod']);
  }
}

/** Port ranges, awsvpc and host mode (host port = container port), and one mapping per host port. */
function checkPortMappings(name: string | undefined, c: Ecs.ContainerDefinition, networkMode: string | undefined, container: MemberPath): void {
  const seenHostPorts = new Set<string>();
  for (const [i, pm] of (c.portMappings ?? []).entries()) {
    const at = [...container, 'portMappings', i];
    if (pm.containerPort !== undefined && (pm.containerPort < 1 || pm.containerPort > 65535)) {
      throw clientError(`Invalid 'containerPort' setting for container '${name}': ${pm.containerPort}. Ports must be between 1 and 65535.`, [...at, 'containerPort']);
    }
    if (pm.hostPort !== undefined && (pm.hostPort < 0 || pm.hostPort > 65535)) {
      throw clientError(`Invalid 'hostPort' setting for container '${name}': ${pm.hostPort}. Ports must be between 0 and 65535.`, [...at, 'hostPort']);
    }
    if ((networkMode === 'awsvpc' || networkMode === 'host') && pm.hostPort !== undefined && pm.hostPort !== pm.containerPort) {
      throw clientError(`When networkMode=${networkMode}, the host ports and container ports in port mappings must match.`, [...at, 'hostPort']);
    }
    const hp = networkMode === 'awsvpc' || networkMode === 'host' ? pm.containerPort : pm.hostPort;
    if (hp) {
      const key = `${hp}/${pm.protocol ?? 'tcp'}`;
      if (seenHostPorts.has(key)) throw clientError(`Container '${name}' maps host port ${key} more than once.`, at);
      seenHostPorts.add(key);
    }
  }
}

/** What Fargate refuses in a container: other log drivers, ECR images or awslogs without an execution role, host features. */
function checkFargateContainer(r: Request, c: Ecs.ContainerDefinition, at: MemberPath): void {
  const name = c.name;
  const driver = c.logConfiguration?.logDriver;
  if (driver !== undefined && !FARGATE_LOG_DRIVERS.includes(driver)) {
    throw clientError(`Log driver ${driver} is not supported by the Fargate launch type (container '${name}'). Use awslogs, splunk or awsfirelens.`, [...at, 'logConfiguration', 'logDriver']);
  }
  if (driver === 'awslogs' && !r.input.executionRoleArn) {
    throw clientError('Fargate requires task definition to have execution role ARN to support log driver awslogs.', [...at, 'logConfiguration', 'logDriver']);
  }
  if (ECR_IMAGE.test(c.image!) && !r.input.executionRoleArn) {
    throw clientError('Fargate requires task definition to have execution role ARN to support ECR images.', [...at, 'image']);
  }
  if (c.privileged) throw clientError(`Container '${name}': privileged is not supported by the Fargate launch type.`, [...at, 'privileged']);
  if (c.links && c.links.length) throw clientError(`Container '${name}': links are not supported by the Fargate launch type.`, [...at, 'links']);
  for (const t of ['startTimeout', 'stopTimeout'] as const) {
    const v = c[t];
    if (v !== undefined && (v > 120 || (t === 'startTimeout' && v < 2))) {
      throw clientError(`Invalid '${t}' setting for container '${name}': ${v}. On Fargate it must be between ${t === 'startTimeout' ? 2 : 0} and 120 seconds.`, [...at, t]);
    }
  }
}

/** dependsOn rules (§3.4): known containers, valid conditions, no COMPLETE/SUCCESS on essential ones, HEALTHY needs a health check, no cycles. */
function checkDependencies(out: ContainerDefinition[]): void {
  const byName = new Map(out.map((c) => [c.name, c]));
  for (const [i, c] of out.entries()) {
    for (const [k, d] of (c.dependsOn ?? []).entries()) {
      const at = ['containerDefinitions', i, 'dependsOn', k];
      const dep = byName.get(d.containerName);
      if (!dep) throw clientError(`Container '${c.name}' depends on container '${d.containerName}', which is not defined in the task definition.`, [...at, 'containerName']);
      if (d.containerName === c.name) throw clientError(`Container '${c.name}' cannot depend on itself.`, [...at, 'containerName']);
      if (!['START', 'COMPLETE', 'SUCCESS', 'HEALTHY'].includes(d.condition)) {
        throw clientError(`Invalid dependsOn condition '${d.condition}' for container '${c.name}'. Valid values are START, COMPLETE, SUCCESS and HEALTHY.`, [...at, 'condition']);
      }
      if ((d.condition === 'COMPLETE' || d.condition === 'SUCCESS') && dep.essential) {
        throw clientError(`Container '${c.name}' has a ${d.condition} dependency on container '${dep.name}', which is essential. COMPLETE and SUCCESS dependencies cannot target an essential container.`, [...at, 'condition']);
      }
      if (d.condition === 'HEALTHY' && !dep.healthCheck) {
        throw clientError(`Container '${c.name}' has a HEALTHY dependency on container '${dep.name}', which has no health check.`, [...at, 'condition']);
      }
    }
  }
  const visiting = new Set<string>();
  const done = new Set<string>();
  const visit = (n: string, chain: string[]) => {
    if (done.has(n)) return;
    if (visiting.has(n)) throw clientError(`Circular container dependency: ${[...chain, n].join(' -> ')}.`, ['containerDefinitions', out.findIndex((c) => c.name === chain.at(-1)), 'dependsOn']);
    visiting.add(n);
    for (const d of byName.get(n)!.dependsOn ?? []) visit(d.containerName, [...chain, n]);
    visiting.delete(n);
    done.add(n);
  };
  for (const c of out) visit(c.name, []);
}

/**
 * Storage (ecs-spec §13.3): Fargate ephemeral storage of 21 to 200 GiB (API:EphemeralStorage), and
 * at most one volume configured at launch, which the task definition configures no further ("Amazon
 * EBS volumes can't be configured for attachment in the task definition", DG:specify-ebs-config).
 * [INF] the wording of these refusals.
 */
function checkStorage(input: Ecs.RegisterTaskDefinitionRequest): void {
  const size = input.ephemeralStorage?.sizeInGiB;
  if (size !== undefined && (size < 21 || size > 200)) {
    throw clientError(`Invalid 'ephemeralStorage.sizeInGiB' setting for task: ${size}. The minimum supported value is 21 GiB and the maximum supported value is 200 GiB.`, ['ephemeralStorage', 'sizeInGiB']);
  }
  const atLaunch = [...(input.volumes ?? []).entries()].filter(([, v]) => v.configuredAtLaunch === true);
  if (atLaunch.length > 1) throw clientError('Only one volume in a task definition can be configured at launch.', ['volumes', atLaunch[1]![0], 'configuredAtLaunch']);
  for (const [i, v] of atLaunch) {
    if (v.host || v.dockerVolumeConfiguration || v.efsVolumeConfiguration || v.fsxWindowsFileServerVolumeConfiguration) {
      throw clientError(`Volume '${String(v.name)}' is configured at launch: it cannot also have a host, Docker, EFS or FSx configuration in the task definition.`, ['volumes', i]);
    }
  }
}

/** A task definition's placement constraints: at most 10, memberOf only, with an expression that parses. */
function checkConstraints(input: Ecs.RegisterTaskDefinitionRequest): { type?: string; expression?: string }[] {
  const constraints = input.placementConstraints ?? [];
  if (constraints.length > 10) throw clientError('Too many placement constraints: a task definition can have at most 10.', ['placementConstraints']);
  for (const [k, pc] of constraints.entries()) {
    if (pc.type !== 'memberOf') throw clientError(`Invalid placement constraint type '${pc.type}' in a task definition. Only memberOf is supported.`, ['placementConstraints', k, 'type']);
    if (!pc.expression) throw clientError('A memberOf placement constraint requires an expression.', ['placementConstraints', k]);
    try {
      parseClq(pc.expression);
    } catch (e) {
      if (e instanceof ClqError) throw clientError(`Invalid placement constraint expression '${pc.expression}': ${e.message} at position ${e.position}.`, ['placementConstraints', k, 'expression']);
      throw e;
    }
  }
  return constraints;
}

/** The launch types the task definition can run on, as ECS works them out. */
/**
 * The launch types the task definition can run on, as ECS works them out: EC2 always; EXTERNAL (ECS
 * Anywhere, listed first as AWS lists it) for the network modes it supports (bridge, host, none);
 * FARGATE when the task is valid for Fargate; MANAGED_INSTANCES when the task definition requires it
 * [INF: AWS does not say whether it adds Managed Instances to a definition that does not ask for it].
 */
function compatibilitiesOf(r: Request, out: ContainerDefinition[], constraints: unknown[]): string[] {
  const compatibilities = r.networkMode === 'awsvpc' || r.windows ? ['EC2'] : ['EXTERNAL', 'EC2'];
  const fargateOk = r.networkMode === 'awsvpc' && r.cpu !== undefined && r.memory !== undefined && isFargateSize(r.cpu, r.memory, r.windows) && constraints.length === 0 && !out.some((c) => c.privileged || (c.links && c.links.length));
  if (fargateOk) compatibilities.push('FARGATE');
  if (r.requires.includes('MANAGED_INSTANCES')) compatibilities.push('MANAGED_INSTANCES');
  return compatibilities;
}

/** The agent capabilities an instance needs to run the task definition. */
function requiresAttributesOf(r: Request, out: ContainerDefinition[]): { name: string }[] {
  const requiresAttributes: { name: string }[] = [{ name: 'com.amazonaws.ecs.capability.docker-remote-api.1.18' }];
  if (r.networkMode === 'awsvpc') requiresAttributes.push({ name: 'ecs.capability.task-eni' });
  if (out.some((c) => c.healthCheck)) requiresAttributes.push({ name: 'ecs.capability.container-health-check' });
  if (out.some((c) => c.dependsOn?.length)) requiresAttributes.push({ name: 'ecs.capability.container-ordering' });
  if (out.some((c) => ECR_IMAGE.test(c.image))) requiresAttributes.push({ name: 'com.amazonaws.ecs.capability.ecr-auth' });
  if (r.input.executionRoleArn && out.some((c) => (c.logConfiguration as { logDriver?: string } | undefined)?.logDriver === 'awslogs')) {
    requiresAttributes.push({ name: 'ecs.capability.execution-role-awslogs' });
  }
  return requiresAttributes;
}
