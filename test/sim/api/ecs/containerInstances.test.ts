import { describe, expect, it } from 'vitest';
import { apiWorld, instanceArns, ok, refused } from '../../../support/simapiWorld';

describe('DescribeContainerInstances', () => {
  it('describes registered instances with their resources and ECS attributes, and reports unknown references as MISSING', () => {
    const sim = apiWorld(2);
    const [a] = instanceArns(sim) as [string];
    const r = ok(sim, 'ecs.DescribeContainerInstances', { cluster: 'demo', containerInstances: [a, 'nope'] });
    const ci = r.containerInstances[0];
    expect(ci).toMatchObject({ containerInstanceArn: a, status: 'ACTIVE', agentConnected: true, runningTasksCount: 0, pendingTasksCount: 0 });
    expect(ci.registeredResources.find((x: { name: string }) => x.name === 'CPU').integerValue).toBe(2048);
    expect(ci.attributes).toContainEqual({ name: 'ecs.instance-type', value: 'm5.large' });
    expect(r.failures).toEqual([{ arn: 'nope', reason: 'MISSING' }]);
  });

  it('describes a deregistered instance as INACTIVE for a while, then as MISSING', () => {
    const sim = apiWorld(1);
    const [a] = instanceArns(sim) as [string];
    expect(ok(sim, 'ecs.DeregisterContainerInstance', { cluster: 'demo', containerInstance: a }).containerInstance.status).toBe('INACTIVE');
    expect(ok(sim, 'ecs.DescribeContainerInstances', { cluster: 'demo', containerInstances: [a] }).containerInstances.map((c: { status: string }) => c.status)).toEqual(['INACTIVE']);
    sim.runUntil(2 * 3600_000);
    expect(ok(sim, 'ecs.DescribeContainerInstances', { cluster: 'demo', containerInstances: [a] })).toEqual({ containerInstances: [], failures: [{ arn: a, reason: 'MISSING' }] });
  });
});

describe('ListContainerInstances', () => {
  it('filters by status and by a cluster query language expression', () => {
    const sim = apiWorld(2);
    const [a, b] = instanceArns(sim) as [string, string];
    const zoneOfA = ok(sim, 'ecs.DescribeContainerInstances', { cluster: 'demo', containerInstances: [a] }).containerInstances[0].attributes.find((x: { name: string }) => x.name === 'ecs.availability-zone').value;
    expect(ok(sim, 'ecs.ListContainerInstances', { cluster: 'demo', filter: `attribute:ecs.availability-zone == ${zoneOfA}` }).containerInstanceArns).toEqual([a]);
    ok(sim, 'ecs.StartTask', { cluster: 'demo', taskDefinition: 'web', containerInstances: [b] });
    sim.runUntil(300_000);
    expect(ok(sim, 'ecs.ListContainerInstances', { cluster: 'demo', filter: 'runningTasksCount > 0' }).containerInstanceArns).toEqual([b]);
    ok(sim, 'ecs.UpdateContainerInstancesState', { cluster: 'demo', containerInstances: [a], status: 'DRAINING' });
    expect(ok(sim, 'ecs.ListContainerInstances', { cluster: 'demo', status: 'DRAINING' }).containerInstanceArns).toEqual([a]);
    expect(ok(sim, 'ecs.ListContainerInstances', { cluster: 'demo', status: 'ACTIVE' }).containerInstanceArns).toEqual([b]);
  });

  it('refuses a filter it cannot read, saying where', () => {
    expect(refused(apiWorld(1), 'ecs.ListContainerInstances', { cluster: 'demo', filter: 'attribute:ecs.instance-type ==' })).toEqual({
      code: 'InvalidParameterException',
      message: "Invalid filter expression 'attribute:ecs.instance-type ==': expected a value at position 30.",
    });
  });
});

describe('UpdateContainerInstancesState', () => {
  it('drains and reactivates instances, reporting unknown ones as MISSING, with one event per change', () => {
    const sim = apiWorld(1);
    const [a] = instanceArns(sim) as [string];
    const r = ok(sim, 'ecs.UpdateContainerInstancesState', { cluster: 'demo', containerInstances: [a, 'x'], status: 'DRAINING' });
    expect(r.containerInstances.map((c: { status: string }) => c.status)).toEqual(['DRAINING']);
    expect(r.failures).toEqual([{ arn: 'x', reason: 'MISSING' }]);
    ok(sim, 'ecs.UpdateContainerInstancesState', { cluster: 'demo', containerInstances: [a], status: 'DRAINING' });
    ok(sim, 'ecs.UpdateContainerInstancesState', { cluster: 'demo', containerInstances: [a], status: 'ACTIVE' });
    expect(sim.events.filter((e) => e.type === 'ContainerInstanceStateChange').map((e) => e.status)).toEqual(['DRAINING', 'ACTIVE']);
  });

  it('a DRAINING instance takes no new task, by RunTask or StartTask, until it is ACTIVE again', () => {
    const sim = apiWorld(1);
    const [a] = instanceArns(sim) as [string];
    ok(sim, 'ecs.UpdateContainerInstancesState', { cluster: 'demo', containerInstances: [a], status: 'DRAINING' });
    for (const [op, input] of [
      ['ecs.RunTask', {}],
      ['ecs.StartTask', { containerInstances: [a] }],
    ] as const) {
      const r = ok(sim, op, { cluster: 'demo', taskDefinition: 'web', ...input });
      expect(r.tasks).toEqual([]);
      expect(r.failures.map((f: { arn: string }) => f.arn)).toEqual([a]);
    }
    ok(sim, 'ecs.UpdateContainerInstancesState', { cluster: 'demo', containerInstances: [a], status: 'ACTIVE' });
    expect(ok(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: 'web' }).tasks.map((t: { containerInstanceArn: string }) => t.containerInstanceArn)).toEqual([a]);
  });

  it('refuses any status but ACTIVE and DRAINING', () => {
    const sim = apiWorld(1);
    expect(refused(sim, 'ecs.UpdateContainerInstancesState', { cluster: 'demo', containerInstances: instanceArns(sim), status: 'INACTIVE' })).toEqual({
      code: 'InvalidParameterException',
      message: 'Container instances can only be set to ACTIVE or DRAINING, not INACTIVE.',
    });
  });
});

describe('UpdateContainerAgent', () => {
  it('UpdateContainerAgent updates an older version (PENDING, then no update), refusing a second request while it runs', () => {
    const sim = apiWorld(0);
    ok(sim, 'sim.LaunchInstances', { cluster: 'demo', agentVersion: '1.80.0' });
    sim.runUntil(300_000);
    const [a] = instanceArns(sim) as [string];
    const ci = ok(sim, 'ecs.UpdateContainerAgent', { cluster: 'demo', containerInstance: a }).containerInstance;
    expect(ci.agentUpdateStatus).toBe('PENDING');
    expect(ci.versionInfo.agentVersion).toBe('1.80.0');
    expect(refused(sim, 'ecs.UpdateContainerAgent', { cluster: 'demo', containerInstance: a })).toEqual({
      code: 'UpdateInProgressException',
      message: 'There is already an update in progress for the container agent on this container instance.',
    });
    sim.runUntil(2 * 3600_000);
    expect(refused(sim, 'ecs.UpdateContainerAgent', { cluster: 'demo', containerInstance: a })).toEqual({ code: 'NoUpdateAvailableException', message: 'There is no update available for your container agent.' });
  });

  it('has no update for the current version, and refuses an instance that does not exist', () => {
    const sim = apiWorld(1);
    const [a] = instanceArns(sim) as [string];
    expect(refused(sim, 'ecs.UpdateContainerAgent', { cluster: 'demo', containerInstance: a }).code).toBe('NoUpdateAvailableException');
    expect(refused(sim, 'ecs.UpdateContainerAgent', { cluster: 'demo', containerInstance: 'nope' })).toEqual({ code: 'InvalidParameterException', message: 'The specified container instance does not exist.' });
  });
});

describe('DeregisterContainerInstance', () => {
  it('takes the instance out of the cluster listing; a second deregistration is refused', () => {
    const sim = apiWorld(2);
    const [a, b] = instanceArns(sim) as [string, string];
    ok(sim, 'ecs.DeregisterContainerInstance', { cluster: 'demo', containerInstance: a });
    expect(instanceArns(sim)).toEqual([b]);
    expect(refused(sim, 'ecs.DeregisterContainerInstance', { cluster: 'demo', containerInstance: a })).toEqual({ code: 'InvalidParameterException', message: 'The specified container instance does not exist.' });
  });
});
