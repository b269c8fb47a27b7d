import type { SimContext } from '../model/context';
import type { Service } from '../model/types';

/** DNS as Cloud Map and Service Connect answer it (ecs-spec §8.1-8.2). */

/** What DNS answers for `name`: Cloud Map names, and Service Connect aliases for tasks in the namespace. */
export function resolve(sim: SimContext, name: string, type: 'A' | 'SRV', from?: Service): { answers: string[]; ttl?: number; rcode: 'NOERROR' | 'NXDOMAIN'; note?: string } {
  const w = sim.world;
  const n = name.replace(/\.$/, '');
  for (const d of Object.values(w.discoveryServices)) {
    const ns = w.namespaces[d.NamespaceId];
    if (!ns || ns.Type !== 'DNS_PRIVATE' || `${d.Name}.${ns.Name}` !== n) continue;
    const record = d.DnsRecords.find((r) => r.Type === type);
    if (!record) return { answers: [], rcode: 'NOERROR', note: `${n} has no ${type} record` };
    const healthy = d.instances.filter((i) => i.HealthStatus === 'HEALTHY');
    const pool = (healthy.length ? healthy : d.instances).slice(0, 8);
    const answers = pool.map((i) => (type === 'A' ? i.Attributes.AWS_INSTANCE_IPV4! : `1 1 ${i.Attributes.AWS_INSTANCE_PORT ?? 0} ${i.InstanceId}.${n}`));
    return { answers, ttl: record.TTL, rcode: 'NOERROR' };
  }
  // Service Connect client aliases resolve only inside tasks of services in the same namespace (§8.2).
  for (const svc of Object.values(w.services)) {
    const sc = svc.serviceConnectConfiguration;
    if (!sc?.enabled || svc.status !== 'ACTIVE') continue;
    for (const s of sc.services) {
      for (const alias of s.clientAliases) {
        if (alias.dnsName !== n && `${alias.dnsName}` !== n) continue;
        if (!from?.serviceConnectConfiguration?.enabled || from.serviceConnectConfiguration.namespace !== sc.namespace) {
          return { answers: [], rcode: 'NXDOMAIN', note: `${n} is a Service Connect name of namespace ${sc.namespace}: it resolves only in tasks of services in that namespace` };
        }
        const tasks = svc.taskArns.map((a) => w.tasks[a]!).filter((t) => t && t.lastStatus === 'RUNNING' && t.desiredStatus === 'RUNNING');
        return { answers: tasks.length ? ['127.255.0.1'] : [], ttl: 0, rcode: 'NOERROR', note: `the Service Connect proxy listens on ${alias.port} and balances over ${tasks.length} task(s) of ${svc.serviceName}` };
      }
    }
  }
  return { answers: [], rcode: 'NXDOMAIN' };
}
