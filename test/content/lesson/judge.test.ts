import { describe, expect, it } from 'vitest';
import type { Sim } from '../../../src/sim';
import { checklistAt, conditionHolds, judge, overTime, scoped, type Sample } from '../../../src/content/lesson/judge';
import type { Goal, Lesson, Prediction } from '../../../src/content/lesson/types';
import { bareLesson, workerWorld } from '../../support/contentLesson';
import type { Expectation } from '../../../src/content/scenario';

const running = (n: number, bound: 'equals' | 'atLeast' = 'atLeast'): Expectation => ({ index: 0, count: 'tasks', where: { family: 'worker', lastStatus: 'RUNNING' }, [bound]: n });

const goal = (g: Partial<Goal> & Pick<Goal, 'id' | 'check'>): Goal => ({ label: `label of ${g.id}`, ...g });

const lesson = bareLesson;
const world = workerWorld;

const samples = (entries: Record<string, Sample[]>) => new Map(Object.entries(entries));
const line = (sim: Sim, l: Lesson, s: Record<string, Sample[]> = {}) => checklistAt(sim, l, [], samples(s));

describe('overTime', () => {
  it('is true for holdsFor, never and within goals, false for a goal about now', () => {
    const check = running(1);
    expect([goal({ id: 'a', check }), goal({ id: 'b', check, holdsFor: 1000 }), goal({ id: 'c', check, never: true }), goal({ id: 'd', check, within: 1000, after: {} })].map(overTime)).toEqual([false, true, true, true]);
  });
});

describe('a goal about the world now', () => {
  it('is met with an empty detail, and not met says how many it found against what it needs, then the goal’s how', () => {
    const sim = world(2, 30_000);
    const [met, short, between, atMost] = line(
      sim,
      lesson([
        goal({ id: 'met', check: running(2, 'equals'), how: 'run two' }),
        goal({ id: 'short', check: { index: 0, count: 'tasks', where: { family: 'nothing' }, atLeast: 2 }, how: 'run more' }),
        goal({ id: 'between', check: { ...running(3), atMost: 5 } }),
        goal({ id: 'atMost', check: { index: 0, count: 'tasks', atMost: 1 } }),
      ]),
    );
    expect(met).toEqual({ id: 'met', label: 'label of met', passed: true, detail: '' });
    expect(short).toMatchObject({ passed: false, detail: '0 found (need at least 2) — run more' });
    expect(short!.measured).toEqual([
      { key: 'check.found', params: { count: 0 } },
      { key: 'check.need.atLeast', params: { n: 2 } },
    ]);
    expect(between!.detail).toBe('2 found (need 3 to 5)');
    expect(atMost!.detail).toBe('2 found (need at most 1)');
  });

  it('says "not yet" when it wants one and finds none, and for an event or sequence not seen', () => {
    // At 10 s: the tasks are PENDING.
    const sim = world(2, 10_000);
    const items = line(
      sim,
      lesson([
        goal({ id: 'one', check: running(1), how: 'run one' }),
        goal({ id: 'event', check: { index: 0, event: { type: 'ServiceCreated' } } }),
        goal({ id: 'seq', check: { index: 0, sequence: [{ type: 'TaskStateChange' }, { type: 'ClusterCreated' }] } }),
        goal({ id: 'seqOk', check: { index: 0, sequence: [{ type: 'ClusterCreated' }, { type: 'ContainerInstanceRegistered' }] } }),
      ]),
    );
    expect(items.map((c) => [c.id, c.passed, c.detail])).toEqual([
      ['one', false, 'not yet — run one'],
      ['event', false, 'not yet'],
      ['seq', false, 'not yet'],
      ['seqOk', true, ''],
    ]);
  });

  it('short of tasks, quotes the newest placement failure of what its where names, with the tasks still waiting', () => {
    const l = lesson([goal({ id: 'three', check: running(3, 'equals'), how: 'make room' }), goal({ id: 'other', check: { index: 0, count: 'tasks', where: { family: 'other' }, equals: 1 } })]);
    const [pending] = line(world(3, 15_000), l);
    expect(pending!.detail).toBe('0 found (need exactly 3). 2 waiting; the last placement that failed (family:worker): RESOURCE:MEMORY — needs 3000 MiB, 1987 MiB remaining — make room');
    const [three, other] = line(world(3, 30_000), l);
    expect(three!.detail).toBe('2 found (need exactly 3). the last placement that failed (family:worker): RESOURCE:MEMORY — needs 3000 MiB, 1987 MiB remaining — make room');
    // worker's failure is not about `other`.
    expect(other!.detail).toBe('not yet');
  });

  it('with a window, counts only the events of its last stretch of time', () => {
    const sim = world(2, 30_000);
    const states = (window?: number) => goal({ id: 'w', check: { index: 0, count: 'events', where: { type: 'TaskStateChange' }, atLeast: 4 }, ...(window ? { window } : {}) });
    // Two PENDING at 10 s and two RUNNING at 22.5 s; the last 10 s see only the RUNNING ones.
    expect(line(sim, lesson([states()]))[0]!.passed).toBe(true);
    expect(line(sim, lesson([states(10_000)]))[0]!.detail).toBe('2 found (need at least 4)');
    expect(line(sim, lesson([states(20_000)]))[0]!.passed).toBe(true);
  });
});

describe('scoped (since)', () => {
  it('adds the time of the last matching event to an event, the first of a sequence or a count of events', () => {
    const sim = world(2, 30_000);
    const since = { type: 'TaskStateChange' };
    expect(scoped(sim, { index: 0, event: { type: 'X' } }, since)).toEqual({ index: 0, event: { type: 'X', t: { gte: 22_500 } } });
    expect(scoped(sim, { index: 0, sequence: [{ a: 1 }, { b: 2 }] }, since).sequence).toEqual([{ a: 1, t: { gte: 22_500 } }, { b: 2 }]);
    expect(scoped(sim, { index: 0, count: 'events', where: { type: 'Y' }, atLeast: 1 }, since).where).toEqual({ type: 'Y', t: { gte: 22_500 } });
    // A count of anything else, or no since: unchanged.
    const tasks = running(1);
    expect(scoped(sim, tasks, since)).toBe(tasks);
    expect(scoped(sim, tasks)).toBe(tasks);
    // No event matches since: nothing counts.
    expect(scoped(sim, { index: 0, event: {} }, { type: 'Never' }).event).toEqual({ t: { gte: Infinity } });
  });

  it('a goal with since counts only what happened after the last event it names', () => {
    const sim = world(2, 30_000);
    const g = (since: Record<string, unknown>) => goal({ id: 's', check: { index: 0, count: 'events', where: { type: 'TaskStateChange' }, atLeast: 3 }, since });
    expect(conditionHolds(sim, g({ type: 'ClusterCreated' }), [])).toBe(true);
    // Since the last TaskStateChange (RUNNING at 22.5 s): two.
    expect(conditionHolds(sim, g({ type: 'TaskStateChange' }), [])).toBe(false);
    expect(line(sim, lesson([g({ type: 'TaskStateChange' })]))[0]!.detail).toBe('2 found (need at least 3)');
  });
});

describe('a goal that must hold for a while (holdsFor)', () => {
  const steady = goal({ id: 'steady', check: running(2), holdsFor: 60_000, how: 'keep the clock running' });

  it('true now but not for long enough: says since when (the first event after the last false sample) and until when', () => {
    const sim = world(2, 30_000);
    const [c] = line(sim, lesson([steady]), { steady: [0, 10_000, 20_000].map((t) => ({ t, ok: false })) });
    expect(c!.detail).toBe('true since 0:00:22.5; it must hold for 0:01:00, until 0:01:22.5 — keep the clock running');
    expect(c!.measured).toEqual([{ key: 'check.holds.since', params: { since: '0:00:22.5', length: '0:01:00', until: '0:01:22.5' } }]);
  });

  it('is met once it has held that long without a break', () => {
    const sim = world(2, 90_000);
    const s = [0, 10_000, 20_000].map((t) => ({ t, ok: false })).concat([30_000, 40_000, 50_000, 60_000, 70_000, 80_000].map((t) => ({ t, ok: true })));
    expect(line(sim, lesson([steady]), { steady: s })[0]!.passed).toBe(true);
    // A break at 40 s: true since the next event after it, or else since the next sample.
    const broken = s.map((x) => (x.t === 40_000 ? { ...x, ok: false } : x));
    expect(line(sim, lesson([steady]), { steady: broken })[0]!.detail).toBe('true since 0:00:50; it must hold for 0:01:00, until 0:01:50 — keep the clock running');
  });

  it('not true now: says so, with why tasks are not placed when it counts tasks', () => {
    const sim = world(3, 15_000);
    const [c] = line(sim, lesson([goal({ ...steady, check: running(3) })]));
    expect(c!.detail).toBe('not true now (it must hold for 0:01:00). 2 waiting; the last placement that failed (family:worker): RESOURCE:MEMORY — needs 3000 MiB, 1987 MiB remaining — keep the clock running');
  });
});

describe('a goal that must never be true', () => {
  const run = goal({ id: 'run', label: 'Two tasks run', check: running(2) });
  const calm = goal({ id: 'calm', check: running(1), never: true, broken: 'a task ran', how: 'do not run tasks' });

  it('waits for the goals that are not never goals, then is met when no sample saw it true', () => {
    const sim = world(2, 15_000);
    const l = lesson([run, goal({ ...calm, check: { index: 0, count: 'tasks', where: { lastStatus: 'STOPPED' }, atLeast: 1 } })]);
    expect(line(sim, l)[1]).toEqual({
      id: 'calm',
      label: 'label of calm',
      passed: false,
      detail: 'not broken so far; it is judged once the other goals are met',
      measured: [{ key: 'check.never.sofar' }],
      withoutHow: true,
    });
    expect(line(world(2, 30_000), l)[1]).toMatchObject({ passed: true, detail: '' });
  });

  it('once true at a sample it is broken for the rest of the run, saying what happened and when, whatever the other goals', () => {
    const sim = world(2, 15_000);
    const [, c] = line(sim, lesson([run, calm]), {
      calm: [
        { t: 0, ok: false },
        { t: 10_000, ok: true },
        { t: 12_000, ok: false },
      ],
    });
    expect(c).toMatchObject({ passed: false, detail: 'a task ran at 0:00:10', broken: true, withoutHow: true });
    // Without `broken`, it says when it happened.
    const bare = goal({ ...calm, broken: undefined });
    expect(line(sim, lesson([bare]), { calm: [{ t: 10_000, ok: true }] })[0]!.detail).toBe('it happened at 0:00:10');
    // Samples before `from` do not count.
    expect(line(world(2, 15_000), lesson([goal({ ...calm, from: 11_000 })]), { calm: [{ t: 10_000, ok: true }] })[0]!.passed).toBe(true);
  });

  it('the world now counts as a sample', () => {
    const [, c] = line(world(2, 30_000), lesson([run, calm]), { calm: [{ t: 0, ok: false }] });
    expect(c!.detail).toBe('a task ran at 0:00:30');
  });
});

describe('a goal within a time after an event', () => {
  const g = (within: number, after: Record<string, unknown> = { type: 'ClusterCreated' }) => goal({ id: 'soon', check: running(2), within, after, how: 'hurry' });

  it('waits for its event, then has until a deadline, then is missed for good', () => {
    expect(line(world(2, 15_000), lesson([g(20_000, { type: 'ServiceCreated' })]))[0]!.detail).toBe('what it waits for has not happened yet — hurry');
    expect(line(world(2, 15_000), lesson([g(20_000)]))[0]!.detail).toBe('not yet: it has until 0:00:20 (0:00:20 after 0:00:00) — hurry');
    expect(line(world(2, 30_000), lesson([g(20_000)]), { soon: [{ t: 20_000, ok: false }] })[0]).toMatchObject({ passed: false, detail: 'not within 0:00:20 of 0:00:00', broken: true, withoutHow: true });
  });

  it('is met by a sample inside the window, and stays met after it', () => {
    expect(line(world(2, 30_000), lesson([g(30_000)]))[0]!.passed).toBe(true);
    expect(line(world(2, 60_000), lesson([g(30_000)]), { soon: [{ t: 25_000, ok: true }] })[0]!.passed).toBe(true);
  });
});

describe('a goal judged once others are met (once)', () => {
  it('says which goal it waits for, and is judged as itself once that one is met', () => {
    const first = goal({ id: 'first', label: 'Two tasks run', check: running(2), how: 'run two' });
    const then = goal({ id: 'then', check: { index: 0, event: { type: 'TaskStateChange' } }, once: ['first'], how: 'wait' });
    expect(line(world(2, 15_000), lesson([then, first]))[0]).toEqual({
      id: 'then',
      label: 'label of then',
      passed: false,
      detail: 'counts once “Two tasks run” is met',
      measured: [{ key: 'check.once', params: { goal: 'first', label: 'Two tasks run' } }],
      withoutHow: true,
    });
    expect(line(world(2, 30_000), lesson([then, first]))[0]!.passed).toBe(true);
  });
});

describe('a rate goal', () => {
  /** Requests and 5xx counts of target group tg, per minute from 0. */
  function traffic(requests: number[], errors: number[]): Sim {
    const sim = world(0, 180_000);
    const series = (metricName: string, values: number[]) => ({ namespace: 'AWS/ApplicationELB', metricName, dimensions: [{ name: 'TargetGroup', value: 'tg' }], points: values.flatMap((v, i) => [i * 60_000, v]) });
    sim.world.metrics['r'] = series('RequestCount', requests);
    sim.world.metrics['e'] = series('HTTPCode_Target_5XX_Count', errors);
    return sim;
  }
  const rate = (bound: Partial<Expectation>) => goal({ id: 'rate', check: { index: 0, ...bound }, rate: { of: { metricName: 'HTTPCode_Target_5XX_Count' }, over: { metricName: 'RequestCount' } }, window: 60_000 });

  it('divides the sum of `of` by the sum of `over` over the datapoints of the final window, said as a person writes it', () => {
    // At 3:00 the final minute's datapoint is the one of 2:00-3:00 (300 requests, 1 error); the others' minutes ended before.
    const sim = traffic([1000, 100, 300], [1000, 100, 1]);
    expect(line(sim, lesson([rate({ atMost: 0.01 })]))[0]!.passed).toBe(true);
    expect(line(sim, lesson([rate({ atMost: 0.001 })]))[0]!.detail).toBe('0.33 % (1 of 300); need at most 0.1 %');
    expect(line(sim, lesson([rate({ atLeast: 0.5 })]))[0]!.detail).toBe('0.33 % (1 of 300); need at least 50 %');
  });

  it('with no requests in the window has nothing to measure', () => {
    expect(line(traffic([5, 0, 0], [5, 0, 0]), lesson([rate({ atMost: 0.01 })]))[0]!.detail).toBe('nothing to measure in that window (no requests)');
  });
});

describe('judge', () => {
  const guess: Prediction = {
    id: 'how-many',
    prompt: 'How many run?',
    decided: { index: 0, count: 'tasks', where: { lastStatus: 'RUNNING' }, atLeast: 1 },
    choices: [
      { label: 'One', when: running(1, 'equals') },
      { label: 'Two', when: running(2, 'equals') },
    ],
  };

  it('passes when every goal does; shows the diagnostics whose evidence all holds only while it does not', () => {
    const diagnostics = [
      { id: 'short', message: 'Too few run', when: [{ index: 0, count: 'tasks', atMost: 2 }] },
      {
        id: 'both',
        message: 'Needs both',
        when: [
          { index: 0, count: 'tasks', atMost: 2 },
          { index: 1, event: { type: 'ServiceCreated' } },
        ],
      },
    ];
    const sim = world(2, 30_000);
    const failing = judge(sim, lesson([goal({ id: 'g', check: running(3) })], { diagnostics }), [], new Map());
    expect(failing.passed).toBe(false);
    expect(failing.diagnostics).toEqual([{ id: 'short', message: 'Too few run' }]);
    const passing = judge(sim, lesson([goal({ id: 'g', check: running(2) })], { diagnostics }), [], new Map());
    expect(passing).toMatchObject({ passed: true, diagnostics: [] });
  });

  it('tells a prediction’s answer only once it is decided and the learner answered it or passed', () => {
    const open = lesson([goal({ id: 'g', check: running(3) })], { predictions: [guess] });
    // Not decided yet (15 s: nothing runs): the choice is kept, no answer.
    expect(judge(world(2, 15_000), open, [], new Map(), { 'how-many': 0 }).predictions).toEqual([{ id: 'how-many', prompt: 'How many run?', chosen: 'One', correct: null, right: null, decided: false }]);
    // Decided, answered: right or wrong.
    expect(judge(world(2, 30_000), open, [], new Map(), { 'how-many': 0 }).predictions[0]).toMatchObject({ chosen: 'One', correct: 'Two', right: false, decided: true });
    expect(judge(world(2, 30_000), open, [], new Map(), { 'how-many': 1 }).predictions[0]).toMatchObject({ chosen: 'Two', correct: 'Two', right: true });
    // Decided, not answered, lesson not passed: still hidden.
    expect(judge(world(2, 30_000), open, [], new Map()).predictions[0]).toMatchObject({ chosen: null, correct: null, right: null });
    // Passed without answering: the answer, and no right or wrong.
    const passed = lesson([goal({ id: 'g', check: running(2) })], { predictions: [guess] });
    expect(judge(world(2, 30_000), passed, [], new Map()).predictions[0]).toMatchObject({ chosen: null, correct: 'Two', right: null });
  });

  it('veils a goal that would give the answer away until its prediction is answered or decided', () => {
    const telling = goal({ id: 'g', label: 'Two of them run', labelBefore: 'Some of them run', check: running(3), revealsAfter: ['how-many'], how: 'wait' });
    const l = lesson([telling], { predictions: [guess] });
    expect(judge(world(2, 15_000), l, [], new Map()).checklist[0]).toEqual({
      id: 'g',
      label: 'Some of them run',
      passed: false,
      detail: 'answer the question above first — wait',
      measured: [{ key: 'check.veiled' }],
      veiled: true,
    });
    // Answered: the goal as it is.
    expect(judge(world(2, 15_000), l, [], new Map(), { 'how-many': 1 }).checklist[0]).toMatchObject({ label: 'Two of them run', detail: '0 found (need at least 3) — wait' });
    expect(judge(world(2, 15_000), l, [], new Map(), { 'how-many': 1 }).checklist[0]!.veiled).toBeUndefined();
    // Decided: the goal as it is, answered or not.
    expect(judge(world(2, 30_000), l, [], new Map()).checklist[0]!.label).toBe('Two of them run');
    // A veiled goal that is met says nothing.
    const met = lesson([{ ...telling, check: running(0) }], { predictions: [guess] });
    expect(judge(world(2, 15_000), met, [], new Map()).checklist[0]).toEqual({ id: 'g', label: 'Some of them run', passed: true, detail: '', veiled: true });
  });
});
