import { describe, expect, it } from 'vitest';
import { Sim } from '../../../../src/sim';
import { apiWorld, AWSVPC, fargateTaskDefinition, loadBalancer, ok } from '../../../support/simapiWorld';

/** Cluster `demo` with one instance, bridge `web` and awsvpc `app` (port 80, named http), and a load balancer `lb` with target group `tg` of `targetType`. */
function world(targetType = 'ip'): { sim: Sim; lb: string; tg: string } {
  const sim = apiWorld(1);
  fargateTaskDefinition(sim);
  return { sim, ...loadBalancer(sim, targetType) };
}
const fargate = (extra: Record<string, unknown>) => ({ cluster: 'demo', serviceName: 's', taskDefinition: 'app', desiredCount: 1, launchType: 'FARGATE', networkConfiguration: AWSVPC, ...extra });
const listen = (sim: Sim, lb: string, tg: string) => ok(sim, 'elbv2.CreateListener', { LoadBalancerArn: lb, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }] });

describe('the load balancers of a service', () => {
  it('name a target group behind a load balancer and a container port of the task definition', () => {
    const { sim, lb, tg } = world();
    listen(sim, lb, tg);
    const s = ok(sim, 'ecs.CreateService', fargate({ loadBalancers: [{ targetGroupArn: tg, containerName: 'app', containerPort: 80 }] })).service;
    expect(s.loadBalancers).toEqual([{ targetGroupArn: tg, containerName: 'app', containerPort: 80 }]);
  });

  it('refuse a target group no load balancer forwards to', () => {
    const { sim, tg } = world();
    expect(sim.call('ecs.CreateService', fargate({ loadBalancers: [{ targetGroupArn: tg, containerName: 'app', containerPort: 80 }] })).error).toEqual({
      code: 'InvalidParameterException',
      message: `The target group with targetGroupArn ${tg} does not have an associated load balancer.`,
    });
  });

  it.each([
    ['a target group that does not exist', (tg: string) => ({ targetGroupArn: `${tg}0`, containerName: 'app', containerPort: 80 }), (tg: string) => `The target group with targetGroupArn ${tg}0 does not exist.`],
    ['a container the task definition lacks', (tg: string) => ({ targetGroupArn: tg, containerName: 'db', containerPort: 80 }), () => 'The container db does not exist in the task definition.'],
    ['a port the container does not map', (tg: string) => ({ targetGroupArn: tg, containerName: 'app', containerPort: 8080 }), () => 'The container app did not have a container port 8080 defined.'],
  ])('refuse %s', (_, lbOf, message) => {
    const { sim, lb, tg } = world();
    listen(sim, lb, tg);
    expect(sim.call('ecs.CreateService', fargate({ loadBalancers: [lbOf(tg)] })).error).toEqual({ code: 'InvalidParameterException', message: message(tg) });
  });

  it('refuse instance targets for awsvpc tasks, and ip targets for bridge tasks', () => {
    const inst = world('instance');
    listen(inst.sim, inst.lb, inst.tg);
    expect(inst.sim.call('ecs.CreateService', fargate({ loadBalancers: [{ targetGroupArn: inst.tg, containerName: 'app', containerPort: 80 }] })).error?.message).toBe(
      `The provided target group ${inst.tg} has target type instance, which is incompatible with the awsvpc network mode specified in the task definition.`,
    );
    const ip = world('ip');
    listen(ip.sim, ip.lb, ip.tg);
    expect(ip.sim.call('ecs.CreateService', { cluster: 'demo', serviceName: 'b', taskDefinition: 'web', desiredCount: 1, loadBalancers: [{ targetGroupArn: ip.tg, containerName: 'web', containerPort: 80 }] }).error?.message).toBe(
      `The provided target group ${ip.tg} has target type ip, which is incompatible with the bridge network mode specified in the task definition.`,
    );
  });

  it('refuse more than 5 target groups', () => {
    const { sim, lb, tg } = world();
    listen(sim, lb, tg);
    const six = Array.from({ length: 6 }, () => ({ targetGroupArn: tg, containerName: 'app', containerPort: 80 }));
    expect(sim.call('ecs.CreateService', fargate({ loadBalancers: six })).error).toEqual({ code: 'InvalidParameterException', message: 'A service can have at most 5 target groups.' });
  });
});

describe('the service registries of a service', () => {
  function registry(sim: Sim, records: { Type: string; TTL: number }[]): string {
    const ns = ok(sim, 'servicediscovery.CreatePrivateDnsNamespace', { Name: 'app.local', Vpc: 'vpc-default' }).NamespaceId;
    return ok(sim, 'servicediscovery.CreateService', { Name: 'svc', DnsConfig: { NamespaceId: ns, DnsRecords: records } }).Service.Arn as string;
  }

  it('keep the registry and the container port an SRV record needs', () => {
    const { sim } = world();
    const arn = registry(sim, [{ Type: 'SRV', TTL: 10 }]);
    const s = ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'b', taskDefinition: 'web', desiredCount: 0, serviceRegistries: [{ registryArn: arn, containerName: 'web', containerPort: 80 }] }).service;
    expect(s.serviceRegistries).toEqual([{ registryArn: arn, containerName: 'web', containerPort: 80 }]);
  });

  it('refuse an A record for bridge tasks, SRV without its container, two registries, and a registry that does not exist', () => {
    const { sim } = world();
    const a = registry(sim, [{ Type: 'A', TTL: 10 }]);
    const bridge = (serviceRegistries: unknown) => sim.call('ecs.CreateService', { cluster: 'demo', serviceName: 'b', taskDefinition: 'web', desiredCount: 0, serviceRegistries }).error?.message;
    expect(bridge([{ registryArn: a }])).toBe('The bridge network mode supports only SRV records for service discovery: the registry has an A record.');
    expect(bridge([{ registryArn: a }, { registryArn: a }])).toBe('A service can have only one service registry.');
    expect(bridge([{ registryArn: `${a}x` }])).toBe(`The service registry ${a}x does not exist.`);
    const ns2 = ok(sim, 'servicediscovery.CreatePrivateDnsNamespace', { Name: 'two.local', Vpc: 'vpc-default' }).NamespaceId;
    const srv = ok(sim, 'servicediscovery.CreateService', { Name: 'srv', DnsConfig: { NamespaceId: ns2, DnsRecords: [{ Type: 'SRV', TTL: 10 }] } }).Service.Arn;
    expect(bridge([{ registryArn: srv }])).toBe('SRV records need containerName and containerPort in the service registry.');
  });
});

describe('the Service Connect configuration of a service', () => {
  it('names its endpoints after the port name, with client aliases in the namespace', () => {
    const { sim } = world();
    ok(sim, 'servicediscovery.CreateHttpNamespace', { Name: 'mesh' });
    const s = ok(sim, 'ecs.CreateService', fargate({ serviceConnectConfiguration: { enabled: true, namespace: 'mesh', services: [{ portName: 'http', clientAliases: [{ port: 8080 }] }] } })).service;
    // The model has Service Connect on each deployment, not on the service.
    expect(s.deployments[0].serviceConnectConfiguration).toEqual({ enabled: true, namespace: 'mesh', services: [{ portName: 'http', discoveryName: 'http', clientAliases: [{ port: 8080, dnsName: 'http.mesh' }] }] });
  });

  it('refuses a namespace that does not exist, a port name the task definition lacks, and a discovery name another service uses', () => {
    const { sim } = world();
    ok(sim, 'servicediscovery.CreateHttpNamespace', { Name: 'mesh' });
    const sc = (serviceName: string, services: unknown[], namespace = 'mesh') => sim.call('ecs.CreateService', fargate({ serviceName, serviceConnectConfiguration: { enabled: true, namespace, services } }));
    expect(sc('a', [], 'nowhere').error?.message).toBe('The Service Connect namespace nowhere does not exist.');
    expect(sc('a', [{ portName: 'grpc' }]).error?.message).toBe('The port name grpc is not a portMappings name in the task definition.');
    expect(sc('a', [{ portName: 'http' }]).error).toBeUndefined();
    expect(sc('b', [{ portName: 'http' }]).error).toEqual({ code: 'InvalidParameterException', message: 'The discovery name http is already used in namespace mesh.' });
    expect(sc('b', [{ portName: 'http', discoveryName: 'other' }]).error).toBeUndefined();
  });
});
