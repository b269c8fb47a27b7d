import { describe, expect, it } from 'vitest';
import { numberedSteps, parseLog, readLog } from '../../../src/content/lesson/log';
import { LessonError } from '../../../src/content/lesson/yaml';
import type { Problem } from '../../../src/formats/problem';
import { lessonFiles } from '../../support/pins';

const read = (text: string, steps?: number) => {
  const problems: Problem[] = [];
  const log = readLog({ 'L/solution.yaml': text }, 'L/solution.yaml', problems, steps);
  return { log, problems: problems.map((p) => `${p.line}:${p.column}: ${p.member}: ${p.message}`) };
};

describe('numberedSteps', () => {
  it('counts the lines that start with a number, a dot and a space', () => {
    expect(numberedSteps('1. one\n2. two\n   3. indented\n10. ten\n- a hint\n4.no space')).toBe(3);
    expect(numberedSteps('')).toBe(0);
  });
});

describe('readLog', () => {
  it('reads commands (with editor files) and calls at their times, a missing time being the one before', () => {
    const { log, problems } = read(`predictions: { p: 1 }
actions:
  - { at: 10s, command: "aws ecs list-clusters" }
  - { command: "docker compose up -d", files: { compose.yaml: "services: {}" } }
  - { at: 1m, call: ecs.CreateCluster, input: { clusterName: a } }
  - { at: 61, call: ecs.ListClusters }
`);
    expect(problems).toEqual([]);
    expect(log).toEqual({
      actions: [
        { at: 10_000, kind: 'command', line: 'aws ecs list-clusters' },
        { at: 10_000, kind: 'command', line: 'docker compose up -d', files: { 'compose.yaml': 'services: {}' } },
        { at: 60_000, kind: 'call', call: 'ecs.CreateCluster', input: { clusterName: 'a' } },
        { at: 61_000, kind: 'call', call: 'ecs.ListClusters', input: {} },
      ],
      predictions: { p: 1 },
    });
  });

  it('records each problem at its line and member', () => {
    const { log, problems } = read(`actions:
  - { at: 20s, command: a }
  - { at: 10s, command: b }
  - { at: soon, command: c }
  - { at: 30s, call: ecs.Nope }
  - { at: 30s }
  - 5
`);
    expect(problems).toEqual([
      '3:11: actions[1].at: actions must be in time order',
      "4:11: actions[2].at: 'soon' is not a time",
      "5:22: actions[3].call: unknown operation 'ecs.Nope'",
      '6:5: actions[4]: expected command or call',
      '7:5: actions[5]: expected { at, command } or { at, call, input }',
    ]);
    // What can be read is kept: an action out of order, and the call to an unknown operation.
    expect(log.actions.map((a) => a.at)).toEqual([20_000, 10_000, 30_000]);
    expect(read('actions: none\n').problems).toEqual(['1:10: actions: expected a list of actions']);
    expect(read('- 1\n')).toEqual({ log: { actions: [], predictions: {} }, problems: ['1:1: : expected a mapping'] });
  });

  it('with the number of steps of a lesson’s text, wants each action’s step between 1 and that number', () => {
    const { log, problems } = read(
      `actions:
  - { step: 1, at: 1s, command: a }
  - { step: 3, at: 2s, command: b }
  - { at: 3s, command: c }
  - { step: 0, at: 4s, command: d }
  - { step: 1.5, at: 5s, command: e }
`,
      3,
    );
    expect(log.steps).toEqual([1, 3]);
    expect(problems).toEqual([
      "4:5: actions[2].step: expected the numbered step of the lesson's text this action does (1 to 3)",
      "5:13: actions[3].step: expected the numbered step of the lesson's text this action does (1 to 3)",
      "6:13: actions[4].step: expected the numbered step of the lesson's text this action does (1 to 3)",
    ]);
    expect(read('actions: []\n').log.steps).toBeUndefined();
  });
});

describe('parseLog', () => {
  it('reads a shipped solution, and throws a LessonError naming the file for a log with problems', () => {
    const files = lessonFiles();
    const l1 = parseLog(files, 'L1/solution.yaml');
    expect(l1.predictions).toEqual({ 'blast-radius': 1 });
    expect(l1.actions[0]).toEqual({ at: 10_000, kind: 'command', line: 'curl localhost:3000/api/users' });
    expect(() => parseLog({}, 'gone.yaml')).toThrow(new LessonError([{ severity: 'error', file: 'gone.yaml', line: 1, column: 1, member: '', message: 'the file is missing' }]));
    expect(() => parseLog({ 'x.yaml': 'actions: [ { at: 1s } ]\n' }, 'x.yaml')).toThrow('x.yaml:1:12: actions[0]: expected command or call');
  });
});
