import { describe, expect, it } from 'vitest';
import { requestPass } from '../../../../src/sim/controllers/services/pass';
import { ec2TaskDef, ec2World, ok } from '../../../support/controllerWorld';

describe('requesting a scheduler pass', () => {
  it('queues one pass at the current instant however often it is asked, and none for an INACTIVE service', () => {
    const sim = ec2World(0);
    ec2TaskDef(sim, 'web');
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 0 });
    sim.runUntil(61_000);
    const svc = Object.values(sim.world.services)[0]!;
    const before = sim.engine.pending;
    requestPass(sim, svc);
    requestPass(sim, svc);
    requestPass(sim, svc);
    expect(sim.engine.pending).toBe(before + 1);
    expect(svc.passPending).toBe(true);
    sim.step();
    expect(svc.passPending).toBe(false);
    svc.status = 'INACTIVE';
    requestPass(sim, svc);
    expect(svc.passPending).toBe(false);
    expect(sim.engine.pending).toBe(before);
  });
});
