import { describe, expect, it } from 'vitest';
import { newSession } from '../../../../src/content/console';
import { CLI_VERSION, resumeAws, runAws } from '../../../../src/content/console/aws/cli';
import { USAGE } from '../../../../src/content/console/aws/errors';
import { loadHelp } from '../../../../src/content/console/aws/helpData';
import type { ConsoleSession } from '../../../../src/content/console/types';
import { Sim } from '../../../../src/sim';

function awsConsole(env: Record<string, string> = {}): { run: (line: string) => ReturnType<typeof runAws>; sim: Sim; session: ConsoleSession } {
  const sim = new Sim({ seed: 'cli' });
  const session = newSession();
  Object.assign(session.env, env);
  return { sim, session, run: (line) => runAws(line.split(' ').filter(Boolean), { sim, session }) };
}
const usage = (message: string) => ({ output: `\nusage: ${USAGE}\n\naws: error: ${message}\n`, exitCode: 252 });

// The texts and statuses are the AWS CLI 2.9.19's for the same line.
describe('aws as the CLI runs it', () => {
  it('prints its version for --version anywhere after a command', () => {
    expect(awsConsole().run('ecs list-clusters --version')).toEqual({ output: CLI_VERSION, exitCode: 0 });
    expect(awsConsole().run('--version ecs')).toEqual({ output: CLI_VERSION, exitCode: 0 });
    expect(CLI_VERSION).toMatch(/^aws-cli\/2\.9\.19 Python\/3\.11\.2 /);
  });

  // argparse's version action prints and exits while it parses, before it checks for the command.
  it('prints its version for a bare aws --version', () => {
    expect(awsConsole().run('--version')).toEqual({ output: CLI_VERSION, exitCode: 0 });
    expect(awsConsole().run('--version --output xml')).toEqual({ output: CLI_VERSION, exitCode: 0 });
    // An option read before it that argparse refuses stops the line first.
    expect(awsConsole().run('--output xml --version')).toMatchObject({ exitCode: 252, output: expect.stringContaining('aws: error: argument --output: Invalid choice') });
  });

  it('asks for a service and an operation, and offers close names for a wrong one', () => {
    const { run } = awsConsole();
    expect(run('')).toEqual(usage('the following arguments are required: command'));
    expect(run('ecs')).toEqual(usage('the following arguments are required: operation'));
    expect(run('ecss list-clusters').output).toMatch(/aws: error: argument command: Invalid choice, valid choices are:\n\necs {38}\| application-autoscaling/);
    const wrong = run('ecs lst-clusters');
    expect(wrong.exitCode).toBe(252);
    expect(wrong.output).toMatch(/Invalid choice: 'lst-clusters', maybe you meant:\n\n {2}\* list-clusters\n$/);
    // The CLI's own commands follow the model's operations among the choices.
    expect(wrong.output).toMatch(/\| deploy {34}\nwait {37}\| help {36}\n/);
  });

  it("names the operations it simulates when asked for one of the model's it does not", () => {
    const r = awsConsole().run('ecs create-task-set --cluster c');
    expect(r.exitCode).toBe(255);
    expect(r.output).toMatch(/^\nThe sandbox does not simulate ecs create-task-set: its ecs has .*list-clusters.*, and wait, help\.$/);
  });

  it('reads wait and its waiter as the CLI does', () => {
    const { run } = awsConsole();
    expect(run('ecs wait')).toEqual({ output: '\nusage: aws [options] ecs wait <subcommand> [parameters]\naws: error: too few arguments', exitCode: 252 });
    expect(run('ecs wait services-stble --services a').output).toMatch(/Invalid choice: 'services-stble', maybe you meant:\n\n {2}\* services-stable\n$/);
    expect(run('ecs wait daemon-active --daemon-arn x')).toMatchObject({ exitCode: 255, output: expect.stringMatching(/^\nThe sandbox does not simulate ecs wait daemon-active: the sandbox has no \w+\.$/) });
  });

  it('takes the output format from --output, else AWS_DEFAULT_OUTPUT, and refuses an unknown one from the environment', () => {
    const { run } = awsConsole({ AWS_DEFAULT_OUTPUT: 'xml' });
    expect(run('ecs list-clusters')).toEqual({ output: '\nUnknown output type: xml', exitCode: 255 });
    expect(run('ecs list-clusters --output json')).toMatchObject({ output: '{\n    "clusterArns": []\n}', exitCode: 0 });
    expect(awsConsole({ AWS_DEFAULT_OUTPUT: 'text' }).run('ecs create-cluster --cluster-name demo').output).toMatch(/^CLUSTER\t/);
  });

  it('refuses a region name of no supported format, and a query it cannot read, before any request', () => {
    const { run } = awsConsole();
    expect(run('ecs list-clusters --region bad_region')).toEqual({ output: "\nProvided region_name 'bad_region' doesn't match a supported format.", exitCode: 255 });
    expect(run('ecs list-clusters --query clusterArns[')).toMatchObject({ exitCode: 252, output: expect.stringMatching(/^\nBad value for --query clusterArns\[: Invalid jmespath expression: Incomplete expression:/) });
    expect(awsConsole({ AWS_REGION: 'x y' }).run('ecs list-clusters').output).toBe("\nProvided region_name 'x y' doesn't match a supported format.");
  });

  // The CLI's top parser takes --cli-read-timeout as text; int() refuses it later, a Python error (status 255),
  // after the query is compiled and before the operation or the output format from the environment is looked at.
  it('refuses a timeout that is not a number as int() does', () => {
    expect(awsConsole().run('ecs list-clusters --cli-read-timeout x')).toEqual({ output: "\ninvalid literal for int() with base 10: 'x'", exitCode: 255 });
    expect(awsConsole().run('ecs --cli-connect-timeout 5.5')).toEqual({ output: "\ninvalid literal for int() with base 10: '5.5'", exitCode: 255 });
    expect(awsConsole({ AWS_DEFAULT_OUTPUT: 'xml' }).run('ecs list-clusters --cli-read-timeout x').output).toBe("\ninvalid literal for int() with base 10: 'x'");
    expect(awsConsole().run('ecs list-clusters --cli-read-timeout x --query a[').exitCode).toBe(252);
    expect(awsConsole().run('ecs list-clusters --cli-read-timeout 1_0 --cli-connect-timeout 7').exitCode).toBe(0);
  });

  it('notes the options the sandbox takes but does not use, before the response', () => {
    const r = awsConsole().run('--profile dev ecs list-clusters --endpoint-url http://localhost:4566');
    expect(r.exitCode).toBe(0);
    expect(r.output.split('\n').slice(0, 2)).toEqual(['Note: the sandbox has one account (123456789012); the profile dev is not used.', 'Note: the sandbox answers every request itself; --endpoint-url http://localhost:4566 is not used.']);
  });

  it('reads global options anywhere on the line, --no-paginate among them', () => {
    const { run } = awsConsole();
    run('ecs create-cluster --cluster-name demo');
    expect(run('ecs list-clusters --output text').output).toBe('CLUSTERARNS\tarn:aws:ecs:us-east-1:123456789012:cluster/demo');
    expect(run('ecs --no-paginate list-clusters --max-items 1')).toEqual({ output: '\nCannot specify --no-paginate along with pagination arguments: --max-items', exitCode: 252 });
  });

  it('prints the request and the response under --debug', () => {
    const r = awsConsole().run('--debug ecs list-clusters');
    expect(r.output.split('\n').slice(0, 2)).toEqual(['DEBUG - Request: ecs.ListClusters {}', 'DEBUG - Response: {"clusterArns":[]}']);
  });

  it("sends a region other than the world's to that region, which starts empty", () => {
    const { run } = awsConsole();
    run('ecs create-cluster --cluster-name demo');
    expect(run('ecs list-clusters --region eu-west-1 --query clusterArns').output).toBe('[]');
    run('ecs create-cluster --cluster-name far --region eu-west-1');
    expect(run('ecs list-clusters --region eu-west-1 --query clusterArns[0]').output).toBe('"arn:aws:ecs:eu-west-1:123456789012:cluster/far"');
    expect(run('ecs list-clusters --query clusterArns[0]').output).toBe('"arn:aws:ecs:us-east-1:123456789012:cluster/demo"');
  });

  it('routes help to the page asked for', async () => {
    await loadHelp();
    const { run } = awsConsole();
    expect(run('help').output).toMatch(/^NAME\n {7}aws -\n/);
    expect(run('ecs help').output).toMatch(/^NAME\n {7}ecs -\n/);
    expect(run('ecs list-clusters help').output).toMatch(/^NAME\n {7}list-clusters -\n/);
    expect(run('ecs wait help').output).toMatch(/^NAME\n {7}wait -\n/);
    expect(run('ecs wait tasks-running help').output).toMatch(/^NAME\n {7}describe-tasks -\n/);
  });

  it('has nothing to resume but a waiter', () => {
    const { sim, session } = awsConsole();
    expect(resumeAws('poll', null, { sim, session })).toEqual({ output: '\naws: nothing to resume (poll)', exitCode: 255 });
    expect(resumeAws('wait', { service: 'nope', waiter: 'x' }, { sim, session }).exitCode).toBe(255);
  });
});
