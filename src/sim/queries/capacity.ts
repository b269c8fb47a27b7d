import type { SimContext } from '../model/context';
import { FARGATE_PROVIDERS } from '../model/capacity';
import { INSTANCE_TYPE_NAMES, INSTANCE_TYPES, type InstanceType } from '../model/instanceTypes';
import type { CapacityProviderStrategyItem, InstanceRequirements } from '../model/types';

/** Capacity providers and how a strategy splits tasks over them (ecs-spec §7.1). */

export function capacityProviderExists(sim: SimContext, name: string): boolean {
  return FARGATE_PROVIDERS.includes(name) || sim.world.capacityProviders[name]?.status === 'ACTIVE';
}

/**
 * How n tasks split over a strategy (§7.1): the base first on its provider, then one task at a time
 * to the provider with the fewest tasks per unit of weight [SIM: ties to the earlier item];
 * weight-0 providers get nothing beyond their base.
 */
export function splitStrategy(strategy: CapacityProviderStrategyItem[], n: number): number[] {
  const out = strategy.map(() => 0);
  let left = n;
  strategy.forEach((item, i) => {
    const b = Math.min(item.base ?? 0, left);
    out[i] = b;
    left -= b;
  });
  const extra = strategy.map(() => 0);
  const weighted = strategy.map((item, i) => ({ i, w: item.weight ?? 0 })).filter((x) => x.w > 0);
  if (weighted.length === 0) {
    // A single provider with weight 0 (allowed alone) still takes the tasks.
    if (strategy.length === 1) out[0]! += left;
    return out;
  }
  for (; left > 0; left--) {
    let best = weighted[0]!;
    for (const x of weighted) if (extra[x.i]! / x.w < extra[best.i]! / best.w) best = x;
    extra[best.i]!++;
    out[best.i]!++;
  }
  return out;
}

/** `m5.*` style patterns of allowedInstanceTypes and excludedInstanceTypes: `*` stands for any characters. */
function matchesPattern(name: string, pattern: string): boolean {
  let re = '^';
  for (const ch of pattern) re += ch === '*' ? '.*' : ch.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${re}$`).test(name);
}

/**
 * The catalogue's instance types that meet a Managed Instances provider's instance requirements
 * (API:InstanceRequirementsRequest): vCPU and memory ranges, memory per vCPU, CPU manufacturers,
 * allowed and excluded types, generations, burstable performance (excluded unless asked for, as in
 * EC2 attribute-based selection), and accelerators. Without any accelerator or allowed-type member,
 * [SIM] only general-purpose, compute and memory families are chosen ("AWS automatically selects the most
 * cost-optimized general-purpose Amazon EC2 instance types", DG:ManagedInstances).
 */
export function typesMeeting(r: InstanceRequirements | undefined): InstanceType[] {
  const out: InstanceType[] = [];
  const wantsAccelerators = r !== undefined && (r.acceleratorTypes !== undefined || r.acceleratorCount !== undefined || r.acceleratorNames !== undefined || r.acceleratorManufacturers !== undefined);
  for (const name of INSTANCE_TYPE_NAMES) {
    const t = INSTANCE_TYPES[name]!;
    if (r && !meets(t, r)) continue;
    const burstable = r?.burstablePerformance ?? 'excluded';
    if (burstable === 'excluded' && t.category === 'burstable') continue;
    if (burstable === 'required' && t.category !== 'burstable') continue;
    if (!wantsAccelerators && !r?.allowedInstanceTypes && t.category === 'accelerated') continue;
    out.push(t);
  }
  return out;
}

function within(v: number, range: { min?: number; max?: number } | undefined): boolean {
  return !range || ((range.min === undefined || v >= range.min) && (range.max === undefined || v <= range.max));
}

function meets(t: InstanceType, r: InstanceRequirements): boolean {
  if (!within(t.vcpu, r.vCpuCount) || !within(t.memoryMiB, r.memoryMiB)) return false;
  if (!within(t.memoryMiB / 1024 / t.vcpu, r.memoryGiBPerVCpu)) return false;
  if (r.cpuManufacturers && !r.cpuManufacturers.includes(t.cpuManufacturer)) return false;
  if (r.allowedInstanceTypes && !r.allowedInstanceTypes.some((p) => matchesPattern(t.name, p))) return false;
  if (r.excludedInstanceTypes?.some((p) => matchesPattern(t.name, p))) return false;
  if (r.instanceGenerations && !r.instanceGenerations.includes(t.generation)) return false;
  const acc = t.accelerator;
  if (r.acceleratorTypes && (!acc || !r.acceleratorTypes.includes(acc.type))) return false;
  if (r.acceleratorManufacturers && (!acc || !r.acceleratorManufacturers.includes(acc.manufacturer))) return false;
  if (r.acceleratorNames && (!acc || !r.acceleratorNames.includes(acc.name))) return false;
  if (r.acceleratorCount && !within(acc?.count ?? 0, r.acceleratorCount)) return false;
  return true;
}
