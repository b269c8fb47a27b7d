import { describe, expect, it } from 'vitest';
import { Sim } from '../../../../src/sim';
import { apiWorld, AWSVPC, fargateTaskDefinition, ok } from '../../../support/simapiWorld';

const onEc2 = (extra: Record<string, unknown>) => apiWorld(1).call('ecs.RunTask', { cluster: 'demo', taskDefinition: 'web', ...extra });

function fargate(): Sim {
  const sim = apiWorld(0);
  fargateTaskDefinition(sim);
  return sim;
}
const onFargate = (sim: Sim, extra: Record<string, unknown>) => sim.call('ecs.RunTask', { cluster: 'demo', taskDefinition: 'app', launchType: 'FARGATE', networkConfiguration: AWSVPC, ...extra });

describe('placement strategies and constraints of a launch', () => {
  it.each([
    ['six strategies', { placementStrategy: Array.from({ length: 6 }, () => ({ type: 'random' })) }, 'Too many placement strategies: 6. The maximum is 5.'],
    ['binpack on a field other than cpu or memory', { placementStrategy: [{ type: 'binpack', field: 'instanceId' }] }, "Invalid field 'instanceId' for the binpack placement strategy. Valid fields are cpu and memory."],
    ['spread without a field', { placementStrategy: [{ type: 'spread' }] }, 'The spread placement strategy requires a field, such as instanceId or attribute:ecs.availability-zone.'],
    ['random with a field', { placementStrategy: [{ type: 'random', field: 'cpu' }] }, 'The random placement strategy does not take a field.'],
    ['an unknown strategy type', { placementStrategy: [{ type: 'roundrobin' }] }, "Invalid placement strategy type 'roundrobin'. Valid types are random, spread and binpack."],
    ['eleven constraints', { placementConstraints: Array.from({ length: 11 }, () => ({ type: 'distinctInstance' })) }, "Too many placement constraints: 11 including the task definition's. The maximum is 10."],
    ['distinctInstance with an expression', { placementConstraints: [{ type: 'distinctInstance', expression: 'x' }] }, 'The distinctInstance placement constraint does not take an expression.'],
    ['memberOf without an expression', { placementConstraints: [{ type: 'memberOf' }] }, 'The memberOf placement constraint requires an expression.'],
    ['memberOf with an expression it cannot read', { placementConstraints: [{ type: 'memberOf', expression: 'attribute:stack ==' }] }, "Invalid placement constraint expression 'attribute:stack ==': expected a value at position 18."],
    ['an unknown constraint type', { placementConstraints: [{ type: 'sameZone' }] }, "Invalid placement constraint type 'sameZone'. Valid types are distinctInstance and memberOf."],
  ])('refuse %s', (_, extra, message) => {
    expect(onEc2(extra).error).toEqual({ code: 'InvalidParameterException', message });
  });

  it("count the task definition's constraints toward the ten", () => {
    const sim = apiWorld(1);
    ok(sim, 'ecs.RegisterTaskDefinition', { family: 'c', containerDefinitions: [{ name: 'c', image: 'nginx', memory: 64 }], placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.os-type == linux' }] });
    const ten = Array.from({ length: 10 }, () => ({ type: 'distinctInstance' }));
    expect(sim.call('ecs.RunTask', { cluster: 'demo', taskDefinition: 'c', placementConstraints: ten }).error?.message).toBe("Too many placement constraints: 11 including the task definition's. The maximum is 10.");
    expect(sim.call('ecs.RunTask', { cluster: 'demo', taskDefinition: 'c', placementConstraints: ten.slice(1) }).error).toBeUndefined();
  });

  it('refuse any strategy or constraint on Fargate', () => {
    expect(onFargate(fargate(), { placementConstraints: [{ type: 'distinctInstance' }] }).error).toEqual({
      code: 'InvalidParameterException',
      message: 'Task placement strategies and constraints are not supported for the Fargate launch type.',
    });
  });
});

describe('the network configuration of a launch', () => {
  it.each([
    ['none', { networkConfiguration: undefined }, "Network Configuration must be provided when networkMode 'awsvpc' is specified."],
    ['no subnets', { networkConfiguration: { awsvpcConfiguration: { subnets: [] } } }, 'subnets can not be empty.'],
    ['17 subnets', { networkConfiguration: { awsvpcConfiguration: { subnets: Array.from({ length: 17 }, () => 'subnet-us-east-1a') } } }, 'At most 16 subnets can be specified.'],
    ['a subnet that does not exist', { networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-nope'] } } }, "Error retrieving subnet information for [subnet-nope]: The subnet ID 'subnet-nope' does not exist"],
    ['six security groups', { networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-us-east-1a'], securityGroups: ['a', 'b', 'c', 'd', 'e', 'f'] } } }, 'At most 5 security groups can be specified.'],
  ])('of an awsvpc task refuses %s', (_, extra, message) => {
    expect(onFargate(fargate(), extra).error).toEqual({ code: 'InvalidParameterException', message });
  });
});

describe('the platform version of a Fargate launch', () => {
  it('is 1.4.0 for LATEST or none, keeps an older one, and refuses one that does not exist', () => {
    const sim = fargate();
    const pv = (extra: Record<string, unknown>) => (ok(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: 'app', launchType: 'FARGATE', networkConfiguration: AWSVPC, ...extra }).tasks[0] as { platformVersion: string }).platformVersion;
    expect(pv({})).toBe('1.4.0');
    expect(pv({ platformVersion: 'LATEST' })).toBe('1.4.0');
    expect(pv({ platformVersion: '1.3.0' })).toBe('1.3.0');
    expect(onFargate(sim, { platformVersion: '2.0.0' }).error).toEqual({ code: 'InvalidParameterException', message: 'The specified platform version (2.0.0) does not exist.' });
  });

  it('must be 1.4.0 for ARM64 and for the largest sizes', () => {
    const sim = fargate();
    fargateTaskDefinition(sim, 'arm', { runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' } });
    fargateTaskDefinition(sim, 'big', { cpu: '8192', memory: '16384' });
    expect(sim.call('ecs.RunTask', { cluster: 'demo', taskDefinition: 'arm', launchType: 'FARGATE', platformVersion: '1.3.0', networkConfiguration: AWSVPC }).error?.message).toBe(
      "The specified platform version (1.3.0) does not satisfy the task definition's required capabilities: the ARM64 architecture needs platform version 1.4.0 or later.",
    );
    expect(sim.call('ecs.RunTask', { cluster: 'demo', taskDefinition: 'big', launchType: 'FARGATE', platformVersion: '1.3.0', networkConfiguration: AWSVPC }).error?.message).toBe(
      "The specified platform version (1.3.0) does not satisfy the task definition's required capabilities: 8192 CPU needs platform version 1.4.0 or later.",
    );
  });
});
