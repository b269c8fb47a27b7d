import { describe, expect, it } from 'vitest';
import { Sim } from '../../../src/sim';
import { ok, refused } from '../../support/simapiWorld';

describe('CreateLaunchTemplate', () => {
  it('creates version 1 of a launch template of a known instance type, once per name', () => {
    const sim = new Sim();
    const lt = ok(sim, 'ec2.CreateLaunchTemplate', { LaunchTemplateName: 'nodes', LaunchTemplateData: { InstanceType: 'm5.large' } }).LaunchTemplate;
    expect(lt.LaunchTemplateId).toMatch(/^lt-0[0-9a-f]{16}$/);
    expect(lt).toMatchObject({ LaunchTemplateName: 'nodes', DefaultVersionNumber: 1, LatestVersionNumber: 1 });
    expect(refused(sim, 'ec2.CreateLaunchTemplate', { LaunchTemplateName: 'nodes', LaunchTemplateData: { InstanceType: 'm5.large' } })).toEqual({
      code: 'InvalidLaunchTemplateName.AlreadyExistsException',
      message: 'Launch template name already in use.',
    });
  });

  it('refuses an instance type the sandbox does not know, naming those it does', () => {
    const r = refused(new Sim(), 'ec2.CreateLaunchTemplate', { LaunchTemplateName: 'nodes', LaunchTemplateData: { InstanceType: 'mac1.metal' } });
    expect(r.code).toBe('InvalidParameterValue');
    expect(r.message).toMatch(/^Invalid value 'mac1\.metal' for InstanceType\. Known types: .*m5\.large/);
  });
});
