import { describe, expect, it } from 'vitest';
import { ec2TaskDef, ec2World, fargateTaskDef, ok, statusTimeline } from '../../../support/controllerWorld';

type World = ReturnType<typeof ec2World>;
const run = (sim: World, td: string, extra: Record<string, unknown> = {}) => ok(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: td, ...extra }).tasks[0].taskArn as string;
const instance = (sim: World) => Object.values(sim.world.containerInstances)[0]!;

describe('stopping a task', () => {
  it('StopTask: STOPPING when the agent acks (1 s), SIGTERM, exit 0 a second later, STOPPED with UserInitiated; the instance gets its resources back', () => {
    const sim = ec2World(1);
    ec2TaskDef(sim, 'web', { portMappings: [{ containerPort: 80, hostPort: 8080 }] });
    const arn = run(sim, 'web');
    sim.runUntil(120_000);
    expect(instance(sim)).toMatchObject({ usedCpu: 256, usedMemory: 512, usedPorts: [8080] });
    ok(sim, 'ecs.StopTask', { cluster: 'demo', task: arn, reason: 'done here' });
    sim.runUntil(200_000);
    const t = sim.world.tasks[arn]!;
    expect(statusTimeline(sim, arn).slice(2)).toEqual([
      [121_000, 'STOPPING'],
      [122_000, 'STOPPED'],
    ]);
    expect(t).toMatchObject({ stopCode: 'UserInitiated', stoppedReason: 'done here', stoppingAtMs: 121_000, stoppedAtMs: 122_000 });
    expect(t.containers[0]).toMatchObject({ exitCode: 0, state: 'STOPPED', sigtermAtMs: 121_000 });
    expect(instance(sim)).toMatchObject({ usedCpu: 0, usedMemory: 0, usedPorts: [], taskArns: [] });
  });

  it('StopTask without a reason says “Task stopped by user”; desiredStatus is STOPPED at once while lastStatus is still RUNNING', () => {
    const sim = ec2World(1);
    ec2TaskDef(sim, 'web');
    const arn = run(sim, 'web');
    sim.runUntil(120_000);
    ok(sim, 'ecs.StopTask', { cluster: 'demo', task: arn });
    expect(sim.world.tasks[arn]).toMatchObject({ desiredStatus: 'STOPPED', lastStatus: 'RUNNING', stopCode: 'UserInitiated', stoppedReason: 'Task stopped by user' });
  });

  it('a process that ignores SIGTERM is killed (exit 137) after the container stopTimeout, or the agent default of 30 s', () => {
    const sim = ec2World(1);
    ok(sim, 'sim.SetImage', { image: 'stubborn', ignoresSigterm: true });
    ec2TaskDef(sim, 'slow', { image: 'stubborn' });
    ec2TaskDef(sim, 'quick', { image: 'stubborn', stopTimeout: 5 });
    const slow = run(sim, 'slow');
    const quick = run(sim, 'quick');
    sim.runUntil(120_000);
    ok(sim, 'ecs.StopTask', { cluster: 'demo', task: slow });
    ok(sim, 'ecs.StopTask', { cluster: 'demo', task: quick });
    sim.runUntil(200_000);
    expect(sim.world.tasks[slow]!.containers[0]!.exitCode).toBe(137);
    expect(sim.world.tasks[slow]!.stoppedAtMs).toBe(121_000 + 30_000);
    expect(sim.world.tasks[quick]!.containers[0]!.exitCode).toBe(137);
    expect(sim.world.tasks[quick]!.stoppedAtMs).toBe(121_000 + 5_000);
  });

  it('a process that needs longer than the stop timeout to exit is stopped at the timeout with exit 0 (it handled SIGTERM)', () => {
    const sim = ec2World(1);
    ok(sim, 'sim.SetImage', { image: 'tidy', stopSeconds: 8 });
    ec2TaskDef(sim, 'tidy', { image: 'tidy', stopTimeout: 20 });
    const arn = run(sim, 'tidy');
    sim.runUntil(120_000);
    ok(sim, 'ecs.StopTask', { cluster: 'demo', task: arn });
    sim.runUntil(200_000);
    expect(sim.world.tasks[arn]!.stoppedAtMs).toBe(121_000 + 8_000);
    expect(sim.world.tasks[arn]!.containers[0]!.exitCode).toBe(0);
  });

  it('an awsvpc task detaches its ENI (DEPROVISIONING, 5 s) before STOPPED, and its IP goes back to the subnet', () => {
    const sim = ec2World(0);
    fargateTaskDef(sim, 'f');
    const free = sim.world.subnets['subnet-us-east-1a']!.freeIps;
    const arn = run(sim, 'f', { launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-us-east-1a'] } } });
    expect(sim.world.subnets['subnet-us-east-1a']!.freeIps).toBe(free - 1);
    sim.runUntil(120_000);
    ok(sim, 'ecs.StopTask', { cluster: 'demo', task: arn });
    sim.runUntil(200_000);
    expect(statusTimeline(sim, arn).slice(3)).toEqual([
      [121_000, 'STOPPING'],
      [122_000, 'DEPROVISIONING'],
      [127_000, 'STOPPED'],
    ]);
    expect(sim.world.subnets['subnet-us-east-1a']!.freeIps).toBe(free);
  });

  it('a task stopped before it runs skips STOPPING: its containers never started', () => {
    const sim = ec2World(1);
    ec2TaskDef(sim, 'web');
    const arn = run(sim, 'web');
    sim.runUntil(63_000); // pulling
    ok(sim, 'ecs.StopTask', { cluster: 'demo', task: arn });
    sim.runUntil(120_000);
    expect(statusTimeline(sim, arn)).toEqual([
      [60_000, 'PENDING'],
      [64_000, 'STOPPED'],
    ]);
    expect(sim.world.tasks[arn]!.containers[0]!.exitCode).toBeUndefined();
  });

  it('a terminated host stops its tasks at once, with the host reason and no exit code', () => {
    const sim = ec2World(1);
    ec2TaskDef(sim, 'web');
    const arn = run(sim, 'web');
    sim.runUntil(120_000);
    const id = instance(sim).ec2InstanceId;
    ok(sim, 'sim.TerminateInstances', { instanceIds: [id] });
    const t = sim.world.tasks[arn]!;
    expect(t.lastStatus).toBe('STOPPED');
    expect(t.stoppedAtMs).toBe(120_000);
    expect(t.stoppedReason).toBe(`Host EC2 (instance ${id}) stopped/terminated`);
    expect(t.containers[0]!.exitCode).toBeUndefined();
    expect(instance(sim).status).toBe('INACTIVE');
  });

  it('a Fargate Spot interruption stops the task with SpotInterruption; a process that ignores SIGTERM is killed after the stop timeout', () => {
    const sim = ec2World(0);
    ok(sim, 'sim.SetImage', { image: 'stubborn', ignoresSigterm: true });
    fargateTaskDef(sim, 'f', 'stubborn', { stopTimeout: 120 });
    ok(sim, 'ecs.PutClusterCapacityProviders', { cluster: 'demo', capacityProviders: ['FARGATE', 'FARGATE_SPOT'], defaultCapacityProviderStrategy: [] });
    const arn = run(sim, 'f', { capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }], networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-us-east-1a'] } } });
    sim.runUntil(120_000);
    ok(sim, 'sim.InterruptFargateSpot', { cluster: 'demo' });
    sim.runUntil(400_000);
    const t = sim.world.tasks[arn]!;
    expect(t).toMatchObject({ stopCode: 'SpotInterruption', stoppedReason: 'Your Spot Task was interrupted.', capacityProviderName: 'FARGATE_SPOT' });
    expect(t.containers[0]!.exitCode).toBe(137);
    // SIGTERM when the agent takes the stop (121 s), SIGKILL 120 s later, then the ENI detach.
    expect(statusTimeline(sim, arn).slice(3)).toEqual([
      [121_000, 'STOPPING'],
      [241_000, 'DEPROVISIONING'],
      [246_000, 'STOPPED'],
    ]);
  });
});
