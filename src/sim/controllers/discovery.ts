import type { Sim } from '../sim';
import type { Service, Task } from '../model/types';

/**
 * Cloud Map service discovery for ECS services (ecs-spec §8.1): a service task is registered as an
 * instance when it runs, with the attributes ECS sets, and deregistered when it is asked to stop;
 * its health follows the task's. DNS answers with the healthy instances (up to 8), or with up to 8
 * unhealthy ones when none is healthy (Route 53 multivalue answers).
 */

/** Registers a RUNNING service task in its Cloud Map services. */
export function registerInstance(sim: Sim, t: Task): void {
  const svc = t.serviceArn ? sim.world.services[t.serviceArn] : undefined;
  if (!svc || !svc.serviceRegistries.length) return;
  const cluster = sim.world.clusters[t.clusterArn]!;
  svc.serviceRegistries.forEach((reg) => {
    const d = Object.values(sim.world.discoveryServices).find((x) => x.Arn === reg.registryArn);
    if (!d || d.instances.some((i) => i.InstanceId === t.id)) return;
    let ip = t.privateIp;
    let port = reg.port;
    if (t.networkMode !== 'awsvpc') {
      // bridge/host: the instance's address and the host port of the container port (SRV records).
      ip = t.ec2InstanceId ? sim.world.ec2[t.ec2InstanceId]?.privateIp : undefined;
      port = t.containers.find((c) => c.name === reg.containerName)?.networkBindings.find((b) => b.containerPort === reg.containerPort)?.hostPort;
    } else if (reg.containerPort !== undefined) port = reg.containerPort;
    if (!ip) return;
    const attributes: Record<string, string> = {
      AWS_INSTANCE_IPV4: ip, AVAILABILITY_ZONE: t.availabilityZone, REGION: sim.world.region,
      ECS_SERVICE_NAME: svc.serviceName, ECS_CLUSTER_NAME: cluster.clusterName, ECS_TASK_DEFINITION_FAMILY: t.family,
      ...(port !== undefined ? { AWS_INSTANCE_PORT: String(port) } : {}),
      ...(t.ec2InstanceId ? { EC2_INSTANCE_ID: t.ec2InstanceId } : {}),
    };
    d.instances.push({ InstanceId: t.id, Attributes: attributes, HealthStatus: t.healthStatus === 'UNHEALTHY' ? 'UNHEALTHY' : 'HEALTHY', taskArn: t.taskArn });
    sim.emit('CloudMapRegistered', `Task ${t.id} is registered in Cloud Map service ${d.Name} (${ip}${port !== undefined ? `:${port}` : ''}).`, { serviceId: d.Id, instanceId: t.id });
  });
}

/** Deregisters a task from every Cloud Map service. */
export function deregisterInstance(sim: Sim, t: Task): void {
  for (const d of Object.values(sim.world.discoveryServices)) {
    const before = d.instances.length;
    d.instances = d.instances.filter((i) => i.taskArn !== t.taskArn);
    if (d.instances.length !== before) sim.emit('CloudMapDeregistered', `Task ${t.id} is deregistered from Cloud Map service ${d.Name}.`, { serviceId: d.Id, instanceId: t.id });
  }
}

/** ECS reports the task's health to Cloud Map (custom health checks). */
export function updateInstanceHealth(sim: Sim, t: Task): void {
  for (const d of Object.values(sim.world.discoveryServices)) {
    const i = d.instances.find((x) => x.taskArn === t.taskArn);
    if (i) i.HealthStatus = t.healthStatus === 'UNHEALTHY' ? 'UNHEALTHY' : 'HEALTHY';
  }
}

/** What DNS answers for `name`: Cloud Map names, and Service Connect aliases for tasks in the namespace. */
export function resolve(sim: Sim, name: string, type: 'A' | 'SRV', from?: Service): { answers: string[]; ttl?: number; rcode: 'NOERROR' | 'NXDOMAIN'; note?: string } {
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
