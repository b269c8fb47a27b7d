import type { SimContext } from '../../model/context';
import type { Service, ServiceDeploymentRecord } from '../../model/types';
import { isHealthy } from './health';
import { hooksDone, startHooks } from './hooks';
import { isOngoing, isShifting, recordOf, setStage, setStatus, shiftTraffic } from './records';
import { requestPass } from './pass';

/**
 * Carrying out a service deployment. Every strategy's starts PENDING and is IN_PROGRESS from the
 * scheduler's first pass. A blue/green, linear or canary one then walks its plan (controllers/services/plan.ts):
 * each step enters its stage, does its action (scale green up, move test or production traffic, clean up
 * blue), runs the stage's hooks, and waits its bake time; the scheduler meanwhile keeps blue's tasks and,
 * from SCALE_UP on, starts green's to the full desired count beside them (maximumPercent does not bound
 * them [INF]). A rollback is complete when green's tasks are gone.
 */

/** What the scheduler's pass may do while a blue/green, linear or canary deployment runs. */
export interface PassMode {
  /** Deployments whose tasks the pass keeps (blue, until CLEAN_UP). */
  hold: string[];
  /** Whether green may start tasks yet (from SCALE_UP). */
  startAllowed: boolean;
}

/** The pass's mode; undefined for a rolling deployment, a finished or rolled-back one, and from CLEAN_UP on. */
export function passMode(sim: SimContext, svc: Service): PassMode | undefined {
  const primary = svc.deployments[0];
  const sd = recordOf(sim, primary);
  if (!sd || !isShifting(sd) || sd.deploymentId !== primary?.id) return undefined;
  if (sd.status !== 'PENDING' && sd.status !== 'IN_PROGRESS' && sd.status !== 'STOPPED') return undefined;
  const step = sd.plan[sd.cursor];
  if (!step || step.stage === 'CLEAN_UP') return undefined;
  const blue = sd.sourceRevisionArns[0];
  const scaleAt = sd.plan.findIndex((p) => p.action === 'scaleUp');
  return {
    hold: svc.deployments.filter((d) => d.id !== primary.id && d.serviceRevisionArn === blue).map((d) => d.id),
    startAllowed: sd.status !== 'PENDING' && sd.cursor >= scaleAt,
  };
}

/** Enters the step at the cursor: its stage, and an action that takes no time (traffic moves at once). */
function enter(sim: SimContext, svc: Service, sd: ServiceDeploymentRecord): void {
  const step = sd.plan[sd.cursor]!;
  sd.gen++;
  sd.stepStartedMs = sim.now;
  sd.phase = 'action';
  delete sd.waitUntilMs;
  setStage(sim, svc, sd, step.stage);
  if (step.action === 'testShift') shiftTraffic(sim, svc, sd, 100, 'test');
  if (step.action === 'shift') shiftTraffic(sim, svc, sd, step.percent!, 'production');
  // Green starts (SCALE_UP) and blue stops (CLEAN_UP) in the scheduler's next pass.
  if (step.action === 'scaleUp' || step.action === 'cleanUp') requestPass(sim, svc);
}

/** Whether the step's action is done: green healthy at the desired count, or blue's tasks all stopped. */
function actionDone(sim: SimContext, svc: Service, sd: ServiceDeploymentRecord): boolean {
  const step = sd.plan[sd.cursor]!;
  const tasks = svc.taskArns.map((a) => sim.world.tasks[a]).filter((t) => t !== undefined && t.lastStatus !== 'STOPPED');
  if (step.action === 'scaleUp') return tasks.filter((t) => t!.deploymentId === sd.deploymentId && isHealthy(sim, t!)).length >= svc.desiredCount;
  if (step.action === 'cleanUp') return tasks.every((t) => t!.deploymentId === sd.deploymentId);
  return true;
}

/** Works the step at the cursor as far as it can go now; true when it is done. */
function progress(sim: SimContext, svc: Service, sd: ServiceDeploymentRecord): boolean {
  const step = sd.plan[sd.cursor]!;
  if (sd.phase === 'action') {
    if (!actionDone(sim, svc, sd)) return false;
    sd.phase = 'hooks';
    if (step.hooks) startHooks(sim, svc, sd, step.hooks, sd.cursor);
  }
  if (sd.phase === 'hooks') {
    if (!hooksDone(sd, sd.cursor) || sd.status !== 'IN_PROGRESS') return false;
    sd.phase = 'wait';
    if (step.waitMs) {
      sd.waitUntilMs = sim.now + step.waitMs;
      sim.engine.at(sd.waitUntilMs, { k: 'sdep.step', sd: sd.serviceDeploymentArn, gen: sd.gen });
    }
  }
  return sd.waitUntilMs === undefined || sim.now >= sd.waitUntilMs;
}

/** A rollback of a blue/green, linear or canary deployment is complete once green has no task left. */
function settleRollback(sim: SimContext, svc: Service, sd: ServiceDeploymentRecord): void {
  const left = svc.taskArns.some((a) => {
    const t = sim.world.tasks[a];
    return t !== undefined && t.deploymentId === sd.deploymentId && t.lastStatus !== 'STOPPED';
  });
  if (!left) setStatus(sim, svc, sd, 'ROLLBACK_SUCCESSFUL', `Rolled back to service revision ${sd.rollback?.serviceRevisionArn ?? ''}: ${sd.rollback?.reason ?? ''}.`);
}

/** After the scheduler's pass: the service deployment starts, and a blue/green, linear or canary one moves through its plan. */
export function advanceServiceDeployment(sim: SimContext, svc: Service): void {
  for (const arn of svc.serviceDeploymentArns ?? []) {
    const sd = sim.world.serviceDeployments[arn];
    if (sd?.status === 'ROLLBACK_IN_PROGRESS' && isShifting(sd)) settleRollback(sim, svc, sd);
  }
  const sd = recordOf(sim, svc.deployments[0]);
  if (!sd || !isOngoing(sd)) return;
  if (sd.status === 'PENDING') {
    // One event for both: the deployment starts in its first stage.
    if (isShifting(sd) && sd.plan.length) sd.lifecycleStage = sd.plan[0]!.stage;
    setStatus(sim, svc, sd, 'IN_PROGRESS');
    if (isShifting(sd) && sd.plan.length) enter(sim, svc, sd);
  }
  if (!isShifting(sd)) return;
  while (sd.status === 'IN_PROGRESS' && sd.cursor < sd.plan.length && progress(sim, svc, sd)) {
    sd.cursor++;
    if (sd.cursor < sd.plan.length) enter(sim, svc, sd);
  }
}

/** Whether a blue/green, linear or canary deployment has walked its whole plan (a rolling one always has). */
export function planDone(sd: ServiceDeploymentRecord | undefined): boolean {
  return !isShifting(sd) || sd!.cursor >= sd!.plan.length;
}

/** The wake-up at the end of a step's wait. */
export function stepTimer(sim: SimContext, sdArn: string, gen: number): void {
  const sd = sim.world.serviceDeployments[sdArn];
  const svc = sd ? sim.world.services[sd.serviceArn] : undefined;
  if (!sd || !svc || sd.gen !== gen || sd.status !== 'IN_PROGRESS') return;
  requestPass(sim, svc);
}
