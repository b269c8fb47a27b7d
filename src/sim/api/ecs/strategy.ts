import type { SimContext } from '../../model/context';
import { invalidParameter } from '../../core/errors';
import { own } from '../../core/own';
import { FARGATE_PROVIDERS, NOT_ASSOCIATED } from '../../model/capacity';
import { capacityProviderExists } from '../../queries/capacity';
import type { CapacityProviderStrategyItem, Cluster, TaskDefinition } from '../../model/types';

/**
 * Capacity providers and strategies in requests (ecs-spec §7.1-7.2). FARGATE and FARGATE_SPOT exist
 * in every account; a cluster uses those associated with it (PutClusterCapacityProviders), and its
 * default strategy applies when a call names neither a launch type nor a strategy.
 */

/** Checks a strategy as AWS does: known providers, associated with the cluster, one base, a weight. */
export function validateStrategy(sim: SimContext, cluster: Cluster, strategy: CapacityProviderStrategyItem[], forCluster = false): void {
  if (strategy.length === 0) return;
  if (strategy.length > 20) throw invalidParameter('A capacity provider strategy can contain at most 20 capacity providers.');
  const names = new Set<string>();
  for (const item of strategy) {
    if (!capacityProviderExists(sim, item.capacityProvider)) {
      throw invalidParameter(`The specified capacity provider '${item.capacityProvider}' does not exist. Specify a valid capacity provider and try again.`);
    }
    if (!forCluster && !cluster.capacityProviders.includes(item.capacityProvider)) throw invalidParameter(NOT_ASSOCIATED);
    if (names.has(item.capacityProvider)) throw invalidParameter(`The capacity provider strategy names ${item.capacityProvider} more than once.`);
    names.add(item.capacityProvider);
  }
  // [INF] texts: AWS rejects these strategies but its exact wording is not documented.
  if (strategy.filter((i) => (i.base ?? 0) > 0).length > 1) {
    throw invalidParameter('The specified capacity provider strategy is invalid: only one capacity provider can have a base.');
  }
  if (strategy.length > 1 && strategy.every((i) => (i.weight ?? 0) === 0)) {
    throw invalidParameter('The specified capacity provider strategy is invalid: at least one capacity provider must have a weight greater than zero.');
  }
  const fargate = strategy.filter((i) => FARGATE_PROVIDERS.includes(i.capacityProvider)).length;
  if (fargate > 0 && fargate < strategy.length) {
    throw invalidParameter('The specified capacity provider strategy cannot contain both Fargate and Auto Scaling group capacity providers.');
  }
}

export interface Capacity {
  launchType: 'EC2' | 'FARGATE';
  strategy?: CapacityProviderStrategyItem[];
}

/** Launch type and strategy are exclusive; neither means the cluster's default strategy, else EC2. */
export function resolveCapacity(sim: SimContext, cluster: Cluster, launchType: string | undefined, strategy: CapacityProviderStrategyItem[] | undefined, td: TaskDefinition): Capacity {
  if (launchType && strategy) {
    throw invalidParameter('Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.');
  }
  const effective = strategy ?? (launchType ? undefined : cluster.defaultCapacityProviderStrategy.length ? cluster.defaultCapacityProviderStrategy : undefined);
  if (effective) {
    if (effective.length === 0) throw invalidParameter('The capacity provider strategy cannot be empty.');
    validateStrategy(sim, cluster, effective);
    const items = effective.map((i) => ({ capacityProvider: i.capacityProvider, weight: i.weight ?? 0, base: i.base ?? 0 }));
    if (!FARGATE_PROVIDERS.includes(items[0]!.capacityProvider)) {
      const managed = items.filter((i) => own(sim.world.capacityProviders, i.capacityProvider)?.managedInstances).length;
      if (managed > 0) {
        // [INF] wording: a strategy of Managed Instances providers only, for task definitions that declare MANAGED_INSTANCES.
        if (managed < items.length) throw invalidParameter('The specified capacity provider strategy cannot contain both Amazon ECS Managed Instances and Auto Scaling group capacity providers.');
        if (!td.compatibilities.includes('MANAGED_INSTANCES')) throw invalidParameter('Task definition does not support launch_type MANAGED_INSTANCES.');
        return { launchType: 'EC2', strategy: items };
      }
      if (td.requiresCompatibilities?.length && !td.requiresCompatibilities.includes('EC2')) throw invalidParameter('Task definition does not support launch_type EC2.');
      return { launchType: 'EC2', strategy: items };
    }
    if (!td.compatibilities.includes('FARGATE')) throw invalidParameter('Task definition does not support launch_type FARGATE.');
    // FARGATE_SPOT runs Linux tasks, X86_64 and (platform 1.4.0 and later) ARM64 (ecs-spec §7.2, §12: the API reference).
    const os = td.runtimePlatform?.operatingSystemFamily;
    if (effective.some((i) => i.capacityProvider === 'FARGATE_SPOT') && os && os !== 'LINUX') {
      throw invalidParameter('The FARGATE_SPOT capacity provider supports Linux tasks only.');
    }
    return { launchType: 'FARGATE', strategy: items };
  }
  if (launchType === 'EXTERNAL') throw invalidParameter('No Container Instances were found in your cluster.');
  // Managed Instances are used through a capacity provider strategy (ecs-spec §13.2). [INF] wording.
  if (launchType === 'MANAGED_INSTANCES') throw invalidParameter('Amazon ECS Managed Instances are used through a capacity provider strategy: specify a Managed Instances capacity provider instead of a launch type.');
  const lt = launchType === 'FARGATE' ? 'FARGATE' : 'EC2';
  if (lt === 'FARGATE' && !td.compatibilities.includes('FARGATE')) throw invalidParameter('Task definition does not support launch_type FARGATE.');
  if (lt === 'EC2' && td.requiresCompatibilities?.length && !td.requiresCompatibilities.includes('EC2')) {
    throw invalidParameter('Task definition does not support launch_type EC2.');
  }
  return { launchType: lt };
}
