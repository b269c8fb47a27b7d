import { describe, expect, it } from 'vitest';
import { parsePredicateText, PREDICATE_MEMBERS, readChoicePredicate, readPredicate, type PredicatePlace } from '../../../src/content/lesson/predicate';
import type { Goal } from '../../../src/content/lesson/types';
import type { Problem } from '../../../src/formats/problem';

/** A place that puts every member at line 1 and names the path it was asked about in the column (its length). */
function place(): PredicatePlace & { asked: string[] } {
  const asked: string[] = [];
  return {
    file: 'f.yaml',
    problems: [] as Problem[],
    asked,
    at: (path, key) => {
      asked.push(`${path.join('.')}${key ? ' (key)' : ''}`);
      return { line: 1, column: path.length + 1 };
    },
  };
}

describe('parsePredicateText', () => {
  it('reads a condition and what says it over time, durations in milliseconds', () => {
    const { goal, problems } = parsePredicateText('{ count: tasks, where: { lastStatus: RUNNING }, atLeast: 2, holdsFor: 1m30s, window: 90, from: 5s }');
    expect(problems).toEqual([]);
    expect(goal).toEqual({ id: 'when', label: '', check: { index: 0, count: 'tasks', where: { lastStatus: 'RUNNING' }, atLeast: 2 }, holdsFor: 90_000, window: 90_000, from: 5_000 });
  });

  it('reads within with after, never, since and rate', () => {
    expect(parsePredicateText('{ event: { type: TaskStateChange }, within: 2m, after: { type: ServiceCreated } }').goal).toMatchObject({ within: 120_000, after: { type: 'ServiceCreated' }, check: { event: { type: 'TaskStateChange' } } });
    expect(parsePredicateText('{ count: events, where: { type: Crash }, atLeast: 1, never: true, since: { type: Start } }').goal).toMatchObject({ never: true, since: { type: 'Start' } });
    const rate = parsePredicateText('{ rate: { of: { metricName: E }, over: { metricName: R } }, window: 60s, atMost: 0.01 }');
    expect(rate.problems).toEqual([]);
    expect(rate.goal).toMatchObject({ rate: { of: { metricName: 'E' }, over: { metricName: 'R' } }, window: 60_000, check: { index: 0, atMost: 0.01 } });
  });

  it('says each problem as line:column: member: message, with the member named as given', () => {
    expect(parsePredicateText('{ count: tasks, atLeast: 1, holdsFor: soon }', 'choices[0].when').problems).toEqual(['1:39: choices[0].when.holdsFor: expected a duration']);
    expect(parsePredicateText('{ count: tasks, atLeast: 1, within: 1m }').problems).toEqual(['1:1: when: within and after go together']);
    expect(parsePredicateText('{ count: tasks, atLeast: 1, after: { type: X } }').problems).toEqual(['1:1: when: within and after go together']);
    expect(parsePredicateText('{ count: tasks, atLeast: 1, since: [a] }').problems).toEqual(['1:36: when.since: expected an event condition']);
    expect(parsePredicateText('{ count: tasks, atLeast: 1, since: null }').problems).toEqual(['1:36: when.since: expected an event condition']);
    expect(parsePredicateText('{ count: tasks, atLeast: 1, never: false }').problems).toEqual(['1:36: when.never: expected true']);
  });

  it('refuses an unknown member at its name, and the condition checks (one kind, a known collection, a bound)', () => {
    expect(parsePredicateText('{ count: tasks, equals: 1, holdFor: 1m }').problems).toEqual([`1:28: when.holdFor: unknown member 'holdFor'; a condition has ${PREDICATE_MEMBERS.join(', ')}`]);
    expect(parsePredicateText('{ count: tasks, event: { type: X }, equals: 1 }').problems).toEqual(['1:1: when: needs exactly one of count, event, sequence or rate']);
    expect(parsePredicateText('{ rate: { of: {} }, atMost: 1 }').problems).toEqual(['1:1: when.rate: a rate needs of and over (datapoint conditions)', '1:1: when.window: a rate needs a window (the final 60s, …)']);
  });

  it('refuses what is not a mapping, and says at most three syntax errors', () => {
    expect(parsePredicateText('tasks').problems).toEqual(['1:1: when: expected a condition such as { count: tasks, where: { lastStatus: RUNNING }, equals: 2 }']);
    expect(parsePredicateText('[1, 2]').problems).toEqual(['1:1: when: expected a condition such as { count: tasks, where: { lastStatus: RUNNING }, equals: 2 }']);
    expect(parsePredicateText('a: 1\na: 2\na: 3\na: 4\na: 5\n')).toEqual({ problems: ['2:1: Map keys must be unique', '3:1: Map keys must be unique', '4:1: Map keys must be unique'] });
  });
});

describe('readChoicePredicate', () => {
  it('takes the label given, its member as id, and records problems in the place (not thrown)', () => {
    const p = place();
    const goal = readChoicePredicate({ count: 'tasks', equals: 2, never: 'no', extra: 1 }, 'choices[1].when', p, 'Two');
    expect(goal).toEqual({ id: 'choices[1].when', label: 'Two', check: { index: 0, count: 'tasks', equals: 2 } });
    expect(p.problems.map((x) => `${x.file}:${x.line}:${x.column} ${x.member}: ${x.message}`)).toEqual([
      `f.yaml:1:2 choices[1].when.extra: unknown member 'extra'; a condition has ${PREDICATE_MEMBERS.join(', ')}`,
      'f.yaml:1:2 choices[1].when.never: expected true',
    ]);
    // The unknown member is placed at its name; never at its value.
    expect(p.asked).toContain('extra (key)');
    expect(p.asked).toContain('never');
  });
});

describe('readPredicate', () => {
  it('adds what says the condition over time to the goal it is given, keeping its id, label and check', () => {
    const p = place();
    const goal: Goal = { id: 'steady', label: 'Two tasks, steadily', check: { index: 3, count: 'tasks', atLeast: 2 }, how: 'wait' };
    const out = readPredicate({ count: 'tasks', atLeast: 2, holdsFor: '2m' }, 'goals[3]', p, goal);
    expect(out).toBe(goal);
    expect(goal).toEqual({ id: 'steady', label: 'Two tasks, steadily', check: { index: 3, count: 'tasks', atLeast: 2 }, how: 'wait', holdsFor: 120_000 });
    expect(p.problems).toEqual([]);
  });

  it('names every problem under the member given', () => {
    const p = place();
    readPredicate({ count: 'tasks', atLeast: 2, window: 'x', from: -1, within: '1m' }, 'goals[3]', p, { id: 'g', label: '', check: { index: 0 } });
    expect(p.problems.map((x) => `${x.member}: ${x.message}`)).toEqual(['goals[3].window: expected a duration', 'goals[3].from: expected a duration', 'goals[3]: within and after go together']);
  });
});
