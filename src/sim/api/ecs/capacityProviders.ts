import { ApiError, invalidParameter } from '../../core/errors';
import { FARGATE_PROVIDERS } from '../../model/capacity';
import type { CapacityProvider } from '../../model/types';
import { describeCapacityProvider } from '../../queries/describe';
import type { EcsOperations } from './operation';

/** Capacity providers for Auto Scaling groups (FARGATE and FARGATE_SPOT exist in every account). */
export const CAPACITY_PROVIDER_OPERATIONS = {
  CreateCapacityProvider(sim, input) {
    const w = sim.world;
    const name = input.name;
    if (!/^[A-Za-z0-9_-]{1,255}$/.test(name)) throw invalidParameter('The capacity provider name can have up to 255 characters: letters, numbers, underscores and hyphens.');
    if (/^(aws|ecs|fargate)/i.test(name)) throw invalidParameter("The capacity provider name cannot start with 'aws', 'ecs', or 'fargate'.");
    if (w.capacityProviders[name]?.status === 'ACTIVE') throw invalidParameter('The specified capacity provider already exists. To change the configuration of an existing capacity provider, update the capacity provider.');
    if (input.managedInstancesProvider !== undefined) throw invalidParameter('Amazon ECS Managed Instances capacity providers are not simulated; use an Auto Scaling group provider.');
    const p = input.autoScalingGroupProvider;
    if (!p?.autoScalingGroupArn) throw invalidParameter('An Auto Scaling group provider with autoScalingGroupArn is required.');
    const asg = Object.values(w.autoScalingGroups).find((a) => a.AutoScalingGroupARN === p.autoScalingGroupArn || a.AutoScalingGroupName === p.autoScalingGroupArn);
    if (!asg) throw invalidParameter(`The specified Auto Scaling group ${p.autoScalingGroupArn} does not exist.`);
    if (Object.values(w.capacityProviders).some((c) => c.status === 'ACTIVE' && c.autoScalingGroupName === asg.AutoScalingGroupName)) {
      throw invalidParameter('The specified Auto Scaling group is already in use by another capacity provider.');
    }
    const ms = p.managedScaling ?? {};
    const managedScaling = {
      status: ms.status ?? 'DISABLED', targetCapacity: ms.targetCapacity ?? 100,
      minimumScalingStepSize: ms.minimumScalingStepSize ?? 1, maximumScalingStepSize: ms.maximumScalingStepSize ?? 10000,
      instanceWarmupPeriod: ms.instanceWarmupPeriod ?? 300,
    };
    if (managedScaling.minimumScalingStepSize > managedScaling.maximumScalingStepSize) throw invalidParameter('minimumScalingStepSize must be less than or equal to maximumScalingStepSize.');
    const mtp = p.managedTerminationProtection ?? 'DISABLED';
    if (mtp === 'ENABLED' && managedScaling.status !== 'ENABLED') {
      throw invalidParameter('The managed termination protection setting for the capacity provider is invalid. To enable managed termination protection for a capacity provider, managed scaling must also be enabled.');
    }
    if (mtp === 'ENABLED' && !asg.NewInstancesProtectedFromScaleIn) {
      throw invalidParameter('The managed termination protection setting for the capacity provider is invalid. To enable managed termination protection for a capacity provider, the Auto Scaling group must have instance protection from scale in enabled.');
    }
    const cp: CapacityProvider = {
      name, capacityProviderArn: sim.arn(`capacity-provider/${name}`), status: 'ACTIVE', autoScalingGroupName: asg.AutoScalingGroupName,
      managedScaling, managedTerminationProtection: mtp, lowMinutes: 0, tags: input.tags ?? [],
    };
    w.capacityProviders[name] = cp;
    // Instances already registered from the group now belong to the provider.
    for (const i of asg.Instances) {
      const a = w.ec2[i.InstanceId]?.containerInstanceArn;
      const ci = a ? w.containerInstances[a] : undefined;
      if (ci) ci.capacityProviderName = name;
    }
    sim.emit('CapacityProviderCreated', `Capacity provider ${name} uses Auto Scaling group ${asg.AutoScalingGroupName} (managed scaling ${managedScaling.status}, target ${managedScaling.targetCapacity} %).`, { name });
    return { capacityProvider: describeCapacityProvider(sim, name) };
  },

  UpdateCapacityProvider(sim, input) {
    const cp = sim.world.capacityProviders[input.name];
    if (!cp || cp.status !== 'ACTIVE') throw invalidParameter('The specified capacity provider does not exist. Specify a valid capacity provider and try again.');
    const p = input.autoScalingGroupProvider;
    if (p?.managedScaling) cp.managedScaling = { ...cp.managedScaling, ...p.managedScaling };
    if (p?.managedTerminationProtection) cp.managedTerminationProtection = p.managedTerminationProtection;
    return { capacityProvider: describeCapacityProvider(sim, cp.name) };
  },

  DeleteCapacityProvider(sim, input) {
    const name = input.capacityProvider;
    const cp = sim.world.capacityProviders[name];
    if (!cp || cp.status !== 'ACTIVE') throw invalidParameter('The specified capacity provider does not exist. Specify a valid capacity provider and try again.');
    if (Object.values(sim.world.clusters).some((c) => c.status === 'ACTIVE' && c.capacityProviders.includes(name))) {
      throw new ApiError('ResourceInUseException', 'The specified capacity provider is in use and cannot be removed.');
    }
    cp.status = 'INACTIVE';
    return { capacityProvider: describeCapacityProvider(sim, name) };
  },

  DescribeCapacityProviders(sim, input) {
    const names = input.capacityProviders ?? [...FARGATE_PROVIDERS, ...Object.values(sim.world.capacityProviders).filter((c) => c.status === 'ACTIVE').map((c) => c.name)];
    const capacityProviders: unknown[] = [];
    const failures: unknown[] = [];
    for (const n of names) {
      const name = n.startsWith('arn:') ? n.slice(n.lastIndexOf('/') + 1) : n;
      if (FARGATE_PROVIDERS.includes(name) || sim.world.capacityProviders[name]) capacityProviders.push(describeCapacityProvider(sim, name));
      else failures.push({ arn: n.startsWith('arn:') ? n : sim.arn(`capacity-provider/${n}`), reason: 'MISSING' });
    }
    return { capacityProviders, failures };
  },
} satisfies EcsOperations;
