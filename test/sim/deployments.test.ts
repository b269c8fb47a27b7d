import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Sim } from '../../src/sim';
import { isHealthy } from '../../src/sim/controllers/services/health';
import { weightsFor } from '../../src/sim/controllers/services/records';
import { shiftSteps } from '../../src/sim/controllers/services/plan';
import type { ServiceDeploymentRecord } from '../../src/sim/model/types';

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

  it('write forward weights that always make 100 % between blue and green (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (tenths) => {
        const p = tenths / 10;
        const w = weightsFor(p);
        expect(w.blue + w.green === 100 || w.blue + w.green === 1000).toBe(true);
        expect(w.blue).toBeGreaterThanOrEqual(0);
        expect(w.green).toBeLessThanOrEqual(999);
        expect(Math.abs((w.green / (w.blue + w.green)) * 100 - p)).toBeLessThan(0.1 + 1e-9);
      }),
    );
  });

  it('move a linear deployment in equal steps that end at exactly 100 %, waiting after every step but the last (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 30, max: 1000 }), fc.integer({ min: 0, max: 1440 }), (tenths, bake) => {
        const sd = { strategy: 'LINEAR', deploymentConfiguration: { linearConfiguration: { stepPercent: tenths / 10, stepBakeTimeInMinutes: bake } } } as unknown as ServiceDeploymentRecord;
        const steps = shiftSteps(sd);
        expect(steps.at(-1)).toEqual({ percent: 100, waitMs: 0 });
        expect(steps.length).toBe(Math.ceil(1000 / tenths));
        for (const [i, s] of steps.slice(0, -1).entries()) {
          expect(s.percent).toBeCloseTo(((i + 1) * tenths) / 10, 9);
          expect(s.waitMs).toBe(bake * 60_000);
        }
      }),
    );
  });
});
