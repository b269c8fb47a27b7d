import type { WorldState } from '../model/world';

/**
 * Task scale-in protection (ecs-spec §13.3, DG:task-scale-in-protection): a task set protected by
 * UpdateTaskProtection stays protected until its expiry (2 hours by default, at most 2,880 minutes),
 * after which ECS clears protectionEnabled. Service scale-in and deployments read this.
 */

/** Whether the task is protected from scale-in and deployments at `now` (ms of simulated time). */
export function isProtected(w: WorldState, taskArn: string, now: number): boolean {
  const t = Object.hasOwn(w.tasks, taskArn) ? w.tasks[taskArn] : undefined;
  return t !== undefined && t.protectedUntilMs !== undefined && now < t.protectedUntilMs && t.desiredStatus === 'RUNNING';
}

/** When the task's protection ends (ms of simulated time), or undefined when it is not protected at `now`. */
export function protectionExpiry(w: WorldState, taskArn: string, now: number): number | undefined {
  return isProtected(w, taskArn, now) ? w.tasks[taskArn]!.protectedUntilMs : undefined;
}
