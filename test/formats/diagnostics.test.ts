import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLocale } from '../../src/i18n';
import { say } from '../../src/formats/diagnostics';
import { formatProblem, formatProblemIn, problemText, type Problem } from '../../src/formats/problem';
import { parseJson } from '../../src/formats/json';
import { parseYaml } from '../../src/formats/yamlDoc';
import { composeToEcs, parseCompose } from '../../src/formats/compose';
import { parseManifest } from '../../src/formats/copilot';
import { parseScenario, ScenarioError } from '../../src/content/scenario';
import { LessonError, parseDemo, parseLesson } from '../../src/content/lesson';
import { lessonFiles } from '../support/pins';

const read = (path: string): Record<string, string> => JSON.parse(readFileSync(resolve(import.meta.dirname, '../../src/i18n', path), 'utf8')) as Record<string, string>;
/** The names of a text's {placeholders} (a Spanish gloss may name one twice). */
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

/** Keys only one of two tables has, and messages whose placeholders differ. */
function parity(a: Record<string, string>, b: Record<string, string>): string[] {
  const out: string[] = [];
  for (const k of Object.keys(a)) if (!(k in b)) out.push(`${k} is in en and not in es`);
  for (const k of Object.keys(b)) if (!(k in a)) out.push(`${k} is in es and not in en`);
  for (const k of Object.keys(a)) if (k in b && placeholders(a[k]!).join() !== placeholders(b[k]!).join()) out.push(`${k}: the placeholders differ`);
  return out;
}

/** What a parser threw, as its problems. */
function thrown(f: () => unknown): Problem[] {
  try {
    f();
  } catch (e) {
    if (e instanceof ScenarioError || e instanceof LessonError) return e.problems;
    throw e;
  }
  return [];
}

beforeAll(() => loadLocale('es'));

describe("the on-demand parsers' diagnostics", () => {
  it('have the same keys and placeholders in English and Spanish, and no key of the first-load locale files', () => {
    const en = read('diagnostics/en.json');
    const es = read('diagnostics/es.json');
    expect(Object.keys(en).length).toBeGreaterThan(100);
    expect(parity(en, es)).toEqual([]);
    const first = read('locales/en.json');
    expect(Object.keys(en).filter((k) => k in first)).toEqual([]);
    for (const [k, v] of Object.entries(es)) expect(v.trim(), k).not.toBe('');
  });

  it('are told apart when a key or a placeholder is missing from one language', () => {
    expect(parity({ a: 'x {n}', b: 'y' }, { a: 'x' })).toEqual(['b is in en and not in es', 'a: the placeholders differ']);
  });

  it('say the English template filled, and keep the values as the English writes them', () => {
    const s = say('problem.compose.portShared', { service: 'web', port: 8080, other: 'api' });
    expect(s.message).toBe('web: port 8080 is also used by api; in one task the containers share one network namespace');
    expect(s.form).toEqual({ key: 'problem.compose.portShared', values: { service: 'web', port: '8080', other: 'api' } });
  });
});

describe('a Spanish page says each parser’s problems in Spanish', () => {
  const es = (p: Problem | undefined) => formatProblemIn('es', p!);

  it('JSON: the platform’s words, said as JSON that is not valid', () => {
    const r = parseJson('{\n  "family": "web",\n  oops\n}', 'taskdef.json');
    const p = 'problem' in r ? r.problem : undefined;
    expect(es(p)).toBe(`taskdef.json:3:3: JSON no válido: ${p!.message}`);
    expect(formatProblemIn('en', p!)).toBe(formatProblem(p!));
  });

  it('YAML: the library’s words, said as YAML', () => {
    const p = parseYaml('a: 1\na: 2\n', 'dup.yaml').errors[0];
    expect(es(p)).toBe('dup.yaml:2:1: YAML: Map keys must be unique');
  });

  it('Compose: the sandbox’s words in Spanish, Compose’s own kept with what they mean', () => {
    const problems = parseCompose('servicios:\n  web:\n    image: nginx\n', 'compose.yaml').problems;
    expect(problems.map(es)).toEqual(["compose.yaml:1:1: servicios: miembro de primer nivel desconocido 'servicios' (parece el formato de la versión 1: pon los servicios bajo services:)"]);
    const typo = parseCompose('services:\n  web:\n    image: nginx\n    portz: ["80:80"]\n', 'compose.yaml').problems;
    expect(es(typo[0])).toBe('compose.yaml:4:5: services.web.portz: services.web Additional property portz is not allowed (Compose: un servicio no tiene el miembro portz)');
    const ports = parseCompose('services:\n  web:\n    image: nginx\n    ports: ["80:80:80:80"]\n', 'compose.yaml').problems;
    expect(es(ports[0])).toBe('compose.yaml:4:13: services.web.ports.0: \'80:80:80:80\' no es una asignación de puertos (por ejemplo "8080:80" o "80/udp")');
    const limits = parseCompose('services:\n  web:\n    image: nginx\n    deploy:\n      update_config: { parallelism: 2 }\n', 'compose.yaml').project!;
    const nested = composeToEcs(limits).errors[0];
    expect(nested!.message).toBe('web: rolling update configuration require deploy.replicas to be set');
    expect(es(nested)).toMatch(/^compose\.yaml:\d+:\d+: services\.web\.deploy\.update_config: web: rolling update configuration require deploy\.replicas to be set \(Compose: una actualización progresiva/);
  });

  it('Copilot', () => {
    const p = parseManifest('name: web\ntype: Backend Service\ncpu: lots\nimage: { location: nginx }\n', 'manifest.yml').problems[0];
    expect(es(p)).toBe('manifest.yml:3:6: cpu: cpu debe ser un número.');
  });

  it('a scenario, and a Compose file inside one, its form kept where the problem moved', () => {
    const call = thrown(() => parseScenario('name: x\nactions:\n  - { at: 5, call: ecs.LaunchRocket }\n', 's.yaml'));
    expect(es(call[0])).toMatch(/^s\.yaml:3:\d+: actions\[0\]\.call: llamada desconocida 'ecs\.LaunchRocket'\. Llamadas conocidas: /);
    const inner = thrown(() => parseScenario('name: x\nactions:\n  - compose: |\n      services:\n        web: { image: nginx, portz: 1 }\n    project: p\n', 's.yaml'));
    expect(es(inner[0])).toContain('(Compose: un servicio no tiene el miembro portz)');
  });

  it('a lesson with a bad goal', () => {
    const files = lessonFiles();
    const text = files['L2/lesson.yaml']!;
    const broken = { ...files, 'L2/lesson.yaml': text.replace(/^goals:\n/m, 'goals:\n  - { id: odd, label: Odd, count: taskz, equals: 1 }\n') };
    const problems = thrown(() => parseLesson(broken, 'L2'));
    expect(problems.length).toBeGreaterThan(0);
    expect(es(problems[0])).toMatch(/goals\[0\]\.count: colección desconocida 'taskz'; las conocidas: tasks, /);
    // The English page reads exactly what the runner prints.
    expect(problems.map((p) => formatProblemIn('en', p))).toEqual(problems.map((p) => formatProblem(p)));
  });

  it("a demo's variants, callouts and focus, and a scenario's references and conditions", () => {
    const demo = (presenter: string) =>
      `name: V\nseed: 7\npresenter:\n  summary: Two.\n${presenter}\nactions:\n  - { call: ecs.CreateCluster, input: { clusterName: c } }\n  - { at: 10s, id: place, call: ecs.RunTask, input: { cluster: c, taskDefinition: w } }\nuntil: 1m\n`;
    const variants = thrown(() => parseDemo({ 'demos/v.yaml': demo('  variants:\n    - { label: a, set: [ { action: 9, path: cluster, value: x } ] }\n    - { label: b, set: [ { path: seed, value: 3 } ] }') }, 'v'));
    expect(variants.map(es)).toEqual([
      'demos/v.yaml:6:36: presenter.variants[0].set[0].action: no hay ninguna acción 9: el escenario tiene 2 (de 0 a 1)',
      'demos/v.yaml:7:34: presenter.variants[1].set[0].path: la semilla de una variante es un miembro propio: seed',
    ]);
    const callout = thrown(() => parseDemo({ 'demos/v.yaml': demo('  callouts:\n    - { at: 5s, node: service:api, text: Here }') }, 'v'));
    expect(callout.map(es)).toEqual([expect.stringMatching(/presenter\.callouts\[0\]\.node: no hay ningún service 'api' en esta demo$/)]);
    const files = lessonFiles();
    const focus = thrown(() => parseLesson({ ...files, 'L2/lesson.yaml': files['L2/lesson.yaml']!.replace(/^focus: .*$/m, 'focus: { kind: pod }') }, 'L2'));
    expect(focus.map(es)).toEqual([expect.stringMatching(/focus\.kind: se esperaba uno de local, cluster, service, loadBalancer$/)]);
    const refs = thrown(() =>
      parseScenario(
        'name: x\nactions:\n  - { at: 5, call: ecs.ListClusters, input: { nextToken: "${call:later.nextToken}" } }\n  - { at: 9, id: later, call: ecs.ListClusters }\nexpect:\n  - { call: later, output: { a: { gt: [1] } } }\n',
        's.yaml',
      ),
    );
    expect(refs.map(es)).toEqual([
      "s.yaml:3:58: actions[0].input.nextToken: ${call:later.nextToken}: actions[1] (id 'later') se ejecuta en 9 s, después de esta llamada en 5 s, así que su respuesta aún no está",
      expect.stringMatching(/^s\.yaml:6:\d+: expect\[0\]\.output\.a\.gt: gt lleva un número, no una lista$/),
    ]);
  });

  it("a lesson's allowed entry that begins no console command, its English the console's and the template's alike", () => {
    const files = lessonFiles();
    const broken = { ...files, 'L2/lesson.yaml': files['L2/lesson.yaml']!.replace(/allowed: \[/, 'allowed: [kubectl apply, ') };
    const [p] = thrown(() => parseLesson(broken, 'L2'));
    expect(es(p)).toMatch(/^L2\/lesson\.yaml:\d+:\d+: allowed\[0\]: 'kubectl apply' no es el comienzo de ninguna orden de la consola \(las órdenes son aws, /);
    const fromTemplate = problemText(p!);
    expect(typeof fromTemplate === 'string' ? fromTemplate : fromTemplate.text).toBe(p!.message);
  });

  it("a scenario's reference of the wrong shape, its English parseRef's and the templates' alike", () => {
    const refs = ['${ci}', '${task:x}', '${taskIp:}', '${call:}', '${call:a|after:}'];
    const problems = thrown(() => parseScenario(`name: x\nactions:\n${refs.map((r) => `  - { at: 5, call: ecs.ListClusters, input: { nextToken: "${r}" } }\n`).join('')}`, 's.yaml'));
    expect(problems).toHaveLength(refs.length);
    for (const p of problems) {
      const fromTemplate = problemText(p);
      expect(typeof fromTemplate === 'string' ? fromTemplate : fromTemplate.text).toBe(p.message);
    }
    expect(es(problems[1])).toMatch(/: \$\{task:x\}: escribe \$\{task:<n>\}, con n el lugar de la tarea en el orden de creación \(0, 1, …\)$/);
    expect(es(problems[4])).toMatch(/: \$\{call:a\|after:\}: \|after: necesita el texto tras el que cortar$/);
  });
});
