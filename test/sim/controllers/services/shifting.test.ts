import { describe, expect, it } from 'vitest';
import type { Sim } from '../../../../src/sim';
import { liveTasks, ok, ruleWeights, shiftingWorld } from '../../../support/controllerWorld';

type Ev = Record<string, any>;
const events = (sim: Sim, from: number) => (sim.events as readonly Ev[]).filter((e) => e.t >= from);
const stages = (sim: Sim, from: number) =>
  events(sim, from)
    .filter((e) => e.type === 'ServiceDeploymentStateChange')
    .map((e) => [e.t, e.lifecycleStage ?? '', e.status]);
const weights = (sim: Sim, from: number, rule: string) =>
  events(sim, from)
    .filter((e) => e.type === 'ForwardWeightsChanged' && e.ruleArn === rule)
    .map((e) => [e.t, ...e.targetGroups.map((g: { weight: number }) => g.weight)]);
const svcOf = (sim: Sim) => Object.values(sim.world.services)[0]!;
const revisions = (sim: Sim) => liveTasks(sim, 'shop').map((t) => `${t.taskDefinitionArn.split(':').at(-1)}${t.desiredStatus === 'RUNNING' ? '' : ' stopping'}`);

describe('a blue/green deployment', () => {
  it('scales green up beside blue, moves test then production traffic at once, bakes with blue kept, then cleans blue up', () => {
    const { sim, prodRule, testRule, blueTg, greenTg } = shiftingWorld({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 2 });
    ok(sim, 'ecs.UpdateService', { cluster: 'demo', service: 'shop', taskDefinition: 'shop:2' });
    sim.runUntil(400_000);
    // Green is RUNNING at 328.5 s and healthy in its target group (two 10 s checks) at 348.5 s.
    expect(stages(sim, 300_000)).toEqual([
      [300_000, '', 'PENDING'],
      [300_000, 'PRE_SCALE_UP', 'IN_PROGRESS'],
      [300_000, 'SCALE_UP', 'IN_PROGRESS'],
      [348_500, 'POST_SCALE_UP', 'IN_PROGRESS'],
      [348_500, 'TEST_TRAFFIC_SHIFT', 'IN_PROGRESS'],
      [348_500, 'POST_TEST_TRAFFIC_SHIFT', 'IN_PROGRESS'],
      [348_500, 'PRODUCTION_TRAFFIC_SHIFT', 'IN_PROGRESS'],
      [348_500, 'POST_PRODUCTION_TRAFFIC_SHIFT', 'IN_PROGRESS'],
      [348_500, 'BAKE_TIME', 'IN_PROGRESS'],
    ]);
    expect(weights(sim, 300_000, testRule)).toEqual([[348_500, 0, 100]]);
    expect(weights(sim, 300_000, prodRule)).toEqual([[348_500, 0, 100]]);
    expect(ruleWeights(sim, prodRule)).toEqual({ [blueTg]: 0, [greenTg]: 100 });
    // During the bake time blue still runs beside green (four tasks for a desired count of two).
    expect(revisions(sim).sort()).toEqual(['1', '1', '2', '2']);
    sim.runUntil(1_200_000);
    expect(stages(sim, 400_000)).toEqual([
      [468_500, 'CLEAN_UP', 'IN_PROGRESS'],
      // Blue's targets drain for the target group's 300 s deregistration delay before its tasks stop.
      [774_500, 'CLEAN_UP', 'SUCCESSFUL'],
    ]);
    expect(revisions(sim)).toEqual(['2', '2']);
    expect(svcOf(sim).deployments).toHaveLength(1);
  });

  it('registers green in the alternate target group and blue stays in its own', () => {
    const { sim, blueTg, greenTg } = shiftingWorld({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 1 });
    ok(sim, 'ecs.UpdateService', { cluster: 'demo', service: 'shop', taskDefinition: 'shop:2' });
    sim.runUntil(360_000);
    const [green, blue] = svcOf(sim).deployments.map((d) => sim.world.serviceRevisions[d.serviceRevisionArn!]!);
    expect(blue!.targetGroups.map((g) => g.targetGroupArn)).toEqual([blueTg]);
    expect(green!.targetGroups.map((g) => g.targetGroupArn)).toEqual([greenTg]);
  });
});

describe('a linear deployment', () => {
  it('moves production traffic in equal steps with the step bake time between them and none after the last', () => {
    const { sim, prodRule } = shiftingWorld({ strategy: 'LINEAR', linearConfiguration: { stepPercent: 50, stepBakeTimeInMinutes: 1 } });
    ok(sim, 'ecs.UpdateService', { cluster: 'demo', service: 'shop', taskDefinition: 'shop:2' });
    sim.runUntil(700_000);
    expect(weights(sim, 300_000, prodRule)).toEqual([
      [348_500, 50, 50],
      [408_500, 0, 100],
    ]);
    // No wait after the last step, and no bake time configured: straight on to clean-up.
    expect(stages(sim, 408_500).slice(0, 3)).toEqual([
      [408_500, 'POST_PRODUCTION_TRAFFIC_SHIFT', 'IN_PROGRESS'],
      [408_500, 'BAKE_TIME', 'IN_PROGRESS'],
      [408_500, 'CLEAN_UP', 'IN_PROGRESS'],
    ]);
  });
});

describe('a canary deployment', () => {
  it('moves the canary share, waits its bake time, then moves the rest', () => {
    const { sim, prodRule } = shiftingWorld({ strategy: 'CANARY', canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 3 } });
    ok(sim, 'ecs.UpdateService', { cluster: 'demo', service: 'shop', taskDefinition: 'shop:2' });
    sim.runUntil(700_000);
    expect(weights(sim, 300_000, prodRule)).toEqual([
      [348_500, 90, 10],
      [528_500, 0, 100],
    ]);
  });
});

describe('rolling back a shifting deployment', () => {
  it('gives all traffic back to blue at once, makes blue PRIMARY again and stops green', () => {
    const { sim, prodRule, testRule, blueTg, greenTg } = shiftingWorld({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 10 });
    ok(sim, 'ecs.UpdateService', { cluster: 'demo', service: 'shop', taskDefinition: 'shop:2' });
    sim.runUntil(400_000); // baking
    const [green, blue] = svcOf(sim).deployments;
    ok(sim, 'ecs.StopServiceDeployment', { serviceDeploymentArn: green!.serviceDeploymentArn, stopType: 'ROLLBACK' });
    expect(ruleWeights(sim, prodRule)).toEqual({ [blueTg]: 100, [greenTg]: 0 });
    expect(ruleWeights(sim, testRule)).toEqual({ [blueTg]: 100, [greenTg]: 0 });
    expect(svcOf(sim).deployments[0]).toBe(blue);
    expect(blue!.status).toBe('PRIMARY');
    expect(svcOf(sim).taskDefinition).toMatch(/shop:1$/);
    sim.runUntil(1_200_000);
    const sd = sim.world.serviceDeployments[green!.serviceDeploymentArn!]!;
    expect(sd.status).toBe('ROLLBACK_SUCCESSFUL');
    expect(sd.statusReason).toBe(`Rolled back to service revision ${blue!.serviceRevisionArn}: the service deployment was stopped with StopServiceDeployment.`);
    expect(revisions(sim)).toEqual(['1', '1']);
  });

  it('a new deployment that interrupts one mid-shift gives production traffic back to the production revision first', () => {
    const { sim, prodRule, blueTg, greenTg } = shiftingWorld({ strategy: 'CANARY', canaryConfiguration: { canaryPercent: 20, canaryBakeTimeInMinutes: 10 } });
    ok(sim, 'ecs.UpdateService', { cluster: 'demo', service: 'shop', taskDefinition: 'shop:2' });
    sim.runUntil(400_000);
    expect(ruleWeights(sim, prodRule)).toEqual({ [blueTg]: 80, [greenTg]: 20 });
    ok(sim, 'ecs.UpdateService', { cluster: 'demo', service: 'shop', taskDefinition: 'shop:1', forceNewDeployment: true });
    expect(ruleWeights(sim, prodRule)).toEqual({ [blueTg]: 100, [greenTg]: 0 });
    const first = sim.world.serviceDeployments[svcOf(sim).deployments[1]!.serviceDeploymentArn!]!;
    expect(first).toMatchObject({ status: 'STOPPED', statusReason: 'Stopped because a newer service deployment started.' });
    // With two revisions running, the new deployment starts by reconciling the service.
    expect(sim.world.serviceDeployments[svcOf(sim).deployments[0]!.serviceDeploymentArn!]!.plan[0]!.stage).toBe('RECONCILE_SERVICE');
  });
});
