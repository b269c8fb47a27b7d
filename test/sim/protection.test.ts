import { describe, expect, it } from 'vitest';
import { Sim } from '../../src/sim';
import { isProtected, protectionExpiry } from '../../src/sim/queries/protection';

// The record the service scheduler reads: whether a task is protected from scale-in and deployments now.
describe('task scale-in protection as the scheduler reads it', () => {
  it('is on from UpdateTaskProtection until its expiry, off when cleared, and never for unknown or stopping tasks', () => {
    const sim = new Sim();
    sim.call('ecs.CreateCluster', { clusterName: 'demo' });
    sim.call('sim.LaunchInstances', { cluster: 'demo', bootSeconds: 0 });
    sim.call('ecs.RegisterTaskDefinition', { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 64 }] });
    sim.runUntil(1000);
    sim.call('ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 1 });
    sim.runUntil(60_000);
    const [arn] = (sim.call('ecs.ListTasks', { cluster: 'demo', serviceName: 'web' }).output as { taskArns: string[] }).taskArns;
    expect(isProtected(sim.world, arn!, sim.now)).toBe(false);
    sim.call('ecs.UpdateTaskProtection', { cluster: 'demo', tasks: [arn], protectionEnabled: true, expiresInMinutes: 10 });
    expect(isProtected(sim.world, arn!, sim.now)).toBe(true);
    expect(protectionExpiry(sim.world, arn!, sim.now)).toBe(60_000 + 10 * 60_000);
    expect(isProtected(sim.world, arn!, sim.now + 10 * 60_000)).toBe(false);
    sim.call('ecs.UpdateTaskProtection', { cluster: 'demo', tasks: [arn], protectionEnabled: false });
    expect(isProtected(sim.world, arn!, sim.now)).toBe(false);
    sim.call('ecs.UpdateTaskProtection', { cluster: 'demo', tasks: [arn], protectionEnabled: true });
    sim.call('ecs.StopTask', { cluster: 'demo', task: arn });
    expect(isProtected(sim.world, arn!, sim.now)).toBe(false);
    expect(isProtected(sim.world, '__proto__', sim.now)).toBe(false);
  });
});
