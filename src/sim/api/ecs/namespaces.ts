import { ApiError } from '../../core/errors';
import type { EcsOperations } from './operation';
import { ecsPage } from './paging';

/**
 * Services by Cloud Map namespace (API:ListServicesByNamespace): the services of every cluster that
 * use the namespace for Service Connect, or register their tasks in one of its Cloud Map services
 * [INF: the documentation names Service Connect; service discovery registrations count as well].
 */
export const NAMESPACE_OPERATIONS = {
  ListServicesByNamespace(sim, input) {
    const w = sim.world;
    const ns = Object.values(w.namespaces).find((n) => n.Name === input.namespace || n.Arn === input.namespace || n.Id === input.namespace);
    if (!ns) throw new ApiError('NamespaceNotFoundException', "The specified namespace wasn't found.");
    const registries = new Set(
      Object.values(w.discoveryServices)
        .filter((d) => d.NamespaceId === ns.Id)
        .map((d) => d.Arn),
    );
    const serviceArns = Object.values(w.services)
      .filter((s) => s.status === 'ACTIVE' && (s.serviceConnectConfiguration?.namespace === ns.Name || s.serviceRegistries.some((r) => registries.has(r.registryArn))))
      .map((s) => s.serviceArn);
    return ecsPage(serviceArns, input, 'serviceArns');
  },
} satisfies EcsOperations;
