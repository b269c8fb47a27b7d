import { describe, expect, it } from 'vitest';
import type { Sim } from '../../../../src/sim';
import { liveTasks, ok, shiftingWorld } from '../../../support/controllerWorld';

type Ev = Record<string, any>;
const hookEvents = (sim: Sim) => (sim.events as readonly Ev[]).filter((e) => e.type === 'LifecycleHookStateChange').map((e) => [e.t, e.lifecycleStage, e.status]);
const svcOf = (sim: Sim) => Object.values(sim.world.services)[0]!;
const fn = (name: string) => `arn:aws:lambda:us-east-1:123456789012:function:${name}`;
const HOOK_ROLE = 'arn:aws:iam::123456789012:role/hooks';

/** A blue/green world whose deployment to shop:2 runs `hooks`; returns the world and the new service deployment's ARN. */
function deployWith(hooks: Record<string, unknown>[], functions: Record<string, unknown>[] = []): { sim: Sim; sdArn: string } {
  const { sim } = shiftingWorld({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 1 });
  for (const f of functions) ok(sim, 'sim.CreateHookFunction', f);
  ok(sim, 'ecs.UpdateService', { cluster: 'demo', service: 'shop', taskDefinition: 'shop:2', deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 1, lifecycleHooks: hooks } });
  return { sim, sdArn: svcOf(sim).deployments[0]!.serviceDeploymentArn! };
}

describe('lifecycle hooks', () => {
  it('a Lambda hook is invoked 1 s after its stage begins, and the deployment goes on once it SUCCEEDED', () => {
    const { sim, sdArn } = deployWith([{ hookTargetArn: fn('check'), roleArn: HOOK_ROLE, lifecycleStages: ['POST_SCALE_UP'] }], [{ FunctionName: 'check', hookStatus: 'SUCCEEDED' }]);
    sim.runUntil(1_200_000);
    // Green is healthy at 348.5 s: POST_SCALE_UP begins and its hook runs.
    expect(hookEvents(sim)).toEqual([
      [348_500, 'POST_SCALE_UP', 'IN_PROGRESS'],
      [349_500, 'POST_SCALE_UP', 'SUCCEEDED'],
    ]);
    const sd = sim.world.serviceDeployments[sdArn]!;
    expect(sd.status).toBe('SUCCESSFUL');
    expect(sd.hooks[0]!.hookId).toMatch(/^ecs-lambda-[A-Za-z0-9_-]{43}$/);
  });

  it('a function that answers IN_PROGRESS is invoked again after its callBackDelay until its duration has passed', () => {
    const { sim } = deployWith([{ hookTargetArn: fn('slow'), roleArn: HOOK_ROLE, lifecycleStages: ['POST_SCALE_UP'] }], [{ FunctionName: 'slow', hookStatus: 'SUCCEEDED', durationSeconds: 15, callBackDelay: 10 }]);
    sim.runUntil(1_200_000);
    // First invoked at 349.5 s; again at 359.5 s (still under 15 s), and at 369.5 s it answers (the default 30 s would make it 379.5 s).
    expect(hookEvents(sim)).toEqual([
      [348_500, 'POST_SCALE_UP', 'IN_PROGRESS'],
      [369_500, 'POST_SCALE_UP', 'SUCCEEDED'],
    ]);
  });

  it('a hook whose function answers FAILED rolls the deployment back: blue keeps serving and green stops', () => {
    const { sim, sdArn } = deployWith([{ hookTargetArn: fn('veto'), roleArn: HOOK_ROLE, lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'] }], [{ FunctionName: 'veto', hookStatus: 'FAILED' }]);
    sim.runUntil(1_200_000);
    const sd = sim.world.serviceDeployments[sdArn]!;
    expect(hookEvents(sim)).toEqual([
      [348_500, 'POST_TEST_TRAFFIC_SHIFT', 'IN_PROGRESS'],
      [349_500, 'POST_TEST_TRAFFIC_SHIFT', 'FAILED'],
    ]);
    expect(sd.status).toBe('ROLLBACK_SUCCESSFUL');
    expect(sd.rollback!.reason).toBe(`lifecycle hook ${sd.hooks[0]!.hookId} at POST_TEST_TRAFFIC_SHIFT returned FAILED`);
    expect(liveTasks(sim, 'shop').map((t) => t.taskDefinitionArn.split(':').at(-1))).toEqual(['1', '1']);
  });

  it('a hook whose function does not exist fails', () => {
    const { sim, sdArn } = deployWith([{ hookTargetArn: fn('missing'), roleArn: HOOK_ROLE, lifecycleStages: ['PRE_SCALE_UP'] }]);
    sim.runUntil(600_000);
    const sd = sim.world.serviceDeployments[sdArn]!;
    expect(hookEvents(sim)).toEqual([
      [300_000, 'PRE_SCALE_UP', 'IN_PROGRESS'],
      [301_000, 'PRE_SCALE_UP', 'FAILED'],
    ]);
    expect(sd.rollback!.reason).toBe(`lifecycle hook ${sd.hooks[0]!.hookId} at PRE_SCALE_UP failed: the function ${fn('missing')} could not be invoked`);
    // It failed before green scaled up: no task of shop:2 was started.
    expect(Object.values(sim.world.tasks).filter((t) => t.taskDefinitionArn.endsWith(':2'))).toEqual([]);
  });

  it('a PAUSE hook waits in AWAITING_ACTION until ContinueServiceDeployment', () => {
    const { sim, sdArn } = deployWith([{ targetType: 'PAUSE', lifecycleStages: ['POST_SCALE_UP'] }]);
    sim.runUntil(900_000);
    const sd = sim.world.serviceDeployments[sdArn]!;
    expect(sd.status).toBe('IN_PROGRESS');
    expect(sd.lifecycleStage).toBe('POST_SCALE_UP');
    expect(sd.hooks[0]).toMatchObject({ status: 'AWAITING_ACTION', targetType: 'PAUSE' });
    expect(sd.hooks[0]!.hookId).toMatch(/^ecs-pause-/);
    ok(sim, 'ecs.ContinueServiceDeployment', { serviceDeploymentArn: sdArn, hookId: sd.hooks[0]!.hookId });
    sim.runUntil(1_500_000);
    expect(sd.status).toBe('SUCCESSFUL');
    expect(hookEvents(sim).map((e) => e[2])).toEqual(['AWAITING_ACTION', 'SUCCEEDED']);
  });

  it('a hook not resolved by its timeout is TIMED_OUT and takes its timeout action: CONTINUE goes on', () => {
    const { sim, sdArn } = deployWith([{ targetType: 'PAUSE', lifecycleStages: ['POST_SCALE_UP'], timeoutConfiguration: { timeoutInMinutes: 5, action: 'CONTINUE' } }]);
    sim.runUntil(1_500_000);
    expect(hookEvents(sim)).toEqual([
      [348_500, 'POST_SCALE_UP', 'AWAITING_ACTION'],
      [648_500, 'POST_SCALE_UP', 'TIMED_OUT'],
    ]);
    expect(sim.world.serviceDeployments[sdArn]!.status).toBe('SUCCESSFUL');
  });
});
