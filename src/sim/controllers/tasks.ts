import type { SimContext } from '../model/context';
import type { Container, ContainerInstance, ImageBehavior, Requirements, Task, TaskDefinition, TaskStatus, WaitingPlacement } from '../model/types';
import { indexTask } from '../placement/place';
import { onlyLocal } from '../queries/docker';
import { containerDemand } from '../queries/demand';
import { taskDefinitionOf } from '../queries/taskDefinitions';

/**
 * The task lifecycle as the agent and ECS drive it (ecs-spec §4): PROVISIONING → PENDING (pull,
 * create; the agent's internal states all report PENDING) → RUNNING → STOPPING → DEPROVISIONING →
 * STOPPED, with dependsOn gating container start, container health checks, essential-container
 * exits and the SIGTERM → SIGKILL stop timeout. Every wait is a pending event in the queue.
 */

/** docker.io normalization of an image reference, as pull errors print it. */
export function imageRef(image: string): string {
  let ref = image;
  const first = ref.split('/')[0]!;
  const hasRegistry = ref.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (!hasRegistry) ref = `docker.io/${ref.includes('/') ? '' : 'library/'}${ref}`;
  const last = ref.slice(ref.lastIndexOf('/') + 1);
  if (!last.includes(':') && !last.includes('@')) ref += ':latest';
  return ref;
}

function behavior(sim: SimContext, image: string): ImageBehavior {
  return sim.world.images[image] ?? {};
}

export interface CreateTaskOptions {
  clusterArn: string;
  td: TaskDefinition;
  group: string;
  launchType: 'EC2' | 'FARGATE';
  capacityProviderName?: string;
  instance?: ContainerInstance;
  subnetId?: string;
  startedBy?: string;
  overrides?: Record<string, unknown>;
  serviceArn?: string;
  deploymentId?: string;
  platformVersion?: string;
  traceId?: number;
  req: Requirements;
  tags?: { key: string; value: string }[];
  /** No instance yet: wait in PROVISIONING for capacity from this provider. */
  waiting?: WaitingPlacement;
}

function setStatus(sim: SimContext, t: Task, s: TaskStatus): void {
  if (t.lastStatus === s) return;
  t.lastStatus = s;
  t.version++;
  sim.emit('TaskStateChange', `Task ${t.id} (${t.family}) is ${s}${t.ec2InstanceId ? ` on ${t.ec2InstanceId}` : ` in ${t.availabilityZone}`}.`, {
    taskArn: t.taskArn, lastStatus: s, desiredStatus: t.desiredStatus, group: t.group,
    ...(t.stopCode ? { stopCode: t.stopCode } : {}), ...(s === 'STOPPED' && t.stoppedReason ? { stoppedReason: t.stoppedReason } : {}),
  });
  sim.notices.emit('taskChanged', t);
}

/** Creates a task: placed (an instance or a Fargate subnet) it starts at once; with `waiting` it waits in PROVISIONING. */
export function createTask(sim: SimContext, o: CreateTaskOptions): Task {
  const w = sim.world;
  const cluster = w.clusters[o.clusterArn]!;
  const id = sim.hex(32);
  const taskArn = sim.arn(`task/${cluster.clusterName}/${id}`);
  const mode = o.td.networkMode ?? (o.launchType === 'FARGATE' ? 'awsvpc' : 'bridge');
  const overrides = (o.overrides ?? {}) as { containerOverrides?: { name: string; cpu?: number; memory?: number; memoryReservation?: number }[] };
  const containers: Container[] = o.td.containerDefinitions.map((cd) => {
    const ov = overrides.containerOverrides?.find((x) => x.name === cd.name);
    return {
      containerArn: sim.arn(`container/${cluster.clusterName}/${id}/${sim.uuid()}`),
      name: cd.name, image: cd.image, essential: cd.essential !== false, state: 'NONE', healthStatus: 'UNKNOWN', healthFailures: 0,
      networkBindings: [],
      ...(ov?.cpu ?? cd.cpu) !== undefined ? { cpu: ov?.cpu ?? cd.cpu } : {},
      ...(ov?.memory ?? cd.memory) !== undefined ? { memory: ov?.memory ?? cd.memory } : {},
      ...(ov?.memoryReservation ?? cd.memoryReservation) !== undefined ? { memoryReservation: ov?.memoryReservation ?? cd.memoryReservation } : {},
    };
  });
  const t: Task = {
    taskArn, id, clusterArn: o.clusterArn, taskDefinitionArn: o.td.taskDefinitionArn, family: o.td.family, group: o.group,
    launchType: o.launchType, availabilityZone: '', networkMode: mode,
    lastStatus: 'PROVISIONING', desiredStatus: 'RUNNING', healthStatus: 'UNKNOWN', createdAtMs: sim.now,
    containers, overrides: o.overrides ?? { containerOverrides: [] },
    reserved: { cpu: o.req.cpu, memory: o.req.memory, gpu: o.req.gpu, eni: o.req.eni, ports: [...o.req.ports], portsUdp: [...o.req.portsUdp] },
    reachedRunning: false, version: 1, gen: 0, tags: o.tags ?? [],
    ...(o.startedBy ? { startedBy: o.startedBy } : {}),
    ...(o.capacityProviderName ? { capacityProviderName: o.capacityProviderName } : {}),
    ...(o.platformVersion ? { platformVersion: o.platformVersion } : {}),
    ...(o.td.cpu !== undefined ? { cpu: o.td.cpu } : {}),
    ...(o.td.memory !== undefined ? { memory: o.td.memory } : {}),
    ...(o.serviceArn ? { serviceArn: o.serviceArn, deploymentId: o.deploymentId } : {}),
    ...(o.traceId !== undefined ? { traceId: o.traceId } : {}),
  };
  w.tasks[taskArn] = t;
  w.taskOrder.push(taskArn);
  if (o.launchType === 'FARGATE') w.fargateTasksLaunched = true;
  if (o.waiting) {
    t.waiting = o.waiting;
    w.waiting.push(taskArn);
    indexTask(w, t, 1);
    sim.emit('TaskStateChange', `Task ${t.id} (${t.family}) is PROVISIONING: waiting for capacity from ${o.waiting.capacityProvider}.`, {
      taskArn, lastStatus: 'PROVISIONING', desiredStatus: 'RUNNING', group: t.group, capacityProviderName: o.waiting.capacityProvider,
    });
    sim.engine.after(w.durations.provisioningTimeoutMs, { k: 'task.provisionTimeout', task: taskArn });
    return t;
  }
  bindTask(sim, t, o.td, o.instance, o.subnetId);
  return t;
}

/** Gives a task its instance (reserving resources and host ports) or its Fargate subnet, and starts it. */
export function bindTask(sim: SimContext, t: Task, td: TaskDefinition, ci: ContainerInstance | undefined, subnetId: string | undefined): void {
  const w = sim.world;
  const d = w.durations;
  const mode = t.networkMode;
  const reserved = t.reserved;
  if (t.waiting) {
    indexTask(w, t, -1);
    delete t.waiting;
    w.waiting = w.waiting.filter((a) => a !== t.taskArn);
  }
  if (ci && t.launchType === 'EC2') {
    // Host ports: static ones as reserved, dynamic ones from the ephemeral range, lowest free first [SIM].
    td.containerDefinitions.forEach((cd, i) => {
      for (const pm of cd.portMappings ?? []) {
        if (pm.containerPort === undefined || mode === 'awsvpc' || mode === 'none') continue;
        let hostPort = mode === 'host' ? pm.containerPort : pm.hostPort ?? 0;
        const proto = pm.protocol === 'udp' ? 'udp' : 'tcp';
        if (hostPort === 0) {
          const used = proto === 'udp' ? ci.usedPortsUdp : ci.usedPorts;
          hostPort = 49153;
          while (used.includes(hostPort) || reserved.ports.includes(hostPort)) hostPort++;
          (proto === 'udp' ? reserved.portsUdp : reserved.ports).push(hostPort);
        }
        t.containers[i]!.networkBindings.push({ bindIP: '0.0.0.0', containerPort: pm.containerPort, hostPort, protocol: proto });
      }
    });
    ci.usedCpu += reserved.cpu;
    ci.usedMemory += reserved.memory;
    ci.usedGpu += reserved.gpu;
    ci.usedEni += reserved.eni;
    ci.usedPorts.push(...reserved.ports);
    ci.usedPortsUdp.push(...reserved.portsUdp);
    ci.version++;
    ci.taskArns.push(t.taskArn);
    t.containerInstanceArn = ci.containerInstanceArn;
    t.ec2InstanceId = ci.ec2InstanceId;
  }
  const subnet = subnetId ?? ci?.subnetId;
  t.availabilityZone = ci ? ci.availabilityZone : w.subnets[subnet!]!.availabilityZone;
  if (subnet) t.subnetId = subnet;
  if (mode === 'awsvpc' && subnet) {
    const sn = w.subnets[subnet]!;
    const base = sn.cidr.split('/')[0]!.split('.').map(Number);
    const n = sn.nextIp++;
    sn.freeIps--;
    t.privateIp = `${base[0]}.${base[1]}.${base[2]! + (n >> 8)}.${n & 255}`;
    t.eniId = `eni-${sim.hex(17)}`;
  }
  indexTask(w, t, 1);
  const needsEni = mode === 'awsvpc';
  const initial: TaskStatus = needsEni ? 'PROVISIONING' : 'PENDING';
  t.lastStatus = initial;
  t.version++;
  sim.emit('TaskStateChange', `Task ${t.id} (${t.family}) is ${initial}${ci ? ` on ${ci.ec2InstanceId}` : ` in ${t.availabilityZone}`}.`, {
    taskArn: t.taskArn, lastStatus: initial, desiredStatus: 'RUNNING', group: t.group, ...(ci ? { containerInstanceArn: ci.containerInstanceArn } : {}),
  });
  if (needsEni) sim.engine.after(t.launchType === 'FARGATE' ? d.fargateProvisionMs : d.eniAttachMs, { k: 'task.provisioned', task: t.taskArn });
  else sim.engine.after(d.agentAckMs, { k: 'task.pull', task: t.taskArn });
  sim.notices.emit('taskChanged', t);
}

function task(sim: SimContext, arn: string): Task | undefined {
  return sim.world.tasks[arn];
}

function allStopped(t: Task): boolean {
  return t.containers.every((c) => c.state === 'STOPPED' || c.state === 'NONE' || c.state === 'PULLED' || c.state === 'CREATED');
}

function dependencyMet(t: Task, td: TaskDefinition | undefined, name: string): boolean {
  const def = td?.containerDefinitions.find((c) => c.name === name);
  for (const dep of def?.dependsOn ?? []) {
    const c = t.containers.find((x) => x.name === dep.containerName);
    if (!c) continue;
    if (dep.condition === 'START' && c.state !== 'RUNNING' && c.state !== 'STOPPED') return false;
    if (dep.condition === 'COMPLETE' && c.state !== 'STOPPED') return false;
    if (dep.condition === 'SUCCESS' && !(c.state === 'STOPPED' && c.exitCode === 0)) return false;
    if (dep.condition === 'HEALTHY' && c.healthStatus !== 'HEALTHY') return false;
  }
  return true;
}

/** Starts every created container whose dependencies are met. */
function startReady(sim: SimContext, t: Task): void {
  if (t.desiredStatus !== 'RUNNING') return;
  const td = taskDefinitionOf(sim, t);
  for (const c of t.containers) {
    if (c.state !== 'CREATED') continue;
    if (!dependencyMet(t, td, c.name)) continue;
    c.state = 'PULLED'; // starting: no longer eligible for another start event
    sim.engine.after(sim.world.durations.containerStartMs, { k: 'ctr.start', task: t.taskArn, ctr: c.name });
  }
}

function updateTaskHealth(sim: SimContext, t: Task): void {
  const td = taskDefinitionOf(sim, t);
  const checked = t.containers.filter((c) => c.essential && td?.containerDefinitions.find((d) => d.name === c.name)?.healthCheck);
  let h: Task['healthStatus'] = 'UNKNOWN';
  if (checked.length > 0 && t.containers.some((c) => c.essential && c.healthStatus === 'UNHEALTHY')) h = 'UNHEALTHY';
  else if (checked.length > 0 && checked.every((c) => c.healthStatus === 'HEALTHY')) h = 'HEALTHY';
  if (h !== t.healthStatus) {
    t.healthStatus = h;
    t.version++;
    sim.emit('TaskHealthChange', `Task ${t.id} (${t.family}) is ${h}.`, { taskArn: t.taskArn, healthStatus: h });
    sim.notices.emit('taskHealthChanged', t);
    sim.notices.emit('taskChanged', t);
  }
}

function maybeRunning(sim: SimContext, t: Task): void {
  if (t.lastStatus === 'RUNNING' || t.desiredStatus !== 'RUNNING') return;
  // [INF] RUNNING once every essential container runs; non-essential ones may have exited already.
  const ready = t.containers.every((c) => (c.essential ? c.state === 'RUNNING' : c.state === 'RUNNING' || c.state === 'STOPPED'));
  if (!ready) return;
  t.startedAtMs = sim.now;
  t.reachedRunning = true;
  setStatus(sim, t, 'RUNNING');
}

/** Sets desiredStatus STOPPED and starts the stop sequence (StopTask, essential exit, scheduler). */
export function stopTask(sim: SimContext, t: Task, stopCode: string | undefined, reason: string): void {
  if (t.desiredStatus === 'STOPPED') return;
  t.desiredStatus = 'STOPPED';
  if (stopCode) t.stopCode = stopCode;
  t.stoppedReason = reason;
  t.version++;
  indexTask(sim.world, t, -1);
  if (t.waiting) {
    delete t.waiting;
    sim.world.waiting = sim.world.waiting.filter((a) => a !== t.taskArn);
  }
  sim.emit('TaskStateChange', `Task ${t.id} (${t.family}) is asked to stop: ${reason}`, {
    taskArn: t.taskArn, lastStatus: t.lastStatus, desiredStatus: 'STOPPED', group: t.group, ...(stopCode ? { stopCode } : {}), stoppedReason: reason,
  });
  // Load balancer targets are deregistered first and drain before the containers are stopped.
  sim.notices.emit('taskStopping', t);
  sim.notices.emit('taskChanged', t);
  sim.engine.after(sim.world.durations.agentAckMs, { k: 'task.stop', task: t.taskArn });
}

function releaseAndStop(sim: SimContext, t: Task): void {
  const w = sim.world;
  t.stoppedAtMs = sim.now;
  t.executionStoppedAtMs ??= sim.now;
  const ci = t.containerInstanceArn ? w.containerInstances[t.containerInstanceArn] : undefined;
  if (ci) {
    ci.usedCpu -= t.reserved.cpu;
    ci.usedMemory -= t.reserved.memory;
    ci.usedGpu -= t.reserved.gpu;
    ci.usedEni -= t.reserved.eni;
    ci.usedPorts = ci.usedPorts.filter((p) => !t.reserved.ports.includes(p));
    ci.usedPortsUdp = ci.usedPortsUdp.filter((p) => !t.reserved.portsUdp.includes(p));
    ci.taskArns = ci.taskArns.filter((a) => a !== t.taskArn);
    ci.version++;
    // Freed resources may fit a task waiting for capacity.
    if (w.waiting.length) sim.engine.after(0, { k: 'cluster.placeWaiting', cluster: t.clusterArn });
  }
  if (t.subnetId && t.networkMode === 'awsvpc') w.subnets[t.subnetId]!.freeIps++;
  setStatus(sim, t, 'STOPPED');
}

function containersStopped(sim: SimContext, t: Task): void {
  t.executionStoppedAtMs = sim.now;
  if (t.networkMode === 'awsvpc') {
    setStatus(sim, t, 'DEPROVISIONING');
    sim.engine.after(sim.world.durations.eniDetachMs, { k: 'task.deprovisioned', task: t.taskArn });
  } else releaseAndStop(sim, t);
}

/** The host is gone (terminated, stopped, deregistered by force): everything stops at once. */
export function killTask(sim: SimContext, t: Task, reason: string, stopCode?: string): void {
  if (t.lastStatus === 'STOPPED') return;
  sim.notices.emit('taskKilled', t);
  if (t.desiredStatus === 'RUNNING') {
    t.desiredStatus = 'STOPPED';
    indexTask(sim.world, t, -1);
    t.stoppedReason = reason;
    if (stopCode) t.stopCode = stopCode;
  }
  for (const c of t.containers) {
    if (c.state !== 'STOPPED') {
      c.state = 'STOPPED';
      c.stoppedAtMs = sim.now;
    }
  }
  releaseAndStop(sim, t);
}

/** Listener of `hostLost`: every task on the instance stops at once. */
export function killTasksOnHost(sim: SimContext, lost: { instance: ContainerInstance; reason: string }): void {
  for (const arn of [...lost.instance.taskArns]) {
    const t = sim.world.tasks[arn];
    if (t) killTask(sim, t, lost.reason);
  }
}

function containerExited(sim: SimContext, t: Task, c: Container, code: number | undefined, reason?: string): void {
  if (c.state === 'STOPPED') return;
  c.state = 'STOPPED';
  c.stoppedAtMs = sim.now;
  if (code !== undefined) c.exitCode = code;
  if (reason) c.reason = reason;
  t.version++;
  sim.emit('ContainerStateChange', `Container ${c.name} of task ${t.id} exited${code !== undefined ? ` with code ${code}` : ''}.`, {
    taskArn: t.taskArn, containerName: c.name, lastStatus: 'STOPPED', ...(code !== undefined ? { exitCode: code } : {}),
  });
  if (t.desiredStatus === 'RUNNING') {
    if (c.essential) {
      stopTask(sim, t, 'EssentialContainerExited', 'Essential container in task exited');
      return;
    }
    startReady(sim, t);
    maybeRunning(sim, t);
    return;
  }
  if ((t.lastStatus === 'STOPPING' || t.lastStatus === 'DEACTIVATING') && allStopped(t)) containersStopped(sim, t);
}

const OOM_REASON = 'OutOfMemoryError: Container killed due to memory usage';

/**
 * The kernel's OOM killer: a container above its hard memory limit is killed (exit 137). With only a
 * task-level limit, the container using the most memory goes first [SIM].
 */
export function checkMemory(sim: SimContext, t: Task): void {
  if (t.lastStatus === 'STOPPED') return;
  let total = 0;
  let biggest: { c: Container; mem: number } | undefined;
  for (const c of t.containers) {
    if (c.state !== 'RUNNING') continue;
    const mem = containerDemand(sim, t, c).memory;
    if (c.memory !== undefined && mem > c.memory) {
      containerExited(sim, t, c, 137, OOM_REASON);
      continue;
    }
    total += mem;
    if (!biggest || mem > biggest.mem) biggest = { c, mem };
  }
  const taskLimit = t.memory !== undefined ? Number(t.memory) : undefined;
  if (biggest && taskLimit !== undefined && total > taskLimit && biggest.c.state === 'RUNNING') {
    containerExited(sim, t, biggest.c, 137, OOM_REASON);
  }
}

/** Makes a running container's process exit with `code` (sim.ExitContainer, crash behaviours). */
export function exitContainer(sim: SimContext, t: Task, name: string, code: number): boolean {
  const c = t.containers.find((x) => x.name === name);
  if (!c || c.state !== 'RUNNING') return false;
  containerExited(sim, t, c, code);
  return true;
}

export function registerTaskHandlers(sim: SimContext): void {
  const e = sim.engine;
  const w = () => sim.world;

  e.on('task.provisioned', (ev) => {
    const t = task(sim, ev.task);
    if (!t || t.lastStatus !== 'PROVISIONING') return;
    if (t.desiredStatus === 'STOPPED') return;
    setStatus(sim, t, 'PENDING');
    e.after(t.launchType === 'FARGATE' ? 0 : w().durations.agentAckMs, { k: 'task.pull', task: t.taskArn });
  });

  e.on('task.pull', (ev) => {
    const t = task(sim, ev.task);
    if (!t || t.lastStatus === 'STOPPED' || t.desiredStatus === 'STOPPED') return;
    const d = w().durations;
    t.pullStartedAtMs = sim.now;
    const ci = t.containerInstanceArn ? w().containerInstances[t.containerInstanceArn] : undefined;
    let pull = 0;
    for (const c of t.containers) {
      const b = behavior(sim, c.image);
      // An image built on the local Docker host exists in no registry until it is pushed.
      if (b.exists === false || onlyLocal(sim, c.image)) {
        e.after(d.pullFailMs, { k: 'task.pullFailed', task: t.taskArn, image: c.image });
        return;
      }
      const cached = ci && ci.ec2InstanceId && w().ec2[ci.ec2InstanceId]?.imageCache.includes(c.image);
      const ms = b.pullSeconds !== undefined && !cached
        ? b.pullSeconds * 1000
        : t.launchType === 'FARGATE' ? d.fargatePullMs : cached ? d.ec2CachedPullMs : d.ec2PullMs;
      if (ms > pull) pull = ms; // images pull in parallel [SIM]
    }
    e.after(pull, { k: 'task.pulled', task: t.taskArn });
  });

  e.on('task.pullFailed', (ev) => {
    const t = task(sim, ev.task);
    if (!t || t.lastStatus === 'STOPPED') return;
    const image = ev.image;
    const ref = imageRef(image);
    const reason = `CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref ${ref}: ${ref}: not found`;
    t.pullStoppedAtMs = sim.now;
    const c = t.containers.find((x) => x.image === image)!;
    c.reason = reason;
    if (t.desiredStatus === 'RUNNING') {
      t.desiredStatus = 'STOPPED';
      indexTask(w(), t, -1);
      t.stopCode = 'TaskFailedToStart';
      t.stoppedReason = reason;
    }
    for (const x of t.containers) x.state = 'STOPPED';
    containersStopped(sim, t);
  });

  e.on('task.pulled', (ev) => {
    const t = task(sim, ev.task);
    if (!t || t.lastStatus === 'STOPPED' || t.desiredStatus === 'STOPPED') return;
    t.pullStoppedAtMs = sim.now;
    const inst = t.ec2InstanceId ? w().ec2[t.ec2InstanceId] : undefined;
    for (const c of t.containers) {
      c.state = 'PULLED';
      if (inst && !inst.imageCache.includes(c.image)) inst.imageCache.push(c.image);
    }
    e.after(w().durations.containerCreateMs, { k: 'task.created', task: t.taskArn });
  });

  e.on('task.created', (ev) => {
    const t = task(sim, ev.task);
    if (!t || t.lastStatus === 'STOPPED' || t.desiredStatus === 'STOPPED') return;
    for (const c of t.containers) c.state = 'CREATED';
    startReady(sim, t);
    const td = taskDefinitionOf(sim, t);
    if (td?.containerDefinitions.some((c) => c.dependsOn?.length)) {
      e.after(w().durations.startTimeoutMs, { k: 'task.depTimeout', task: t.taskArn });
    }
  });

  e.on('task.depTimeout', (ev) => {
    const t = task(sim, ev.task);
    if (!t || t.desiredStatus !== 'RUNNING' || t.reachedRunning) return;
    const waiting = t.containers.find((c) => c.state === 'CREATED' && c.essential);
    if (!waiting) return;
    // [INF] AWS does not document the text; the agent gives up on a container whose dependencies never resolve.
    waiting.reason = `DependencyTimeout: dependencies of container ${waiting.name} were not met within the start timeout`;
    stopTask(sim, t, 'TaskFailedToStart', `Task failed to start: dependencies of container ${waiting.name} were not met within the start timeout`);
  });

  e.on('ctr.start', (ev) => {
    const t = task(sim, ev.task);
    if (!t || t.desiredStatus !== 'RUNNING' || t.lastStatus === 'STOPPED') return;
    const c = t.containers.find((x) => x.name === ev.ctr);
    if (!c || c.state !== 'PULLED') return;
    c.state = 'RUNNING';
    c.startedAtMs = sim.now;
    t.version++;
    sim.emit('ContainerStateChange', `Container ${c.name} of task ${t.id} is RUNNING.`, { taskArn: t.taskArn, containerName: c.name, lastStatus: 'RUNNING' });
    const b = behavior(sim, c.image);
    if (b.exitAfterSeconds !== undefined) e.after(b.exitAfterSeconds * 1000, { k: 'ctr.exit', task: t.taskArn, ctr: c.name, code: b.exitCode ?? 0 });
    const hc = taskDefinitionOf(sim, t)?.containerDefinitions.find((d) => d.name === c.name)?.healthCheck;
    if (hc && hc.command[0] !== 'NONE') e.after(hc.interval * 1000, { k: 'ctr.health', task: t.taskArn, ctr: c.name });
    startReady(sim, t);
    maybeRunning(sim, t);
    checkMemory(sim, t);
  });

  e.on('ctr.exit', (ev) => {
    const t = task(sim, ev.task);
    if (!t) return;
    const c = t.containers.find((x) => x.name === ev.ctr);
    if (!c || c.state !== 'RUNNING') return;
    containerExited(sim, t, c, ev.code);
  });

  e.on('ctr.health', (ev) => {
    const t = task(sim, ev.task);
    if (!t || t.lastStatus === 'STOPPED') return;
    const c = t.containers.find((x) => x.name === ev.ctr);
    if (!c || c.state !== 'RUNNING') return;
    const hc = taskDefinitionOf(sim, t)?.containerDefinitions.find((d) => d.name === c.name)?.healthCheck;
    if (!hc) return;
    const b = behavior(sim, c.image);
    const sinceStart = sim.now - (c.startedAtMs ?? sim.now);
    const forced = sim.world.healthOverrides[`${t.taskArn}|${c.name}`];
    const passes = forced !== undefined ? !forced : b.healthyAfterSeconds !== undefined ? sinceStart >= b.healthyAfterSeconds * 1000 : !b.healthCheckFails;
    const before = c.healthStatus;
    if (passes) {
      c.healthFailures = 0;
      c.healthStatus = 'HEALTHY';
    } else if (!(hc.startPeriod && sinceStart < hc.startPeriod * 1000)) {
      c.healthFailures++;
      if (c.healthFailures >= hc.retries) c.healthStatus = 'UNHEALTHY';
    }
    if (c.healthStatus !== before) {
      t.version++;
      sim.emit('ContainerHealthChange', `Container ${c.name} of task ${t.id} is ${c.healthStatus}.`, { taskArn: t.taskArn, containerName: c.name, healthStatus: c.healthStatus });
      updateTaskHealth(sim, t);
      startReady(sim, t);
    }
    e.after(hc.interval * 1000, { k: 'ctr.health', task: t.taskArn, ctr: c.name });
  });

  e.on('task.stop', (ev) => {
    const t = task(sim, ev.task);
    if (!t || t.lastStatus === 'STOPPED' || t.lastStatus === 'STOPPING' || t.lastStatus === 'DEPROVISIONING') return;
    if (t.drainUntilMs !== undefined && sim.now < t.drainUntilMs && t.lastStatus === 'RUNNING') {
      setStatus(sim, t, 'DEACTIVATING');
      e.at(t.drainUntilMs, { k: 'task.stop', task: t.taskArn });
      return;
    }
    if (t.lastStatus === 'DEACTIVATING' && t.drainUntilMs !== undefined && sim.now < t.drainUntilMs) return;
    sim.notices.emit('taskDrained', t);
    const running = t.containers.filter((c) => c.state === 'RUNNING');
    if (running.length === 0) {
      for (const c of t.containers) if (c.state !== 'STOPPED') c.state = 'STOPPED';
      if (t.networkMode === 'awsvpc') containersStopped(sim, t);
      else releaseAndStop(sim, t);
      return;
    }
    t.stoppingAtMs = sim.now;
    setStatus(sim, t, 'STOPPING');
    const td = taskDefinitionOf(sim, t);
    for (const c of t.containers) {
      if (c.state === 'PULLED' || c.state === 'CREATED' || c.state === 'NONE') c.state = 'STOPPED';
    }
    for (const c of running) {
      c.sigtermAtMs = sim.now;
      const b = behavior(sim, c.image);
      const stopTimeout = (td?.containerDefinitions.find((d) => d.name === c.name)?.stopTimeout ?? w().durations.stopTimeoutMs / 1000) * 1000;
      if (b.ignoresSigterm) e.after(stopTimeout, { k: 'ctr.exit', task: t.taskArn, ctr: c.name, code: 137 });
      else e.after(Math.min(stopTimeout, (b.stopSeconds ?? w().durations.gracefulStopMs / 1000) * 1000), { k: 'ctr.exit', task: t.taskArn, ctr: c.name, code: 0 });
    }
  });

  e.on('task.deprovisioned', (ev) => {
    const t = task(sim, ev.task);
    if (!t || t.lastStatus !== 'DEPROVISIONING') return;
    releaseAndStop(sim, t);
  });
}
