import { describe, expect, it } from 'vitest';
import { isProtected, protectionExpiry } from '../../../src/sim/queries/protection';
import { demoSim, taskRecord } from '../../support/simcoreRecords';

describe('task scale-in protection', () => {
  it('holds until its expiry, for a task meant to run', () => {
    const { sim } = demoSim();
    const t = taskRecord(sim, 't1', { protectedUntilMs: 10_000 });
    expect(isProtected(sim.world, t.taskArn, 9_999)).toBe(true);
    expect(protectionExpiry(sim.world, t.taskArn, 9_999)).toBe(10_000);
    expect(isProtected(sim.world, t.taskArn, 10_000)).toBe(false);
    expect(protectionExpiry(sim.world, t.taskArn, 10_000)).toBeUndefined();
    t.desiredStatus = 'STOPPED';
    expect(isProtected(sim.world, t.taskArn, 0)).toBe(false);
  });

  it('is off for a task never protected, and for an ARN that is no task or only an inherited key', () => {
    const { sim } = demoSim();
    const t = taskRecord(sim, 't1');
    for (const arn of [t.taskArn, sim.arn('task/demo/none'), 'constructor', '__proto__']) {
      expect(isProtected(sim.world, arn, 0), arn).toBe(false);
      expect(protectionExpiry(sim.world, arn, 0), arn).toBeUndefined();
    }
  });
});
