import type { SimContext } from '../../model/context';
import { containerExit, containerStart, healthCheck } from './containers';
import { created, dependencyTimeout, provisioned, pull, pullFailed, pulled } from './lifecycle';
import { deprovisioned, stopRequested } from './stop';

export { bindTask, createTask, type CreateTaskOptions } from './create';
export { checkMemory, exitContainer } from './containers';
export { imageRef } from './status';
export { killTask, killTasksOnHost, stopTask } from './stop';

/** The handlers of the task lifecycle's pending work. */
export function registerTaskHandlers(sim: SimContext): void {
  const e = sim.engine;
  e.on('task.provisioned', (ev) => provisioned(sim, ev));
  e.on('task.pull', (ev) => pull(sim, ev));
  e.on('task.pullFailed', (ev) => pullFailed(sim, ev));
  e.on('task.pulled', (ev) => pulled(sim, ev));
  e.on('task.created', (ev) => created(sim, ev));
  e.on('task.depTimeout', (ev) => dependencyTimeout(sim, ev));
  e.on('ctr.start', (ev) => containerStart(sim, ev));
  e.on('ctr.exit', (ev) => containerExit(sim, ev));
  e.on('ctr.health', (ev) => healthCheck(sim, ev));
  e.on('task.stop', (ev) => stopRequested(sim, ev));
  e.on('task.deprovisioned', (ev) => deprovisioned(sim, ev));
}
