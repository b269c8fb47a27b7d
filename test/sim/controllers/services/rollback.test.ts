import { describe, expect, it } from 'vitest';
import type { Sim } from '../../../../src/sim';
import { ec2World, FARGATE_NETWORK, fargateTaskDef, liveTasks, ok, serviceMessages } from '../../../support/controllerWorld';

/** A Fargate service `web` of two tasks of web:1 (steady by 180 s) with `cfg`, then updated to web:2 (`image`). */
function updated(cfg: Record<string, unknown>, image = 'web:2'): Sim {
  const sim = ec2World(0);
  fargateTaskDef(sim, 'web', 'web:1');
  ok(sim, 'sim.SetImage', { image: 'web:bad', exists: false });
  fargateTaskDef(sim, 'web', image);
  ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web:1', desiredCount: 2, launchType: 'FARGATE', networkConfiguration: FARGATE_NETWORK, deploymentConfiguration: cfg });
  sim.runUntil(180_000);
  ok(sim, 'ecs.UpdateService', { cluster: 'demo', service: 'web', taskDefinition: 'web:2' });
  return sim;
}

const svcOf = (sim: Sim) => Object.values(sim.world.services)[0]!;
const statuses = (sim: Sim, sdArn: string) => (sim.events as readonly Record<string, any>[]).filter((e) => e.type === 'ServiceDeploymentStateChange' && e.serviceDeploymentArn === sdArn).map((e) => e.status);

describe('rolling back a rolling deployment', () => {
  it('the circuit breaker with rollback: a new deployment of the last completed revision continues the service deployment to ROLLBACK_SUCCESSFUL', () => {
    const sim = updated({ deploymentCircuitBreaker: { enable: true, rollback: true } }, 'web:bad');
    const first = svcOf(sim).deployments[1]!;
    const failed = svcOf(sim).deployments[0]!;
    sim.runUntil(900_000);
    const svc = svcOf(sim);
    expect(svc.taskDefinition).toMatch(/web:1$/);
    expect(svc.deployments).toHaveLength(1);
    const back = svc.deployments[0]!;
    expect(back.id).not.toBe(first.id);
    expect(back).toMatchObject({ taskDefinition: first.taskDefinition, rolloutState: 'COMPLETED', serviceDeploymentArn: failed.serviceDeploymentArn, serviceRevisionArn: first.serviceRevisionArn });
    expect(failed.rolloutState).toBe('FAILED');
    const sd = sim.world.serviceDeployments[failed.serviceDeploymentArn!]!;
    expect(statuses(sim, sd.serviceDeploymentArn)).toEqual(['PENDING', 'IN_PROGRESS', 'ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCESSFUL']);
    expect(sd.statusReason).toBe(`Rolled back to service revision ${first.serviceRevisionArn}: tasks failed to start.`);
    expect(sd.rollback).toEqual({ reason: 'tasks failed to start', startedAtMs: 244_000, serviceRevisionArn: first.serviceRevisionArn });
    expect(serviceMessages(sim, 'web')).toContain(`(service web) (deployment ${failed.id}) rolling back to deployment ${first.id}.`);
    expect(liveTasks(sim, 'web').map((t) => t.taskDefinitionArn.split(':').at(-1))).toEqual(['1', '1']);
  });

  it('has nothing to roll back to on a service whose first deployment fails: ROLLBACK_FAILED', () => {
    const sim = ec2World(0);
    ok(sim, 'sim.SetImage', { image: 'web:bad', exists: false });
    fargateTaskDef(sim, 'web', 'web:bad');
    ok(sim, 'ecs.CreateService', {
      cluster: 'demo',
      serviceName: 'web',
      taskDefinition: 'web',
      desiredCount: 2,
      launchType: 'FARGATE',
      networkConfiguration: FARGATE_NETWORK,
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
    });
    sim.runUntil(900_000);
    const dep = svcOf(sim).deployments[0]!;
    expect(dep.rolloutState).toBe('FAILED');
    expect(sim.world.serviceDeployments[dep.serviceDeploymentArn!]).toMatchObject({ status: 'ROLLBACK_FAILED', statusReason: 'There is no completed service revision to roll back to.' });
  });

  it('StopServiceDeployment ROLLBACK rolls back even without the rollback option; ABORT stops where it is', () => {
    for (const stopType of ['ROLLBACK', 'ABORT'] as const) {
      const sim = updated({ minimumHealthyPercent: 100, maximumPercent: 200 });
      sim.runUntil(190_000); // web:2's tasks are provisioning
      const dep = svcOf(sim).deployments[0]!;
      ok(sim, 'ecs.StopServiceDeployment', { serviceDeploymentArn: dep.serviceDeploymentArn, stopType });
      sim.runUntil(900_000);
      const sd = sim.world.serviceDeployments[dep.serviceDeploymentArn!]!;
      expect(dep.rolloutState).toBe('FAILED');
      expect(dep.rolloutStateReason).toBe(`ECS deployment ${dep.id} failed: the service deployment was stopped with StopServiceDeployment.`);
      if (stopType === 'ROLLBACK') {
        expect(sd.status).toBe('ROLLBACK_SUCCESSFUL');
        expect(svcOf(sim).taskDefinition).toMatch(/web:1$/);
        expect(liveTasks(sim, 'web').map((t) => t.taskDefinitionArn.split(':').at(-1))).toEqual(['1', '1']);
      } else {
        expect(statuses(sim, sd.serviceDeploymentArn)).toEqual(['PENDING', 'IN_PROGRESS', 'STOP_REQUESTED', 'STOPPED']);
        expect(sd.statusReason).toBe('The service deployment failed and was not rolled back: the service deployment was stopped with StopServiceDeployment.');
        // The new tasks started before the stop stay; the failed deployment starts no more.
        expect(svcOf(sim).taskDefinition).toMatch(/web:2$/);
      }
    }
  });

  it('a deployment alarm in ALARM fails the deployment it watches, and rolls it back when configured to', () => {
    const sim = ec2World(0);
    ok(sim, 'cloudwatch.PutMetricAlarm', {
      AlarmName: 'errors',
      MetricName: 'HTTPCode_Target_5XX_Count',
      Namespace: 'AWS/ApplicationELB',
      Statistic: 'Sum',
      Period: 60,
      EvaluationPeriods: 2,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanThreshold',
    });
    fargateTaskDef(sim, 'web', 'web:1');
    fargateTaskDef(sim, 'web', 'web:2');
    ok(sim, 'ecs.CreateService', {
      cluster: 'demo',
      serviceName: 'web',
      taskDefinition: 'web:1',
      desiredCount: 1,
      launchType: 'FARGATE',
      networkConfiguration: FARGATE_NETWORK,
      deploymentConfiguration: { alarms: { alarmNames: ['errors'], enable: true, rollback: true } },
    });
    sim.runUntil(400_000);
    ok(sim, 'ecs.UpdateService', { cluster: 'demo', service: 'web', taskDefinition: 'web:2' });
    sim.runUntil(420_000);
    const dep = svcOf(sim).deployments[0]!;
    ok(sim, 'cloudwatch.SetAlarmState', { AlarmName: 'errors', StateValue: 'ALARM', StateReason: 'test' });
    sim.runUntil(900_000);
    const sd = sim.world.serviceDeployments[dep.serviceDeploymentArn!]!;
    expect(dep).toMatchObject({ rolloutState: 'FAILED', rolloutStateReason: `ECS deployment ${dep.id} failed: CloudWatch alarm errors in ALARM state.` });
    expect(sd.alarms).toEqual({ status: 'TRIGGERED', alarmNames: ['errors'], triggeredAlarmNames: ['errors'] });
    expect(sd.status).toBe('ROLLBACK_SUCCESSFUL');
    expect(svcOf(sim).taskDefinition).toMatch(/web:1$/);
  });
});
