import { describe, expect, it } from 'vitest';
import { deploymentTaskDefinition, findTaskDefinition, requirementsOf, taskDefinitionByArn, taskDefinitionOf } from '../../../src/sim/queries/taskDefinitions';
import type { TaskDefinition } from '../../../src/sim/model/types';
import { demoSim, ok, serviceRecord, taskRecord } from '../../support/simcoreRecords';

function threeRevisions() {
  const { sim } = demoSim();
  for (const memory of [128, 256, 512]) ok(sim, 'ecs.RegisterTaskDefinition', { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory }] });
  return sim;
}

const memoryOf = (td: TaskDefinition | undefined) => td?.containerDefinitions[0]?.memory;

describe('finding a task definition', () => {
  it('by family (its latest ACTIVE revision), family:revision, or ARN', () => {
    const sim = threeRevisions();
    expect(findTaskDefinition(sim, 'web')?.revision).toBe(3);
    expect(findTaskDefinition(sim, 'web:1')?.revision).toBe(1);
    expect(findTaskDefinition(sim, sim.arn('task-definition/web:2'))?.revision).toBe(2);
    ok(sim, 'ecs.DeregisterTaskDefinition', { taskDefinition: 'web:3' });
    expect(findTaskDefinition(sim, 'web')?.revision).toBe(2);
    expect(findTaskDefinition(sim, 'web:3')?.status).toBe('INACTIVE');
  });

  it('finds nothing for an unknown family or revision, a revision that is not a number, or an inherited key', () => {
    const sim = threeRevisions();
    for (const ref of ['api', 'web:4', 'web:0', 'web:x', 'web:1.0', 'constructor', '__proto__', 'toString:1']) expect(findTaskDefinition(sim, ref), ref).toBeUndefined();
    ok(sim, 'ecs.DeregisterTaskDefinition', { taskDefinition: 'web:1' });
    ok(sim, 'ecs.DeregisterTaskDefinition', { taskDefinition: 'web:2' });
    ok(sim, 'ecs.DeregisterTaskDefinition', { taskDefinition: 'web:3' });
    expect(findTaskDefinition(sim, 'web')).toBeUndefined();
  });

  it('by ARN, for a task and for a deployment', () => {
    const sim = threeRevisions();
    expect(memoryOf(taskDefinitionByArn(sim.world, sim.arn('task-definition/web:2')))).toBe(256);
    expect(taskDefinitionByArn(sim.world, sim.arn('task-definition/web'))).toBeUndefined();
    expect(taskDefinitionByArn(sim.world, sim.arn('task-definition/valueOf:1'))).toBeUndefined();
    const t = taskRecord(sim, 't1', { taskDefinitionArn: sim.arn('task-definition/web:3') });
    expect(memoryOf(taskDefinitionOf(sim, t))).toBe(512);
    expect(taskDefinitionOf(sim, taskRecord(sim, 't2', { taskDefinitionArn: sim.arn('task-definition/none:1') }))).toBeUndefined();
    const svc = serviceRecord(sim, 'web', { taskDefinition: 'web:1' });
    expect(memoryOf(deploymentTaskDefinition(sim, svc.deployments[0]!))).toBe(128);
  });

  it('for a task whose definition is registered after a first lookup found nothing', () => {
    const { sim } = demoSim();
    const t = taskRecord(sim, 't1', { taskDefinitionArn: sim.arn('task-definition/late:1') });
    expect(taskDefinitionOf(sim, t)).toBeUndefined();
    ok(sim, 'ecs.RegisterTaskDefinition', { family: 'late', containerDefinitions: [{ name: 'a', image: 'nginx', memory: 64 }] });
    expect(taskDefinitionOf(sim, t)?.family).toBe('late');
  });
});

describe('what a task definition asks of an instance', () => {
  const td = (over: Partial<TaskDefinition>): TaskDefinition => ({ containerDefinitions: [], requiresAttributes: [], ...over }) as unknown as TaskDefinition;

  it('sums container CPU and memory (the reservation before the hard limit) and GPUs, unless task-level sizes say otherwise', () => {
    const defs = [{ name: 'a', cpu: 256, memory: 512, resourceRequirements: [{ type: 'GPU', value: '1' }] }, { name: 'b', cpu: 128, memory: 1024, memoryReservation: 256, resourceRequirements: [{ type: 'GPU', value: '2' }] }, { name: 'c' }];
    expect(requirementsOf(td({ containerDefinitions: defs as never }), 'EC2')).toMatchObject({ cpu: 384, memory: 768, gpu: 3 });
    expect(requirementsOf(td({ containerDefinitions: defs as never, cpu: '1024', memory: '2048' }), 'EC2')).toMatchObject({ cpu: 1024, memory: 2048, gpu: 3 });
  });

  it('reserves static host ports in bridge and host mode, counts dynamic ones, and none for awsvpc or Fargate', () => {
    const defs = [{ name: 'a', portMappings: [{ containerPort: 80, hostPort: 8080 }, { containerPort: 53, hostPort: 53, protocol: 'udp' }, { containerPort: 9000 }, { containerPort: 9001, hostPort: 0 }, {}] }];
    expect(requirementsOf(td({ containerDefinitions: defs as never }), 'EC2')).toMatchObject({ ports: [8080], portsUdp: [53], dynamicPorts: 2, eni: 0 });
    expect(requirementsOf(td({ containerDefinitions: defs as never, networkMode: 'host' }), 'EC2')).toMatchObject({ ports: [80, 9000, 9001], portsUdp: [53], dynamicPorts: 0 });
    expect(requirementsOf(td({ containerDefinitions: defs as never, networkMode: 'awsvpc' }), 'EC2')).toMatchObject({ ports: [], dynamicPorts: 0, eni: 1 });
    expect(requirementsOf(td({ containerDefinitions: defs as never, networkMode: 'awsvpc' }), 'FARGATE')).toMatchObject({ ports: [], eni: 0 });
  });

  it('asks for the attributes it requires, and the OS and architecture its runtime platform names', () => {
    const r = requirementsOf(td({ requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.docker-remote-api.1.19' }], runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE', cpuArchitecture: 'ARM64' } } as never), 'EC2');
    expect(r.attributes).toEqual([{ name: 'com.amazonaws.ecs.capability.docker-remote-api.1.19' }, { name: 'ecs.os-type', value: 'windows' }, { name: 'ecs.cpu-architecture', value: 'arm64' }]);
    expect(requirementsOf(td({ runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'X86_64' } } as never), 'EC2').attributes).toEqual([
      { name: 'ecs.os-type', value: 'linux' },
      { name: 'ecs.cpu-architecture', value: 'x86_64' },
    ]);
  });
});
