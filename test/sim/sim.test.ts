import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario, type Scenario } from '../../src/content/scenario';
import { eventHash } from '../../src/content/runner';
import { Timeline } from '../../src/content/timeline';
import { Sim } from '../../src/sim/sim';
import type { WorldState } from '../../src/sim/model/world';

const root = resolve(import.meta.dirname, '../..');
const load = (path: string): Scenario => parseScenario(readFileSync(resolve(root, path), 'utf8'), path);

/**
 * Worlds with a bit of everything a snapshot copies: load balancers, Fargate and lifecycle hooks; tasks
 * waiting for capacity-provider capacity; alarms and metrics; EBS volumes; Cloud Map and health checks;
 * learner attributes on instances; and the sandbox's busy start state.
 */
const SCENARIOS = [
  'test/scenarios/BG-04-blue-green-test-traffic-hooks-bake.yaml',
  'test/scenarios/C-01-scale-out-from-zero.yaml',
  'test/scenarios/A-01-target-tracking-alarms.yaml',
  'test/scenarios/EB-01-ebs-volume-at-launch.yaml',
  'test/scenarios/SD-01-a-records-track-healthy-tasks.yaml',
  'test/scenarios/P-11-exists-not-exists.yaml',
  'docs/examples/busy-cluster.yaml',
].map((path) => ({ path, scenario: load(path) }));

const endOf = (s: Scenario) => s.until ?? 600_000;

/** The end state as a learner could see it: every member of the world, as data. */
const stateOf = (w: WorldState) => JSON.stringify(w);

describe('restoring a snapshot', () => {
  it('gives the same future: snapshot at t1, run to t2, restore t1, run to t2 again, twice', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SCENARIOS), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), ({ path, scenario }, a, b) => {
        const end = endOf(scenario);
        // After the scenario's last action, so the clock alone moves the world from t1 on.
        const last = Math.max(0, ...scenario.actions.map((x) => x.at));
        const t1 = Math.round(last + (end - last) * Math.min(a, b));
        const t2 = Math.round(last + (end - last) * Math.max(a, b));
        const t = new Timeline(scenario, scenario.seed, [], { history: false });
        t.advanceTo(t1);
        const snap = t.sim.snapshot();
        t.advanceTo(t2);
        const want = { events: eventHash(t.sim.events), count: t.sim.events.length, state: stateOf(t.sim.world), pending: t.sim.engine.pending };
        for (let i = 0; i < 2; i++) {
          t.sim.restore(snap);
          expect(t.sim.now, path).toBe(t1);
          t.sim.runUntil(t2);
          expect({ events: eventHash(t.sim.events), count: t.sim.events.length, state: stateOf(t.sim.world), pending: t.sim.engine.pending }, `${path}: ${t1} → ${t2}`).toEqual(want);
        }
      }),
      { numRuns: 12 },
    );
  });

  it('keeps its part of the timeline when the world went back before it and took another branch', () => {
    const { scenario } = SCENARIOS.find((s) => s.path.endsWith('busy-cluster.yaml'))!;
    const last = Math.max(0, ...scenario.actions.map((x) => x.at));
    const t = new Timeline(scenario, scenario.seed, [], { history: false });
    t.advanceTo(last + 60_000);
    const early = t.sim.snapshot();
    // This branch scales the web service out; the other one will scale it in.
    expect(t.sim.call('ecs.UpdateService', { cluster: 'prod', service: 'web', desiredCount: 10 }).error).toBeUndefined();
    t.advanceTo(last + 180_000);
    const late = t.sim.snapshot();
    const upToLate = JSON.stringify(t.sim.events);
    t.advanceTo(last + 300_000);
    const want = { events: JSON.stringify(t.sim.events), state: stateOf(t.sim.world) };
    // Back before both snapshots, and another future.
    t.sim.restore(early);
    expect(t.sim.call('ecs.UpdateService', { cluster: 'prod', service: 'web', desiredCount: 1 }).error).toBeUndefined();
    t.sim.runUntil(last + 240_000);
    expect(JSON.stringify(t.sim.events.slice(0, late.logLength))).not.toBe(upToLate);
    t.sim.restore(late);
    expect(JSON.stringify(t.sim.events)).toBe(upToLate);
    t.sim.runUntil(last + 300_000);
    expect({ events: JSON.stringify(t.sim.events), state: stateOf(t.sim.world) }).toEqual(want);
  });

  it('scrubbing back restores the nearest checkpoint (a simulated minute apart) and replays only the gap', () => {
    const { scenario } = SCENARIOS.find((s) => s.path.endsWith('busy-cluster.yaml'))!;
    const t = new Timeline(scenario);
    const processed = () => t.sim.engine.processed;
    // The pending events a straight run processes from a checkpoint's minute to a moment in it.
    const gaps = new Map<number, number>();
    for (const [from, to] of [
      [120_000, 150_000],
      [600_000, 659_000],
    ] as const) {
      t.advanceTo(from);
      const p = processed();
      t.advanceTo(to);
      gaps.set(to, processed() - p);
    }
    t.advanceTo(900_000);
    for (const to of [659_000, 150_000]) {
      const p = processed();
      t.seek(to);
      expect(t.now).toBe(to);
      expect(processed() - p, `back to ${to} ms`).toBe(gaps.get(to));
      expect(gaps.get(to)).toBeGreaterThan(0);
    }
  });

  it('scrubbing back on the timeline to any moment and playing on ends where a straight run ends', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SCENARIOS), fc.double({ min: 0, max: 1, noNaN: true }), ({ path, scenario }, a) => {
        const end = endOf(scenario);
        const straight = new Timeline(scenario, scenario.seed, [], { history: false });
        straight.advanceTo(end);
        const t = new Timeline(scenario);
        t.advanceTo(end);
        t.seek(Math.round(end * a));
        expect(t.now).toBe(Math.round(end * a));
        t.advanceTo(end);
        expect({ events: eventHash(t.sim.events), state: stateOf(t.sim.world) }, path).toEqual({ events: eventHash(straight.sim.events), state: stateOf(straight.sim.world) });
      }),
      { numRuns: 10 },
    );
  });
});

describe('calling an operation', () => {
  it('answers a request that is not an object as the SDK does, and never throws', () => {
    const sim = new Sim();
    for (const input of [null, 5, 'text', [1]]) {
      expect(sim.call('ecs.ListClusters', input)).toEqual({ error: { code: 'ParamValidationError', message: `Parameter validation failed:\nInvalid type for parameter input, value: ${JSON.stringify(input)}, valid types: <class 'dict'>` } });
    }
    expect(sim.call('ecs.ListClusters')).toEqual({ output: { clusterArns: [] } });
  });

  it('answers an unknown operation, or a namespace member that is only an inherited key, with the operations it knows', () => {
    const sim = new Sim();
    for (const op of ['ecs.NoSuch', 'nope.ListClusters', 'ecs.constructor', 'ecs', 'ecs.__proto__']) {
      const r = sim.call(op);
      expect(r.error?.code, op).toBe('UnknownOperationException');
      expect(r.error?.message, op).toMatch(new RegExp(`^Unknown operation '${op.replace(/\./g, '\\.')}'\\. Known operations: ecs\\.`));
    }
  });

  it("checks the request against the model before the operation runs, and hands the operation a copy, never the caller's objects", () => {
    const sim = new Sim();
    expect(sim.call('ecs.CreateCluster', { clusterName: 'demo', colour: 'blue' }).error).toMatchObject({ code: 'ParamValidationError' });
    const tags = [{ key: 'team', value: 'a' }];
    expect(sim.call('ecs.CreateCluster', { clusterName: 'demo', tags }).error).toBeUndefined();
    tags[0]!.value = 'changed later';
    expect(sim.world.clusters[sim.arn('cluster/demo')]!.tags).toEqual([{ key: 'team', value: 'a' }]);
    expect(sim.call('ecs.CreateCluster', { clusterName: 'x', tags: [{ key: 'k', value: () => 1 }] }).error?.code).toBe('ParamValidationError');
  });

  it('lists every operation by namespace, in a fixed order, and says which it has', () => {
    const ops = Sim.operations();
    const namespaces = [...new Set(ops.map((o) => o.slice(0, o.indexOf('.'))))];
    expect(namespaces).toEqual(['ecs', 'applicationautoscaling', 'cloudwatch', 'ec2', 'autoscaling', 'elbv2', 'servicediscovery', 'events', 'sim', 'docker', 'ecr']);
    expect(ops).toContain('ecs.RunTask');
    expect(ops).toContain('sim.LaunchInstances');
    expect(new Set(ops).size).toBe(ops.length);
    for (const op of ['ecs.RunTask', 'elbv2.CreateListener', 'ecr.CreateRepository']) expect(Sim.hasOperation(op), op).toBe(true);
    for (const op of ['ecs.Nope', 'ecs.constructor', 'nope.RunTask', 'RunTask']) expect(Sim.hasOperation(op), op).toBe(false);
    // In Node every namespace is loaded: the engine runs any operations as the complete one does.
    expect(Sim.loadedFor(['elbv2.CreateLoadBalancer', 'ecs.CreateExpressGatewayService'])).toBe(true);
  });

  it('seeds its random streams from the seed given (1 when none is), so the same seed makes the same ids', () => {
    const ids = (sim: Sim) => {
      sim.call('ecs.CreateCluster', { clusterName: 'demo' });
      sim.call('ecs.RegisterTaskDefinition', { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128 }] });
      sim.call('sim.LaunchInstances', { cluster: 'demo', instanceType: 'm5.large', bootSeconds: 0 });
      sim.runUntil(60_000);
      return (sim.call('ecs.RunTask', { cluster: 'demo', taskDefinition: 'web' }).output as { tasks: { taskArn: string }[] }).tasks.map((t) => t.taskArn);
    };
    expect(new Sim().engine.seed).toBe('1');
    expect(new Sim({ seed: 7 }).engine.seed).toBe('7');
    expect(ids(new Sim({ seed: 'a' }))).toEqual(ids(new Sim({ seed: 'a' })));
    expect(ids(new Sim({ seed: 'a' }))).not.toEqual(ids(new Sim({ seed: 'b' })));
  });

  it('moves the clock by runUntil and step, writing what happens to its events', () => {
    const sim = new Sim();
    expect(sim.step()).toBe(false);
    sim.call('ecs.CreateCluster', { clusterName: 'demo' });
    sim.call('sim.LaunchInstances', { cluster: 'demo', instanceType: 'm5.large', bootSeconds: 0 });
    expect(sim.step()).toBe(true);
    sim.runUntil(120_000);
    expect(sim.now).toBe(120_000);
    expect(sim.events).toBe(sim.engine.log);
    expect(sim.events.some((e) => e.type === 'ContainerInstanceRegistered')).toBe(true);
  });

  it('keeps a snapshot apart from the live world, which can go on changing', () => {
    const sim = new Sim();
    sim.call('ecs.CreateCluster', { clusterName: 'demo' });
    const snap = sim.snapshot();
    sim.call('ecs.CreateCluster', { clusterName: 'later' });
    sim.world.clusters[sim.arn('cluster/demo')]!.tags.push({ key: 'k', value: 'v' });
    expect(Object.keys(snap.world.clusters)).toEqual([sim.arn('cluster/demo')]);
    expect(snap.world.clusters[sim.arn('cluster/demo')]!.tags).toEqual([]);
    sim.restore(snap);
    expect(Object.keys(sim.world.clusters)).toEqual([sim.arn('cluster/demo')]);
    expect(sim.world).not.toBe(snap.world);
  });
});
