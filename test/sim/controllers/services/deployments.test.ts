import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Sim } from '../../../../src/sim';
import { isHealthy } from '../../../../src/sim/controllers/services/health';
import { ec2World, FARGATE_NETWORK, fargateTaskDef, liveTasks, ok, serviceMessages } from '../../../support/controllerWorld';

type Strategy = 'ROLLING' | 'BLUE_GREEN' | 'LINEAR' | 'CANARY';

/** A Fargate service of `desired` tasks updated to a second revision at 2 minutes; the healthy count sampled every 5 s. */
function deploy(desired: number, strategy: Strategy, min: number, max: number): { healthy: number[]; done: boolean; sim: Sim } {
  const sim = new Sim({ seed: desired * 7 + min });
  const ok = (r: { error?: { message: string } }) => expect(r.error?.message).toBeUndefined();
  ok(sim.call('ecs.CreateCluster', { clusterName: 'demo' }));
  for (const image of ['app:1', 'app:2']) {
    ok(sim.call('ecs.RegisterTaskDefinition', { family: 'app', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512', containerDefinitions: [{ name: 'app', image }] }));
  }
  const cfg: Record<string, unknown> = { minimumHealthyPercent: min, maximumPercent: max, ...(strategy === 'ROLLING' ? {} : { strategy, bakeTimeInMinutes: 1 }) };
  if (strategy === 'LINEAR') cfg.linearConfiguration = { stepPercent: 50, stepBakeTimeInMinutes: 1 };
  ok(
    sim.call('ecs.CreateService', {
      cluster: 'demo',
      serviceName: 'app',
      taskDefinition: 'app:1',
      desiredCount: desired,
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-us-east-1a'] } },
      deploymentConfiguration: cfg,
    }),
  );
  sim.runUntil(120_000);
  ok(sim.call('ecs.UpdateService', { cluster: 'demo', service: 'app', taskDefinition: 'app:2' }));
  const healthy: number[] = [];
  for (let t = 120_000; t <= 900_000; t += 5_000) {
    sim.runUntil(t);
    healthy.push(Object.values(sim.world.tasks).filter((x) => x.serviceArn && isHealthy(sim, x)).length);
  }
  const svc = Object.values(sim.world.services)[0]!;
  return { healthy, done: svc.deployments.length === 1 && svc.deployments[0]!.rolloutState === 'COMPLETED' && svc.taskDefinition.endsWith('app:2'), sim };
}

describe('deployments', () => {
  it('never drop the healthy count below the floor: blue/green, linear and canary keep blue whole until green is; rolling keeps minimumHealthyPercent (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.constantFrom<Strategy>('ROLLING', 'BLUE_GREEN', 'LINEAR', 'CANARY'), fc.constantFrom(0, 50, 100), fc.constantFrom(100, 150, 200), (desired, strategy, min, max) => {
        // A rolling configuration that allows neither a start nor a stop never progresses (RU-04 covers it).
        fc.pre(strategy !== 'ROLLING' || Math.floor((desired * max) / 100) > desired || Math.ceil((desired * min) / 100) < desired);
        const r = deploy(desired, strategy, min, max);
        const floor = strategy === 'ROLLING' ? Math.ceil((desired * min) / 100) : desired;
        expect(Math.min(...r.healthy)).toBeGreaterThanOrEqual(floor);
        expect(r.done).toBe(true);
      }),
      { numRuns: 24 },
    );
  });
});

/** A Fargate service `web` of two tasks of web:1, steady at 180 s, then updated to web:2, whose image does not exist. */
function badUpdate(breaker: Record<string, unknown>): Sim {
  const sim = ec2World(0);
  fargateTaskDef(sim, 'web', 'web:1');
  ok(sim, 'sim.SetImage', { image: 'web:bad', exists: false });
  fargateTaskDef(sim, 'web', 'web:bad');
  ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web:1', desiredCount: 2, launchType: 'FARGATE', networkConfiguration: FARGATE_NETWORK, deploymentConfiguration: { deploymentCircuitBreaker: breaker } });
  sim.runUntil(180_000);
  ok(sim, 'ecs.UpdateService', { cluster: 'demo', service: 'web', taskDefinition: 'web:2' });
  return sim;
}

const depEvents = (sim: Sim) => (sim.events as readonly Record<string, any>[]).filter((e) => e.type === 'DeploymentStateChange').map((e) => [e.t, e.rolloutState]);

describe('the deployment circuit breaker', () => {
  it('fails the deployment once three tasks (the minimum threshold) failed to start, and launches nothing more of it without rollback', () => {
    const sim = badUpdate({ enable: true, rollback: false });
    sim.runUntil(900_000);
    const svc = Object.values(sim.world.services)[0]!;
    const [primary] = svc.deployments;
    // Two tasks fail in each round: the breaker trips at the third failure; the fourth, in flight, still counts on the deployment.
    expect(primary).toMatchObject({ rolloutState: 'FAILED', failedTasks: 4, rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.' });
    expect(depEvents(sim)).toEqual([[244_000, 'FAILED']]);
    expect(serviceMessages(sim, 'web')).toContain(`(service web) (deployment ${primary!.id}) deployment failed: tasks failed to start.`);
    // No more launches of web:2 after the failure; the old tasks keep serving.
    const launched = Object.values(sim.world.tasks).filter((t) => t.taskDefinitionArn.endsWith(':2'));
    expect(launched.every((t) => t.createdAtMs <= 244_000)).toBe(true);
    expect(liveTasks(sim, 'web').map((t) => t.taskDefinitionArn.split(':').at(-1))).toEqual(['1', '1']);
    const sd = sim.world.serviceDeployments[primary!.serviceDeploymentArn!]!;
    expect(sd).toMatchObject({ status: 'STOPPED', statusReason: 'The service deployment failed and was not rolled back: tasks failed to start.', circuitBreaker: { status: 'TRIGGERED', failureCount: 3, threshold: 3 } });
  });

  it('counts toward a COUNT threshold of its own', () => {
    const sim = badUpdate({ enable: true, rollback: false, thresholdConfiguration: { type: 'COUNT', value: 1 } });
    sim.runUntil(900_000);
    const [primary] = Object.values(sim.world.services)[0]!.deployments;
    expect(primary).toMatchObject({ rolloutState: 'FAILED', failedTasks: 2 });
    expect(sim.world.serviceDeployments[primary!.serviceDeploymentArn!]!.circuitBreaker).toEqual({ status: 'TRIGGERED', failureCount: 1, threshold: 1 });
    // The first failed task fails the deployment once STOPPED: placed at 180 s, 7 s provisioning, the pull fails 5 s later, 5 s ENI detach.
    expect(depEvents(sim)).toEqual([[197_000, 'FAILED']]);
  });

  it('disabled: the deployment keeps trying, with the start-failure back-off, and never fails', () => {
    const sim = badUpdate({ enable: false, rollback: false });
    sim.runUntil(900_000);
    const [primary] = Object.values(sim.world.services)[0]!.deployments;
    expect(primary!.rolloutState).toBe('IN_PROGRESS');
    expect(primary!.failedTasks).toBeGreaterThan(3);
    expect(depEvents(sim)).toEqual([]);
  });
});

describe('a deployment that completes', () => {
  it('is COMPLETED once desiredCount healthy tasks of it run and no old task is left; the service then reaches a steady state once', () => {
    const sim = ec2World(0);
    fargateTaskDef(sim, 'web', 'web:1');
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web:1', desiredCount: 2, launchType: 'FARGATE', networkConfiguration: FARGATE_NETWORK });
    sim.runUntil(600_000);
    const svc = Object.values(sim.world.services)[0]!;
    const [dep] = svc.deployments;
    // RUNNING at 88.5 s, healthy 40 s later: the pass at 128.501 s completes it.
    expect(dep).toMatchObject({ rolloutState: 'COMPLETED', runningCount: 2, pendingCount: 0, rolloutStateReason: `ECS deployment ${dep!.id} completed.` });
    expect(svc.lastCompleted).toMatchObject({ id: dep!.id, taskDefinition: dep!.taskDefinition });
    expect(serviceMessages(sim, 'web').slice(1)).toEqual([`(service web) (deployment ${dep!.id}) deployment completed.`, '(service web) has reached a steady state.']);
    expect(sim.world.serviceDeployments[dep!.serviceDeploymentArn!]).toMatchObject({ status: 'SUCCESSFUL', finishedAtMs: 128_501 });
  });

  it('a deleted service goes INACTIVE once its tasks are stopping', () => {
    const sim = ec2World(0);
    fargateTaskDef(sim, 'web', 'web:1');
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web:1', desiredCount: 1, launchType: 'FARGATE', networkConfiguration: FARGATE_NETWORK });
    sim.runUntil(180_000);
    ok(sim, 'ecs.DeleteService', { cluster: 'demo', service: 'web', force: true });
    sim.runUntil(181_000);
    expect(Object.values(sim.world.services)[0]!.status).toBe('INACTIVE');
    expect((sim.events as readonly Record<string, any>[]).filter((e) => e.type === 'ServiceStateChange' && e.status === 'INACTIVE')).toHaveLength(1);
  });

  it('with deployment alarms, a rolling deployment completes only after the bake time: the longest alarm’s periods × period', () => {
    const sim = ec2World(0);
    ok(sim, 'cloudwatch.PutMetricAlarm', { AlarmName: 'a', MetricName: 'CPUUtilization', Namespace: 'AWS/ECS', Statistic: 'Average', Period: 60, EvaluationPeriods: 3, Threshold: 90, ComparisonOperator: 'GreaterThanThreshold' });
    ok(sim, 'cloudwatch.PutMetricAlarm', { AlarmName: 'b', MetricName: 'CPUUtilization', Namespace: 'AWS/ECS', Statistic: 'Average', Period: 60, EvaluationPeriods: 1, Threshold: 90, ComparisonOperator: 'GreaterThanThreshold' });
    fargateTaskDef(sim, 'web', 'web:1');
    ok(sim, 'ecs.CreateService', {
      cluster: 'demo',
      serviceName: 'web',
      taskDefinition: 'web:1',
      desiredCount: 1,
      launchType: 'FARGATE',
      networkConfiguration: FARGATE_NETWORK,
      deploymentConfiguration: { alarms: { alarmNames: ['a', 'b'], enable: true, rollback: false } },
    });
    sim.runUntil(600_000);
    const [dep] = Object.values(sim.world.services)[0]!.deployments;
    const done = (sim.events as readonly Record<string, any>[]).find((e) => e.type === 'ServiceEvent' && e.message.endsWith('deployment completed.'))!;
    // Healthy at 128.5 s (RUNNING at 88.5 s plus 40 s): the bake time of 3 minutes runs from the pass that saw it.
    expect(done.t).toBe(128_501 + 180_000 + 1);
    expect(sim.world.serviceDeployments[dep!.serviceDeploymentArn!]!.alarms).toMatchObject({ status: 'MONITORING_COMPLETE' });
  });
});
