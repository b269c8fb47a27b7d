import { describe, expect, it } from 'vitest';
import { USAGE } from '../../../../src/content/console/aws/errors';
import { serviceModel } from '../../../../src/content/console/aws/model';
import { PyFloat } from '../../../../src/content/console/aws/python';
import { readRequest, type ReadRequest } from '../../../../src/content/console/aws/request';

// What the AWS CLI 2.9.19 sends (its --debug log) or prints for the same words.
const FILES = { 'in.json': '{"services": ["from-file"]}' };

const read = (service: string, operation: string, words: string[], paginate = true): ReadRequest => readRequest(service, serviceModel(service)!, operation, words, FILES, paginate);
const request = (service: string, operation: string, words: string[], paginate = true) => {
  const r = read(service, operation, words, paginate);
  if (!('request' in r)) throw new Error(`no request: ${JSON.stringify(r)}`);
  return r.request;
};
const stops = (service: string, operation: string, words: string[], paginate = true) => {
  const r = read(service, operation, words, paginate);
  if (!('result' in r)) throw new Error(`not stopped: ${JSON.stringify(r)}`);
  return { output: r.result.output, exitCode: r.result.exitCode };
};

describe("an operation's words as the request the CLI sends", () => {
  it("fills the members in the argument table's order, whatever order the words come in", () => {
    const r = request('ecs', 'RunTask', ['--task-definition', 't', '--tags', 'key=a,value=b', '--count', '2']);
    expect(r.params).toEqual({ count: 2, tags: [{ key: 'a', value: 'b' }], taskDefinition: 't' });
    expect(Object.keys(r.params)).toEqual(['count', 'tags', 'taskDefinition']);
    expect(request('ecs', 'UpdateService', ['--service', 's', '--no-force-new-deployment']).params).toEqual({ service: 's', forceNewDeployment: false });
    expect(request('cloudwatch', 'PutMetricAlarm', ['--alarm-name', 'a', '--threshold', '75', '--evaluation-periods', '1', '--comparison-operator', 'x']).params).toEqual({
      AlarmName: 'a',
      EvaluationPeriods: 1,
      Threshold: new PyFloat(75),
      ComparisonOperator: 'x',
    });
  });

  it('asks for the help page for a lone help, or help after the arguments', () => {
    expect(read('ecs', 'ListClusters', ['help'])).toEqual({ help: true });
    expect(read('ecs', 'ListClusters', ['--max-items', '1', 'help'])).toEqual({ help: true });
  });

  it('stops with the usage and the leftover words, in the order the CLI names them', () => {
    expect(stops('ecs', 'ListClusters', ['--foo', 'bar', 'baz'])).toEqual({ output: `\nusage: ${USAGE}\n\nUnknown options: --foo, baz, bar\n`, exitCode: 252 });
    expect(stops('ecs', 'DescribeServices', ['--cluster', 'c'])).toEqual({ output: `\nusage: ${USAGE}\n\naws: error: the following arguments are required: --services\n`, exitCode: 252 });
  });

  it("stops with the status of the error an argument raised: 252 for the CLI's own, 255 for Python's", () => {
    expect(stops('ecs', 'UpdateService', ['--service', 's', '--desired-count', '1.5'])).toEqual({ output: "\ninvalid literal for int() with base 10: '1.5'", exitCode: 255 });
    expect(stops('ecs', 'RunTask', ['--task-definition', 't', '--overrides', 'hello'])).toEqual({ output: "\nError parsing parameter '--overrides': Expected: '=', received: 'EOF' for input:\nhello\n     ^", exitCode: 252 });
  });
});

describe('--cli-input-json and --cli-input-yaml', () => {
  it('supply the members the line does not give (the line wins), and make required options optional', () => {
    expect(request('ecs', 'DescribeServices', ['--cluster', 'a', '--cli-input-json', '{"cluster":"b","services":["s"]}']).params).toEqual({ cluster: 'a', services: ['s'] });
    expect(request('ecs', 'DescribeServices', ['--cli-input-yaml', 'services: [b]']).params).toEqual({ services: ['b'] });
    expect(request('ecs', 'DescribeServices', ['--cli-input-json', 'file://in.json']).params).toEqual({ services: ['from-file'] });
  });

  it("refuse what they cannot read in the CLI's words", () => {
    const refusal = (words: string[]) => stops('ecs', 'DescribeServices', words);
    expect(refusal(['--cli-input-json', '{"services":["a"]}', '--cli-input-yaml', 'services: [b]'])).toEqual({ output: '\nOnly one --cli-input- parameter may be specified.', exitCode: 252 });
    expect(refusal(['--cli-input-json', '{bad'])).toEqual({ output: "\nError parsing parameter 'cli-input-json': Invalid JSON received.", exitCode: 252 });
    expect(refusal(['--cli-input-yaml', 'a: [b'])).toEqual({ output: "\nError parsing parameter 'cli-input-yaml': Invalid YAML received.", exitCode: 252 });
    expect(refusal(['--cli-input-json', '["a"]'])).toEqual({ output: "\nError parsing parameter '--cli-input-json': Invalid type: expecting map, received <class 'list'>", exitCode: 252 });
    expect(refusal(['--cli-input-yaml', 'just text'])).toEqual({ output: "\nError parsing parameter '--cli-input-yaml': Invalid type: expecting map, received <class 'str'>", exitCode: 252 });
    expect(refusal(['--cli-input-json', 'file://missing.json']).output).toBe("\nError parsing parameter '--cli-input-json': Unable to load paramfile file://missing.json: [Errno 2] No such file or directory: 'missing.json'");
  });
});

describe('paging', () => {
  it("pages a paginated operation, with the CLI's own paging arguments beside the request", () => {
    const r = request('ecs', 'ListClusters', ['--max-items', '2', '--page-size', '1', '--starting-token', 'abc']);
    expect(r).toEqual({ params: {}, paging: { startingToken: 'abc', pageSize: 1, maxItems: 2 }, paginate: true });
    expect(request('ecs', 'DescribeServices', ['--services', 'a']).paginate).toBe(false);
  });

  it("stops paging for the service's own token or limit, and then refuses the CLI's paging arguments", () => {
    expect(request('ecs', 'ListClusters', ['--max-results', '5'])).toEqual({ params: { maxResults: 5 }, paging: {}, paginate: false });
    expect(stops('ecs', 'ListClusters', ['--max-results', '5', '--max-items', '1'])).toEqual({ output: '\nCannot specify --no-paginate along with pagination arguments: --max-items', exitCode: 252 });
    expect(stops('ecs', 'ListClusters', ['--max-items', '1', '--page-size', '2'], false)).toEqual({
      output: '\nCannot specify --no-paginate along with pagination arguments: --page-size, --max-items',
      exitCode: 252,
    });
  });

  it("sends --page-size as the service's own member it stands for (ELBv2's PageSize), which turns paging off", () => {
    // The CLI's debug log: "User has specified a manual pagination arg. Automatically setting --no-paginate."
    expect(request('elbv2', 'DescribeLoadBalancers', ['--page-size', '5'])).toEqual({ params: { PageSize: 5 }, paging: { pageSize: 5 }, paginate: false });
    expect(request('elbv2', 'DescribeLoadBalancers', ['--max-items', '5'])).toEqual({ params: {}, paging: { maxItems: 5 }, paginate: true });
    expect(request('elbv2', 'DescribeLoadBalancers', ['--page-size', '5'], false)).toEqual({ params: { PageSize: 5 }, paging: { pageSize: 5 }, paginate: false });
  });
});

describe('--generate-cli-skeleton', () => {
  it('asks for a skeleton without the required options, except for the output skeleton, which checks the request', () => {
    expect(request('ecs', 'DescribeServices', ['--generate-cli-skeleton'])).toMatchObject({ params: {}, skeleton: 'input' });
    expect(request('ecs', 'DescribeServices', ['--generate-cli-skeleton', 'yaml-input'])).toMatchObject({ skeleton: 'yaml-input' });
    expect(stops('ecs', 'DescribeServices', ['--generate-cli-skeleton', 'output']).output).toBe(`\nusage: ${USAGE}\n\naws: error: the following arguments are required: --services\n`);
    expect(request('ecs', 'DescribeServices', ['--services', 'a', '--generate-cli-skeleton', 'output'])).toMatchObject({ params: { services: ['a'] }, skeleton: 'output' });
  });
});
