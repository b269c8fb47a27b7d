import type { SimContext } from '../../model/context';
import type { ImageBehavior, Task, TaskStatus } from '../../model/types';
import { say } from '../../model/narration';
import { forgetQuietTicks } from '../../queries/targets';

/**
 * The task lifecycle as the agent and ECS drive it (ecs-spec §4): PROVISIONING → PENDING (pull,
 * create; the agent's internal states all report PENDING) → RUNNING → STOPPING → DEPROVISIONING →
 * STOPPED, with dependsOn gating container start, container health checks, essential-container
 * exits and the SIGTERM → SIGKILL stop timeout. Every wait is a pending event in the queue.
 * This file: what the other parts of the lifecycle share.
 */

/** docker.io normalization of an image reference, as pull errors print it. */
export function imageRef(image: string): string {
  let ref = image;
  const first = ref.split('/')[0]!;
  const hasRegistry = ref.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (!hasRegistry) ref = `docker.io/${ref.includes('/') ? '' : 'library/'}${ref}`;
  const last = ref.slice(ref.lastIndexOf('/') + 1);
  if (!last.includes(':') && !last.includes('@')) ref += ':latest';
  return ref;
}

export function imageBehavior(sim: SimContext, image: string): ImageBehavior {
  return sim.world.images[image] ?? {};
}

/** The task a pending event names, if it still exists. */
export function task(sim: SimContext, arn: string): Task | undefined {
  return sim.world.tasks[arn];
}

/** Sets a task's lastStatus, writes the event and tells the listeners of `taskChanged`. */
export function setStatus(sim: SimContext, t: Task, s: TaskStatus): void {
  if (t.lastStatus === s) return;
  if (t.lastStatus === 'PROVISIONING') t.connectedAtMs ??= sim.now;
  t.lastStatus = s;
  t.version++;
  forgetQuietTicks(sim, t);
  sim.emit(
    'TaskStateChange',
    t.ec2InstanceId ? say('TaskStateChange.on', { id: t.id, family: t.family, status: s, instance: t.ec2InstanceId }) : say('TaskStateChange.in', { id: t.id, family: t.family, status: s, zone: t.availabilityZone }),
    {
      taskArn: t.taskArn,
      lastStatus: s,
      desiredStatus: t.desiredStatus,
      group: t.group,
      ...(t.stopCode ? { stopCode: t.stopCode } : {}),
      ...(s === 'STOPPED' && t.stoppedReason ? { stoppedReason: t.stoppedReason } : {}),
    },
  );
  sim.notices.emit('taskChanged', t);
}
