import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Sim, type CallResult } from '../../../src/sim';
import { ServedAccount } from '../../../src/cli/serve/account';
import { answer, credentialScope, serve, type Endpoint } from '../../../src/cli/serve/server';

const ECS = 'AmazonEC2ContainerServiceV20141113';
const scope = (region: string, service: string) => `AWS4-HMAC-SHA256 Credential=AKID/20250101/${region}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=00`;
const request = (headers: Record<string, string>, method = 'POST') => ({ headers, method }) as unknown as IncomingMessage;
const root = new URL('http://127.0.0.1:4567/');

/** An account that records what it is asked and answers as told: the routing, without the engine. */
function recording(result: CallResult = { output: {} }) {
  const asked: { operation: string; input: unknown; region: string | undefined }[] = [];
  const account = {
    call: (operation: string, input: unknown, region?: string) => {
      asked.push({ operation, input, region });
      return result;
    },
  } as unknown as ServedAccount;
  return { account, asked };
}

const json = (account: ServedAccount, target: string, body: string, region = 'us-east-1', service = 'ecs') =>
  answer(account, request({ 'x-amz-target': target, authorization: scope(region, service), 'content-type': 'application/x-amz-json-1.1' }), root, body);
const form = (account: ServedAccount, params: Record<string, string>, service = 'elasticloadbalancing', region = 'us-east-1') =>
  answer(account, request({ authorization: scope(region, service), 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }), root, new URLSearchParams(params).toString());

describe("a request's SigV4 credential scope", () => {
  it('names the region and the service, from the Authorization header or a presigned URL', () => {
    expect(credentialScope(request({ authorization: scope('eu-west-1', 'ecs') }), root)).toEqual({ region: 'eu-west-1', service: 'ecs' });
    const presigned = new URL('http://127.0.0.1/?X-Amz-Credential=AKID%2F20250101%2Fap-south-1%2Fmonitoring%2Faws4_request');
    expect(credentialScope(request({}), presigned)).toEqual({ region: 'ap-south-1', service: 'monitoring' });
  });

  it('names nothing for an unsigned request or a scope cut short', () => {
    expect(credentialScope(request({}), root)).toEqual({});
    expect(credentialScope(request({ authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20250101/us-east-1' }), root)).toEqual({});
  });
});

describe('a JSON request', () => {
  it("calls the engine's operation of the target's service in the scope's region", () => {
    const { account, asked } = recording({ output: { clusterArns: ['arn:c'], nextToken: undefined, extra: 1 } });
    const r = json(account, `${ECS}.ListClusters`, '{"maxResults": 5}', 'eu-west-1');
    expect(asked).toEqual([{ operation: 'ecs.ListClusters', input: { maxResults: 5 }, region: 'eu-west-1' }]);
    expect(r).toMatchObject({ status: 200, type: 'application/x-amz-json-1.1', body: '{"clusterArns":["arn:c"]}' });
    expect(r.headers!['x-amzn-RequestId']).toMatch(/^00000000-0000-4000-8000-[0-9a-f]{12}$/);
    // Each answer has its own request id.
    expect(json(account, `${ECS}.ListClusters`, '').headers!['x-amzn-RequestId']).not.toBe(r.headers!['x-amzn-RequestId']);
    expect(asked[1]!.input).toEqual({});
  });

  it("answers in the service's JSON version", () => {
    const { account, asked } = recording({ output: {} });
    expect(json(account, 'GraniteServiceVersion20100801.DescribeAlarms', '{}', 'us-east-1', 'monitoring').type).toBe('application/x-amz-json-1.0');
    expect(asked[0]!.operation).toBe('cloudwatch.DescribeAlarms');
  });

  it("says an engine error as the service does: ECS's validation as InvalidParameterException, the others' as ValidationException", () => {
    const invalid = recording({ error: { code: 'ParamValidationError', message: 'Missing required parameter: cluster' } }).account;
    const ecs = json(invalid, `${ECS}.RunTask`, '{}');
    expect(ecs).toMatchObject({ status: 400, body: '{"__type":"InvalidParameterException","message":"Missing required parameter: cluster"}' });
    expect(ecs.headers!['x-amzn-ErrorType']).toBe('InvalidParameterException');
    expect(JSON.parse(json(invalid, 'AnyScaleFrontendService.RegisterScalableTarget', '{}', 'us-east-1', 'application-autoscaling').body).__type).toBe('ValidationException');
    const notFound = json(recording({ error: { code: 'ClusterNotFoundException', message: 'Cluster not found.' } }).account, `${ECS}.ListTasks`, '{}');
    expect(notFound).toMatchObject({ status: 400, body: '{"__type":"ClusterNotFoundException","message":"Cluster not found."}' });
  });

  it("answers the engine's own failure with 500, and a query-compatible service's errors with their query code too", () => {
    const failing = recording({ error: { code: 'ServerException', message: 'oops' } }).account;
    const r = json(failing, `${ECS}.ListClusters`, '{}');
    expect(r.status).toBe(500);
    expect(r.headers!['x-amzn-query-error']).toBeUndefined();
    const cw = json(recording({ error: { code: 'ResourceNotFound', message: 'no alarm' } }).account, 'GraniteServiceVersion20100801.DeleteAlarms', '{}', 'us-east-1', 'monitoring');
    expect(cw.headers!['x-amzn-query-error']).toBe('ResourceNotFound;Sender');
    const cwFault = json(recording({ error: { code: 'InternalServiceError', message: 'down' } }).account, 'GraniteServiceVersion20100801.DeleteAlarms', '{}', 'us-east-1', 'monitoring');
    expect([cwFault.status, cwFault.headers!['x-amzn-query-error']]).toEqual([500, 'InternalServiceError;Receiver']);
  });

  it("refuses what is not the protocol's before the engine sees it", () => {
    const { account, asked } = recording();
    const said = (target: string, body: string) => {
      const r = json(account, target, body);
      return [r.status, JSON.parse(r.body).__type, JSON.parse(r.body).message];
    };
    expect(said(`${ECS}.ListClusters`, '{oops')).toEqual([400, 'SerializationException', 'Start of structure or map found where not expected.']);
    expect(said(`${ECS}.ListClusters`, '[1]')).toEqual([400, 'SerializationException', 'Start of structure or map found where not expected.']);
    expect(said(`${ECS}.ListClusters`, '{"maxResults": "5"}')).toEqual([400, 'SerializationException', 'maxResults: expected a number, found string.']);
    expect(said(`${ECS}.LaunchRocket`, '{}')).toEqual([400, 'UnknownOperationException', 'The sandbox does not simulate ecs LaunchRocket.']);
    expect(said('DynamoDB_20120810.GetItem', '{}')).toEqual([
      400,
      'UnknownOperationException',
      'The sandbox does not serve DynamoDB_20120810.GetItem: it serves ECS, Application Auto Scaling, Cloud Map, EventBridge and CloudWatch over JSON.',
    ]);
    expect(said(ECS, '{}')[1]).toBe('UnknownOperationException');
    expect(asked).toEqual([]);
  });
});

describe('a query request', () => {
  it("calls the operation of the Version's service with the parameters read by shape, and answers XML", () => {
    const { account, asked } = recording({ output: { TargetGroups: [{ TargetGroupName: 'web', Port: 80 }] } });
    const r = form(account, { Action: 'DescribeTargetGroups', Version: '2015-12-01', 'Names.member.1': 'web', PageSize: '10' }, 'elasticloadbalancing', 'eu-west-1');
    expect(asked).toEqual([{ operation: 'elbv2.DescribeTargetGroups', input: { Names: ['web'], PageSize: 10 }, region: 'eu-west-1' }]);
    expect(r.status).toBe(200);
    expect(r.type).toBe('text/xml');
    expect(r.body).toMatch(
      /^<DescribeTargetGroupsResponse xmlns="http:\/\/elasticloadbalancing\.amazonaws\.com\/doc\/2015-12-01\/"><DescribeTargetGroupsResult><TargetGroups><member>.*<TargetGroupName>web<\/TargetGroupName>.*<\/member><\/TargetGroups><\/DescribeTargetGroupsResult><ResponseMetadata><RequestId>[-0-9a-f]+<\/RequestId>/,
    );
  });

  it('reads parameters from the address too, and from a body sent without a content type', () => {
    const { account, asked } = recording({ output: {} });
    answer(account, request({ authorization: scope('us-east-1', 'monitoring') }, 'GET'), new URL('http://127.0.0.1/?Action=DescribeAlarms&Version=2010-08-01&MaxRecords=3'), '');
    answer(account, request({ authorization: scope('us-east-1', 'monitoring') }), root, 'Action=DescribeAlarms&Version=2010-08-01&MaxRecords=4');
    // A body of another type is not read as parameters.
    const r = answer(account, request({ 'content-type': 'application/json' }), root, 'Action=DescribeAlarms&Version=2010-08-01');
    expect(asked.map((a) => [a.operation, a.input])).toEqual([
      ['cloudwatch.DescribeAlarms', { MaxRecords: 3 }],
      ['cloudwatch.DescribeAlarms', { MaxRecords: 4 }],
    ]);
    expect(JSON.parse(r.body)).toEqual({ __type: 'UnknownOperationException', message: 'The request names no operation: send X-Amz-Target (JSON protocols) or Action and Version (query protocol).' });
  });

  it("says errors in the query protocol's words: validation as ValidationError, the engine's own failure as InternalFailure", () => {
    const invalid = form(recording({ error: { code: 'ParamValidationError', message: 'bad name' } }).account, { Action: 'CreateTargetGroup', Version: '2015-12-01' });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toContain('<Type>Sender</Type><Code>ValidationError</Code><Message>bad name</Message>');
    const failed = form(recording({ error: { code: 'ServerException', message: 'oops' } }).account, { Action: 'CreateTargetGroup', Version: '2015-12-01' });
    expect(failed.status).toBe(500);
    expect(failed.body).toContain('<Type>Receiver</Type><Code>InternalFailure</Code>');
  });

  it("refuses a parameter of the wrong type (EC2's InvalidParameterValue), a missing or unknown Action and an unknown Version", () => {
    const { account, asked } = recording();
    const elb = form(account, { Action: 'DescribeTargetGroups', Version: '2015-12-01', PageSize: 'ten' });
    expect([elb.status, /<Code>(\w+)<\/Code>/.exec(elb.body)![1]]).toEqual([400, 'ValidationError']);
    const ec2 = form(account, { Action: 'CreateLaunchTemplate', Version: '2016-11-15', DryRun: 'maybe' }, 'ec2');
    expect(ec2.body).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<Response><Errors><Error><Code>InvalidParameterValue<\/Code>/);
    expect(form(account, { Version: '2015-12-01' }).body).toContain('<Code>MissingAction</Code><Message>The request must contain the parameter Action.</Message>');
    expect(form(account, { Action: 'Launch', Version: '2015-12-01' }).body).toContain('<Code>InvalidAction</Code><Message>The action Launch is not valid for this web service.</Message>');
    const unknown = form(account, { Action: 'ListQueues', Version: '2012-11-05' }, 'sqs');
    expect(unknown.body).toContain('<Message>The sandbox does not serve API version 2012-11-05 of sqs: it serves ELBv2, CloudWatch, EC2 Auto Scaling and EC2 over the query protocol.</Message>');
    expect(asked).toEqual([]);
  });
});

describe('any request', () => {
  it("is answered, never thrown: a defect is the protocol's InternalFailure with 500", () => {
    const broken = {
      call: () => {
        throw new Error('the engine broke');
      },
    } as unknown as ServedAccount;
    const j = json(broken, `${ECS}.ListClusters`, '{}');
    expect(j.status).toBe(500);
    expect(JSON.parse(j.body)).toEqual({ __type: 'InternalFailure', message: 'Internal sandbox error: the engine broke' });
    const q = form(broken, { Action: 'DescribeTargetGroups', Version: '2015-12-01' });
    expect(q.status).toBe(500);
    expect(q.body).toContain('<Code>InternalFailure</Code><Message>Internal sandbox error: the engine broke</Message>');
  });

  it('on /_sim/ is answered as JSON by the simulator routes', () => {
    const a = new ServedAccount(new Sim({ seed: 1 }), 'sim', '1');
    const r = answer(a, request({}), new URL('http://127.0.0.1/_sim/advance'), '{"by": 30}');
    expect(r).toEqual({ status: 200, type: 'application/json', body: '{"clock":30}\n' });
  });
});

describe('the endpoint', () => {
  let endpoint: Endpoint | undefined;
  afterEach(async () => {
    vi.useRealTimers();
    await endpoint?.close();
    endpoint = undefined;
  });

  it('listens on 127.0.0.1 at a free port, and refuses a body over 8 MiB with 413', async () => {
    const a = new ServedAccount(new Sim({ seed: 1 }), 'big', '1');
    endpoint = await serve(a, 0);
    expect(endpoint.url).toBe(`http://127.0.0.1:${endpoint.port}`);
    expect(endpoint.server.address()).toMatchObject({ address: '127.0.0.1', port: endpoint.port });
    const big = await fetch(endpoint.url, { method: 'POST', headers: { 'X-Amz-Target': `${ECS}.ListClusters` }, body: 'x'.repeat(8 * 1024 * 1024 + 1) });
    expect(big.status).toBe(413);
    expect(await big.text()).toBe('Request body too large.');
    const ok = await fetch(endpoint.url, { method: 'POST', headers: { 'X-Amz-Target': `${ECS}.ListClusters` }, body: '{}' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-length')).toBe(String('{"clusterArns":[]}'.length));
    expect(await ok.json()).toEqual({ clusterArns: [] });
  });

  it("stops the account's running clock when it closes", async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const a = new ServedAccount(new Sim({ seed: 1 }), 'clock', '1');
    endpoint = await serve(a, 0);
    let wall = 0;
    a.run(10, () => wall);
    wall = 1000;
    vi.advanceTimersByTime(100);
    expect(a.now).toBe(10_000);
    await endpoint.close();
    endpoint = undefined;
    wall = 60_000;
    vi.advanceTimersByTime(1000);
    expect(a.now).toBe(10_000);
  });
});
