import type { SimContext } from '../model/context';
import type { Operation } from './operation';
import { ApiError, invalidParameter } from '../core/errors';
import { imagesChanged } from '../queries/demand';
import { findContainerInstance } from '../queries/lookups';
import { loseConnection, restoreConnection, startInstance, stopInstance, terminateInstance } from '../controllers/instances';
import { parseDuration } from '../core/time';
import { resolve } from '../queries/discovery';
import { checkMemory, exitContainer, stopTask } from '../controllers/tasks';
import { expandTrace } from '../placement/traces';
import { runExec } from './ecs/execute';
import type { Ec2Instance, ImageBehavior, TrafficSource } from '../model/types';
import { DEPLOYMENT_SIM_OPERATIONS } from './simDeployments';
import { LAUNCH_INSTANCES } from './simInstances';
import { say, type FormOf, type Said } from '../model/narration';

/** Simulator-only operations (prefixed `sim.`): things that happen to the world rather than API calls. */

function instances(sim: SimContext, input: Record<string, unknown>): Ec2Instance[] {
  const ids = input.instanceIds as unknown;
  if (!Array.isArray(ids) || ids.length === 0 || ids.some((x) => typeof x !== 'string')) throw invalidParameter('instanceIds must be a non-empty list of EC2 instance ids.');
  return ids.map((id: string) => {
    const inst = sim.world.ec2[id];
    if (!inst) throw invalidParameter(`The instance ID '${id}' does not exist`);
    return inst;
  });
}

function containerInstanceRef(sim: SimContext, input: Record<string, unknown>) {
  const cluster = sim.cluster(input.cluster);
  const ref = (input.containerInstance ?? input.ec2InstanceId) as string | undefined;
  if (typeof ref !== 'string') throw invalidParameter('containerInstance (ARN, id or EC2 instance id) is required.');
  const ci = findContainerInstance(sim, cluster.clusterArn, ref, true);
  if (!ci || ci.status === 'INACTIVE') throw invalidParameter(`Container instance ${ref} was not found in cluster ${cluster.clusterName}.`);
  return ci;
}

/** sim.SetTraffic: requests per second for a path at a load balancer, constant or shaped over time. */
function setTraffic(sim: SimContext, input: Record<string, unknown>): unknown {
  const w = sim.world;
  const lbRef = input.loadBalancer as string;
  const lb = Object.values(w.loadBalancers).find((l) => l.LoadBalancerName === lbRef || l.LoadBalancerArn === lbRef);
  if (!lb) throw invalidParameter(`Load balancer ${String(lbRef)} was not found.`);
  const path = (input.path as string | undefined) ?? '/';
  if (typeof path !== 'string' || !path.startsWith('/')) throw invalidParameter('path must start with /.');
  const rate = (k: string) => {
    const v = input[k];
    if (typeof v !== 'number' || !(v >= 0)) throw invalidParameter(`${k} must be a number of at least 0.`);
    return v;
  };
  const shapeName = (input.shape as string | undefined) ?? 'constant';
  let shape: TrafficSource['shape'];
  if (shapeName === 'constant') shape = { type: 'constant', requestsPerSecond: rate('requestsPerSecond') };
  else if (shapeName === 'spike') {
    const dur = parseDuration(input.duration);
    if (dur === undefined) throw invalidParameter('A spike needs a duration such as "10m".');
    shape = { type: 'spike', base: rate('base'), peak: rate('peak'), atMs: sim.now + (parseDuration(input.after ?? 0) ?? 0), durationMs: dur };
  } else if (shapeName === 'daily') {
    const peakHour = input.peakHour;
    if (typeof peakHour !== 'number' || peakHour < 0 || peakHour >= 24) throw invalidParameter('peakHour must be between 0 and 24.');
    shape = { type: 'daily', base: rate('base'), peak: rate('peak'), peakHour };
  } else if (shapeName === 'steps') {
    const steps = input.steps as { at: unknown; requestsPerSecond: number }[] | undefined;
    if (!Array.isArray(steps) || steps.length === 0) throw invalidParameter('steps must list { at, requestsPerSecond } items.');
    shape = {
      type: 'steps',
      steps: steps.map((s) => {
        const at = parseDuration(s.at);
        if (at === undefined || typeof s.requestsPerSecond !== 'number' || s.requestsPerSecond < 0) throw invalidParameter('Each step needs a time (at) and requestsPerSecond.');
        return { atMs: sim.now + at, requestsPerSecond: s.requestsPerSecond };
      }),
    };
  } else throw invalidParameter(`Unknown traffic shape '${shapeName}': use constant, steps, spike or daily.`);
  // Optionally to one listener port and with a Host header (test traffic on a test listener or host rule).
  const port = input.port as number | undefined;
  if (port !== undefined && (!Number.isInteger(port) || !Object.values(w.listeners).some((l) => l.LoadBalancerArn === lb.LoadBalancerArn && l.Port === port))) {
    throw invalidParameter(`Load balancer ${lb.LoadBalancerName} has no listener on port ${String(port)}.`);
  }
  const host = input.host as string | undefined;
  if (host !== undefined && (typeof host !== 'string' || host === '')) throw invalidParameter('host must be a host name.');
  const where = { ...(port !== undefined ? { port } : {}), ...(host !== undefined ? { host } : {}) };
  w.traffic = w.traffic.filter((t) => !(t.loadBalancer === lb.LoadBalancerName && t.path === path && t.port === port && t.host === host));
  w.traffic.push({ loadBalancer: lb.LoadBalancerName, path, ...where, shape });
  const at = `${lb.LoadBalancerName}${port !== undefined ? `:${port}` : ''}${path}${host !== undefined ? ` (Host ${host})` : ''}`;
  sim.emit('TrafficChanged', describeShape(at, shape), { loadBalancer: lb.LoadBalancerName, path });
  return { loadBalancer: lb.LoadBalancerName, path, ...where, shape };
}

function describeShape(at: string, s: TrafficSource['shape']): Said<FormOf<'TrafficChanged'>> {
  switch (s.type) {
    case 'constant':
      return say('TrafficChanged.constant', { at, rate: s.requestsPerSecond });
    case 'spike':
      return say('TrafficChanged.spike', { at, base: s.base, peak: s.peak, seconds: s.durationMs / 1000 });
    case 'daily':
      return say('TrafficChanged.daily', { at, base: s.base, peak: s.peak, hour: s.peakHour });
    case 'steps':
      return say('TrafficChanged.steps', { at, count: s.steps.length });
  }
}

/** The sentence of a sim.SetLoad: the load on a service or task (and container), in CPU units and/or MiB (one at least). */
function loadSaid(target: string, container: string | undefined, cpu: unknown, memory: unknown): Said<FormOf<'LoadChanged'>> {
  const v = { target, cpu: String(cpu), memory: String(memory) };
  if (container === undefined) return cpu === undefined ? say('LoadChanged.memory', v) : memory === undefined ? say('LoadChanged.cpu', v) : say('LoadChanged.both', v);
  const c = { ...v, container };
  return cpu === undefined ? say('LoadChanged.containerMemory', c) : memory === undefined ? say('LoadChanged.containerCpu', c) : say('LoadChanged.containerBoth', c);
}

/** sim.Resolve: what a DNS query for `name` returns (optionally from inside a task of `fromService`). */
function simResolve(sim: SimContext, input: Record<string, unknown>): unknown {
  const name = input.name;
  if (typeof name !== 'string' || !name) throw invalidParameter('name is required.');
  const type = (input.type as string | undefined) ?? 'A';
  if (type !== 'A' && type !== 'SRV') throw invalidParameter('type must be A or SRV.');
  let from;
  if (input.fromService !== undefined) {
    const cluster = sim.cluster(input.cluster);
    from = sim.world.services[sim.arn(`service/${cluster.clusterName}/${String(input.fromService)}`)];
    if (!from) throw new ApiError('ServiceNotFoundException', 'Service not found.');
  }
  return { name, type, ...resolve(sim, name, type, from) };
}

export const SIM_OPERATIONS: Record<string, Operation> = {
  ...DEPLOYMENT_SIM_OPERATIONS,
  LaunchInstances: LAUNCH_INSTANCES,
  TerminateInstances(sim, input) {
    const list = instances(sim, input);
    for (const i of list) terminateInstance(sim, i);
    return { terminatingInstances: list.map((i) => ({ instanceId: i.ec2InstanceId, currentState: i.state })) };
  },
  StopInstances(sim, input) {
    const list = instances(sim, input);
    for (const i of list) stopInstance(sim, i);
    return { stoppingInstances: list.map((i) => ({ instanceId: i.ec2InstanceId, currentState: i.state })) };
  },
  StartInstances(sim, input) {
    const list = instances(sim, input);
    for (const i of list) startInstance(sim, i);
    return { startingInstances: list.map((i) => ({ instanceId: i.ec2InstanceId, currentState: i.state })) };
  },
  DisconnectAgent(sim, input) {
    const ci = containerInstanceRef(sim, input);
    loseConnection(sim, ci);
    const secs = input.durationSeconds;
    if (secs !== undefined) {
      if (typeof secs !== 'number' || secs < 0) throw invalidParameter('durationSeconds must be a non-negative number.');
      sim.engine.after(secs * 1000, { k: 'agent.restore', ci: ci.containerInstanceArn });
    }
    return { containerInstanceArn: ci.containerInstanceArn, ec2InstanceId: ci.ec2InstanceId };
  },
  ReconnectAgent(sim, input) {
    const ci = containerInstanceRef(sim, input);
    restoreConnection(sim, ci);
    return { containerInstanceArn: ci.containerInstanceArn, ec2InstanceId: ci.ec2InstanceId };
  },
  ExitContainer(sim, input) {
    const cluster = sim.cluster(input.cluster);
    const ref = input.task as string;
    if (typeof ref !== 'string') throw invalidParameter('task is required.');
    const t = ref.startsWith('arn:') ? sim.world.tasks[ref] : sim.world.tasks[sim.arn(`task/${cluster.clusterName}/${ref}`)];
    if (!t) throw invalidParameter('The referenced task was not found.');
    const name = input.containerName as string;
    const code = (input.exitCode as number | undefined) ?? 1;
    if (!exitContainer(sim, t, name, code)) throw invalidParameter(`Container ${name} of task ${t.id} is not running.`);
    return { taskArn: t.taskArn, containerName: name, exitCode: code };
  },
  SetLoad(sim, input) {
    const cluster = sim.cluster(input.cluster);
    const { cpuUnits, memoryMiB, containerName } = input as { cpuUnits?: unknown; memoryMiB?: unknown; containerName?: unknown };
    for (const [k, v] of [
      ['cpuUnits', cpuUnits],
      ['memoryMiB', memoryMiB],
    ] as const) {
      if (v !== undefined && (typeof v !== 'number' || !(v >= 0))) throw invalidParameter(`${k} must be a number of at least 0.`);
    }
    if (cpuUnits === undefined && memoryMiB === undefined) throw invalidParameter('Give cpuUnits and/or memoryMiB.');
    if (containerName !== undefined && typeof containerName !== 'string') throw invalidParameter('containerName must be a string.');
    let target: string;
    let tasks: string[];
    if (typeof input.service === 'string') {
      const ref = input.service;
      const arn = ref.startsWith('arn:') ? ref : sim.arn(`service/${cluster.clusterName}/${ref}`);
      const svc = sim.world.services[arn];
      if (!svc || svc.status === 'INACTIVE') throw new ApiError('ServiceNotFoundException', 'Service not found.');
      target = arn;
      tasks = svc.taskArns;
    } else if (typeof input.task === 'string') {
      const t = input.task.startsWith('arn:') ? sim.world.tasks[input.task] : sim.world.tasks[sim.arn(`task/${cluster.clusterName}/${input.task}`)];
      if (!t) throw invalidParameter('The referenced task was not found.');
      target = t.taskArn;
      tasks = [t.taskArn];
    } else throw invalidParameter('Give a service or a task.');
    const key = `${target}|${(containerName as string | undefined) ?? '*'}`;
    sim.world.loads[key] = {
      ...sim.world.loads[key],
      ...(cpuUnits !== undefined ? { cpuUnits: cpuUnits as number } : {}),
      ...(memoryMiB !== undefined ? { memoryMiB: memoryMiB as number } : {}),
    };
    sim.emit('LoadChanged', loadSaid(target.slice(target.lastIndexOf('/') + 1), containerName ? String(containerName) : undefined, cpuUnits, memoryMiB), { target, cpuUnits, memoryMiB });
    for (const a of [...tasks]) {
      const t = sim.world.tasks[a];
      if (t) checkMemory(sim, t);
    }
    return { target, ...sim.world.loads[key] };
  },
  InterruptFargateSpot(sim, input) {
    const cluster = sim.cluster(input.cluster);
    // `service` (a name or ARN) narrows the reclaim to that service's Spot tasks.
    const svcArn = typeof input.service === 'string' ? (input.service.startsWith('arn:') ? input.service : sim.arn(`service/${cluster.clusterName}/${input.service}`)) : undefined;
    const spot = sim.world.taskOrder
      .map((a) => sim.world.tasks[a]!)
      .filter((t) => t.clusterArn === cluster.clusterArn && t.capacityProviderName === 'FARGATE_SPOT' && t.desiredStatus === 'RUNNING' && t.lastStatus !== 'STOPPED' && (svcArn === undefined || t.serviceArn === svcArn));
    let chosen: typeof spot;
    if (Array.isArray(input.tasks)) {
      chosen = spot.filter((t) => (input.tasks as unknown[]).includes(t.taskArn) || (input.tasks as unknown[]).includes(t.id));
      if (chosen.length !== input.tasks.length) throw invalidParameter('Every task to interrupt must be a running FARGATE_SPOT task of the cluster.');
    } else {
      const count = (input.count as number | undefined) ?? spot.length;
      if (typeof count !== 'number' || count < 0) throw invalidParameter('count must be a number of at least 0.');
      chosen = spot.slice(0, count); // [SIM] the oldest Spot tasks are reclaimed first
    }
    // The two-minute warning: desiredStatus STOPPED and SIGTERM now; the stop timeout (at most 120 s on Fargate) before SIGKILL.
    for (const t of chosen) stopTask(sim, t, 'SpotInterruption', 'Your Spot Task was interrupted.');
    return { interruptedTasks: chosen.map((t) => t.taskArn) };
  },
  SetFargateSpotCapacity(sim, input) {
    if (typeof input.available !== 'boolean') throw invalidParameter('available must be true or false.');
    sim.world.fargateSpotAvailable = input.available;
    sim.emit('FargateSpotCapacity', input.available ? say('FargateSpotCapacity.spare', {}) : say('FargateSpotCapacity.none', {}), { available: input.available });
    if (input.available) for (const c of Object.values(sim.world.clusters)) sim.notices.emit('clusterChanged', c.clusterArn);
    return { available: input.available };
  },
  FailHealthCheck(sim, input) {
    const cluster = sim.cluster(input.cluster);
    const ref = input.task as string;
    const t = typeof ref === 'string' ? (ref.startsWith('arn:') ? sim.world.tasks[ref] : sim.world.tasks[sim.arn(`task/${cluster.clusterName}/${ref}`)]) : undefined;
    if (!t) throw invalidParameter('The referenced task was not found.');
    const failing = input.failing !== false;
    const names = typeof input.containerName === 'string' ? [input.containerName] : t.containers.map((c) => c.name);
    for (const n of names) {
      if (!t.containers.some((c) => c.name === n)) throw invalidParameter(`Task ${t.id} has no container ${n}.`);
      sim.world.healthOverrides[`${t.taskArn}|${n}`] = failing;
    }
    sim.emit('FaultInjected', say(failing ? 'FaultInjected.fails' : 'FaultInjected.passes', { names: names.join(', '), id: t.id }), { taskArn: t.taskArn, failing });
    return { taskArn: t.taskArn, containers: names, failing };
  },
  Resolve(sim, input) {
    return simResolve(sim, input);
  },
  SetTraffic(sim, input) {
    return setTraffic(sim, input);
  },
  SetImage(sim, input) {
    const image = input.image as string;
    if (typeof image !== 'string' || !image) throw invalidParameter('image is required.');
    const { image: _, ...behavior } = input;
    sim.world.images[image] = behavior as ImageBehavior;
    imagesChanged();
    for (const t of Object.values(sim.world.tasks)) {
      if (t.lastStatus === 'RUNNING' && t.containers.some((c) => c.image === image)) checkMemory(sim, t);
    }
    return { image, ...behavior };
  },
  /** A command in an ECS Exec session: what the shell in the container prints, and its exit status. */
  RunInContainer(sim, input) {
    const { cluster, task, container, command } = input as { cluster?: string; task?: unknown; container?: string; command?: unknown };
    if (typeof task !== 'string' || !task) throw invalidParameter('task (ARN or id) is required.');
    if (typeof command !== 'string' || !command.trim()) throw invalidParameter('command is required.');
    return runExec(sim, { ...(typeof cluster === 'string' ? { cluster } : {}), task, ...(typeof container === 'string' ? { container } : {}), command });
  },
  DescribePlacementTrace(sim, input) {
    let id = input.traceId as number | undefined;
    if (id === undefined && typeof input.task === 'string') id = sim.world.tasks[input.task]?.traceId;
    const trace = sim.world.traces.find((t) => t.id === id);
    if (!trace) throw invalidParameter('No placement trace is kept for that task (only the most recent 256 decisions are kept).');
    return { trace: expandTrace(sim.world, trace) };
  },
};
