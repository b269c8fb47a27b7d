import { describe, expect, it } from 'vitest';
import { USAGE, clientError, generalError, paramError, unknownOptions, usageError } from '../../../../src/content/console/aws/errors';

// The AWS CLI 2.9.19's standard error, byte for byte, less the last newline (which a terminal does not show).
const CLI_USAGE = '\nusage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n';

describe('what the CLI prints when it stops, and its status', () => {
  it("prints argparse's error after the usage, with status 252", () => {
    expect(usageError('the following arguments are required: operation')).toEqual({ output: `${CLI_USAGE}\naws: error: the following arguments are required: operation\n`, exitCode: 252 });
    expect(`\nusage: ${USAGE}\n`).toBe(CLI_USAGE);
    expect(usageError('too few arguments', 'aws [options] ecs wait <subcommand> [parameters]').output).toBe('\nusage: aws [options] ecs wait <subcommand> [parameters]\n\naws: error: too few arguments\n');
  });

  it('lists the words no parser took after the usage, with status 252', () => {
    expect(unknownOptions(['--foo', 'baz', 'bar'])).toEqual({ output: `${CLI_USAGE}\nUnknown options: --foo, baz, bar\n`, exitCode: 252 });
  });

  it("prints a parameter's error with 252, the service's with 254 and the error beside it, anything else with 255", () => {
    expect(paramError('Parameter validation failed:\nx')).toEqual({ output: '\nParameter validation failed:\nx', exitCode: 252 });
    expect(clientError('ClusterNotFoundException', 'Cluster not found.', 'ListTasks')).toEqual({
      output: '\nAn error occurred (ClusterNotFoundException) when calling the ListTasks operation: Cluster not found.',
      exitCode: 254,
      error: { code: 'ClusterNotFoundException', message: 'Cluster not found.' },
    });
    expect(generalError('Waiter ServicesStable failed: Max attempts exceeded')).toEqual({ output: '\nWaiter ServicesStable failed: Max attempts exceeded', exitCode: 255 });
  });
});
