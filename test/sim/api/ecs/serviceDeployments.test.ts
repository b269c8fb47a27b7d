import { describe, expect, it } from 'vitest';
import { Sim } from '../../../../src/sim';
import { apiWorld, ok, refused } from '../../../support/simapiWorld';

/** Service `web` that reached steady state on web:1, then UpdateService to web:2; its deployments' ARNs, newest first. */
function world(): { sim: Sim; arns: string[] } {
  const sim = apiWorld(2);
  ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 1 });
  sim.runUntil(600_000);
  ok(sim, 'ecs.RegisterTaskDefinition', { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:2', memory: 128 }] });
  ok(sim, 'ecs.UpdateService', { cluster: 'demo', service: 'web', taskDefinition: 'web:2' });
  const arns = (ok(sim, 'ecs.ListServiceDeployments', { cluster: 'demo', service: 'web' }).serviceDeployments as { serviceDeploymentArn: string }[]).map((d) => d.serviceDeploymentArn);
  return { sim, arns };
}
const ARN = /^arn:aws:ecs:us-east-1:123456789012:service-deployment\/demo\/web\/[A-Za-z0-9]+$/;

describe('ListServiceDeployments', () => {
  it('lists a service’s deployments newest first, filtered by status, and pages them', () => {
    const { sim, arns } = world();
    expect(arns).toHaveLength(2);
    expect(arns.every((a) => ARN.test(a))).toBe(true);
    const list = (input: Record<string, unknown>) => ok(sim, 'ecs.ListServiceDeployments', { cluster: 'demo', service: 'web', ...input });
    expect(list({}).serviceDeployments.map((d: { status: string }) => d.status)).toEqual(['PENDING', 'SUCCESSFUL']);
    expect(list({ status: ['SUCCESSFUL'] }).serviceDeployments.map((d: { serviceDeploymentArn: string }) => d.serviceDeploymentArn)).toEqual([arns[1]]);
    const first = list({ maxResults: 1 });
    expect(first.serviceDeployments).toHaveLength(1);
    expect(list({ maxResults: 1, nextToken: first.nextToken }).serviceDeployments.map((d: { serviceDeploymentArn: string }) => d.serviceDeploymentArn)).toEqual([arns[1]]);
  });

  it('refuses a service that does not exist, an unknown status and a token it never gave', () => {
    const { sim } = world();
    expect(refused(sim, 'ecs.ListServiceDeployments', { cluster: 'demo', service: 'api' })).toEqual({ code: 'ServiceNotFoundException', message: 'Service not found.' });
    expect(refused(sim, 'ecs.ListServiceDeployments', { cluster: 'demo', service: 'web', status: ['DONE'] }).message).toBe(
      'Invalid service deployment status: DONE. Valid values are PENDING, SUCCESSFUL, STOPPED, STOP_REQUESTED, IN_PROGRESS, ROLLBACK_REQUESTED, ROLLBACK_IN_PROGRESS, ROLLBACK_SUCCESSFUL, ROLLBACK_FAILED.',
    );
    expect(refused(sim, 'ecs.ListServiceDeployments', { cluster: 'demo', service: 'web', nextToken: 'x' })).toEqual({ code: 'InvalidParameterException', message: 'The nextToken is not valid.' });
  });
});

describe('DescribeServiceDeployments and DescribeServiceRevisions', () => {
  it('describe the source and target revisions of a deployment, and report unknown ARNs as MISSING', () => {
    const { sim, arns } = world();
    const r = ok(sim, 'ecs.DescribeServiceDeployments', { serviceDeploymentArns: [arns[0], `${arns[0]}x`] });
    const d = r.serviceDeployments[0];
    expect(d.sourceServiceRevisions).toHaveLength(1);
    expect(d.sourceServiceRevisions[0]).toMatchObject({ requestedTaskCount: 1, runningTaskCount: 1 });
    expect(d.targetServiceRevision).toMatchObject({ requestedTaskCount: 1 });
    expect(r.failures).toEqual([{ arn: `${arns[0]}x`, reason: 'MISSING' }]);
    const revisions = ok(sim, 'ecs.DescribeServiceRevisions', { serviceRevisionArns: [d.targetServiceRevision.arn, d.sourceServiceRevisions[0].arn] }).serviceRevisions as { taskDefinition: string }[];
    expect(revisions.map((x) => x.taskDefinition.split('/').pop())).toEqual(['web:2', 'web:1']);
  });

  it('refuse more than 20 ARNs at once', () => {
    const { sim, arns } = world();
    expect(refused(sim, 'ecs.DescribeServiceDeployments', { serviceDeploymentArns: Array.from({ length: 21 }, () => arns[0]) }).message).toBe('serviceDeploymentArns must name from 1 to 20 service deployments.');
  });
});

describe('StopServiceDeployment', () => {
  it('rolls a deployment in progress back to the revision before it, and refuses one that has finished', () => {
    const { sim, arns } = world();
    expect(refused(sim, 'ecs.StopServiceDeployment', { serviceDeploymentArn: arns[1] })).toEqual({ code: 'ConflictException', message: 'The service deployment is SUCCESSFUL and can no longer be stopped.' });
    expect(ok(sim, 'ecs.StopServiceDeployment', { serviceDeploymentArn: arns[0] })).toEqual({ serviceDeploymentArn: arns[0] });
    sim.runUntil(1_800_000);
    const d = ok(sim, 'ecs.ListServiceDeployments', { cluster: 'demo', service: 'web' }).serviceDeployments[0];
    expect(d.status).toBe('ROLLBACK_SUCCESSFUL');
    expect(ok(sim, 'ecs.DescribeServices', { cluster: 'demo', services: ['web'] }).services[0].taskDefinition).toBe('arn:aws:ecs:us-east-1:123456789012:task-definition/web:1');
  });

  it('refuses a deployment that does not exist', () => {
    expect(refused(world().sim, 'ecs.StopServiceDeployment', { serviceDeploymentArn: 'arn:aws:ecs:us-east-1:123456789012:service-deployment/demo/web/none' })).toEqual({
      code: 'ServiceDeploymentNotFoundException',
      message: "The service deploy ARN that you specified doesn't exist. You can use ListServiceDeployments to retrieve the service deployment ARNs.",
    });
  });
});

describe('ContinueServiceDeployment', () => {
  it('refuses a hook the deployment does not have', () => {
    const { sim, arns } = world();
    expect(refused(sim, 'ecs.ContinueServiceDeployment', { serviceDeploymentArn: arns[0], hookId: 'h1' })).toEqual({
      code: 'InvalidParameterException',
      message: `The lifecycle hook h1 was not found in service deployment ${arns[0]}.`,
    });
  });
});
