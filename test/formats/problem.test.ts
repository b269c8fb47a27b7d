import { describe, expect, it } from 'vitest';
import { formatProblem, formatProblemIn, formatProblems, problemAt, problemList, problemMessage, said, withForm, type Problem } from '../../src/formats/problem';
import { loadLocale, translate } from '../../src/i18n';
import { parseYaml } from '../../src/formats/yamlDoc';
import { parseJson } from '../../src/formats/json';
import { composeToEcs, parseCompose } from '../../src/formats/compose';
import { parseManifest } from '../../src/formats/copilot';
import { parseScenario, ScenarioError } from '../../src/content/scenario';
import { LessonError, parseLesson } from '../../src/content/lesson';

const shape = { file: expect.any(String), line: expect.any(Number), column: expect.any(Number), member: expect.any(String), message: expect.any(String), severity: expect.stringMatching(/^(error|warning)$/) };

describe('one problem type', () => {
  it('prints as compilers do, naming the severity always or for warnings only', () => {
    const e: Problem = { file: 'compose.yaml', line: 4, column: 5, member: 'services.web.ports', message: 'bad port', severity: 'error' };
    const w: Problem = { ...e, line: 1, column: 1, member: 'version', message: '`version` is obsolete', severity: 'warning' };
    expect(formatProblem(e)).toBe('compose.yaml:4:5: services.web.ports: bad port');
    expect(formatProblem(e, { severity: 'always' })).toBe('compose.yaml:4:5: error: services.web.ports: bad port');
    expect(formatProblem(w)).toBe('compose.yaml:1:1: warning: version: `version` is obsolete');
    expect(formatProblem({ ...e, member: '' })).toBe('compose.yaml:4:5: bad port');
    // Data with no place in a text (a saved workspace): the member and the message.
    expect(formatProblem({ file: '', line: 0, column: 0, member: 'files.a.json', message: 'expected a string', severity: 'error' })).toBe('files.a.json: expected a string');
    expect(formatProblems([e, w])).toBe(`${formatProblem(e)}\n${formatProblem(w)}`);
  });

  it('is what every parser reports', () => {
    expect(parseYaml('a: 1\nb: [', 'x.yaml').errors[0]).toEqual({ ...shape, file: 'x.yaml', line: 2, member: '', severity: 'error' });
    const json = parseJson('{\n  "a": 1,\n  oops\n}', 'td.json');
    expect('problem' in json && json.problem).toEqual({ ...shape, file: 'td.json', line: 3, severity: 'error' });
    const compose = parseCompose('version: "3"\nservices:\n  web:\n    image: nginx\n    ports: ["80:80:80:80"]\n', 'compose.yaml').problems;
    expect(compose.map((p) => [p.line, p.member, p.severity])).toEqual([
      [1, 'version', 'warning'],
      [5, 'services.web.ports.0', 'error'],
    ]);
    for (const p of compose) expect(p).toEqual(shape);
    const project = parseCompose('services:\n  web:\n    image: nginx\n    ports: ["8080:80"]\n', 'asym.yaml').project!;
    expect(composeToEcs(project).errors).toEqual([{ ...shape, file: 'asym.yaml', line: 4, member: 'services.web.ports', severity: 'error' }]);
    expect(parseManifest('name: web\ntype: Static Site\n', 'm.yml').problems).toEqual([{ ...shape, file: 'm.yml', line: 2, member: 'type', severity: 'error' }]);
    try {
      parseScenario('name: x\nactions:\n  - { at: 5, call: ecs.LaunchRocket }\n', 's.yaml');
      expect.unreachable();
    } catch (e) {
      expect((e as ScenarioError).problems).toEqual([{ ...shape, file: 's.yaml', line: 3, member: 'actions[0].call', message: expect.stringMatching(/^unknown call 'ecs.LaunchRocket'/), severity: 'error' }]);
      expect((e as ScenarioError).message).toBe(formatProblems((e as ScenarioError).problems));
    }
    try {
      parseLesson({ 'X/lesson.yaml': 'id: [' }, 'X');
      expect.unreachable();
    } catch (e) {
      expect((e as LessonError).problems[0]).toEqual({ ...shape, file: 'X/lesson.yaml', severity: 'error' });
    }
  });
});

describe("a problem in the page's language", () => {
  it('keeps its form beside the English, out of what is printed, compared or sent as JSON', () => {
    const json = parseJson('{ oops }', 'td.json');
    const p = 'problem' in json ? json.problem : undefined;
    expect(p!.form).toEqual({ key: 'problem.json.syntax', values: { detail: p!.message } });
    expect(Object.keys(p!)).toEqual(['file', 'line', 'column', 'member', 'message', 'severity']);
    expect(JSON.parse(JSON.stringify(p))).toEqual({ file: 'td.json', line: 1, column: 3, member: '', message: p!.message, severity: 'error' });
    const moved = withForm({ ...p!, line: 9 }, p!.form);
    expect(moved.form).toBe(p!.form);
  });

  it('says the English from the English template, values as `${v}` writes them', () => {
    expect(said('problem.json.syntax', { detail: 'Unexpected token' })).toEqual({ message: 'Unexpected token', form: { key: 'problem.json.syntax', values: { detail: 'Unexpected token' } } });
    expect(said('problem.json.syntax', { detail: 12345 }).message).toBe('12345');
  });

  it('is its formatProblem line in English, and in Spanish says the words and keeps places, members and values', async () => {
    await loadLocale('es');
    const e = problemAt('td.json', { line: 2, column: 4 }, 'family', said('problem.json.syntax', { detail: 'Unexpected token' }));
    const w = problemAt('c.yaml', { line: 1, column: 1 }, 'version', 'not the sandbox’s words', 'warning');
    for (const p of [e, w]) {
      expect(formatProblemIn('en', p)).toBe(formatProblem(p));
      expect(formatProblemIn('en', p, { severity: 'always' })).toBe(formatProblem(p, { severity: 'always' }));
      expect(problemMessage(p).text).toBe(formatProblem(p));
    }
    expect(formatProblemIn('es', e)).toBe('td.json:2:4: family: JSON no válido: Unexpected token');
    expect(formatProblemIn('es', e, { severity: 'always' })).toBe('td.json:2:4: error: family: JSON no válido: Unexpected token');
    // Words that are not the sandbox's stay as they were written.
    expect(formatProblemIn('es', w)).toBe('c.yaml:1:1: aviso: version: not the sandbox’s words');
    const list = problemList([e, w], '; ');
    expect(translate('es', 'notice.damaged.leftOut', { problems: list })).toBe(' Quedó fuera: td.json:2:4: family: JSON no válido: Unexpected token; c.yaml:1:1: aviso: version: not the sandbox’s words.');
  });
});
