import type { SimContext } from '../../model/context';
import type { EcsOperations } from './operation';
import { ecsPage } from './paging';
import { say } from '../../model/narration';

/** Sets an account setting (the simulator has one principal, the account root). */
function putSetting(sim: SimContext, name: string, value: string) {
  sim.world.accountSettings[name] = value;
  sim.emit('AccountSettingChanged', say('AccountSettingChanged.changed', { name, value }), { name, value });
  return { setting: { name, value, principalArn: `arn:aws:iam::${sim.world.account}:root`, type: 'user' } };
}

/** Account settings (awsvpcTrunking, the long ARN formats). */
export const ACCOUNT_SETTING_OPERATIONS = {
  PutAccountSetting(sim, input) {
    return putSetting(sim, input.name, input.value);
  },

  PutAccountSettingDefault(sim, input) {
    return putSetting(sim, input.name, input.value);
  },

  /** DeleteAccountSetting: the setting goes back to its default (the account's defaults are those of a new world). */
  DeleteAccountSetting(sim, input) {
    const defaults: Record<string, string> = { awsvpcTrunking: 'disabled', serviceLongArnFormat: 'enabled', taskLongArnFormat: 'enabled', containerInstanceLongArnFormat: 'enabled' };
    const value = Object.hasOwn(sim.world.accountSettings, input.name) ? sim.world.accountSettings[input.name]! : Object.hasOwn(defaults, input.name) ? defaults[input.name]! : '';
    const setting = { name: input.name, value, principalArn: input.principalArn ?? `arn:aws:iam::${sim.world.account}:root`, type: 'user' };
    if (Object.hasOwn(defaults, input.name)) putSetting(sim, input.name, defaults[input.name]!);
    else delete sim.world.accountSettings[input.name];
    return { setting };
  },

  ListAccountSettings(sim, input) {
    const settings = Object.entries(sim.world.accountSettings)
      .filter(([n]) => !input.name || n === input.name)
      .map(([name, value]) => ({ name, value, principalArn: `arn:aws:iam::${sim.world.account}:root`, type: 'user' }));
    return ecsPage(settings, input, 'settings', (s) => s.name, 10);
  },
} satisfies EcsOperations;
