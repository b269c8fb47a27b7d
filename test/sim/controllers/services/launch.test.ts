import { describe, expect, it } from 'vitest';
import { nextProvider } from '../../../../src/sim/controllers/services/launch';
import type { Deployment, Service, Task } from '../../../../src/sim/model/types';
import { ec2World, FARGATE_NETWORK, fargateTaskDef, liveTasks, ok } from '../../../support/controllerWorld';

const strategy = [
  { capacityProvider: 'FARGATE', base: 1, weight: 1 },
  { capacityProvider: 'FARGATE_SPOT', weight: 3 },
];
const svc = (desired: number) => ({ desiredCount: desired, capacityProviderStrategy: strategy }) as unknown as Service;
const dep = { id: 'd1' } as Deployment;
const tasks = (fargate: number, spot: number, deploymentId = 'd1') => [...Array(fargate).fill('FARGATE'), ...Array(spot).fill('FARGATE_SPOT')].map((capacityProviderName) => ({ deploymentId, capacityProviderName }) as Task);

describe('the provider of a service’s next task', () => {
  it('is the one furthest below its share of the desired count; on a tie, the first of the strategy', () => {
    // Desired 5: FARGATE 1 (the base) + 1 of the remaining 4 by weight 1:3 = 2, FARGATE_SPOT 3.
    expect(nextProvider(svc(5), dep, [])).toBe('FARGATE_SPOT');
    expect(nextProvider(svc(5), dep, tasks(0, 1))).toBe('FARGATE');
    expect(nextProvider(svc(5), dep, tasks(1, 3))).toBe('FARGATE');
    expect(nextProvider(svc(5), dep, tasks(2, 2))).toBe('FARGATE_SPOT');
  });
  it('counts only the deployment’s own tasks, and is none without a strategy', () => {
    expect(nextProvider(svc(5), dep, tasks(0, 3, 'other'))).toBe('FARGATE_SPOT');
    expect(nextProvider({ desiredCount: 2 } as Service, dep, [])).toBeUndefined();
  });
});

describe('launching a service task', () => {
  it('on Fargate: in one of the service’s subnets, platform 1.4.0, started by its deployment, in group service:<name>', () => {
    const sim = ec2World(0);
    fargateTaskDef(sim, 'web');
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 2, launchType: 'FARGATE', networkConfiguration: FARGATE_NETWORK });
    sim.runUntil(61_000);
    const d = Object.values(sim.world.services)[0]!.deployments[0]!;
    const ts = liveTasks(sim, 'web');
    expect(ts).toHaveLength(2);
    for (const t of ts) {
      expect(t).toMatchObject({ launchType: 'FARGATE', platformVersion: '1.4.0', startedBy: d.id, deploymentId: d.id, group: 'service:web', networkMode: 'awsvpc' });
      expect(FARGATE_NETWORK.awsvpcConfiguration.subnets).toContain(t.subnetId);
      expect(sim.world.traces.some((tr) => tr.id === t.traceId)).toBe(true);
    }
  });

  it('with a capacity provider strategy: tasks split between the providers by base and weight', () => {
    const sim = ec2World(0);
    fargateTaskDef(sim, 'web');
    ok(sim, 'ecs.PutClusterCapacityProviders', { cluster: 'demo', capacityProviders: ['FARGATE', 'FARGATE_SPOT'], defaultCapacityProviderStrategy: [] });
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 5, capacityProviderStrategy: strategy, networkConfiguration: FARGATE_NETWORK });
    sim.runUntil(61_000);
    const by = liveTasks(sim, 'web')
      .map((t) => t.capacityProviderName)
      .sort();
    expect(by).toEqual(['FARGATE', 'FARGATE', 'FARGATE_SPOT', 'FARGATE_SPOT', 'FARGATE_SPOT']);
  });
});
