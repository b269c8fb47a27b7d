import { describe, expect, it } from 'vitest';
import { checkLesson, GoalTracker, learnerCalls, parseIndex, parseLesson, type Goal, type Lesson, type Prediction } from '../../../src/content/lesson';
import { evaluate } from '../../../src/content/evaluate';
import { Timeline } from '../../../src/content/timeline';
import { lessonFiles } from '../../support/pins';

const files = lessonFiles();
const ids = parseIndex(files).chapters.flatMap((c) => c.lessons);

/** Members of a `where` that only say the state (every goal about tasks names one): they do not say what a goal is about. */
const STATE = new Set(['lastStatus', 'desiredStatus']);

/** Whether a goal counts what a prediction's choices count: the same collection, and the same subject (a family, a service). */
function about(g: Goal, p: Prediction): boolean {
  return p.choices.some((c) => {
    if (!c.when.count || c.when.count !== g.check.count) return false;
    const w = (c.when.where ?? {}) as Record<string, unknown>;
    const gw = (g.check.where ?? {}) as Record<string, unknown>;
    return Object.keys(w).some((k) => !STATE.has(k) && JSON.stringify(w[k]) === JSON.stringify(gw[k]));
  });
}

/** The goal's own count (what its label says it needs). */
const countOf = (g: Goal) => g.check.equals ?? g.check.atLeast ?? g.check.atMost;

/** A number standing alone in a text (not a part of a time such as 0:02:00, a decimal or another number). */
const says = (text: string, n: number) => new RegExp(`(?<![\\d:.])${n}(?![\\d:.])`).test(text);

/**
 * Plays a lesson's solution without answering its predictions, and at every 5 s until each is decided, returns
 * the lines of the goals that count what the prediction asks about with the answer as their own count.
 */
function leaks(lesson: Lesson): string[] {
  const answers = checkLesson(lesson, lesson.solution).predictions;
  const found: string[] = [];
  const t = new Timeline(lesson.start, lesson.start.seed, lesson.solution.actions, { history: false });
  const tracker = new GoalTracker(lesson);
  tracker.watchFromStart(t);
  for (let at = 0; at <= lesson.until; at += 5000) {
    t.advanceTo(at);
    const verdict = tracker.verdict(t, {});
    const calls = learnerCalls(t.transcript);
    for (const [i, p] of lesson.predictions.entries()) {
      const n = Number(/^\d+/.exec(answers[i]?.correct ?? '')?.[0] ?? NaN);
      if (Number.isNaN(n) || evaluate(t.sim, p.decided, calls).passed) continue;
      for (const [j, g] of lesson.goals.entries()) {
        const c = verdict.checklist[j]!;
        if (about(g, p) && countOf(g) === n && says(`${c.label} ${c.detail}`, n)) found.push(`${lesson.id} at ${at / 1000} s, ${g.id}: "${c.label}" ${c.detail}`);
      }
    }
  }
  return found;
}

describe("no goal gives a prediction's answer away before it is answered or decided", () => {
  for (const id of ids) {
    const lesson = parseLesson(files, id);
    if (!lesson.predictions.length) continue;
    it(`${id}: no goal's line says the answer as its count before the question is answered`, () => {
      expect(leaks(lesson)).toEqual([]);
    });
  }

  it('the test finds a goal that would: L7 without revealsAfter says "2 of its 6" before the question is answered', () => {
    const l7 = parseLesson(files, 'L7');
    const bare: Lesson = { ...l7, goals: l7.goals.map(({ revealsAfter: _r, labelBefore: _b, ...g }) => g) };
    expect(leaks(bare).length).toBeGreaterThan(0);
  });

  it('L7 shows a neutral line until the question is answered, then the count', () => {
    const l7 = parseLesson(files, 'L7');
    const early = { actions: l7.solution.actions, predictions: {} };
    const before = checkLesson(l7, early, { to: 15_000 }).checklist.find((c) => c.id === 'spread-a')!;
    expect(before).toMatchObject({ label: 'forum-api: its RUNNING tasks in us-east-1a', veiled: true });
    expect(before.detail).toMatch(/^answer the question above first/);
    const answered = checkLesson(l7, { actions: l7.solution.actions, predictions: { 'where-forum': 0 } }, { to: 15_000 }).checklist.find((c) => c.id === 'spread-a')!;
    expect(answered.label).toBe('forum-api: 2 of its 6 RUNNING tasks in us-east-1a');
    expect(answered.veiled).toBeUndefined();
    // Decided (all 6 run), the count is told whether or not the learner answered.
    const decided = checkLesson(l7, early).checklist.find((c) => c.id === 'spread-a')!;
    expect(decided.label).toBe('forum-api: 2 of its 6 RUNNING tasks in us-east-1a');
  });
});

describe("a goal's labelBefore in Spanish", () => {
  it('every goal with a labelBefore has one in text/es.yaml, and every one there names such a goal', async () => {
    const { localeYaml } = await import('../../../src/content/lesson');
    for (const id of ids) {
      const lesson = parseLesson(files, id);
      const es = ((localeYaml(files, `${id}/text/es.yaml`) as { labelsBefore?: Record<string, string> }).labelsBefore ?? {}) as Record<string, string>;
      const want = lesson.goals.filter((g) => g.labelBefore).map((g) => g.id);
      expect(Object.keys(es).sort(), id).toEqual(want.sort());
      for (const g of want) expect(es[g], `${id} ${g}`).not.toBe(lesson.goals.find((x) => x.id === g)!.labelBefore);
    }
  });
});
