import { describe, expect, it } from 'vitest';
import { allTasks, ec2TaskDef, ec2World, ok } from '../../../support/controllerWorld';

type World = ReturnType<typeof ec2World>;
const run = (sim: World, td: string, extra: Record<string, unknown> = {}) => ok(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: td, ...extra }).tasks as { taskArn: string }[];

describe('creating a task', () => {
  it('reserves the task’s CPU, memory and static host port on its instance and records the instance, zone and group', () => {
    const sim = ec2World(1);
    ec2TaskDef(sim, 'web', { portMappings: [{ containerPort: 80, hostPort: 80 }] });
    const [{ taskArn }] = run(sim, 'web') as [{ taskArn: string }];
    const t = sim.world.tasks[taskArn]!;
    const ci = Object.values(sim.world.containerInstances)[0]!;
    expect(ci).toMatchObject({ usedCpu: 256, usedMemory: 512, usedPorts: [80], taskArns: [taskArn] });
    expect(t).toMatchObject({
      containerInstanceArn: ci.containerInstanceArn,
      ec2InstanceId: ci.ec2InstanceId,
      availabilityZone: ci.availabilityZone,
      group: 'family:web',
      networkMode: 'bridge',
      lastStatus: 'PENDING',
      desiredStatus: 'RUNNING',
      reserved: { cpu: 256, memory: 512, ports: [80] },
    });
    expect(t.containers[0]!.networkBindings).toEqual([{ bindIP: '0.0.0.0', containerPort: 80, hostPort: 80, protocol: 'tcp' }]);
    expect(t.taskArn).toBe(`arn:aws:ecs:us-east-1:123456789012:task/demo/${t.id}`);
  });

  it('gives dynamic host ports from 49153 up, the lowest free first, and not as reserved ports', () => {
    const sim = ec2World(1);
    ec2TaskDef(sim, 'dyn', {
      cpu: 64,
      memory: 64,
      portMappings: [
        { containerPort: 80, hostPort: 0 },
        { containerPort: 53, protocol: 'udp' },
      ],
    });
    const ts = run(sim, 'dyn', { count: 2 }).map((x) => sim.world.tasks[x.taskArn]!);
    expect(ts.map((t) => t.containers[0]!.networkBindings.map((b) => `${b.hostPort}/${b.protocol}`))).toEqual([
      ['49153/tcp', '49153/udp'],
      ['49154/tcp', '49154/udp'],
    ]);
    expect(Object.values(sim.world.containerInstances)[0]!.usedPorts).toEqual([]);
    // The first task stops: its ports are free again for the next one.
    ok(sim, 'ecs.StopTask', { cluster: 'demo', task: ts[0]!.taskArn });
    sim.runUntil(120_000);
    const [third] = run(sim, 'dyn').map((x) => sim.world.tasks[x.taskArn]!);
    expect(third!.containers[0]!.networkBindings.map((b) => b.hostPort)).toEqual([49153, 49153]);
  });

  it('host mode binds each container port as the host port', () => {
    const sim = ec2World(1);
    ec2TaskDef(sim, 'h', { portMappings: [{ containerPort: 8080 }] }, { networkMode: 'host' });
    const [{ taskArn }] = run(sim, 'h') as [{ taskArn: string }];
    expect(sim.world.tasks[taskArn]!.containers[0]!.networkBindings.map((b) => b.hostPort)).toEqual([8080]);
  });

  it('an awsvpc task gets an ENI and the next private IP of its subnet and starts in PROVISIONING', () => {
    const sim = ec2World(1);
    ec2TaskDef(sim, 'v', {}, { networkMode: 'awsvpc' });
    const ci = Object.values(sim.world.containerInstances)[0]!;
    const subnet = sim.world.subnets[ci.subnetId]!;
    const next = subnet.nextIp;
    const [{ taskArn }] = run(sim, 'v', { networkConfiguration: { awsvpcConfiguration: { subnets: [ci.subnetId] } } }) as [{ taskArn: string }];
    const t = sim.world.tasks[taskArn]!;
    const base = subnet.cidr.split('/')[0]!.split('.').map(Number);
    expect(t.privateIp).toBe(`${base[0]}.${base[1]}.${base[2]! + (next >> 8)}.${next & 255}`);
    expect(t.eniId).toMatch(/^eni-[0-9a-f]{17}$/);
    expect(t.lastStatus).toBe('PROVISIONING');
    expect(subnet.nextIp).toBe(next + 1);
    expect(ci.usedEni).toBe(1);
  });

  it('shows one containerOverrides entry per container, in the task definition’s order, with what the request overrode', () => {
    const sim = ec2World(1);
    ok(sim, 'ecs.RegisterTaskDefinition', {
      family: 'pair',
      containerDefinitions: [
        { name: 'a', image: 'a:1', memory: 128 },
        { name: 'b', image: 'b:1', memory: 128 },
      ],
    });
    const [{ taskArn }] = run(sim, 'pair', { overrides: { containerOverrides: [{ name: 'b', memory: 200, command: ['x'] }] } }) as [{ taskArn: string }];
    const t = sim.world.tasks[taskArn]!;
    expect(t.overrides).toEqual({ containerOverrides: [{ name: 'a' }, { name: 'b', memory: 200, command: ['x'] }], inferenceAcceleratorOverrides: [] });
    expect(t.containers.map((c) => c.memory)).toEqual([128, 200]);
  });

  it('keeps every task in creation order in the world', () => {
    const sim = ec2World(2);
    ec2TaskDef(sim, 'web', { cpu: 64, memory: 64 });
    const arns = run(sim, 'web', { count: 3 }).map((x) => x.taskArn);
    expect(allTasks(sim).map((t) => t.taskArn)).toEqual(arns);
  });
});
