import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import { checkLesson, parseDemo, parseIndex, parseLesson, LessonError } from '../../src/content/lesson';
import { runScenario } from '../../src/content/runner';
import { ACTIONS } from '../../src/store/actions';
import { allowedEntryProblem } from '../../src/content/console';
import lessonSchema from '../../schemas/lesson.schema.json';
import { parseYaml } from '../../src/formats/yamlDoc';

const root = resolve(import.meta.dirname, '../../lessons');
function lessonFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const f of readdirSync(root, { recursive: true }) as string[]) {
    const p = join(root, f);
    if (statSync(p).isFile()) files[relative(root, p).split('\\').join('/')] = readFileSync(p, 'utf8');
  }
  return files;
}

const files = lessonFiles();
const index = parseIndex(files);
const ids = index.chapters.flatMap((c) => c.lessons);

describe('the lessons', () => {
  it('every lesson folder is in the index, and every indexed lesson has a folder', () => {
    const folders = readdirSync(root).filter((f) => statSync(join(root, f)).isDirectory() && f !== 'demos');
    expect(folders.sort()).toEqual([...ids].sort());
  });

  for (const id of ids) {
    describe(id, () => {
      const lesson = parseLesson(files, id);
      it('validates against the lesson schema, and its allowed actions exist', () => {
        const validate = new Ajv({ allErrors: true, strict: false }).compile(lessonSchema);
        const data = parseYaml(files[`${id}/lesson.yaml`]!).data;
        expect(validate(data) ? [] : validate.errors).toEqual([]);
        for (const a of lesson.allowed) {
          if (a.startsWith('editor.'))
            expect(
              ACTIONS.some((x) => x.id === a),
              a,
            ).toBe(true);
          else expect(allowedEntryProblem(a), `${id} allows '${a}'`).toBeUndefined();
        }
        for (const p of lesson.prerequisites) expect(ids, `${id} prerequisite ${p}`).toContain(p);
      });
      it('its text has no broken link', () => {
        for (const part of [lesson.text.briefing, lesson.text.steps, lesson.text.debrief, ...lesson.text.hints]) {
          for (const m of part.matchAll(/\]\(([^)]+)\)/g)) {
            const target = m[1]!;
            if (/^https:\/\//.test(target)) continue;
            expect(existsSync(resolve(root, id, 'text', target)) || ids.includes(target.replace(/^#lesson=/, '')), `${id}: ${target}`).toBe(true);
          }
        }
      });
      it('its reference solution passes by replay', () => {
        const r = checkLesson(lesson, lesson.solution);
        expect(r.checklist.filter((c) => !c.passed)).toEqual([]);
        expect(r.passed).toBe(true);
      });
      for (const trap of lesson.traps) {
        it(`trap ${trap.name} fails with its diagnostic ${trap.diagnostic}`, () => {
          const r = checkLesson(lesson, trap.log);
          expect(r.passed).toBe(false);
          expect(r.diagnostics.map((d) => d.id)).toContain(trap.diagnostic);
        });
      }
      it('the same seed gives the same event hash', () => {
        expect(checkLesson(lesson, lesson.solution).eventHash).toBe(checkLesson(lesson, lesson.solution).eventHash);
      });
    });
  }

  it('a rate goal says what it measured, or that there was nothing to measure', () => {
    const l6 = parseLesson(files, 'L6');
    const idle = checkLesson(l6, { actions: [], predictions: {} }).checklist.find((c) => c.id === 'no-errors')!;
    expect(idle.passed).toBe(false);
    expect(idle.detail).toMatch(/^nothing to measure in that window \(no requests\) — /);
    const strict = { ...l6, goals: l6.goals.map((g) => (g.id === 'no-errors' ? { ...g, check: { ...g.check, atMost: undefined, atLeast: 2 } } : g)) };
    const r = checkLesson(strict, l6.solution).checklist.find((c) => c.id === 'no-errors')!;
    expect(r.passed).toBe(false);
    expect(r.detail).toMatch(/^0 % \(0 of [\d,]+\); need at least 200 % — /);
  });

  it('a rate over the last minute measures the minute that ended last, between the minute marks too (L6 at 2:30)', () => {
    const l6 = parseLesson(files, 'L6');
    for (const to of [150_000, 165_000, 180_000]) {
      const r = checkLesson(l6, l6.solution, { to });
      expect(
        r.checklist.find((c) => c.id === 'no-errors'),
        `at ${to / 1000} s`,
      ).toMatchObject({ passed: true, detail: '' });
      expect(r.checklist.find((c) => c.id === 'served')!.passed).toBe(true);
    }
  });

  it('at 0:00:01, before the learner did anything, no goal is met, nothing is explained and no prediction is answered', () => {
    for (const id of ids) {
      const r = checkLesson(parseLesson(files, id), { actions: [], predictions: {} }, { to: 1000 });
      expect(
        r.checklist.filter((c) => c.passed).map((c) => c.id),
        id,
      ).toEqual([]);
      expect(r.diagnostics, id).toEqual([]);
      expect(
        r.predictions.filter((p) => p.correct !== null),
        id,
      ).toEqual([]);
    }
  });

  it('a prediction answers only once its outcome is decided, and only to a learner who answered or passed', () => {
    const l1 = parseLesson(files, 'L1');
    const early = checkLesson(l1, l1.solution, { to: 30_000 }).predictions[0]!;
    expect(early).toMatchObject({ chosen: 'They fail too: the same program serves them', correct: null, right: null });
    const after = checkLesson(l1, l1.solution, { to: 150_000 }).predictions[0]!;
    expect(after).toMatchObject({ correct: 'They fail too: the same program serves them', right: true });
    const unanswered = checkLesson(l1, { ...l1.solution, predictions: {} }, { to: 150_000 });
    expect(unanswered.passed).toBe(false);
    expect(unanswered.predictions[0]).toMatchObject({ chosen: null, correct: null, right: null });
    const passed = checkLesson(l1, { ...l1.solution, predictions: {} });
    expect(passed.passed).toBe(true);
    expect(passed.predictions[0]).toMatchObject({ chosen: null, correct: 'They fail too: the same program serves them', right: null });
  });

  it('a goal that waits says what for, and a goal judged after others says which', () => {
    const l11 = parseLesson(files, 'L11');
    const r = checkLesson(l11, l11.solution, { to: 90_000 });
    expect(r.checklist.find((c) => c.id === 'scaled-out')!.detail).toBe('what it waits for has not happened yet — keep the clock running: the spike starts at 3:00');
    expect(r.checklist.find((c) => c.id === 'scaled-in')!.detail).toBe("counts once “posts reached at least 4 running tasks within 6 minutes of the spike's start” is met");
    expect(r.checklist.find((c) => c.id === 'others-unchanged')!.detail).toBe('not broken so far; it is judged once the other goals are met');
    const l1 = parseLesson(files, 'L1');
    expect(checkLesson(l1, { actions: [], predictions: {} }, { to: 5000 }).checklist[0]!.detail).toBe('not yet — send one: `curl localhost:3000/api/users`');
    const l5 = parseLesson(files, 'L5');
    expect(checkLesson(l5, l5.solution, { to: 100_000 }).checklist.find((c) => c.id === 'steady')!.detail).toBe('true since 0:01:12.5; it must hold for 0:01:00, until 0:02:12.5 — create the service and keep the clock running');
  });

  it('the demos are scenarios that run', () => {
    expect(index.demos.length).toBeGreaterThanOrEqual(3);
    for (const id of index.demos) {
      const d = parseDemo(files, id);
      expect(d.pauses.length, id).toBeGreaterThan(0);
      const r = runScenario(d.scenario);
      expect(
        r.calls.filter((c) => c.error),
        id,
      ).toEqual([]);
    }
  });

  it('a lesson file that fails its schema is reported with file, line and member', () => {
    const broken = { ...files, 'L2/lesson.yaml': files['L2/lesson.yaml']!.replace('until: 2m', 'until: soon\ncolour: blue') };
    expect(() => parseLesson(broken, 'L2')).toThrow(LessonError);
    try {
      parseLesson(broken, 'L2');
    } catch (e) {
      expect((e as LessonError).message).toMatch(/^L2\/lesson\.yaml:\d+:\d+: until: expected a duration such as 10m$/m);
      expect((e as LessonError).message).toMatch(/^L2\/lesson\.yaml:\d+:\d+: colour: unknown member 'colour'$/m);
    }
  });
});
