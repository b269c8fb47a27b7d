import { describe, expect, it } from 'vitest';
import { Sim } from '../../../src/sim';
import { apiWorld, AWSVPC, fargateTaskDefinition, ok, refused } from '../../support/simapiWorld';

function namespace(sim: Sim, name = 'app.local'): string {
  return ok(sim, 'servicediscovery.CreatePrivateDnsNamespace', { Name: name, Vpc: 'vpc-default' }).NamespaceId as string;
}

describe('namespaces', () => {
  it('are created private (DNS) or HTTP, listed with their type and ARN', () => {
    const sim = new Sim();
    const dns = namespace(sim);
    const http = ok(sim, 'servicediscovery.CreateHttpNamespace', { Name: 'api' });
    expect(dns).toMatch(/^ns-[0-9a-f]{16}$/);
    expect(http.OperationId).toMatch(/^op-[0-9a-f]{16}$/);
    expect(ok(sim, 'servicediscovery.ListNamespaces').Namespaces.map((n: { Name: string; Type: string; Arn: string; Id: string }) => [n.Name, n.Type, n.Arn])).toEqual([
      ['app.local', 'DNS_PRIVATE', `arn:aws:servicediscovery:us-east-1:123456789012:namespace/${dns}`],
      ['api', 'HTTP', `arn:aws:servicediscovery:us-east-1:123456789012:namespace/${http.NamespaceId}`],
    ]);
  });

  it('refuse a name taken, a name that is not a DNS name, and a VPC that does not exist', () => {
    const sim = new Sim();
    namespace(sim);
    expect(refused(sim, 'servicediscovery.CreateHttpNamespace', { Name: 'app.local' })).toEqual({ code: 'NamespaceAlreadyExists', message: 'Namespace app.local already exists.' });
    expect(refused(sim, 'servicediscovery.CreateHttpNamespace', { Name: '-bad' })).toEqual({ code: 'InvalidInput', message: 'Name must be a valid DNS name.' });
    expect(refused(sim, 'servicediscovery.CreatePrivateDnsNamespace', { Name: 'x.local', Vpc: 'vpc-other' })).toEqual({ code: 'InvalidInput', message: 'VPC vpc-other does not exist.' });
  });
});

describe('CreateService', () => {
  it('creates a service with MULTIVALUE routing and the records given', () => {
    const sim = new Sim();
    const ns = namespace(sim);
    const s = ok(sim, 'servicediscovery.CreateService', { Name: 'api', DnsConfig: { NamespaceId: ns, DnsRecords: [{ Type: 'SRV', TTL: 10 }] } }).Service;
    expect(s.Id).toMatch(/^srv-[0-9a-f]{16}$/);
    expect(s).toMatchObject({ Arn: `arn:aws:servicediscovery:us-east-1:123456789012:service/${s.Id}`, Name: 'api', NamespaceId: ns, DnsConfig: { NamespaceId: ns, RoutingPolicy: 'MULTIVALUE', DnsRecords: [{ Type: 'SRV', TTL: 10 }] } });
  });

  it('refuses a namespace that does not exist, a name taken in the namespace, a record type not simulated, and a DNS service without records', () => {
    const sim = new Sim();
    const ns = namespace(sim);
    const a = [{ Type: 'A', TTL: 10 }];
    expect(refused(sim, 'servicediscovery.CreateService', { Name: 'api', DnsConfig: { NamespaceId: 'ns-0000000000000000', DnsRecords: a } })).toEqual({ code: 'NamespaceNotFound', message: 'Namespace ns-0000000000000000 not found.' });
    ok(sim, 'servicediscovery.CreateService', { Name: 'api', DnsConfig: { NamespaceId: ns, DnsRecords: a } });
    expect(refused(sim, 'servicediscovery.CreateService', { Name: 'api', DnsConfig: { NamespaceId: ns, DnsRecords: a } })).toEqual({ code: 'ServiceAlreadyExists', message: 'Service api already exists in namespace app.local.' });
    expect(refused(sim, 'servicediscovery.CreateService', { Name: 'web', DnsConfig: { NamespaceId: ns, DnsRecords: [{ Type: 'CNAME', TTL: 10 }] } })).toEqual({
      code: 'InvalidInput',
      message: 'DNS record type CNAME is not simulated: use A or SRV.',
    });
    expect(refused(sim, 'servicediscovery.CreateService', { Name: 'web', NamespaceId: ns })).toEqual({ code: 'InvalidInput', message: 'A service in a DNS namespace needs DnsConfig with at least one DNS record.' });
  });
});

describe('instances an ECS service registers', () => {
  it('are listed and discovered with the attributes ECS gives them; an unknown service is ServiceNotFound', () => {
    const sim = apiWorld(0);
    fargateTaskDefinition(sim);
    const ns = namespace(sim);
    const s = ok(sim, 'servicediscovery.CreateService', { Name: 'api', DnsConfig: { NamespaceId: ns, DnsRecords: [{ Type: 'A', TTL: 10 }] } }).Service;
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'api', taskDefinition: 'app', desiredCount: 2, launchType: 'FARGATE', networkConfiguration: AWSVPC, serviceRegistries: [{ registryArn: s.Arn }] });
    sim.runUntil(900_000);
    const found = ok(sim, 'servicediscovery.DiscoverInstances', { NamespaceName: 'app.local', ServiceName: 'api' }).Instances as { InstanceId: string; HealthStatus: string; Attributes: Record<string, string> }[];
    expect(found).toHaveLength(2);
    expect(found.map((i) => i.HealthStatus)).toEqual(['HEALTHY', 'HEALTHY']);
    expect(found.map((i) => i.Attributes.AVAILABILITY_ZONE).sort()).toEqual(['us-east-1a', 'us-east-1b']);
    expect(found[0]!.Attributes).toMatchObject({ REGION: 'us-east-1', ECS_SERVICE_NAME: 'api', ECS_CLUSTER_NAME: 'demo', ECS_TASK_DEFINITION_FAMILY: 'app' });
    expect(found[0]!.Attributes.AWS_INSTANCE_IPV4).toMatch(/^172\.31\.\d+\.\d+$/);
    expect(ok(sim, 'servicediscovery.DiscoverInstances', { NamespaceName: 'app.local', ServiceName: 'api', MaxResults: 1 }).Instances).toHaveLength(1);
    expect(ok(sim, 'servicediscovery.ListInstances', { ServiceId: s.Id }).Instances.map((i: { Id: string }) => i.Id)).toEqual(found.map((i) => i.InstanceId));
    expect(refused(sim, 'servicediscovery.DiscoverInstances', { NamespaceName: 'app.local', ServiceName: 'web' })).toEqual({ code: 'ServiceNotFound', message: 'Service web not found in namespace app.local.' });
    expect(refused(sim, 'servicediscovery.ListInstances', { ServiceId: 'srv-nope' })).toEqual({ code: 'ServiceNotFound', message: 'Service srv-nope not found.' });
  });
});
