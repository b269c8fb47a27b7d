import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/content/runner';
import { parseScenario } from '../../src/content/scenario';
import { eventHash } from '../../src/content/report';
import { Timeline } from '../../src/content/timeline';

const text = `name: checkpoints
actions:
  - { at: 0, id: demo, call: ecs.CreateCluster, input: { clusterName: demo } }
  - { at: 0, call: ecs.CreateCluster, input: { clusterName: "\${call:demo.cluster.clusterName}-copy" } }
  - { at: 60s, call: ecs.DeleteCluster, input: { cluster: demo } }
  - { at: 10m, call: ecs.CreateCluster, input: { clusterName: too-late } }
until: 5m
expect:
  - { label: both at 30 s, at: 30s, count: clusters, where: { status: ACTIVE }, equals: 2 }
  - { label: one at the end, count: clusters, where: { status: ACTIVE }, equals: 1 }
  - { label: after the end, at: 6m, count: clusters, equals: 3 }
  - { call: demo, output: { cluster: { clusterName: demo } } }
`;

describe('the headless runner', () => {
  it('evaluates each checkpoint when the clock reaches it, and stops the world at until', () => {
    const r = runScenario(parseScenario(text, 'checkpoints.yaml'));
    expect(r.expect.map((x) => [x.label, x.passed, x.seen, x.at])).toEqual([
      ['both at 30 s', true, 2, 30],
      ['one at the end', true, 1, undefined],
      ['after the end', false, 'not reached before the end of the run', 360],
      ['call demo answers as expected', true, { output: expect.objectContaining({ cluster: expect.objectContaining({ clusterName: 'demo' }) }) }, undefined],
    ]);
    expect(r.clock).toBe(300);
    expect(r.calls.map((c) => [c.at, c.call, c.input])).toEqual([
      [0, 'ecs.CreateCluster', { clusterName: 'demo' }],
      [0, 'ecs.CreateCluster', { clusterName: 'demo-copy' }],
      [60, 'ecs.DeleteCluster', { cluster: 'demo' }],
    ]);
    expect(r.passed).toBe(false);
  });

  it('drives the same Timeline as the page: a straight run of the scenario gives the same events', () => {
    const sc = parseScenario(text, 'checkpoints.yaml');
    const t = new Timeline(sc);
    t.advanceTo(300_000);
    expect(runScenario(sc).eventHash).toBe(eventHash(t.sim.events));
    expect(runScenario(sc, { until: 700_000 }).calls.map((c) => c.input.clusterName ?? c.input.cluster)).toEqual(['demo', 'demo-copy', 'demo', 'too-late']);
  });
});
