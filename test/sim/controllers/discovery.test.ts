import { describe, expect, it } from 'vitest';
import type { Sim } from '../../../src/sim';
import { ec2World, liveTasks, ok } from '../../support/controllerWorld';

/** A Cloud Map service `api` in corp.local with custom health checks, and an ECS service `api` of `desired` tasks registered in it. */
function discovered(desired: number, networkMode: 'awsvpc' | 'bridge'): { sim: Sim; registry: Record<string, any> } {
  const sim = ec2World(3);
  const ns = ok(sim, 'servicediscovery.CreatePrivateDnsNamespace', { Name: 'corp.local', Vpc: 'vpc-default' });
  const registry = ok(sim, 'servicediscovery.CreateService', {
    Name: 'api',
    NamespaceId: ns.NamespaceId,
    DnsConfig: { DnsRecords: [{ Type: networkMode === 'awsvpc' ? 'A' : 'SRV', TTL: 60 }], RoutingPolicy: 'MULTIVALUE' },
    HealthCheckCustomConfig: { FailureThreshold: 1 },
  }).Service;
  ok(sim, 'ecs.RegisterTaskDefinition', {
    family: 'api',
    networkMode,
    containerDefinitions: [
      { name: 'api', image: 'api', memory: 256, portMappings: [{ containerPort: 8080, ...(networkMode === 'bridge' ? { hostPort: 0 } : {}) }], healthCheck: { command: ['CMD-SHELL', 'true'], interval: 10, retries: 2 } },
    ],
  });
  ok(sim, 'ecs.CreateService', {
    cluster: 'demo',
    serviceName: 'api',
    taskDefinition: 'api',
    desiredCount: desired,
    healthCheckGracePeriodSeconds: 3600,
    ...(networkMode === 'awsvpc' ? { networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-us-east-1a', 'subnet-us-east-1b', 'subnet-us-east-1c'] } } } : {}),
    serviceRegistries: [{ registryArn: registry.Arn, ...(networkMode === 'bridge' ? { containerName: 'api', containerPort: 8080 } : {}) }],
  });
  return { sim, registry };
}
const instancesOf = (sim: Sim, arn: string) => Object.values(sim.world.discoveryServices).find((d) => d.Arn === arn)!.instances;

describe('Cloud Map registration of service tasks', () => {
  it('registers each task when it runs, with the attributes ECS sets (awsvpc: the task’s IP)', () => {
    const { sim, registry } = discovered(2, 'awsvpc');
    sim.runUntil(60_000 + 5_000); // PROVISIONING: not yet
    expect(instancesOf(sim, registry.Arn)).toEqual([]);
    sim.runUntil(120_000);
    const ts = liveTasks(sim, 'api');
    const got = instancesOf(sim, registry.Arn);
    expect(got.map((i) => i.InstanceId).sort()).toEqual(ts.map((t) => t.id).sort());
    const t = ts.find((x) => x.id === got[0]!.InstanceId)!;
    expect(got[0]!.Attributes).toEqual({
      AWS_INSTANCE_IPV4: t.privateIp,
      AVAILABILITY_ZONE: t.availabilityZone,
      REGION: 'us-east-1',
      ECS_SERVICE_NAME: 'api',
      ECS_CLUSTER_NAME: 'demo',
      ECS_TASK_DEFINITION_FAMILY: 'api',
      EC2_INSTANCE_ID: t.ec2InstanceId,
    });
    expect(got[0]!.HealthStatus).toBe('HEALTHY');
  });

  it('bridge tasks register the instance’s address and the container port’s host port', () => {
    const { sim, registry } = discovered(1, 'bridge');
    sim.runUntil(120_000);
    const [t] = liveTasks(sim, 'api');
    const [i] = instancesOf(sim, registry.Arn);
    expect(i!.Attributes.AWS_INSTANCE_IPV4).toBe(sim.world.ec2[t!.ec2InstanceId!]!.privateIp);
    expect(i!.Attributes.AWS_INSTANCE_PORT).toBe(String(t!.containers[0]!.networkBindings[0]!.hostPort));
  });

  it('reports the task’s health, and deregisters the task when it is asked to stop', () => {
    const { sim, registry } = discovered(2, 'awsvpc');
    sim.runUntil(120_000);
    const [sick, other] = liveTasks(sim, 'api');
    ok(sim, 'sim.FailHealthCheck', { cluster: 'demo', task: sick!.taskArn });
    sim.runUntil(150_000);
    const health = () => Object.fromEntries(instancesOf(sim, registry.Arn).map((i) => [i.InstanceId, i.HealthStatus]));
    expect(health()).toEqual({ [sick!.id]: 'UNHEALTHY', [other!.id]: 'HEALTHY' });
    ok(sim, 'ecs.StopTask', { cluster: 'demo', task: other!.taskArn });
    expect(Object.keys(health())).toEqual([sick!.id]);
    expect((sim.events as readonly Record<string, any>[]).filter((e) => e.type === 'CloudMapDeregistered').map((e) => e.instanceId)).toEqual([other!.id]);
  });
});
