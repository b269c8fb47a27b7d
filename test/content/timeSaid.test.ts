import { beforeAll, describe, expect, it } from 'vitest';
import { readTime } from '../../src/content/timeSaid';
import { parseTime } from '../../src/content/bounds';
import { fileError, formatProblemIn, problemText } from '../../src/formats/problem';
import { loadLocale } from '../../src/i18n';

beforeAll(() => loadLocale('es'));

/** What the form says in English, from the templates alone. */
const fromTemplates = (problem: { message: string; form: NonNullable<ReturnType<typeof fileError>['form']> }) => {
  const said = problemText(fileError('', { line: 0, column: 0 }, '', { message: '', form: problem.form }));
  return typeof said === 'string' ? said : said.text;
};

describe('a time a scenario or a lesson writes', () => {
  it('is what parseTime reads, and its problem says in the templates exactly what parseTime says', () => {
    expect(readTime('90s')).toEqual({ ms: 90_000 });
    for (const v of ['soon', -5, null, undefined, [1], { a: 1 }, true, '500d', 'x'.repeat(60)]) {
      const r = readTime(v);
      expect(r.problem, String(v)).toBeDefined();
      expect(r.problem!.message).toBe(parseTime(v).problem);
      expect(fromTemplates(r.problem!), String(v)).toBe(parseTime(v).problem);
    }
  });

  it('is said in Spanish with its value as written', () => {
    const p = (v: unknown) => formatProblemIn('es', fileError('s.yaml', { line: 3, column: 9 }, 'actions[0].at', readTime(v).problem!));
    expect(p('soon')).toBe("s.yaml:3:9: actions[0].at: 'soon' no es un instante: da segundos o una duración como 90s, 5m, 2h o 3d");
    expect(p([1])).toBe('s.yaml:3:9: actions[0].at: una lista no es un instante: da segundos o una duración como 90s, 5m, 2h o 3d');
    expect(p('500d')).toBe("s.yaml:3:9: actions[0].at: '500d' queda más allá del horizonte del tiempo simulado, 400 días (34560000 s)");
  });
});
