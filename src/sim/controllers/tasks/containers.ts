import type { SimContext } from '../../model/context';
import type { PendingMap } from '../../model/pending';
import type { Container, Task, TaskDefinition } from '../../model/types';
import { containerDemand, containersChanged } from '../../queries/demand';
import { taskDefinitionOf } from '../../queries/taskDefinitions';
import { imageBehavior, setStatus, task } from './status';
import { allStopped, containersStopped, stopTask } from './stop';
import { say } from '../../model/narration';
import { forgetQuietTicks } from '../../queries/targets';

/** Containers of a task: start in dependsOn order, health checks, exits, and the OOM killer. */

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
export function startReady(sim: SimContext, t: Task): void {
  if (t.desiredStatus !== 'RUNNING') return;
  const td = taskDefinitionOf(sim, t);
  for (const c of t.containers) {
    if (c.state !== 'CREATED') continue;
    if (!dependencyMet(t, td, c.name)) continue;
    c.state = 'PULLED'; // starting: no longer eligible for another start event
    containersChanged(t);
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
    sim.emit('TaskHealthChange', say('TaskHealthChange.status', { id: t.id, family: t.family, status: h }), { taskArn: t.taskArn, healthStatus: h });
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

function containerExited(sim: SimContext, t: Task, c: Container, code: number | undefined, reason?: string): void {
  if (c.state === 'STOPPED') return;
  c.state = 'STOPPED';
  containersChanged(t);
  c.stoppedAtMs = sim.now;
  if (code !== undefined) c.exitCode = code;
  if (reason) c.reason = reason;
  t.version++;
  forgetQuietTicks(sim, t);
  sim.emit('ContainerStateChange', code !== undefined ? say('ContainerStateChange.exitedCode', { name: c.name, id: t.id, code }) : say('ContainerStateChange.exited', { name: c.name, id: t.id }), {
    taskArn: t.taskArn,
    containerName: c.name,
    lastStatus: 'STOPPED',
    ...(code !== undefined ? { exitCode: code } : {}),
  });
  if (t.desiredStatus === 'RUNNING') {
    if (restartsInPlace(sim, t, c, code)) return;
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

/**
 * The container restart policy (ecs-spec §13.3, API:ContainerRestartPolicy): a container that exits
 * while its task should run is restarted in place, unless its exit code is ignored or it ran for less
 * than the restart attempt period (default 300 s); the task keeps its ARN and stays RUNNING. The
 * restart takes a docker start [SIM]. True when the container restarts.
 */
function restartsInPlace(sim: SimContext, t: Task, c: Container, code: number | undefined): boolean {
  const policy = taskDefinitionOf(sim, t)?.containerDefinitions.find((d) => d.name === c.name)?.restartPolicy;
  if (!policy?.enabled || !t.reachedRunning) return false;
  if (code !== undefined && policy.ignoredExitCodes?.includes(code)) return false;
  const ranMs = sim.now - (c.startedAtMs ?? sim.now);
  if (ranMs < (policy.restartAttemptPeriod ?? 300) * 1000) return false;
  c.restartCount = (c.restartCount ?? 0) + 1;
  c.state = 'PULLED'; // starting again: the next ctr.start runs it
  containersChanged(t);
  c.healthStatus = 'UNKNOWN';
  c.healthFailures = 0;
  delete c.exitCode;
  sim.emit('ContainerRestarted', code !== undefined ? say('ContainerRestarted.exitedCode', { name: c.name, id: t.id, code, restart: c.restartCount }) : say('ContainerRestarted.exited', { name: c.name, id: t.id, restart: c.restartCount }), {
    taskArn: t.taskArn,
    containerName: c.name,
    exitCode: code ?? 0,
    restartCount: c.restartCount,
  });
  sim.engine.after(sim.world.durations.containerStartMs, { k: 'ctr.start', task: t.taskArn, ctr: c.name });
  return true;
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

/** A container starts: it may exit by itself later, its health checks begin, and the task may be RUNNING. */
export function containerStart(sim: SimContext, ev: PendingMap['ctr.start']): void {
  const t = task(sim, ev.task);
  if (!t || t.desiredStatus !== 'RUNNING' || t.lastStatus === 'STOPPED') return;
  const c = t.containers.find((x) => x.name === ev.ctr);
  if (!c || c.state !== 'PULLED') return;
  c.state = 'RUNNING';
  containersChanged(t);
  c.startedAtMs = sim.now;
  t.version++;
  forgetQuietTicks(sim, t);
  sim.emit('ContainerStateChange', say('ContainerStateChange.status', { name: c.name, id: t.id, status: 'RUNNING' }), { taskArn: t.taskArn, containerName: c.name, lastStatus: 'RUNNING' });
  const b = imageBehavior(sim, c.image);
  const run = c.restartCount ?? 0;
  if (b.exitAfterSeconds !== undefined) sim.engine.after(b.exitAfterSeconds * 1000, { k: 'ctr.exit', task: t.taskArn, ctr: c.name, code: b.exitCode ?? 0, run });
  const hc = taskDefinitionOf(sim, t)?.containerDefinitions.find((d) => d.name === c.name)?.healthCheck;
  if (hc && hc.command[0] !== 'NONE') sim.engine.after(hc.interval * 1000, { k: 'ctr.health', task: t.taskArn, ctr: c.name, run });
  startReady(sim, t);
  maybeRunning(sim, t);
  checkMemory(sim, t);
}

/** A container's process exits with its code. */
export function containerExit(sim: SimContext, ev: PendingMap['ctr.exit']): void {
  const t = task(sim, ev.task);
  if (!t) return;
  const c = t.containers.find((x) => x.name === ev.ctr);
  // An exit scheduled for an earlier run of a container restarted since does not end this run.
  if (!c || c.state !== 'RUNNING' || (ev.run !== undefined && ev.run !== (c.restartCount ?? 0))) return;
  containerExited(sim, t, c, ev.code);
}

/** One run of a container's health check command; HEALTHY after a pass, UNHEALTHY after `retries` failures outside the start period. */
export function healthCheck(sim: SimContext, ev: PendingMap['ctr.health']): void {
  const t = task(sim, ev.task);
  if (!t || t.lastStatus === 'STOPPED') return;
  const c = t.containers.find((x) => x.name === ev.ctr);
  if (!c || c.state !== 'RUNNING' || (ev.run !== undefined && ev.run !== (c.restartCount ?? 0))) return;
  const hc = taskDefinitionOf(sim, t)?.containerDefinitions.find((d) => d.name === c.name)?.healthCheck;
  if (!hc) return;
  const b = imageBehavior(sim, c.image);
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
    sim.emit('ContainerHealthChange', say('ContainerHealthChange.status', { name: c.name, id: t.id, status: c.healthStatus }), { taskArn: t.taskArn, containerName: c.name, healthStatus: c.healthStatus });
    updateTaskHealth(sim, t);
    startReady(sim, t);
  }
  sim.engine.after(hc.interval * 1000, { k: 'ctr.health', task: t.taskArn, ctr: c.name, run: c.restartCount ?? 0 });
}
