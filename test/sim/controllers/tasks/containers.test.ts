import { describe, expect, it } from 'vitest';
import { ec2TaskDef, ec2World, ok, statusTimeline } from '../../../support/controllerWorld';

type World = ReturnType<typeof ec2World>;
const run = (sim: World, td: string) => ok(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: td }).tasks[0].taskArn as string;
const events = (sim: World, type: string, arn: string) => (sim.events as readonly Record<string, any>[]).filter((e) => e.type === type && e.taskArn === arn);

describe('the containers of a task', () => {
  it('an essential container that exits stops the task: EssentialContainerExited, with its exit code', () => {
    const sim = ec2World(1);
    ec2TaskDef(sim, 'web');
    const arn = run(sim, 'web');
    sim.runUntil(120_000);
    ok(sim, 'sim.ExitContainer', { cluster: 'demo', task: arn, containerName: 'app', exitCode: 3 });
    sim.runUntil(180_000);
    const t = sim.world.tasks[arn]!;
    expect(t).toMatchObject({ lastStatus: 'STOPPED', stopCode: 'EssentialContainerExited', stoppedReason: 'Essential container in task exited' });
    expect(t.containers[0]!.exitCode).toBe(3);
  });

  it('a non-essential container that exits leaves the task RUNNING', () => {
    const sim = ec2World(1);
    ok(sim, 'ecs.RegisterTaskDefinition', {
      family: 'pair',
      containerDefinitions: [
        { name: 'app', image: 'app:1', memory: 256 },
        { name: 'side', image: 'side:1', memory: 128, essential: false },
      ],
    });
    const arn = run(sim, 'pair');
    sim.runUntil(120_000);
    ok(sim, 'sim.ExitContainer', { cluster: 'demo', task: arn, containerName: 'side', exitCode: 1 });
    sim.runUntil(180_000);
    const t = sim.world.tasks[arn]!;
    expect(t.lastStatus).toBe('RUNNING');
    expect(t.containers.map((c) => [c.name, c.state, c.exitCode])).toEqual([
      ['app', 'RUNNING', undefined],
      ['side', 'STOPPED', 1],
    ]);
  });

  it('starts a container only when its dependency is met: SUCCESS waits for the other to exit 0', () => {
    const sim = ec2World(1);
    ok(sim, 'sim.SetImage', { image: 'migrate:1', exitAfterSeconds: 10, exitCode: 0 });
    ok(sim, 'ecs.RegisterTaskDefinition', {
      family: 'pair',
      containerDefinitions: [
        { name: 'migrate', image: 'migrate:1', memory: 128, essential: false },
        { name: 'app', image: 'app:1', memory: 256, dependsOn: [{ containerName: 'migrate', condition: 'SUCCESS' }] },
      ],
    });
    const arn = run(sim, 'pair');
    sim.runUntil(180_000);
    const starts = events(sim, 'ContainerStateChange', arn).map((e) => [e.t, e.containerName, e.lastStatus, e.exitCode]);
    // Created at 72 s; migrate runs at 72.5 s and exits 10 s later; app starts 0.5 s after that.
    expect(starts).toEqual([
      [72_500, 'migrate', 'RUNNING', undefined],
      [82_500, 'migrate', 'STOPPED', 0],
      [83_000, 'app', 'RUNNING', undefined],
    ]);
    expect(statusTimeline(sim, arn).at(-1)).toEqual([83_000, 'RUNNING']);
  });

  it('health checks: HEALTHY after the first pass; UNHEALTHY after `retries` failures in a row', () => {
    const sim = ec2World(1);
    ok(sim, 'sim.SetImage', { image: 'flaky:1', healthyAfterSeconds: 12 });
    ec2TaskDef(sim, 'flaky', { image: 'flaky:1', healthCheck: { command: ['CMD', 'true'], interval: 5, retries: 3 } });
    const arn = run(sim, 'flaky');
    sim.runUntil(120_000);
    // Started at 72.5 s: checks at 77.5 s, 82.5 s fail (under 12 s), 87.5 s passes.
    expect(events(sim, 'ContainerHealthChange', arn).map((e) => [e.t, e.healthStatus])).toEqual([[87_500, 'HEALTHY']]);
    expect(sim.world.tasks[arn]!.healthStatus).toBe('HEALTHY');
    ok(sim, 'sim.FailHealthCheck', { cluster: 'demo', task: arn });
    sim.runUntil(150_000);
    // Checks at 122.5, 127.5, 132.5 s fail: the third makes it UNHEALTHY.
    expect(events(sim, 'ContainerHealthChange', arn).map((e) => [e.t, e.healthStatus])).toEqual([
      [87_500, 'HEALTHY'],
      [132_500, 'UNHEALTHY'],
    ]);
    expect(events(sim, 'TaskHealthChange', arn).map((e) => e.healthStatus)).toEqual(['HEALTHY', 'UNHEALTHY']);
    // A task run by RunTask is not replaced or stopped for it.
    expect(sim.world.tasks[arn]!.lastStatus).toBe('RUNNING');
  });

  it('failures inside the start period do not count', () => {
    const sim = ec2World(1);
    ok(sim, 'sim.SetImage', { image: 'slow:1', healthCheckFails: true });
    ec2TaskDef(sim, 'slow', { image: 'slow:1', healthCheck: { command: ['CMD', 'true'], interval: 5, retries: 2, startPeriod: 30 } });
    const arn = run(sim, 'slow');
    sim.runUntil(200_000);
    // Checks from 77.5 s every 5 s; those less than 30 s after the start (72.5 s) do not count: 102.5 s and 107.5 s do.
    expect(events(sim, 'ContainerHealthChange', arn).map((e) => [e.t, e.healthStatus])).toEqual([[107_500, 'UNHEALTHY']]);
  });

  it('the OOM killer: a container above its hard memory limit exits 137 with OutOfMemoryError', () => {
    const sim = ec2World(1);
    ec2TaskDef(sim, 'web', { memory: 256 });
    const arn = run(sim, 'web');
    sim.runUntil(120_000);
    ok(sim, 'sim.SetLoad', { cluster: 'demo', task: arn, memoryMiB: 300 });
    const t = sim.world.tasks[arn]!;
    expect(t.containers[0]).toMatchObject({ exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' });
    expect(t.stopCode).toBe('EssentialContainerExited');
  });

  it('the restart policy restarts a container that ran past the attempt period in place; one that exits sooner stops the task', () => {
    const sim = ec2World(1);
    ec2TaskDef(sim, 'web', { restartPolicy: { enabled: true, restartAttemptPeriod: 60 } });
    const arn = run(sim, 'web');
    sim.runUntil(140_000); // started at 72.5 s: ran 67.5 s
    ok(sim, 'sim.ExitContainer', { cluster: 'demo', task: arn, containerName: 'app', exitCode: 2 });
    sim.runUntil(141_000);
    const t = sim.world.tasks[arn]!;
    expect(t.lastStatus).toBe('RUNNING');
    expect(t.containers[0]).toMatchObject({ state: 'RUNNING', restartCount: 1, startedAtMs: 140_500 });
    expect(events(sim, 'ContainerRestarted', arn).map((e) => [e.exitCode, e.restartCount])).toEqual([[2, 1]]);
    sim.runUntil(170_000); // 29.5 s since the restart
    ok(sim, 'sim.ExitContainer', { cluster: 'demo', task: arn, containerName: 'app', exitCode: 2 });
    sim.runUntil(200_000);
    expect(t).toMatchObject({ lastStatus: 'STOPPED', stopCode: 'EssentialContainerExited' });
  });
});
