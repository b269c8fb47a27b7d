import type { SimContext } from '../model/context';
import type { AutoScalingGroup, CapacityProvider, ContainerInstance, Ec2Instance } from '../model/types';
import { parseUserData } from '../queries/userData';
import { startEc2Instance, terminateInstance } from './instances';
import { say } from '../model/narration';

/**
 * EC2 Auto Scaling groups: they keep DesiredCapacity instances of their launch template running,
 * balanced across their subnets' AZs, and terminate only instances not protected from scale-in.
 * The instances' agents join the cluster that the launch template's user data names (ECS_CLUSTER).
 */

function alive(sim: SimContext, asg: AutoScalingGroup): Ec2Instance[] {
  return asg.Instances.map((i) => sim.world.ec2[i.InstanceId]!).filter((i) => i && i.state !== 'terminated');
}

/**
 * [SIM] default termination policy: of the instances not protected from scale-in, one in the subnet
 * with the most instances, the newest there, the greatest ID on ties; found in one walk, not a sort.
 */
function nextVictim(now: Ec2Instance[], counts: Map<string, number>, protectedIds: Set<string>): Ec2Instance | undefined {
  let best: Ec2Instance | undefined;
  let bestCount = 0;
  for (const i of now) {
    if (protectedIds.has(i.ec2InstanceId)) continue;
    const c = counts.get(i.subnetId)!;
    if (!best || c > bestCount || (c === bestCount && (i.launchedAtMs > best.launchedAtMs || (i.launchedAtMs === best.launchedAtMs && i.ec2InstanceId > best.ec2InstanceId)))) {
      best = i;
      bestCount = c;
    }
  }
  return best;
}

/** Launches or terminates instances until the group has DesiredCapacity of them. */
export function reconcileAsg(sim: SimContext, asg: AutoScalingGroup): void {
  const w = sim.world;
  asg.Instances = asg.Instances.filter((i) => w.ec2[i.InstanceId]?.state !== 'terminated');
  const running = alive(sim, asg);
  const lt = w.launchTemplates[asg.LaunchTemplateName]!;
  const { cluster, agent } = parseUserData(lt.UserData);
  const clusterArn = sim.arn(`cluster/${cluster}`);
  const perSubnet = (list: Ec2Instance[]) => {
    const m = new Map(asg.subnets.map((s) => [s, 0]));
    for (const i of list) m.set(i.subnetId, (m.get(i.subnetId) ?? 0) + 1);
    return m;
  };
  // Instances per subnet, counted once and kept up to date as instances are launched.
  const launched = running.length < asg.DesiredCapacity ? perSubnet(running) : undefined;
  for (let n = running.length; n < asg.DesiredCapacity; n++) {
    // AZ balance: the subnet with the fewest instances, first listed on ties.
    const counts = launched!;
    let subnet = asg.subnets[0]!;
    for (const s of asg.subnets) if (counts.get(s)! < counts.get(subnet)!) subnet = s;
    const id = `i-0${sim.hex(16)}`;
    // [SIM] of several instance types, the first (highest priority) is launched.
    startEc2Instance(sim, { id, instanceType: asg.instanceTypes[0]!, subnetId: subnet, clusterArn, bootMs: w.durations.instanceBootMs, agentConfig: structuredClone(agent), asgName: asg.AutoScalingGroupName });
    asg.Instances.push({ InstanceId: id, ProtectedFromScaleIn: asg.NewInstancesProtectedFromScaleIn });
    counts.set(subnet, (counts.get(subnet) ?? 0) + 1);
  }
  let extra = running.length - asg.DesiredCapacity;
  // Which instances are protected from scale-in (the group's first entry for an instance says): terminating one changes no other's.
  const protectedIds = new Set<string>();
  if (extra > 0) {
    const listed = new Set<string>();
    for (const x of asg.Instances) {
      if (listed.has(x.InstanceId)) continue;
      listed.add(x.InstanceId);
      if (x.ProtectedFromScaleIn) protectedIds.add(x.InstanceId);
    }
  }
  while (extra > 0) {
    const now = alive(sim, asg);
    const victim = nextVictim(now, perSubnet(now), protectedIds);
    if (!victim) break; // protected instances stay; the group waits above its desired capacity
    sim.emit('AsgTerminate', say('AsgTerminate.terminates', { group: asg.AutoScalingGroupName, id: victim.ec2InstanceId, desired: asg.DesiredCapacity }), {
      autoScalingGroupName: asg.AutoScalingGroupName,
      ec2InstanceId: victim.ec2InstanceId,
    });
    terminateInstance(sim, victim);
    extra--;
  }
  asg.Instances = asg.Instances.filter((i) => w.ec2[i.InstanceId]?.state !== 'terminated');
}

/** Listener of `instanceTerminated`: an instance of a group went away, and the group replaces it. */
export function asgInstanceGone(sim: SimContext, inst: Ec2Instance): void {
  const asg = inst.asgName ? sim.world.autoScalingGroups[inst.asgName] : undefined;
  if (!asg) return;
  asg.Instances = asg.Instances.filter((i) => i.InstanceId !== inst.ec2InstanceId);
  sim.engine.after(0, { k: 'asg.reconcile', name: asg.AutoScalingGroupName });
}

export function setDesiredCapacity(sim: SimContext, asg: AutoScalingGroup, n: number, why: string): void {
  const clamped = Math.max(asg.MinSize, Math.min(asg.MaxSize, n));
  if (clamped === asg.DesiredCapacity) return;
  sim.emit('AsgDesiredCapacity', say('AsgDesiredCapacity.desired', { group: asg.AutoScalingGroupName, from: asg.DesiredCapacity, to: clamped, why }), {
    autoScalingGroupName: asg.AutoScalingGroupName,
    from: asg.DesiredCapacity,
    to: clamped,
  });
  asg.DesiredCapacity = clamped;
  reconcileAsg(sim, asg);
}

export function registerAsgHandlers(sim: SimContext): void {
  sim.engine.on('asg.reconcile', (ev) => {
    const asg = sim.world.autoScalingGroups[ev.name];
    if (asg) reconcileAsg(sim, asg);
  });
}

/**
 * Amazon ECS Managed Instances (ecs-spec §13.2): ECS launches and retires the instances of a Managed
 * Instances capacity provider itself, as a group without a group: the instances join the provider's
 * cluster and belong to the provider; nobody calls sim.LaunchInstances for them.
 */
export function launchManagedInstance(sim: SimContext, cp: CapacityProvider, instanceType: string, subnetId: string): Ec2Instance {
  const mi = cp.managedInstances!;
  return startEc2Instance(sim, {
    id: `i-0${sim.hex(16)}`,
    instanceType,
    subnetId,
    clusterArn: sim.arn(`cluster/${mi.cluster}`),
    bootMs: sim.world.durations.managedInstanceBootMs,
    agentConfig: { reservedMemory: 0, reservedPorts: [22, 2375, 2376, 51678, 51679], reservedPortsUdp: [], instanceAttributes: {} },
    managedBy: cp.name,
  });
}

/** The instance has reached its maximum lifetime: DRAINING, so the service scheduler moves its tasks; it is terminated once empty. */
export function drainManagedInstance(sim: SimContext, ci: ContainerInstance, why: string): void {
  if (ci.status !== 'ACTIVE') return;
  ci.status = 'DRAINING';
  ci.retiringSinceMs = sim.now;
  ci.version++;
  sim.emit('ContainerInstanceStateChange', say('ContainerInstanceStateChange.draining', { id: ci.ec2InstanceId, why }), {
    containerInstanceArn: ci.containerInstanceArn,
    ec2InstanceId: ci.ec2InstanceId,
    status: 'DRAINING',
  });
  sim.notices.emit('clusterChanged', ci.clusterArn);
}

/** ECS removes a managed instance: the container instance is deregistered and the EC2 instance terminated. */
export function retireManagedInstance(sim: SimContext, inst: Ec2Instance, why: string): void {
  if (inst.state === 'terminated') return;
  sim.emit('ManagedInstanceRetired', say('ManagedInstanceRetired.retired', { provider: inst.managedBy ?? '', id: inst.ec2InstanceId, why }), {
    capacityProviderName: inst.managedBy ?? '',
    ec2InstanceId: inst.ec2InstanceId,
    reason: why,
  });
  terminateInstance(sim, inst);
}

/** Every instance of a deleted Managed Instances provider is retired. */
export function retireManagedInstances(sim: SimContext, provider: string): void {
  for (const inst of Object.values(sim.world.ec2)) {
    if (inst.managedBy === provider && inst.state !== 'terminated') retireManagedInstance(sim, inst, 'its capacity provider was deleted');
  }
}
