import type { SimContext } from '../model/context';
import type { Operation } from './operation';
import { own, setOwn } from '../core/own';
import { ApiError, invalidParameter } from '../core/errors';
import { INSTANCE_TYPES } from '../model/instanceTypes';
import type { AutoScalingGroup, CapacityProvider } from '../model/types';
import { reconcileAsg, setDesiredCapacity } from '../controllers/asg';
import { describeCapacityProvider } from '../queries/describe';

/** EC2 launch templates (`ec2.`), Auto Scaling groups (`autoscaling.`) and ECS capacity providers for them. */

const asgError = (m: string) => new ApiError('ValidationError', m);

function need<T>(input: Record<string, unknown>, name: string, type: 'string' | 'number' | 'object', err: (m: string) => ApiError): T {
  const v = input[name];
  if (v === undefined || v === null) throw err(`The parameter ${name} is required.`);
  if (typeof v !== type) throw err(`${name} must be a ${type}.`);
  return v as T;
}

function asgOf(sim: SimContext, name: unknown): AutoScalingGroup {
  const asg = own(sim.world.autoScalingGroups, name);
  if (!asg) throw asgError(`AutoScalingGroup name not found - AutoScalingGroup ${String(name)} not found`);
  return asg;
}

function describeAsg(sim: SimContext, asg: AutoScalingGroup) {
  const w = sim.world;
  return {
    AutoScalingGroupName: asg.AutoScalingGroupName, AutoScalingGroupARN: asg.AutoScalingGroupARN,
    LaunchTemplate: { LaunchTemplateName: asg.LaunchTemplateName, LaunchTemplateId: w.launchTemplates[asg.LaunchTemplateName]?.LaunchTemplateId, Version: '$Default' },
    MinSize: asg.MinSize, MaxSize: asg.MaxSize, DesiredCapacity: asg.DesiredCapacity,
    AvailabilityZones: [...new Set(asg.subnets.map((s) => w.subnets[s]!.availabilityZone))], VPCZoneIdentifier: asg.subnets.join(','),
    Instances: asg.Instances.map((i) => {
      const inst = w.ec2[i.InstanceId]!;
      return {
        InstanceId: i.InstanceId, InstanceType: inst.instanceType, AvailabilityZone: inst.availabilityZone,
        LifecycleState: inst.state === 'pending' ? 'Pending' : inst.state === 'running' ? 'InService' : 'Terminating',
        HealthStatus: 'Healthy', ProtectedFromScaleIn: i.ProtectedFromScaleIn,
      };
    }),
    NewInstancesProtectedFromScaleIn: asg.NewInstancesProtectedFromScaleIn, HealthCheckType: 'EC2', CreatedTime: sim.ts(asg.CreatedMs),
  };
}

export const EC2_OPERATIONS: Record<string, Operation> = {
  CreateLaunchTemplate(sim, input) {
    const ec2Error = (m: string) => new ApiError('InvalidParameterValue', m);
    const name = need<string>(input, 'LaunchTemplateName', 'string', ec2Error);
    if (sim.world.launchTemplates[name]) throw new ApiError('InvalidLaunchTemplateName.AlreadyExistsException', `Launch template name already in use.`);
    const data = need<Record<string, unknown>>(input, 'LaunchTemplateData', 'object', ec2Error);
    const type = data.InstanceType as string | undefined;
    if (!type || !INSTANCE_TYPES[type]) throw ec2Error(`Invalid value '${String(type)}' for InstanceType. Known types: ${Object.keys(INSTANCE_TYPES).join(', ')}.`);
    const lt = { LaunchTemplateName: name, LaunchTemplateId: `lt-0${sim.hex(16)}`, InstanceType: type, UserData: (data.UserData as string | undefined) ?? '', CreateMs: sim.now };
    sim.world.launchTemplates[name] = lt;
    return { LaunchTemplate: { LaunchTemplateId: lt.LaunchTemplateId, LaunchTemplateName: name, DefaultVersionNumber: 1, LatestVersionNumber: 1, CreateTime: sim.ts(sim.now) } };
  },
};

export const AUTOSCALING_OPERATIONS: Record<string, Operation> = {
  CreateAutoScalingGroup(sim, input) {
    const w = sim.world;
    const name = need<string>(input, 'AutoScalingGroupName', 'string', asgError);
    if (own(w.autoScalingGroups, name)) throw new ApiError('AlreadyExists', `AutoScalingGroup by this name already exists - A group with the name ${name} already exists`);
    const min = need<number>(input, 'MinSize', 'number', asgError);
    const max = need<number>(input, 'MaxSize', 'number', asgError);
    const desired = (input.DesiredCapacity as number | undefined) ?? min;
    if (min > max) throw asgError(`The minimum size (${min}) must be less than or equal to the maximum size (${max}).`);
    if (desired < min || desired > max) throw asgError(`Desired capacity:${desired} must be between the specified min size:${min} and max size:${max}`);
    const mixed = input.MixedInstancesPolicy as { LaunchTemplate?: { LaunchTemplateSpecification?: { LaunchTemplateName?: string }; Overrides?: { InstanceType?: string }[] } } | undefined;
    const spec = (input.LaunchTemplate as { LaunchTemplateName?: string; LaunchTemplateId?: string } | undefined) ?? mixed?.LaunchTemplate?.LaunchTemplateSpecification;
    if (!spec) throw asgError('Valid requests must contain either LaunchTemplate, LaunchConfigurationName, InstanceId or MixedInstancesPolicy parameter.');
    const lt = Object.values(w.launchTemplates).find((t) => t.LaunchTemplateName === spec.LaunchTemplateName || t.LaunchTemplateId === (spec as { LaunchTemplateId?: string }).LaunchTemplateId);
    if (!lt) throw asgError(`The specified launch template, with template name ${spec.LaunchTemplateName ?? ''}, does not exist.`);
    const overrides = (mixed?.LaunchTemplate?.Overrides ?? []).map((o) => o.InstanceType ?? '');
    for (const t of overrides) if (!INSTANCE_TYPES[t]) throw asgError(`Invalid instance type ${t} in the MixedInstancesPolicy overrides.`);
    const subnets = typeof input.VPCZoneIdentifier === 'string'
      ? input.VPCZoneIdentifier.split(',').map((s) => s.trim()).filter(Boolean)
      : Object.values(w.subnets).filter((s) => !input.AvailabilityZones || (input.AvailabilityZones as string[]).includes(s.availabilityZone)).map((s) => s.subnetId);
    for (const s of subnets) if (!w.subnets[s]) throw asgError(`The subnet ID '${s}' does not exist`);
    if (subnets.length === 0) throw asgError('At least one Availability Zone or VPC Subnet is required.');
    const asg: AutoScalingGroup = {
      AutoScalingGroupName: name, AutoScalingGroupARN: `arn:aws:autoscaling:${w.region}:${w.account}:autoScalingGroup:${sim.uuid()}:autoScalingGroupName/${name}`,
      LaunchTemplateName: lt.LaunchTemplateName, instanceTypes: overrides.length ? overrides : [lt.InstanceType],
      MinSize: min, MaxSize: max, DesiredCapacity: desired, subnets, NewInstancesProtectedFromScaleIn: input.NewInstancesProtectedFromScaleIn === true,
      Instances: [], CreatedMs: sim.now,
    };
    setOwn(w.autoScalingGroups, name, asg);
    sim.emit('AsgCreated', `Auto Scaling group ${name}: ${asg.instanceTypes.join(', ')}, ${min}-${max} instances, desired ${desired}.`, { autoScalingGroupName: name });
    reconcileAsg(sim, asg);
    return {};
  },

  UpdateAutoScalingGroup(sim, input) {
    const asg = asgOf(sim, input.AutoScalingGroupName);
    const min = (input.MinSize as number | undefined) ?? asg.MinSize;
    const max = (input.MaxSize as number | undefined) ?? asg.MaxSize;
    if (min > max) throw asgError(`The minimum size (${min}) must be less than or equal to the maximum size (${max}).`);
    asg.MinSize = min;
    asg.MaxSize = max;
    if (typeof input.NewInstancesProtectedFromScaleIn === 'boolean') asg.NewInstancesProtectedFromScaleIn = input.NewInstancesProtectedFromScaleIn;
    const desired = (input.DesiredCapacity as number | undefined) ?? Math.max(min, Math.min(max, asg.DesiredCapacity));
    if (desired < min || desired > max) throw asgError(`Desired capacity:${desired} must be between the specified min size:${min} and max size:${max}`);
    setDesiredCapacity(sim, asg, desired, 'UpdateAutoScalingGroup');
    return {};
  },

  SetDesiredCapacity(sim, input) {
    const asg = asgOf(sim, input.AutoScalingGroupName);
    const n = need<number>(input, 'DesiredCapacity', 'number', asgError);
    if (n < asg.MinSize || n > asg.MaxSize) throw asgError(`New SetDesiredCapacity value ${n} is below min value ${asg.MinSize} or above max value ${asg.MaxSize} for the AutoScalingGroup.`);
    setDesiredCapacity(sim, asg, n, 'SetDesiredCapacity');
    return {};
  },

  SetInstanceProtection(sim, input) {
    const asg = asgOf(sim, input.AutoScalingGroupName);
    const ids = (input.InstanceIds as string[] | undefined) ?? [];
    for (const id of ids) {
      const i = asg.Instances.find((x) => x.InstanceId === id);
      if (!i) throw asgError(`The instance ${id} is not part of Auto Scaling group ${asg.AutoScalingGroupName}.`);
      i.ProtectedFromScaleIn = input.ProtectedFromScaleIn === true;
    }
    return {};
  },

  DescribeAutoScalingGroups(sim, input) {
    const names = input.AutoScalingGroupNames as string[] | undefined;
    return { AutoScalingGroups: Object.values(sim.world.autoScalingGroups).filter((a) => !names || names.includes(a.AutoScalingGroupName)).map((a) => describeAsg(sim, a)) };
  },
};

/** ecs.CreateCapacityProvider / UpdateCapacityProvider / DeleteCapacityProvider. */
export const ECS_CAPACITY_OPERATIONS: Record<string, Operation> = {
  CreateCapacityProvider(sim, input) {
    const w = sim.world;
    const name = input.name as string;
    if (!/^[A-Za-z0-9_-]{1,255}$/.test(name)) throw invalidParameter('The capacity provider name can have up to 255 characters: letters, numbers, underscores and hyphens.');
    if (/^(aws|ecs|fargate)/i.test(name)) throw invalidParameter("The capacity provider name cannot start with 'aws', 'ecs', or 'fargate'.");
    if (w.capacityProviders[name]?.status === 'ACTIVE') throw invalidParameter('The specified capacity provider already exists. To change the configuration of an existing capacity provider, update the capacity provider.');
    if (input.managedInstancesProvider !== undefined) throw invalidParameter('Amazon ECS Managed Instances capacity providers are not simulated; use an Auto Scaling group provider.');
    const p = input.autoScalingGroupProvider as { autoScalingGroupArn?: string; managedScaling?: Partial<CapacityProvider['managedScaling']>; managedTerminationProtection?: string } | undefined;
    if (!p?.autoScalingGroupArn) throw invalidParameter('An Auto Scaling group provider with autoScalingGroupArn is required.');
    const asg = Object.values(w.autoScalingGroups).find((a) => a.AutoScalingGroupARN === p.autoScalingGroupArn || a.AutoScalingGroupName === p.autoScalingGroupArn);
    if (!asg) throw invalidParameter(`The specified Auto Scaling group ${p.autoScalingGroupArn} does not exist.`);
    if (Object.values(w.capacityProviders).some((c) => c.status === 'ACTIVE' && c.autoScalingGroupName === asg.AutoScalingGroupName)) {
      throw invalidParameter('The specified Auto Scaling group is already in use by another capacity provider.');
    }
    const ms = p.managedScaling ?? {};
    const managedScaling = {
      status: (ms.status ?? 'DISABLED') as 'ENABLED' | 'DISABLED', targetCapacity: ms.targetCapacity ?? 100,
      minimumScalingStepSize: ms.minimumScalingStepSize ?? 1, maximumScalingStepSize: ms.maximumScalingStepSize ?? 10000,
      instanceWarmupPeriod: ms.instanceWarmupPeriod ?? 300,
    };
    if (managedScaling.minimumScalingStepSize > managedScaling.maximumScalingStepSize) throw invalidParameter('minimumScalingStepSize must be less than or equal to maximumScalingStepSize.');
    const mtp = (p.managedTerminationProtection ?? 'DISABLED') as 'ENABLED' | 'DISABLED';
    if (mtp === 'ENABLED' && managedScaling.status !== 'ENABLED') {
      throw invalidParameter('The managed termination protection setting for the capacity provider is invalid. To enable managed termination protection for a capacity provider, managed scaling must also be enabled.');
    }
    if (mtp === 'ENABLED' && !asg.NewInstancesProtectedFromScaleIn) {
      throw invalidParameter('The managed termination protection setting for the capacity provider is invalid. To enable managed termination protection for a capacity provider, the Auto Scaling group must have instance protection from scale in enabled.');
    }
    const cp: CapacityProvider = {
      name, capacityProviderArn: sim.arn(`capacity-provider/${name}`), status: 'ACTIVE', autoScalingGroupName: asg.AutoScalingGroupName,
      managedScaling, managedTerminationProtection: mtp, lowMinutes: 0, tags: (input.tags as CapacityProvider['tags']) ?? [],
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
    const cp = sim.world.capacityProviders[input.name as string];
    if (!cp || cp.status !== 'ACTIVE') throw invalidParameter('The specified capacity provider does not exist. Specify a valid capacity provider and try again.');
    const p = input.autoScalingGroupProvider as { managedScaling?: Partial<CapacityProvider['managedScaling']>; managedTerminationProtection?: 'ENABLED' | 'DISABLED' } | undefined;
    if (p?.managedScaling) cp.managedScaling = { ...cp.managedScaling, ...p.managedScaling };
    if (p?.managedTerminationProtection) cp.managedTerminationProtection = p.managedTerminationProtection;
    return { capacityProvider: describeCapacityProvider(sim, cp.name) };
  },

  DeleteCapacityProvider(sim, input) {
    const name = input.capacityProvider as string;
    const cp = sim.world.capacityProviders[name];
    if (!cp || cp.status !== 'ACTIVE') throw invalidParameter('The specified capacity provider does not exist. Specify a valid capacity provider and try again.');
    if (Object.values(sim.world.clusters).some((c) => c.status === 'ACTIVE' && c.capacityProviders.includes(name))) {
      throw new ApiError('ResourceInUseException', 'The specified capacity provider is in use and cannot be removed.');
    }
    cp.status = 'INACTIVE';
    return { capacityProvider: describeCapacityProvider(sim, name) };
  },
};
