import type { SimContext } from '../../model/context';
import type { PendingMap } from '../../model/pending';
import { indexTask } from '../../placement/place';
import { onlyLocal } from '../../queries/docker';
import { containersChanged } from '../../queries/demand';
import { ecrPull } from '../../queries/ecr';
import { taskDefinitionOf } from '../../queries/taskDefinitions';
import { startReady } from './containers';
import { imageBehavior, imageRef, setStatus, task } from './status';
import { containersStopped, stopTask } from './stop';

/** From PROVISIONING to created containers: the ENI, the image pull (or its failure), docker create, the dependency timeout. */

/** The ENI (or Fargate capacity) is ready: the task is PENDING and the agent starts the pull. */
export function provisioned(sim: SimContext, ev: PendingMap['task.provisioned']): void {
  const t = task(sim, ev.task);
  if (!t || t.lastStatus !== 'PROVISIONING') return;
  if (t.desiredStatus === 'STOPPED') return;
  setStatus(sim, t, 'PENDING');
  sim.engine.after(t.launchType === 'FARGATE' ? 0 : sim.world.durations.agentAckMs, { k: 'task.pull', task: t.taskArn });
}

/** The agent pulls the images: in parallel, from the cache where an EC2 instance has them; an image no registry has fails. */
export function pull(sim: SimContext, ev: PendingMap['task.pull']): void {
  const t = task(sim, ev.task);
  if (!t || t.lastStatus === 'STOPPED' || t.desiredStatus === 'STOPPED') return;
  const d = sim.world.durations;
  t.pullStartedAtMs = sim.now;
  const ci = t.containerInstanceArn ? sim.world.containerInstances[t.containerInstanceArn] : undefined;
  let longest = 0;
  for (const c of t.containers) {
    const b = imageBehavior(sim, c.image);
    const ecr = ecrPull(sim, c.image);
    // An image built on the local Docker host exists in no registry until it is pushed; an ECR image needs its repository and tag.
    if (b.exists === false || ecr.kind === 'not-found' || (ecr.kind === 'not-ecr' && onlyLocal(sim, c.image))) {
      sim.engine.after(d.pullFailMs, { k: 'task.pullFailed', task: t.taskArn, image: c.image });
      return;
    }
    if (ecr.kind === 'access-denied') {
      // [INF] containerd's wording for a registry that answers 403 to the manifest request.
      const reason = `CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref ${imageRef(c.image)}: pulling from host ${ecr.host} failed with status code [manifests ${ecr.reference}]: 403 Forbidden`;
      sim.engine.after(d.pullFailMs, { k: 'task.pullFailed', task: t.taskArn, image: c.image, reason });
      return;
    }
    if (ecr.kind === 'found') ecr.image.lastRecordedPullTimeMs = sim.now;
    const cached = ci && ci.ec2InstanceId && sim.world.ec2[ci.ec2InstanceId]?.imageCache.includes(c.image);
    const ms = b.pullSeconds !== undefined && !cached ? b.pullSeconds * 1000 : t.launchType === 'FARGATE' ? d.fargatePullMs : cached ? d.ec2CachedPullMs : d.ec2PullMs;
    if (ms > longest) longest = ms; // images pull in parallel [SIM]
  }
  sim.engine.after(longest, { k: 'task.pulled', task: t.taskArn });
}

/** A pull failed after the agent's retries: the task stops with CannotPullContainerError. */
export function pullFailed(sim: SimContext, ev: PendingMap['task.pullFailed']): void {
  const t = task(sim, ev.task);
  if (!t || t.lastStatus === 'STOPPED') return;
  const image = ev.image;
  const ref = imageRef(image);
  const reason = ev.reason ?? `CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref ${ref}: ${ref}: not found`;
  t.pullStoppedAtMs = sim.now;
  const c = t.containers.find((x) => x.image === image)!;
  c.reason = reason;
  if (t.desiredStatus === 'RUNNING') {
    t.desiredStatus = 'STOPPED';
    indexTask(sim.world, t, -1);
    t.stopCode = 'TaskFailedToStart';
    t.stoppedReason = reason;
  }
  for (const x of t.containers) x.state = 'STOPPED';
  containersChanged(t);
  containersStopped(sim, t);
}

/** The images are pulled (and cached on the instance): docker create follows. */
export function pulled(sim: SimContext, ev: PendingMap['task.pulled']): void {
  const t = task(sim, ev.task);
  if (!t || t.lastStatus === 'STOPPED' || t.desiredStatus === 'STOPPED') return;
  t.pullStoppedAtMs = sim.now;
  const inst = t.ec2InstanceId ? sim.world.ec2[t.ec2InstanceId] : undefined;
  for (const c of t.containers) {
    c.state = 'PULLED';
    if (inst && !inst.imageCache.includes(c.image)) inst.imageCache.push(c.image);
  }
  containersChanged(t);
  sim.engine.after(sim.world.durations.containerCreateMs, { k: 'task.created', task: t.taskArn });
}

/** The containers are created: those whose dependencies are met start. */
export function created(sim: SimContext, ev: PendingMap['task.created']): void {
  const t = task(sim, ev.task);
  if (!t || t.lastStatus === 'STOPPED' || t.desiredStatus === 'STOPPED') return;
  for (const c of t.containers) c.state = 'CREATED';
  containersChanged(t);
  startReady(sim, t);
  const td = taskDefinitionOf(sim, t);
  if (td?.containerDefinitions.some((c) => c.dependsOn?.length)) {
    sim.engine.after(sim.world.durations.startTimeoutMs, { k: 'task.depTimeout', task: t.taskArn });
  }
}

/** An essential container whose dependencies were not met within the start timeout: the task fails to start. */
export function dependencyTimeout(sim: SimContext, ev: PendingMap['task.depTimeout']): void {
  const t = task(sim, ev.task);
  if (!t || t.desiredStatus !== 'RUNNING' || t.reachedRunning) return;
  const waiting = t.containers.find((c) => c.state === 'CREATED' && c.essential);
  if (!waiting) return;
  // [INF] AWS does not document the text; the agent gives up on a container whose dependencies never resolve.
  waiting.reason = `DependencyTimeout: dependencies of container ${waiting.name} were not met within the start timeout`;
  stopTask(sim, t, 'TaskFailedToStart', `Task failed to start: dependencies of container ${waiting.name} were not met within the start timeout`);
}
