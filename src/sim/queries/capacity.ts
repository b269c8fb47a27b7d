import type { SimContext } from '../model/context';
import { FARGATE_PROVIDERS } from '../model/capacity';
import type { CapacityProviderStrategyItem } from '../model/types';

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
