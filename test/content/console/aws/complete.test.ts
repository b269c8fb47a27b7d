import { describe, expect, it } from 'vitest';
import { GLOBAL_OPTIONS } from '../../../../src/content/console/aws/argtable';
import { completeAws } from '../../../../src/content/console/aws/complete';
import { loadHelp } from '../../../../src/content/console/aws/helpData';

const GLOBALS = GLOBAL_OPTIONS.map((o) => o.option);

describe('completing an aws line', () => {
  it('offers the services and help first, or the global options for a word that starts with -', () => {
    expect(completeAws([], '')).toEqual(['ecs', 'application-autoscaling', 'elbv2', 'servicediscovery', 'cloudwatch', 'events', 'autoscaling', 'ec2', 'ecr', 'help']);
    expect(completeAws([], '--')).toEqual(GLOBALS);
    expect(completeAws(['ecs'], '--')).toEqual(GLOBALS);
  });

  it('offers the choices of --output and --color', () => {
    expect(completeAws(['--output'], '')).toEqual(['json', 'text', 'table', 'yaml', 'yaml-stream']);
    expect(completeAws(['ecs', 'list-clusters', '--color'], '')).toEqual(['on', 'off', 'auto']);
  });

  it("offers a service's simulated operations, then wait and help, past global options and their values", () => {
    const ops = completeAws(['--region', 'us-west-2', 'ecs'], '');
    expect(ops).toContain('list-clusters');
    expect(ops).toContain('update-service');
    expect(ops).not.toContain('create-task-set');
    expect(ops.slice(-2)).toEqual(['wait', 'help']);
    expect(completeAws(['application-autoscaling'], '').slice(-1)).toEqual(['help']);
    expect(completeAws(['nope'], '')).toEqual([]);
  });

  it('offers the waiters the sandbox simulates', () => {
    expect(completeAws(['ecs', 'wait'], '')).toEqual(['services-inactive', 'services-stable', 'tasks-running', 'tasks-stopped']);
  });

  it("offers an operation's options, then the global ones, leaving out those already on the line", () => {
    const options = completeAws(['ecs', 'update-service', '--service', 'web'], '--');
    expect(options.slice(0, 3)).toEqual(['--cluster', '--desired-count', '--task-definition']);
    expect(options).not.toContain('--service');
    expect(options).toContain('--no-force-new-deployment');
    expect(options).toContain('--generate-cli-skeleton');
    expect(options.slice(-GLOBALS.length)).toEqual(GLOBALS);
    // A waiter takes its operation's options.
    expect(completeAws(['ecs', 'wait', 'services-stable'], '--')).toContain('--services');
    // Nothing to offer for a value, or for an operation the sandbox does not simulate.
    expect(completeAws(['ecs', 'update-service', '--service'], '')).toEqual([]);
    expect(completeAws(['ecs', 'create-task-set'], '--')).toEqual([]);
    expect(completeAws(['ecs', 'wait', 'daemon-active'], '--')).toEqual([]);
  });

  it("offers an option's enum values once the documentation has loaded", async () => {
    expect(completeAws(['ecs', 'update-service', '--propagate-tags'], '')).toEqual([]);
    await loadHelp();
    expect(completeAws(['ecs', 'update-service', '--propagate-tags'], '')).toEqual(['TASK_DEFINITION', 'SERVICE', 'NONE']);
    expect(completeAws(['ecs', 'list-tasks', '--desired-status'], '')).toEqual(['RUNNING', 'PENDING', 'STOPPED']);
  });
});
