import type { SimContext } from '../model/context';
import { FARGATE_PROVIDERS, SPOT_UNAVAILABLE } from '../model/capacity';
import type { ContainerInstance, Deployment, PlacementStrategy, PlacementTrace, Service, Task, TaskDefinition } from '../model/types';
import { placeOnFargate, placeOnInstances } from '../placement/place';
import { recordTrace } from '../placement/traces';
import { splitStrategy } from '../queries/capacity';
import { targetsHealthy, unhealthyTarget } from '../queries/targets';
import { deploymentTaskDefinition, requirementsOf, taskDefinitionOf } from '../queries/taskDefinitions';
import { createTask, stopTask } from './tasks';

/**
 * The service scheduler (ecs-spec §5): keeps desiredCount tasks running, replaces tasks that stop,
 * rolls deployments within minimumHealthyPercent / maximumPercent (the step model of §5.2), throttles
 * tasks that never reach RUNNING (§5.6), replaces tasks on DRAINING instances (§9.3), keeps one
 * task per eligible instance for DAEMON services, and writes service events with ECS's wording.
 */

const SIX_HOURS = 6 * 3600 * 1000;
const TROUBLESHOOTING = ' For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.';

export function requestPass(sim: SimContext, svc: Service): void {
  if (svc.passPending || svc.status === 'INACTIVE') return;
  svc.passPending = true;
  sim.engine.after(0, { k: 'svc.pass', svc: svc.serviceArn });
}

/**
 * Listener of `taskChanged` (after the load balancer and Cloud Map listeners): a task of a service
 * changed, so the service counts its start failures, wakes when the task may count as healthy,
 * and runs a pass.
 */
export function serviceTaskChanged(sim: SimContext, t: Task): void {
  if (t.serviceArn === undefined) return;
  const svc = sim.world.services[t.serviceArn];
  if (!svc) return;
  const d = sim.world.durations;
  if (t.lastStatus === 'RUNNING' && t.desiredStatus === 'RUNNING') {
    svc.consecutiveStartFailures = 0;
    sim.engine.after(d.serviceHealthyAfterMs + 1, { k: 'svc.wake', svc: svc.serviceArn });
  }
  if (t.lastStatus === 'STOPPED' && !t.reachedRunning && t.stopCode === 'TaskFailedToStart') {
    svc.consecutiveStartFailures++;
    const dep = svc.deployments.find((x) => x.id === t.deploymentId);
    if (dep) {
      dep.failedTasks++;
      checkCircuitBreaker(sim, svc, dep, 'tasks failed to start');
    }
    if (svc.consecutiveStartFailures >= 2) {
      // [SIM] back-off doubles from 30 s per consecutive failure, capped at 15 minutes (§5.6).
      const delay = Math.min(d.throttleMaxMs, d.throttleBaseMs * 2 ** (svc.consecutiveStartFailures - 2));
      svc.throttledUntilMs = sim.now + delay;
      serviceEvent(sim, svc, `(service ${svc.serviceName}) is unable to consistently start tasks successfully.`);
      sim.engine.at(svc.throttledUntilMs, { k: 'svc.wake', svc: svc.serviceArn });
    }
  }
  requestPass(sim, svc);
}

/**
 * Starts a new PRIMARY deployment of `taskDefinition`; the previous one becomes ACTIVE and is
 * drained by the scheduler within minimumHealthyPercent / maximumPercent. A new deployment resets
 * the start-failure back-off (§5.6).
 */
export function startDeployment(sim: SimContext, svc: Service, taskDefinition: string, platformVersion?: string, reason?: string): Deployment {
  const old = svc.deployments[0];
  if (old) old.status = 'ACTIVE';
  const id = deploymentId(sim);
  const dep: Deployment = {
    id, status: 'PRIMARY', taskDefinition, desiredCount: svc.desiredCount, pendingCount: 0, runningCount: 0,
    failedTasks: 0, createdAtMs: sim.now, updatedAtMs: sim.now, ...(svc.launchType ? { launchType: svc.launchType } : {}),
    ...(svc.capacityProviderStrategy ? { capacityProviderStrategy: svc.capacityProviderStrategy } : {}),
    rolloutState: 'IN_PROGRESS', rolloutStateReason: reason ?? `ECS deployment ${id} in progress.`,
    ...(platformVersion ?? old?.platformVersion ? { platformVersion: (platformVersion ?? old?.platformVersion)! } : {}),
    ...(svc.networkConfiguration ? { networkConfiguration: svc.networkConfiguration } : {}),
  };
  svc.deployments.unshift(dep);
  svc.taskDefinition = taskDefinition;
  svc.consecutiveStartFailures = 0;
  svc.throttledUntilMs = 0;
  svc.steady = false;
  return dep;
}

/**
 * The deployment circuit breaker (§5.3): when as many tasks of the deployment failed (to start, or
 * health checks once running) as the threshold, clamp(⌈desired / 2⌉, 3, 200), the deployment is
 * FAILED and launches nothing more; with rollback, a new deployment of the last completed task
 * definition starts.
 */
function checkCircuitBreaker(sim: SimContext, svc: Service, dep: Deployment, why: string): void {
  const cb = svc.deploymentConfiguration.deploymentCircuitBreaker;
  if (!cb.enable || dep !== svc.deployments[0] || dep.rolloutState !== 'IN_PROGRESS') return;
  const threshold = Math.min(200, Math.max(3, Math.ceil(0.5 * svc.desiredCount)));
  if (dep.failedTasks < threshold) return;
  dep.rolloutState = 'FAILED';
  dep.rolloutStateReason = `ECS deployment circuit breaker: ${why}.`;
  serviceEvent(sim, svc, `(service ${svc.serviceName}) (deployment ${dep.id}) deployment failed: ${why}.`);
  sim.emit('DeploymentStateChange', `Deployment ${dep.id} of service ${svc.serviceName} FAILED: ${why}.`, { serviceArn: svc.serviceArn, deploymentId: dep.id, rolloutState: 'FAILED' });
  const back = svc.lastCompleted;
  if (cb.rollback && back && back.taskDefinition !== dep.taskDefinition) {
    const next = startDeployment(sim, svc, back.taskDefinition, undefined, '');
    next.rolloutStateReason = `ECS deployment ${next.id} in progress: rolling back from failed deployment ${dep.id} to the task definition of deployment ${back.id}.`;
    serviceEvent(sim, svc, `(service ${svc.serviceName}) (deployment ${dep.id}) rolling back to deployment ${back.id}.`);
  }
}

/** Listener of `clusterChanged` (after the waiting tasks are placed): the cluster's services run a pass. */
export function clusterChanged(sim: SimContext, clusterArn: string): void {
  for (const svc of Object.values(sim.world.services)) {
    if (svc.clusterArn === clusterArn && svc.status !== 'INACTIVE') requestPass(sim, svc);
  }
}

/**
 * Appends a service event (newest first, 100 kept). A problem the scheduler meets again on every
 * retry ("unable to …", "being throttled") is not repeated within 6 hours, as the console de-duplicates it [SIM];
 * progress messages are written each time.
 */
export function serviceEvent(sim: SimContext, svc: Service, message: string): void {
  if (/ unable to | are being throttled/.test(message)) {
    const last = svc.events.find((e) => e.message === message);
    if (last && sim.now - last.createdAtMs < SIX_HOURS) return;
  }
  svc.events.unshift({ id: sim.uuid(), createdAtMs: sim.now, message });
  if (svc.events.length > 100) svc.events.length = 100;
  sim.emit('ServiceEvent', message, { serviceArn: svc.serviceArn, serviceName: svc.serviceName });
}

export function unableToPlaceMessage(serviceName: string, trace: PlacementTrace): string {
  const base = `service ${serviceName} was unable to place a task because no container instance met all of its requirements.`;
  const f = trace.failure;
  if (!f) return base;
  const id = f.arn ? f.arn.slice(f.arn.lastIndexOf('/') + 1) : '';
  switch (f.reason) {
    case 'MISSING': return `${base} Reason: No Container Instances were found in your cluster.`;
    case 'RESOURCE:MEMORY': return `${base} The closest matching container-instance ${id} has insufficient memory available.${TROUBLESHOOTING}`;
    case 'RESOURCE:CPU': return `${base} The closest matching container-instance ${id} has insufficient CPU units available.${TROUBLESHOOTING}`;
    case 'RESOURCE:PORTS': return `${base} The closest matching container-instance ${id} is already using a port required by your task.${TROUBLESHOOTING}`;
    case 'ATTRIBUTE': return `${base} The closest matching container-instance ${id} is missing an attribute required by your task.${TROUBLESHOOTING}`;
    case 'INACTIVE': return `${base} The closest matching container-instance ${id} is not ACTIVE.${TROUBLESHOOTING}`;
    default: return `${base} The closest matching container-instance ${id} encountered error "${f.reason}".${TROUBLESHOOTING}`;
  }
}

export function deploymentId(sim: SimContext): string {
  const r = sim.engine.rng.stream('ids');
  let s = '';
  for (let i = 0; i < 19; i++) s += String(r.int(10));
  return `ecs-svc/${s}`;
}

/**
 * When a task counts toward minimumHealthyPercent (§5.2): with a load balancer when its targets are
 * healthy (and the task HEALTHY if it has health checks); with container health checks when
 * HEALTHY; otherwise 40 s after RUNNING.
 */
function isHealthy(sim: SimContext, t: Task): boolean {
  if (t.lastStatus !== 'RUNNING' || t.desiredStatus !== 'RUNNING') return false;
  if (t.healthStatus === 'UNHEALTHY') return false;
  const td = taskDefinitionOf(sim, t);
  const checked = td?.containerDefinitions.some((c) => c.essential !== false && c.healthCheck);
  const svc = t.serviceArn ? sim.world.services[t.serviceArn] : undefined;
  if (svc?.loadBalancers.length) return targetsHealthy(sim, t) && (!checked || t.healthStatus === 'HEALTHY');
  if (checked) return t.healthStatus === 'HEALTHY';
  return sim.now >= (t.startedAtMs ?? 0) + sim.world.durations.serviceHealthyAfterMs;
}

function onDraining(sim: SimContext, t: Task): boolean {
  const ci = t.containerInstanceArn ? sim.world.containerInstances[t.containerInstanceArn] : undefined;
  return ci !== undefined && ci.status === 'DRAINING';
}

function taskIds(ts: Task[]): string {
  return ts.map((t) => `(task ${t.id})`).join(' ');
}

/**
 * The provider the next task of the deployment goes to: the one furthest below its share of the
 * desired count under the strategy (§7.1), counting the deployment's tasks that are not stopping.
 */
function nextProvider(svc: Service, dep: Deployment, active: Task[]): string | undefined {
  const strategy = dep.capacityProviderStrategy ?? svc.capacityProviderStrategy;
  if (!strategy?.length) return undefined;
  const target = splitStrategy(strategy, svc.desiredCount);
  let best = 0;
  let bestGap = -Infinity;
  strategy.forEach((item, i) => {
    const have = active.filter((t) => t.deploymentId === dep.id && t.capacityProviderName === item.capacityProvider).length;
    const gap = target[i]! - have;
    if (gap > bestGap) {
      best = i;
      bestGap = gap;
    }
  });
  return strategy[best]!.capacityProvider;
}

/** Places and creates one service task; returns the task or the failed trace. */
function launch(sim: SimContext, svc: Service, dep: Deployment, only?: string[], provider?: string): { task?: Task; trace: PlacementTrace } {
  const td = deploymentTaskDefinition(sim, dep)!;
  const w = sim.world;
  const group = `service:${svc.serviceName}`;
  const fargate = (dep.launchType ?? svc.launchType) === 'FARGATE' || (provider !== undefined && FARGATE_PROVIDERS.includes(provider));
  const traceId = w.nextTraceId++;
  const subnets = dep.networkConfiguration?.awsvpcConfiguration.subnets ?? svc.networkConfiguration?.awsvpcConfiguration.subnets;
  if (fargate) {
    const r = placeOnFargate(w, group, subnets ?? [], traceId, sim.now, provider === 'FARGATE_SPOT');
    recordTrace(w, r.trace);
    if (!r.subnetId) return { trace: r.trace };
    const task = createTask(sim, {
      clusterArn: svc.clusterArn, td, group, launchType: 'FARGATE', subnetId: r.subnetId, startedBy: dep.id, serviceArn: svc.serviceArn,
      deploymentId: dep.id, platformVersion: dep.platformVersion ?? '1.4.0', traceId, req: requirementsOf(td, 'FARGATE'),
      ...(provider ? { capacityProviderName: provider } : {}),
    });
    return { task, trace: r.trace };
  }
  const req = requirementsOf(td, 'EC2');
  const zones = td.networkMode === 'awsvpc' && subnets ? new Set(subnets.map((s) => w.subnets[s]?.availabilityZone ?? '')) : undefined;
  const cp = provider ? w.capacityProviders[provider] : undefined;
  const constraints = [...(td.placementConstraints ?? []), ...svc.placementConstraints];
  const strategies = svc.placementStrategy as PlacementStrategy[];
  const r = placeOnInstances(w, {
    clusterArn: svc.clusterArn, group, req, constraints, strategies,
    defaultMode: 'service', ...(zones ? { zones } : {}), ...(only ? { only } : {}), ...(cp ? { capacityProvider: cp.name } : {}),
  }, sim.engine.rng.stream('placement'), traceId, sim.now);
  recordTrace(w, r.trace);
  const common = {
    clusterArn: svc.clusterArn, td, group, launchType: 'EC2' as const, startedBy: dep.id, serviceArn: svc.serviceArn, deploymentId: dep.id,
    traceId, req, ...(cp ? { capacityProviderName: cp.name } : {}),
  };
  if (!r.instance) {
    if (cp?.managedScaling.status !== 'ENABLED') return { trace: r.trace };
    // With managed scaling the task waits in PROVISIONING for cluster auto scaling (§7.6).
    const task = createTask(sim, { ...common, waiting: { capacityProvider: cp.name, constraints, strategies, defaultMode: 'service', ...(subnets ? { subnets } : {}) } });
    return { task, trace: r.trace };
  }
  const subnetId = zones ? subnets!.find((s) => w.subnets[s]?.availabilityZone === r.instance!.availabilityZone) : undefined;
  const task = createTask(sim, { ...common, instance: r.instance, ...(subnetId ? { subnetId } : {}) });
  return { task, trace: r.trace };
}

/** Orders tasks for scale-in (§1.4): not-yet-running first, then by the strategy's termination rule. */
function scaleInOrder(sim: SimContext, svc: Service, ts: Task[]): Task[] {
  const w = sim.world;
  const byAz = new Map<string, number>();
  const byCi = new Map<string, number>();
  for (const t of ts) {
    byAz.set(t.availabilityZone, (byAz.get(t.availabilityZone) ?? 0) + 1);
    const k = t.containerInstanceArn ?? t.availabilityZone;
    byCi.set(k, (byCi.get(k) ?? 0) + 1);
  }
  const binpack = svc.placementStrategy.find((s) => s.type === 'binpack');
  const left = (t: Task) => {
    const ci = t.containerInstanceArn ? w.containerInstances[t.containerInstanceArn] : undefined;
    if (!ci) return 0;
    return binpack?.field === 'cpu' ? ci.registeredCpu - ci.usedCpu + t.reserved.cpu : ci.registeredMemory - ci.usedMemory + t.reserved.memory;
  };
  return [...ts].sort((a, b) => {
    const ra = a.lastStatus === 'RUNNING' ? 1 : 0;
    const rb = b.lastStatus === 'RUNNING' ? 1 : 0;
    if (ra !== rb) return ra - rb;
    if (binpack) return left(b) - left(a) || b.createdAtMs - a.createdAtMs;
    const az = (byAz.get(b.availabilityZone) ?? 0) - (byAz.get(a.availabilityZone) ?? 0);
    if (az) return az;
    const ci = (byCi.get(b.containerInstanceArn ?? b.availabilityZone) ?? 0) - (byCi.get(a.containerInstanceArn ?? a.availabilityZone) ?? 0);
    if (ci) return ci;
    return b.createdAtMs - a.createdAtMs;
  });
}

/** Which tasks scale-in stops: from the providers above their share first, then by the strategy's rule. */
function scaleInChoice(sim: SimContext, svc: Service, dep: Deployment, ts: Task[], n: number): Task[] {
  const strategy = dep.capacityProviderStrategy ?? svc.capacityProviderStrategy;
  if (!strategy?.length) return scaleInOrder(sim, svc, ts).slice(0, n);
  const target = splitStrategy(strategy, svc.desiredCount);
  const out: Task[] = [];
  const left = new Map(strategy.map((item, i) => [item.capacityProvider, ts.filter((t) => t.capacityProviderName === item.capacityProvider).length - target[i]!]));
  for (const t of scaleInOrder(sim, svc, ts)) {
    if (out.length >= n) break;
    const surplus = left.get(t.capacityProviderName ?? '') ?? 0;
    if (surplus > 0) {
      out.push(t);
      left.set(t.capacityProviderName!, surplus - 1);
    }
  }
  for (const t of scaleInOrder(sim, svc, ts)) if (out.length < n && !out.includes(t)) out.push(t);
  return out;
}

function stopMany(sim: SimContext, svc: Service, ts: Task[], reason: string | ((t: Task) => string)): void {
  if (ts.length === 0) return;
  const running = ts.filter((t) => t.lastStatus === 'RUNNING');
  // The service says it stopped them before their targets are deregistered and drained (§5.8 order).
  if (running.length) serviceEvent(sim, svc, `(service ${svc.serviceName}) has stopped ${running.length} running tasks: ${taskIds(running)}.`);
  for (const t of ts) stopTask(sim, t, 'ServiceSchedulerInitiated', typeof reason === 'string' ? reason : reason(t));
}

function updateCounts(sim: SimContext, svc: Service, ts: Task[]): void {
  for (const dep of svc.deployments) {
    const mine = ts.filter((t) => t.deploymentId === dep.id && t.desiredStatus === 'RUNNING');
    dep.runningCount = mine.filter((t) => t.lastStatus === 'RUNNING').length;
    dep.pendingCount = mine.filter((t) => t.lastStatus !== 'RUNNING').length;
    dep.updatedAtMs = sim.now;
  }
}

function replicaPass(sim: SimContext, svc: Service, ts: Task[]): void {
  const primary = svc.deployments[0]!;
  const desired = svc.desiredCount;
  const cfg = svc.deploymentConfiguration;
  const maxTotal = Math.floor((desired * cfg.maximumPercent) / 100);
  const minHealthy = Math.ceil((desired * cfg.minimumHealthyPercent) / 100);
  const active = ts.filter((t) => t.desiredStatus === 'RUNNING');
  const inFlight = ts.filter((t) => t.lastStatus !== 'STOPPED').length;
  const graceOver = (t: Task) => sim.now >= (t.startedAtMs ?? 0) + (svc.healthCheckGracePeriodSeconds ?? 0) * 1000;
  const elbUnhealthy = active.filter((t) => graceOver(t) && unhealthyTarget(sim, t));
  const unhealthy = active.filter((t) => (t.healthStatus === 'UNHEALTHY' && graceOver(t)) || elbUnhealthy.includes(t));
  const primaryGood = active.filter((t) => t.deploymentId === primary.id && !onDraining(sim, t) && !unhealthy.includes(t));
  const replaceable = active.filter((t) => (t.deploymentId !== primary.id || onDraining(sim, t)) && !unhealthy.includes(t));

  // 1. start
  let canStart = Math.max(0, Math.min(maxTotal - inFlight, desired - primaryGood.length));
  if (canStart > 0 && sim.now < svc.throttledUntilMs) canStart = 0;
  if (primary.rolloutState === 'FAILED') canStart = 0;
  // Launch-rate quota (§5.7): tasks started per service per minute.
  const quota = (svc.launchType ?? '') === 'FARGATE' || (svc.capacityProviderStrategy ?? []).some((i) => FARGATE_PROVIDERS.includes(i.capacityProvider)) ? 500 : 250;
  const recent = (svc.launchTimesMs ?? []).filter((t) => t > sim.now - 60_000);
  svc.launchTimesMs = recent;
  if (canStart > 0 && recent.length + canStart > quota) {
    canStart = Math.max(0, quota - recent.length);
    serviceEvent(sim, svc, `service ${svc.serviceName} operations are being throttled. Will try again later.`);
    sim.engine.at((recent[0] ?? sim.now) + 60_000 + 1, { k: 'svc.wake', svc: svc.serviceArn });
  }
  const started: Task[] = [];
  for (let i = 0; i < canStart; i++) {
    const r = launch(sim, svc, primary, undefined, nextProvider(svc, primary, [...primaryGood, ...started]));
    if (!r.task) {
      svc.lastUnplacedTraceId = r.trace.id;
      serviceEvent(sim, svc, r.trace.failure?.reason === SPOT_UNAVAILABLE
        ? `(service ${svc.serviceName}) was unable to place a task. Reason: ${SPOT_UNAVAILABLE}.`
        : unableToPlaceMessage(svc.serviceName, r.trace));
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

  // 2. stop: unhealthy tasks (replacements were started first where maximumPercent allowed)
  for (const t of elbUnhealthy) {
    const { tg, target } = unhealthyTarget(sim, t)!;
    serviceEvent(sim, svc, `service ${svc.serviceName} ${tg.TargetType === 'instance' ? `(instance ${target.Id}) ` : ''}(port ${target.Port}) is unhealthy in (target-group ${tg.TargetGroupArn}) due to (reason Health checks failed).`);
  }
  stopMany(sim, svc, unhealthy, (t) => {
    const bad = unhealthyTarget(sim, t);
    return bad ? `Task failed ELB health checks in (target-group ${bad.tg.TargetGroupArn})` : 'Task failed container health checks';
  });
  for (const t of unhealthy) {
    const dep = svc.deployments.find((d) => d.id === t.deploymentId);
    if (dep) {
      dep.failedTasks++;
      checkCircuitBreaker(sim, svc, dep, 'tasks failed health checks');
    }
  }

  // 3. stop old and draining tasks within minimumHealthyPercent
  const healthy = active.filter((t) => !unhealthy.includes(t) && isHealthy(sim, t)).length;
  let canStop = healthy - minHealthy;
  const notYetHealthy = replaceable.filter((t) => !isHealthy(sim, t));
  const stopNow: Task[] = [...notYetHealthy];
  for (const t of scaleInOrder(sim, svc, replaceable.filter((x) => isHealthy(sim, x)))) {
    if (canStop <= 0) break;
    stopNow.push(t);
    canStop--;
  }
  // 4. scale-in of the primary deployment beyond desiredCount (not limited by minimumHealthyPercent)
  const excess = primaryGood.length + started.length - desired;
  if (excess > 0) stopNow.push(...scaleInChoice(sim, svc, primary, primaryGood, excess));
  stopMany(sim, svc, stopNow, `Scaling activity initiated by (deployment ${primary.id})`);

  if (replaceable.length > 0 && started.length === 0 && stopNow.length === 0 && maxTotal - inFlight <= 0 &&
      healthy - minHealthy <= 0 && active.every((t) => isHealthy(sim, t))) {
    serviceEvent(sim, svc, `service ${svc.serviceName} was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.`);
  }
}

function daemonPass(sim: SimContext, svc: Service, ts: Task[]): void {
  const w = sim.world;
  const primary = svc.deployments[0]!;
  const cluster = w.clusters[svc.clusterArn]!;
  const td = deploymentTaskDefinition(sim, primary)!;
  const active = ts.filter((t) => t.desiredStatus === 'RUNNING');
  const toStop: Task[] = [];
  const started: Task[] = [];
  let eligible = 0;
  for (const ciArn of cluster.instanceArns) {
    const ci = w.containerInstances[ciArn]!;
    const here = active.filter((t) => t.containerInstanceArn === ciArn);
    if (ci.status !== 'ACTIVE') {
      toStop.push(...here);
      continue;
    }
    // Does the instance satisfy the constraints (resources aside)?
    const constraintsOk = satisfiesConstraints(sim, svc, td, ci);
    if (!constraintsOk) {
      toStop.push(...here);
      continue;
    }
    eligible++;
    const current = here.filter((t) => t.deploymentId === primary.id);
    toStop.push(...here.filter((t) => t.deploymentId !== primary.id));
    if (current.length > 1) toStop.push(...current.slice(1));
    if (current.length === 0 && here.every((t) => t.deploymentId === primary.id) && ci.agentConnected) {
      if (sim.now < svc.throttledUntilMs) continue;
      const r = launch(sim, svc, primary, [ciArn]);
      if (r.task) {
        started.push(r.task);
        svc.taskArns.push(r.task.taskArn);
      } else {
        serviceEvent(sim, svc, unableToPlaceMessage(svc.serviceName, r.trace));
      }
    }
  }
  svc.desiredCount = eligible;
  if (started.length) serviceEvent(sim, svc, `(service ${svc.serviceName}) has started ${started.length} tasks: ${taskIds(started)}.`);
  stopMany(sim, svc, toStop, `Scaling activity initiated by (deployment ${primary.id})`);
}

function satisfiesConstraints(sim: SimContext, svc: Service, td: TaskDefinition, ci: ContainerInstance): boolean {
  const r = placeOnInstances(sim.world, {
    clusterArn: svc.clusterArn, group: `service:${svc.serviceName}`,
    req: { cpu: 0, memory: 0, gpu: 0, ports: [], portsUdp: [], dynamicPorts: 0, eni: 0, attributes: [] },
    constraints: [...(td.placementConstraints ?? []), ...svc.placementConstraints.filter((c) => c.type === 'memberOf')],
    strategies: [], defaultMode: 'service', only: [ci.containerInstanceArn],
  }, sim.engine.rng.stream('daemon-check'), 0, sim.now);
  return r.instance !== undefined || (r.trace.failure?.reason === 'AGENT');
}

function finishDeployments(sim: SimContext, svc: Service, ts: Task[]): void {
  const primary = svc.deployments[0]!;
  // Old deployments end when none of their tasks is left.
  svc.deployments = svc.deployments.filter((d, i) => {
    if (i === 0) return true;
    const left = ts.some((t) => t.deploymentId === d.id && t.lastStatus !== 'STOPPED');
    if (!left) d.status = 'INACTIVE';
    return left;
  });
  const mine = ts.filter((t) => t.deploymentId === primary.id && t.desiredStatus === 'RUNNING');
  const healthy = mine.filter((t) => isHealthy(sim, t)).length;
  const others = ts.some((t) => t.deploymentId !== primary.id && t.lastStatus !== 'STOPPED');
  const done = svc.deployments.length === 1 && !others && healthy === svc.desiredCount && mine.length === svc.desiredCount;
  if (done && primary.rolloutState === 'IN_PROGRESS') {
    primary.rolloutState = 'COMPLETED';
    primary.rolloutStateReason = 'ECS deployment ' + primary.id + ' completed.';
    svc.lastCompleted = { id: primary.id, taskDefinition: primary.taskDefinition };
    serviceEvent(sim, svc, `(service ${svc.serviceName}) (deployment ${primary.id}) deployment completed.`);
  }
  const steady = done && primary.rolloutState === 'COMPLETED';
  if (steady && !svc.steady) {
    svc.steady = true;
    const msg = `(service ${svc.serviceName}) has reached a steady state.`;
    // Steady-state events repeat (every six hours at most) rather than being suppressed.
    svc.events.unshift({ id: sim.uuid(), createdAtMs: sim.now, message: msg });
    if (svc.events.length > 100) svc.events.length = 100;
    sim.emit('ServiceEvent', msg, { serviceArn: svc.serviceArn, serviceName: svc.serviceName });
  } else if (!steady) svc.steady = false;
  // A service being deleted becomes INACTIVE once its tasks are stopping or stopped.
  if (svc.status === 'DRAINING' && ts.every((t) => t.desiredStatus === 'STOPPED')) {
    svc.status = 'INACTIVE';
    sim.emit('ServiceStateChange', `Service ${svc.serviceName} is INACTIVE.`, { serviceArn: svc.serviceArn, status: 'INACTIVE' });
  }
}

export function runPass(sim: SimContext, svc: Service): void {
  svc.passPending = false;
  if (svc.status === 'INACTIVE') return;
  const w = sim.world;
  svc.taskArns = svc.taskArns.filter((a) => w.tasks[a] && w.tasks[a]!.lastStatus !== 'STOPPED');
  let ts = svc.taskArns.map((a) => w.tasks[a]!);
  if (svc.status === 'ACTIVE') {
    if (svc.schedulingStrategy === 'DAEMON') daemonPass(sim, svc, ts);
    else replicaPass(sim, svc, ts);
    ts = svc.taskArns.map((a) => w.tasks[a]!).filter(Boolean);
  }
  updateCounts(sim, svc, ts);
  finishDeployments(sim, svc, ts);
}

/** Listener of `serviceEvent`: another part of the engine writes a line in a service's event list. */
export function serviceEventNotice(sim: SimContext, n: { service: Service; message: string }): void {
  serviceEvent(sim, n.service, n.message);
}

export function registerServiceHandlers(sim: SimContext): void {
  sim.engine.on('svc.pass', (ev) => {
    const svc = sim.world.services[ev.svc];
    if (svc) runPass(sim, svc);
  });
  sim.engine.on('svc.wake', (ev) => {
    const svc = sim.world.services[ev.svc];
    if (svc) requestPass(sim, svc);
  });
}
