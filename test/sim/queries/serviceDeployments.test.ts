import { describe, expect, it } from 'vitest';
import { briefServiceDeployment, currentOfService, describeServiceDeployment, describeServiceRevision, revisionTaskCounts } from '../../../src/sim/queries/serviceDeployments';
import type { Service } from '../../../src/sim/model/types';
import { demoSim, serviceRecord, serviceTask } from '../../support/simcoreRecords';

const EPOCH = 1735689600;

/** A service whose first deployment was followed by a second one (a new revision), tasks of both running. */
function twoRevisions() {
  const { sim } = demoSim();
  const svc = serviceRecord(sim);
  const first = svc.deployments[0]!;
  const oldRev = first.serviceRevisionArn!;
  const newRev = sim.arn('service-revision/demo/web/2');
  svc.deployments.unshift({ ...first, id: 'ecs-svc/2', status: 'PRIMARY', serviceRevisionArn: newRev });
  first.status = 'ACTIVE';
  svc.desiredCount = 3;
  serviceTask(sim, svc, 'old1', { deploymentId: first.id });
  serviceTask(sim, svc, 'old2', { deploymentId: first.id, lastStatus: 'PENDING' });
  serviceTask(sim, svc, 'old3', { deploymentId: first.id, desiredStatus: 'STOPPED' });
  serviceTask(sim, svc, 'new1', { deploymentId: 'ecs-svc/2' });
  serviceTask(sim, svc, 'new2', { deploymentId: 'ecs-svc/2', lastStatus: 'PROVISIONING' });
  serviceTask(sim, svc, 'new3', { deploymentId: 'ecs-svc/2', lastStatus: 'STOPPED' });
  const sd = sim.world.serviceDeployments[svc.serviceDeploymentArns![0]!]!;
  return { sim, svc, oldRev, newRev, sd };
}

describe("a revision's task counts", () => {
  it('count the running and pending tasks meant to run of the deployments that deploy it; the primary revision has the desired count requested', () => {
    const { sim, svc, oldRev, newRev } = twoRevisions();
    expect(revisionTaskCounts(sim, svc, newRev)).toEqual({ requested: 3, running: 1, pending: 1 });
    expect(revisionTaskCounts(sim, svc, oldRev)).toEqual({ requested: 2, running: 1, pending: 1 });
    expect(revisionTaskCounts(sim, svc, sim.arn('service-revision/demo/web/none'))).toEqual({ requested: 0, running: 0, pending: 0 });
  });

  it('are as they were when its service deployment finished, and nothing without a service', () => {
    const { sim, svc, newRev, sd } = twoRevisions();
    sd.finalCounts = { [newRev]: { requested: 3, running: 3, pending: 0 } };
    expect(revisionTaskCounts(sim, svc, newRev, sd)).toEqual({ requested: 3, running: 3, pending: 0 });
    expect(revisionTaskCounts(sim, undefined, newRev)).toEqual({ requested: 0, running: 0, pending: 0 });
  });
});

describe('a service deployment as DescribeServiceDeployments returns it', () => {
  it('gives a rolling deployment its revisions with their counts, its times in epoch seconds, and no hooks or traffic weights', () => {
    const { sim, svc, oldRev, newRev, sd } = twoRevisions();
    sd.sourceRevisionArns = [oldRev];
    sd.targetRevisionArn = newRev;
    sd.status = 'IN_PROGRESS';
    sd.startedAtMs = 2000;
    sd.updatedAtMs = 4000;
    const d = describeServiceDeployment(sim, sd);
    expect(d).toEqual({
      serviceDeploymentArn: sd.serviceDeploymentArn,
      serviceArn: svc.serviceArn,
      clusterArn: svc.clusterArn,
      createdAt: EPOCH,
      startedAt: EPOCH + 2,
      updatedAt: EPOCH + 4,
      sourceServiceRevisions: [{ arn: oldRev, requestedTaskCount: 2, runningTaskCount: 1, pendingTaskCount: 1 }],
      targetServiceRevision: { arn: newRev, requestedTaskCount: 3, runningTaskCount: 1, pendingTaskCount: 1 },
      status: 'IN_PROGRESS',
      deploymentConfiguration: sd.deploymentConfiguration,
      deploymentCircuitBreaker: { status: 'DISABLED', failureCount: 0, threshold: 3 },
    });
  });

  it('gives a blue/green deployment its hooks and the traffic each side was given, when its revision has a production listener rule', () => {
    const { sim, oldRev, newRev, sd } = twoRevisions();
    const rule = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/lb/1/2/3';
    const blue = sim.world.serviceRevisions[oldRev]!;
    blue.targetGroups = [{ targetGroupArn: 'tg-blue', containerName: 'web', productionListenerRule: rule }];
    sim.world.serviceRevisions[newRev] = { ...blue, serviceRevisionArn: newRev, targetGroups: [{ targetGroupArn: 'tg-green', containerName: 'web', productionListenerRule: rule }] };
    Object.assign(sd, { strategy: 'BLUE_GREEN', sourceRevisionArns: [oldRev], targetRevisionArn: newRev, productionWeight: 0, testWeight: 100, lifecycleStage: 'TEST_TRAFFIC_SHIFT' });
    sd.hooks = [
      {
        hookId: 'h1',
        stage: 'POST_TEST_TRAFFIC_SHIFT',
        targetType: 'AWS_LAMBDA',
        targetArn: 'arn:aws:lambda:us-east-1:123456789012:function:check',
        status: 'IN_PROGRESS',
        startedAtMs: 0,
        expiresAtMs: 60_000,
        timeoutAction: 'ROLLBACK',
        step: 1,
      },
    ];
    sd.rollback = { reason: 'hook failed', startedAtMs: 30_000, serviceRevisionArn: oldRev };
    const d = describeServiceDeployment(sim, sd);
    expect(d.targetServiceRevision).toMatchObject({ arn: newRev, requestedProductionTrafficWeight: 0, requestedTestTrafficWeight: 100 });
    // The source revision keeps what the target is not given: all production traffic, no test traffic.
    expect(d.sourceServiceRevisions).toEqual([{ arn: oldRev, requestedTaskCount: 2, runningTaskCount: 1, pendingTaskCount: 1, requestedProductionTrafficWeight: 100, requestedTestTrafficWeight: 0 }]);
    expect(d.lifecycleStage).toBe('TEST_TRAFFIC_SHIFT');
    expect(d.lifecycleHookDetails).toEqual([{ hookId: 'h1', targetType: 'AWS_LAMBDA', targetArn: 'arn:aws:lambda:us-east-1:123456789012:function:check', status: 'IN_PROGRESS', expiresAt: EPOCH + 60, timeoutAction: 'ROLLBACK' }]);
    expect(d.rollback).toEqual({ reason: 'hook failed', startedAt: EPOCH + 30, serviceRevisionArn: oldRev });
  });

  it('lists in brief as ListServiceDeployments does', () => {
    const { sim, svc, sd } = twoRevisions();
    sd.finishedAtMs = 9000;
    sd.status = 'SUCCESSFUL';
    sd.statusReason = 'done';
    expect(briefServiceDeployment(sim, sd)).toEqual({
      serviceDeploymentArn: sd.serviceDeploymentArn,
      serviceArn: svc.serviceArn,
      clusterArn: svc.clusterArn,
      createdAt: EPOCH,
      finishedAt: EPOCH + 9,
      targetServiceRevisionArn: sd.targetRevisionArn,
      status: 'SUCCESSFUL',
      statusReason: 'done',
    });
  });
});

describe('a service revision as DescribeServiceRevisions returns it', () => {
  it('names its task definition and container images, with the Fargate platform family and the resolved load balancers of a blue/green revision', () => {
    const { sim, oldRev } = twoRevisions();
    const r = sim.world.serviceRevisions[oldRev]!;
    const d = describeServiceRevision(sim, r);
    expect(d).toMatchObject({ serviceRevisionArn: oldRev, taskDefinition: sim.arn('task-definition/web:1'), launchType: 'EC2', guardDutyEnabled: false, createdAt: EPOCH, containerImages: [{ containerName: 'web', image: 'nginx' }] });
    expect(d).not.toHaveProperty('platformFamily');
    expect(d).not.toHaveProperty('resolvedConfiguration');
    const green = { ...r, launchType: 'FARGATE', targetGroups: [{ targetGroupArn: 'tg-green', containerName: 'web', containerPort: 80, productionListenerRule: 'rule-1' }] };
    expect(describeServiceRevision(sim, green)).toMatchObject({ platformFamily: 'Linux', resolvedConfiguration: { loadBalancers: [{ targetGroupArn: 'tg-green', productionListenerRule: 'rule-1' }] } });
  });
});

describe("a service's current deployment and revisions", () => {
  it('are the newest service deployment and each revision its deployments deploy, once, with their counts', () => {
    const { sim, svc, oldRev, newRev } = twoRevisions();
    svc.deployments.push({ ...svc.deployments[1]!, id: 'ecs-svc/0' }); // a second deployment of the old revision
    svc.serviceDeploymentArns!.push('sd-2');
    expect(currentOfService(sim, svc)).toEqual({
      currentServiceDeployment: 'sd-2',
      currentServiceRevisions: [
        { arn: newRev, requestedTaskCount: 3, runningTaskCount: 1, pendingTaskCount: 1 },
        { arn: oldRev, requestedTaskCount: 2, runningTaskCount: 1, pendingTaskCount: 1 },
      ],
    });
  });

  it('are absent for a service without service deployments or revisions', () => {
    const { sim } = demoSim();
    const svc = serviceRecord(sim);
    const bare: Service = { ...svc, serviceDeploymentArns: undefined, deployments: svc.deployments.map((d) => ({ ...d, serviceRevisionArn: undefined })) };
    expect(currentOfService(sim, bare)).toEqual({});
  });
});
