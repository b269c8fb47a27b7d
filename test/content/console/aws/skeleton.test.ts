import { describe, expect, it } from 'vitest';
import type { Globals } from '../../../../src/content/console/aws/call';
import { HELP_LOADING, loadHelp } from '../../../../src/content/console/aws/helpData';
import { serviceModel } from '../../../../src/content/console/aws/model';
import type { OutputFormat } from '../../../../src/content/console/aws/print';
import { compileQuery } from '../../../../src/content/console/aws/query';
import type { OperationRequest } from '../../../../src/content/console/aws/request';
import { skeleton } from '../../../../src/content/console/aws/skeleton';

const ecs = serviceModel('ecs')!;
const globals = (output: OutputFormat = 'json', expression?: string): Globals => {
  const q = expression === undefined ? undefined : compileQuery(expression);
  if (q && 'error' in q) throw new Error(q.error);
  return { output, region: 'us-east-1', debug: false, notes: [], ...(q ? { query: q } : {}) };
};
const req = (kind: OperationRequest['skeleton'], params: Record<string, unknown> = {}): OperationRequest => ({ params, paging: {}, paginate: false, skeleton: kind });
const print = (operation: string, kind: OperationRequest['skeleton'], g = globals(), params: Record<string, unknown> = {}) => skeleton(ecs, operation, req(kind, params), g, 'ecs');

// Each text is what the AWS CLI 2.9.19 prints for `aws ecs <operation> --generate-cli-skeleton …`.
describe('--generate-cli-skeleton', () => {
  it('needs the documentation: until it has loaded it says so', () => {
    expect(print('ListClusters', 'input')).toEqual({ output: HELP_LOADING, exitCode: 1 });
  });

  it("prints the input as JSON: empty strings, zeros, true, and an enum's first value", async () => {
    await loadHelp();
    expect(print('ListClusters', 'input')).toEqual({ output: '{\n    "nextToken": "",\n    "maxResults": 0\n}', exitCode: 0 });
    expect(print('DescribeServices', 'input').output).toBe('{\n    "cluster": "",\n    "services": [\n        ""\n    ],\n    "include": [\n        "TAGS"\n    ]\n}');
    expect(print('StopTask', 'input').output).toBe('{\n    "cluster": "",\n    "task": "",\n    "reason": ""\n}');
  });

  it("prints the input as YAML with each member's first sentence, [REQUIRED] and valid values as comments", async () => {
    await loadHelp();
    expect(print('DeleteService', 'yaml-input').output).toBe(
      [
        "cluster: ''  # The short name or full Amazon Resource Name (ARN) of the cluster that hosts the service to delete.",
        "service: '' # [REQUIRED] The name of the service to delete.",
        "force: true # If true, allows you to delete a service even if it wasn't scaled down to zero tasks.",
      ].join('\n'),
    );
    expect(print('PutAttributes', 'yaml-input').output).toBe(
      [
        "cluster: ''  # The short name or full Amazon Resource Name (ARN) of the cluster that contains the resource to apply attributes.",
        'attributes: # [REQUIRED] The attributes to apply to your resource.',
        "- name: ''  # [REQUIRED] The name of the attribute.",
        "  value: '' # The value of the attribute.",
        '  targetType: container-instance # The type of the target to attach the attribute with. Valid values are: container-instance.',
        "  targetId: '' # The ID of the target.",
      ].join('\n'),
    );
  });

  it('prints a sample response in the output format, after the query, without sending anything', async () => {
    await loadHelp();
    expect(print('ListClusters', 'output').output).toBe('{\n    "clusterArns": [\n        "String"\n    ],\n    "nextToken": "nextToken"\n}');
    expect(print('ListClusters', 'output', globals('yaml')).output).toBe('clusterArns:\n- String\nnextToken: nextToken');
    expect(print('ListClusters', 'output', globals('table')).output).toBe(
      [
        '----------------------------',
        '|       ListClusters       |',
        '+------------+-------------+',
        '|  nextToken |  nextToken  |',
        '+------------+-------------+',
        '||       clusterArns      ||',
        '|+------------------------+|',
        '||  String                ||',
        '|+------------------------+|',
      ].join('\n'),
    );
    expect(print('DescribeServices', 'output', globals('json', 'services[0].serviceName'), { services: ['a'] }).output).toBe('"serviceName"');
  });

  it('checks the request before it prints the sample response', async () => {
    await loadHelp();
    expect(print('DeleteCluster', 'output', globals(), { cluster: 5 })).toEqual({
      output: "\nParameter validation failed:\nInvalid type for parameter cluster, value: 5, type: <class 'int'>, valid types: <class 'str'>",
      exitCode: 252,
    });
  });

  // For a member that is a list of an enum (describe-services --include), the CLI writes no "Valid values are".
  it("writes the valid values only for a member that is itself an enum, as the CLI's YAML skeleton does", async () => {
    await loadHelp();
    expect(print('DescribeServices', 'yaml-input').output).toBe(
      [
        "cluster: ''  # The short name or full Amazon Resource Name (ARN)the cluster that hosts the service to describe.",
        'services: # [REQUIRED] A list of services to describe.',
        "- ''",
        'include: # Determines whether you want to see the resource tags for the service.',
        '- TAGS',
      ].join('\n'),
    );
  });

  // The CLI's sample response holds datetimes: JSON prints them as 1970-01-01T00:00:00, the other formats as
  // Python's str(), 1970-01-01 00:00:00 (unquoted in yaml).
  it("prints a sample response's times as the CLI's other formats print a datetime", async () => {
    await loadHelp();
    // As aws ecs stop-task --task t --generate-cli-skeleton output prints them.
    expect(print('StopTask', 'output', globals('yaml'), { task: 't' }).output).toContain('\n  connectivityAt: 1970-01-01 00:00:00\n');
    expect(print('StopTask', 'output', globals('yaml-stream'), { task: 't' }).output).toContain('\n    connectivityAt: 1970-01-01 00:00:00\n');
    expect(print('StopTask', 'output', globals('yaml', '[task.connectivityAt]'), { task: 't' }).output).toBe('- 1970-01-01 00:00:00');
    expect(print('StopTask', 'output', globals('yaml', 'task.connectivityAt'), { task: 't' }).output).toBe('"1970-01-01T00:00:00"');
    expect(print('StopTask', 'output', globals('json', 'task.connectivityAt'), { task: 't' }).output).toBe('"1970-01-01T00:00:00"');
    expect(print('StopTask', 'output', globals('text', 'task.connectivityAt'), { task: 't' }).output).toBe('1970-01-01 00:00:00');
    expect(print('StopTask', 'output', globals('table'), { task: 't' }).output).toContain('||  connectivityAt       |  1970-01-01 00:00:00   ||');
  });
});
