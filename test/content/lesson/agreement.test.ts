import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { checkLesson, parseIndex, parseLesson, trackerFor, type ActionLog, type Lesson } from '../../../src/content/lesson';
import { Timeline, type LearnerAction, type NewAction } from '../../../src/content/timeline';
import { lessonFiles } from '../../support/pins';

const files = lessonFiles();
const ids = parseIndex(files).chapters.flatMap((c) => c.lessons);

/** The moments a run is compared at: just after each action, and spread over the lesson at uneven offsets. */
function moments(lesson: Lesson, log: ActionLog, rng: () => number): number[] {
  const at = new Set<number>([1000]);
  for (const a of log.actions) at.add(a.at + 1000 + Math.floor(rng() * 9000));
  for (let i = 1; i <= 12; i++) at.add(Math.min(lesson.until, Math.round((lesson.until * i) / 12 - rng() * 20_000)));
  return [...at].filter((t) => t > 0 && t <= lesson.until).sort((a, b) => a - b);
}

const asNew = (a: LearnerAction): NewAction => (a.kind === 'command' ? { kind: 'command', line: a.line, ...(a.files ? { files: a.files } : {}) } : { kind: 'call', call: a.call, input: a.input });

/**
 * Plays an action log on a page-like timeline: the clock runs in uneven slices (some cut short by a frame budget,
 * between two events of one instant), the learner acts when the clock reaches each action, and at each moment
 * the live checklist is compared with "Check my work" (a replay from the start to that moment).
 */
function playAndCompare(lesson: Lesson, log: ActionLog, seed: string): number {
  const rng = seedrandom(seed);
  const t = new Timeline(lesson.start, lesson.start.seed);
  const tracker = trackerFor(t, lesson);
  const actions = log.actions.slice();
  let compared = 0;
  const runTo = (target: number) => {
    while (t.now < target) {
      const slice = Math.min(target, t.now + 1 + Math.floor(rng() * 37_000));
      let calls = 0;
      // A frame's budget runs out now and then, in the middle of the events due at one instant.
      while (!t.advanceTo(slice, () => ++calls % 40 === 0 && rng() < 0.5));
    }
  };
  for (const m of moments(lesson, log, rng)) {
    while (actions.length && actions[0]!.at <= m) {
      const a = actions.shift()!;
      runTo(a.at);
      t.act(asNew(a));
    }
    runTo(m);
    if (compared % 5 === 4) {
      // Scrub back and forward again: what the tracker saw after the moment scrubbed to is seen again.
      t.seek(Math.max(0, m - 95_000));
      t.seek(m);
    }
    const live = tracker.verdict(t, log.predictions);
    const checked = checkLesson(lesson, log, { to: m });
    expect(checked.clock).toBe(m);
    expect({ at: m, ...live }).toEqual({ at: m, passed: checked.passed, checklist: checked.checklist, diagnostics: checked.diagnostics, predictions: checked.predictions });
    compared++;
  }
  return compared;
}

describe('the live checklist and Check my work are one evaluation', () => {
  for (const id of ids) {
    const lesson = parseLesson(files, id);
    const runs: [string, ActionLog][] = [['solution', lesson.solution], ...lesson.traps.map((tr) => [`trap ${tr.name}`, tr.log] as [string, ActionLog])];
    for (const [name, log] of runs) {
      it(`${id} ${name}: agree at every moment compared, scrubbing included`, () => {
        const n = playAndCompare(lesson, log, `${id} ${name}`);
        expect(n).toBeGreaterThanOrEqual(10);
      });
    }
  }

  it('agree after undo and redo at the same moment', () => {
    const lesson = parseLesson(files, 'L5');
    const t = new Timeline(lesson.start, lesson.start.seed);
    const tracker = trackerFor(t, lesson);
    t.advanceTo(60_000);
    t.act({ kind: 'command', line: 'aws ecs create-service --cluster forum --service-name forum-api --task-definition forum-api:1 --desired-count 2' });
    t.advanceTo(200_000);
    const before = tracker.verdict(t);
    t.undo();
    const log = (): ActionLog => ({ actions: t.actions.slice(), predictions: {} });
    expect(tracker.verdict(t)).toEqual(pick(checkLesson(lesson, log(), { to: t.now })));
    expect(tracker.verdict(t).checklist.find((c) => c.id === 'steady')!.passed).toBe(false);
    t.redo();
    expect(tracker.verdict(t)).toEqual(before);
    expect(tracker.verdict(t)).toEqual(pick(checkLesson(lesson, log(), { to: t.now })));
    expect(before.checklist.find((c) => c.id === 'steady')!.passed).toBe(true);
  });
});

const pick = (r: ReturnType<typeof checkLesson>) => ({ passed: r.passed, checklist: r.checklist, diagnostics: r.diagnostics, predictions: r.predictions });
