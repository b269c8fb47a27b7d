import { Sim } from '../sim';
import type { Scenario } from './scenario';

/** The world a scenario starts from (before its actions), with `seed` in place of the file's. */
export function simFor(sc: Scenario, seed: string): Sim {
  return new Sim({
    seed,
    images: sc.images,
    durations: sc.durations,
    ...(sc.region ? { region: sc.region } : {}),
    ...(sc.availabilityZones ? { availabilityZones: sc.availabilityZones } : {}),
    ...(sc.freeIpsPerSubnet !== undefined ? { freeIpsPerSubnet: sc.freeIpsPerSubnet } : {}),
  });
}

/** A scenario's actions in the order they run: by time, then as written. */
export function orderedActions(sc: Scenario): Scenario['actions'] {
  return [...sc.actions].sort((a, b) => a.at - b.at || a.index - b.index);
}
