import type { SimContext } from '../../model/context';
import type { Service, Task } from '../../model/types';
import { daemonPass } from './daemon';
import { checkCircuitBreaker, finishDeployments, updateCounts } from './deployments';
import { serviceEvent } from './events';
import { replicaPass } from './replica';
import { requestPass } from './pass';
import { advanceServiceDeployment, passMode, stepTimer } from './shifting';
import { hookExpired, invokeHook } from './hooks';
import { rebalancePass, rebalancingTask } from './rebalance';
import { graceEnded, watchGracePeriod } from './health';

/**
 * The service scheduler (ecs-spec §5): keeps desiredCount tasks running, replaces tasks that stop,
 * rolls deployments within minimumHealthyPercent / maximumPercent (the step model of §5.2), throttles
 * tasks that never reach RUNNING (§5.6), replaces tasks on DRAINING instances (§9.3), keeps one
 * task per eligible instance for DAEMON services, and writes service events with ECS's wording.
 */

export { deploymentId, startDeployment } from './deployments';
export { serviceEvent, serviceEventNotice } from './events';
export { requestPass } from './pass';
export { openServiceDeployment } from './start';
export { checkDeploymentAlarms, stopServiceDeployment } from './rollback';
export { continueHook } from './hooks';
export { currentRecord, isOngoing } from './records';
export { rebalancingDefault } from './rebalance';
export { watchGracePeriod } from './health';

/**
 * Listener of `taskChanged` (after the load balancer and Cloud Map listeners): a task of a service
 * changed, so the service counts its start failures, wakes when the task may count as healthy
 * (and when the grace period of a task failing its health checks ends), and runs a pass.
 */
export function serviceTaskChanged(sim: SimContext, t: Task): void {
  if (t.serviceArn === undefined) return;
  const svc = sim.world.services[t.serviceArn];
  if (!svc) return;
  const d = sim.world.durations;
  if (t.lastStatus === 'RUNNING' && t.desiredStatus === 'RUNNING') {
    svc.consecutiveStartFailures = 0;
    sim.engine.after(d.serviceHealthyAfterMs + 1, { k: 'svc.wake', svc: svc.serviceArn });
    watchGracePeriod(sim, svc, t);
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

/** Listener of `clusterChanged` (after the waiting tasks are placed): the cluster's services run a pass. */
export function clusterChanged(sim: SimContext, clusterArn: string): void {
  for (const svc of Object.values(sim.world.services)) {
    if (svc.clusterArn === clusterArn && svc.status !== 'INACTIVE') requestPass(sim, svc);
  }
}

/** One scheduler pass of a service: start, stop and replace tasks, then update its deployments. */
export function runPass(sim: SimContext, svc: Service): void {
  svc.passPending = false;
  if (svc.status === 'INACTIVE') return;
  const w = sim.world;
  svc.taskArns = svc.taskArns.filter((a) => w.tasks[a] && w.tasks[a]!.lastStatus !== 'STOPPED');
  // A task AZ rebalancing started is its own until healthy: the pass neither counts it nor scales it in.
  const extra = rebalancingTask(sim, svc);
  const own = (xs: Task[]) => (extra ? xs.filter((t) => t !== extra) : xs);
  let ts = svc.taskArns.map((a) => w.tasks[a]!);
  if (svc.status === 'ACTIVE') {
    if (svc.schedulingStrategy === 'DAEMON') daemonPass(sim, svc, ts);
    else replicaPass(sim, svc, own(ts), passMode(sim, svc));
    ts = svc.taskArns.map((a) => w.tasks[a]!).filter(Boolean);
  }
  updateCounts(sim, svc, ts);
  if (svc.status === 'ACTIVE') advanceServiceDeployment(sim, svc);
  finishDeployments(sim, svc, own(ts));
  rebalancePass(sim, svc);
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
  sim.engine.on('svc.graceEnd', (ev) => graceEnded(sim, ev.svc, ev.task));
  sim.engine.on('sdep.step', (ev) => stepTimer(sim, ev.sd, ev.gen));
  sim.engine.on('sdep.hook', (ev) => invokeHook(sim, ev.sd, ev.hook));
  sim.engine.on('sdep.hookTimeout', (ev) => hookExpired(sim, ev.sd, ev.hook));
}
