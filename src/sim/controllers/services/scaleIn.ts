import type { SimContext } from '../../model/context';
import type { Deployment, Service, Task } from '../../model/types';
import { splitStrategy } from '../../queries/capacity';
import { isProtected } from '../../queries/protection';
import { stopTask } from '../tasks';
import { serviceEvent, taskIds } from './events';

/** Which tasks a service stops when it has too many, and stopping them. */

/** Orders tasks for scale-in (§1.4): not-yet-running first, then by the strategy's termination rule. */
export function scaleInOrder(sim: SimContext, svc: Service, ts: Task[]): Task[] {
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

/**
 * The tasks scale-in and deployments may stop: not those under task scale-in protection, which "will not be
 * terminated by scale-in events from Service Auto Scaling or deployments" until it ends (API:UpdateTaskProtection,
 * DG:task-scale-in-protection). The service wakes when the first protection of `ts` ends.
 */
export function unprotected(sim: SimContext, svc: Service, ts: Task[]): Task[] {
  const ends = ts.filter((t) => isProtected(sim.world, t.taskArn, sim.now)).map((t) => t.protectedUntilMs!);
  if (ends.length === 0) return ts;
  const first = Math.min(...ends);
  if (svc.protectionWakeAtMs !== first) {
    svc.protectionWakeAtMs = first;
    sim.engine.at(first, { k: 'svc.wake', svc: svc.serviceArn });
  }
  return ts.filter((t) => !isProtected(sim.world, t.taskArn, sim.now));
}

/** Which tasks scale-in stops (never a protected one): from the providers above their share first, then by the strategy's rule. */
export function scaleInChoice(sim: SimContext, svc: Service, dep: Deployment, all: Task[], n: number): Task[] {
  const ts = unprotected(sim, svc, all);
  if (ts.length < n) {
    // [INF] wording: the scheduler says why it keeps more tasks than desiredCount.
    serviceEvent(sim, svc, `(service ${svc.serviceName}) was unable to scale in due to (reason ${all.length - ts.length} tasks under protection).`);
  }
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

/** Stops tasks of a service, saying so in its events first. */
export function stopMany(sim: SimContext, svc: Service, ts: Task[], reason: string | ((t: Task) => string)): void {
  if (ts.length === 0) return;
  const running = ts.filter((t) => t.lastStatus === 'RUNNING');
  // The service says it stopped them before their targets are deregistered and drained (§5.8 order).
  if (running.length) serviceEvent(sim, svc, `(service ${svc.serviceName}) has stopped ${running.length} running tasks: ${taskIds(running)}.`);
  for (const t of ts) stopTask(sim, t, 'ServiceSchedulerInitiated', typeof reason === 'string' ? reason : reason(t));
}
