import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sim } from '../../../src/sim';
import { ServedAccount } from '../../../src/cli/serve/account';
import { serve } from '../../../src/cli/serve/server';
import { AwsDriver, awsCliAvailable, cliEnv, runAws } from '../../support/awsCli';
import { isKnown, loadKnown, runScript } from '../../support/differential';
import { allScripts } from '../../support/differentialLessons';

const scripts = allScripts();
const known = loadKnown();

// The console and the real AWS CLI (against `sim serve`) on identical worlds, command by command
// (test/support/differential.ts): the scripts in test/cli/differential/scripts/ and the lessons' solutions.
// `npm run --silent differential` prints the figures.
describe.runIf(awsCliAvailable('differential'))('the console against the real AWS CLI', () => {
  let driver: AwsDriver;
  beforeAll(() => {
    driver = new AwsDriver();
  });
  afterAll(() => driver.close());

  it.each(scripts.map((s) => [s.id, s] as const))('%s: every command that matched still matches', async (_, script) => {
    const outcomes = await runScript(script, driver);
    const differing = outcomes.filter((o) => !o.identical && !isKnown(known, o)).map((o) => `${o.line}\n    ${o.kind}: ${o.detail}`);
    const nowMatching = outcomes.filter((o) => o.identical && isKnown(known, o)).map((o) => o.command);
    expect(differing, 'these commands print otherwise in the console than in the real CLI').toEqual([]);
    expect(nowMatching, 'these now match the real CLI: take them off test/cli/differential/known-differences.yaml (npm run --silent differential -- --write)').toEqual([]);
  }, 60_000);

  it('lists known differences of commands in the corpus only', () => {
    const commands = new Set(scripts.flatMap((s) => s.steps.map((st) => `${s.id}\n${typeof st === 'string' ? st : 'run' in st ? st.run : ''}`)));
    const stale = known.filter((k) => !commands.has(`${k.script}\n${k.command}`));
    expect(stale, 'these commands are no longer in the corpus (a script or a lesson changed): npm run --silent differential -- --write').toEqual([]);
  });

  it('runs the installed CLI in its driver as /usr/bin/aws runs it', async () => {
    const account = new ServedAccount(new Sim({ seed: 3 }), 'driver', '3');
    account.call('ecs.CreateCluster', { clusterName: 'demo' });
    const endpoint = await serve(account, 0);
    const cwd = mkdtempSync(join(tmpdir(), 'aws-driver-'));
    try {
      const env = cliEnv();
      for (const args of [['ecs', 'describe-clusters', '--clusters', 'demo'], ['ecs', 'list-tasks', '--cluster', 'nope'], ['ecs', 'list-clusters', '--bogus'], ['ecs', 'list-clusters', '--query', 'clusterArns[0]', '--output', 'text']]) {
        const fast = await driver.run(['--endpoint-url', endpoint.url, ...args], cwd);
        const real = await runAws(endpoint.url, args, { env, cwd });
        expect(fast, args.join(' ')).toEqual(real);
      }
    } finally {
      await endpoint.close();
    }
  }, 30_000);
});
