import { own } from '../../core/own';
import type { SimContext } from '../../model/context';
import { INSTANCE_TYPES, type InstanceType } from '../../model/instanceTypes';
import type { CapacityProvider, ContainerInstance, Ec2Instance, InstanceRequirements, Requirements, Task } from '../../model/types';
import { typesMeeting } from '../../queries/capacity';
import { requirementsOf, taskDefinitionOf } from '../../queries/taskDefinitions';
import { drainManagedInstance, launchManagedInstance, retireManagedInstance } from '../asg';
import { stopTask } from '../tasks';
import { isDaemonTask, waitingTasks } from './waiting';

/**
 * Amazon ECS Managed Instances provisioning (ecs-spec §13.2; DG:ManagedInstances,
 * DG:managed-instances-infrastructure-optimization): tasks that find no room on the provider's
 * instances wait in PROVISIONING, and ECS launches instances for them, chosen from the types that
 * meet the provider's instance requirements and the tasks' needs; by default several smaller tasks go
 * on one larger instance. Idle instances are removed after scaleInAfter, and an instance that reaches
 * its maximum lifetime (21 days) is drained and replaced.
 * [SIM] the choice of type: the cheapest type that holds every waiting task of a group; when none
 * does, the type that holds the most tasks per dollar; ties go to the catalogue's order.
 */

/** What one task needs from a managed instance, and where it may run. */
interface Need {
  task: Task;
  req: Requirements;
  arch: 'x86_64' | 'arm64';
  zones?: Set<string>;
}

/** Room left on an instance, as its type and the tasks placed on it (so far) leave it. */
interface Bin {
  cpu: number;
  memory: number;
  gpu: number;
  eni: number;
  ports: Set<string>;
  az?: string;
}

function binOf(t: InstanceType, az?: string): Bin {
  // awsvpc tasks: one ENI each, the trunk's branch ENIs where the type has them (the primary and the trunk excluded).
  return { cpu: t.vcpu * 1024, memory: t.osMemoryMiB, gpu: t.gpus, eni: t.trunkEni !== undefined ? t.trunkEni - 2 : t.maxEni - 1, ports: new Set(), ...(az ? { az } : {}) };
}

function fits(b: Bin, n: Need): boolean {
  const r = n.req;
  if (b.az && n.zones && !n.zones.has(b.az)) return false;
  return r.cpu <= b.cpu && r.memory <= b.memory && r.gpu <= b.gpu && r.eni <= b.eni && r.ports.every((p) => !b.ports.has(`${p}/tcp`)) && r.portsUdp.every((p) => !b.ports.has(`${p}/udp`));
}

function take(b: Bin, n: Need): void {
  const r = n.req;
  b.cpu -= r.cpu;
  b.memory -= r.memory;
  b.gpu -= r.gpu;
  b.eni -= r.eni;
  for (const p of r.ports) b.ports.add(`${p}/tcp`);
  for (const p of r.portsUdp) b.ports.add(`${p}/udp`);
}

/** How many of the needs (in order) fit one empty instance of the type. */
function packCount(t: InstanceType, needs: Need[]): number {
  const b = binOf(t);
  let n = 0;
  for (const x of needs) {
    if (!fits(b, x)) continue;
    take(b, x);
    n++;
  }
  return n;
}

/** [SIM] the type to launch for a group of needs (see the file's comment), or undefined when none can hold even one of them. */
function chooseType(candidates: InstanceType[], needs: Need[]): InstanceType | undefined {
  let best: { t: InstanceType; k: number } | undefined;
  for (const t of candidates) {
    const k = packCount(t, needs);
    if (k === 0) continue;
    if (!best) {
      best = { t, k };
      continue;
    }
    const allNow = k === needs.length;
    const allBest = best.k === needs.length;
    if (allNow && allBest) {
      if (t.price < best.t.price) best = { t, k };
      continue;
    }
    if (allNow !== allBest) {
      if (allNow) best = { t, k };
      continue;
    }
    const perDollar = k / t.price;
    const bestPerDollar = best.k / best.t.price;
    if (perDollar > bestPerDollar + 1e-12 || (Math.abs(perDollar - bestPerDollar) <= 1e-12 && k > best.k)) best = { t, k };
  }
  return best?.t;
}

function needsOf(sim: SimContext, tasks: Task[]): Need[] {
  const w = sim.world;
  const out: Need[] = [];
  for (const t of tasks) {
    const td = taskDefinitionOf(sim, t);
    if (!td) continue;
    const subnets = t.waiting?.subnets;
    out.push({
      task: t,
      req: requirementsOf(td, 'EC2'),
      arch: td.runtimePlatform?.cpuArchitecture === 'ARM64' ? 'arm64' : 'x86_64',
      ...(subnets ? { zones: new Set(subnets.map((s) => w.subnets[s]?.availabilityZone ?? '')) } : {}),
    });
  }
  return out;
}

function providerInstances(sim: SimContext, name: string): Ec2Instance[] {
  return Object.values(sim.world.ec2).filter((i) => i.managedBy === name && i.state !== 'terminated' && i.state !== 'stopped');
}

/** The provider's subnets the needs may use, and of those the one whose AZ has the fewest of the provider's instances [SIM: first listed on ties]. */
function subnetFor(sim: SimContext, cp: CapacityProvider, zones: Set<string> | undefined): string | undefined {
  const w = sim.world;
  const listed = cp.managedInstances!.instanceLaunchTemplate.networkConfiguration.subnets;
  const subnets = (listed?.length ? listed : Object.keys(w.subnets)).filter((s) => w.subnets[s] && (!zones || zones.has(w.subnets[s]!.availabilityZone)));
  const perAz = new Map<string, number>();
  for (const i of providerInstances(sim, cp.name)) perAz.set(i.availabilityZone, (perAz.get(i.availabilityZone) ?? 0) + 1);
  let best: string | undefined;
  for (const s of subnets) {
    if (!best || (perAz.get(w.subnets[s]!.availabilityZone) ?? 0) < (perAz.get(w.subnets[best]!.availabilityZone) ?? 0)) best = s;
  }
  return best;
}

/**
 * Launches the instances the provider's waiting tasks need in a cluster: what instances already on
 * their way can hold is left to them; the rest, grouped by architecture and zones, get new instances.
 */
export function provisionManagedInstances(sim: SimContext, clusterArn: string, provider: string): void {
  const w = sim.world;
  const cp = own(w.capacityProviders, provider);
  if (!cp?.managedInstances || cp.status !== 'ACTIVE') return;
  const booting: Bin[] = providerInstances(sim, provider)
    .filter((i) => i.state === 'pending' && !i.containerInstanceArn)
    .map((i) => binOf(INSTANCE_TYPES[i.instanceType]!, i.availabilityZone));
  const left: Need[] = [];
  for (const n of needsOf(sim, waitingTasks(sim, clusterArn, provider))) {
    const bin = booting.find((b) => fits(b, n));
    if (bin) take(bin, n);
    else left.push(n);
  }
  const types = typesMeeting(cp.managedInstances.instanceLaunchTemplate.instanceRequirements as InstanceRequirements | undefined);
  const groups = new Map<string, Need[]>();
  for (const n of left) {
    const key = `${n.arch}|${n.zones ? [...n.zones].sort().join(',') : '*'}`;
    groups.set(key, [...(groups.get(key) ?? []), n]);
  }
  for (const group of groups.values()) {
    let rest = group;
    for (let launched = 0; rest.length > 0 && launched < 100; launched++) {
      const type = chooseType(
        types.filter((t) => t.arch === rest[0]!.arch),
        rest,
      );
      const subnet = type ? subnetFor(sim, cp, rest[0]!.zones) : undefined;
      if (!type || !subnet) break; // no type holds these tasks: they wait until their PROVISIONING timeout
      launchManagedInstance(sim, cp, type.name, subnet);
      const bin = binOf(type, w.subnets[subnet]!.availabilityZone);
      const next: Need[] = [];
      for (const n of rest) {
        if (fits(bin, n)) take(bin, n);
        else next.push(n);
      }
      rest = next;
    }
  }
}

/** Whether a container instance runs any task that counts (daemon tasks do not). */
function busy(sim: SimContext, ci: ContainerInstance): boolean {
  return ci.taskArns.some((a) => {
    const t = sim.world.tasks[a];
    return t && t.lastStatus !== 'STOPPED' && !isDaemonTask(sim, t);
  });
}

/**
 * One minute of Managed Instances: provisioning for tasks still waiting; instances at their maximum
 * lifetime drained (standalone tasks on them stopped, [INF] with the maintenance reason ECS gives
 * Fargate tasks) and terminated once empty; idle instances removed after scaleInAfter (-1: never).
 */
export function managedInstancesMinute(sim: SimContext): void {
  const w = sim.world;
  const d = w.durations;
  for (const cp of Object.values(w.capacityProviders)) {
    const mi = cp.managedInstances;
    if (!mi || cp.status !== 'ACTIVE') continue;
    const clusterArn = sim.arn(`cluster/${mi.cluster}`);
    const waiting = waitingTasks(sim, clusterArn, cp.name);
    if (waiting.length) provisionManagedInstances(sim, clusterArn, cp.name);
    const needs = needsOf(sim, waiting);
    const scaleInAfter = mi.infrastructureOptimization.scaleInAfter;
    const idleMs = scaleInAfter === undefined || scaleInAfter === null ? d.managedInstanceIdleMs : scaleInAfter * 1000;
    for (const inst of providerInstances(sim, cp.name)) {
      const ci = inst.containerInstanceArn ? w.containerInstances[inst.containerInstanceArn] : undefined;
      if (!ci || ci.status === 'INACTIVE') continue;
      const inUse = busy(sim, ci);
      if (ci.status === 'ACTIVE' && sim.now - inst.launchedAtMs >= d.managedInstanceLifetimeMs) {
        drainManagedInstance(sim, ci, 'it reached the maximum lifetime of a Managed Instances instance');
        for (const a of [...ci.taskArns]) {
          const t = w.tasks[a];
          if (t && !t.serviceArn && t.desiredStatus === 'RUNNING') stopTask(sim, t, undefined, 'ECS is performing maintenance on the underlying infrastructure hosting the task.');
        }
        continue;
      }
      if (ci.status === 'DRAINING' && ci.retiringSinceMs !== undefined) {
        if (!inUse) retireManagedInstance(sim, inst, 'it reached its maximum lifetime and its tasks have moved');
        continue;
      }
      // An instance a waiting task could use is not idle: the task is placed on it as soon as it fits.
      if (inUse || needs.some((n) => fits(binOf(INSTANCE_TYPES[inst.instanceType]!, inst.availabilityZone), n))) {
        delete ci.idleSinceMs;
        continue;
      }
      ci.idleSinceMs ??= sim.now;
      if (scaleInAfter !== -1 && sim.now - ci.idleSinceMs >= idleMs) retireManagedInstance(sim, inst, `it ran no task for ${Math.round(idleMs / 1000)} seconds`);
    }
  }
}
