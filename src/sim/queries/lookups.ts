import type { SimContext } from '../model/context';
import type { ContainerInstance } from '../model/types';

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
