import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseScenario, ScenarioError } from '../../src/content/scenario';

describe('copilot actions in scenarios', () => {
  it('a manifest problem names the scenario file, its line and the member', () => {
    const text = 'name: x\nactions:\n  - app: kudos\n    env: test\n    copilot: |\n      name: web\n      type: Load Balanced Web Service\n      image:\n        location: nginx\n';
    let err: unknown;
    try {
      parseScenario(text, 'lesson.yaml');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ScenarioError);
    expect((err as ScenarioError).problems).toEqual([expect.objectContaining({ file: 'lesson.yaml', line: 9, member: 'actions[0].copilot.image.port' })]);
  });

  it('an action with both call and copilot is refused with a readable message', () => {
    expect(() => parseScenario('name: x\nactions:\n  - { call: ecs.ListClusters, copilot: "name: a", app: a, env: b }\n', 's.yaml')).toThrow(/s\.yaml:3:5: actions\[0\]: a copilot action has copilot, app and env/);
  });

  it('deploying the same workload twice to one environment is refused', () => {
    const m = 'name: api\ntype: Backend Service\nimage:\n  location: nginx\n';
    const text = stringify({
      name: 'x',
      actions: [
        { app: 'a', env: 'e', copilot: m },
        { app: 'a', env: 'e', copilot: m },
      ],
    });
    expect(() => parseScenario(text, 's.yaml')).toThrow(/api is already deployed to a\/e/);
  });
});
