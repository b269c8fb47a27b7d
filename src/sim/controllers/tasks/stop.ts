import type { SimContext } from '../../model/context';
import type { PendingMap } from '../../model/pending';
import type { ContainerInstance, Task } from '../../model/types';
import { indexTask } from '../../placement/place';
import { containersChanged } from '../../queries/demand';
import { taskDefinitionOf } from '../../queries/taskDefinitions';
import { imageBehavior, setStatus, task } from './status';
import { say } from '../../model/narration';
import { forgetQuietTicks } from '../../queries/targets';

/** Stopping tasks: asked to stop (drain, SIGTERM, SIGKILL after the stop timeout), or killed with their host. */

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
  sim.emit('TaskStateChange', say('TaskStateChange.stopping', { id: t.id, family: t.family, reason }), {
    taskArn: t.taskArn,
    lastStatus: t.lastStatus,
    desiredStatus: 'STOPPED',
    group: t.group,
    ...(stopCode ? { stopCode } : {}),
    stoppedReason: reason,
  });
  // Load balancer targets are deregistered first and drain before the containers are stopped.
  sim.notices.emit('taskStopping', t);
  sim.notices.emit('taskChanged', t);
  sim.engine.after(sim.world.durations.agentAckMs, { k: 'task.stop', task: t.taskArn });
}

/** Whether no container of the task runs any more. */
export function allStopped(t: Task): boolean {
  return t.containers.every((c) => c.state === 'STOPPED' || c.state === 'NONE' || c.state === 'PULLED' || c.state === 'CREATED');
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

/** Every container has stopped: an awsvpc task detaches its ENI (DEPROVISIONING), others stop at once. */
export function containersStopped(sim: SimContext, t: Task): void {
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
  containersChanged(t);
  forgetQuietTicks(sim, t);
  releaseAndStop(sim, t);
}

/** Listener of `hostLost`: every task on the instance stops at once. */
export function killTasksOnHost(sim: SimContext, lost: { instance: ContainerInstance; reason: string }): void {
  for (const arn of [...lost.instance.taskArns]) {
    const t = sim.world.tasks[arn];
    if (t) killTask(sim, t, lost.reason);
  }
}

/** The agent acts on a stop request: after the targets drain, SIGTERM to every running container and SIGKILL after the stop timeout. */
export function stopRequested(sim: SimContext, ev: PendingMap['task.stop']): void {
  const t = task(sim, ev.task);
  if (!t || t.lastStatus === 'STOPPED' || t.lastStatus === 'STOPPING' || t.lastStatus === 'DEPROVISIONING') return;
  if (t.drainUntilMs !== undefined && sim.now < t.drainUntilMs && t.lastStatus === 'RUNNING') {
    setStatus(sim, t, 'DEACTIVATING');
    sim.engine.at(t.drainUntilMs, { k: 'task.stop', task: t.taskArn });
    return;
  }
  if (t.lastStatus === 'DEACTIVATING' && t.drainUntilMs !== undefined && sim.now < t.drainUntilMs) return;
  sim.notices.emit('taskDrained', t);
  const running = t.containers.filter((c) => c.state === 'RUNNING');
  if (running.length === 0) {
    for (const c of t.containers) if (c.state !== 'STOPPED') c.state = 'STOPPED';
    containersChanged(t);
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
  containersChanged(t);
  for (const c of running) {
    c.sigtermAtMs = sim.now;
    const b = imageBehavior(sim, c.image);
    const stopTimeout = (td?.containerDefinitions.find((d) => d.name === c.name)?.stopTimeout ?? sim.world.durations.stopTimeoutMs / 1000) * 1000;
    if (b.ignoresSigterm) sim.engine.after(stopTimeout, { k: 'ctr.exit', task: t.taskArn, ctr: c.name, code: 137 });
    else sim.engine.after(Math.min(stopTimeout, (b.stopSeconds ?? sim.world.durations.gracefulStopMs / 1000) * 1000), { k: 'ctr.exit', task: t.taskArn, ctr: c.name, code: 0 });
  }
}

/** The ENI is detached: the task is STOPPED. */
export function deprovisioned(sim: SimContext, ev: PendingMap['task.deprovisioned']): void {
  const t = task(sim, ev.task);
  if (!t || t.lastStatus !== 'DEPROVISIONING') return;
  releaseAndStop(sim, t);
}
