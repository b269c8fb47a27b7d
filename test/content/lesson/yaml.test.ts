import { describe, expect, it } from 'vitest';
import { checkCheck, LessonError, problemsOf, readYaml, toCheck } from '../../../src/content/lesson/yaml';
import { ScenarioError } from '../../../src/content/scenarioError';
import type { Problem } from '../../../src/formats/problem';

const problem = (message: string, line = 3): Problem => ({ severity: 'error', file: 'L1/lesson.yaml', line, column: 5, member: 'goals[0]', message });

describe('LessonError', () => {
  it('is named LessonError and says every problem on its own line', () => {
    const e = new LessonError([problem('one'), problem('two', 4)]);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('LessonError');
    expect(e.message).toBe('L1/lesson.yaml:3:5: goals[0]: one\nL1/lesson.yaml:4:5: goals[0]: two');
    expect(e.problems).toHaveLength(2);
  });
});

describe('problemsOf', () => {
  it('keeps the problems of a LessonError or a ScenarioError, and makes any other error a problem at the top of the file', () => {
    const ps = [problem('x')];
    expect(problemsOf('f', new LessonError(ps))).toBe(ps);
    expect(problemsOf('f', new ScenarioError(ps))).toBe(ps);
    expect(problemsOf('f.yaml', new TypeError('boom'))).toEqual([{ file: 'f.yaml', line: 1, column: 1, member: '', message: 'boom', severity: 'error' }]);
    expect(problemsOf('f.yaml', 'plain')).toEqual([{ file: 'f.yaml', line: 1, column: 1, member: '', message: 'plain', severity: 'error' }]);
  });
});

describe('readYaml', () => {
  it('is the mapping with the positions of its members', () => {
    const problems: Problem[] = [];
    const y = readYaml({ 'a.yaml': 'id: L1\ngoals:\n  - id: g\n    label: G\n' }, 'a.yaml', problems);
    expect(problems).toEqual([]);
    expect(y!.data).toEqual({ id: 'L1', goals: [{ id: 'g', label: 'G' }] });
    expect(y!.at(['goals', 0, 'label'])).toEqual({ line: 4, column: 12 });
  });

  it('records why not and gives undefined: a missing file, syntax errors (three at most), a file that is not a mapping', () => {
    const read = (files: Record<string, string>) => {
      const problems: Problem[] = [];
      return { y: readYaml(files, 'a.yaml', problems), problems };
    };
    expect(read({})).toEqual({ y: undefined, problems: [{ severity: 'error', file: 'a.yaml', line: 1, column: 1, member: '', message: 'the file is missing' }] });
    expect(read({ 'a.yaml': '- 1\n- 2\n' })).toEqual({ y: undefined, problems: [{ severity: 'error', file: 'a.yaml', line: 1, column: 1, member: '', message: 'expected a mapping' }] });
    expect(read({ 'a.yaml': '' }).problems[0]!.message).toBe('expected a mapping');
    // Four repeated keys, four errors: the first three are said.
    expect(read({ 'a.yaml': 'a: 1\na: 2\na: 3\na: 4\na: 5\n' })).toEqual({
      y: undefined,
      problems: [2, 3, 4].map((line) => ({ severity: 'error', file: 'a.yaml', line, column: 1, member: '', message: 'Map keys must be unique' })),
    });
  });
});

describe('toCheck', () => {
  it('takes only the condition members, with the index given', () => {
    expect(toCheck({ id: 'g', label: 'G', count: 'tasks', where: { a: 1 }, equals: 2, atLeast: 1, atMost: 3, holdsFor: '1m', how: 'x' }, 4)).toEqual({ index: 4, count: 'tasks', where: { a: 1 }, equals: 2, atLeast: 1, atMost: 3 });
    expect(toCheck({ event: { type: 'X' } }, 0)).toEqual({ index: 0, event: { type: 'X' } });
    expect(toCheck({ sequence: [{ a: 1 }] }, 1)).toEqual({ index: 1, sequence: [{ a: 1 }] });
  });
});

describe('checkCheck', () => {
  const check = (raw: Record<string, unknown>) => {
    const problems: Problem[] = [];
    checkCheck(raw, 'f.yaml', 'goals[2]', () => ({ line: 7, column: 3 }), problems);
    return problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.member}: ${p.message}`);
  };

  it('accepts a count with a bound over a known collection, an event, a sequence, a rate with its window and bound', () => {
    expect(check({ count: 'tasks', atLeast: 1 })).toEqual([]);
    expect(check({ count: 'discoveryServices', equals: 0 })).toEqual([]);
    expect(check({ event: { type: 'X' } })).toEqual([]);
    expect(check({ sequence: [] })).toEqual([]);
    expect(check({ rate: { of: {}, over: {} }, window: '60s', atMost: 0.01 })).toEqual([]);
  });

  it('wants exactly one kind of condition', () => {
    expect(check({})).toEqual(['f.yaml:7:3: goals[2]: needs exactly one of count, event, sequence or rate']);
    expect(check({ event: {}, sequence: [] })).toEqual(['f.yaml:7:3: goals[2]: needs exactly one of count, event, sequence or rate']);
  });

  it('names an unknown collection with the known ones, and a count without a bound', () => {
    const [unknown, bound] = check({ count: 'task' });
    expect(unknown).toMatch(/^f\.yaml:7:3: goals\[2\]\.count: unknown collection 'task'; known: tasks, containerInstances, services, /);
    expect(unknown).toContain('discoveryServices');
    expect(bound).toBe('f.yaml:7:3: goals[2]: a count needs equals, atLeast or atMost');
  });

  it('a rate needs of and over, a window and a bound', () => {
    expect(check({ rate: { of: {} } })).toEqual([
      'f.yaml:7:3: goals[2].rate: a rate needs of and over (datapoint conditions)',
      'f.yaml:7:3: goals[2].window: a rate needs a window (the final 60s, …)',
      'f.yaml:7:3: goals[2]: a rate needs atLeast or atMost',
    ]);
    expect(check({ rate: null, window: 60, atLeast: 1 })).toEqual(['f.yaml:7:3: goals[2].rate: a rate needs of and over (datapoint conditions)']);
  });
});
