import { describe, expect, it } from 'vitest';
import { apiWorld, AWSVPC, fargateTaskDefinition, ok, refused } from '../../../support/simapiWorld';

describe('ListServicesByNamespace', () => {
  it('lists the services that use a namespace for Service Connect or register in one of its Cloud Map services, by name, ARN or id', () => {
    const sim = apiWorld(0);
    fargateTaskDefinition(sim);
    const id = ok(sim, 'servicediscovery.CreateHttpNamespace', { Name: 'mesh' }).NamespaceId as string;
    const arn = (ok(sim, 'servicediscovery.ListNamespaces').Namespaces as { Id: string; Arn: string }[]).find((n) => n.Id === id)!.Arn;
    const registry = ok(sim, 'servicediscovery.CreateService', { Name: 'api', NamespaceId: id }).Service.Arn;
    const base = { cluster: 'demo', taskDefinition: 'app', desiredCount: 0, launchType: 'FARGATE', networkConfiguration: AWSVPC };
    const sc = ok(sim, 'ecs.CreateService', { ...base, serviceName: 'a', serviceConnectConfiguration: { enabled: true, namespace: 'mesh' } }).service.serviceArn;
    const sd = ok(sim, 'ecs.CreateService', { ...base, serviceName: 'b', serviceRegistries: [{ registryArn: registry }] }).service.serviceArn;
    ok(sim, 'ecs.CreateService', { ...base, serviceName: 'c' });
    for (const namespace of ['mesh', arn, id]) expect(ok(sim, 'ecs.ListServicesByNamespace', { namespace }).serviceArns).toEqual([sc, sd]);
    ok(sim, 'ecs.DeleteService', { cluster: 'demo', service: 'a' });
    expect(ok(sim, 'ecs.ListServicesByNamespace', { namespace: 'mesh' }).serviceArns).toEqual([sd]);
  });

  it('refuses a namespace that does not exist', () => {
    expect(refused(apiWorld(0), 'ecs.ListServicesByNamespace', { namespace: 'nowhere' })).toEqual({ code: 'NamespaceNotFoundException', message: "The specified namespace wasn't found." });
  });
});
