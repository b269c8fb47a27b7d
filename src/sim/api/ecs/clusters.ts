import { validateStrategy } from './strategy';
import { startMetrics } from '../../controllers/metrics';
import { ApiError, invalidParameter } from '../../core/errors';
import type { SimContext } from '../../model/context';
import type { CapacityProviderStrategyItem, Cluster } from '../../model/types';
import { capacityProviderExists } from '../../queries/capacity';
import { describeCluster } from '../../queries/describe';
import { activeInstanceCount } from '../../queries/lookups';
import type { EcsOperations } from './operation';
import type * as Ecs from './inputs.generated';
import { checkTags } from './tags';
import { ecsPage } from './paging';
import { say } from '../../model/narration';

/** Associates providers with a cluster and sets its default strategy (CreateCluster, PutClusterCapacityProviders). */
function setClusterCapacity(sim: SimContext, c: Cluster, providers: string[], strategy: CapacityProviderStrategyItem[]): void {
  for (const p of providers) {
    if (!capacityProviderExists(sim, p)) {
      throw invalidParameter(`The specified capacity provider '${p}' does not exist. Specify a valid capacity provider and try again.`);
    }
  }
  if (new Set(providers).size !== providers.length) throw invalidParameter('The list of capacity providers names one more than once.');
  for (const p of providers) {
    const cp = sim.world.capacityProviders[p];
    const other = Object.values(sim.world.clusters).find((x) => x !== c && x.status === 'ACTIVE' && x.capacityProviders.includes(p));
    if (cp && cp.managedScaling.status === 'ENABLED' && other) {
      throw invalidParameter(`The capacity provider ${p} has managed scaling and is already associated with cluster ${other.clusterName}; such a provider can belong to one cluster only.`);
    }
  }
  for (const item of strategy) {
    if (!providers.includes(item.capacityProvider)) {
      throw invalidParameter(`The specified default capacity provider strategy cannot contain a capacity provider that is not associated with the cluster: '${item.capacityProvider}'.`);
    }
  }
  validateStrategy(sim, c, strategy, true);
  c.capacityProviders = [...providers];
  c.defaultCapacityProviderStrategy = strategy.map((i) => ({ capacityProvider: i.capacityProvider, weight: i.weight ?? 0, base: i.base ?? 0 }));
}

/** Cluster settings: containerInsights is the only one, enabled, enhanced or disabled (API:ClusterSetting). */
function checkSettings(settings: Ecs.ClusterSetting[]): Cluster['settings'] {
  for (const st of settings) {
    if (st.name !== 'containerInsights') throw invalidParameter(`Invalid cluster setting name '${st.name ?? ''}'. The valid setting is containerInsights.`);
    if (!['enabled', 'disabled', 'enhanced'].includes(st.value ?? '')) {
      throw invalidParameter(`Invalid value '${st.value ?? ''}' for containerInsights. Valid values are enabled, enhanced and disabled.`);
    }
  }
  return settings.map((st) => ({ name: st.name, value: st.value }));
}

/** ECS Exec logging (API:ExecuteCommandConfiguration): OVERRIDE needs a log configuration, the others take none. */
function checkConfiguration(c: Ecs.ClusterConfiguration): Record<string, unknown> {
  const exec = c.executeCommandConfiguration;
  if (exec?.logging !== undefined && !['NONE', 'DEFAULT', 'OVERRIDE'].includes(exec.logging)) {
    throw invalidParameter(`Invalid executeCommandConfiguration logging '${exec.logging}'. Valid values are NONE, DEFAULT and OVERRIDE.`);
  }
  if (exec?.logConfiguration && exec.logging !== 'OVERRIDE') throw invalidParameter('A logConfiguration can be given only when logging is OVERRIDE.');
  if (exec?.logging === 'OVERRIDE' && !exec.logConfiguration) throw invalidParameter('logging OVERRIDE needs a logConfiguration.');
  return c as Record<string, unknown>;
}

/** The Cloud Map namespace (name or ARN) a cluster uses by default for Service Connect. */
function serviceConnectDefaults(sim: SimContext, d: Ecs.ClusterServiceConnectDefaultsRequest): { namespace: string } {
  const ns = Object.values(sim.world.namespaces).find((n) => n.Name === d.namespace || n.Arn === d.namespace);
  if (!ns) throw new ApiError('NamespaceNotFoundException', "The specified namespace wasn't found.");
  return { namespace: ns.Arn };
}

/** Clusters and the capacity providers they use. */
export const CLUSTER_OPERATIONS = {
  CreateCluster(sim, input) {
    const name = input.clusterName ?? 'default';
    if (!/^[A-Za-z0-9_-]{1,255}$/.test(name)) throw invalidParameter('Cluster name can have up to 255 characters: letters, numbers, hyphens and underscores.');
    const providers = input.capacityProviders ?? [];
    const defaultStrategy = input.defaultCapacityProviderStrategy ?? [];
    const arn = sim.arn(`cluster/${name}`);
    const existing = sim.world.clusters[arn];
    if (existing && existing.status === 'ACTIVE') return { cluster: describeCluster(sim, existing) };
    const c: Cluster = {
      clusterArn: arn,
      clusterName: name,
      status: 'ACTIVE',
      createdAtMs: sim.now,
      capacityProviders: [],
      defaultCapacityProviderStrategy: [],
      settings: input.settings ? checkSettings(input.settings) : [{ name: 'containerInsights', value: 'disabled' }],
      tags: checkTags(input.tags ?? []),
      instanceArns: [],
      ...(input.configuration ? { configuration: checkConfiguration(input.configuration) } : {}),
      ...(input.serviceConnectDefaults ? { serviceConnectDefaults: serviceConnectDefaults(sim, input.serviceConnectDefaults) } : {}),
    };
    setClusterCapacity(sim, c, providers, defaultStrategy);
    sim.world.clusters[arn] = c;
    startMetrics(sim);
    sim.emit('ClusterCreated', say('ClusterCreated.created', { name }), { clusterArn: arn });
    return { cluster: describeCluster(sim, c) };
  },

  DescribeClusters(sim, input) {
    const refs = input.clusters ?? ['default'];
    const clusters: unknown[] = [];
    const failures: unknown[] = [];
    for (const r of refs) {
      const arn = r.startsWith('arn:') ? r : sim.arn(`cluster/${r}`);
      const c = sim.world.clusters[arn];
      if (c) clusters.push(describeCluster(sim, c));
      else failures.push({ arn, reason: 'MISSING' });
    }
    return { clusters, failures };
  },

  ListClusters(sim, input) {
    return ecsPage(
      Object.values(sim.world.clusters)
        .filter((c) => c.status === 'ACTIVE')
        .map((c) => c.clusterArn),
      input,
      'clusterArns',
    );
  },

  DeleteCluster(sim, input) {
    const c = sim.cluster(input.cluster);
    if (activeInstanceCount(sim, c) > 0) throw new ApiError('ClusterContainsContainerInstancesException', 'The Cluster cannot be deleted while Container Instances are active or draining.');
    if (Object.values(sim.world.services).some((s) => s.clusterArn === c.clusterArn && s.status !== 'INACTIVE')) {
      throw new ApiError('ClusterContainsServicesException', 'The Cluster cannot be deleted while Services are active.');
    }
    if (Object.values(sim.world.tasks).some((t) => t.clusterArn === c.clusterArn && t.lastStatus !== 'STOPPED')) {
      throw new ApiError('ClusterContainsTasksException', 'The Cluster cannot be deleted while Tasks are active.');
    }
    c.status = 'INACTIVE';
    sim.emit('ClusterDeleted', say('ClusterDeleted.deleted', { name: c.clusterName }), { clusterArn: c.clusterArn });
    return { cluster: describeCluster(sim, c) };
  },

  UpdateCluster(sim, input) {
    const c = sim.cluster(input.cluster);
    const settings = input.settings ? checkSettings(input.settings) : undefined;
    const configuration = input.configuration ? checkConfiguration(input.configuration) : undefined;
    const defaults = input.serviceConnectDefaults ? serviceConnectDefaults(sim, input.serviceConnectDefaults) : undefined;
    if (settings) c.settings = mergeSettings(c.settings, settings);
    if (configuration) c.configuration = configuration;
    if (defaults) c.serviceConnectDefaults = defaults;
    sim.emit('ClusterUpdated', say('ClusterUpdated.updated', { name: c.clusterName }), { clusterArn: c.clusterArn });
    return { cluster: describeCluster(sim, c) };
  },

  UpdateClusterSettings(sim, input) {
    const c = sim.cluster(input.cluster);
    c.settings = mergeSettings(c.settings, checkSettings(input.settings));
    sim.emit('ClusterUpdated', say('ClusterUpdated.settings', { name: c.clusterName, settings: c.settings.map((x) => `${x.name ?? ''} ${x.value ?? ''}`).join(', ') }), { clusterArn: c.clusterArn });
    return { cluster: describeCluster(sim, c) };
  },

  PutClusterCapacityProviders(sim, input) {
    const c = sim.cluster(input.cluster);
    const providers = input.capacityProviders;
    for (const p of c.capacityProviders) {
      if (providers.includes(p)) continue;
      const inUse =
        Object.values(sim.world.services).some((s) => s.clusterArn === c.clusterArn && s.status !== 'INACTIVE' && s.capacityProviderStrategy?.some((i) => i.capacityProvider === p)) ||
        Object.values(sim.world.tasks).some((t) => t.clusterArn === c.clusterArn && t.lastStatus !== 'STOPPED' && t.capacityProviderName === p);
      if (inUse) throw new ApiError('ResourceInUseException', 'The specified capacity provider is in use and cannot be removed.');
    }
    setClusterCapacity(sim, c, providers, input.defaultCapacityProviderStrategy);
    sim.emit(
      'ClusterCapacityProvidersChanged',
      providers.length ? say('ClusterCapacityProvidersChanged.uses', { name: c.clusterName, providers: providers.join(', ') }) : say('ClusterCapacityProvidersChanged.none', { name: c.clusterName }),
      { clusterArn: c.clusterArn },
    );
    return { cluster: describeCluster(sim, c) };
  },
} satisfies EcsOperations;

/** Settings named again replace the cluster's; the others stay. */
function mergeSettings(old: Cluster['settings'], given: Cluster['settings']): Cluster['settings'] {
  return [...old.filter((o) => !given.some((g) => g.name === o.name)), ...given];
}
