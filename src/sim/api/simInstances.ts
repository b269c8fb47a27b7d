import type { SimContext } from '../model/context';
import type { Operation } from './operation';
import { invalidParameter } from '../core/errors';
import { startEc2Instance } from '../controllers/instances';
import { INSTANCE_TYPES } from '../model/instanceTypes';
import { RANGES } from '../model/limits';
import { AGENT_VERSION } from '../model/agent';
import type { Ec2Instance } from '../model/types';

/**
 * sim.LaunchInstances, apart from the other simulator operations (api/sim.ts): the built-in scenario the page
 * opens with launches instances and calls nothing else of the namespace, so the first load has this one alone.
 */

interface LaunchInput {
  cluster?: string;
  instanceType?: string;
  count?: number;
  availabilityZone?: string;
  subnetId?: string;
  ec2InstanceIds?: string[];
  registeredResources?: { CPU?: number; MEMORY?: number };
  attributes?: Record<string, string>;
  reservedMemory?: number;
  reservedPorts?: number[];
  bootSeconds?: number;
  agentVersion?: string;
}

/** sim.LaunchInstances: starts EC2 instances whose agents join `cluster` after booting. */
function launchInstances(sim: SimContext, input: LaunchInput): Ec2Instance[] {
  const w = sim.world;
  const cluster = sim.cluster(input.cluster);
  const type = input.instanceType ?? 'm5.large';
  if (!INSTANCE_TYPES[type]) {
    throw invalidParameter(`Unknown instance type '${type}'. Known types: ${Object.keys(INSTANCE_TYPES).join(', ')}.`);
  }
  const count = input.count ?? input.ec2InstanceIds?.length ?? 1;
  if (!Number.isInteger(count) || count < 1 || count > 1000) throw invalidParameter('count must be an integer between 1 and 1000.');
  if (input.ec2InstanceIds && input.ec2InstanceIds.length !== count) throw invalidParameter('ec2InstanceIds must name exactly count instances.');
  const cap = RANGES.simInstancesInWorld.max;
  if (Object.keys(w.ec2).length + count > cap) throw invalidParameter(`The sandbox holds at most ${cap} EC2 instances (terminated ones included): launching ${count} more would pass it.`);
  const subnets = Object.values(w.subnets);
  let fixed = input.subnetId ? w.subnets[input.subnetId] : undefined;
  if (input.subnetId && !fixed) throw invalidParameter(`The subnet ID '${input.subnetId}' does not exist`);
  if (input.availabilityZone) {
    fixed = subnets.find((s) => s.availabilityZone === input.availabilityZone);
    if (!fixed) throw invalidParameter(`Invalid availability zone: [${input.availabilityZone}]`);
  }
  if (input.agentVersion !== undefined && (typeof input.agentVersion !== 'string' || !/^\d+\.\d+\.\d+$/.test(input.agentVersion))) {
    throw invalidParameter('agentVersion must be a container agent version such as 1.80.0.');
  }
  const boot = input.bootSeconds !== undefined ? input.bootSeconds * 1000 : w.durations.instanceBootMs;
  const out: Ec2Instance[] = [];
  const existing = Object.keys(w.ec2).length;
  for (let i = 0; i < count; i++) {
    const id = input.ec2InstanceIds?.[i] ?? `i-0${sim.hex(16)}`;
    if (w.ec2[id]) throw invalidParameter(`Instance ${id} already exists.`);
    // Without a zone, instances go round-robin across the AZs.
    const subnet = fixed ?? subnets[(existing + i) % subnets.length]!;
    out.push(
      startEc2Instance(sim, {
        id,
        instanceType: type,
        subnetId: subnet.subnetId,
        clusterArn: cluster.clusterArn,
        bootMs: boot,
        agentConfig: {
          reservedMemory: input.reservedMemory ?? 0,
          reservedPorts: input.reservedPorts ?? [22, 2375, 2376, 51678, 51679],
          reservedPortsUdp: [],
          instanceAttributes: input.attributes ?? {},
          ...(input.registeredResources ? { registeredResources: input.registeredResources } : {}),
          ...(typeof input.agentVersion === 'string' && input.agentVersion !== AGENT_VERSION ? { agentVersion: input.agentVersion } : {}),
        },
      }),
    );
  }
  return out;
}

/** sim.LaunchInstances: the instances started, as EC2 describes them. */
export const LAUNCH_INSTANCES: Operation = (sim, input) => {
  const out = launchInstances(sim, input as LaunchInput);
  return { instances: out.map((i) => ({ ec2InstanceId: i.ec2InstanceId, instanceType: i.instanceType, availabilityZone: i.availabilityZone, subnetId: i.subnetId, state: i.state })) };
};
