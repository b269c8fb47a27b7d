import { describe, expect, it } from 'vitest';
import { checkLesson, parseLesson, parseLessonIn, type Lesson } from '../../../src/content/lesson';
import { loadLocale, translate } from '../../../src/i18n';
import { lessonFiles } from '../../support/pins';

const files = lessonFiles();
const trap = (l: Lesson, name: string) => l.traps.find((x) => x.name === name)!.log;
const line = (l: Lesson, log: Lesson['solution'], to: number, id: string) => checkLesson(l, log, { to }).checklist.find((c) => c.id === id)!;

describe('a goal that can no longer be met', () => {
  it('L8: the monolith switched off first breaks "not one request failed", and its detail says a request failed and when', () => {
    const l8 = parseLesson(files, 'L8');
    const c = line(l8, trap(l8, 'monolith-first'), 70_000, 'zero-downtime');
    expect(c.passed).toBe(false);
    expect(c.broken).toBe(true);
    expect(c.detail).toBe('a request failed at 0:01:00');
    // Still broken at the end of the run, when every other goal is met.
    const end = checkLesson(l8, trap(l8, 'monolith-first'), { to: 200_000 }).checklist;
    expect(end.filter((x) => !x.passed).map((x) => [x.id, x.broken])).toEqual([['zero-downtime', true]]);
  });

  it('L11: registering users with a minimum of 2 breaks "users and threads stayed at one task throughout"', async () => {
    await loadLocale('es');
    const l11 = parseLesson(files, 'L11');
    const c = line(l11, trap(l11, 'scale-everything'), 70_000, 'others-unchanged');
    expect([c.passed, c.broken, c.detail]).toEqual([false, true, 'the desired count of users or threads changed from 1 at 0:01:00']);
    // In Spanish the goal's own words and the checker's say what happened.
    const es = parseLessonIn(files, 'L11', 'es');
    const p = c.measured![0]!;
    if (typeof p === 'string') throw new Error('expected the checker’s words');
    expect(translate('es', p.key, { ...p.params, what: es.goals.find((g) => g.id === 'others-unchanged')!.broken! })).toBe('el número deseado de tareas de users o threads dejó de ser 1 a las 0:01:00');
  });

  it('is not broken while nothing went wrong (the solutions)', () => {
    for (const id of ['L8', 'L11']) {
      const l = parseLesson(files, id);
      for (const to of [30_000, 120_000, l.until]) for (const c of checkLesson(l, l.solution, { to }).checklist) expect(c.broken, `${id} ${c.id} at ${to}`).toBeUndefined();
    }
  });
});

describe('a goal about the end of a move waits for what it depends on', () => {
  it('L8: scaling the monolith to 0 at 0:20 is not ticked while no path is served elsewhere', () => {
    const l8 = parseLesson(files, 'L8');
    for (const to of [30_000, 70_000]) {
      const r = checkLesson(l8, trap(l8, 'monolith-first'), { to });
      expect(r.checklist.find((c) => c.id === 'monolith-zero')!.passed, `at ${to}`).toBe(false);
      expect(r.checklist.filter((c) => c.passed)).toEqual([]);
    }
    expect(line(l8, trap(l8, 'monolith-first'), 30_000, 'monolith-zero').detail).toMatch(/^counts once “A rule per path/);
    expect(checkLesson(l8, l8.solution, { to: l8.until }).passed).toBe(true);
  });

  it('L15: the production error rate is not ticked at 2:00, before any release', () => {
    const l15 = parseLesson(files, 'L15');
    const c = line(l15, l15.solution, 120_000, 'no-errors');
    expect(c.passed).toBe(false);
    expect(c.detail).toMatch(/^counts once “forum-api runs 2 tasks of forum-api:3/);
    expect(checkLesson(l15, l15.solution, { to: l15.until }).passed).toBe(true);
  });
});

describe('a diagnostic waits for the mistake', () => {
  it('L11: step 1 alone (a scalable target, no policy yet) explains nothing until the spike comes with no policy', () => {
    const l11 = parseLesson(files, 'L11');
    const log = { actions: l11.solution.actions.slice(0, 1), predictions: {} };
    for (const to of [60_000, 61_000, 90_000, 170_000])
      expect(
        checkLesson(l11, log, { to }).diagnostics.map((d) => d.id),
        `at ${to}`,
      ).toEqual([]);
    expect(checkLesson(l11, log, { to: 200_000 }).diagnostics.map((d) => d.id)).toContain('no-policy');
  });
});

describe('what an unmet goal says', () => {
  it('every goal of L1, L8, L9, L11, L15 and L16 that is not a never goal says what to do about it (its `how`)', () => {
    const ids = ['L1', 'L8', 'L9', 'L11', 'L15', 'L16'];
    const without = ids.flatMap((id) =>
      parseLesson(files, id)
        .goals.filter((g) => !g.never && !g.how)
        .map((g) => `${id} ${g.id}`),
    );
    expect(without).toEqual([]);
  });

  it('L15: counts in a rate are whole numbers, as a person writes them (its rate judged on its own, as at 9:00 of the solution)', () => {
    const l15 = parseLesson(files, 'L15');
    // The rate alone, without waiting for the release it is about: the moments where its sums are fractional.
    const alone: Lesson = { ...l15, goals: l15.goals.map((g) => (g.id === 'no-errors' ? { ...g, once: undefined } : g)) };
    // The solution's releases without the continue (the deployment waits at its hook), and each trap.
    const logs = [{ actions: l15.solution.actions.slice(0, 3), predictions: {} }, ...l15.traps.map((x) => x.log)];
    const details = logs.flatMap((log) => [4, 6, 8, 9, 10, 12].map((min) => line(alone, log, min * 60_000, 'no-errors').detail)).filter((d) => /% \(/.test(d));
    expect(details.length).toBeGreaterThan(0);
    for (const d of details) expect(d).toMatch(/^\d+(\.\d{1,2})? % \([\d,]+ of [\d,]+\); need at most 1 % — /);
    // The sum that is 368.99999999999994 in floating point is said as 369.
    expect(details).toContain('30 % (369 of 1,230); need at most 1 % — the load balancer counts requests per minute: keep the clock running for a minute after the fix took over');
  });
});
