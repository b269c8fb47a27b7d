import type { SimContext } from '../../model/context';
import { FARGATE_PROVIDERS, SPOT_UNAVAILABLE } from '../../model/capacity';
import type { Deployment, Service, Task } from '../../model/types';
import { targetVerdict, unhealthyTarget } from '../../queries/targets';
import { checkCircuitBreaker } from './deployments';
import { serviceEvent, taskIds, unableToPlaceMessage } from './events';
import { graceEndMs, isHealthy, onDraining } from './health';
import { launch, nextProvider } from './launch';
import { scaleInChoice, scaleInOrder, stopMany, unprotected } from './scaleIn';
import type { PassMode } from './shifting';

/** What one pass of a REPLICA service sees of its tasks before it starts or stops any. */
interface Survey {
  svc: Service;
  primary: Deployment;
  desired: number;
  /** maximumPercent and minimumHealthyPercent of the desired count, in tasks. */
  maxTotal: number;
  minHealthy: number;
  /** Tasks not asked to stop, and tasks not yet STOPPED. */
  active: Task[];
  inFlight: number;
  /** Past their grace period and failing: load balancer health checks, or container health checks or those. */
  elbUnhealthy: Task[];
  unhealthy: Task[];
  /** Active tasks that are healthy and not failing their checks, as the pass finds them. */
  healthy: number;
  /** False while a blue/green, linear or canary deployment has not reached SCALE_UP. */
  startAllowed: boolean;
  /** Healthy-or-starting tasks of the primary deployment, and the tasks to replace (old deployments, DRAINING instances). */
  primaryGood: Task[];
  replaceable: Task[];
}

function survey(sim: SimContext, svc: Service, ts: Task[], mode: PassMode | undefined): Survey {
  const primary = svc.deployments[0]!;
  const desired = svc.desiredCount;
  const cfg = svc.deploymentConfiguration;
  // One walk over the tasks: every list keeps the order of `ts`, as a filter of it would.
  const active: Task[] = [];
  const elbUnhealthy: Task[] = [];
  const unhealthy: Task[] = [];
  const primaryGood: Task[] = [];
  const toReplace: Task[] = [];
  let inFlight = 0;
  let held = 0;
  let healthy = 0;
  for (const t of ts) {
    if (t.lastStatus !== 'STOPPED') inFlight++;
    if (t.desiredStatus !== 'RUNNING') continue;
    active.push(t);
    const graceOver = sim.now >= graceEndMs(svc, t);
    // One look at the task's targets answers both unhealthyTarget and targetsHealthy.
    const verdict = targetVerdict(sim, t);
    const elbBad = graceOver && (verdict & 2) !== 0;
    if (elbBad) elbUnhealthy.push(t);
    const bad = (t.healthStatus === 'UNHEALTHY' && graceOver) || elbBad;
    if (bad) unhealthy.push(t);
    const isHeld = mode !== undefined && mode.hold.includes(t.deploymentId ?? '');
    if (isHeld) held++;
    if (bad) continue;
    if (isHealthy(sim, t, (verdict & 1) !== 0)) healthy++;
    const draining = onDraining(sim, t);
    if (t.deploymentId === primary.id && !draining) primaryGood.push(t);
    else if (!isHeld) toReplace.push(t);
  }
  return {
    svc,
    primary,
    desired,
    startAllowed: mode?.startAllowed ?? true,
    // Blue/green, linear and canary: green scales up to the desired count beside blue, which is kept [INF].
    maxTotal: mode ? desired + held : Math.floor((desired * cfg.maximumPercent) / 100),
    minHealthy: Math.ceil((desired * cfg.minimumHealthyPercent) / 100),
    active,
    inFlight,
    elbUnhealthy,
    unhealthy,
    healthy,
    primaryGood,
    replaceable: unprotected(sim, svc, toReplace),
  };
}

/**
 * One pass of a REPLICA service: 1. stop old and draining tasks within minimumHealthyPercent, and
 * primary tasks beyond desiredCount; 2. start tasks of the primary deployment up to desiredCount,
 * within maximumPercent, into the room the stopped tasks free; 3. stop unhealthy tasks. Stopping
 * first is the documented order when minimumHealthyPercent is below 100 (BP:service-options: with
 * little free capacity the scheduler stops old tasks down to the healthy minimum, then starts new
 * ones); at 100 % nothing can stop before new tasks are healthy, so the pass starts first in effect.
 */
export function replicaPass(sim: SimContext, svc: Service, ts: Task[], mode?: PassMode): void {
  const s = survey(sim, svc, ts, mode);
  const healthy = s.healthy;
  const stopped = stopReplaced(sim, s, healthy);
  const started = startTasks(sim, s);
  const replaced = stopUnhealthy(sim, s, started);
  // Only when no progress is possible (DG:service-event-messages): nothing started or stopped, no task on its
  // way in or out that would change the counts, every task healthy, and the limits allow neither a start nor a stop.
  // (Checked last: every task's health is the dearest part, and most passes have nothing to replace.)
  const settled = () => s.inFlight === s.active.length && s.active.every((t) => isHealthy(sim, t));
  if (s.replaceable.length > 0 && started.length === 0 && stopped.length === 0 && replaced.length === 0 && s.maxTotal - s.inFlight <= 0 && healthy - s.minHealthy <= 0 && settled()) {
    serviceEvent(sim, svc, `service ${svc.serviceName} was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.`);
  }
}

/** How many tasks the pass may start: room under maximumPercent and desiredCount, unless throttled, failed or over the launch-rate quota. */
function startable(sim: SimContext, s: Survey): number {
  const { svc } = s;
  let canStart = Math.max(0, Math.min(s.maxTotal - s.inFlight, s.desired - s.primaryGood.length));
  if (canStart > 0 && sim.now < svc.throttledUntilMs) canStart = 0;
  if (s.primary.rolloutState === 'FAILED' || !s.startAllowed) canStart = 0;
  // Launch-rate quota (§5.7): tasks started per service per minute.
  const quota = (svc.launchType ?? '') === 'FARGATE' || (svc.capacityProviderStrategy ?? []).some((i) => FARGATE_PROVIDERS.includes(i.capacityProvider)) ? 500 : 250;
  const recent = (svc.launchTimesMs ?? []).filter((t) => t > sim.now - 60_000);
  svc.launchTimesMs = recent;
  if (canStart > 0 && recent.length + canStart > quota) {
    canStart = Math.max(0, quota - recent.length);
    serviceEvent(sim, svc, `service ${svc.serviceName} operations are being throttled. Will try again later.`);
    sim.engine.at((recent[0] ?? sim.now) + 60_000 + 1, { k: 'svc.wake', svc: svc.serviceArn });
  }
  return canStart;
}

/** 1. Starts tasks of the primary deployment; the first that cannot be placed ends the step and schedules a retry. */
function startTasks(sim: SimContext, s: Survey): Task[] {
  const { svc, primary } = s;
  const canStart = startable(sim, s);
  const started: Task[] = [];
  for (let i = 0; i < canStart; i++) {
    const r = launch(sim, svc, primary, undefined, nextProvider(svc, primary, [...s.primaryGood, ...started]));
    if (!r.task) {
      svc.lastUnplacedTraceId = r.trace.id;
      // [INF] Room that the service's own stopping tasks are about to free is not a placement failure:
      // the pass that follows their stop starts the rest (the best-practices example starts "into the freed room").
      if (freesRoom(sim, svc)) break;
      serviceEvent(sim, svc, r.trace.failure?.reason === SPOT_UNAVAILABLE ? `(service ${svc.serviceName}) was unable to place a task. Reason: ${SPOT_UNAVAILABLE}.` : unableToPlaceMessage(svc.serviceName, r.trace));
      if (svc.retryAtMs <= sim.now) {
        svc.retryAtMs = sim.now + sim.world.durations.serviceRetryMs;
        sim.engine.at(svc.retryAtMs, { k: 'svc.wake', svc: svc.serviceArn });
      }
      break;
    }
    started.push(r.task);
    svc.taskArns.push(r.task.taskArn);
    svc.launchTimesMs!.push(sim.now);
  }
  if (started.length) serviceEvent(sim, svc, `(service ${svc.serviceName}) has started ${started.length} tasks: ${taskIds(started)}.`);
  return started;
}

/** Whether tasks of the service are stopping on container instances, so their resources come free soon. */
function freesRoom(sim: SimContext, svc: Service): boolean {
  return svc.taskArns.some((a) => {
    const t = sim.world.tasks[a];
    return t !== undefined && t.desiredStatus === 'STOPPED' && t.lastStatus !== 'STOPPED' && t.containerInstanceArn !== undefined;
  });
}

/**
 * 3. Unhealthy tasks (§5.2, API:DeploymentConfiguration): where maximumPercent leaves room, the
 * replacement starts first and the unhealthy task stops once the service has desiredCount healthy
 * tasks without it; where no replacement could start (no room under maximumPercent, or no capacity),
 * the unhealthy tasks stop one by one. Each stopped task counts toward the circuit breaker; the load
 * balancer's verdict is reported once, when the scheduler first sees it.
 */
function stopUnhealthy(sim: SimContext, s: Survey, started: Task[]): Task[] {
  const { svc } = s;
  const reported = (svc.unhealthyReported ?? []).filter((a) => s.unhealthy.some((t) => t.taskArn === a));
  for (const t of s.elbUnhealthy) {
    if (reported.includes(t.taskArn)) continue;
    reported.push(t.taskArn);
    const { tg, target } = unhealthyTarget(sim, t)!;
    serviceEvent(sim, svc, `service ${svc.serviceName} ${tg.TargetType === 'instance' ? `(instance ${target.Id}) ` : ''}(port ${target.Port}) is unhealthy in (target-group ${tg.TargetGroupArn}) due to (reason Health checks failed).`);
  }
  if (reported.length) svc.unhealthyReported = reported;
  else delete svc.unhealthyReported;
  if (s.unhealthy.length === 0) return [];
  const healthyOthers = s.active.filter((t) => !s.unhealthy.includes(t) && isHealthy(sim, t)).length;
  let stop: Task[] = [];
  if (healthyOthers >= s.desired) stop = s.unhealthy;
  else if (s.primaryGood.length + started.length < s.desired && !healthStopInProgress(sim, svc)) stop = s.unhealthy.slice(0, 1);
  stopMany(sim, svc, stop, (t) => {
    const bad = unhealthyTarget(sim, t);
    return bad ? `Task failed ELB health checks in (target-group ${bad.tg.TargetGroupArn})` : 'Task failed container health checks';
  });
  for (const t of stop) {
    const dep = svc.deployments.find((d) => d.id === t.deploymentId);
    if (dep) {
      dep.failedTasks++;
      checkCircuitBreaker(sim, svc, dep, 'tasks failed health checks');
    }
  }
  return stop;
}

/** Whether an unhealthy task of the service is still on its way to STOPPED (one at a time when nothing replaces them). */
function healthStopInProgress(sim: SimContext, svc: Service): boolean {
  return svc.taskArns.some((a) => {
    const t = sim.world.tasks[a];
    return t !== undefined && t.desiredStatus === 'STOPPED' && t.lastStatus !== 'STOPPED' && (t.stoppedReason ?? '').startsWith('Task failed ');
  });
}

/** 1. Stops old and draining tasks within minimumHealthyPercent, and primary tasks beyond desiredCount. */
function stopReplaced(sim: SimContext, s: Survey, healthy: number): Task[] {
  const { svc, primary } = s;
  let canStop = healthy - s.minHealthy;
  const stopNow: Task[] = [];
  if (s.replaceable.length > 0) {
    const notYetHealthy = s.replaceable.filter((t) => !isHealthy(sim, t));
    stopNow.push(...notYetHealthy);
    for (const t of scaleInOrder(
      sim,
      svc,
      s.replaceable.filter((x) => isHealthy(sim, x)),
    )) {
      if (canStop <= 0) break;
      stopNow.push(t);
      canStop--;
    }
  }
  // Scale-in of the primary deployment beyond desiredCount is not limited by minimumHealthyPercent.
  const excess = s.primaryGood.length - s.desired;
  if (excess > 0) stopNow.push(...scaleInChoice(sim, svc, primary, s.primaryGood, excess));
  stopMany(sim, svc, stopNow, `Scaling activity initiated by (deployment ${primary.id})`);
  return stopNow;
}
