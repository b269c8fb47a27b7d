import type { SimContext } from '../model/context';
import type { Operation } from './operation';
import { PAGING, pageOf } from './paging';
import { need } from './input';
import { own, setOwn } from '../core/own';
import { ApiError } from '../core/errors';
import { INSTANCE_TYPES } from '../model/instanceTypes';
import { RANGES } from '../model/limits';
import type { AutoScalingGroup } from '../model/types';
import { reconcileAsg, setDesiredCapacity } from '../controllers/asg';
import { say } from '../model/narration';

/** Amazon EC2 Auto Scaling (`autoscaling.`): groups that keep a desired number of instances of a launch template. */

const asgError = (m: string) => new ApiError('ValidationError', m);

function asgOf(sim: SimContext, name: unknown): AutoScalingGroup {
  const asg = own(sim.world.autoScalingGroups, name);
  if (!asg) throw asgError(`AutoScalingGroup name not found - AutoScalingGroup ${String(name)} not found`);
  return asg;
}

function describeAsg(sim: SimContext, asg: AutoScalingGroup) {
  const w = sim.world;
  return {
    AutoScalingGroupName: asg.AutoScalingGroupName,
    AutoScalingGroupARN: asg.AutoScalingGroupARN,
    LaunchTemplate: { LaunchTemplateName: asg.LaunchTemplateName, LaunchTemplateId: w.launchTemplates[asg.LaunchTemplateName]?.LaunchTemplateId, Version: '$Default' },
    MinSize: asg.MinSize,
    MaxSize: asg.MaxSize,
    DesiredCapacity: asg.DesiredCapacity,
    AvailabilityZones: [...new Set(asg.subnets.map((s) => w.subnets[s]!.availabilityZone))],
    VPCZoneIdentifier: asg.subnets.join(','),
    Instances: asg.Instances.map((i) => {
      const inst = w.ec2[i.InstanceId]!;
      return {
        InstanceId: i.InstanceId,
        InstanceType: inst.instanceType,
        AvailabilityZone: inst.availabilityZone,
        LifecycleState: inst.state === 'pending' ? 'Pending' : inst.state === 'running' ? 'InService' : 'Terminating',
        HealthStatus: 'Healthy',
        ProtectedFromScaleIn: i.ProtectedFromScaleIn,
      };
    }),
    NewInstancesProtectedFromScaleIn: asg.NewInstancesProtectedFromScaleIn,
    HealthCheckType: 'EC2',
    CreatedTime: sim.ts(asg.CreatedMs),
  };
}

export const AUTOSCALING_OPERATIONS: Record<string, Operation> = {
  CreateAutoScalingGroup(sim, input) {
    const w = sim.world;
    const name = need<string>(input, 'AutoScalingGroupName', 'string', asgError);
    if (own(w.autoScalingGroups, name)) throw new ApiError('AlreadyExists', `AutoScalingGroup by this name already exists - A group with the name ${name} already exists`);
    if (Object.keys(w.autoScalingGroups).length >= RANGES.asgGroups.max) throw new ApiError('LimitExceeded', `You have reached the limit of ${RANGES.asgGroups.max} Auto Scaling groups in this Region.`);
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
    const subnets =
      typeof input.VPCZoneIdentifier === 'string'
        ? input.VPCZoneIdentifier.split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : Object.values(w.subnets)
            .filter((s) => !input.AvailabilityZones || (input.AvailabilityZones as string[]).includes(s.availabilityZone))
            .map((s) => s.subnetId);
    for (const s of subnets) if (!w.subnets[s]) throw asgError(`The subnet ID '${s}' does not exist`);
    if (subnets.length === 0) throw asgError('At least one Availability Zone or VPC Subnet is required.');
    const asg: AutoScalingGroup = {
      AutoScalingGroupName: name,
      AutoScalingGroupARN: `arn:aws:autoscaling:${w.region}:${w.account}:autoScalingGroup:${sim.uuid()}:autoScalingGroupName/${name}`,
      LaunchTemplateName: lt.LaunchTemplateName,
      instanceTypes: overrides.length ? overrides : [lt.InstanceType],
      MinSize: min,
      MaxSize: max,
      DesiredCapacity: desired,
      subnets,
      NewInstancesProtectedFromScaleIn: input.NewInstancesProtectedFromScaleIn === true,
      Instances: [],
      CreatedMs: sim.now,
    };
    setOwn(w.autoScalingGroups, name, asg);
    sim.emit('AsgCreated', say('AsgCreated.created', { group: name, type: asg.instanceTypes.join(', '), min, max, desired }), { autoScalingGroupName: name });
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
    const groups = Object.values(sim.world.autoScalingGroups).filter((a) => !names || names.includes(a.AutoScalingGroupName));
    return pageOf(
      groups,
      input,
      PAGING.autoscaling,
      'AutoScalingGroups',
      (a) => a.AutoScalingGroupName,
      (a) => describeAsg(sim, a),
    );
  },
};
