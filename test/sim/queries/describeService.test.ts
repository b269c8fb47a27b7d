import { describe, expect, it } from 'vitest';
import { describeService } from '../../../src/sim/queries/describeService';
import { demoSim, serviceRecord, serviceTask } from '../../support/simcoreRecords';

const EPOCH = 1735689600;

describe('a service as DescribeServices returns it', () => {
  it('counts its tasks meant to run: RUNNING ones, and pending ones not yet RUNNING or STOPPED; tasks being stopped count as neither', () => {
    const { sim } = demoSim();
    const svc = serviceRecord(sim);
    serviceTask(sim, svc, 'r1');
    serviceTask(sim, svc, 'r2');
    serviceTask(sim, svc, 'p1', { lastStatus: 'PROVISIONING' });
    serviceTask(sim, svc, 'p2', { lastStatus: 'ACTIVATING' });
    serviceTask(sim, svc, 'leaving', { desiredStatus: 'STOPPED' });
    serviceTask(sim, svc, 'done', { lastStatus: 'STOPPED', desiredStatus: 'STOPPED' });
    expect(describeService(sim, svc)).toMatchObject({ desiredCount: 2, runningCount: 2, pendingCount: 2 });
  });

  it('has what AWS returns of a service it was not told: the ECS deployment controller, no managed tags, who created it', () => {
    const { sim } = demoSim();
    const d = describeService(sim, serviceRecord(sim));
    expect(d).toMatchObject({
      serviceName: 'web',
      status: 'ACTIVE',
      schedulingStrategy: 'REPLICA',
      deploymentController: { type: 'ECS' },
      enableECSManagedTags: false,
      propagateTags: 'NONE',
      enableExecuteCommand: false,
      createdBy: 'arn:aws:iam::123456789012:user/learner',
      createdAt: EPOCH,
      events: [],
    });
    expect(d.currentServiceDeployment).toMatch(/^arn:aws:ecs:us-east-1:123456789012:service-deployment\/demo\/web\//);
    expect(d.currentServiceRevisions).toEqual([{ arn: expect.stringMatching(/service-revision\/demo\/web\//), requestedTaskCount: 2, runningTaskCount: 0, pendingTaskCount: 0 }]);
  });

  it('gives each deployment with its times in epoch seconds, and says DISABLED for AZ rebalancing a service never had', () => {
    const { sim } = demoSim();
    sim.runUntil(10_000);
    const svc = serviceRecord(sim);
    delete svc.availabilityZoneRebalancing;
    svc.events.push({ id: 'e1', createdAtMs: 12_000, message: '(service web) has reached a steady state.' });
    const d = describeService(sim, svc);
    expect(d.availabilityZoneRebalancing).toBe('DISABLED');
    expect(d.events).toEqual([{ id: 'e1', createdAt: EPOCH + 12, message: '(service web) has reached a steady state.' }]);
    const [dep] = d.deployments as Record<string, unknown>[];
    expect(dep).toMatchObject({ status: 'PRIMARY', desiredCount: 2, createdAt: EPOCH + 10, updatedAt: EPOCH + 10, rolloutState: 'IN_PROGRESS' });
    expect(dep).not.toHaveProperty('serviceRevisionArn');
    expect(dep).not.toHaveProperty('createdAtMs');
  });
});
