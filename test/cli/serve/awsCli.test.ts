import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ECSClient, ClusterNotFoundException, CreateClusterCommand, DescribeTasksCommand, RegisterTaskDefinitionCommand, RunTaskCommand } from '@aws-sdk/client-ecs';
import { Sim } from '../../../src/sim';
import { ServedAccount } from '../../../src/cli/serve/account';
import { serve, type Endpoint } from '../../../src/cli/serve/server';
import { awsCliAvailable, cliEnv, runAws } from '../../support/awsCli';
import { cliOutputOf, cliTextOf, cliTime } from '../../support/cliExpect';

const TASKDEF = {
  family: 'web',
  containerDefinitions: [{ name: 'web', image: 'nginx:1.27', cpu: 256, memory: 512, essential: true, portMappings: [{ containerPort: 80, hostPort: 0 }] }],
  requiresCompatibilities: ['EC2'],
};

/** A served world with one registered m5.large container instance in cluster demo. */
async function world(): Promise<{ account: ServedAccount; endpoint: Endpoint }> {
  const account = new ServedAccount(new Sim({ seed: 11 }), 'cli', '11');
  const endpoint = await serve(account, 0);
  return { account, endpoint };
}

function lastOutput(account: ServedAccount, call: string): unknown {
  const rec = [...account.calls].reverse().find((c) => c.call === call);
  expect(rec, call).toBeDefined();
  expect(rec!.error, call).toBeUndefined();
  return rec!.output;
}

describe.runIf(awsCliAvailable('sim serve with the AWS CLI'))('sim serve: the real AWS CLI v2', () => {
  let account: ServedAccount;
  let endpoint: Endpoint;
  const env = cliEnv();
  const dir = mkdtempSync(join(tmpdir(), 'aws-cli-input-'));
  const aws = (...args: string[]) => runAws(endpoint.url, args, { env, cwd: dir });
  /** The CLI's JSON output, compared with what the engine returned for the same call, as the CLI prints it. */
  const expectSameAsEngine = (stdout: string, service: string, operation: string, call: string) => {
    expect(JSON.parse(stdout)).toStrictEqual(cliOutputOf(service, operation, lastOutput(account, call)));
    // Members in model order and doubles as 75.0, as the CLI prints AWS's answers.
    expect(stdout).toBe(cliTextOf(service, operation, lastOutput(account, call)));
  };
  beforeAll(async () => {
    ({ account, endpoint } = await world());
    writeFileSync(join(dir, 'web.json'), JSON.stringify(TASKDEF));
  });
  afterAll(() => endpoint.close());

  it('creates a cluster', async () => {
    const r = await aws('ecs', 'create-cluster', '--cluster-name', 'demo');
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expectSameAsEngine(r.stdout, 'ecs', 'CreateCluster', 'ecs.CreateCluster');
  }, 30_000);

  it('registers a task definition from --cli-input-json, runs tasks and describes them', async () => {
    account.call('sim.LaunchInstances', { cluster: 'demo', instanceType: 'm5.large', count: 1 });
    account.advanceTo(60_000);
    const reg = await aws('ecs', 'register-task-definition', '--cli-input-json', 'file://web.json');
    expect(reg.exitCode).toBe(0);
    expectSameAsEngine(reg.stdout, 'ecs', 'RegisterTaskDefinition', 'ecs.RegisterTaskDefinition');
    expect(JSON.parse(reg.stdout).taskDefinition.registeredAt).toBe(cliTime(1735689600 + 60));
    const run = await aws('ecs', 'run-task', '--cluster', 'demo', '--task-definition', 'web:1', '--count', '2');
    expect(run.exitCode).toBe(0);
    expectSameAsEngine(run.stdout, 'ecs', 'RunTask', 'ecs.RunTask');
    const arns = (JSON.parse(run.stdout) as { tasks: { taskArn: string }[] }).tasks.map((t) => t.taskArn);
    expect(arns).toHaveLength(2);
    account.advanceTo(120_000);
    const desc = await aws('ecs', 'describe-tasks', '--cluster', 'demo', '--tasks', ...arns);
    expect(desc.exitCode).toBe(0);
    expectSameAsEngine(desc.stdout, 'ecs', 'DescribeTasks', 'ecs.DescribeTasks');
    const tasks = (JSON.parse(desc.stdout) as { tasks: { lastStatus: string; createdAt: string }[] }).tasks;
    expect(tasks.map((t) => t.lastStatus)).toEqual(['RUNNING', 'RUNNING']);
    expect(tasks[0]!.createdAt).toMatch(/^2025-01-01T00:01:00(\.\d{6})?\+00:00$/);
  }, 30_000);

  it('prints a service error as the CLI does, with exit code 254', async () => {
    const r = await aws('ecs', 'list-tasks', '--cluster', 'nope');
    expect(r.exitCode).toBe(254);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('\nAn error occurred (ClusterNotFoundException) when calling the ListTasks operation: Cluster not found.\n');
  }, 30_000);

  it('speaks the query protocol to ELBv2 and CloudWatch', async () => {
    const lb = await aws('elbv2', 'create-load-balancer', '--name', 'web', '--subnets', 'subnet-us-east-1a', 'subnet-us-east-1b');
    expect(lb.exitCode).toBe(0);
    expectSameAsEngine(lb.stdout, 'elbv2', 'CreateLoadBalancer', 'elbv2.CreateLoadBalancer');
    const put = await aws(
      'cloudwatch',
      'put-metric-alarm',
      '--alarm-name',
      'cpu-high',
      '--metric-name',
      'CPUUtilization',
      '--namespace',
      'AWS/ECS',
      '--statistic',
      'Average',
      '--period',
      '60',
      '--evaluation-periods',
      '2',
      '--threshold',
      '75',
      '--comparison-operator',
      'GreaterThanThreshold',
      '--dimensions',
      'Name=ClusterName,Value=demo',
    );
    expect(put).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    const alarms = await aws('cloudwatch', 'describe-alarms', '--alarm-names', 'cpu-high');
    expect(alarms.exitCode).toBe(0);
    expectSameAsEngine(alarms.stdout, 'cloudwatch', 'DescribeAlarms', 'cloudwatch.DescribeAlarms');
    const alarm = (JSON.parse(alarms.stdout) as { MetricAlarms: Record<string, unknown>[] }).MetricAlarms[0]!;
    expect(alarm).toMatchObject({ AlarmName: 'cpu-high', Threshold: 75, EvaluationPeriods: 2, Dimensions: [{ Name: 'ClusterName', Value: 'demo' }] });
    // A double, as AWS sends it and the CLI prints it.
    expect(alarms.stdout).toContain('"Threshold": 75.0');
    expect(alarm.StateUpdatedTimestamp).toMatch(/^2025-01-01T00:02:00\+00:00$/);
  }, 30_000);

  it('speaks JSON 1.1 to Application Auto Scaling', async () => {
    account.call('ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web:1', desiredCount: 1 });
    const reg = await aws(
      'application-autoscaling',
      'register-scalable-target',
      '--service-namespace',
      'ecs',
      '--resource-id',
      'service/demo/web',
      '--scalable-dimension',
      'ecs:service:DesiredCount',
      '--min-capacity',
      '1',
      '--max-capacity',
      '4',
    );
    expect(reg.exitCode).toBe(0);
    const d = await aws('application-autoscaling', 'describe-scalable-targets', '--service-namespace', 'ecs');
    expect(d.exitCode).toBe(0);
    expectSameAsEngine(d.stdout, 'application-autoscaling', 'DescribeScalableTargets', 'applicationautoscaling.DescribeScalableTargets');
    expect(JSON.parse(d.stdout).ScalableTargets[0]).toMatchObject({ ResourceId: 'service/demo/web', MinCapacity: 1, MaxCapacity: 4 });
  }, 30_000);
});

describe('sim serve: the AWS SDK for JavaScript', () => {
  let account: ServedAccount;
  let endpoint: Endpoint;
  let ecs: ECSClient;
  beforeAll(async () => {
    ({ account, endpoint } = await world());
    ecs = new ECSClient({ endpoint: endpoint.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDSANDBOXTEST', secretAccessKey: 'sandbox-test-secret' } });
  });
  afterAll(async () => {
    ecs.destroy();
    await endpoint.close();
  });

  it('creates a cluster, registers a task definition, runs and describes tasks', async () => {
    const c = await ecs.send(new CreateClusterCommand({ clusterName: 'demo' }));
    expect(c.cluster?.clusterArn).toBe('arn:aws:ecs:us-east-1:123456789012:cluster/demo');
    account.call('sim.LaunchInstances', { cluster: 'demo', instanceType: 'm5.large', count: 1 });
    account.advanceTo(60_000);
    const td = await ecs.send(new RegisterTaskDefinitionCommand(TASKDEF as never));
    expect(td.taskDefinition?.taskDefinitionArn).toBe('arn:aws:ecs:us-east-1:123456789012:task-definition/web:1');
    expect(td.taskDefinition?.registeredAt).toEqual(new Date('2025-01-01T00:01:00Z'));
    const run = await ecs.send(new RunTaskCommand({ cluster: 'demo', taskDefinition: 'web', count: 1 }));
    expect(run.tasks).toHaveLength(1);
    account.advanceTo(120_000);
    const d = await ecs.send(new DescribeTasksCommand({ cluster: 'demo', tasks: [run.tasks![0]!.taskArn!] }));
    expect(d.tasks?.[0]?.lastStatus).toBe('RUNNING');
    expect(d.tasks?.[0]?.createdAt).toBeInstanceOf(Date);
  });

  it('raises the modelled exception for an AWS error', async () => {
    const e = await ecs.send(new RunTaskCommand({ cluster: 'nope', taskDefinition: 'web' })).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ClusterNotFoundException);
    expect((e as Error).message).toBe('Cluster not found.');
    expect((e as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode).toBe(400);
  });
});
