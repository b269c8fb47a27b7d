import { describe, expect, it } from 'vitest';
import { activeInstanceCount, findContainerInstance, findService, findTask, visibleTask } from '../../../src/sim/queries/lookups';
import { demoSim, instanceRecord, ok, serviceRecord, taskRecord } from '../../support/simcoreRecords';

describe('finding records by the references requests give', () => {
  it('finds a container instance of the cluster by ARN or id, and by EC2 instance id only where allowed', () => {
    const { sim, cluster } = demoSim();
    const ci = instanceRecord(sim, 'abc123');
    sim.world.ec2['i-abc123'] = { containerInstanceArn: ci.containerInstanceArn } as never;
    expect(findContainerInstance(sim, cluster.clusterArn, ci.containerInstanceArn)).toBe(ci);
    expect(findContainerInstance(sim, cluster.clusterArn, 'abc123')).toBe(ci);
    expect(findContainerInstance(sim, cluster.clusterArn, 'i-abc123')).toBeUndefined();
    expect(findContainerInstance(sim, cluster.clusterArn, 'i-abc123', true)).toBe(ci);
    expect(findContainerInstance(sim, cluster.clusterArn, 'i-none', true)).toBeUndefined();
    ok(sim, 'ecs.CreateCluster', { clusterName: 'other' });
    const other = sim.arn('cluster/other');
    expect(findContainerInstance(sim, other, ci.containerInstanceArn)).toBeUndefined();
    expect(findContainerInstance(sim, other, 'i-abc123', true)).toBeUndefined();
    expect(findContainerInstance(sim, other, 'abc123')).toBeUndefined();
  });

  it('counts the container instances of a cluster that are not INACTIVE', () => {
    const { sim, cluster } = demoSim();
    instanceRecord(sim, 'a');
    instanceRecord(sim, 'b', { status: 'DRAINING' });
    instanceRecord(sim, 'c', { status: 'INACTIVE' });
    cluster.instanceArns.push(sim.arn('container-instance/demo/vanished'));
    expect(activeInstanceCount(sim, cluster)).toBe(3);
  });

  it("finds a task of the cluster by ARN or id, never another cluster's", () => {
    const { sim, cluster } = demoSim();
    const t = taskRecord(sim, 'f00d');
    const stray = taskRecord(sim, 'beef', { clusterArn: sim.arn('cluster/other') });
    expect(findTask(sim, cluster, t.taskArn)).toBe(t);
    expect(findTask(sim, cluster, 'f00d')).toBe(t);
    expect(findTask(sim, cluster, stray.taskArn)).toBeUndefined();
    expect(findTask(sim, cluster, 'missing')).toBeUndefined();
  });

  it('finds a service of the cluster by ARN or name', () => {
    const { sim, cluster } = demoSim();
    const svc = serviceRecord(sim);
    expect(findService(sim, cluster, 'web')).toBe(svc);
    expect(findService(sim, cluster, svc.serviceArn)).toBe(svc);
    expect(findService(sim, cluster, 'api')).toBeUndefined();
    ok(sim, 'ecs.CreateCluster', { clusterName: 'other' });
    expect(findService(sim, sim.world.clusters[sim.arn('cluster/other')]!, svc.serviceArn)).toBeUndefined();
  });

  it('shows a stopped task for an hour after it stopped, and a task not stopped always', () => {
    const { sim } = demoSim();
    const t = taskRecord(sim, 't1');
    expect(visibleTask(sim, t)).toBe(true);
    t.lastStatus = 'STOPPED';
    t.stoppedAtMs = 0;
    sim.runUntil(3_599_999);
    expect(visibleTask(sim, t)).toBe(true);
    sim.runUntil(3_600_000);
    expect(visibleTask(sim, t)).toBe(false);
  });
});
