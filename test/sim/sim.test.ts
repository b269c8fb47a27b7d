import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario, type Scenario } from '../../src/content/scenario';
import { eventHash } from '../../src/content/runner';
import { Timeline } from '../../src/content/timeline';
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
