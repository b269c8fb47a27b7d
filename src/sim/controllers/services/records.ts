import type { SimContext } from '../../model/context';
import type { Deployment, DeploymentStrategy, LifecycleStage, Service, ServiceDeploymentRecord, ServiceDeploymentStatus, ServiceRevisionRecord } from '../../model/types';
import { revisionTaskCounts } from '../../queries/serviceDeployments';
import { say } from '../../model/narration';

/**
 * Service deployments (DG:service-deployment, API:ServiceDeployment): ECS creates one whenever a
 * service is created or a change needs a deployment. It starts PENDING; IN_PROGRESS, STOP_REQUESTED,
 * ROLLBACK_REQUESTED and ROLLBACK_IN_PROGRESS are ongoing; SUCCESSFUL, STOPPED, ROLLBACK_SUCCESSFUL
 * and ROLLBACK_FAILED are final. Every change of status (and, for blue/green, linear and canary, of
 * lifecycle stage) is an event of the timeline.
 */

const ONGOING: ServiceDeploymentStatus[] = ['PENDING', 'IN_PROGRESS', 'STOP_REQUESTED', 'ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS'];
const FINAL: ServiceDeploymentStatus[] = ['SUCCESSFUL', 'STOPPED', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED'];

export const isOngoing = (sd: ServiceDeploymentRecord): boolean => ONGOING.includes(sd.status);
export const isShifting = (sd: ServiceDeploymentRecord | undefined): boolean => sd !== undefined && sd.strategy !== 'ROLLING';

/** The id of a service deployment ARN: 21 letters and digits from a stream of its own [SIM]. */
function deploymentArnId(sim: SimContext): string {
  const r = sim.engine.rng.stream('service-deployments');
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 21; i++) s += abc[r.int(abc.length)];
  return s;
}

/**
 * The circuit breaker's threshold (§5.3, API:ThresholdConfiguration): by default BOUNDED_PERCENT 50,
 * clamp(⌈0.5 × desired⌉, 3, 200); COUNT is the value itself; UNBOUNDED_PERCENT is the percent of the
 * desired count without the bounds (at least 1) [INF: the lower bound of 1].
 */
export function circuitBreakerThreshold(svc: Service): number {
  const tc = svc.deploymentConfiguration.deploymentCircuitBreaker.thresholdConfiguration;
  const d = svc.desiredCount;
  if (!tc) return Math.min(200, Math.max(3, Math.ceil(0.5 * d)));
  if (tc.type === 'COUNT') return tc.value;
  const n = Math.ceil((tc.value * d) / 100);
  return tc.type === 'BOUNDED_PERCENT' ? Math.min(200, Math.max(3, n)) : Math.max(1, n);
}

/** The service deployment a deployment of the service belongs to. */
export function recordOf(sim: SimContext, dep: Deployment | undefined): ServiceDeploymentRecord | undefined {
  return dep?.serviceDeploymentArn ? sim.world.serviceDeployments[dep.serviceDeploymentArn] : undefined;
}

/** The service's newest service deployment. */
export function currentRecord(sim: SimContext, svc: Service): ServiceDeploymentRecord | undefined {
  const arns = svc.serviceDeploymentArns ?? [];
  return arns.length ? sim.world.serviceDeployments[arns[arns.length - 1]!] : undefined;
}

function emitState(sim: SimContext, svc: Service, sd: ServiceDeploymentRecord): void {
  const id = sd.serviceDeploymentArn.slice(sd.serviceDeploymentArn.lastIndexOf('/') + 1);
  const at = { id, service: svc.serviceName, status: sd.status };
  const said =
    sd.lifecycleStage && isOngoing(sd)
      ? say('ServiceDeploymentStateChange.stage', { ...at, stage: sd.lifecycleStage })
      : sd.statusReason && !isOngoing(sd)
        ? say('ServiceDeploymentStateChange.reason', { ...at, reason: sd.statusReason.replace(/\.$/, '') })
        : say('ServiceDeploymentStateChange.status', at);
  sim.emit('ServiceDeploymentStateChange', said, {
    serviceArn: svc.serviceArn,
    serviceDeploymentArn: sd.serviceDeploymentArn,
    status: sd.status,
    ...(sd.lifecycleStage ? { lifecycleStage: sd.lifecycleStage } : {}),
  });
}

/** Moves a service deployment to a status (with its reason), stamping when it started, finished or stopped. */
export function setStatus(sim: SimContext, svc: Service, sd: ServiceDeploymentRecord, status: ServiceDeploymentStatus, reason?: string): void {
  if (sd.status === status && reason === undefined) return;
  sd.status = status;
  if (reason !== undefined) sd.statusReason = reason;
  sd.updatedAtMs = sim.now;
  if (status !== 'PENDING') sd.startedAtMs ??= sim.now;
  if (FINAL.includes(status)) {
    sd.finishedAtMs = sim.now;
    if (status === 'STOPPED') sd.stoppedAtMs = sim.now;
    if (sd.circuitBreaker.status === 'MONITORING') sd.circuitBreaker.status = 'MONITORING_COMPLETE';
    if (sd.alarms?.status === 'MONITORING') sd.alarms.status = 'MONITORING_COMPLETE';
    sd.finalCounts = {};
    for (const arn of [...sd.sourceRevisionArns, sd.targetRevisionArn]) sd.finalCounts[arn] = revisionTaskCounts(sim, svc, arn);
  }
  emitState(sim, svc, sd);
}

/** Moves a blue/green, linear or canary deployment to a lifecycle stage. */
export function setStage(sim: SimContext, svc: Service, sd: ServiceDeploymentRecord, stage: LifecycleStage): void {
  if (sd.lifecycleStage === stage) return;
  sd.lifecycleStage = stage;
  sd.updatedAtMs = sim.now;
  emitState(sim, svc, sd);
}

/**
 * Opens the service deployment of a new deployment: PENDING, with the revisions it replaces and the
 * configuration it runs under. An ongoing service deployment of the service is STOPPED by it [INF:
 * the newer deployment takes over, as a new rolling deployment makes the previous one ACTIVE].
 */
export function openRecord(sim: SimContext, svc: Service, dep: Deployment, target: ServiceRevisionRecord, sources: string[]): ServiceDeploymentRecord {
  const cluster = sim.world.clusters[svc.clusterArn];
  const cfg = svc.deploymentConfiguration;
  for (const arn of svc.serviceDeploymentArns ?? []) {
    const prev = sim.world.serviceDeployments[arn];
    if (prev && isOngoing(prev)) setStatus(sim, svc, prev, 'STOPPED', 'Stopped because a newer service deployment started.');
  }
  const strategy: DeploymentStrategy = cfg.strategy ?? 'ROLLING';
  const sd: ServiceDeploymentRecord = {
    serviceDeploymentArn: sim.arn(`service-deployment/${cluster?.clusterName ?? 'default'}/${svc.serviceName}/${deploymentArnId(sim)}`),
    serviceArn: svc.serviceArn,
    clusterArn: svc.clusterArn,
    deploymentId: dep.id,
    strategy,
    deploymentConfiguration: structuredClone(cfg),
    createdAtMs: sim.now,
    updatedAtMs: sim.now,
    sourceRevisionArns: sources,
    targetRevisionArn: target.serviceRevisionArn,
    status: 'PENDING',
    plan: [],
    cursor: 0,
    stepStartedMs: sim.now,
    phase: 'action',
    gen: 0,
    hooks: [],
    productionWeight: sources.length ? 0 : 100,
    testWeight: sources.length ? 0 : 100,
    circuitBreaker: { status: cfg.deploymentCircuitBreaker.enable ? 'MONITORING' : 'DISABLED', failureCount: 0, threshold: circuitBreakerThreshold(svc) },
    ...(cfg.alarms ? { alarms: { status: cfg.alarms.enable ? 'MONITORING' : 'DISABLED', alarmNames: cfg.alarms.alarmNames, triggeredAlarmNames: [] } } : {}),
  };
  sim.world.serviceDeployments[sd.serviceDeploymentArn] = sd;
  (svc.serviceDeploymentArns ??= []).push(sd.serviceDeploymentArn);
  dep.serviceDeploymentArn = sd.serviceDeploymentArn;
  emitState(sim, svc, sd);
  return sd;
}

/**
 * The forward weights for a new revision's share `percent` of a rule's traffic [SIM]: whole percents
 * as weights out of 100 (100/0 at the ends, as the documentation's examples set them), tenths of a
 * percent out of 1000 (ELB weights are whole numbers from 0 to 999).
 */
export function weightsFor(percent: number): { blue: number; green: number } {
  if (percent <= 0) return { blue: 100, green: 0 };
  if (percent >= 100) return { blue: 0, green: 100 };
  if (Number.isInteger(percent)) return { blue: 100 - percent, green: percent };
  const green = Math.min(999, Math.max(1, Math.round(percent * 10)));
  return { blue: 1000 - green, green };
}

/** Tells the load balancer to give the target revision `percent` of the production (or test) rules' traffic. */
export function shiftTraffic(sim: SimContext, svc: Service, sd: ServiceDeploymentRecord, percent: number, which: 'production' | 'test'): void {
  const target = sim.world.serviceRevisions[sd.targetRevisionArn];
  const source = sd.sourceRevisionArns.length ? sim.world.serviceRevisions[sd.sourceRevisionArns[0]!] : undefined;
  if (!target || !source) return;
  const w = weightsFor(percent);
  svc.loadBalancers.forEach((lb, i) => {
    const adv = lb.advancedConfiguration;
    const rule = which === 'production' ? adv?.productionListenerRule : adv?.testListenerRule;
    const green = target.targetGroups[i]?.targetGroupArn;
    const blue = source.targetGroups[i]?.targetGroupArn;
    if (!rule || !green || !blue || green === blue) return;
    sim.notices.emit('forwardWeights', {
      ruleArn: rule,
      weights: [
        { targetGroupArn: blue, weight: w.blue },
        { targetGroupArn: green, weight: w.green },
      ],
    });
  });
  if (which === 'production') sd.productionWeight = percent;
  else sd.testWeight = percent;
}
