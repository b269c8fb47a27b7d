import { describe, expect, it } from 'vitest';
import { BUILT_IN_SCENARIOS, COMPOSE_FILE, DEFAULT_FILES, MANIFEST_FILE, SCENARIO_FILE, TASKDEF_FILE, defaultWorkspace } from '../../src/store/defaults';
import { parseScenario } from '../../src/content/scenario';
import { runScenario } from '../../src/content/runner';
import { Sim } from '../../src/sim';
import { parseCompose } from '../../src/formats/compose';
import { parseManifest } from '../../src/formats/copilot';

describe('what a new learner starts with', () => {
  it('four built-in scenarios, each of which parses and runs to its end with every call answered and its expectations met', () => {
    expect(BUILT_IN_SCENARIOS.map((b) => b.id)).toEqual(['empty-cluster', 'busy-cluster', 'binpack', 'large-cluster']);
    for (const b of BUILT_IN_SCENARIOS.slice(0, 3)) {
      const report = runScenario(parseScenario(b.text!, `${b.id}.yaml`));
      expect(report.passed, b.id).toBe(true);
      expect(
        report.calls.filter((c) => c.error),
        b.id,
      ).toEqual([]);
    }
    // The empty cluster: three container instances, one in each AZ, and nothing running yet.
    const empty = runScenario(parseScenario(BUILT_IN_SCENARIOS[0]!.text!, 'empty-cluster.yaml'), { until: 120_000 });
    const azs = (empty.containerInstances as { attributes: { name: string; value?: string }[] }[]).map((ci) => ci.attributes.find((a) => a.name === 'ecs.availability-zone')!.value);
    expect(azs.sort()).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    expect(empty.tasks).toEqual([]);
  });

  it('the first one is the workspace’s: three instances, one per AZ, the editor on the task definition', () => {
    const w = defaultWorkspace();
    expect(w).toMatchObject({ version: 3, scenarioId: 'empty-cluster', seed: '1', actions: [], time: 0, activeFile: TASKDEF_FILE });
    expect(w.files[SCENARIO_FILE]).toBe(BUILT_IN_SCENARIOS[0]!.text!);
    // Each call gives a workspace of its own: changing one leaves the next alone.
    w.files[TASKDEF_FILE] = 'changed';
    expect(defaultWorkspace().files[TASKDEF_FILE]).toBe(DEFAULT_FILES[TASKDEF_FILE]);
  });

  it('the example task definition registers as it stands', () => {
    const sim = new Sim({ seed: 1 });
    const r = sim.call('ecs.RegisterTaskDefinition', JSON.parse(DEFAULT_FILES[TASKDEF_FILE]!));
    expect(r.error).toBeUndefined();
    expect(r.output).toMatchObject({ taskDefinition: { family: 'web', revision: 1, status: 'ACTIVE' } });
  });

  it('the example Compose file and Copilot manifest read without a problem', () => {
    const compose = parseCompose(DEFAULT_FILES[COMPOSE_FILE]!, COMPOSE_FILE);
    expect(compose.problems).toEqual([]);
    expect(compose.project!.services.map((x) => x.name).sort()).toEqual(['api', 'db']);
    const manifest = parseManifest(DEFAULT_FILES[MANIFEST_FILE]!, MANIFEST_FILE);
    expect(manifest.problems).toEqual([]);
    expect(manifest.manifest).toMatchObject({ name: 'web', type: 'Load Balanced Web Service' });
  });
});
