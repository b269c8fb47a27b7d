import type { HookStage, PlanStep, ServiceDeploymentRecord } from '../../model/types';
import { MINUTE } from '../../core/time';

/**
 * The stages of a blue/green, linear or canary deployment, in their order (DG:blue-green-deployment-how-it-works,
 * DG:deployment-type-linear, DG:canary-deployment, API:ServiceDeployment lifecycleStage):
 * RECONCILE_SERVICE (only with more than one revision running), PRE_SCALE_UP, SCALE_UP (green to the full
 * desired count beside blue), POST_SCALE_UP, TEST_TRAFFIC_SHIFT (test traffic to green), POST_TEST_TRAFFIC_SHIFT,
 * PRODUCTION_TRAFFIC_SHIFT (blue/green: all at once; linear: equal steps with a wait after each but the last;
 * canary: the canary share, a wait, the rest), POST_PRODUCTION_TRAFFIC_SHIFT, BAKE_TIME (blue kept), CLEAN_UP
 * (blue scaled down). Before each production step the PRE_PRODUCTION_TRAFFIC_SHIFT hooks run and at each step
 * the PRODUCTION_TRAFFIC_SHIFT hooks [DOC: "For linear and canary deployments, this stage is invoked before
 * every traffic shift step"]; while they run the deployment reports PRODUCTION_TRAFFIC_SHIFT [INF: the stage
 * enum has no PRE_PRODUCTION_TRAFFIC_SHIFT]. A service's first deployment has no blue to shift from: it
 * scales up and completes [INF].
 */

/** The production shares, in percent, the strategy moves through, and the wait after each (none after the last). */
export function shiftSteps(sd: ServiceDeploymentRecord): { percent: number; waitMs: number }[] {
  const cfg = sd.deploymentConfiguration;
  if (sd.strategy === 'CANARY') {
    const c = cfg.canaryConfiguration!;
    if (c.canaryPercent >= 100) return [{ percent: 100, waitMs: 0 }];
    return [
      { percent: c.canaryPercent, waitMs: c.canaryBakeTimeInMinutes * MINUTE },
      { percent: 100, waitMs: 0 },
    ];
  }
  if (sd.strategy === 'LINEAR') {
    const l = cfg.linearConfiguration!;
    const out: { percent: number; waitMs: number }[] = [];
    // In tenths of a percent, so that 3.3 % steps add up exactly.
    const step = Math.round(l.stepPercent * 10);
    for (let p = step; ; p += step) {
      const percent = Math.min(1000, p) / 10;
      out.push({ percent, waitMs: percent >= 100 ? 0 : l.stepBakeTimeInMinutes * MINUTE });
      if (percent >= 100) return out;
    }
  }
  return [{ percent: 100, waitMs: 0 }];
}

const hooks = (stage: HookStage): { hooks: HookStage } => ({ hooks: stage });

export function planFor(sd: ServiceDeploymentRecord, reconcile: boolean): PlanStep[] {
  const plan: PlanStep[] = [];
  if (reconcile) plan.push({ stage: 'RECONCILE_SERVICE', ...hooks('RECONCILE_SERVICE') });
  plan.push({ stage: 'PRE_SCALE_UP', ...hooks('PRE_SCALE_UP') }, { stage: 'SCALE_UP', action: 'scaleUp' }, { stage: 'POST_SCALE_UP', ...hooks('POST_SCALE_UP') });
  if (sd.sourceRevisionArns.length) {
    plan.push({ stage: 'TEST_TRAFFIC_SHIFT', action: 'testShift', ...hooks('TEST_TRAFFIC_SHIFT') }, { stage: 'POST_TEST_TRAFFIC_SHIFT', ...hooks('POST_TEST_TRAFFIC_SHIFT') });
    for (const s of shiftSteps(sd)) {
      plan.push({ stage: 'PRODUCTION_TRAFFIC_SHIFT', ...hooks('PRE_PRODUCTION_TRAFFIC_SHIFT') });
      plan.push({ stage: 'PRODUCTION_TRAFFIC_SHIFT', action: 'shift', percent: s.percent, ...hooks('PRODUCTION_TRAFFIC_SHIFT'), ...(s.waitMs ? { waitMs: s.waitMs } : {}) });
    }
    plan.push({ stage: 'POST_PRODUCTION_TRAFFIC_SHIFT', ...hooks('POST_PRODUCTION_TRAFFIC_SHIFT') });
    const bake = sd.deploymentConfiguration.bakeTimeInMinutes ?? 0;
    plan.push({ stage: 'BAKE_TIME', ...(bake ? { waitMs: bake * MINUTE } : {}) });
  }
  plan.push({ stage: 'CLEAN_UP', action: 'cleanUp' });
  return plan;
}
