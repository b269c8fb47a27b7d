import type { Operation } from '../operation';

/** Account settings (awsvpcTrunking, the long ARN formats). */
export const ACCOUNT_SETTING_OPERATIONS: Record<string, Operation> = {
  PutAccountSetting(sim, input) {
    const name = input.name as string;
    const value = input.value as string;
    sim.world.accountSettings[name] = value;
    sim.emit('AccountSettingChanged', `Account setting ${name} is ${value}.`, { name, value });
    return { setting: { name, value, principalArn: `arn:aws:iam::${sim.world.account}:root`, type: 'user' } };
  },

  PutAccountSettingDefault(sim, input) {
    return ACCOUNT_SETTING_OPERATIONS.PutAccountSetting!(sim, input);
  },

  ListAccountSettings(sim, input) {
    const settings = Object.entries(sim.world.accountSettings)
      .filter(([n]) => !input.name || n === input.name)
      .map(([name, value]) => ({ name, value, principalArn: `arn:aws:iam::${sim.world.account}:root`, type: 'user' }));
    return { settings };
  },
};
