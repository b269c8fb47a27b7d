import type { ContainerInstance, Ec2Instance, Service, Task } from './types';

/**
 * What one part of the engine tells the others, by notice, with its payload. The composition root
 * (sim.ts) subscribes the listeners of each notice in a fixed order.
 */
export interface NoticeMap {
  /** A task's status, health or desired status changed, or it was given its instance. */
  taskChanged: Task;
  /** A task's health status changed (before `taskChanged`). */
  taskHealthChanged: Task;
  /** A task was asked to stop: it leaves service discovery and its load balancer targets start draining. */
  taskStopping: Task;
  /** A task's host is gone: the task stops at once, without draining. */
  taskKilled: Task;
  /** A stopping task has drained its load balancer targets; its containers are stopped next. */
  taskDrained: Task;
  /** A container instance is gone or stopped: every task on it stops at once. */
  hostLost: { instance: ContainerInstance; reason: string };
  /** Something changed in a cluster (an instance registered, drained, disconnected, its attributes): re-run its scheduling. */
  clusterChanged: string;
  /** An EC2 instance was terminated. */
  instanceTerminated: Ec2Instance;
  /** Auto scaling set a service's desired count. */
  desiredCountChanged: Service;
  /** A line for a service's event list (a load balancer registered or drained its targets, …). */
  serviceEvent: { service: Service; message: string };
  /** A minute of simulated time has passed: the per-minute work (metrics, cost, alarms, cluster auto scaling). */
  minuteTicked: undefined;
  /** A deployment moves traffic: the forward action of a listener rule gets these target-group weights. */
  forwardWeights: { ruleArn: string; weights: { targetGroupArn: string; weight: number }[] };
}

const KINDS: Record<keyof NoticeMap, true> = {
  taskChanged: true,
  taskHealthChanged: true,
  taskStopping: true,
  taskKilled: true,
  taskDrained: true,
  hostLost: true,
  clusterChanged: true,
  instanceTerminated: true,
  desiredCountChanged: true,
  serviceEvent: true,
  minuteTicked: true,
  forwardWeights: true,
};

/** Every notice, so that the composition root can check each has its listeners. */
export const NOTICE_KINDS = Object.keys(KINDS) as (keyof NoticeMap)[];
