import { describe, expect, it } from 'vitest';
import { Sim } from '../../../../src/sim';
import { AWSVPC, fargateTaskDefinition, ok, refused } from '../../../support/simapiWorld';

/** Cluster `demo` using FARGATE and FARGATE_SPOT, default strategy all FARGATE_SPOT, and Fargate task definition `app`. */
function fargateWorld(): Sim {
  const sim = new Sim();
  ok(sim, 'ecs.CreateCluster', { clusterName: 'demo', capacityProviders: ['FARGATE', 'FARGATE_SPOT'], defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] });
  fargateTaskDefinition(sim);
  return sim;
}

const run = (sim: Sim, extra: Record<string, unknown>) => sim.call('ecs.RunTask', { cluster: 'demo', taskDefinition: 'app', networkConfiguration: AWSVPC, ...extra });
const providers = (out: unknown) => (out as { tasks: { capacityProviderName?: string; launchType: string }[] }).tasks.map((t) => [t.capacityProviderName ?? null, t.launchType]);

describe('capacity provider strategies in a launch', () => {
  it('split the count: the base first, then the rest by weight', () => {
    const r = run(fargateWorld(), {
      count: 5,
      capacityProviderStrategy: [
        { capacityProvider: 'FARGATE', base: 1, weight: 1 },
        { capacityProvider: 'FARGATE_SPOT', weight: 1 },
      ],
    });
    expect(providers(r.output)).toEqual([
      ['FARGATE', 'FARGATE'],
      ['FARGATE', 'FARGATE'],
      ['FARGATE', 'FARGATE'],
      ['FARGATE_SPOT', 'FARGATE'],
      ['FARGATE_SPOT', 'FARGATE'],
    ]);
  });

  it("take the cluster's default strategy when neither a launch type nor a strategy is given; a launch type uses no provider", () => {
    const sim = fargateWorld();
    expect(providers(run(sim, {}).output)).toEqual([['FARGATE_SPOT', 'FARGATE']]);
    expect(providers(run(sim, { launchType: 'FARGATE' }).output)).toEqual([[null, 'FARGATE']]);
  });

  it.each([
    ['an empty strategy', [], 'The capacity provider strategy cannot be empty.'],
    ['a provider that does not exist', [{ capacityProvider: 'nope', weight: 1 }], "The specified capacity provider 'nope' does not exist. Specify a valid capacity provider and try again."],
    [
      'two providers with a base',
      [
        { capacityProvider: 'FARGATE', base: 1, weight: 1 },
        { capacityProvider: 'FARGATE_SPOT', base: 1, weight: 1 },
      ],
      'The specified capacity provider strategy is invalid: only one capacity provider can have a base.',
    ],
    [
      'no weight above zero',
      [
        { capacityProvider: 'FARGATE', weight: 0 },
        { capacityProvider: 'FARGATE_SPOT', weight: 0 },
      ],
      'The specified capacity provider strategy is invalid: at least one capacity provider must have a weight greater than zero.',
    ],
    [
      'the same provider twice',
      [
        { capacityProvider: 'FARGATE', weight: 1 },
        { capacityProvider: 'FARGATE', weight: 2 },
      ],
      'The capacity provider strategy names FARGATE more than once.',
    ],
    ['more than 20 providers', Array.from({ length: 21 }, () => ({ capacityProvider: 'FARGATE', weight: 1 })), 'A capacity provider strategy can contain at most 20 capacity providers.'],
  ])('refuse %s', (_, capacityProviderStrategy, message) => {
    expect(run(fargateWorld(), { capacityProviderStrategy }).error).toEqual({ code: 'InvalidParameterException', message });
  });

  it('refuse a provider the cluster does not use', () => {
    const sim = new Sim();
    ok(sim, 'ecs.CreateCluster', { clusterName: 'demo', capacityProviders: ['FARGATE'] });
    fargateTaskDefinition(sim);
    expect(run(sim, { capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] }).error).toEqual({
      code: 'InvalidParameterException',
      message: 'The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. Associate the capacity provider with the cluster or specify a valid capacity provider and try again.',
    });
  });

  it('refuse FARGATE_SPOT for Windows tasks, and a Fargate provider for a task definition that is not Fargate-compatible', () => {
    const sim = fargateWorld();
    fargateTaskDefinition(sim, 'win', { cpu: '1024', memory: '2048', runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE', cpuArchitecture: 'X86_64' } });
    expect(refused(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: 'win', networkConfiguration: AWSVPC })).toEqual({ code: 'InvalidParameterException', message: 'The FARGATE_SPOT capacity provider supports Linux tasks only.' });
    ok(sim, 'ecs.RegisterTaskDefinition', { family: 'ec2only', requiresCompatibilities: ['EC2'], containerDefinitions: [{ name: 'c', image: 'nginx', memory: 64 }] });
    expect(refused(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: 'ec2only' })).toEqual({ code: 'InvalidParameterException', message: 'Task definition does not support launch_type FARGATE.' });
  });
});

describe('launch types in a launch', () => {
  it.each([
    [
      'both a launch type and a strategy',
      { launchType: 'FARGATE', capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }] },
      'Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.',
    ],
    ['EC2 for a Fargate-only task definition', { launchType: 'EC2' }, 'Task definition does not support launch_type EC2.'],
    ['EXTERNAL, which the sandbox has no instances for', { launchType: 'EXTERNAL' }, 'No Container Instances were found in your cluster.'],
    ['MANAGED_INSTANCES as a launch type', { launchType: 'MANAGED_INSTANCES' }, 'Amazon ECS Managed Instances are used through a capacity provider strategy: specify a Managed Instances capacity provider instead of a launch type.'],
  ])('refuse %s', (_, extra, message) => {
    expect(run(fargateWorld(), extra).error).toEqual({ code: 'InvalidParameterException', message });
  });
});
