import { describe, expect, it } from 'vitest';
import { classCells, classCsv, readClass, sortClass } from '../../src/store/classroom';
import { initialState, makeStore, patch } from '../../src/store/store';
import { defaultWorkspace } from '../../src/store/defaults';
import { checkWork, loadCatalog, openLesson } from '../../src/store/lessons';
import { fakePort } from '../support/fakePort';
import { loadLocale } from '../../src/i18n';

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

  it('leaves the prediction cells empty for a lesson that asks none, instead of "0 of 0"', () => {
    const { rows } = readClass([file('dee.json', { L3: { passed: true, checkedAt: 60_000, predictionsRight: 0, predictionsAsked: 0, rightPredictions: [], askedPredictions: [] } })]);
    expect(classCells(rows[0]!)).toMatchObject({ right: '', which: '' });
    const asked = readClass([file('eve.json', { L1: { passed: true, checkedAt: 60_000, predictionsRight: 0, predictionsAsked: 1, rightPredictions: [], askedPredictions: ['p1'] } })]);
    expect(classCells(asked.rows[0]!)).toMatchObject({ right: '0 of 1', which: 'none (missed: p1)' });
  });

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
      'Learner,Lesson,Passed,Time on lesson (s),Time on lesson,Checks,Simulated time at the last check,Traps hit,Predictions right,Which predictions right,Started,First passed',
      'ana,L1,yes,,—,—,0:01:35,,1 of 1,,,',
      'ana,L10,no,,—,—,0:10:00,port-conflict,,,,',
      'ana (2),L1,yes,,—,—,0:00:10,,,,,',
      'Bo,L2,yes,,—,—,0:00:30,,,,,',
      'cy,L2,no,,—,—,0:00:00,,0 of 2,,,',
      '',
    ]);
  });

  it("shows each learner's time on a lesson, sorts by it, and writes it to the CSV in seconds and in words; a file from an earlier version says — for it and keeps its simulated time", () => {
    const timedFile = file('eva.json', {
      L1: { passed: true, checkedAt: 95_000, activeMs: 754_400, checks: 3, startedAt: '2026-12-01T09:00:00.000Z', passedAt: '2026-12-01T09:14:00.000Z' },
      L2: { passed: false, checkedAt: 0, activeMs: 61_000, checks: 0, startedAt: '2026-12-01T09:20:00.000Z' },
    });
    const old = file('old.json', { L1: { passed: true, checkedAt: 30_000 } });
    const { rows, problems, refused } = readClass([timedFile, old]);
    expect(problems).toEqual([]);
    expect(refused).toEqual([]);
    expect(sortClass(rows, 'time', true).map((r) => `${r.learner}/${r.lesson}`)).toEqual(['eva/L1', 'eva/L2', 'old/L1']);
    expect(classCells(rows[0]!, 'en')).toMatchObject({ time: '12 minutes, 34 seconds', checks: '3', checkedAt: '0:01:35' });
    expect(classCells(rows[0]!, 'es').time).toBe('12 minutos y 34 segundos');
    // Opened and never checked: no simulated time to show.
    expect(classCells(rows[1]!)).toMatchObject({ time: '1 minute, 1 second', checks: '0', checkedAt: '—' });
    expect(classCells(rows[2]!)).toMatchObject({ time: '—', checks: '—', checkedAt: '0:00:30' });
    expect(
      classCsv(sortClass(rows, 'time', true))
        .split('\r\n')
        .slice(1, 4),
    ).toEqual(['eva,L1,yes,754,"12 minutes, 34 seconds",3,0:01:35,,,,2026-12-01T09:00:00.000Z,2026-12-01T09:14:00.000Z', 'eva,L2,no,61,"1 minute, 1 second",0,—,,,,2026-12-01T09:20:00.000Z,', 'old,L1,yes,,—,—,0:00:30,,,,,']);
  });

  it("writes the CSV in the page's language: headings, yes and no, 'of' and the time in words in Spanish, the seconds and dates as in English", async () => {
    await loadLocale('es');
    const timed = file('eva.json', { L1: { passed: true, checkedAt: 95_000, activeMs: 754_400, checks: 3, predictionsRight: 1, predictionsAsked: 2, passedAt: '2026-12-01T09:14:00.000Z' }, L2: { passed: false, checkedAt: 0 } });
    const { rows } = readClass([timed]);
    expect(classCsv(rows, 'es').split('\r\n')).toEqual([
      'Estudiante,Lección,Aprobada,Tiempo en la lección (s),Tiempo en la lección,Comprobaciones,Tiempo simulado en la última comprobación,Trampas en las que cayó,Predicciones acertadas,Qué predicciones acertó,Empezada,Aprobada por primera vez',
      'eva,L1,sí,754,12 minutos y 34 segundos,3,0:01:35,,1 de 2,,,2026-12-01T09:14:00.000Z',
      'eva,L2,no,,—,—,0:00:00,,,,,',
      '',
    ]);
    expect(classCells(rows[0]!, 'es')).toMatchObject({ passed: 'sí', right: '1 de 2' });
  });

  it('a hostile file: a negative, huge or non-number time is refused member by member, and the rest of the file still loads', () => {
    const hostile = file('mallory.json', {
      L1: { passed: true, checkedAt: 1000, activeMs: -5, checks: 2 },
      L2: { passed: true, checkedAt: 2000, activeMs: 1e300, startedAt: 'yesterday' },
      L3: { passed: false, checkedAt: 3000, activeMs: '600000', checks: 1.5, passedAt: '1970-01-01T00:00:00Z' },
      L4: { passed: true, checkedAt: 4000, activeMs: 90_000, checks: 1 },
    });
    const { rows, problems, refused } = readClass([hostile, file('fine.json', { L1: { passed: true, checkedAt: 0, activeMs: 1000 } })]);
    expect(problems).toEqual([]);
    expect(refused).toEqual([
      'mallory.json: lessons.L1.activeMs: negative',
      'mallory.json: lessons.L2.activeMs: more than 604800000',
      'mallory.json: lessons.L2.startedAt: not an ISO timestamp',
      'mallory.json: lessons.L3.activeMs: not a number',
      'mallory.json: lessons.L3.checks: not a whole number',
      'mallory.json: lessons.L3.passedAt: outside 2020–2100',
    ]);
    expect(rows.map((r) => [r.learner, r.lesson, r.activeMs, r.checks, r.passed])).toEqual([
      ['mallory', 'L1', null, 2, true],
      ['mallory', 'L2', null, null, true],
      ['mallory', 'L3', null, null, false],
      ['mallory', 'L4', 90_000, 1, true],
      ['fine', 'L1', 1000, null, true],
    ]);
    expect(classCells(rows[0]!).time).toBe('—');
  });

  it('a learner name that a spreadsheet would run as a formula is written as text', () => {
    const { rows } = readClass([file('x.json', { L1: { passed: true, checkedAt: 0 } }, { learner: '=HYPERLINK("http://x")' })]);
    expect(classCsv(rows).split('\r\n')[1]).toBe('"\'=HYPERLINK(""http://x"")",L1,yes,,—,—,0:00:00,,,,,');
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

  it('shows which predictions a learner got right and which they missed, by id; an older file without them says nothing there', async () => {
    const c = await loadCatalog();
    const l7 = c.lessons.L7!;
    const store = makeStore(initialState(defaultWorkspace()), fakePort());
    openLesson(store, l7, { actions: l7.solution.actions, time: l7.until });
    patch(store, (s) => ({ lesson: { current: { ...s.lesson.current!, predictions: { 'where-forum': 1 } } } }));
    checkWork(store);
    const dee = store.getState().lesson.progress.lessons.L7!;
    expect(dee).toMatchObject({ rightPredictions: ['where-forum'], askedPredictions: ['where-forum'] });
    const wrong = { ...dee, rightPredictions: [], predictionsRight: 0 };
    const { rows, refused } = readClass([
      file('dee.json', { L7: dee }),
      file('eli.json', { L7: wrong }),
      file('old.json', { L7: { passed: true, checkedAt: 0, predictionsRight: 1, predictionsAsked: 1 } }),
      file('bad.json', { L7: { passed: true, checkedAt: 0, rightPredictions: 'where-forum', askedPredictions: [{}] } }),
    ]);
    expect(refused).toEqual(['bad.json: lessons.L7.rightPredictions: expected a list of prediction ids', 'bad.json: lessons.L7.askedPredictions: expected a list of prediction ids']);
    expect(rows.map((r) => classCells(r).which)).toEqual(['where-forum', 'none (missed: where-forum)', '', '']);
    expect(classCells(rows[1]!, 'es').which).toBe('ninguna (falló: where-forum)');
    expect(sortClass(rows, 'which', true).map((r) => r.learner)).toEqual(['dee', 'eli', 'bad', 'old']);
    expect(classCsv(rows.slice(0, 1)).split('\r\n')[1]).toMatch(/,1 of 1,where-forum,/);
  });
});
