import type { SimContext } from '../model/context';
import { INSTANCE_TYPES } from '../model/instanceTypes';
import { PRICES } from '../model/prices';
import { HOUR, MINUTE } from '../core/time';
import { liveInstanceIds, liveTaskArns, resolveAll } from '../queries/live';

/**
 * The cost meter: every minute, what the simulation used, priced from the table kept as data. An EC2
 * instance costs its hourly price while it is pending or running; its cost is shared over the
 * services whose tasks reserve its CPU, and what nobody reserves is reported as unused capacity
 * [SIM]. A Fargate task costs its vCPU and GB from the image pull until it stops (Spot at its price). A
 * Managed Instances instance costs its EC2 price plus the management fee.
 */

/**
 * A minute's sums, per key, kept in unboxed numbers while the minute is metered and written to the meter's
 * tables once at its end: each key gets the same additions in the same order as adding to the table
 * itself would give it, and a new key joins the table in the order it was first added to.
 */
class Sums {
  private readonly slots = new Map<string, number>();
  private readonly keys: string[] = [];
  private readonly values: number[] = [];

  constructor(private readonly table: Record<string, number>) {}

  /** The slot of a key, to add to with `add`. */
  slot(key: string): number {
    let i = this.slots.get(key);
    if (i === undefined) {
      i = this.keys.length;
      this.slots.set(key, i);
      this.keys.push(key);
      this.values.push(this.table[key] ?? 0);
    }
    return i;
  }

  add(slot: number, v: number): void {
    this.values[slot]! += v;
  }

  write(): void {
    for (let i = 0; i < this.keys.length; i++) this.table[this.keys[i]!] = this.values[i]!;
  }
}

/** Listener of `minuteTicked`: one minute of what the simulation used, priced. */
export function meterMinute(sim: SimContext): void {
  const w = sim.world;
  const c = w.cost;
  const minuteShare = MINUTE / HOUR;
  const byType = new Sums(c.byCapacityType);
  const byService = new Sums(c.byService);
  // A task's service's slot in the minute's sums, by the service's ARN (tasks without one are standalone).
  const serviceSlots = new Map<string, number>();
  const serviceSlot = (arn: string | undefined): number => {
    if (!arn) return byService.slot('standalone');
    let slot = serviceSlots.get(arn);
    if (slot === undefined) {
      slot = byService.slot(w.services[arn]?.serviceName ?? 'standalone');
      serviceSlots.set(arn, slot);
    }
    return slot;
  };
  let total = c.totalUSD;
  let unused = c.unusedEc2USD;
  // In the table's order, as Object.values lists it, over the instances not terminated.
  for (const id of liveInstanceIds(w)) {
    const inst = w.ec2[id]!;
    if (inst.state !== 'pending' && inst.state !== 'running') continue;
    // A Managed Instances instance costs its EC2 price and the management fee.
    const price = INSTANCE_TYPES[inst.instanceType]!.price;
    const usd = (inst.managedBy ? price * (1 + PRICES.managedInstancesFeeShare) : price) * minuteShare;
    total += usd;
    byType.add(byType.slot(inst.managedBy ? 'MANAGED_INSTANCES' : 'EC2'), usd);
    const ci = inst.containerInstanceArn ? w.containerInstances[inst.containerInstanceArn] : undefined;
    let shared = 0;
    if (ci && ci.registeredCpu > 0) {
      for (const t of resolveAll(w.tasks, ci.taskArns)) {
        if (!t || t.lastStatus === 'STOPPED') continue;
        const part = usd * Math.min(1, t.reserved.cpu / ci.registeredCpu);
        byService.add(serviceSlot(t.serviceArn), part);
        shared += part;
      }
    }
    unused += usd - shared;
  }
  if (w.fargateTasksLaunched) {
    // The tasks not yet stopped, in creation order: a stopped task costs nothing.
    for (const arn of liveTaskArns(w)) {
      const t = w.tasks[arn]!;
      if (t.launchType !== 'FARGATE' || t.lastStatus === 'STOPPED' || t.pullStartedAtMs === undefined) continue;
      const vcpu = Number(t.cpu ?? 0) / 1024;
      const gb = Number(t.memory ?? 0) / 1024;
      const spot = t.capacityProviderName === 'FARGATE_SPOT';
      const usd = (vcpu * (spot ? PRICES.fargateSpotVcpuHour : PRICES.fargateVcpuHour) + gb * (spot ? PRICES.fargateSpotGbHour : PRICES.fargateGbHour)) * minuteShare;
      total += usd;
      byType.add(byType.slot(spot ? 'FARGATE_SPOT' : 'FARGATE'), usd);
      byService.add(serviceSlot(t.serviceArn), usd);
    }
  }
  c.totalUSD = total;
  c.unusedEc2USD = unused;
  byType.write();
  byService.write();
}
