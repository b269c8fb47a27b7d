import type { SimContext } from '../../model/context';
import type { CapacityProvider, Requirements } from '../../model/types';
import { INSTANCE_TYPES } from '../../model/instanceTypes';
import { MINUTE } from '../../core/time';
import { placeOnInstances } from '../../placement/place';
import { recordTrace } from '../../placement/traces';
import { seriesKey } from '../../queries/metrics';
import { requirementsOf, taskDefinitionOf } from '../../queries/taskDefinitions';
import { parseUserData } from '../../queries/userData';
import { bindTask, stopTask } from '../tasks';
import { setDesiredCapacity } from '../asg';
import { isDaemonTask, waitingTasks } from './waiting';
import { managedInstancesMinute, provisionManagedInstances } from './managed';

/**
 * Tasks waiting for capacity-provider capacity, and cluster auto scaling (ecs-spec §7.3-7.7):
 * CapacityProviderReservation = M / N × 100 each minute, scale-out as soon as it is above the
 * target (after the warm-up of the last new instances), scale-in after 15 minutes below it by at
 * most half the group, and managed termination protection of instances that run tasks.
 */

/** Places the tasks waiting in PROVISIONING that fit now, oldest first. */
export function placeWaiting(sim: SimContext, clusterArn: string): void {
  const w = sim.world;
  if (w.waiting.length === 0) return;
  for (const t of waitingTasks(sim, clusterArn)) {
    const td = taskDefinitionOf(sim, t);
    if (!td) continue;
    const wp = t.waiting!;
    const req = requirementsOf(td, 'EC2');
    const zones = wp.subnets ? new Set(wp.subnets.map((s) => w.subnets[s]?.availabilityZone ?? '')) : undefined;
    const traceId = w.nextTraceId++;
    const r = placeOnInstances(
      w,
      {
        clusterArn,
        group: t.group,
        req,
        constraints: wp.constraints,
        strategies: wp.strategies,
        defaultMode: wp.defaultMode,
        capacityProvider: wp.capacityProvider,
        ...(zones ? { zones } : {}),
      },
      sim.engine.rng.stream('placement'),
      traceId,
      sim.now,
    );
    if (!r.instance) continue;
    recordTrace(w, r.trace);
    t.traceId = traceId;
    const subnetId = zones ? wp.subnets!.find((s) => w.subnets[s]?.availabilityZone === r.instance!.availabilityZone) : undefined;
    bindTask(sim, t, td, r.instance, subnetId);
  }
}

function reqKey(r: Requirements): string {
  return `${r.cpu}|${r.memory}|${r.gpu}|${r.eni}|${[...r.ports].sort().join(',')}|${[...r.portsUdp].sort().join(',')}`;
}

/** CapacityProviderReservation of one provider now, with M and N. */
export function reservation(sim: SimContext, cp: CapacityProvider, clusterArn: string): { cpr: number; m: number; n: number } {
  const w = sim.world;
  const asg = cp.autoScalingGroupName !== undefined ? w.autoScalingGroups[cp.autoScalingGroupName] : undefined;
  if (!asg) return { cpr: 100, m: 0, n: 0 };
  const instances = asg.Instances.map((i) => w.ec2[i.InstanceId]!).filter((i) => i && i.state !== 'terminated');
  const n = instances.length;
  // Instances running at least one non-daemon task (daemon-only instances count as empty).
  let used = 0;
  for (const inst of instances) {
    const ci = inst.containerInstanceArn ? w.containerInstances[inst.containerInstanceArn] : undefined;
    if (
      ci &&
      ci.taskArns.some((a) => {
        const t = w.tasks[a];
        return t && t.lastStatus !== 'STOPPED' && !isDaemonTask(sim, t);
      })
    )
      used++;
  }
  // Tasks waiting for this provider, grouped by identical requirements (§7.5).
  const groups = new Map<string, { req: Requirements; count: number }>();
  for (const t of waitingTasks(sim, clusterArn, cp.name)) {
    const td = taskDefinitionOf(sim, t);
    if (!td) continue;
    const req = requirementsOf(td, 'EC2');
    const g = groups.get(reqKey(req)) ?? { req, count: 0 };
    g.count++;
    groups.set(reqKey(req), g);
  }
  let m = used;
  if (groups.size > 0) {
    const agent = parseUserData(w.launchTemplates[asg.LaunchTemplateName]?.UserData ?? '').agent;
    const types = asg.instanceTypes.map((name) => INSTANCE_TYPES[name]!);
    const cap = (t: (typeof types)[number]) => ({ cpu: t.vcpu * 1024, memory: t.osMemoryMiB - agent.reservedMemory, eni: t.maxEni - 1, gpu: t.gpus });
    const smallest = types.map(cap).reduce((a, b) => ({ cpu: Math.min(a.cpu, b.cpu), memory: Math.min(a.memory, b.memory), eni: Math.min(a.eni, b.eni), gpu: Math.min(a.gpu, b.gpu) }));
    const largest = types.map(cap).reduce((a, b) => ({ cpu: Math.max(a.cpu, b.cpu), memory: Math.max(a.memory, b.memory), eni: Math.max(a.eni, b.eni), gpu: Math.max(a.gpu, b.gpu) }));
    let count = 0;
    let compatible = false;
    for (const { req, count: k } of groups.values()) {
      // A group that does not fit the smallest type is "not compatible" and is left out.
      if (req.cpu > smallest.cpu || req.memory > smallest.memory || req.gpu > smallest.gpu || (req.eni > 0 && smallest.eni < 1)) continue;
      compatible = true;
      let per = Infinity;
      if (req.cpu > 0) per = Math.min(per, Math.floor(largest.cpu / req.cpu));
      if (req.memory > 0) per = Math.min(per, Math.floor(largest.memory / req.memory));
      if (req.gpu > 0) per = Math.min(per, Math.floor(largest.gpu / req.gpu));
      if (req.eni > 0) per = Math.min(per, largest.eni);
      if (req.ports.length || req.portsUdp.length) per = Math.min(per, 1);
      if (!Number.isFinite(per)) per = k;
      count += Math.ceil(k / Math.max(1, per));
    }
    if (compatible) {
      const ms = cp.managedScaling;
      m = n + Math.min(ms.maximumScalingStepSize, Math.max(ms.minimumScalingStepSize, count));
    } else if (used === n) m = n; // nothing compatible: CAS does not scale, CPR stays 100
  }
  if (n === 0) return { cpr: m > 0 ? 200 : 100, m, n };
  return { cpr: (m * 100) / n, m, n };
}

/** One minute of cluster auto scaling for every provider with managed scaling. */
export function runClusterAutoScaling(sim: SimContext): void {
  const w = sim.world;
  managedInstancesMinute(sim);
  for (const cluster of Object.values(w.clusters)) {
    if (cluster.status !== 'ACTIVE') continue;
    for (const name of cluster.capacityProviders) {
      const cp = w.capacityProviders[name];
      // Managed Instances providers have no group: ECS provisions them itself (./managed).
      const asg = cp?.autoScalingGroupName !== undefined ? w.autoScalingGroups[cp.autoScalingGroupName] : undefined;
      if (!cp || !asg || cp.status !== 'ACTIVE') continue;
      if (cp.managedTerminationProtection === 'ENABLED') protectBusyInstances(sim, asg.AutoScalingGroupName);
      if (cp.managedScaling.status !== 'ENABLED') continue;
      const { cpr, m, n } = reservation(sim, cp, cluster.clusterArn);
      cp.lastReservation = cpr;
      const dims = [
        { name: 'CapacityProviderName', value: cp.name },
        { name: 'ClusterName', value: cluster.clusterName },
      ];
      const key = seriesKey('AWS/ECS/ManagedScaling', 'CapacityProviderReservation', dims);
      const series = (w.metrics[key] ??= { namespace: 'AWS/ECS/ManagedScaling', metricName: 'CapacityProviderReservation', dimensions: dims, points: [] });
      series.points.push(sim.now - MINUTE, cpr);
      const target = cp.managedScaling.targetCapacity;
      if (cpr > target) {
        cp.lowMinutes = 0;
        // Further scale-out waits until every new instance has passed its warm-up period.
        const warm = asg.Instances.every((i) => {
          const inst = w.ec2[i.InstanceId];
          return !inst || sim.now - inst.launchedAtMs >= cp.managedScaling.instanceWarmupPeriod * 1000;
        });
        if (!warm) continue;
        // From zero ECS always scales out to 200 %: two instances; otherwise N such that M / N = target.
        const desired = n === 0 ? 2 : Math.ceil((m * 100) / target - 1e-9);
        if (desired > asg.DesiredCapacity) setDesiredCapacity(sim, asg, desired, `capacity provider ${cp.name}: CapacityProviderReservation ${round(cpr)} > target ${target}`);
      } else if (cpr < target) {
        cp.lowMinutes++;
        if (cp.lowMinutes < 15) continue;
        cp.lowMinutes = 0;
        // After 15 minutes below target, shrink toward M / target, by at most half the group per step.
        const desired = Math.max(Math.ceil((m * 100) / target - 1e-9), n - Math.max(1, Math.floor(n * 0.5)));
        if (desired < asg.DesiredCapacity) setDesiredCapacity(sim, asg, desired, `capacity provider ${cp.name}: CapacityProviderReservation ${round(cpr)} < target ${target} for 15 minutes`);
      } else cp.lowMinutes = 0;
    }
  }
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Managed termination protection: instances running non-daemon tasks are protected, empty ones are not. */
export function protectBusyInstances(sim: SimContext, asgName: string): void {
  const w = sim.world;
  const asg = w.autoScalingGroups[asgName]!;
  for (const i of asg.Instances) {
    const inst = w.ec2[i.InstanceId];
    const ci = inst?.containerInstanceArn ? w.containerInstances[inst.containerInstanceArn] : undefined;
    if (!ci) continue; // not registered yet: keeps the protection it was launched with
    const busy = ci.taskArns.some((a) => {
      const t = w.tasks[a];
      return t && t.lastStatus !== 'STOPPED' && !isDaemonTask(sim, t);
    });
    i.ProtectedFromScaleIn = busy;
  }
}

export function registerCasHandlers(sim: SimContext): void {
  sim.engine.on('cluster.placeWaiting', (ev) => placeWaiting(sim, ev.cluster));
  sim.engine.on('cluster.provision', (ev) => provisionManagedInstances(sim, ev.cluster, ev.capacityProvider));
  sim.engine.on('task.provisionTimeout', (ev) => {
    const t = sim.world.tasks[ev.task];
    if (!t || !t.waiting || t.desiredStatus !== 'RUNNING') return;
    // [INF] the wording AWS uses is not documented.
    stopTask(sim, t, 'TaskFailedToStart', `Task stopped after waiting ${sim.world.durations.provisioningTimeoutMs / MINUTE} minutes in PROVISIONING: capacity provider ${t.waiting.capacityProvider} provided no container instance for it.`);
  });
}
