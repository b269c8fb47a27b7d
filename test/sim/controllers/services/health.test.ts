import { describe, expect, it } from 'vitest';
import { isHealthy, onDraining } from '../../../../src/sim/controllers/services/health';
import { ec2TaskDef, ec2World, liveTasks, ok } from '../../../support/controllerWorld';

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
