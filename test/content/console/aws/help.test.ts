import { describe, expect, it } from 'vitest';
import { awsHelp, operationHelp, serviceHelp, waiterHelp } from '../../../../src/content/console/aws/help';
import { HELP_LOADING, loadHelp } from '../../../../src/content/console/aws/helpData';

/** The lines of a page's section, from its heading to the next heading. */
function section(page: string, heading: string): string[] {
  const lines = page.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`no ${heading}`);
  const end = lines.findIndex((l, i) => i > start && /^[A-Z][A-Z ]+$/.test(l));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}
/** The lines of an option's entry in OPTIONS, up to the next option. */
function option(page: string, name: string): string[] {
  const lines = section(page, 'OPTIONS');
  const start = lines.findIndex((l) => l.startsWith(`       ${name} (`));
  const end = lines.findIndex((l, i) => i > start && /^ {7}--/.test(l));
  return lines.slice(start, end < 0 ? undefined : end);
}

describe('help before the documentation has loaded', () => {
  it('says it is still loading (status 1), except for `aws help`, which needs none', () => {
    expect(serviceHelp('ecs')).toEqual({ output: HELP_LOADING, exitCode: 1 });
    expect(operationHelp('ecs', 'ListClusters')).toEqual({ output: HELP_LOADING, exitCode: 1 });
    expect(waiterHelp('ecs', undefined)).toEqual({ output: HELP_LOADING, exitCode: 1 });
    expect(awsHelp().exitCode).toBe(0);
  });
});

describe('help pages', () => {
  it('`aws help` lists the global options with their types and choices, and the services', async () => {
    await loadHelp();
    const page = awsHelp().output;
    expect(page.startsWith('NAME\n       aws -\n\nDESCRIPTION\n')).toBe(true);
    const globals = section(page, 'GLOBAL OPTIONS');
    expect(globals).toContain('       --output (string): json, text, table, yaml, yaml-stream');
    expect(globals).toContain('       --cli-read-timeout (int)');
    expect(globals).toContain('       --no-paginate (boolean)');
    expect(globals.slice(7, 10)).toEqual(['       --region (string)', '       --version (string)', '       --color (string): on, off, auto']);
    expect(section(page, 'AVAILABLE SERVICES')).toEqual(['ecs', 'application-autoscaling', 'elbv2', 'servicediscovery', 'cloudwatch', 'events', 'autoscaling', 'ec2', 'ecr'].map((s) => `       o ${s}`));
  });

  it('`aws ecs help` lists every operation of the model, marks those the sandbox does not simulate, and ends with wait', async () => {
    await loadHelp();
    const r = serviceHelp('ecs');
    expect(r.exitCode).toBe(0);
    const commands = section(r.output, 'AVAILABLE COMMANDS');
    expect(commands).toContain('       o create-cluster');
    expect(commands).toContain('       o create-task-set   (not simulated)');
    expect(commands.at(-1)).toBe('       o wait');
    expect(section(r.output, 'DESCRIPTION')[0]).toBe('       Amazon Elastic Container Service');
  });

  it("lays out an operation's synopsis as the CLI does: required options bare, flags with their negations, then the CLI's own options", async () => {
    await loadHelp();
    const synopsis = section(operationHelp('ecs', 'UpdateService').output, 'SYNOPSIS');
    expect(synopsis[0]).toBe('            update-service');
    expect(synopsis.slice(1, 4)).toEqual(['          [--cluster <value>]', '          --service <value>', '          [--desired-count <value>]']);
    expect(synopsis).toContain('          [--force-new-deployment | --no-force-new-deployment]');
    expect(synopsis.filter((l) => l.includes('--no-force-new-deployment'))).toHaveLength(1);
    // The CLI's rename of --no-enable-execute-command.
    expect(synopsis).toContain('          [--enable-execute-command | --disable-execute-command]');
    expect(synopsis.slice(-3)).toEqual(['          [--cli-input-json | --cli-input-yaml]', '          [--generate-cli-skeleton <value>]', '']);
    // aws ecs list-clusters help (AWS CLI 2.9.19): the paging options after the input options.
    expect(section(operationHelp('ecs', 'ListClusters').output, 'SYNOPSIS').slice(-6)).toEqual([
      '          [--cli-input-json | --cli-input-yaml]',
      '          [--starting-token <value>]',
      '          [--page-size <value>]',
      '          [--max-items <value>]',
      '          [--generate-cli-skeleton <value>]',
      '',
    ]);
  });

  // The CLI leaves the paginator's own token and limit (--next-token, --max-results) out of the help, while it
  // still takes them.
  it("leaves a paginated operation's own token and limit out of its synopsis, as the CLI does", async () => {
    await loadHelp();
    expect(section(operationHelp('ecs', 'ListClusters').output, 'SYNOPSIS')).toEqual([
      '            list-clusters',
      '          [--cli-input-json | --cli-input-yaml]',
      '          [--starting-token <value>]',
      '          [--page-size <value>]',
      '          [--max-items <value>]',
      '          [--generate-cli-skeleton <value>]',
      '',
    ]);
    expect(section(operationHelp('ecs', 'ListClusters').output, 'OPTIONS').join('\n')).not.toMatch(/--next-token|--max-results/);
  });

  it("documents each option with its type, its enum's values, and the shorthand and JSON syntax the CLI prints", async () => {
    await loadHelp();
    const page = operationHelp('ecs', 'UpdateService').output;
    expect(option(page, '--propagate-tags').slice(-9)).toEqual(['          Possible values:', '', '          o TASK_DEFINITION', '', '          o SERVICE', '', '          o NONE', '', '']);
    // As aws ecs update-service help prints them.
    const strategy = option(page, '--capacity-provider-strategy').join('\n');
    expect(strategy).toContain(
      [
        '       Shorthand Syntax:',
        '',
        '          capacityProvider=string,weight=integer,base=integer ...',
        '',
        '       JSON Syntax:',
        '',
        '          [',
        '            {',
        '              "capacityProvider": "string",',
        '              "weight": integer,',
        '              "base": integer',
        '            }',
        '            ...',
        '          ]',
      ].join('\n'),
    );
    expect(option(page, '--desired-count')[0]).toBe('       --desired-count (integer)');
    // A structure's members, one level down.
    expect(option(page, '--deployment-configuration')).toContain('          maximumPercent -> (integer)');
    // A flag's negation has no entry of its own.
    expect(section(page, 'OPTIONS')).not.toContain('       --no-force-new-deployment (boolean)');
  });

  // For a list of scalars the CLI prints `Syntax:` with `"string" "string" ...` (and "Where valid values are:"
  // for an enum), not a JSON Syntax block, `["string", ...]`.
  it('documents a list of scalars with the Syntax block the CLI prints', async () => {
    await loadHelp();
    const page = operationHelp('ecs', 'DescribeServices').output;
    // As aws ecs describe-services help prints them.
    const include = option(page, '--include');
    expect(include.slice(include.indexOf('          (string)') - 1, include.indexOf('            TAGS') + 1)).toEqual([
      '',
      '          (string)',
      '',
      '       Syntax:',
      '',
      '          "string" "string" ...',
      '',
      '          Where valid values are:',
      '            TAGS',
    ]);
    expect(include.join('\n')).not.toMatch(/Possible values|JSON Syntax/);
    expect(option(page, '--services').slice(-7)).toEqual(['', '          (string)', '', '       Syntax:', '', '          "string" "string" ...', '']);
  });

  it("says a paginated operation pages, and lists the operation's output members", async () => {
    await loadHelp();
    const page = operationHelp('ecs', 'ListClusters').output;
    expect(section(page, 'DESCRIPTION').join(' ')).toContain('list-clusters is a paginated operation. Multiple API calls may be issued');
    expect(section(page, 'OUTPUT').filter((l) => / -> /.test(l))).toEqual(['       clusterArns -> (list)', '       nextToken -> (string)']);
  });
});

describe('waiter help', () => {
  it('lists the waiters, marking those the sandbox does not simulate', async () => {
    await loadHelp();
    const commands = section(waiterHelp('ecs', undefined).output, 'AVAILABLE COMMANDS');
    expect(commands).toContain('       o services-stable');
    expect(commands).toContain('       o tasks-stopped');
    expect(commands.filter((l) => l.includes('(not simulated)')).length).toBeGreaterThan(0);
    expect(commands.filter((l) => !l.includes('(not simulated)'))).toEqual(['services-inactive', 'services-stable', 'tasks-running', 'tasks-stopped'].map((w) => `       o ${w}`));
  });

  it("describes a waiter from its success acceptor, its delay and its attempts, with its operation's options", async () => {
    await loadHelp();
    const page = waiterHelp('ecs', 'TasksRunning').output;
    expect(section(page, 'DESCRIPTION').join(' ').replace(/\s+/g, ' ').trim()).toBe(
      'Wait until JMESPath query tasks[].lastStatus returns RUNNING for all elements when polling with describe-tasks. It will poll every 6 seconds until a successful state has been reached. This will exit with a return code of 255 after 100 failed checks.',
    );
    expect(section(page, 'SYNOPSIS')[0]).toBe('            describe-tasks');
    // The waiter's page has no OUTPUT: a waiter prints nothing.
    expect(page).not.toContain('\nOUTPUT\n');
  });

  // The CLI fills the description with Python's str() of the expected value: "returns True".
  it("writes a waiter's expected boolean as Python does", async () => {
    await loadHelp();
    expect(section(waiterHelp('ecs', 'ServicesStable').output, 'DESCRIPTION').join(' ')).toContain('returns True');
  });
});
