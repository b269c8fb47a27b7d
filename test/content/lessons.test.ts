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
          if (a.startsWith('editor.')) expect(ACTIONS.some((x) => x.id === a), a).toBe(true);
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
    expect(idle).toMatchObject({ passed: false, detail: 'nothing to measure in that window (no requests)' });
    const strict = { ...l6, goals: l6.goals.map((g) => (g.id === 'no-errors' ? { ...g, check: { ...g.check, atMost: undefined, atLeast: 2 } } : g)) };
    const r = checkLesson(strict, l6.solution).checklist.find((c) => c.id === 'no-errors')!;
    expect(r.passed).toBe(false);
    expect(r.detail).toMatch(/^0 % \(0 of \d+\); need at least 200 %$/);
  });

  it('the demos are scenarios that run', () => {
    expect(index.demos.length).toBeGreaterThanOrEqual(3);
    for (const id of index.demos) {
      const d = parseDemo(files, id);
      expect(d.pauses.length, id).toBeGreaterThan(0);
      const r = runScenario(d.scenario);
      expect(r.calls.filter((c) => c.error), id).toEqual([]);
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
