import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Sim } from '../../../src/sim';
import { distributeTraffic, pathMatches, perMinute, rateAt, receivingTargets, requestCost, route, targetTask } from '../../../src/sim/queries/traffic';
import type { LbTarget, TargetGroup, TrafficSource } from '../../../src/sim/model/types';
import { containerRecord, taskRecord } from '../../support/simcoreRecords';

/** A load balancer with one listener and `n` target groups, each named tg<i>. */
function world(n: number): { sim: Sim; lb: string; listener: string; tgs: string[] } {
  const sim = new Sim({ seed: 1 });
  const lb = (sim.call('elbv2.CreateLoadBalancer', { Name: 'lb' }).output as { LoadBalancers: { LoadBalancerArn: string }[] }).LoadBalancers[0]!.LoadBalancerArn;
  const tgs = Array.from({ length: n }, (_, i) => (sim.call('elbv2.CreateTargetGroup', { Name: `tg${i}` }).output as { TargetGroups: { TargetGroupArn: string }[] }).TargetGroups[0]!.TargetGroupArn);
  const out = sim.call('elbv2.CreateListener', { LoadBalancerArn: lb, Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: tgs[0] }] });
  const listener = (out.output as { Listeners: { ListenerArn: string }[] }).Listeners[0]!.ListenerArn;
  return { sim, lb, listener, tgs };
}

describe('weighted forward actions', () => {
  it('split requests in proportion to the weights, the shares summing to 1 (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 1, maxLength: 5 }), (weights) => {
        const { sim, lb, listener, tgs } = world(weights.length);
        const r = sim.call('elbv2.ModifyListener', { ListenerArn: listener, DefaultActions: [{ Type: 'forward', ForwardConfig: { TargetGroups: tgs.map((t, i) => ({ TargetGroupArn: t, Weight: weights[i] })) } }] });
        expect(r.error).toBeUndefined();
        const total = weights.reduce((a, b) => a + b, 0);
        const got = route(sim, lb, '/');
        if (total === 0) {
          expect(got).toEqual({ status: 503 });
          return;
        }
        const shares = got.groups!;
        expect(shares.reduce((a, g) => a + g.share, 0)).toBeCloseTo(1, 12);
        for (const g of shares) expect(g.share).toBeCloseTo(weights[tgs.indexOf(g.targetGroupArn)]! / total, 12);
        expect(shares.length).toBe(weights.filter((w) => w > 0).length);
      }),
      { numRuns: 40 },
    );
  });

  it('refuse more than five target groups, a group named twice, and both forms naming different groups', () => {
    const { sim, listener, tgs } = world(6);
    const fwd = (groups: string[], extra: Record<string, unknown> = {}) =>
      sim.call('elbv2.ModifyListener', {
        ListenerArn: listener,
        DefaultActions: [{ Type: 'forward', ...extra, ForwardConfig: { TargetGroups: groups.map((t) => ({ TargetGroupArn: t, Weight: 1 })) } }],
      });
    expect(fwd(tgs).error?.code).toBe('ValidationError');
    expect(fwd([tgs[0]!, tgs[0]!]).error?.message).toContain('more than once');
    expect(fwd([tgs[1]!], { TargetGroupArn: tgs[0] }).error?.code).toBe('ValidationError');
    expect(fwd([tgs[0]!], { TargetGroupArn: tgs[0] }).error).toBeUndefined();
  });

  it('change the default rule through ModifyRule, which refuses conditions on it', () => {
    const { sim, lb, listener, tgs } = world(2);
    const rules = sim.call('elbv2.DescribeRules', { ListenerArn: listener }).output as { Rules: { RuleArn: string; IsDefault: boolean }[] };
    const def = rules.Rules.find((r) => r.IsDefault)!;
    expect(sim.call('elbv2.ModifyRule', { RuleArn: def.RuleArn, Conditions: [{ Field: 'path-pattern', Values: ['/x'] }] }).error?.code).toBe('OperationNotPermitted');
    expect(sim.call('elbv2.ModifyRule', { RuleArn: def.RuleArn, Actions: [{ Type: 'forward', TargetGroupArn: tgs[1] }] }).error).toBeUndefined();
    expect(route(sim, lb, '/').groups).toEqual([{ targetGroupArn: tgs[1], share: 1 }]);
    expect(sim.call('elbv2.DescribeRules', { RuleArns: [def.RuleArn] }).output).toMatchObject({ Rules: [{ IsDefault: true, Priority: 'default' }] });
  });

  it('match host-header conditions without regard to case, and route by listener port', () => {
    const { sim, lb, listener, tgs } = world(2);
    sim.call('elbv2.CreateRule', { ListenerArn: listener, Priority: 1, Conditions: [{ Field: 'host-header', Values: ['*.Example.com'] }], Actions: [{ Type: 'forward', TargetGroupArn: tgs[1] }] });
    expect(route(sim, lb, '/', 80, 'test.example.COM').groups?.[0]?.targetGroupArn).toBe(tgs[1]);
    expect(route(sim, lb, '/', 80, 'example.org').groups?.[0]?.targetGroupArn).toBe(tgs[0]);
    expect(route(sim, lb, '/', 8080)).toEqual({ status: 503 });
    expect(sim.call('elbv2.CreateRule', { ListenerArn: listener, Priority: 2, Conditions: [{ Field: 'host-header', Values: ['localhost'] }], Actions: [{ Type: 'forward', TargetGroupArn: tgs[1] }] }).error?.code).toBe('ValidationError');
  });
});

const HOUR = 3_600_000;
const EPOCH = 1735689600; // midnight UTC
const source = (shape: TrafficSource['shape']): TrafficSource => ({ loadBalancer: 'lb', path: '/', shape });

describe('the rate of a traffic source', () => {
  it('is constant, steps up at each step, or spikes for its duration', () => {
    expect(rateAt(source({ type: 'constant', requestsPerSecond: 40 }), 123, EPOCH)).toBe(40);
    const steps = source({
      type: 'steps',
      steps: [
        { atMs: 0, requestsPerSecond: 5 },
        { atMs: 60_000, requestsPerSecond: 50 },
      ],
    });
    expect([rateAt(steps, 0, EPOCH), rateAt(steps, 59_999, EPOCH), rateAt(steps, 60_000, EPOCH)]).toEqual([5, 5, 50]);
    expect(rateAt(source({ type: 'steps', steps: [{ atMs: 1000, requestsPerSecond: 9 }] }), 0, EPOCH)).toBe(0);
    const spike = source({ type: 'spike', base: 10, peak: 100, atMs: 1000, durationMs: 500 });
    expect([999, 1000, 1499, 1500].map((t) => rateAt(spike, t, EPOCH))).toEqual([10, 100, 100, 10]);
  });

  it('follows a day: the peak at its UTC hour, the base twelve hours away, halfway six hours away, the same each day', () => {
    const daily = source({ type: 'daily', base: 10, peak: 110, peakHour: 14 });
    expect(rateAt(daily, 14 * HOUR, EPOCH)).toBeCloseTo(110, 10);
    expect(rateAt(daily, 2 * HOUR, EPOCH)).toBeCloseTo(10, 10);
    expect(rateAt(daily, 8 * HOUR, EPOCH)).toBeCloseTo(60, 10);
    expect(rateAt(daily, 38 * HOUR, EPOCH)).toBeCloseTo(110, 10);
    // Simulated time 0 at 12:00 UTC: the peak comes two hours in.
    expect(rateAt(daily, 2 * HOUR, EPOCH + 12 * 3600)).toBeCloseTo(110, 10);
  });
});

describe('ALB path patterns', () => {
  it('match * as any run of characters and ? as one, every other character as itself', () => {
    expect(pathMatches('/api/*', '/api/users/1')).toBe(true);
    expect(pathMatches('/api/*', '/api')).toBe(false);
    expect(pathMatches('/v?/x', '/v2/x')).toBe(true);
    expect(pathMatches('/v?/x', '/v22/x')).toBe(false);
    expect(pathMatches('/a.b', '/aXb')).toBe(false);
    expect(pathMatches('/(x)+', '/(x)+')).toBe(true);
    expect(pathMatches('*', '')).toBe(true);
  });
});

const target = (Id: string, State: LbTarget['State'], taskArn?: string): LbTarget => ({ Id, Port: 80, State, passes: 0, failures: 0, registeredMs: 0, gen: 0, ...(taskArn ? { taskArn } : {}) });

describe('the targets that receive requests', () => {
  it('are the healthy ones, or every unhealthy one when none is healthy (fail open), never initial or draining ones', () => {
    const tg = { targets: [target('a', 'initial'), target('b', 'unhealthy'), target('c', 'healthy'), target('d', 'draining')] } as TargetGroup;
    expect(receivingTargets(tg).map((t) => t.Id)).toEqual(['c']);
    tg.targets[2]!.State = 'unhealthy';
    expect(receivingTargets(tg).map((t) => t.Id)).toEqual(['b', 'c']);
    tg.targets = [target('a', 'initial'), target('d', 'draining')];
    expect(receivingTargets(tg)).toEqual([]);
  });
});

describe('what a request costs a task', () => {
  it("is the CPU of the image's longest matching route, a wildcard route matching by prefix; a path it has no route for is not served", () => {
    const { sim } = world(1);
    sim.world.images.app = { routes: { '/': { cpuMs: 1 }, '/api/*': { cpuMs: 20 }, '/api/report*': { cpuMs: 300 } } };
    sim.call('ecs.CreateCluster', { clusterName: 'demo' });
    const t = taskRecord(sim, 't1', { containers: [containerRecord({ name: 'app', image: 'app' })] });
    expect(requestCost(sim, t, '/')).toEqual({ cpuMs: 1, served: true });
    expect(requestCost(sim, t, '/api/users')).toEqual({ cpuMs: 20, served: true });
    expect(requestCost(sim, t, '/api/reports/2025')).toEqual({ cpuMs: 300, served: true });
    expect(requestCost(sim, t, '/missing')).toEqual({ cpuMs: 0, served: false });
    const plain = taskRecord(sim, 't2');
    expect(requestCost(sim, plain, '/anything')).toEqual({ cpuMs: 10, served: true });
  });
});

describe("a target's task", () => {
  it('is found once it is in the world, and kept off the target: not a member, not in its JSON nor in a copy', () => {
    const { sim } = world(1);
    const early = target('10.0.0.9', 'healthy', sim.arn('task/demo/later'));
    const json = JSON.stringify(early);
    expect(targetTask(sim.world, early)).toBeUndefined();
    const t = taskRecord(sim, 'later');
    expect(targetTask(sim.world, early)).toBe(t);
    expect(targetTask(sim.world, early)).toBe(t);
    expect(JSON.stringify(early)).toBe(json);
    expect(Object.keys(early)).toEqual(Object.keys({ ...early }));
    expect(targetTask({ tasks: {} }, { ...early })).toBeUndefined();
  });
});

describe("a minute's traffic spread over the targets", () => {
  it('gives each healthy target of a group an equal share, with the CPU its requests ask (1024 units a busy vCPU), and counts what had nowhere to go', () => {
    const { sim, lb, tgs } = world(1);
    sim.call('ecs.CreateCluster', { clusterName: 'demo' });
    sim.world.images.app = { routes: { '/': { cpuMs: 100 } } };
    const a = taskRecord(sim, 'a', { containers: [containerRecord({ name: 'app', image: 'app' })] });
    const b = taskRecord(sim, 'b', { containers: [containerRecord({ name: 'app', image: 'app' })] });
    sim.world.targetGroups[tgs[0]!]!.targets.push(target('10.0.0.1', 'healthy', a.taskArn), target('10.0.0.2', 'healthy', b.taskArn), target('10.0.0.3', 'initial'));
    sim.world.traffic.push(
      { loadBalancer: 'lb', path: '/', shape: { type: 'constant', requestsPerSecond: 20 } },
      { loadBalancer: 'lb', path: '/nope', shape: { type: 'constant', requestsPerSecond: 4 } },
      { loadBalancer: 'lb', path: '/', port: 8080, shape: { type: 'constant', requestsPerSecond: 3 } },
    );
    sim.world.traffic.push({ loadBalancer: 'no-such-lb', path: '/', shape: { type: 'constant', requestsPerSecond: 99 } });
    sim.runUntil(60_000);
    const out = distributeTraffic(sim);
    expect(out.perTask.map((x) => x.task.id)).toEqual(['a', 'b']);
    expect(out.perTask[0]).toMatchObject({ path: '/', rate: 10, cpuUnits: 1024, notFound: 2, more: { paths: ['/nope'], rates: [2] } });
    expect(out.perGroup.get(tgs[0]!)).toBe(24);
    expect([...out.noTarget]).toEqual([[lb, 3]]);
  });

  it('sends nothing for a source at no rate, and what reaches a group without receiving targets has nowhere to go', () => {
    const { sim, lb } = world(1);
    sim.world.traffic.push({ loadBalancer: lb, path: '/', shape: { type: 'constant', requestsPerSecond: 0 } }, { loadBalancer: lb, path: '/', shape: { type: 'constant', requestsPerSecond: 7 } });
    sim.runUntil(60_000);
    const out = distributeTraffic(sim);
    expect(out.perTask).toEqual([]);
    expect(out.noTarget.get(lb)).toBe(7);
  });

  it('samples each source at the middle of the minute just ended', () => {
    const { sim, lb, tgs } = world(1);
    sim.world.targetGroups[tgs[0]!]!.targets.push(target('10.0.0.1', 'healthy'));
    sim.world.traffic.push({ loadBalancer: lb, path: '/', shape: { type: 'steps', steps: [{ atMs: 45_000, requestsPerSecond: 10 }] } });
    sim.runUntil(60_000);
    expect(distributeTraffic(sim).perGroup.size).toBe(0);
    sim.runUntil(120_000);
    expect(distributeTraffic(sim).perGroup.get(tgs[0]!)).toBe(10);
  });

  it('follows a listener changed between two minutes', () => {
    const { sim, lb, listener, tgs } = world(2);
    for (const [i, tg] of tgs.entries()) sim.world.targetGroups[tg]!.targets.push(target(`10.0.0.${i}`, 'healthy'));
    sim.world.traffic.push({ loadBalancer: lb, path: '/', shape: { type: 'constant', requestsPerSecond: 6 } });
    sim.runUntil(60_000);
    expect([...distributeTraffic(sim).perGroup]).toEqual([[tgs[0], 6]]);
    expect(sim.call('elbv2.ModifyListener', { ListenerArn: listener, DefaultActions: [{ Type: 'forward', TargetGroupArn: tgs[1] }] }).error).toBeUndefined();
    sim.runUntil(120_000);
    expect([...distributeTraffic(sim).perGroup]).toEqual([[tgs[1], 6]]);
  });

  it('says requests per minute of a rate per second', () => {
    expect(perMinute(2.5)).toBe(150);
  });
});
