import { describe, expect, it } from 'vitest';
import { failingHealth, graceEndMs, isHealthy, onDraining } from '../../../../src/sim/controllers/services/health';
import type { Service, Task } from '../../../../src/sim/model/types';
import { ec2TaskDef, ec2World, liveTasks, ok } from '../../../support/controllerWorld';

/** A service `web` of one task with a 5 s container health check and `graceSeconds` of grace; the task is RUNNING at 72.5 s. */
function graceWorld(graceSeconds: number, image = 'web:1') {
  const sim = ec2World(3);
  ec2TaskDef(sim, 'web', { image, healthCheck: { command: ['CMD', 'true'], interval: 5, retries: 1 } });
  ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 1, healthCheckGracePeriodSeconds: graceSeconds });
  return sim;
}
const createdAt = (sim: ReturnType<typeof graceWorld>) => Object.values(sim.world.tasks).map((t) => t.createdAtMs);

describe('when a service task counts as healthy', () => {
  it('without checks: 40 s after RUNNING', () => {
    const sim = ec2World(1);
    ec2TaskDef(sim, 'web');
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 1 });
    sim.runUntil(72_500); // RUNNING now
    const [t] = liveTasks(sim, 'web');
    expect(t!.lastStatus).toBe('RUNNING');
    expect(isHealthy(sim, t!)).toBe(false);
    sim.runUntil(112_499);
    expect(isHealthy(sim, t!)).toBe(false);
    sim.runUntil(112_500);
    expect(isHealthy(sim, t!)).toBe(true);
  });

  it('with a container health check: once HEALTHY, and never while UNHEALTHY or asked to stop', () => {
    const sim = ec2World(1);
    ok(sim, 'sim.SetImage', { image: 'web:1', healthyAfterSeconds: 60 });
    ec2TaskDef(sim, 'web', { healthCheck: { command: ['CMD', 'true'], interval: 10, retries: 3, startPeriod: 90 } });
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 1 });
    sim.runUntil(130_000); // RUNNING for 57.5 s, well past the 40 s, but not yet HEALTHY
    const [t] = liveTasks(sim, 'web');
    expect(t!.healthStatus).toBe('UNKNOWN');
    expect(isHealthy(sim, t!)).toBe(false);
    sim.runUntil(135_000);
    expect(t!.healthStatus).toBe('HEALTHY');
    expect(isHealthy(sim, t!)).toBe(true);
    ok(sim, 'ecs.StopTask', { cluster: 'demo', task: t!.taskArn });
    expect(isHealthy(sim, t!)).toBe(false);
  });

  it('behind a load balancer: once its target is healthy (defaults: five checks 30 s apart), not 40 s after RUNNING', () => {
    const sim = ec2World(1);
    const lb = ok(sim, 'elbv2.CreateLoadBalancer', { Name: 'lb' }).LoadBalancers[0].LoadBalancerArn;
    const tg = ok(sim, 'elbv2.CreateTargetGroup', { Name: 'web', Port: 80, TargetType: 'instance' }).TargetGroups[0].TargetGroupArn as string;
    ok(sim, 'elbv2.CreateListener', { LoadBalancerArn: lb, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }] });
    ec2TaskDef(sim, 'web', { portMappings: [{ containerPort: 80, hostPort: 0 }] });
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 1, loadBalancers: [{ targetGroupArn: tg, containerName: 'app', containerPort: 80 }] });
    sim.runUntil(200_000);
    const [t] = liveTasks(sim, 'web');
    // RUNNING at 72.5 s; checks at 102.5 … 222.5 s: the fifth makes the target healthy.
    expect(isHealthy(sim, t!)).toBe(false);
    sim.runUntil(222_499);
    expect(isHealthy(sim, t!)).toBe(false);
    sim.runUntil(222_500);
    expect(isHealthy(sim, t!)).toBe(true);
  });

  it('a non-essential container’s health check does not count', () => {
    const sim = ec2World(1);
    ok(sim, 'sim.SetImage', { image: 'side:1', healthCheckFails: true });
    ok(sim, 'ecs.RegisterTaskDefinition', {
      family: 'web',
      containerDefinitions: [
        { name: 'app', image: 'web:1', memory: 128 },
        { name: 'side', image: 'side:1', memory: 128, essential: false, healthCheck: { command: ['CMD', 'true'], interval: 5, retries: 1 } },
      ],
    });
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 1 });
    sim.runUntil(120_000);
    expect(isHealthy(sim, liveTasks(sim, 'web')[0]!)).toBe(true);
  });

  it('onDraining: only tasks on a DRAINING instance', () => {
    const sim = ec2World(2);
    ec2TaskDef(sim, 'web', { portMappings: [{ containerPort: 80, hostPort: 80 }] });
    ok(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: 'web', count: 2 });
    const [a, b] = Object.values(sim.world.tasks);
    ok(sim, 'ecs.UpdateContainerInstancesState', { cluster: 'demo', containerInstances: [a!.containerInstanceArn], status: 'DRAINING' });
    expect([onDraining(sim, a!), onDraining(sim, b!)]).toEqual([true, false]);
  });
});

describe('the health-check grace period', () => {
  it('ends healthCheckGracePeriodSeconds after the task started; without one, when it starts', () => {
    const t = { startedAtMs: 72_500 } as Task;
    expect(graceEndMs({ healthCheckGracePeriodSeconds: 120 } as Service, t)).toBe(192_500);
    expect(graceEndMs({} as Service, t)).toBe(72_500);
  });

  it('failingHealth: a task UNHEALTHY by its container checks, whatever the grace period', () => {
    const sim = graceWorld(600);
    sim.runUntil(80_000);
    const [t] = liveTasks(sim, 'web');
    expect([t!.healthStatus, failingHealth(sim, t!)]).toEqual(['HEALTHY', false]);
    ok(sim, 'sim.FailHealthCheck', { cluster: 'demo', task: t!.taskArn });
    sim.runUntil(90_000);
    expect([t!.healthStatus, failingHealth(sim, t!)]).toEqual(['UNHEALTHY', true]);
  });

  it('a task failing inside its period is acted on when the period ends: a replacement starts then', () => {
    const sim = graceWorld(120);
    sim.runUntil(80_000);
    ok(sim, 'sim.FailHealthCheck', { cluster: 'demo', task: liveTasks(sim, 'web')[0]!.taskArn });
    sim.runUntil(192_499);
    expect(createdAt(sim)).toEqual([60_000]);
    sim.runUntil(192_500);
    expect(createdAt(sim)).toEqual([60_000, 192_500]);
  });

  it('a task that recovers inside its period is left alone when it ends', () => {
    const sim = graceWorld(120);
    sim.runUntil(80_000);
    const [t] = liveTasks(sim, 'web');
    ok(sim, 'sim.FailHealthCheck', { cluster: 'demo', task: t!.taskArn });
    sim.runUntil(100_000);
    expect(t!.healthStatus).toBe('UNHEALTHY');
    ok(sim, 'sim.FailHealthCheck', { cluster: 'demo', task: t!.taskArn, failing: false });
    sim.runUntil(400_000);
    expect(t!.healthStatus).toBe('HEALTHY');
    expect(createdAt(sim)).toEqual([60_000]);
  });

  it('UpdateService moves the end: a longer period is waited out, a shorter one ends at its new end', () => {
    const longer = graceWorld(120);
    longer.runUntil(80_000);
    ok(longer, 'sim.FailHealthCheck', { cluster: 'demo', task: liveTasks(longer, 'web')[0]!.taskArn });
    longer.runUntil(150_000);
    ok(longer, 'ecs.UpdateService', { cluster: 'demo', service: 'web', healthCheckGracePeriodSeconds: 300 });
    longer.runUntil(372_499);
    expect(createdAt(longer)).toEqual([60_000]);
    longer.runUntil(372_500);
    expect(createdAt(longer)).toEqual([60_000, 372_500]);

    const shorter = graceWorld(600);
    shorter.runUntil(80_000);
    ok(shorter, 'sim.FailHealthCheck', { cluster: 'demo', task: liveTasks(shorter, 'web')[0]!.taskArn });
    shorter.runUntil(150_000);
    ok(shorter, 'ecs.UpdateService', { cluster: 'demo', service: 'web', healthCheckGracePeriodSeconds: 100 });
    shorter.runUntil(172_500);
    expect(createdAt(shorter)).toEqual([60_000, 172_500]);
  });
});
