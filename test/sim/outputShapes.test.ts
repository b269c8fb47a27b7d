import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Sim } from '../../src/sim';

// Every ECS operation the engine has answers in the shape the ECS API model declares for its output:
// member names, types and enum values (test/fixtures/ecsOutputShapes.json, derived from the model by
// scripts/gen-ecs-output-shapes.mjs). One world calls each operation at least once with an answer.
const root = resolve(import.meta.dirname, '../..');
const modelPath = resolve(root, '../shared/corpus/schemas/botocore-ecs-service-2.json');
interface Shape {
  t: string;
  m?: Record<string, string>;
  e?: string;
  k?: string;
  v?: string;
  enum?: string[];
}
const model = JSON.parse(readFileSync(resolve(root, 'test/fixtures/ecsOutputShapes.json'), 'utf8')) as { operations: Record<string, string>; shapes: Record<string, Shape> };

/** Where a value breaks its shape: a path and what is wrong there. */
function violations(shapeName: string, v: unknown, path: string, out: string[]): void {
  const s = model.shapes[shapeName];
  if (!s) return void out.push(`${path}: no shape ${shapeName}`);
  const kind = Array.isArray(v) ? 'list' : v === null ? 'null' : typeof v;
  switch (s.t) {
    case 'structure': {
      if (kind !== 'object') return void out.push(`${path}: ${kind}, the model has a structure (${shapeName})`);
      for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
        const m = s.m?.[k];
        if (!m) out.push(`${path}.${k}: not a member of ${shapeName}`);
        else violations(m, val, `${path}.${k}`, out);
      }
      return;
    }
    case 'list':
      if (kind !== 'list') return void out.push(`${path}: ${kind}, the model has a list (${shapeName})`);
      (v as unknown[]).forEach((x, i) => violations(s.e!, x, `${path}[${i}]`, out));
      return;
    case 'map':
      if (kind !== 'object') return void out.push(`${path}: ${kind}, the model has a map (${shapeName})`);
      for (const [k, val] of Object.entries(v as Record<string, unknown>)) violations(s.v!, val, `${path}.${k}`, out);
      return;
    case 'string':
      if (kind !== 'string') return void out.push(`${path}: ${kind}, the model has a string (${shapeName})`);
      if (s.enum && !s.enum.includes(v as string)) out.push(`${path}: '${String(v)}' is not one of ${shapeName}: ${s.enum.join(', ')}`);
      return;
    case 'integer':
    case 'long':
      if (!Number.isInteger(v)) out.push(`${path}: ${JSON.stringify(v)}, the model has an ${s.t}`);
      return;
    case 'double':
    case 'float':
    case 'timestamp':
      if (kind !== 'number') out.push(`${path}: ${kind}, the model has a ${s.t} (${shapeName})`);
      return;
    case 'boolean':
      if (kind !== 'boolean') out.push(`${path}: ${kind}, the model has a boolean`);
      return;
    default:
      out.push(`${path}: shape type ${s.t} not checked`);
  }
}

/** A world that calls every ECS operation the engine has, keeping each answer by operation. */
function exercise(): { answers: Map<string, unknown[]>; errors: string[] } {
  const sim = new Sim({ durations: { instanceBootMs: 0 } });
  const answers = new Map<string, unknown[]>();
  const errors: string[] = [];
  const call = (op: string, input: Record<string, unknown> = {}) => {
    const r = sim.call(op, input);
    if (r.error) errors.push(`${op}: ${r.error.code} ${r.error.message}`);
    else if (op.startsWith('ecs.')) answers.set(op.slice(4), [...(answers.get(op.slice(4)) ?? []), r.output]);
    sim.runUntil(sim.now);
    return r.output as Record<string, any>;
  };
  const wait = (s: number) => sim.runUntil(sim.now + s * 1000);
  call('ecs.CreateCluster', { clusterName: 'demo', tags: [{ key: 'team', value: 'web' }], settings: [{ name: 'containerInsights', value: 'enabled' }] });
  call('ecs.CreateCluster', { clusterName: 'spare' });
  call('servicediscovery.CreatePrivateDnsNamespace', { Name: 'local', Vpc: 'vpc-default' });
  call('sim.LaunchInstances', { cluster: 'demo', instanceType: 'm5.xlarge', count: 2, ec2InstanceIds: ['i-1', 'i-2'], bootSeconds: 0 });
  call('sim.LaunchInstances', { cluster: 'demo', instanceType: 'm5.large', count: 1, ec2InstanceIds: ['i-3'], bootSeconds: 0, agentVersion: '1.80.0' });
  call('ec2.CreateLaunchTemplate', { LaunchTemplateName: 'lt-web', LaunchTemplateData: { InstanceType: 'm5.large', UserData: 'ECS_CLUSTER=demo' } });
  call('autoscaling.CreateAutoScalingGroup', { AutoScalingGroupName: 'asg', LaunchTemplate: { LaunchTemplateName: 'lt-web' }, MinSize: 0, MaxSize: 2, DesiredCapacity: 0 });
  wait(1);
  call('ecs.RegisterTaskDefinition', {
    family: 'web',
    taskRoleArn: 'arn:aws:iam::123456789012:role/web',
    containerDefinitions: [
      { name: 'web', image: 'nginx', memory: 256, portMappings: [{ containerPort: 80 }], restartPolicy: { enabled: true } },
      { name: 'side', image: 'busybox', memory: 64, essential: false },
    ],
  });
  call('ecs.RegisterTaskDefinition', {
    family: 'api',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    taskRoleArn: 'arn:aws:iam::123456789012:role/api',
    ephemeralStorage: { sizeInGiB: 30 },
    volumes: [{ name: 'data', configuredAtLaunch: true }],
    tags: [{ key: 'app', value: 'api' }],
    containerDefinitions: [{ name: 'api', image: 'nginx', portMappings: [{ containerPort: 8080, name: 'http' }], mountPoints: [{ sourceVolume: 'data', containerPath: '/data' }] }],
  });
  call('ecs.RegisterTaskDefinition', { family: 'mi', requiresCompatibilities: ['MANAGED_INSTANCES'], networkMode: 'awsvpc', cpu: '256', memory: '512', containerDefinitions: [{ name: 'mi', image: 'nginx' }] });
  call('ecs.RegisterTaskDefinition', { family: 'old', containerDefinitions: [{ name: 'old', image: 'nginx', memory: 64 }] });
  const net = { awsvpcConfiguration: { subnets: ['subnet-us-east-1a'] } };
  const ec2 = call('ecs.RunTask', { cluster: 'demo', taskDefinition: 'web', enableExecuteCommand: true, overrides: { containerOverrides: [{ name: 'web', memory: 300 }] } });
  const fargate = call('ecs.RunTask', {
    cluster: 'demo',
    taskDefinition: 'api',
    launchType: 'FARGATE',
    networkConfiguration: net,
    enableExecuteCommand: true,
    tags: [{ key: 'run', value: '1' }],
    volumeConfigurations: [{ name: 'data', managedEBSVolume: { roleArn: 'arn:aws:iam::123456789012:role/ecsInfrastructureRole', sizeInGiB: 10 } }],
  });
  call('ecs.StartTask', { cluster: 'demo', taskDefinition: 'web', containerInstances: [call('ecs.ListContainerInstances', { cluster: 'demo' }).containerInstanceArns[1]] });
  call('ecs.CreateService', { cluster: 'demo', serviceName: 'svc', taskDefinition: 'old', desiredCount: 1 });
  call('ecs.CreateService', {
    cluster: 'demo',
    serviceName: 'sc',
    taskDefinition: 'api',
    desiredCount: 1,
    launchType: 'FARGATE',
    networkConfiguration: net,
    serviceConnectConfiguration: { enabled: true, namespace: 'local', services: [{ portName: 'http' }] },
  });
  wait(120);
  const taskArn = (o: Record<string, any>) => o.tasks[0].taskArn as string;
  call('ecs.DescribeTasks', { cluster: 'demo', tasks: [taskArn(ec2), taskArn(fargate)] });
  const svcTask = call('ecs.ListTasks', { cluster: 'demo', serviceName: 'svc' }).taskArns[0];
  call('ecs.UpdateTaskProtection', { cluster: 'demo', tasks: [svcTask], protectionEnabled: true, expiresInMinutes: 60 });
  call('ecs.GetTaskProtection', { cluster: 'demo', tasks: [svcTask, taskArn(ec2)] });
  call('ecs.ExecuteCommand', { cluster: 'demo', task: taskArn(ec2), container: 'web', interactive: true, command: '/bin/sh' });
  const cis = call('ecs.ListContainerInstances', { cluster: 'demo' }).containerInstanceArns as string[];
  call('ecs.DescribeContainerInstances', { cluster: 'demo', containerInstances: cis });
  call('ecs.PutAttributes', { cluster: 'demo', attributes: [{ name: 'stack', value: 'prod', targetId: cis[0] }] });
  call('ecs.ListAttributes', { cluster: 'demo', targetType: 'container-instance' });
  call('ecs.DeleteAttributes', { cluster: 'demo', attributes: [{ name: 'stack', targetId: cis[0] }] });
  call('ecs.UpdateContainerAgent', { cluster: 'demo', containerInstance: cis[2] });
  call('ecs.UpdateContainerInstancesState', { cluster: 'demo', containerInstances: [cis[1]], status: 'DRAINING' });
  call('ecs.DescribeClusters', { clusters: ['demo', 'missing'], include: ['TAGS'] });
  call('ecs.ListClusters');
  call('ecs.UpdateCluster', { cluster: 'demo', settings: [{ name: 'containerInsights', value: 'enhanced' }], configuration: { executeCommandConfiguration: { logging: 'DEFAULT' } }, serviceConnectDefaults: { namespace: 'local' } });
  call('ecs.UpdateClusterSettings', { cluster: 'demo', settings: [{ name: 'containerInsights', value: 'disabled' }] });
  call('ecs.CreateCapacityProvider', { name: 'cp', autoScalingGroupProvider: { autoScalingGroupArn: 'asg' }, tags: [{ key: 'k', value: 'v' }] });
  call('ecs.CreateCapacityProvider', {
    name: 'managed',
    cluster: 'demo',
    managedInstancesProvider: {
      infrastructureRoleArn: 'arn:aws:iam::123456789012:role/ecsInfrastructureRole',
      instanceLaunchTemplate: {
        ec2InstanceProfileArn: 'arn:aws:iam::123456789012:instance-profile/ecsInstanceRole',
        networkConfiguration: { subnets: ['subnet-us-east-1a'] },
        instanceRequirements: { vCpuCount: { min: 2, max: 4 }, memoryMiB: { min: 4096 } },
      },
    },
  });
  call('ecs.UpdateCapacityProvider', { name: 'cp', autoScalingGroupProvider: { managedScaling: { status: 'DISABLED' } } });
  call('ecs.PutClusterCapacityProviders', { cluster: 'demo', capacityProviders: ['FARGATE', 'cp', 'managed'], defaultCapacityProviderStrategy: [] });
  call('ecs.RunTask', { cluster: 'demo', taskDefinition: 'mi', capacityProviderStrategy: [{ capacityProvider: 'managed', weight: 1 }], networkConfiguration: net });
  wait(90);
  call('ecs.DescribeCapacityProviders');
  call('ecs.PutClusterCapacityProviders', { cluster: 'demo', capacityProviders: ['FARGATE', 'managed'], defaultCapacityProviderStrategy: [] });
  call('ecs.DeleteCapacityProvider', { capacityProvider: 'cp' });
  call('ecs.PutAccountSetting', { name: 'awsvpcTrunking', value: 'enabled' });
  call('ecs.PutAccountSettingDefault', { name: 'containerInstanceLongArnFormat', value: 'enabled' });
  call('ecs.ListAccountSettings', {});
  call('ecs.DeleteAccountSetting', { name: 'awsvpcTrunking' });
  const clusterArn = sim.arn('cluster/demo');
  call('ecs.TagResource', { resourceArn: clusterArn, tags: [{ key: 'env', value: 'test' }] });
  call('ecs.UntagResource', { resourceArn: clusterArn, tagKeys: ['team'] });
  call('ecs.ListTagsForResource', { resourceArn: clusterArn });
  call('ecs.ListServices', { cluster: 'demo' });
  call('ecs.ListServicesByNamespace', { namespace: 'local' });
  call('ecs.DescribeServices', { cluster: 'demo', services: ['svc', 'sc'] });
  call('ecs.UpdateService', { cluster: 'demo', service: 'svc', desiredCount: 2 });
  // A blue/green service: its service deployments and revisions, a PAUSE hook continued, a deployment stopped.
  const lb = call('elbv2.CreateLoadBalancer', { Name: 'bg-lb' }).LoadBalancers[0].LoadBalancerArn;
  const blue = call('elbv2.CreateTargetGroup', { Name: 'bg-blue', Port: 80, TargetType: 'ip', HealthCheckIntervalSeconds: 6, HealthyThresholdCount: 2 }).TargetGroups[0].TargetGroupArn;
  const green = call('elbv2.CreateTargetGroup', { Name: 'bg-green', Port: 80, TargetType: 'ip', HealthCheckIntervalSeconds: 6, HealthyThresholdCount: 2 }).TargetGroups[0].TargetGroupArn;
  const forward = {
    Type: 'forward',
    ForwardConfig: {
      TargetGroups: [
        { TargetGroupArn: blue, Weight: 100 },
        { TargetGroupArn: green, Weight: 0 },
      ],
    },
  };
  const listener = call('elbv2.CreateListener', { LoadBalancerArn: lb, Port: 80, DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }] }).Listeners[0].ListenerArn;
  const rule = call('elbv2.CreateRule', { ListenerArn: listener, Priority: 1, Conditions: [{ Field: 'path-pattern', Values: ['/*'] }], Actions: [forward] }).Rules[0].RuleArn;
  call('ecs.CreateService', {
    cluster: 'demo',
    serviceName: 'bg',
    taskDefinition: 'api',
    desiredCount: 1,
    launchType: 'FARGATE',
    networkConfiguration: net,
    loadBalancers: [
      { targetGroupArn: blue, containerName: 'api', containerPort: 8080, advancedConfiguration: { alternateTargetGroupArn: green, productionListenerRule: rule, roleArn: 'arn:aws:iam::123456789012:role/ecsInfrastructureRole' } },
    ],
    deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 1, alarms: { alarmNames: ['bg-5xx'], enable: true, rollback: true }, lifecycleHooks: [{ targetType: 'PAUSE', lifecycleStages: ['POST_SCALE_UP'] }] },
  });
  wait(120);
  call('ecs.UpdateService', { cluster: 'demo', service: 'bg', forceNewDeployment: true });
  wait(120);
  const bgDeployments = call('ecs.ListServiceDeployments', { cluster: 'demo', service: 'bg', status: ['IN_PROGRESS'] }).serviceDeployments as { serviceDeploymentArn: string }[];
  const paused = call('ecs.DescribeServiceDeployments', { serviceDeploymentArns: [bgDeployments[0]!.serviceDeploymentArn] }).serviceDeployments[0];
  call('ecs.DescribeServiceRevisions', { serviceRevisionArns: [paused.targetServiceRevision.arn, paused.sourceServiceRevisions[0].arn] });
  call('ecs.ContinueServiceDeployment', { serviceDeploymentArn: paused.serviceDeploymentArn, hookId: paused.lifecycleHookDetails[0].hookId });
  wait(30);
  call('ecs.StopServiceDeployment', { serviceDeploymentArn: paused.serviceDeploymentArn, stopType: 'ROLLBACK' });
  wait(120);
  call('ecs.DescribeServiceDeployments', { serviceDeploymentArns: [paused.serviceDeploymentArn] });
  call('ecs.DescribeServices', { cluster: 'demo', services: ['bg'] });
  call('ecs.DescribeTaskDefinition', { taskDefinition: 'api', include: ['TAGS'] });
  call('ecs.ListTaskDefinitions', {});
  call('ecs.ListTaskDefinitionFamilies', {});
  call('ecs.StopTask', { cluster: 'demo', task: taskArn(ec2) });
  call('ecs.DeregisterTaskDefinition', { taskDefinition: 'web:1' });
  call('ecs.DeleteTaskDefinitions', { taskDefinitions: ['web:1', 'old:1'] });
  call('ecs.UpdateService', { cluster: 'demo', service: 'svc', desiredCount: 0 });
  call('ecs.DeleteService', { cluster: 'demo', service: 'svc' });
  call('ecs.DeregisterContainerInstance', { cluster: 'demo', containerInstance: cis[1], force: true });
  const express = call('ecs.CreateExpressGatewayService', {
    cluster: 'demo',
    serviceName: 'xp',
    primaryContainer: { image: 'nginx', containerPort: 8080 },
    tags: [{ key: 'app', value: 'xp' }],
    executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    infrastructureRoleArn: 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices',
  }).service.serviceArn as string;
  wait(60);
  call('ecs.UpdateExpressGatewayService', { serviceArn: express, primaryContainer: { image: 'nginx:2' }, scalingTarget: { maxTaskCount: 4 } });
  call('ecs.DescribeExpressGatewayService', { serviceArn: express, include: ['TAGS'] });
  call('ecs.DeleteExpressGatewayService', { serviceArn: express });
  call('ecs.DeleteCluster', { cluster: 'spare' });
  return { answers, errors };
}

describe('ECS answers in the shapes of the ECS API model', () => {
  it.runIf(existsSync(modelPath))('has the output shapes scripts/gen-ecs-output-shapes.mjs derives from the model', () => {
    expect(() => execFileSync(process.execPath, ['scripts/gen-ecs-output-shapes.mjs', modelPath, '--check'], { cwd: root })).not.toThrow();
  });

  it('finds what breaks a shape: an unknown member, a wrong type, a value outside an enum', () => {
    const out: string[] = [];
    violations('Task', { lastStatus: 'RUNNING', launchType: 'SPACESHIP', version: 1.5, containers: {}, bogus: true }, 'Task', out);
    expect(out).toEqual([
      "Task.launchType: 'SPACESHIP' is not one of LaunchType: EC2, FARGATE, EXTERNAL, MANAGED_INSTANCES",
      'Task.version: 1.5, the model has an long',
      'Task.containers: object, the model has a list (Containers)',
      'Task.bogus: not a member of Task',
    ]);
  });

  const { answers, errors } = exercise();

  it('answers every call of the exercise', () => expect(errors).toEqual([]));

  it('calls every ECS operation the engine has', () => {
    const have = Sim.operations()
      .filter((o) => o.startsWith('ecs.'))
      .map((o) => o.slice(4));
    expect(have.filter((op) => !answers.has(op))).toEqual([]);
  });

  for (const op of Sim.operations()
    .filter((o) => o.startsWith('ecs.'))
    .map((o) => o.slice(4))) {
    it(`${op} answers with members, types and enum values of ${model.operations[op] ?? '(no output shape)'}`, () => {
      const out: string[] = [];
      for (const a of answers.get(op) ?? []) violations(model.operations[op]!, a, op, out);
      expect(out).toEqual([]);
    });
  }

  it('returns the members AWS always returns', () => {
    const td = (answers.get('DescribeTaskDefinition')![0] as any).taskDefinition;
    expect(td.containerDefinitions[0]).toMatchObject({ environment: [], mountPoints: [{ sourceVolume: 'data', containerPath: '/data' }], volumesFrom: [], cpu: 0 });
    const web = (answers.get('RegisterTaskDefinition')![0] as any).taskDefinition;
    expect(web.compatibilities).toEqual(['EXTERNAL', 'EC2']);
    expect(td.compatibilities).toEqual(['EC2', 'FARGATE']);
    const task = (answers.get('RunTask')![0] as any).tasks[0];
    expect(task.overrides).toEqual({ containerOverrides: [{ name: 'web', memory: 300 }, { name: 'side' }], inferenceAcceleratorOverrides: [] });
  });
});
