import type { SimContext } from '../model/context';
import { INSTANCE_TYPES } from '../model/instanceTypes';
import { PRICES } from '../model/prices';
import { HOUR, MINUTE } from '../core/time';

/**
 * The cost meter: every minute, what the simulation used, priced from the table kept as data. An EC2
 * instance costs its hourly price while it is pending or running; its cost is shared over the
 * services whose tasks reserve its CPU, and what nobody reserves is reported as unused capacity
 * [SIM]. A Fargate task costs its vCPU and GB from the image pull until it stops (Spot at its price). A
 * Managed Instances instance costs its EC2 price plus the management fee.
 */

function add(map: Record<string, number>, key: string, v: number): void {
  map[key] = (map[key] ?? 0) + v;
}

/** Listener of `minuteTicked`: one minute of what the simulation used, priced. */
export function meterMinute(sim: SimContext): void {
  const w = sim.world;
  const c = w.cost;
  const minuteShare = MINUTE / HOUR;
  const serviceName = (arn: string | undefined) => (arn ? (w.services[arn]?.serviceName ?? 'standalone') : 'standalone');
  // In the table's order, as Object.values lists it, without building the list each minute.
  for (const id in w.ec2) {
    const inst = w.ec2[id]!;
    if (inst.state !== 'pending' && inst.state !== 'running') continue;
    // A Managed Instances instance costs its EC2 price and the management fee.
    const price = INSTANCE_TYPES[inst.instanceType]!.price;
    const usd = (inst.managedBy ? price * (1 + PRICES.managedInstancesFeeShare) : price) * minuteShare;
    c.totalUSD += usd;
    add(c.byCapacityType, inst.managedBy ? 'MANAGED_INSTANCES' : 'EC2', usd);
    const ci = inst.containerInstanceArn ? w.containerInstances[inst.containerInstanceArn] : undefined;
    let shared = 0;
    if (ci && ci.registeredCpu > 0) {
      for (const a of ci.taskArns) {
        const t = w.tasks[a];
        if (!t || t.lastStatus === 'STOPPED') continue;
        const part = usd * Math.min(1, t.reserved.cpu / ci.registeredCpu);
        add(c.byService, serviceName(t.serviceArn), part);
        shared += part;
      }
    }
    c.unusedEc2USD += usd - shared;
  }
  if (!w.fargateTasksLaunched) return;
  for (const arn of w.taskOrder) {
    const t = w.tasks[arn]!;
    if (t.launchType !== 'FARGATE' || t.lastStatus === 'STOPPED' || t.pullStartedAtMs === undefined) continue;
    const vcpu = Number(t.cpu ?? 0) / 1024;
    const gb = Number(t.memory ?? 0) / 1024;
    const spot = t.capacityProviderName === 'FARGATE_SPOT';
    const usd = (vcpu * (spot ? PRICES.fargateSpotVcpuHour : PRICES.fargateVcpuHour) + gb * (spot ? PRICES.fargateSpotGbHour : PRICES.fargateGbHour)) * minuteShare;
    c.totalUSD += usd;
    add(c.byCapacityType, spot ? 'FARGATE_SPOT' : 'FARGATE', usd);
    add(c.byService, serviceName(t.serviceArn), usd);
  }
}
