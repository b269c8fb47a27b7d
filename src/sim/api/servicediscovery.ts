import type { SimContext } from '../model/context';
import type { Operation } from './operation';
import { PAGING, pageOf } from './paging';
import { own } from '../core/own';
import { ApiError } from '../core/errors';
import type { CloudMapNamespace, CloudMapService } from '../model/types';
import { say } from '../model/narration';

/** AWS Cloud Map (`servicediscovery.`): namespaces, services and the instances ECS registers in them. */

const invalidInput = (m: string) => new ApiError('InvalidInput', m);

function namespaceArn(sim: SimContext, id: string): string {
  return `arn:aws:servicediscovery:${sim.world.region}:${sim.world.account}:namespace/${id}`;
}

function createNamespace(sim: SimContext, input: Record<string, unknown>, type: CloudMapNamespace['Type']) {
  const name = input.Name;
  if (typeof name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$/.test(name)) throw invalidInput('Name must be a valid DNS name.');
  if (Object.values(sim.world.namespaces).some((n) => n.Name === name)) throw new ApiError('NamespaceAlreadyExists', `Namespace ${name} already exists.`);
  const id = `ns-${sim.hex(16)}`;
  sim.world.namespaces[id] = { Id: id, Arn: namespaceArn(sim, id), Name: name, Type: type, CreateMs: sim.now };
  sim.emit('NamespaceCreated', say(type === 'DNS_PRIVATE' ? 'NamespaceCreated.private' : 'NamespaceCreated.http', { name }), { namespaceId: id });
  return { OperationId: `op-${sim.hex(16)}`, NamespaceId: id };
}

export const SERVICEDISCOVERY_OPERATIONS: Record<string, Operation> = {
  CreatePrivateDnsNamespace(sim, input) {
    if (input.Vpc !== undefined && input.Vpc !== sim.world.vpcId) throw invalidInput(`VPC ${String(input.Vpc)} does not exist.`);
    return createNamespace(sim, input, 'DNS_PRIVATE');
  },
  CreateHttpNamespace(sim, input) {
    return createNamespace(sim, input, 'HTTP');
  },
  ListNamespaces(sim, input) {
    return pageOf(
      Object.values(sim.world.namespaces),
      input,
      PAGING.servicediscovery,
      'Namespaces',
      (n) => n.Id,
      (n) => ({ Id: n.Id, Arn: n.Arn, Name: n.Name, Type: n.Type, CreateDate: sim.ts(n.CreateMs) }),
    );
  },
  CreateService(sim, input) {
    const name = input.Name;
    if (typeof name !== 'string' || !/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,126}$/.test(name)) throw invalidInput('Name must be 1-127 letters, numbers, hyphens, underscores or periods.');
    const dns = input.DnsConfig as { NamespaceId?: string; DnsRecords?: { Type: string; TTL: number }[]; RoutingPolicy?: string } | undefined;
    const nsId = (input.NamespaceId as string | undefined) ?? dns?.NamespaceId;
    const ns = nsId ? sim.world.namespaces[nsId] : undefined;
    if (!ns) throw new ApiError('NamespaceNotFound', `Namespace ${String(nsId)} not found.`);
    if (Object.values(sim.world.discoveryServices).some((d) => d.NamespaceId === ns.Id && d.Name === name)) throw new ApiError('ServiceAlreadyExists', `Service ${name} already exists in namespace ${ns.Name}.`);
    const records = (dns?.DnsRecords ?? []).map((r) => {
      if (r.Type !== 'A' && r.Type !== 'SRV') throw invalidInput(`DNS record type ${r.Type} is not simulated: use A or SRV.`);
      if (typeof r.TTL !== 'number' || r.TTL < 0) throw invalidInput('TTL must be a number of seconds.');
      return { Type: r.Type as 'A' | 'SRV', TTL: r.TTL };
    });
    if (ns.Type === 'DNS_PRIVATE' && records.length === 0) throw invalidInput('A service in a DNS namespace needs DnsConfig with at least one DNS record.');
    const id = `srv-${sim.hex(16)}`;
    const fc = (input.HealthCheckCustomConfig as { FailureThreshold?: number } | undefined)?.FailureThreshold;
    const d: CloudMapService = {
      Id: id,
      Arn: `arn:aws:servicediscovery:${sim.world.region}:${sim.world.account}:service/${id}`,
      Name: name,
      NamespaceId: ns.Id,
      DnsRecords: records,
      instances: [],
      CreateMs: sim.now,
      ...(fc !== undefined ? { FailureThreshold: fc } : {}),
    };
    sim.world.discoveryServices[id] = d;
    return { Service: { Id: id, Arn: d.Arn, Name: name, NamespaceId: ns.Id, DnsConfig: { NamespaceId: ns.Id, RoutingPolicy: dns?.RoutingPolicy ?? 'MULTIVALUE', DnsRecords: records }, CreateDate: sim.ts(sim.now) } };
  },
  ListInstances(sim, input) {
    const d = own(sim.world.discoveryServices, input.ServiceId);
    if (!d) throw new ApiError('ServiceNotFound', `Service ${String(input.ServiceId)} not found.`);
    return pageOf(
      d.instances,
      input,
      PAGING.servicediscovery,
      'Instances',
      (i) => i.InstanceId,
      (i) => ({ Id: i.InstanceId, Attributes: i.Attributes }),
    );
  },
  DiscoverInstances(sim, input) {
    const ns = Object.values(sim.world.namespaces).find((n) => n.Name === input.NamespaceName);
    const d = ns && Object.values(sim.world.discoveryServices).find((x) => x.NamespaceId === ns.Id && x.Name === input.ServiceName);
    if (!ns || !d) throw new ApiError('ServiceNotFound', `Service ${String(input.ServiceName)} not found in namespace ${String(input.NamespaceName)}.`);
    const want = (input.HealthStatus as string | undefined) ?? 'ALL';
    const list = d.instances.filter((i) => want === 'ALL' || want === 'HEALTHY_OR_ELSE_ALL' || i.HealthStatus === want);
    const healthy = list.filter((i) => i.HealthStatus === 'HEALTHY');
    const chosen = want === 'HEALTHY_OR_ELSE_ALL' && healthy.length ? healthy : list;
    return { Instances: chosen.slice(0, (input.MaxResults as number | undefined) ?? 100).map((i) => ({ InstanceId: i.InstanceId, NamespaceName: ns.Name, ServiceName: d.Name, HealthStatus: i.HealthStatus, Attributes: i.Attributes })) };
  },
};
