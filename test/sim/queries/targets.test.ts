import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findTarget, targetOf, targetsHealthy, targetVerdict, unhealthyTarget } from '../../../src/sim/queries/targets';
import type { LbTarget, TargetGroup } from '../../../src/sim/model/types';
import { demoSim, serviceRecord, taskRecord } from '../../support/simcoreRecords';

const target = (Id: string, Port: number, State: LbTarget['State'] = 'healthy'): LbTarget => ({ Id, Port, State, passes: 0, failures: 0, registeredMs: 0, gen: 0 });

describe("finding a group's target", () => {
  it('answers what targets.find answers, as targets are appended, for short and long lists (property)', () => {
    const entry = fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.constantFrom(80, 81));
    fc.assert(
      fc.property(fc.array(fc.array(entry, { maxLength: 6 }), { minLength: 1, maxLength: 6 }), (batches) => {
        const targets: LbTarget[] = [];
        for (const batch of batches) {
          for (const [id, port] of batch) targets.push(target(id, port));
          for (const id of ['a', 'b', 'c', 'd', 'e']) for (const port of [80, 81]) expect(findTarget(targets, id, port)).toBe(targets.find((x) => x.Id === id && x.Port === port));
        }
      }),
    );
  });

  it('finds in a new array, as a removal or a restore gives one, what that array holds', () => {
    const long = Array.from({ length: 10 }, (_, i) => target(`t${i}`, 80));
    expect(findTarget(long, 't3', 80)).toBe(long[3]);
    const without = long.filter((x) => x.Id !== 't3');
    expect(findTarget(without, 't3', 80)).toBeUndefined();
    expect(findTarget(without, 't4', 80)).toBe(long[4]);
  });
});

describe("a task's targets", () => {
  function withGroup() {
    const { sim } = demoSim();
    const tgArn = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1';
    const tg = { TargetGroupArn: tgArn, targets: [target('10.0.0.1', 80, 'healthy'), target('10.0.0.2', 80, 'unhealthy')] } as TargetGroup;
    sim.world.targetGroups[tgArn] = tg;
    return { sim, tgArn, tg };
  }

  it('are healthy when every one is, and the first unhealthy one is named with its group', () => {
    const { sim, tgArn, tg } = withGroup();
    const good = taskRecord(sim, 'good', { lbTargets: [{ targetGroupArn: tgArn, id: '10.0.0.1', port: 80 }] });
    const bad = taskRecord(sim, 'bad', {
      lbTargets: [
        { targetGroupArn: tgArn, id: '10.0.0.1', port: 80 },
        { targetGroupArn: tgArn, id: '10.0.0.2', port: 80 },
      ],
    });
    expect(targetOf(sim, tgArn, '10.0.0.2', 80)).toBe(tg.targets[1]);
    expect(targetOf(sim, 'no-such-group', '10.0.0.2', 80)).toBeUndefined();
    expect(targetsHealthy(sim, good)).toBe(true);
    expect(unhealthyTarget(sim, good)).toBeUndefined();
    expect(targetsHealthy(sim, bad)).toBe(false);
    expect(unhealthyTarget(sim, bad)).toEqual({ tg, target: tg.targets[1] });
  });

  it('a target gone from its group is not healthy; a task without targets is healthy unless its service has load balancers to register in', () => {
    const { sim, tgArn } = withGroup();
    expect(targetsHealthy(sim, taskRecord(sim, 'gone', { lbTargets: [{ targetGroupArn: tgArn, id: '10.9.9.9', port: 80 }] }))).toBe(false);
    expect(targetsHealthy(sim, taskRecord(sim, 'plain'))).toBe(true);
    const svc = serviceRecord(sim);
    expect(targetsHealthy(sim, taskRecord(sim, 'svc', { serviceArn: svc.serviceArn }))).toBe(true);
    svc.loadBalancers = [{ targetGroupArn: tgArn, containerName: 'web', containerPort: 80 }];
    expect(targetsHealthy(sim, taskRecord(sim, 'waiting', { serviceArn: svc.serviceArn }))).toBe(false);
  });

  it('one look at them says what targetsHealthy and unhealthyTarget say, whatever the states and whichever are gone (property)', () => {
    const state = fc.constantFrom<LbTarget['State'] | 'gone'>('initial', 'healthy', 'unhealthy', 'draining', 'unused', 'gone');
    fc.assert(
      fc.property(fc.option(fc.array(state, { maxLength: 4 }), { nil: undefined }), fc.boolean(), (states, balanced) => {
        const { sim, tgArn, tg } = withGroup();
        tg.targets = (states ?? []).flatMap((st, i) => (st === 'gone' ? [] : [target(`10.1.0.${i}`, 80, st)]));
        const svc = serviceRecord(sim);
        if (balanced) svc.loadBalancers = [{ targetGroupArn: tgArn, containerName: 'web', containerPort: 80 }];
        const lbTargets = states?.map((_, i) => ({ targetGroupArn: tgArn, id: `10.1.0.${i}`, port: 80 }));
        const t = taskRecord(sim, 'any', { serviceArn: svc.serviceArn, ...(lbTargets ? { lbTargets } : {}) });
        expect(targetVerdict(sim, t)).toBe((targetsHealthy(sim, t) ? 1 : 0) | (unhealthyTarget(sim, t) ? 2 : 0));
      }),
    );
  });
});
