import { describe, expect, it } from 'vitest';
import { newSession, runCommand } from '../../../../src/content/console';
import { caller, failed, send, type Globals, type Target } from '../../../../src/content/console/aws/call';
import type { CallRecord } from '../../../../src/content/calls';
import { serviceModel } from '../../../../src/content/console/aws/model';
import { compileQuery, type Query } from '../../../../src/content/console/aws/query';
import { Sim } from '../../../../src/sim';

const ecs = serviceModel('ecs')!;
const target = (operation: string): Target => ({ service: 'ecs', svc: ecs, operation });
const globals = (more: Partial<Globals> = {}): Globals => ({ output: 'json', region: 'us-east-1', debug: false, notes: [], ...more });
const query = (expression: string): Query => {
  const q = compileQuery(expression);
  if ('error' in q) throw new Error(q.error);
  return q;
};
function world() {
  const sim = new Sim({ seed: 'call' });
  const session = newSession();
  return { sim, session, ctx: { sim, session } };
}
const request = (params: Record<string, unknown>, paginate = false) => ({ params, paging: {}, paginate });

describe('sending a request', () => {
  it('prints the response shaped by the model, with the request and the response beside it', () => {
    const { ctx, sim } = world();
    sim.runUntil(5000);
    const r = send(target('CreateCluster'), request({ clusterName: 'demo' }), globals({ query: query('cluster.[clusterName, status]') }), ctx);
    expect(r.output).toBe('[\n    "demo",\n    "ACTIVE"\n]');
    expect(r.exitCode).toBe(0);
    expect(r.response).toMatchObject({ cluster: { clusterName: 'demo' } });
    expect(r.calls).toEqual([{ at: 5, call: 'ecs.CreateCluster', input: { clusterName: 'demo' }, output: r.response }]);
  });

  it('checks the request as botocore does before it is sent: no call is made', () => {
    const { ctx } = world();
    const r = send(target('DescribeServices'), request({ cluster: 'c' }), globals(), ctx);
    expect(r).toEqual({
      output: '\nParameter validation failed:\nMissing required parameter in input: "services"',
      exitCode: 252,
      error: { code: 'ParamValidationError', message: 'Parameter validation failed:\nMissing required parameter in input: "services"' },
      // A missing member is about the request as a whole.
      errorPath: [],
    });
  });

  it("prints the service's error with status 254, the call recorded", () => {
    const { ctx } = world();
    const r = send(target('ListTasks'), request({ cluster: 'nope' }, true), globals(), ctx);
    expect(r).toMatchObject({ exitCode: 254, output: '\nAn error occurred (ClusterNotFoundException) when calling the ListTasks operation: Cluster not found.', error: { code: 'ClusterNotFoundException' } });
    expect(r.calls).toEqual([{ at: 0, call: 'ecs.ListTasks', input: { cluster: 'nope' }, error: { code: 'ClusterNotFoundException', message: 'Cluster not found.' } }]);
  });

  it('pages a paginated operation and prints the notes and the debug lines first', () => {
    const { ctx } = world();
    for (const name of ['a', 'b', 'c']) send(target('CreateCluster'), request({ clusterName: name }), globals(), ctx);
    const r = send(target('ListClusters'), { params: {}, paging: { pageSize: 1 }, paginate: true }, globals({ notes: ['Note: x'], debug: true, output: 'text' }), ctx);
    const lines = r.output.split('\n');
    expect(lines[0]).toBe('Note: x');
    expect(lines.filter((l) => l.startsWith('DEBUG - Request: ecs.ListClusters'))).toHaveLength(3);
    expect(lines.filter((l) => l.startsWith('CLUSTERARNS\t'))).toHaveLength(3);
    expect(r.calls!.map((c) => c.input)).toEqual([{ maxResults: 1 }, { maxResults: 1, nextToken: expect.any(String) }, { maxResults: 1, nextToken: expect.any(String) }]);
  });

  it('prints a query that fails on the data as Python jmespath says it, with status 255', () => {
    const { ctx } = world();
    const r = send(target('ListClusters'), request({}, true), globals({ query: query('length(nextToken)') }), ctx);
    expect(r.exitCode).toBe(255);
    expect(r.output).toBe(`\nIn function length(), invalid type for value: None, expected one of: ['string', 'array', 'object'], received: "null"`);
  });

  it("keeps what changes another region with the console, and records only the world's own region's calls", () => {
    const { ctx, session } = world();
    const made = send(target('CreateCluster'), request({ clusterName: 'far' }), globals({ region: 'eu-west-1' }), ctx);
    expect(made.exitCode).toBe(0);
    expect(made.calls).toBeUndefined();
    expect(session.regions['eu-west-1']).toEqual([{ at: 0, call: 'ecs.CreateCluster', input: { clusterName: 'far' } }]);
    send(target('ListClusters'), request({}, true), globals({ region: 'eu-west-1' }), ctx);
    expect(session.regions['eu-west-1']).toHaveLength(1);
    expect(send(target('ListClusters'), request({}, true), globals(), ctx).output).toBe('{\n    "clusterArns": []\n}');
  });
});

describe('one checked call', () => {
  it('answers an invalid request with its validation error, and records a sent one', () => {
    const { ctx } = world();
    const calls: CallRecord[] = [];
    const call = caller(target('CreateCluster'), globals(), ctx, calls, []);
    expect(call({ clusterName: 5 })).toEqual({
      error: { code: 'ParamValidationError', message: "Parameter validation failed:\nInvalid type for parameter clusterName, value: 5, type: <class 'int'>, valid types: <class 'str'>" },
      errorPath: ['clusterName'],
    });
    expect(calls).toEqual([]);
    expect(call({ clusterName: 'x' })).toMatchObject({ output: { cluster: { clusterName: 'x' } } });
    expect(calls).toHaveLength(1);
  });

  it("prints a paginator's own error as a general one", () => {
    expect(failed({ code: 'PaginationError', message: 'Error during pagination: x' }, 'ListTasks')).toEqual({ output: '\nError during pagination: x', exitCode: 255 });
  });
});

describe('doubles inside lists the query makes', () => {
  // Python keeps a float a float wherever a query puts it: `[[0.0, …]]`; the sandbox knows a double by where it
  // sits in the response or by the query's shape, however deep in lists.
  it('print with their decimal point, as the CLI prints them', () => {
    const sim = new Sim({ seed: 'doubles' });
    const session = newSession();
    const run = (l: string) => runCommand(sim, l, session);
    run('aws ecs create-cluster --cluster-name demo');
    run('sim launch-instances --cluster demo --count 1');
    run('sleep 2m');
    const arn = (JSON.parse(run('aws ecs list-container-instances --cluster demo').output) as { containerInstanceArns: string[] }).containerInstanceArns[0]!;
    const out = run(`aws ecs describe-container-instances --cluster demo --container-instances ${arn} --query "containerInstances[*].remainingResources[*].doubleValue" --output json`).output;
    expect(out).toBe('[\n    [\n        0.0,\n        0.0,\n        0.0,\n        0.0\n    ]\n]');
  });
});
