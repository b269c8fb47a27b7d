import { describe, expect, it } from 'vitest';
import { classCsv, readClass, sortClass } from '../../src/store/classroom';
import { initialState, makeStore } from '../../src/store/store';
import { defaultWorkspace } from '../../src/store/defaults';
import { checkWork, loadCatalog, openLesson } from '../../src/store/lessons';
import { fakePort } from '../support/fakePort';

const file = (name: string, lessons: Record<string, unknown>, more: Record<string, unknown> = {}) => ({ name, text: JSON.stringify({ version: 1, ...more, lessons }) });

describe('a class at a glance', () => {
  const files = [
    file('ana.json', { L1: { passed: true, checkedAt: 95_000, predictionsRight: 1, predictionsAsked: 1 }, L10: { passed: false, checkedAt: 600_000, traps: ['port-conflict'] } }),
    file('ecs-sandbox-progress.json', { L2: { passed: true, checkedAt: 30_000 } }, { learner: 'Bo' }),
    file('ecs-sandbox-progress-cy.json', { L2: { passed: false, checkedAt: 0, predictionsRight: 0, predictionsAsked: 2 } }),
    file('ana.json', { L1: { passed: true, checkedAt: 10_000 } }),
    { name: 'notes.txt', text: 'hello' },
    file('broken.json', { L1: { passed: 'yes' } }),
  ];

  it('reads each file as a learner, one row per lesson, and says which files it could not read', () => {
    const { rows, problems } = readClass(files);
    expect(rows.map((r) => `${r.learner}/${r.lesson}`)).toEqual(['ana/L1', 'ana/L10', 'Bo/L2', 'cy/L2', 'ana (2)/L1']);
    expect(rows[1]).toMatchObject({ passed: false, traps: ['port-conflict'], right: null });
    expect(problems).toEqual(['notes.txt: it is not JSON', 'broken.json: lessons.L1: expected passed and checkedAt']);
  });

  it('sorts by any column, lessons in their numbered order, and exports what the table shows as CSV', () => {
    const { rows } = readClass(files);
    expect(sortClass(rows, 'lesson', false).map((r) => r.lesson)).toEqual(['L1', 'L1', 'L2', 'L2', 'L10']);
    expect(sortClass(rows, 'checkedAt', true).map((r) => r.checkedAt)).toEqual([600_000, 95_000, 30_000, 10_000, 0]);
    expect(sortClass(rows, 'passed', false).map((r) => r.passed)).toEqual([false, false, true, true, true]);
    const csv = classCsv(sortClass(rows, 'learner', false));
    expect(csv.split('\r\n')).toEqual([
      'Learner,Lesson,Passed,Simulated time at the last check,Traps hit,Predictions right',
      'ana,L1,yes,0:01:35,,1 of 1',
      'ana,L10,no,0:10:00,port-conflict,',
      'ana (2),L1,yes,0:00:10,,',
      'Bo,L2,yes,0:00:30,,',
      'cy,L2,no,0:00:00,,0 of 2',
      '',
    ]);
  });

  it('a learner name that a spreadsheet would run as a formula is written as text', () => {
    const { rows } = readClass([file('x.json', { L1: { passed: true, checkedAt: 0 } }, { learner: '=HYPERLINK("http://x")' })]);
    expect(classCsv(rows).split('\r\n')[1]).toBe('"\'=HYPERLINK(""http://x"")",L1,yes,0:00:00,,');
  });

  it("a learner's exported progress names the traps a check detected and the predictions asked, and the class page reads it", async () => {
    const c = await loadCatalog();
    const lesson = Object.values(c.lessons).find((l) => l.traps.length > 0)!;
    const trap = lesson.traps[0]!;
    const port = fakePort();
    const store = makeStore(initialState(defaultWorkspace()), port);
    openLesson(store, lesson, { actions: trap.log.actions, time: lesson.until });
    const report = checkWork(store)!;
    expect(report.diagnostics.map((d) => d.id)).toContain(trap.diagnostic);
    const p = store.getState().lesson.progress.lessons[lesson.id]!;
    expect(p.traps).toContain(trap.diagnostic);
    expect(p.predictionsAsked).toBe(lesson.predictions.length);
    const { rows } = readClass([{ name: 'dee.json', text: JSON.stringify(store.getState().lesson.progress) }]);
    expect(rows).toEqual([expect.objectContaining({ learner: 'dee', lesson: lesson.id, traps: expect.arrayContaining([trap.diagnostic]) })]);
  });
});
