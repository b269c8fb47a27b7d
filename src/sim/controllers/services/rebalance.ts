import type { SimContext } from '../../model/context';
import type { Service, Task } from '../../model/types';
import type { WorldState } from '../../model/world';
import { serviceEvent, taskIds } from './events';
import { isHealthy } from './health';
import { launch, nextProvider } from './launch';
import { requestPass } from './pass';
import { scaleInOrder, unprotected } from './scaleIn';
import { stopTask } from '../tasks';
import { FARGATE_PROVIDERS } from '../../model/capacity';
import { deploymentTaskDefinition, requirementsOf } from '../../queries/taskDefinitions';

/**
 * Availability Zone rebalancing (ecs-spec §13.2; DG:service-rebalancing, DG:track-service-rebalancing,
 * DG:service-rebalancing-event-messages-list). Once a service with availabilityZoneRebalancing ENABLED
 * has reached a steady state, ECS looks at how many of its tasks run in each Availability Zone it can
 * use; when they are uneven it says the service is not AZ balanced, starts a task in the Availability
 * Zone with the fewest, waits until that task is healthy, then stops a task in the Availability Zone
 * with the most, and repeats until the service is AZ balanced, which it says too.
 *
 * [INF] "Uneven" is a difference of more than one task between the fullest and the emptiest Availability
 * Zone that has capacity for the service (the AZs of its subnets on Fargate, of its cluster's ACTIVE
 * instances on EC2); one task at a time, as the scheduler moves it.
 */

/** Whether the service's tasks run on Fargate (by launch type or provider strategy). */
function onFargateService(svc: Service): boolean {
  return svc.launchType === 'FARGATE' || (svc.capacityProviderStrategy ?? []).some((i) => FARGATE_PROVIDERS.includes(i.capacityProvider));
}

/**
 * The value CreateService gives a service that names none: ENABLED, except for services that cannot be
 * rebalanced, which keep DISABLED ("Services that are not compatible — such as those using the binpack
 * placement strategy — will default to false", AWS's announcement of the default of June 2025): binpack,
 * a first strategy that is not an AZ spread, and DAEMON services [INF for the last two].
 */
export function rebalancingDefault(scheduling: string, strategies: { type: string; field?: string }[]): 'ENABLED' | 'DISABLED' {
  if (scheduling === 'DAEMON' || strategies.some((s) => s.type === 'binpack')) return 'DISABLED';
  const first = strategies[0];
  if (first && !(first.type === 'spread' && /^attribute:ecs\.availability-zone$/i.test(first.field ?? ''))) return 'DISABLED';
  return 'ENABLED';
}

/** The Availability Zones the service can use, sorted: its subnets' with free addresses on Fargate, its cluster's ACTIVE instances' on EC2. */
export function rebalanceZones(sim: SimContext, svc: Service): string[] {
  const w = sim.world;
  const subnets = svc.networkConfiguration?.awsvpcConfiguration.subnets;
  const subnetZones = subnets
    ? new Set(
        subnets
          .map((s) => w.subnets[s])
          .filter((s) => s !== undefined && s.freeIps > 0)
          .map((s) => s!.availabilityZone),
      )
    : undefined;
  if (onFargateService(svc)) return [...(subnetZones ?? [])].sort();
  const zones = new Set<string>();
  // Every instance is in one of the world's subnets (none is ever deleted), so once each of their zones
  // is found the rest of the cluster's instances add none; the cluster's own list holds its instances
  // that are not INACTIVE.
  const all = subnetZones?.size ?? worldZoneCount(w);
  for (const arn of w.clusters[svc.clusterArn]?.instanceArns ?? []) {
    const ci = w.containerInstances[arn];
    if (!ci || ci.clusterArn !== svc.clusterArn || ci.status !== 'ACTIVE' || !ci.agentConnected) continue;
    if (subnetZones && !subnetZones.has(ci.availabilityZone)) continue;
    zones.add(ci.availabilityZone);
    if (zones.size >= all) break;
  }
  return [...zones].sort();
}

/** How many Availability Zones the world's subnets are in. */
function worldZoneCount(w: WorldState): number {
  const zones = new Set<string>();
  for (const id in w.subnets) zones.add(w.subnets[id]!.availabilityZone);
  return zones.size;
}

/** The task a rebalancing step started and whose health it waits for, which the scheduler's own pass leaves alone. */
export function rebalancingTask(sim: SimContext, svc: Service): Task | undefined {
  const arn = svc.rebalance?.taskArn;
  const t = arn ? sim.world.tasks[arn] : undefined;
  return t && t.desiredStatus === 'RUNNING' ? t : undefined;
}

/** "2 tasks in us-east-1a, 1 in us-east-1b, and 0 in us-east-1c", as the events list them. */
function spreadText(counts: [string, number][], tasksEach: boolean): string {
  const parts = counts.map(([az, n], i) => `${n}${i === 0 || tasksEach ? ' tasks' : ''} in ${az}`);
  if (parts.length <= 1) return parts.join('');
  if (parts.length === 2) return `${parts[0]} and ${parts[1]}`;
  return `${parts.slice(0, -1).join(', ')}, and ${parts[parts.length - 1]}`;
}

/** Tasks of the service per Availability Zone it can use, in the zones' order. */
function countByZone(zones: string[], ts: Task[]): [string, number][] {
  return zones.map((az) => [az, ts.filter((t) => t.availabilityZone === az).length]);
}

/** After a pass: carries AZ rebalancing one step further, or starts it when a steady service is uneven. */
export function rebalancePass(sim: SimContext, svc: Service): void {
  if (svc.status !== 'ACTIVE' || svc.availabilityZoneRebalancing !== 'ENABLED' || svc.schedulingStrategy === 'DAEMON') {
    delete svc.rebalance;
    return;
  }
  const w = sim.world;
  const active = svc.taskArns.map((a) => w.tasks[a]).filter((t): t is Task => t !== undefined && t.desiredStatus === 'RUNNING');
  const started = rebalancingTask(sim, svc);
  if (svc.rebalance?.taskArn) {
    if (!started) {
      // The task it started stopped before it was healthy: the next steady pass looks again.
      delete svc.rebalance.taskArn;
    } else if (!svc.steady) {
      // A deployment or a new desired count took over: the scheduler's pass counts the task as its own.
      delete svc.rebalance;
      requestPass(sim, svc);
      return;
    } else if (isHealthy(sim, started)) {
      stopSurplus(sim, svc, active, started);
      return;
    } else return;
  }
  if (!svc.steady) return;
  const zones = rebalanceZones(sim, svc);
  const counts = countByZone(zones, active);
  if (counts.length < 2) return;
  const ns = counts.map(([, n]) => n);
  if (Math.max(...ns) - Math.min(...ns) <= 1) {
    if (svc.rebalance) {
      delete svc.rebalance;
      serviceEvent(sim, svc, `service (${svc.serviceName}) is AZ balanced with ${spreadText(counts, true)}.`);
    }
    return;
  }
  // A protected task is not stopped to rebalance either: with none to stop in the fullest AZ, nothing starts.
  const max = Math.max(...ns);
  if (
    unprotected(
      sim,
      svc,
      active.filter((t) => t.availabilityZone === counts.find(([, n]) => n === max)![0]),
    ).length === 0
  )
    return;
  if (!svc.rebalance) {
    svc.rebalance = {};
    serviceEvent(sim, svc, `service (${svc.serviceName}) is not AZ balanced with ${spreadText(counts, false)}. AZ Rebalancing in progress.`);
  }
  startInZone(sim, svc, counts, active);
}

/** Starts one task in the Availability Zone with the fewest tasks (the first such zone on ties). */
function startInZone(sim: SimContext, svc: Service, counts: [string, number][], active: Task[]): void {
  const min = Math.min(...counts.map(([, n]) => n));
  const az = counts.find(([, n]) => n === min)![0];
  const w = sim.world;
  const primary = svc.deployments[0]!;
  const fargate = onFargateService(svc);
  const only = fargate ? undefined : roomIn(sim, svc, az);
  const r = only?.length === 0 ? undefined : launch(sim, svc, primary, only, nextProvider(svc, primary, active));
  if (!r?.task) {
    if (r) svc.lastUnplacedTraceId = r.trace.id;
    serviceEvent(sim, svc, fargate ? `service (${svc.serviceName}) is unable to place a task in ${az}.` : `service (${svc.serviceName}) is unable to place a task in ${az} because no container instance met all of its requirements.`);
    if (svc.retryAtMs <= sim.now) {
      svc.retryAtMs = sim.now + w.durations.serviceRetryMs;
      sim.engine.at(svc.retryAtMs, { k: 'svc.wake', svc: svc.serviceArn });
    }
    return;
  }
  svc.taskArns.push(r.task.taskArn);
  (svc.launchTimesMs ??= []).push(sim.now);
  svc.rebalance = { taskArn: r.task.taskArn };
  serviceEvent(sim, svc, `${svc.serviceName} has started 1 tasks in ${r.task.availabilityZone || az} to AZ Rebalance: ${taskIds([r.task])}.`);
}

/**
 * The ACTIVE instances of the service's cluster in `az` with room for one more of its tasks (CPU, memory,
 * GPUs, static host ports, an ENI), so that a rebalancing start is placed there or not at all.
 */
function roomIn(sim: SimContext, svc: Service, az: string): string[] {
  const td = deploymentTaskDefinition(sim, svc.deployments[0]!);
  if (!td) return [];
  const req = requirementsOf(td, 'EC2');
  const w = sim.world;
  const instances = (w.clusters[svc.clusterArn]?.instanceArns ?? []).map((a) => w.containerInstances[a]).filter((ci) => ci !== undefined);
  return instances
    .filter(
      (ci) =>
        ci.clusterArn === svc.clusterArn &&
        ci.status === 'ACTIVE' &&
        ci.agentConnected &&
        ci.availabilityZone === az &&
        ci.registeredCpu - ci.usedCpu >= req.cpu &&
        ci.registeredMemory - ci.usedMemory >= req.memory &&
        ci.registeredGpu - ci.usedGpu >= req.gpu &&
        ci.maxEni - ci.usedEni >= req.eni &&
        !req.ports.some((p) => ci.usedPorts.includes(p) || ci.reservedPorts.includes(p)) &&
        !req.portsUdp.some((p) => ci.usedPortsUdp.includes(p) || ci.reservedPortsUdp.includes(p)),
    )
    .map((ci) => ci.containerInstanceArn);
}

/** The started task is healthy: stops one task in the Availability Zone with the most (scale-in's choice within it). */
function stopSurplus(sim: SimContext, svc: Service, active: Task[], started: Task): void {
  const zones = rebalanceZones(sim, svc);
  const counts = countByZone(zones, active);
  delete svc.rebalance!.taskArn;
  const max = Math.max(...counts.map(([, n]) => n));
  const az = counts.find(([, n]) => n === max)?.[0];
  const victim = scaleInOrder(
    sim,
    svc,
    unprotected(
      sim,
      svc,
      active.filter((t) => t !== started && t.availabilityZone === az),
    ),
  )[0];
  if (az && victim) {
    serviceEvent(sim, svc, `${svc.serviceName} has stopped 1 running tasks in ${az} due to AZ rebalancing: ${taskIds([victim])}.`);
    stopTask(sim, victim, 'ServiceSchedulerInitiated', `Scaling activity initiated by (deployment ${svc.deployments[0]!.id})`);
  }
  requestPass(sim, svc);
}
