import { describe, expect, it } from 'vitest';
import type { Sim } from '../../../../src/sim';
import { ec2TaskDef, ec2World, liveTasks, ok, serviceMessages } from '../../../support/controllerWorld';

const svcOf = (sim: Sim) => Object.values(sim.world.services)[0]!;
const perInstance = (sim: Sim) => {
  const out: Record<string, number> = {};
  for (const ci of Object.values(sim.world.containerInstances)) out[ci.ec2InstanceId] = liveTasks(sim, 'agent').filter((t) => t.containerInstanceArn === ci.containerInstanceArn && t.desiredStatus === 'RUNNING').length;
  return out;
};

function daemonWorld(instances: number, extra: Record<string, unknown> = {}): Sim {
  const sim = ec2World(instances);
  ec2TaskDef(sim, 'agent', { cpu: 128, memory: 128 });
  ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'agent', taskDefinition: 'agent', schedulingStrategy: 'DAEMON', ...extra });
  sim.runUntil(120_000);
  return sim;
}

describe('a DAEMON service', () => {
  it('runs exactly one task on every ACTIVE instance, and its desired count is the number of instances', () => {
    const sim = daemonWorld(3);
    expect(Object.values(perInstance(sim))).toEqual([1, 1, 1]);
    expect(svcOf(sim).desiredCount).toBe(3);
    expect(serviceMessages(sim, 'agent')[0]).toMatch(/^\(service agent\) has started 3 tasks: (\(task [0-9a-f]{32}\) ?){3}\.$/);
  });

  it('starts a task on an instance that joins the cluster', () => {
    const sim = daemonWorld(2);
    ok(sim, 'sim.LaunchInstances', { cluster: 'demo', count: 1 });
    sim.runUntil(240_000);
    expect(Object.values(perInstance(sim))).toEqual([1, 1, 1]);
    expect(svcOf(sim).desiredCount).toBe(3);
  });

  it('stops the task of an instance set to DRAINING, and counts the instance out', () => {
    const sim = daemonWorld(3);
    const ci = Object.values(sim.world.containerInstances)[0]!;
    ok(sim, 'ecs.UpdateContainerInstancesState', { cluster: 'demo', containerInstances: [ci.containerInstanceArn], status: 'DRAINING' });
    sim.runUntil(180_000);
    expect(perInstance(sim)[ci.ec2InstanceId]).toBe(0);
    expect(svcOf(sim).desiredCount).toBe(2);
    const stopped = Object.values(sim.world.tasks).filter((t) => t.lastStatus === 'STOPPED');
    expect(stopped.map((t) => [t.containerInstanceArn, t.stoppedReason])).toEqual([[ci.containerInstanceArn, `Scaling activity initiated by (deployment ${svcOf(sim).deployments[0]!.id})`]]);
  });

  it('runs only on instances whose attributes satisfy its memberOf constraint', () => {
    const sim = ec2World(2);
    ok(sim, 'sim.LaunchInstances', { cluster: 'demo', count: 1, attributes: { role: 'edge' } });
    sim.runUntil(120_000);
    ec2TaskDef(sim, 'agent', { cpu: 128, memory: 128 });
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'agent', taskDefinition: 'agent', schedulingStrategy: 'DAEMON', placementConstraints: [{ type: 'memberOf', expression: 'attribute:role == edge' }] });
    sim.runUntil(180_000);
    const edge = Object.values(sim.world.containerInstances).find((ci) => ci.attributes.some((a) => a.name === 'role'))!;
    expect(perInstance(sim)).toEqual(Object.fromEntries(Object.values(sim.world.containerInstances).map((ci) => [ci.ec2InstanceId, ci === edge ? 1 : 0])));
    expect(svcOf(sim).desiredCount).toBe(1);
  });

  it('replaces each instance’s task with the new revision on an update, one per instance throughout', () => {
    const sim = daemonWorld(2);
    ec2TaskDef(sim, 'agent', { cpu: 128, memory: 128, image: 'agent:2' });
    ok(sim, 'ecs.UpdateService', { cluster: 'demo', service: 'agent', taskDefinition: 'agent:2' });
    let most = 0;
    for (let t = 120_000; t <= 400_000; t += 1000) {
      sim.runUntil(t);
      most = Math.max(most, ...Object.values(perInstance(sim)));
    }
    expect(most).toBe(1);
    expect(liveTasks(sim, 'agent').map((t) => t.taskDefinitionArn.split(':').at(-1))).toEqual(['2', '2']);
  });

  it('replaces a task that fails its container health checks once its grace period is over, on the same instance, stopping it first', () => {
    const sim = ec2World(2);
    ok(sim, 'sim.SetImage', { image: 'sick:1', healthCheckFails: true });
    ec2TaskDef(sim, 'agent', { cpu: 128, memory: 128, image: 'sick:1', healthCheck: { command: ['CMD', 'true'], interval: 5, retries: 1 } });
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'agent', taskDefinition: 'agent', schedulingStrategy: 'DAEMON', healthCheckGracePeriodSeconds: 60 });
    sim.runUntil(100_000);
    const first = liveTasks(sim, 'agent');
    expect(first).toHaveLength(2);
    expect(first.every((t) => t.healthStatus === 'UNHEALTHY' && t.desiredStatus === 'RUNNING')).toBe(true);
    sim.runUntil(400_000);
    for (const t of first) expect(t).toMatchObject({ desiredStatus: 'STOPPED', stoppedReason: 'Task failed container health checks' });
    // Each instance runs a new task of the service, one an instance, never two at once.
    expect(Object.values(perInstance(sim))).toEqual([1, 1]);
    const now = liveTasks(sim, 'agent').filter((t) => t.desiredStatus === 'RUNNING');
    expect(now.every((t) => !first.includes(t))).toBe(true);
    expect(new Set(now.map((t) => t.containerInstanceArn))).toEqual(new Set(first.map((t) => t.containerInstanceArn)));
    // The service says it stopped them, and never that it could not place the replacements.
    expect(serviceMessages(sim, 'agent').some((m) => /^\(service agent\) has stopped 2 running tasks/.test(m))).toBe(true);
    expect(serviceMessages(sim, 'agent').filter((m) => /unable to place/.test(m))).toEqual([]);
  });

  it('leaves a failing task alone while its grace period lasts', () => {
    const sim = ec2World(1);
    ok(sim, 'sim.SetImage', { image: 'sick:1', healthCheckFails: true });
    ec2TaskDef(sim, 'agent', { cpu: 128, memory: 128, image: 'sick:1', healthCheck: { command: ['CMD', 'true'], interval: 5, retries: 1 } });
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'agent', taskDefinition: 'agent', schedulingStrategy: 'DAEMON', healthCheckGracePeriodSeconds: 3600 });
    sim.runUntil(1_800_000);
    const [t] = liveTasks(sim, 'agent');
    expect(t).toMatchObject({ healthStatus: 'UNHEALTHY', desiredStatus: 'RUNNING' });
  });
});
