import type { SimContext } from '../model/context';
import type { Cluster, ContainerInstance, Service, Task } from '../model/types';

/** Finding records by the references requests give (ARN, id, name). */

/** Finds an ACTIVE/DRAINING container instance by ARN, id, or (simulator operations) EC2 instance id. */
export function findContainerInstance(sim: SimContext, clusterArn: string, ref: string, allowEc2Id = false): ContainerInstance | undefined {
  const w = sim.world;
  if (ref.startsWith('arn:')) {
    const ci = w.containerInstances[ref];
    return ci && ci.clusterArn === clusterArn ? ci : undefined;
  }
  if (allowEc2Id && ref.startsWith('i-')) {
    const a = w.ec2[ref]?.containerInstanceArn;
    const ci = a ? w.containerInstances[a] : undefined;
    return ci && ci.clusterArn === clusterArn ? ci : undefined;
  }
  const cluster = w.clusters[clusterArn]!;
  return w.containerInstances[sim.arn(`container-instance/${cluster.clusterName}/${ref}`)];
}

/** Container instances of a cluster that are not INACTIVE. */
export function activeInstanceCount(sim: SimContext, c: Cluster): number {
  let n = 0;
  for (const a of c.instanceArns) if (sim.world.containerInstances[a]?.status !== 'INACTIVE') n++;
  return n;
}

/** A task of the cluster by ARN or id. */
export function findTask(sim: SimContext, cluster: Cluster, ref: string): Task | undefined {
  if (ref.startsWith('arn:')) {
    const t = sim.world.tasks[ref];
    return t && t.clusterArn === cluster.clusterArn ? t : undefined;
  }
  return sim.world.tasks[sim.arn(`task/${cluster.clusterName}/${ref}`)];
}

/** Whether DescribeTasks and ListTasks still show a task (stopped ones for an hour). */
export function visibleTask(sim: SimContext, t: Task): boolean {
  return t.lastStatus !== 'STOPPED' || sim.now - (t.stoppedAtMs ?? 0) < sim.world.durations.describableAfterStopMs;
}

/** A service of the cluster by ARN or name. */
export function findService(sim: SimContext, cluster: Cluster, ref: string): Service | undefined {
  const key = ref.startsWith('arn:') ? ref : sim.arn(`service/${cluster.clusterName}/${ref}`);
  const s = sim.world.services[key];
  return s && s.clusterArn === cluster.clusterArn ? s : undefined;
}
