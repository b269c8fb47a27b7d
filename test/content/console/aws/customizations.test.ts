import { describe, expect, it } from 'vitest';
import { newSession } from '../../../../src/content/console';
import type { Globals } from '../../../../src/content/console/aws/call';
import { customizationsOf, isCustomization, runCustomization } from '../../../../src/content/console/aws/customizations';
import { serviceModel } from '../../../../src/content/console/aws/model';
import { Sim } from '../../../../src/sim';

const globals = (more: Partial<Globals> = {}): Globals => ({ output: 'json', region: 'us-east-1', debug: false, notes: [], ...more });
const ecr = { service: 'ecr', svc: serviceModel('ecr')! };

describe("the CLI's customizations", () => {
  it('are get-login-password for ecr and none for the other services', () => {
    expect(customizationsOf('ecr')).toEqual(['get-login-password']);
    expect(customizationsOf('ecs')).toEqual([]);
    expect(customizationsOf('constructor')).toEqual([]);
    expect(isCustomization('ecr', 'get-login-password')).toBe(true);
    expect(isCustomization('ecr', 'get-authorization-token')).toBe(false);
  });

  it("get-login-password sends GetAuthorizationToken and prints the token's password alone", () => {
    const sim = new Sim({ seed: 'login' });
    const ctx = { sim, session: newSession() };
    const r = runCustomization(ecr, 'get-login-password', [], globals(), ctx);
    expect(r.exitCode).toBe(0);
    const token = (r.response as { authorizationData: { authorizationToken: string }[] }).authorizationData[0]!.authorizationToken;
    expect(atob(token)).toBe(`AWS:${r.output}`);
    expect(r.calls).toMatchObject([{ call: 'ecr.GetAuthorizationToken', input: {} }]);
    // The notes come first, as for any command.
    expect(runCustomization(ecr, 'get-login-password', [], globals({ notes: ['Note: n'] }), ctx).output).toMatch(/^Note: n\n[A-Za-z0-9+/=]+$/);
  });

  it('takes no parameters: any word is an unknown option (as aws ecr get-login-password --foo says)', () => {
    const ctx = { sim: new Sim(), session: newSession() };
    const r = runCustomization(ecr, 'get-login-password', ['--foo'], globals(), ctx);
    expect(r.exitCode).toBe(252);
    expect(r.output).toMatch(/\n\nUnknown options: --foo\n$/);
    expect(r.calls).toBeUndefined();
  });
});
