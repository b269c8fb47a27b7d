/**
 * Every kind of pending work the engine's queue holds, with its fields. A pending event is plain
 * data (never a closure), so a run can be snapshotted and restored; `gen` fields let a handler
 * ignore work that a later change made stale.
 */
export interface PendingMap {
  // the task lifecycle (controllers/tasks)
  'task.provisioned': { task: string };
  'task.pull': { task: string };
  /** `reason`: why the registry refused the pull (CannotPullContainerError's text); without it, the image was not found. */
  'task.pullFailed': { task: string; image: string; reason?: string };
  'task.pulled': { task: string };
  'task.created': { task: string };
  'task.depTimeout': { task: string };
  'task.stop': { task: string };
  'task.deprovisioned': { task: string };
  'ctr.start': { task: string; ctr: string };
  'ctr.exit': { task: string; ctr: string; code: number; run?: number };
  'ctr.health': { task: string; ctr: string; run?: number };
  // waiting for capacity and cluster auto scaling (controllers/cas)
  'task.provisionTimeout': { task: string };
  'cluster.placeWaiting': { cluster: string };
  'cluster.provision': { cluster: string; capacityProvider: string };
  // the service scheduler (controllers/services)
  'svc.pass': { svc: string };
  'svc.wake': { svc: string };
  /** The end of a task's healthCheckGracePeriodSeconds, for a task that failed its health checks inside it. */
  'svc.graceEnd': { svc: string; task: string };
  // service deployments: a step's wait, a Lambda hook's invocation, a hook's timeout (controllers/services)
  'sdep.step': { sd: string; gen: number };
  'sdep.hook': { sd: string; hook: string };
  'sdep.hookTimeout': { sd: string; hook: string };
  // an Express service being deleted: its load balancer resources go once its tasks have stopped (api/ecs/express)
  'express.cleanup': { svc: string };
  // EC2 instances and their agents (controllers/instances), Auto Scaling groups (controllers/asg)
  'inst.boot': { id: string; gen: number };
  'agent.timeout': { ci: string; gen: number };
  'agent.connect': { ci: string; gen: number };
  'agent.restore': { ci: string };
  'agent.update': { ci: string };
  'asg.reconcile': { name: string };
  // the minute clock (controllers/metrics) and scheduled scaling (controllers/autoscaling)
  'metrics.tick': Record<never, never>;
  'aas.scheduled': { name: string; resource: string; gen: number };
  // load balancer health checks (controllers/elb)
  'elb.check': { tg: string; id: string; port: number; gen: number };
  'elb.tick': { tg: string };
  // EventBridge scheduled rules (api/events)
  'events.fire': { rule: string; gen: number };
  // the local Docker host (controllers/docker)
  'docker.traffic': { port: number; gen: number };
  'docker.ready': { container: string; gen: number };
  'docker.connect': { container: string; gen: number };
  'docker.exit': { container: string; gen: number; code: number };
  'docker.stopped': { container: string; gen: number; code: number };
  'docker.restart': { container: string; gen: number };
  'docker.health': { container: string; gen: number };
}

export type PendingKind = keyof PendingMap;

/** One pending event: its kind `k` and that kind's fields. */
export type PendingEvent = { [K in PendingKind]: { k: K } & PendingMap[K] }[PendingKind];

/** Every pending kind with the module that handles it, so the composition root can check each has its handler. */
export const PENDING_HANDLERS: Record<PendingKind, string> = {
  'task.provisioned': 'controllers/tasks',
  'task.pull': 'controllers/tasks',
  'task.pullFailed': 'controllers/tasks',
  'task.pulled': 'controllers/tasks',
  'task.created': 'controllers/tasks',
  'task.depTimeout': 'controllers/tasks',
  'task.stop': 'controllers/tasks',
  'task.deprovisioned': 'controllers/tasks',
  'ctr.start': 'controllers/tasks',
  'ctr.exit': 'controllers/tasks',
  'ctr.health': 'controllers/tasks',
  'task.provisionTimeout': 'controllers/cas',
  'cluster.placeWaiting': 'controllers/cas',
  'cluster.provision': 'controllers/cas',
  'svc.pass': 'controllers/services',
  'svc.wake': 'controllers/services',
  'svc.graceEnd': 'controllers/services',
  'sdep.step': 'controllers/services',
  'sdep.hook': 'controllers/services',
  'sdep.hookTimeout': 'controllers/services',
  'express.cleanup': 'api/ecs/express',
  'inst.boot': 'controllers/instances',
  'agent.timeout': 'controllers/instances',
  'agent.connect': 'controllers/instances',
  'agent.restore': 'controllers/instances',
  'agent.update': 'controllers/instances',
  'asg.reconcile': 'controllers/asg',
  'metrics.tick': 'controllers/metrics',
  'aas.scheduled': 'controllers/autoscaling',
  'elb.check': 'controllers/elb',
  'elb.tick': 'controllers/elb',
  'events.fire': 'api/events',
  'docker.traffic': 'controllers/docker',
  'docker.ready': 'controllers/docker',
  'docker.connect': 'controllers/docker',
  'docker.exit': 'controllers/docker',
  'docker.stopped': 'controllers/docker',
  'docker.restart': 'controllers/docker',
  'docker.health': 'controllers/docker',
};
