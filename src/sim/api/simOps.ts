import type { SimContext } from '../model/context';
import type { Operation } from './operation';
import { ApiError, invalidParameter } from '../core/errors';
import { setTraffic } from './elbv2';
import { simResolve } from './servicediscovery';
import { findContainerInstance } from '../queries/lookups';
import {
  launchInstances, loseConnection, restoreConnection, startInstance, stopInstance, terminateInstance, type LaunchInput,
} from '../controllers/instances';
import { checkMemory, exitContainer, stopTask } from '../controllers/tasks';
import { expandTrace } from '../placement/place';
import type { Ec2Instance, ImageBehavior } from '../model/types';

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

export const SIM_OPERATIONS: Record<string, Operation> = {
  LaunchInstances(sim, input) {
    const out = launchInstances(sim, input as LaunchInput);
    return { instances: out.map((i) => ({ ec2InstanceId: i.ec2InstanceId, instanceType: i.instanceType, availabilityZone: i.availabilityZone, subnetId: i.subnetId, state: i.state })) };
  },
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
    for (const [k, v] of [['cpuUnits', cpuUnits], ['memoryMiB', memoryMiB]] as const) {
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
    sim.emit('LoadChanged', `Load on ${target.slice(target.lastIndexOf('/') + 1)}${containerName ? ` (${String(containerName)})` : ''}: ${cpuUnits !== undefined ? `${String(cpuUnits)} CPU units` : ''}${cpuUnits !== undefined && memoryMiB !== undefined ? ', ' : ''}${memoryMiB !== undefined ? `${String(memoryMiB)} MiB` : ''}.`, { target, cpuUnits, memoryMiB });
    for (const a of [...tasks]) {
      const t = sim.world.tasks[a];
      if (t) checkMemory(sim, t);
    }
    return { target, ...sim.world.loads[key] };
  },
  InterruptFargateSpot(sim, input) {
    const cluster = sim.cluster(input.cluster);
    const spot = sim.world.taskOrder.map((a) => sim.world.tasks[a]!).filter((t) =>
      t.clusterArn === cluster.clusterArn && t.capacityProviderName === 'FARGATE_SPOT' && t.desiredStatus === 'RUNNING' && t.lastStatus !== 'STOPPED');
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
    sim.emit('FargateSpotCapacity', input.available ? 'Fargate Spot has spare capacity again.' : 'Fargate Spot has no spare capacity.', { available: input.available });
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
    sim.emit('FaultInjected', `The health check of ${names.join(', ')} in task ${t.id} ${failing ? 'now fails' : 'passes again'}.`, { taskArn: t.taskArn, failing });
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
    for (const t of Object.values(sim.world.tasks)) {
      if (t.lastStatus === 'RUNNING' && t.containers.some((c) => c.image === image)) checkMemory(sim, t);
    }
    return { image, ...behavior };
  },
  DescribePlacementTrace(sim, input) {
    let id = input.traceId as number | undefined;
    if (id === undefined && typeof input.task === 'string') id = sim.world.tasks[input.task]?.traceId;
    const trace = sim.world.traces.find((t) => t.id === id);
    if (!trace) throw invalidParameter('No placement trace is kept for that task (only the most recent 256 decisions are kept).');
    return { trace: expandTrace(sim.world, trace) };
  },
};
