import { describe, expect, it } from 'vitest';
import { ec2TaskDef, ec2World, FARGATE_NETWORK, fargateTaskDef, ok, statusTimeline } from '../../../support/controllerWorld';

const run = (sim: ReturnType<typeof ec2World>, td: string, extra: Record<string, unknown> = {}) => ok(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: td, ...extra }).tasks[0].taskArn as string;

describe('the task lifecycle from placement to RUNNING', () => {
  it('on EC2 (bridge): PENDING at once, RUNNING after the agent ack, the 10 s pull, docker create and start (12.5 s)', () => {
    const sim = ec2World(1);
    ec2TaskDef(sim, 'web');
    const arn = run(sim, 'web');
    sim.runUntil(120_000);
    expect(statusTimeline(sim, arn)).toEqual([
      [60_000, 'PENDING'],
      [72_500, 'RUNNING'],
    ]);
    const t = sim.world.tasks[arn]!;
    expect(t.startedAtMs).toBe(72_500);
    expect(t.pullStartedAtMs).toBe(61_000);
    expect(t.pullStoppedAtMs).toBe(71_000);
    expect(t.containers[0]!.state).toBe('RUNNING');
  });

  it('pulls an image the instance has cached in 1 s, so a second task of it runs 3.5 s after placement', () => {
    const sim = ec2World(1);
    ec2TaskDef(sim, 'web');
    run(sim, 'web');
    sim.runUntil(120_000);
    expect(sim.world.ec2[Object.keys(sim.world.ec2)[0]!]!.imageCache).toEqual(['web:1']);
    const second = run(sim, 'web');
    sim.runUntil(180_000);
    expect(statusTimeline(sim, second)).toEqual([
      [120_000, 'PENDING'],
      [123_500, 'RUNNING'],
    ]);
  });

  it('on Fargate: PROVISIONING 7 s, then PENDING and the 20 s uncached pull before RUNNING', () => {
    const sim = ec2World(0);
    fargateTaskDef(sim, 'f');
    const arn = run(sim, 'f', { launchType: 'FARGATE', networkConfiguration: FARGATE_NETWORK });
    sim.runUntil(180_000);
    expect(statusTimeline(sim, arn)).toEqual([
      [60_000, 'PROVISIONING'],
      [67_000, 'PENDING'],
      [88_500, 'RUNNING'],
    ]);
  });

  it('an image no registry has fails the pull after 5 s: STOPPED with TaskFailedToStart and CannotPullContainerError naming the docker.io reference', () => {
    const sim = ec2World(1);
    ok(sim, 'sim.SetImage', { image: 'ghost', exists: false });
    ec2TaskDef(sim, 'ghost', { image: 'ghost' });
    const arn = run(sim, 'ghost');
    sim.runUntil(120_000);
    const t = sim.world.tasks[arn]!;
    expect(statusTimeline(sim, arn)).toEqual([
      [60_000, 'PENDING'],
      [66_000, 'STOPPED'],
    ]);
    expect(t.stopCode).toBe('TaskFailedToStart');
    expect(t.stoppedReason).toBe('CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref docker.io/library/ghost:latest: docker.io/library/ghost:latest: not found');
    expect(t.containers[0]!.reason).toBe(t.stoppedReason);
    expect(t.reachedRunning).toBe(false);
    // The instance's reservation is released.
    expect(Object.values(sim.world.containerInstances)[0]!.usedCpu).toBe(0);
  });

  it('stops a task whose essential container waits for a dependency that never becomes healthy, after the 3-minute start timeout', () => {
    const sim = ec2World(1);
    ok(sim, 'sim.SetImage', { image: 'db:1', healthCheckFails: true });
    ok(sim, 'ecs.RegisterTaskDefinition', {
      family: 'pair',
      containerDefinitions: [
        { name: 'db', image: 'db:1', memory: 256, essential: false, healthCheck: { command: ['CMD', 'true'], interval: 5, retries: 3 } },
        { name: 'app', image: 'app:1', memory: 256, dependsOn: [{ containerName: 'db', condition: 'HEALTHY' }] },
      ],
    });
    const arn = run(sim, 'pair');
    sim.runUntil(60_000 + 12_000 + 180_000 + 5_000);
    const t = sim.world.tasks[arn]!;
    expect(t.desiredStatus).toBe('STOPPED');
    expect(t.stopCode).toBe('TaskFailedToStart');
    expect(t.stoppedReason).toBe('Task failed to start: dependencies of container app were not met within the start timeout');
    expect(t.containers.find((c) => c.name === 'app')!.reason).toBe('DependencyTimeout: dependencies of container app were not met within the start timeout');
    // Created at 72 s (ack, pull, create): the timeout is 180 s later.
    const stopping = (sim.events as readonly Record<string, any>[]).find((e) => e.type === 'TaskStateChange' && e.taskArn === arn && e.desiredStatus === 'STOPPED')!;
    expect(stopping.t).toBe(72_000 + 180_000);
  });
});
