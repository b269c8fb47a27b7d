import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/sim/core/engine';
import { ApiError } from '../../../src/sim/core/errors';
import { SimContext, type CallResult } from '../../../src/sim/model/context';
import { createWorld } from '../../../src/sim/model/world';
import { say } from '../../../src/sim/model/narration';
import type { PendingEvent } from '../../../src/sim/model/pending';
import type { Cluster } from '../../../src/sim/model/types';

/** The context alone: an engine and a world, with no operations. */
class Bare extends SimContext {
  constructor(seed = 'ctx') {
    super(new Engine<PendingEvent>(seed), createWorld());
  }
  call(): CallResult {
    return { output: {} };
  }
}

const cluster = (ctx: Bare, name: string, status: Cluster['status'] = 'ACTIVE') => {
  const c = { clusterArn: ctx.arn(`cluster/${name}`), clusterName: name, status } as Cluster;
  ctx.world.clusters[c.clusterArn] = c;
  return c;
};

describe('the context the engine acts on', () => {
  it("draws ids from the 'ids' stream alone: lowercase hex, and UUIDs in the 8-4-4-4-12 form, the same for the same seed", () => {
    const a = new Bare('same');
    const first = [a.hex(12), a.uuid()];
    expect(first[0]).toMatch(/^[0-9a-f]{12}$/);
    expect(first[1]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const b = new Bare('same');
    b.engine.rng.stream('placement').next();
    expect([b.hex(12), b.uuid()]).toEqual(first);
    expect(new Bare('same').hex(20)).not.toBe(new Bare('other').hex(20));
  });

  it('tells the time of the engine, and API timestamps in epoch seconds from 2025-01-01', () => {
    const ctx = new Bare();
    ctx.engine.runUntil(1500);
    expect(ctx.now).toBe(1500);
    expect(ctx.ts(1500)).toBe(1735689601.5);
    expect(ctx.ts(undefined)).toBeUndefined();
    expect(ctx.arn('service/demo/web')).toBe('arn:aws:ecs:us-east-1:123456789012:service/demo/web');
  });

  it("finds an ACTIVE cluster by name or ARN, 'default' when none is named, and answers ClusterNotFoundException otherwise", () => {
    const ctx = new Bare();
    const demo = cluster(ctx, 'demo');
    const def = cluster(ctx, 'default');
    cluster(ctx, 'gone', 'INACTIVE');
    expect(ctx.cluster('demo')).toBe(demo);
    expect(ctx.cluster(demo.clusterArn)).toBe(demo);
    expect(ctx.cluster(undefined)).toBe(def);
    expect(ctx.cluster('')).toBe(def);
    expect(ctx.cluster(42)).toBe(def); // what is not a name names no cluster: the default one
    for (const ref of ['gone', 'nope', 'constructor']) {
      let err: unknown;
      try {
        ctx.cluster(ref);
      } catch (e) {
        err = e;
      }
      expect(err, String(ref)).toBeInstanceOf(ApiError);
      expect(err).toMatchObject({ code: 'ClusterNotFoundException', message: 'Cluster not found.' });
    }
  });

  it("writes an event said from a form with its form and values, and ECS's own words as they are", () => {
    const ctx = new Bare();
    ctx.engine.runUntil(2000);
    ctx.emit('TaskDefinitionRegistered', say('TaskDefinitionRegistered.registered', { name: 'web:1' }), { taskDefinitionArn: 'arn:td' } as never);
    ctx.emit('ServiceEvent', '(service web) has reached a steady state.', { serviceArn: 'arn:svc' } as never);
    expect(ctx.engine.log).toEqual([
      { t: 2000, type: 'TaskDefinitionRegistered', message: 'Task definition web:1 was registered.', form: 'TaskDefinitionRegistered.registered', values: { name: 'web:1' }, taskDefinitionArn: 'arn:td' },
      { t: 2000, type: 'ServiceEvent', message: '(service web) has reached a steady state.', serviceArn: 'arn:svc' },
    ]);
  });
});
