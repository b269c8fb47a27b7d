import { describe, expect, it } from 'vitest';
import { Sim } from '../../../../src/sim';
import { ok, refused } from '../../../support/simapiWorld';

const setting = (name: string, value: string) => ({ name, value, principalArn: 'arn:aws:iam::123456789012:root', type: 'user' });

describe('account settings', () => {
  it("start at a new account's defaults", () => {
    expect(ok(new Sim(), 'ecs.ListAccountSettings').settings).toEqual([
      setting('awsvpcTrunking', 'disabled'),
      setting('serviceLongArnFormat', 'enabled'),
      setting('taskLongArnFormat', 'enabled'),
      setting('containerInstanceLongArnFormat', 'enabled'),
    ]);
  });

  it('are put for the account root (by PutAccountSetting or PutAccountSettingDefault) and listed by name', () => {
    const sim = new Sim();
    expect(ok(sim, 'ecs.PutAccountSetting', { name: 'awsvpcTrunking', value: 'enabled' })).toEqual({ setting: setting('awsvpcTrunking', 'enabled') });
    expect(ok(sim, 'ecs.PutAccountSettingDefault', { name: 'containerInsights', value: 'enhanced' })).toEqual({ setting: setting('containerInsights', 'enhanced') });
    expect(ok(sim, 'ecs.ListAccountSettings', { name: 'awsvpcTrunking' }).settings).toEqual([setting('awsvpcTrunking', 'enabled')]);
    expect(sim.events.filter((e) => e.type === 'AccountSettingChanged')).toHaveLength(2);
  });

  it('go back to their default when deleted (one without a default goes), the answer naming the value deleted', () => {
    const sim = new Sim();
    ok(sim, 'ecs.PutAccountSetting', { name: 'awsvpcTrunking', value: 'enabled' });
    ok(sim, 'ecs.PutAccountSetting', { name: 'containerInsights', value: 'enhanced' });
    expect(ok(sim, 'ecs.DeleteAccountSetting', { name: 'awsvpcTrunking' })).toEqual({ setting: setting('awsvpcTrunking', 'enabled') });
    expect(ok(sim, 'ecs.DeleteAccountSetting', { name: 'containerInsights' })).toEqual({ setting: setting('containerInsights', 'enhanced') });
    expect(ok(sim, 'ecs.ListAccountSettings', { name: 'awsvpcTrunking' }).settings).toEqual([setting('awsvpcTrunking', 'disabled')]);
    expect(ok(sim, 'ecs.ListAccountSettings', { name: 'containerInsights' }).settings).toEqual([]);
  });

  it('are listed in pages of at most 10', () => {
    const sim = new Sim();
    for (let i = 0; i < 8; i++) ok(sim, 'ecs.PutAccountSetting', { name: `setting${i}`, value: 'on' });
    const first = ok(sim, 'ecs.ListAccountSettings', { maxResults: 10 });
    expect(first.settings).toHaveLength(10);
    expect(ok(sim, 'ecs.ListAccountSettings', { maxResults: 10, nextToken: first.nextToken }).settings.map((s: { name: string }) => s.name)).toEqual(['setting6', 'setting7']);
    expect(refused(sim, 'ecs.ListAccountSettings', { maxResults: 11 })).toEqual({
      code: 'InvalidParameterException',
      message: "1 validation error detected: Value '11' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 10",
    });
  });
});
