// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { ConsolePanel } from '../../src/ui/ConsolePanel';
import { LessonPane } from '../../src/ui/LessonPane';
import { ActionButton } from '../../src/ui/ActionButton';
import { Notices } from '../../src/ui/Notices';
import { runAction } from '../../src/store/actions';
import { loadLocale } from '../../src/i18n';
import { loadCatalog, openLesson } from '../../src/store/lessons';
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
    const { root, unmount } = await render(store, createElement(LessonPane));
    done = unmount;
    await settle(() => runAction(store, 'console.run', 'docker build -t forum:1 .'));
    const details = [...root.querySelectorAll('.checklist .detail')].map((d) => d.textContent!);
    expect(details.some((d) => d.startsWith('todavía no —'))).toBe(true);
    expect(details.join('\n')).not.toMatch(/not yet|found|need at least/);
  });

  it("says why a button cannot run now in Spanish (its title), and a notice in Spanish", async () => {
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
});
