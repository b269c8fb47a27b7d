// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { useLessonIn, useLessonTitle, useLocalizer } from '../../src/ui/lessonText';
import { runAction } from '../../src/store/actions';
import { loadLocale } from '../../src/i18n';
import { catalogIn } from '../../src/store/lessons';
import type { Lesson } from '../../src/content/lesson';
import { useSandbox } from '../../src/ui/context';
import { sandbox } from '../support/sandbox';
import { render, settle } from '../support/render';

let done: (() => Promise<void>) | undefined;
afterEach(async () => void (await done?.()));

function Title({ def }: { def: Lesson }) {
  const l = useLessonIn(def);
  return createElement('h1', null, `${l.title} · ${l.goals[0]!.label}`);
}

function Chapters() {
  const local = useLocalizer();
  const title = useLessonTitle();
  const catalog = useSandboxCatalog();
  return createElement('p', null, catalog ? `${local.index(catalog.index).chapters[0]!.title} | ${title('L1', 'fallback')} | ${title('L99', 'Not a lesson')}` : 'loading');
}
const useSandboxCatalog = () => useSandbox((s) => s.lesson.catalog);

describe("a lesson's texts in the page's language", () => {
  it('English as written; in Spanish once its texts have loaded, title and goal labels alike', async () => {
    const store = sandbox();
    const l1 = (await catalogIn(store)).lessons.L1!;
    const { root, unmount } = await render(store, createElement(Title, { def: l1 }));
    done = unmount;
    expect(root.textContent).toBe(`Meet the monolith · ${l1.goals[0]!.label}`);
    await loadLocale('es');
    await settle(() => runAction(store, 'language.set', 'es'));
    await expect.poll(() => root.textContent).toBe('Conoce el monolito · Enviaste una solicitud a /api/users y respondió 200');
    await settle(() => runAction(store, 'language.set', 'en'));
    expect(root.textContent).toBe(`Meet the monolith · ${l1.goals[0]!.label}`);
  });

  it('names lessons and chapters in the page’s language, and a lesson the catalog lacks by the words given', async () => {
    const store = sandbox();
    await catalogIn(store);
    await loadLocale('es');
    await settle(() => runAction(store, 'language.set', 'es'));
    const { root, unmount } = await render(store, createElement(Chapters));
    done = unmount;
    await expect.poll(() => root.textContent).toBe('De una máquina a los contenedores | Conoce el monolito | Not a lesson');
  });
});
