import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/content/scenarioError';

describe('ScenarioError', () => {
  it('is an Error named ScenarioError that keeps its problems and says each on a line of its own', () => {
    const problems = [
      { severity: 'error' as const, file: 'sc.yaml', line: 4, column: 7, member: 'actions[0].call', message: "unknown operation 'ecs.Nope'" },
      { severity: 'error' as const, file: 'sc.yaml', line: 9, column: 1, member: 'until', message: 'expected a duration' },
    ];
    const e = new ScenarioError(problems);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ScenarioError');
    expect(e.problems).toBe(problems);
    expect(e.message).toBe("sc.yaml:4:7: actions[0].call: unknown operation 'ecs.Nope'\nsc.yaml:9:1: until: expected a duration");
  });
});
