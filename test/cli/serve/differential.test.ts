import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sim } from '../../../src/sim';
import { ServedAccount } from '../../../src/cli/serve/account';
import { serve } from '../../../src/cli/serve/server';
import { AwsDriver, awsCliAvailable, cliEnv, runAws } from '../../support/awsCli';
import { isKnown, loadKnown, runScript, type Outcome } from '../../support/differential';
import { serviceByName } from '../../../src/cli/serve/model';
import { allScripts } from '../../support/differentialLessons';

const scripts = allScripts();
const known = loadKnown();
const outcomes: Outcome[] = [];

/** The installed AWS CLI's own model of a service (Debian's awscli ships botocore's data). */
function installedModel(service: string): { shapes: Record<string, { members?: Record<string, unknown> }> } {
  const dir = `/usr/lib/python3/dist-packages/awscli/botocore/data/${service}`;
  const version = readdirSync(dir).sort().pop()!;
  return JSON.parse(readFileSync(`${dir}/${version}/service-2.json`, 'utf8')) as { shapes: Record<string, { members?: Record<string, unknown> }> };
}

// The console and the real AWS CLI (against `sim serve`) on identical worlds, command by command
// (test/support/differential.ts): the scripts in test/cli/differential/scripts/ and the lessons' solutions.
// `npm run --silent differential` prints the figures.
describe.runIf(awsCliAvailable('differential'))('the console against the real AWS CLI', () => {
  let driver: AwsDriver;
  beforeAll(() => {
    driver = new AwsDriver();
  });
  afterAll(() => driver.close());

  it.each(scripts.map((s) => [s.id, s] as const))(
    '%s: every command that matched still matches',
    async (_, script) => {
      const mine = await runScript(script, driver);
      outcomes.push(...mine);
      const differing = mine.filter((o) => !o.identical && !isKnown(known, o)).map((o) => `${o.line}\n    ${o.kind}: ${o.detail}`);
      const nowMatching = mine.filter((o) => o.identical && isKnown(known, o)).map((o) => o.command);
      expect(differing, 'these commands print otherwise in the console than in the real CLI').toEqual([]);
      expect(nowMatching, 'these now match the real CLI: take them off test/cli/differential/known-differences.yaml (npm run --silent differential -- --write)').toEqual([]);
    },
    60_000,
  );

  it("leaves out of the comparison only members the installed CLI's model lacks, and says which", () => {
    const left = [...new Set(outcomes.flatMap((o) => o.normalised))].sort();
    console.info(`differential: left out as newer than the installed CLI's model: ${left.join(', ') || 'none'}`);
    for (const entry of left) {
      const [service, path] = entry.split(':') as [string, string];
      const [shape, member] = path.split('.') as [string, string];
      expect(serviceByName(service)!.shapes[shape]?.m?.[member], `${entry} is in the newest model`).toBeDefined();
      expect(installedModel(service).shapes[shape]?.members?.[member], `${entry} is not in the installed CLI's model (npx tsx scripts/gen-serve-shapes.ts)`).toBeUndefined();
    }
  });

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
      for (const args of [
        ['ecs', 'describe-clusters', '--clusters', 'demo'],
        ['ecs', 'list-tasks', '--cluster', 'nope'],
        ['ecs', 'list-clusters', '--bogus'],
        ['ecs', 'list-clusters', '--query', 'clusterArns[0]', '--output', 'text'],
      ]) {
        const fast = await driver.run(['--endpoint-url', endpoint.url, ...args], cwd);
        const real = await runAws(endpoint.url, args, { env, cwd });
        expect(fast, args.join(' ')).toEqual(real);
      }
    } finally {
      await endpoint.close();
    }
  }, 30_000);
});
