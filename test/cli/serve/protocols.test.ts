import { spawn } from 'node:child_process';
import type { IncomingMessage } from 'node:http';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sim } from '../../../src/sim';
import { ServedAccount } from '../../../src/cli/serve/account';
import { answer, serve, type Endpoint } from '../../../src/cli/serve/server';
import { SERVICES } from '../../../src/cli/serve/model';

const auth = (region: string, service: string) => `AWS4-HMAC-SHA256 Credential=AKID/20250101/${region}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=00`;

function json(url: string, target: string, body: unknown, region = 'us-east-1', version = '1.1') {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': `application/x-amz-json-${version}`, 'X-Amz-Target': target, Authorization: auth(region, 'ecs') },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function query(url: string, params: Record<string, string>, service = 'elasticloadbalancing') {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8', Authorization: auth('us-east-1', service) },
    body: new URLSearchParams(params).toString(),
  });
}

const ECS = 'AmazonEC2ContainerServiceV20141113';

describe('sim serve: the wire protocols', () => {
  let account: ServedAccount;
  let endpoint: Endpoint;
  const lines: string[] = [];
  beforeAll(async () => {
    account = new ServedAccount(new Sim({ seed: 1 }), 'test', '1', (l) => lines.push(l));
    endpoint = await serve(account, 0);
  });
  afterAll(() => endpoint.close());

  it('listens on 127.0.0.1 only', () => {
    expect(endpoint.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it("answers AWS JSON 1.1 by X-Amz-Target with only the model's members", async () => {
    const r = await json(endpoint.url, `${ECS}.CreateCluster`, { clusterName: 'demo' });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    const body = (await r.json()) as { cluster: Record<string, unknown> };
    expect(body.cluster.clusterArn).toBe('arn:aws:ecs:us-east-1:123456789012:cluster/demo');
    expect(account.main.world.clusters[body.cluster.clusterArn as string]).toBeDefined();
    expect(lines.some((l) => l.endsWith('> ecs.CreateCluster'))).toBe(true);
  });

  it("writes JSON errors with __type and message, 400, and the engine's error code", async () => {
    const r = await json(endpoint.url, `${ECS}.ListTasks`, { cluster: 'nope' });
    expect(r.status).toBe(400);
    expect(r.headers.get('x-amzn-errortype')).toBe('ClusterNotFoundException');
    expect(await r.json()).toEqual({ __type: 'ClusterNotFoundException', message: 'Cluster not found.' });
  });

  it("answers malformed and unknown JSON requests with the protocol's errors", async () => {
    const bad = await json(endpoint.url, `${ECS}.ListClusters`, '{"clusterName": ');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { __type: string }).__type).toBe('SerializationException');
    const notObject = await json(endpoint.url, `${ECS}.ListClusters`, '[1]');
    expect(((await notObject.json()) as { __type: string }).__type).toBe('SerializationException');
    const unknown = await json(endpoint.url, `${ECS}.LaunchRocket`, {});
    expect(await unknown.json()).toMatchObject({ __type: 'UnknownOperationException', message: expect.stringContaining('LaunchRocket') });
    const other = await json(endpoint.url, 'DynamoDB_20120810.ListTables', {});
    expect(await other.json()).toMatchObject({ __type: 'UnknownOperationException' });
    const none = await fetch(endpoint.url, { method: 'POST', body: 'hello' });
    expect(none.status).toBe(400);
  });

  it('answers the query protocol in XML shaped by the output shape, lists as member elements', async () => {
    const r = await query(endpoint.url, { Action: 'CreateLoadBalancer', Version: '2015-12-01', Name: 'web', 'Subnets.member.1': 'subnet-us-east-1a', 'Subnets.member.2': 'subnet-us-east-1b' });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/xml');
    const xml = await r.text();
    expect(xml).toMatch(
      /^<CreateLoadBalancerResponse xmlns="http:\/\/elasticloadbalancing.amazonaws.com\/doc\/2015-12-01\/"><CreateLoadBalancerResult><LoadBalancers><member><LoadBalancerArn>arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer\/app\/web\//,
    );
    expect(xml).toContain('<AvailabilityZones><member><ZoneName>us-east-1a</ZoneName><SubnetId>subnet-us-east-1a</SubnetId></member>');
    expect(xml).toMatch(/<\/CreateLoadBalancerResult><ResponseMetadata><RequestId>[0-9a-f-]{36}<\/RequestId><\/ResponseMetadata><\/CreateLoadBalancerResponse>$/);
    // Members the engine keeps for itself are not in the model and are not sent.
    expect(xml).not.toMatch(/subnets|CreatedMs/);
    const lbs = account.call('elbv2.DescribeLoadBalancers', {}).output as { LoadBalancers: { LoadBalancerName: string }[] };
    expect(lbs.LoadBalancers.map((l) => l.LoadBalancerName)).toEqual(['web']);
  });

  it('reads query lists, nested structures and empty lists by the input shape', async () => {
    const r = await query(endpoint.url, {
      Action: 'CreateTargetGroup',
      Version: '2015-12-01',
      Name: 'api',
      Protocol: 'HTTP',
      Port: '8080',
      VpcId: 'vpc-default',
      TargetType: 'ip',
      'Matcher.HttpCode': '200-299',
      HealthCheckEnabled: 'true',
      HealthCheckIntervalSeconds: '10',
      'Tags.member.1.Key': 'team',
      'Tags.member.1.Value': 'web',
    });
    expect(r.status).toBe(200);
    const tg = account.calls.at(-1)!.input as Record<string, unknown>;
    expect(tg).toEqual({
      Name: 'api',
      Protocol: 'HTTP',
      Port: 8080,
      VpcId: 'vpc-default',
      TargetType: 'ip',
      Matcher: { HttpCode: '200-299' },
      HealthCheckEnabled: true,
      HealthCheckIntervalSeconds: 10,
      Tags: [{ Key: 'team', Value: 'web' }],
    });
    await query(endpoint.url, { Action: 'DescribeTargetGroups', Version: '2015-12-01', Names: '' });
    expect(account.calls.at(-1)!.input).toEqual({ Names: [] });
  });

  it('writes query errors as <ErrorResponse> and refuses a parameter that does not fit its type', async () => {
    const bad = await query(endpoint.url, { Action: 'CreateTargetGroup', Version: '2015-12-01', Name: 'tg', Port: 'eighty' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/^<ErrorResponse xmlns="[^"]+"><Error><Type>Sender<\/Type><Code>ValidationError<\/Code><Message>Value 'eighty' at 'Port'/);
    const unknown = await query(endpoint.url, { Action: 'LaunchRocket', Version: '2015-12-01' });
    expect(await unknown.text()).toContain('<Code>InvalidAction</Code><Message>The action LaunchRocket is not valid for this web service.</Message>');
    const version = await query(endpoint.url, { Action: 'ListQueues', Version: '2012-11-05' }, 'sqs');
    expect(version.status).toBe(400);
    expect(await version.text()).toContain('<Code>InvalidAction</Code>');
  });

  it('serves CloudWatch over query (ISO 8601 timestamps) and over JSON 1.0 (epoch seconds, doubles as 50.0)', async () => {
    const put = await query(
      endpoint.url,
      {
        Action: 'PutMetricAlarm',
        Version: '2010-08-01',
        AlarmName: 'cpu',
        MetricName: 'CPUUtilization',
        Namespace: 'AWS/ECS',
        Statistic: 'Average',
        Period: '60',
        EvaluationPeriods: '1',
        Threshold: '50',
        ComparisonOperator: 'GreaterThanThreshold',
      },
      'monitoring',
    );
    expect(await put.text()).toMatch(/^<PutMetricAlarmResponse xmlns="http:\/\/monitoring.amazonaws.com\/doc\/2010-08-01\/"><ResponseMetadata>/);
    const xml = await (await query(endpoint.url, { Action: 'DescribeAlarms', Version: '2010-08-01' }, 'monitoring')).text();
    expect(xml).toContain('<DescribeAlarmsResult><MetricAlarms><member><AlarmName>cpu</AlarmName>');
    expect(xml).toContain('<StateUpdatedTimestamp>2025-01-01T00:00:00.000Z</StateUpdatedTimestamp>');
    expect(xml).toContain('<Threshold>50</Threshold>');
    const r = await json(endpoint.url, 'GraniteServiceVersion20100801.DescribeAlarms', {}, 'us-east-1', '1.0');
    expect(r.headers.get('content-type')).toBe('application/x-amz-json-1.0');
    const text = await r.text();
    expect(text).toContain('"Threshold":50.0');
    expect(text).toContain('"StateUpdatedTimestamp":1735689600');
    const missing = await json(endpoint.url, 'GraniteServiceVersion20100801.DeleteAlarms', { AlarmNames: 7 }, 'us-east-1', '1.0');
    expect(missing.status).toBe(400);
  });

  it("writes EC2 responses in EC2's flavour: locationNames, requestId, <Response><Errors>", async () => {
    const r = await query(endpoint.url, { Action: 'CreateLaunchTemplate', Version: '2016-11-15', LaunchTemplateName: 'ecs-nodes', 'LaunchTemplateData.InstanceType': 'm5.large', 'LaunchTemplateData.ImageId': 'ami-1' }, 'ec2');
    const xml = await r.text();
    expect(xml).toMatch(/<CreateLaunchTemplateResponse xmlns="http:\/\/ec2.amazonaws.com\/doc\/2016-11-15\/"><requestId>[^<]+<\/requestId><launchTemplate><launchTemplateId>lt-/);
    expect(xml).toContain('<createTime>2025-01-01T00:00:00.000Z</createTime>');
    expect(account.calls.at(-1)!.input).toEqual({ LaunchTemplateName: 'ecs-nodes', LaunchTemplateData: { InstanceType: 'm5.large', ImageId: 'ami-1' } });
    const again = await query(endpoint.url, { Action: 'CreateLaunchTemplate', Version: '2016-11-15', LaunchTemplateName: 'ecs-nodes', 'LaunchTemplateData.InstanceType': 'm5.large' }, 'ec2');
    expect(again.status).toBe(400);
    expect(await again.text()).toMatch(/<Response><Errors><Error><Code>[A-Za-z.]+<\/Code><Message>/);
  });

  it('answers another region from an empty world of that region', async () => {
    const r = await json(endpoint.url, `${ECS}.ListClusters`, {}, 'eu-west-1');
    expect(await r.json()).toEqual({ clusterArns: [] });
    const created = await json(endpoint.url, `${ECS}.CreateCluster`, { clusterName: 'eu' }, 'eu-west-1');
    expect(((await created.json()) as { cluster: { clusterArn: string } }).cluster.clusterArn).toBe('arn:aws:ecs:eu-west-1:123456789012:cluster/eu');
    const home = await json(endpoint.url, `${ECS}.ListClusters`, {});
    expect(await home.json()).toEqual({ clusterArns: ['arn:aws:ecs:us-east-1:123456789012:cluster/demo'] });
    expect(lines.some((l) => l.includes('[eu-west-1] > ecs.CreateCluster'))).toBe(true);
  });

  it('gives simulator operations and the clock on /_sim/, and the clock stands still otherwise', async () => {
    const post = (path: string, body: unknown) => fetch(`${endpoint.url}${path}`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });
    const launched = await post('/_sim/call', { operation: 'sim.LaunchInstances', input: { cluster: 'demo', instanceType: 'm5.large', count: 1 } });
    expect(launched.status).toBe(200);
    const { next } = (await (await fetch(`${endpoint.url}/_sim/events?since=0`)).json()) as { next: number };
    await new Promise((r) => setTimeout(r, 50));
    expect(account.now).toBe(0);
    const adv = await post('/_sim/advance', { by: '2m' });
    expect(await adv.json()).toEqual({ clock: 120 });
    const after = (await (await fetch(`${endpoint.url}/_sim/events?since=${next}`)).json()) as { events: { message: string }[]; next: number };
    expect(after.events.some((e) => /registered with cluster demo/.test(e.message))).toBe(true);
    expect(lines.some((l) => /^ {4}0:00:\d\d {2}Container instance .* registered with cluster demo/.test(l))).toBe(true);
    const state = (await (await fetch(`${endpoint.url}/_sim/state`)).json()) as { clock: number; containerInstances: unknown[] };
    expect(state.clock).toBe(120);
    expect(state.containerInstances).toHaveLength(1);
    expect(await post('/_sim/advance', { to: 60 }).then((x) => x.json())).toEqual({ clock: 120 });
    expect((await post('/_sim/advance', { by: 'soon' })).status).toBe(400);
    expect((await post('/_sim/call', '{oops')).status).toBe(400);
    const refused = await post('/_sim/call', { operation: 'ecs.DescribeServices', input: { cluster: 'nope', services: ['x'] } });
    expect(await refused.json()).toEqual({ error: { code: 'ClusterNotFoundException', message: 'Cluster not found.' } });
    expect((await fetch(`${endpoint.url}/_sim/nothing`)).status).toBe(404);
    const ops = (await (await fetch(`${endpoint.url}/_sim/operations`)).json()) as { operations: string[] };
    expect(ops.operations).toContain('sim.LaunchInstances');
  });
});

describe('sim serve: bad input', () => {
  const account = new ServedAccount(new Sim({ seed: 2 }), 'fuzz', '2');
  account.call('ecs.CreateCluster', { clusterName: 'demo' });
  const request = (headers: Record<string, string>) => ({ headers, method: 'POST' }) as unknown as IncomingMessage;
  const targets = [...SERVICES.filter((s) => s.targetPrefix).flatMap((s) => Object.keys(s.operations).map((o) => `${s.targetPrefix}.${o}`)), 'x', '', 'AWSEvents.'];
  const queryOps = SERVICES.filter((s) => s.xmlNamespace).flatMap((s) => Object.keys(s.operations).map((o) => [o, s.apiVersion] as const));

  it('answers any JSON body to any target with a response of the protocol, never a throw', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...targets),
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify({ cluster: v, services: v, family: v, Names: v })),
        ),
        (target, body) => {
          const r = answer(account, request({ 'x-amz-target': target }), new URL('http://127.0.0.1/'), body);
          expect([200, 400, 500]).toContain(r.status);
          const parsed = JSON.parse(r.body) as { __type?: string };
          if (r.status !== 200) expect(typeof parsed.__type).toBe('string');
          if (r.status === 500) expect(['InternalFailure', 'ServerException']).toContain(parsed.__type);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('answers any form parameters to any query action with XML, never a throw', () => {
    const param = fc.tuple(
      fc.constantFrom('Names.member.1', 'Port', 'Tags.member.1.Key', 'Tags.member.x.Value', 'Subnets.member.2', 'Threshold', 'MinSize', 'LaunchTemplateData.InstanceType', 'AlarmNames.member.1', 'Name', 'x'),
      fc.string(),
    );
    fc.assert(
      fc.property(fc.constantFrom(...queryOps), fc.array(param, { maxLength: 6 }), ([action, version], params) => {
        const body = new URLSearchParams([['Action', action], ['Version', version], ...params]).toString();
        const r = answer(account, request({ 'content-type': 'application/x-www-form-urlencoded' }), new URL('http://127.0.0.1/'), body);
        expect([200, 400, 500]).toContain(r.status);
        expect(r.body).toMatch(/^(<\?xml[^>]*>\n)?<(\w+Response|ErrorResponse|Response)[ >]/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('npm run sim -- serve', () => {
  it('runs as its own process, prints the banner and the event log, and answers until stopped', async () => {
    const root = resolve(import.meta.dirname, '../../..');
    const child = spawn(process.execPath, [resolve(root, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/main.ts', 'serve', '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    try {
      const url = await new Promise<string>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`no banner: ${out}`)), 20_000);
        child.stdout.on('data', () => {
          const m = /on (http:\/\/127\.0\.0\.1:\d+);/.exec(out);
          if (m) {
            clearTimeout(timer);
            done(m[1]!);
          }
        });
      });
      const r = await fetch(url, { method: 'POST', headers: { 'X-Amz-Target': `${ECS}.CreateCluster`, 'Content-Type': 'application/x-amz-json-1.1' }, body: '{"clusterName":"demo"}' });
      expect(r.status).toBe(200);
      await new Promise((done) => setTimeout(done, 200));
      expect(out).toMatch(/0:00:00 {2}> ecs\.CreateCluster\n {4}0:00:00 {2}Cluster demo was created\./);
    } finally {
      child.kill();
    }
  }, 30_000);
});
