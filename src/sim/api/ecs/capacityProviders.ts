import { ApiError, invalidParameter } from '../../core/errors';
import { own, setOwn } from '../../core/own';
import { FARGATE_PROVIDERS } from '../../model/capacity';
import type { CapacityProvider } from '../../model/types';
import { describeCapacityProvider } from '../../queries/describe';
import { createManagedInstancesProvider, deleteManagedInstancesProvider, sameCluster, updateManagedInstancesProvider } from './managedInstances';
import type { EcsOperations } from './operation';
import { checkTags } from './tags';
import { say } from '../../model/narration';

/** Capacity providers: Auto Scaling groups and Amazon ECS Managed Instances (FARGATE and FARGATE_SPOT exist in every account). */
export const CAPACITY_PROVIDER_OPERATIONS = {
  CreateCapacityProvider(sim, input) {
    const w = sim.world;
    const name = input.name;
    if (!/^[A-Za-z0-9_-]{1,255}$/.test(name)) throw invalidParameter('The capacity provider name can have up to 255 characters: letters, numbers, underscores and hyphens.');
    if (/^(aws|ecs|fargate)/i.test(name)) throw invalidParameter("The capacity provider name cannot start with 'aws', 'ecs', or 'fargate'.");
    if (own(w.capacityProviders, name)?.status === 'ACTIVE') throw invalidParameter('The specified capacity provider already exists. To change the configuration of an existing capacity provider, update the capacity provider.');
    if (input.managedInstancesProvider !== undefined) {
      if (input.autoScalingGroupProvider !== undefined) throw invalidParameter('Specify either an Auto Scaling group provider or a Managed Instances provider, not both.');
      return { capacityProvider: createManagedInstancesProvider(sim, name, input.managedInstancesProvider, input.cluster, checkTags(input.tags ?? [])) };
    }
    const p = input.autoScalingGroupProvider;
    if (!p?.autoScalingGroupArn) throw invalidParameter('An Auto Scaling group provider with autoScalingGroupArn is required.');
    const asg = Object.values(w.autoScalingGroups).find((a) => a.AutoScalingGroupARN === p.autoScalingGroupArn || a.AutoScalingGroupName === p.autoScalingGroupArn);
    if (!asg) throw invalidParameter(`The specified Auto Scaling group ${p.autoScalingGroupArn} does not exist.`);
    if (Object.values(w.capacityProviders).some((c) => c.status === 'ACTIVE' && c.autoScalingGroupName === asg.AutoScalingGroupName)) {
      throw invalidParameter('The specified Auto Scaling group is already in use by another capacity provider.');
    }
    const ms = p.managedScaling ?? {};
    const managedScaling = {
      status: ms.status ?? 'DISABLED',
      targetCapacity: ms.targetCapacity ?? 100,
      minimumScalingStepSize: ms.minimumScalingStepSize ?? 1,
      maximumScalingStepSize: ms.maximumScalingStepSize ?? 10000,
      instanceWarmupPeriod: ms.instanceWarmupPeriod ?? 300,
    };
    if (managedScaling.minimumScalingStepSize > managedScaling.maximumScalingStepSize) throw invalidParameter('minimumScalingStepSize must be less than or equal to maximumScalingStepSize.');
    const mtp = p.managedTerminationProtection ?? 'DISABLED';
    if (mtp === 'ENABLED' && managedScaling.status !== 'ENABLED') {
      throw invalidParameter('The managed termination protection setting for the capacity provider is invalid. To enable managed termination protection for a capacity provider, managed scaling must also be enabled.');
    }
    if (mtp === 'ENABLED' && !asg.NewInstancesProtectedFromScaleIn) {
      throw invalidParameter(
        'The managed termination protection setting for the capacity provider is invalid. To enable managed termination protection for a capacity provider, the Auto Scaling group must have instance protection from scale in enabled.',
      );
    }
    const cp: CapacityProvider = {
      name,
      capacityProviderArn: sim.arn(`capacity-provider/${name}`),
      status: 'ACTIVE',
      autoScalingGroupName: asg.AutoScalingGroupName,
      managedScaling,
      managedTerminationProtection: mtp,
      lowMinutes: 0,
      tags: checkTags(input.tags ?? []),
    };
    setOwn(w.capacityProviders, name, cp);
    // Instances already registered from the group now belong to the provider.
    for (const i of asg.Instances) {
      const a = w.ec2[i.InstanceId]?.containerInstanceArn;
      const ci = a ? w.containerInstances[a] : undefined;
      if (ci) ci.capacityProviderName = name;
    }
    sim.emit('CapacityProviderCreated', say('CapacityProviderCreated.asg', { name, group: asg.AutoScalingGroupName, status: managedScaling.status, target: managedScaling.targetCapacity }), { name });
    return { capacityProvider: describeCapacityProvider(sim, name) };
  },

  UpdateCapacityProvider(sim, input) {
    const cp = own(sim.world.capacityProviders, input.name);
    if (!cp || cp.status !== 'ACTIVE') throw invalidParameter('The specified capacity provider does not exist. Specify a valid capacity provider and try again.');
    if (cp.managedInstances) {
      if (input.autoScalingGroupProvider) throw invalidParameter('The capacity provider is a Managed Instances provider: update its managedInstancesProvider.');
      if (input.managedInstancesProvider) updateManagedInstancesProvider(sim, cp, input.managedInstancesProvider);
      return { capacityProvider: describeCapacityProvider(sim, cp.name) };
    }
    if (input.managedInstancesProvider) throw invalidParameter('The capacity provider uses an Auto Scaling group: update its autoScalingGroupProvider.');
    const p = input.autoScalingGroupProvider;
    if (p?.managedScaling) cp.managedScaling = { ...cp.managedScaling, ...p.managedScaling };
    if (p?.managedTerminationProtection) cp.managedTerminationProtection = p.managedTerminationProtection;
    return { capacityProvider: describeCapacityProvider(sim, cp.name) };
  },

  DeleteCapacityProvider(sim, input) {
    const ref = input.capacityProvider;
    const name = ref.startsWith('arn:') ? ref.slice(ref.lastIndexOf('/') + 1) : ref;
    const cp = own(sim.world.capacityProviders, name);
    if (!cp || cp.status !== 'ACTIVE') throw invalidParameter('The specified capacity provider does not exist. Specify a valid capacity provider and try again.');
    if (cp.managedInstances) {
      deleteManagedInstancesProvider(sim, cp);
      return { capacityProvider: describeCapacityProvider(sim, name) };
    }
    if (Object.values(sim.world.clusters).some((c) => c.status === 'ACTIVE' && c.capacityProviders.includes(name))) {
      throw new ApiError('ResourceInUseException', 'The specified capacity provider is in use and cannot be removed.');
    }
    cp.status = 'INACTIVE';
    return { capacityProvider: describeCapacityProvider(sim, name) };
  },

  DescribeCapacityProviders(sim, input) {
    // A Managed Instances provider is listed with its cluster only when the request names that cluster (or the provider).
    const names = input.capacityProviders ?? [
      ...FARGATE_PROVIDERS,
      ...Object.values(sim.world.capacityProviders)
        .filter((c) => c.status === 'ACTIVE' && (!c.managedInstances || input.cluster === undefined || sameCluster(sim, c.managedInstances.cluster, input.cluster)))
        .map((c) => c.name),
    ];
    const capacityProviders: unknown[] = [];
    const failures: unknown[] = [];
    for (const n of names) {
      const name = n.startsWith('arn:') ? n.slice(n.lastIndexOf('/') + 1) : n;
      if (FARGATE_PROVIDERS.includes(name) || own(sim.world.capacityProviders, name)) capacityProviders.push(describeCapacityProvider(sim, name));
      else failures.push({ arn: n.startsWith('arn:') ? n : sim.arn(`capacity-provider/${n}`), reason: 'MISSING' });
    }
    return { capacityProviders, failures };
  },
} satisfies EcsOperations;
