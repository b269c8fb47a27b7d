import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../../../src/content/scenario';
import { Timeline } from '../../../src/content/timeline';
import { copyWorld, copyWorldMember } from '../../../src/sim/model/snapshot';
import { containerRecord, demoSim, instanceRecord, serviceRecord, taskRecord } from '../../support/simcoreRecords';
import type { WorldState } from '../../../src/sim/model/world';

const root = resolve(import.meta.dirname, '../../..');
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

/** What a copy shares on purpose: placement traces, and a task's overrides and tags (replaced, never changed in place). */
const SHARED = /^world\.traces\.\d+$|^world\.tasks\.[^.]+\.(overrides|tags)$/;

/** Where the copy and its original share an object they should not. */
function shared(copy: unknown, original: unknown, path: string, out: string[]): void {
  if (copy === null || typeof copy !== 'object') return;
  if (copy === original) {
    if (!SHARED.test(path)) out.push(path);
    return;
  }
  expect(Object.getPrototypeOf(copy), path).toBe(Object.getPrototypeOf(original));
  expect(Object.keys(copy), path).toEqual(Object.keys(original as object));
  if (ArrayBuffer.isView(copy)) return;
  for (const k of Object.keys(copy)) {
    shared((copy as Record<string, unknown>)[k], (original as Record<string, unknown>)[k], `${path}.${k}`, out);
  }
}

/** The end state as a learner could see it: every member of the world, as data. */
const stateOf = (w: WorldState) => JSON.stringify(w);

describe('a copy of the world, as snapshots take and restores give it', () => {
  it('holds the same members in the same order, keeps the null-prototype tables, and shares only what never changes in place', () => {
    for (const { path, scenario } of SCENARIOS) {
      const t = new Timeline(scenario, scenario.seed, [], { history: false });
      for (const at of [endOf(scenario) / 3, endOf(scenario)]) {
        t.advanceTo(at);
        const w = t.sim.world;
        const c = copyWorld(w);
        expect(stateOf(c), path).toBe(stateOf(w));
        const where: string[] = [];
        shared(c, w, 'world', where);
        expect(where, `${path} at ${at} ms`).toEqual([]);
        expect(c.traces).not.toBe(w.traces);
        expect(c.traces).toEqual(w.traces);
      }
    }
  });
});

describe('a copy of hand-built records', () => {
  it("copies a task's containers, reservations and bindings, and shares its overrides and tags, which are replaced, never changed in place", () => {
    const { sim } = demoSim();
    const t = taskRecord(sim, 't1', { containers: [containerRecord({ name: 'web', networkBindings: [{ bindIP: '0.0.0.0', containerPort: 80, hostPort: 8080, protocol: 'tcp' }] })], tags: [{ key: 'a', value: 'b' }] });
    t.reserved.ports.push(8080);
    const c = copyWorld(sim.world).tasks[t.taskArn]!;
    expect(c).toEqual(t);
    expect(c.containers[0]!.networkBindings[0]).not.toBe(t.containers[0]!.networkBindings[0]);
    expect(c.reserved.ports).not.toBe(t.reserved.ports);
    expect(c.overrides).toBe(t.overrides);
    expect(c.tags).toBe(t.tags);
  });

  it("copies an instance's ports, attributes and task list, and a service's events, deployments and task list", () => {
    const { sim } = demoSim();
    const ci = instanceRecord(sim, 'ci1', { attributes: [{ name: 'stack', value: 'blue' }], taskArns: ['a'] });
    const svc = serviceRecord(sim);
    svc.events.push({ id: 'e', createdAtMs: 0, message: 'm' });
    const w = copyWorld(sim.world);
    const cci = w.containerInstances[ci.containerInstanceArn]!;
    cci.attributes[0]!.value = 'green';
    cci.taskArns.push('b');
    cci.reservedPorts.push(1);
    const csvc = w.services[svc.serviceArn]!;
    csvc.events[0]!.message = 'changed';
    csvc.deployments[0]!.desiredCount = 9;
    expect(ci.attributes[0]!.value).toBe('blue');
    expect(ci.taskArns).toEqual(['a']);
    expect(ci.reservedPorts).toEqual([22]);
    expect(svc.events[0]!.message).toBe('m');
    expect(svc.deployments[0]!.desiredCount).toBe(2);
  });

  it('copies one member as the whole copy does, a table kept without a prototype', () => {
    const { sim } = demoSim();
    taskRecord(sim, 't1');
    const tasks = copyWorldMember(sim.world, 'tasks');
    expect(Object.getPrototypeOf(tasks)).toBeNull();
    expect(tasks).toEqual(sim.world.tasks);
    expect(tasks).not.toBe(sim.world.tasks);
    const clusters = copyWorldMember(sim.world, 'clusters');
    expect(JSON.stringify(clusters)).toBe(JSON.stringify(sim.world.clusters));
    expect(Object.values(clusters)[0]).not.toBe(Object.values(sim.world.clusters)[0]);
  });
});
