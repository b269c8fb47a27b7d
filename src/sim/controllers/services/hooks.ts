import type { SimContext } from '../../model/context';
import type { HookAction, HookRun, HookStage, Service, ServiceDeploymentRecord } from '../../model/types';
import { own } from '../../core/own';
import { failDeployment } from './rollback';
import { requestPass } from './pass';
import { say } from '../../model/narration';

/**
 * Lifecycle hooks (DG:deployment-lifecycle-hooks, DG:lambda-lifecycle-hooks, DG:pause-lifecycle-hooks,
 * API:DeploymentLifecycleHookDetail). At a stage, every hook that lists it runs, and the deployment
 * moves on once all of them have succeeded. A Lambda hook invokes its function, which answers
 * SUCCEEDED (go on), FAILED (roll back) or IN_PROGRESS (invoked again after its callBackDelay, 30 s by
 * default); a function that does not exist fails the hook. A PAUSE hook waits in AWAITING_ACTION for
 * ContinueServiceDeployment. A hook not resolved by its expiry (timeoutInMinutes, 1440 by default) is
 * TIMED_OUT and its timeoutAction (ROLLBACK by default) is taken.
 */

/** A hook id: `ecs-pause-` (as the documentation shows) or `ecs-lambda-` and 43 URL-safe characters, from a stream of its own [SIM]. */
function hookId(sim: SimContext, pause: boolean): string {
  const r = sim.engine.rng.stream('hook-ids');
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let s = '';
  for (let i = 0; i < 43; i++) s += abc[r.int(abc.length)];
  return `${pause ? 'ecs-pause-' : 'ecs-lambda-'}${s}`;
}

function emitHook(sim: SimContext, svc: Service, sd: ServiceDeploymentRecord, run: HookRun): void {
  const at = { hook: run.hookId, stage: run.stage, service: svc.serviceName, status: run.status };
  const said = run.targetType === 'PAUSE' ? say('LifecycleHookStateChange.pause', at) : say('LifecycleHookStateChange.lambda', { ...at, function: run.targetArn?.slice(run.targetArn.lastIndexOf(':') + 1) ?? '' });
  sim.emit('LifecycleHookStateChange', said, {
    serviceArn: svc.serviceArn,
    serviceDeploymentArn: sd.serviceDeploymentArn,
    hookId: run.hookId,
    lifecycleStage: run.stage,
    status: run.status,
  });
}

/** Starts the hooks that list `stage`, for plan step `step`; returns how many started. */
export function startHooks(sim: SimContext, svc: Service, sd: ServiceDeploymentRecord, stage: HookStage, step: number): number {
  let n = 0;
  for (const h of sd.deploymentConfiguration.lifecycleHooks ?? []) {
    if (!h.lifecycleStages.includes(stage)) continue;
    const pause = h.targetType === 'PAUSE';
    const minutes = h.timeoutConfiguration?.timeoutInMinutes;
    const run: HookRun = {
      hookId: hookId(sim, pause),
      stage,
      targetType: pause ? 'PAUSE' : 'AWS_LAMBDA',
      ...(pause ? {} : { targetArn: h.hookTargetArn! }),
      status: pause ? 'AWAITING_ACTION' : 'IN_PROGRESS',
      startedAtMs: sim.now,
      expiresAtMs: sim.now + (minutes !== undefined ? minutes * 60_000 : sim.world.durations.hookTimeoutMs),
      timeoutAction: h.timeoutConfiguration?.action ?? 'ROLLBACK',
      step,
    };
    sd.hooks.push(run);
    n++;
    emitHook(sim, svc, sd, run);
    if (!pause) sim.engine.after(sim.world.durations.hookInvokeMs, { k: 'sdep.hook', sd: sd.serviceDeploymentArn, hook: run.hookId });
    sim.engine.at(run.expiresAtMs, { k: 'sdep.hookTimeout', sd: sd.serviceDeploymentArn, hook: run.hookId });
  }
  return n;
}

/** Whether every hook of a step has let the deployment go on. */
export function hooksDone(sd: ServiceDeploymentRecord, step: number): boolean {
  return sd.hooks.every((h) => h.step !== step || h.status === 'SUCCEEDED' || (h.status === 'TIMED_OUT' && h.timeoutAction === 'CONTINUE'));
}

function findRun(sim: SimContext, sdArn: string, id: string): { sd: ServiceDeploymentRecord; svc: Service; run: HookRun } | undefined {
  const sd = own(sim.world.serviceDeployments, sdArn);
  const svc = sd ? sim.world.services[sd.serviceArn] : undefined;
  const run = sd?.hooks.find((h) => h.hookId === id);
  return sd && svc && run && sd.status === 'IN_PROGRESS' ? { sd, svc, run } : undefined;
}

/** A hook resolved: go on (the service's next pass advances the deployment) or roll back. */
function resolve(sim: SimContext, svc: Service, sd: ServiceDeploymentRecord, run: HookRun, status: HookRun['status'], action: HookAction, why: string): void {
  run.status = status;
  sd.updatedAtMs = sim.now;
  emitHook(sim, svc, sd, run);
  if (action === 'ROLLBACK') failDeployment(sim, svc, sd, why, true);
  else requestPass(sim, svc);
}

/** A Lambda hook's invocation: the simulated function answers by its verdict once its duration has passed. */
export function invokeHook(sim: SimContext, sdArn: string, id: string): void {
  const found = findRun(sim, sdArn, id);
  if (!found || found.run.status !== 'IN_PROGRESS') return;
  const { sd, svc, run } = found;
  const fn = Object.values(sim.world.hookFunctions).find((f) => f.FunctionArn === run.targetArn || f.FunctionName === run.targetArn);
  if (!fn) {
    resolve(sim, svc, sd, run, 'FAILED', 'ROLLBACK', `lifecycle hook ${run.hookId} at ${run.stage} failed: the function ${run.targetArn ?? ''} could not be invoked`);
    return;
  }
  const first = (fn.firstInvokedMs[run.hookId] ??= sim.now);
  if (sim.now - first < fn.durationSeconds * 1000) {
    const delay = fn.callBackDelaySeconds !== undefined ? fn.callBackDelaySeconds * 1000 : sim.world.durations.hookCallbackMs;
    sim.engine.after(delay, { k: 'sdep.hook', sd: sdArn, hook: id });
    return;
  }
  if (fn.hookStatus === 'SUCCEEDED') resolve(sim, svc, sd, run, 'SUCCEEDED', 'CONTINUE', '');
  else resolve(sim, svc, sd, run, 'FAILED', 'ROLLBACK', `lifecycle hook ${run.hookId} at ${run.stage} returned FAILED`);
}

/** A hook's expiry: unresolved, it is TIMED_OUT and its timeout action is taken. */
export function hookExpired(sim: SimContext, sdArn: string, id: string): void {
  const found = findRun(sim, sdArn, id);
  if (!found || (found.run.status !== 'IN_PROGRESS' && found.run.status !== 'AWAITING_ACTION')) return;
  const { sd, svc, run } = found;
  resolve(sim, svc, sd, run, 'TIMED_OUT', run.timeoutAction, `lifecycle hook ${run.hookId} at ${run.stage} timed out`);
}

/** ContinueServiceDeployment: a PAUSE hook awaiting action continues the deployment or rolls it back. */
export function continueHook(sim: SimContext, svc: Service, sd: ServiceDeploymentRecord, run: HookRun, action: HookAction): void {
  resolve(sim, svc, sd, run, action === 'CONTINUE' ? 'SUCCEEDED' : 'FAILED', action, `ContinueServiceDeployment rolled back at lifecycle hook ${run.hookId} (${run.stage})`);
}
