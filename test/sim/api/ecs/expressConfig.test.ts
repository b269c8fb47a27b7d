import { describe, expect, it } from 'vitest';
import { Sim } from '../../../../src/sim';
import { scalingOf } from '../../../../src/sim/api/ecs/expressConfig';
import { ok } from '../../../support/simapiWorld';

const roles = { executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole', infrastructureRoleArn: 'arn:aws:iam::123456789012:role/infra' };
const create = (sim: Sim, extra: Record<string, unknown>) => sim.call('ecs.CreateExpressGatewayService', { serviceName: 'web', ...roles, primaryContainer: { image: 'nginx' }, ...extra });
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return undefined;
};

describe('scalingOf', () => {
  it('defaults to 1 to 20 tasks on 60 % CPU, and takes each member from the previous target when not given', () => {
    const defaults = scalingOf(undefined);
    expect(defaults).toEqual({ minTaskCount: 1, maxTaskCount: 20, autoScalingMetric: 'AVERAGE_CPU', autoScalingTargetValue: 60 });
    expect(scalingOf({ maxTaskCount: 5 }, { ...defaults, minTaskCount: 2 })).toEqual({ minTaskCount: 2, maxTaskCount: 5, autoScalingMetric: 'AVERAGE_CPU', autoScalingTargetValue: 60 });
  });

  it.each([
    [{ minTaskCount: -1 }, 'scalingTarget.minTaskCount must be at least 0.'],
    [{ maxTaskCount: 0, minTaskCount: 0 }, 'scalingTarget.maxTaskCount must be at least 1.'],
    [{ minTaskCount: 5, maxTaskCount: 2 }, 'scalingTarget.minTaskCount cannot be greater than scalingTarget.maxTaskCount.'],
    [{ autoScalingTargetValue: 0 }, 'scalingTarget.autoScalingTargetValue must be greater than 0.'],
  ])('refuses %j', (s, message) => {
    expect(refusal(() => scalingOf(s))).toBe(message);
  });
});

describe('the configuration of an Express service', () => {
  it('registers a Fargate task definition with a container named Main on the container port, 256 CPU units and 512 MiB by default', () => {
    const sim = new Sim();
    ok(sim, 'ecs.CreateExpressGatewayService', { serviceName: 'web', ...roles, primaryContainer: { image: 'nginx', containerPort: 8080 } });
    const td = ok(sim, 'ecs.DescribeTaskDefinition', { taskDefinition: 'web' }).taskDefinition;
    expect(td).toMatchObject({ networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512', executionRoleArn: roles.executionRoleArn });
    expect(td.containerDefinitions[0]).toMatchObject({ name: 'Main', image: 'nginx', portMappings: [{ containerPort: 8080, protocol: 'tcp', name: 'main-8080-tcp' }] });
    expect(td.containerDefinitions[0].logConfiguration.options['awslogs-group']).toBe('/aws/ecs/default/web');
  });

  it.each([
    ['a health check path without a slash', { healthCheckPath: 'ping' }, 'The health check path must start with a forward slash (/).'],
    ['a subnet that does not exist', { networkConfiguration: { subnets: ['subnet-x'] } }, "Error retrieving subnet information for [subnet-x]: The subnet ID 'subnet-x' does not exist"],
    ['a container port of 0', { primaryContainer: { image: 'nginx', containerPort: 0 } }, 'primaryContainer.containerPort must be between 1 and 65535.'],
    ['no container and no task definition', { primaryContainer: undefined }, 'A primaryContainer with an image is required when no taskDefinitionArn is given.'],
    ['no execution role', { executionRoleArn: undefined }, 'An executionRoleArn is required when no taskDefinitionArn is given.'],
    ['a task definition and a container', { taskDefinitionArn: 'own:1' }, 'If you provide a task definition ARN, you cannot also specify primaryContainer, executionRoleArn, taskRoleArn, cpu, or memory.'],
  ])('refuses %s, making nothing', (_, extra, message) => {
    const sim = new Sim();
    expect(create(sim, extra).error).toEqual({ code: 'InvalidParameterException', message });
    expect(ok(sim, 'elbv2.DescribeLoadBalancers').LoadBalancers).toEqual([]);
  });

  it("takes a task definition of the learner's that has Main with one named TCP port, on FARGATE", () => {
    const sim = new Sim();
    const register = (family: string, extra: Record<string, unknown>) =>
      ok(sim, 'ecs.RegisterTaskDefinition', {
        family,
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        cpu: '256',
        memory: '512',
        containerDefinitions: [{ name: 'Main', image: 'nginx', portMappings: [{ containerPort: 3000, name: 'http' }] }],
        ...extra,
      });
    register('good', {});
    register('unnamed', { containerDefinitions: [{ name: 'Main', image: 'nginx', portMappings: [{ containerPort: 3000 }] }] });
    const own = (taskDefinitionArn: string) => sim.call('ecs.CreateExpressGatewayService', { serviceName: taskDefinitionArn.replace(':', '-'), infrastructureRoleArn: roles.infrastructureRoleArn, taskDefinitionArn });
    expect(own('unnamed:1').error?.message).toBe('The task definition of an Express service must have a container named Main with a single TCP port mapping that includes a container port and port name.');
    expect(own('ghost:1').error?.message).toBe('The task definition ghost:1 does not exist or is not ACTIVE.');
    const r = own('good:1');
    expect(r.error).toBeUndefined();
    expect((r.output as any).service.activeConfigurations[0].taskDefinitionArn).toBe('arn:aws:ecs:us-east-1:123456789012:task-definition/good:1');
  });
});
