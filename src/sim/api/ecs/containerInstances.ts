import { deregister, startAgentUpdate } from '../../controllers/instances';
import { ApiError, invalidParameter } from '../../core/errors';
import { ClqError, evalClq, parseClq } from '../../placement/clq';
import { attributeMap } from '../../placement/place';
import { describeContainerInstance } from '../../queries/describe';
import { findContainerInstance } from '../../queries/lookups';
import type { EcsOperations } from './operation';
import { ecsPage } from './paging';
import { say } from '../../model/narration';

/** Container instances: describe, list (with cluster query language filters), drain, deregister. */
export const CONTAINER_INSTANCE_OPERATIONS = {
  DescribeContainerInstances(sim, input) {
    const cluster = sim.cluster(input.cluster);
    const out: unknown[] = [];
    const failures: unknown[] = [];
    for (const r of input.containerInstances) {
      const ci = findContainerInstance(sim, cluster.clusterArn, r);
      const visible = ci && (ci.status !== 'INACTIVE' || sim.now - (ci.deregisteredAtMs ?? 0) < sim.world.durations.describableAfterStopMs);
      if (ci && visible) out.push(describeContainerInstance(sim, ci));
      else failures.push({ arn: r, reason: 'MISSING' });
    }
    return { containerInstances: out, failures };
  },

  ListContainerInstances(sim, input) {
    const cluster = sim.cluster(input.cluster);
    const status = input.status;
    let filter: ReturnType<typeof parseClq> | undefined;
    if (input.filter) {
      try {
        filter = parseClq(input.filter);
      } catch (e) {
        if (e instanceof ClqError) throw invalidParameter(`Invalid filter expression '${String(input.filter)}': ${e.message} at position ${e.position}.`);
        throw e;
      }
    }
    const out: string[] = [];
    for (const a of cluster.instanceArns) {
      const ci = sim.world.containerInstances[a]!;
      if (status ? ci.status !== status : ci.status === 'INACTIVE') continue;
      if (filter) {
        const groups = new Set<string>();
        for (const ta of ci.taskArns) groups.add(sim.world.tasks[ta]!.group);
        const ok = evalClq(filter, {
          attributes: attributeMap(ci),
          agentConnected: ci.agentConnected,
          agentVersion: '1.87.1',
          ec2InstanceId: ci.ec2InstanceId,
          registeredAt: sim.world.epochSeconds + ci.registeredAtMs / 1000,
          runningTasksCount: ci.taskArns.filter((ta) => sim.world.tasks[ta]!.lastStatus === 'RUNNING').length,
          taskGroups: groups,
        });
        if (!ok) continue;
      }
      out.push(a);
    }
    return ecsPage(out, input, 'containerInstanceArns');
  },

  UpdateContainerInstancesState(sim, input) {
    const cluster = sim.cluster(input.cluster);
    const status = input.status;
    if (status !== 'ACTIVE' && status !== 'DRAINING') {
      throw invalidParameter(`Container instances can only be set to ACTIVE or DRAINING, not ${status}.`);
    }
    const out: unknown[] = [];
    const failures: unknown[] = [];
    for (const r of input.containerInstances) {
      const ci = findContainerInstance(sim, cluster.clusterArn, r);
      if (!ci || ci.status === 'INACTIVE') {
        failures.push({ arn: r, reason: 'MISSING' });
        continue;
      }
      if (ci.status !== status) {
        ci.status = status;
        ci.version++;
        sim.emit('ContainerInstanceStateChange', say('ContainerInstanceStateChange.status', { id: ci.ec2InstanceId, status }), {
          containerInstanceArn: ci.containerInstanceArn,
          ec2InstanceId: ci.ec2InstanceId,
          status,
        });
      }
      out.push(describeContainerInstance(sim, ci));
    }
    sim.notices.emit('clusterChanged', cluster.clusterArn);
    return { containerInstances: out, failures };
  },

  /**
   * UpdateContainerAgent (API:UpdateContainerAgent): an instance whose agent is older than the current
   * one updates it while its tasks run; the current agent has no update; arm64 instances and Managed
   * Instances (which AWS keeps up to date) do not take this API. [INF] the wording of the refusals.
   */
  UpdateContainerAgent(sim, input) {
    const cluster = sim.cluster(input.cluster);
    const ci = findContainerInstance(sim, cluster.clusterArn, input.containerInstance);
    if (!ci || ci.status === 'INACTIVE') throw invalidParameter('The specified container instance does not exist.');
    if (!ci.agentConnected) throw invalidParameter('The container agent of the instance is not connected: it cannot be updated now.');
    if (ci.attributes.some((a) => a.name === 'ecs.cpu-architecture' && a.value === 'arm64')) {
      throw invalidParameter('UpdateContainerAgent is not supported for container instances using the Amazon ECS-optimized Amazon Linux 2 (arm64) AMI. Update the ecs-init package instead.');
    }
    if (sim.world.ec2[ci.ec2InstanceId]?.managedBy) throw invalidParameter('The container agent of an Amazon ECS Managed Instances instance is updated by AWS.');
    if (ci.agentUpdateStatus === 'PENDING') throw new ApiError('UpdateInProgressException', 'There is already an update in progress for the container agent on this container instance.');
    if (!ci.agentVersion) throw new ApiError('NoUpdateAvailableException', 'There is no update available for your container agent.');
    startAgentUpdate(sim, ci);
    return { containerInstance: describeContainerInstance(sim, ci) };
  },

  DeregisterContainerInstance(sim, input) {
    const cluster = sim.cluster(input.cluster);
    const ci = findContainerInstance(sim, cluster.clusterArn, input.containerInstance);
    if (!ci || ci.status === 'INACTIVE') throw invalidParameter('The specified container instance does not exist.');
    deregister(sim, ci, input.force === true, 'api');
    return { containerInstance: describeContainerInstance(sim, ci) };
  },
} satisfies EcsOperations;
