import { ApiError } from '../core/errors';
import { INSTANCE_TYPES } from '../model/instanceTypes';
import type { Operation } from './operation';
import { need } from './input';

/** Amazon EC2 (`ec2.`): launch templates, whose user data configures the container agent. */

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
