import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Sim } from '../../../../src/sim';
import { isHealthy } from '../../../../src/sim/controllers/services/health';

type Strategy = 'ROLLING' | 'BLUE_GREEN' | 'LINEAR' | 'CANARY';

/** A Fargate service of `desired` tasks updated to a second revision at 2 minutes; the healthy count sampled every 5 s. */
function deploy(desired: number, strategy: Strategy, min: number, max: number): { healthy: number[]; done: boolean; sim: Sim } {
  const sim = new Sim({ seed: desired * 7 + min });
  const ok = (r: { error?: { message: string } }) => expect(r.error?.message).toBeUndefined();
  ok(sim.call('ecs.CreateCluster', { clusterName: 'demo' }));
  for (const image of ['app:1', 'app:2']) {
    ok(sim.call('ecs.RegisterTaskDefinition', { family: 'app', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512', containerDefinitions: [{ name: 'app', image }] }));
  }
  const cfg: Record<string, unknown> = { minimumHealthyPercent: min, maximumPercent: max, ...(strategy === 'ROLLING' ? {} : { strategy, bakeTimeInMinutes: 1 }) };
  if (strategy === 'LINEAR') cfg.linearConfiguration = { stepPercent: 50, stepBakeTimeInMinutes: 1 };
  ok(
    sim.call('ecs.CreateService', {
      cluster: 'demo',
      serviceName: 'app',
      taskDefinition: 'app:1',
      desiredCount: desired,
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-us-east-1a'] } },
      deploymentConfiguration: cfg,
    }),
  );
  sim.runUntil(120_000);
  ok(sim.call('ecs.UpdateService', { cluster: 'demo', service: 'app', taskDefinition: 'app:2' }));
  const healthy: number[] = [];
  for (let t = 120_000; t <= 900_000; t += 5_000) {
    sim.runUntil(t);
    healthy.push(Object.values(sim.world.tasks).filter((x) => x.serviceArn && isHealthy(sim, x)).length);
  }
  const svc = Object.values(sim.world.services)[0]!;
  return { healthy, done: svc.deployments.length === 1 && svc.deployments[0]!.rolloutState === 'COMPLETED' && svc.taskDefinition.endsWith('app:2'), sim };
}

describe('deployments', () => {
  it('never drop the healthy count below the floor: blue/green, linear and canary keep blue whole until green is; rolling keeps minimumHealthyPercent (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.constantFrom<Strategy>('ROLLING', 'BLUE_GREEN', 'LINEAR', 'CANARY'), fc.constantFrom(0, 50, 100), fc.constantFrom(100, 150, 200), (desired, strategy, min, max) => {
        // A rolling configuration that allows neither a start nor a stop never progresses (RU-04 covers it).
        fc.pre(strategy !== 'ROLLING' || Math.floor((desired * max) / 100) > desired || Math.ceil((desired * min) / 100) < desired);
        const r = deploy(desired, strategy, min, max);
        const floor = strategy === 'ROLLING' ? Math.ceil((desired * min) / 100) : desired;
        expect(Math.min(...r.healthy)).toBeGreaterThanOrEqual(floor);
        expect(r.done).toBe(true);
      }),
      { numRuns: 24 },
    );
  });
});
