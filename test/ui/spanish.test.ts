// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { ConsolePanel } from '../../src/ui/ConsolePanel';
import { LessonPane } from '../../src/ui/LessonPane';
import { ActionButton } from '../../src/ui/ActionButton';
import { Notices } from '../../src/ui/Notices';
import { SideBySide } from '../../src/ui/SideBySide';
import { AudienceView } from '../../src/ui/Audience';
import { ConfirmDialog } from '../../src/ui/ConfirmDialog';
import { checkFile, EditorPanel } from '../../src/ui/EditorPanel';
import { World } from '../../src/ui/World';
import { LessonsDialog } from '../../src/ui/LessonsDialog';
import { openDemoText } from '../../src/store/actions/demo';
import { parseCompose } from '../../src/formats/compose';
import { COMPOSE_FILE, TASKDEF_FILE } from '../../src/store/defaults';
import { patch } from '../../src/store/store';
import { audienceShow } from '../../src/store/present';
import { runAction } from '../../src/store/actions';
import { loadLocale } from '../../src/i18n';
import { loadCatalog, localeTexts, openDemoById, openLesson } from '../../src/store/lessons';
import { sandbox } from '../support/sandbox';
import { press, render, settle, type } from '../support/render';

let done: (() => Promise<void>) | undefined;
afterEach(async () => void (await done?.()));

/** A sandbox whose page speaks Spanish. */
async function spanish() {
  const store = sandbox();
  await loadLocale('es');
  await settle(() => runAction(store, 'language.set', 'es'));
  expect(store.getState().ui.language).toBe('es');
  return store;
}

describe('the page in Spanish', () => {
  it("shows the console's own words in Spanish and a tool's output as the tool prints it", async () => {
    const store = await spanish();
    const { root, unmount } = await render(store, createElement(ConsolePanel));
    done = unmount;
    const input = root.querySelector<HTMLInputElement>('input[aria-label="Comando"]')!;
    await type(input, 'kubectl get pods');
    await press(input, 'Enter');
    await type(input, 'aws ecs list-clusters --output text');
    await press(input, 'Enter');
    const log = root.querySelector('[role=log]')!.textContent!;
    expect(log).toContain('kubectl: no se encontró el comando');
    expect(log).toContain('CLUSTERARNS');
    // Back in English, the same transcript is said in English.
    await settle(() => runAction(store, 'language.set', 'en'));
    expect(root.querySelector('[role=log]')!.textContent).toContain('kubectl: command not found');
  });

  it("says what the checker measured under a goal in Spanish, then the goal's own Spanish how", async () => {
    const store = await spanish();
    await settle(async () => openLesson(store, (await loadCatalog()).lessons.L2!));
    await localeTexts('es');
    const { root, unmount } = await render(store, createElement(LessonPane));
    done = unmount;
    await settle(() => runAction(store, 'console.run', 'docker build -t forum:1 .'));
    const details = [...root.querySelectorAll('.checklist .detail')].map((d) => d.textContent!);
    expect(details.some((d) => d.startsWith('todavía no —'))).toBe(true);
    expect(details.join('\n')).not.toMatch(/not yet|found|need at least|run it with|keep the clock running/);
    // The goal's how is the lesson's Spanish, its command as in English (its Run button types that).
    expect(details.join('\n')).toContain('ejecútalo con -p HOST:CONTAINER (docker run -d -p 80:3000 --name forum forum:1Ejecutar ▸); docker psEjecutar ▸ muestra lo que está publicado');
    expect(root.querySelector('.checklist .detail button[aria-label*="docker run -d -p 80:3000 --name forum forum:1"]')).not.toBeNull();
  });

  it('says why a button cannot run now in Spanish (its title), and a notice in Spanish', async () => {
    const store = await spanish();
    const { root, unmount } = await render(store, createElement('div', null, createElement(ActionButton, { id: 'history.redo' }), createElement(ActionButton, { id: 'history.undo' }), createElement(Notices)));
    done = unmount;
    const [redo, undo] = [...root.querySelectorAll('button')];
    expect(redo!.disabled).toBe(true);
    expect(redo!.title).toBe('Rehacer: no hay nada que rehacer');
    await settle(() => runAction(store, 'console.run', 'aws ecs create-cluster --cluster-name demo2'));
    expect(undo!.disabled).toBe(false);
    await settle(() => runAction(store, 'history.undo'));
    expect(root.textContent).toContain('Deshecho: aws ecs create-cluster --cluster-name demo2');
  });

  it("echoes a line a lesson refuses with the lesson's reason in Spanish", async () => {
    const store = await spanish();
    await settle(async () => openLesson(store, (await loadCatalog()).lessons.L2!));
    const { root, unmount } = await render(store, createElement(ConsolePanel));
    done = unmount;
    await settle(() => runAction(store, 'console.run', 'aws ecs list-clusters'));
    expect(root.querySelector('[role=log]')!.textContent).toContain('no se ejecutó: la lección L2 solo usa: docker build');
  });

  it("names a demo's worlds side by side by their Spanish labels in the comparison table", async () => {
    const store = await spanish();
    await localeTexts('es');
    await settle(() => openDemoById(store, 'placement-side-by-side'));
    const { root, unmount } = await render(store, createElement(SideBySide, { onSelect: undefined, spotlight: null, worldId: 0 }));
    done = unmount;
    await settle();
    expect([...root.querySelectorAll('table.compare tbody th')].map((th) => th.textContent)).toEqual(['Binpack por memoria', 'Spread por AZ, luego por instancia', 'Random']);
  });

  it("shows the presenter's English demo in the audience window's own language: its title and the question", async () => {
    // What an English presenter's window sends at the demo's first question.
    const presenter = sandbox();
    await settle(() => openDemoById(presenter, 'placement-side-by-side'));
    const def = presenter.getState().lesson.demo!.def;
    const show = audienceShow(presenter.getState());
    const english = { ...show, question: { prompt: def.pauses[0]!.prompt, reveal: def.pauses[0]!.reveal } };
    expect(english.title).toMatch(/^Placement strategies side by side/);

    const store = await spanish();
    await settle(() => patch(store, { present: { show: english, presenter: 'connected' } }));
    const { root, unmount } = await render(store, createElement(AudienceView));
    done = unmount;
    for (let i = 0; i < 50 && !root.querySelector('h1')!.textContent!.startsWith('Estrategias'); i++) await settle(() => new Promise((r) => setTimeout(r, 20)));
    expect(root.querySelector('h1')!.textContent).toMatch(/^Estrategias de ubicación lado a lado/);
    const question = root.querySelector('[aria-label="Pregunta"]')!.textContent!;
    expect(question).toContain('Spread por AZ, binpack por memoria, random');
    expect(question).not.toContain('where will each put');
    expect(question).toContain('Qué pasa: Spread por AZ da 4 por AZ');
  });

  it("titles a presented lesson in the audience window's own language, and a demo's title as the demo says it", async () => {
    // What an English presenter's window sends while it presents L1.
    const presenter = sandbox();
    await settle(async () => openLesson(presenter, (await loadCatalog()).lessons.L1!));
    const english = audienceShow(presenter.getState());
    expect(english).toMatchObject({ title: 'L1: Meet the monolith', lesson: 'L1' });

    const store = await spanish();
    await settle(() => patch(store, { present: { show: english, presenter: 'connected' } }));
    const { root, unmount } = await render(store, createElement(AudienceView));
    done = unmount;
    for (let i = 0; i < 50 && root.querySelector('h1')!.textContent === english.title; i++) await settle(() => new Promise((r) => setTimeout(r, 20)));
    expect(root.querySelector('h1')!.textContent).toBe('L1: Conoce el monolito');
    // Back in English, the lesson's own title.
    await settle(() => runAction(store, 'language.set', 'en'));
    expect(root.querySelector('h1')!.textContent).toBe('L1: Meet the monolith');
  });

  it('asks before replacing the world in Spanish: the scenario named by its Spanish title, the work at stake, yes and no', async () => {
    const store = await spanish();
    const { root, unmount } = await render(store, createElement(ConfirmDialog));
    done = unmount;
    await settle(() => runAction(store, 'console.run', 'aws ecs create-cluster --cluster-name demo2'));
    await settle(() => runAction(store, 'scenario.pick', 'busy-cluster'));
    expect(root.querySelector('#confirm-q')!.textContent).toBe('¿Abrir «Clúster ocupado como en producción: ALB, escalado automático, Cloud Map, Fargate»?');
    expect(root.querySelector('#confirm-text')!.textContent).toBe('Esto reemplaza el mundo que has construido aquí (tu 1 acción hasta las 0:00:00). No se puede deshacer; Exportar guarda antes una copia de tu trabajo.');
    expect([...root.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Conservar mi mundo', 'Reemplazar mi mundo']);
  });
});

describe("the sandbox's diagnostics in Spanish", () => {
  it("lists a broken task definition's and an unknown Compose member's problems in Spanish under the editor, and in English in an English page", async () => {
    const store = await spanish();
    const { root, unmount } = await render(store, createElement('div', null, createElement(EditorPanel), createElement(Notices)));
    done = unmount;
    const list = () => [...root.querySelectorAll('.problems li')].map((li) => li.textContent!);
    await settle(() => runAction(store, 'editor.edit', { file: TASKDEF_FILE, text: '{\n  "family": "web",\n  oops\n}' }));
    await settle(() => runAction(store, 'editor.register', TASKDEF_FILE));
    expect(list()).toEqual([expect.stringMatching(/^taskdef\.json:3:3: JSON no válido: /)]);
    // The notice that names the problem says it in Spanish too.
    expect(root.querySelector('.notices')!.textContent).toMatch(/taskdef\.json:3:3: JSON no válido: /);
    await settle(() => runAction(store, 'editor.problems', { file: COMPOSE_FILE, problems: checkFile(COMPOSE_FILE, 'servicioz: {}\nservices:\n  web: { image: nginx }\n') }));
    await settle(() => runAction(store, 'editor.open', COMPOSE_FILE));
    expect(list()).toEqual(["compose.yaml:1:1: servicioz: miembro de primer nivel desconocido 'servicioz'"]);
    await settle(() => runAction(store, 'language.set', 'en'));
    expect(list()).toEqual(["compose.yaml:1:1: servicioz: unknown top-level member 'servicioz'"]);
  });

  it("says why the scenario cannot run over the world, a demo file's problems and the lessons that could not be loaded in Spanish", async () => {
    const store = await spanish();
    const { root, unmount } = await render(store, createElement('div', null, createElement(World), createElement(LessonsDialog)));
    done = unmount;
    await settle(() => runAction(store, 'editor.edit', { file: 'scenario.yaml', text: 'name: broken\nactions:\n  - { at: 5, call: ecs.Nope }\n' }));
    await settle(() => runAction(store, 'editor.applyScenario'));
    const alert = root.querySelector('.problem[role="alert"]')!;
    expect(alert.querySelector('h2')!.textContent).toBe('El escenario no se puede ejecutar');
    expect(alert.querySelector('pre')!.textContent).toMatch(/^scenario\.yaml:3:\d+: actions\[0\]\.call: llamada desconocida 'ecs\.Nope'\. Llamadas conocidas: /);
    await settle(() =>
      openDemoText(store, 'mine.yaml', 'name: Mine\nseed: 1\npresenter:\n  summary: One.\n  callouts:\n    - { at: 5s, node: service:api, text: Here }\nactions:\n  - { call: ecs.CreateCluster, input: { clusterName: c } }\nuntil: 1m\n'),
    );
    expect(root.querySelector('.notices')!.textContent).toMatch(/presenter\.callouts\[0\]\.node: no hay ningún service 'api' en esta demo/);
    await settle(() => runAction(store, 'lessons.show'));
    await expect.poll(() => store.getState().lesson.catalog).toBeTruthy();
    const found = [parseCompose('servicioz: {}\nservices:\n  web: { image: nginx }\n', 'X/compose.yaml').problems];
    await settle(() => patch(store, { lesson: { catalog: { ...store.getState().lesson.catalog!, problems: ['English'], found } } } as never));
    expect(root.querySelector('.lesson-problems pre')!.textContent).toBe("X/compose.yaml:1:1: servicioz: miembro de primer nivel desconocido 'servicioz'");
  });
});
