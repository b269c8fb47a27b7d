import { describe, expect, it } from 'vitest';
import { checkFile } from '../../src/ui/EditorPanel';
import { COMPOSE_FILE, SCENARIO_FILE } from '../../src/store/defaults';

describe("the editor's live checks", () => {
  it("hand the parsers' problems on as data, warnings as warnings", () => {
    const compose = checkFile(COMPOSE_FILE, 'version: "3"\nservices:\n  web:\n    image: nginx\n    ports: [80-81:80]\n');
    expect(compose.map((p) => [p.line, p.severity])).toEqual([
      [1, 'warning'],
      [5, 'error'],
    ]);
    expect(checkFile(SCENARIO_FILE, 'name: x\nactions:\n  - { at: 5, call: ecs.LaunchRocket }\n')).toEqual([
      { file: SCENARIO_FILE, line: 3, column: expect.any(Number), member: 'actions[0].call', message: expect.stringMatching(/^unknown call 'ecs.LaunchRocket'/), severity: 'error' },
    ]);
  });
});
