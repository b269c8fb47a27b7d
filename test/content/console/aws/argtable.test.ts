import { describe, expect, it } from 'vitest';
import { ArgParseError, parseKnownArgs } from '../../../../src/content/console/aws/argparse';
import { GLOBAL_OPTIONS, operationArguments, overridingRequired } from '../../../../src/content/console/aws/argtable';
import { serviceModel } from '../../../../src/content/console/aws/model';

const table = (service: string, operation: string) => operationArguments(service, serviceModel(service)!, operation);
const options = (service: string, operation: string) => table(service, operation).map((a) => a.action.option);

describe('the global options', () => {
  it("are read as the CLI reads them: an ambiguous prefix names the candidates in the CLI's order", () => {
    // aws ecs describe-services --c x (AWS CLI 2.9.19)
    expect(() => parseKnownArgs(['ecs', 'describe-services', '--c', 'x'], GLOBAL_OPTIONS)).toThrow(
      new ArgParseError('ambiguous option: --c could match --color, --ca-bundle, --cli-read-timeout, --cli-connect-timeout, --cli-binary-format, --cli-auto-prompt'),
    );
    const p = parseKnownArgs(['--no-paginate', '--output', 'text', '--cli-read-timeout', '5', '--no-verify-ssl'], GLOBAL_OPTIONS);
    expect(Object.fromEntries(p.values)).toEqual({ paginate: false, output: 'text', read_timeout: '5', verify_ssl: false });
  });

  // awscli/data/cli.json has --version between --region and --color, and `aws help` and completion list them so.
  it("are in the order of the CLI's cli.json", () => {
    expect(GLOBAL_OPTIONS.map((o) => o.option.slice(2))).toEqual([
      'debug',
      'endpoint-url',
      'no-verify-ssl',
      'no-paginate',
      'output',
      'query',
      'profile',
      'region',
      'version',
      'color',
      'no-sign-request',
      'ca-bundle',
      'cli-read-timeout',
      'cli-connect-timeout',
      'cli-binary-format',
      'no-cli-pager',
      'cli-auto-prompt',
      'no-cli-auto-prompt',
    ]);
  });
});

describe("an operation's argument table", () => {
  it("has one argument a member in the model's order, a boolean's negation after it, then the CLI's own", () => {
    const names = options('ecs', 'UpdateService');
    expect(names.slice(0, 4)).toEqual(['--cluster', '--service', '--desired-count', '--task-definition']);
    expect(names.indexOf('--no-force-new-deployment')).toBe(names.indexOf('--force-new-deployment') + 1);
    // The CLI's rename (its argrename customization).
    expect(names.indexOf('--disable-execute-command')).toBe(names.indexOf('--enable-execute-command') + 1);
    expect(names).not.toContain('--no-enable-execute-command');
    expect(names.slice(-3)).toEqual(['--cli-input-json', '--cli-input-yaml', '--generate-cli-skeleton']);
  });

  it('reads each member as argparse is told to: required ones, lists of any length, doubles as floats, integers as text until they are unpacked', () => {
    const byName = (service: string, operation: string, option: string) => table(service, operation).find((a) => a.action.option === option)!;
    expect(byName('ecs', 'UpdateService', '--service').action.required).toBe(true);
    expect(byName('ecs', 'UpdateService', '--cluster').action.required).toBe(false);
    expect(byName('ecs', 'DescribeServices', '--services').action).toMatchObject({ nargs: '*', required: true });
    expect(byName('ecs', 'UpdateService', '--desired-count').action.type).toBeUndefined();
    expect(byName('cloudwatch', 'PutMetricAlarm', '--threshold').action.type).toBe('float');
    expect(byName('ecs', 'UpdateService', '--force-new-deployment')).toMatchObject({ member: 'forceNewDeployment', action: { kind: 'true', dest: 'force_new_deployment' } });
    expect(byName('ecs', 'UpdateService', '--no-force-new-deployment')).toMatchObject({ member: 'forceNewDeployment', action: { kind: 'false', dest: 'force_new_deployment' } });
    expect(byName('ecs', 'ListClusters', '--generate-cli-skeleton').action).toMatchObject({ nargs: '?', constant: 'input', choices: ['input', 'output', 'yaml-input'] });
  });

  it('adds the paging arguments of a paginated operation after the input ones, typed as its limit', () => {
    expect(options('ecs', 'ListClusters')).toEqual(['--next-token', '--max-results', '--cli-input-json', '--cli-input-yaml', '--starting-token', '--page-size', '--max-items', '--generate-cli-skeleton']);
    const pageSize = table('ecs', 'ListClusters').find((a) => a.name === 'page-size')!;
    expect(pageSize).toMatchObject({ action: { type: 'int' } });
    expect(pageSize.member).toBeUndefined();
    // No paging arguments without a paginator.
    expect(options('ecs', 'DescribeServices')).not.toContain('--starting-token');
  });

  it('puts a paging argument in the place of its namesake member, which it stands for when the CLI does not page', () => {
    const args = table('elbv2', 'DescribeLoadBalancers');
    expect(args.map((a) => a.action.option)).toEqual(['--load-balancer-arns', '--names', '--marker', '--page-size', '--cli-input-json', '--cli-input-yaml', '--starting-token', '--max-items', '--generate-cli-skeleton']);
    const pageSize = args[3]!;
    expect(pageSize.member).toBeUndefined();
    expect(pageSize.shadows).toMatchObject({ member: 'PageSize', name: 'page-size' });
  });

  it('has no arguments for an operation the sandbox does not simulate', () => {
    expect(table('ecs', 'CreateTaskSet')).toEqual([]);
  });
});

describe('options that make the required ones optional', () => {
  const args = table('ecs', 'DescribeServices');
  const required = (words: string[]) =>
    overridingRequired(args, words)
      .filter((a) => a.action.required)
      .map((a) => a.action.option);

  it('are --cli-input-json, --cli-input-yaml and --generate-cli-skeleton but for its output skeleton, by their exact names', () => {
    expect(required([])).toEqual(['--services']);
    expect(required(['--cli-input-json', '{}'])).toEqual([]);
    expect(required(['--cli-input-yaml', 'a: 1'])).toEqual([]);
    expect(required(['--generate-cli-skeleton'])).toEqual([]);
    expect(required(['--generate-cli-skeleton', 'yaml-input'])).toEqual([]);
    expect(required(['--generate-cli-skeleton', 'output'])).toEqual(['--services']);
    expect(required(['--cli-input-js', '{}'])).toEqual(['--services']);
    // The table itself is left as it was.
    expect(args.find((a) => a.action.option === '--services')!.action.required).toBe(true);
  });
});
