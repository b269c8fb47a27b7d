// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { usePaneLabel, useShowIn, useShownCallouts } from '../../src/ui/shownDemo';
import { runAction } from '../../src/store/actions';
import { loadLocale } from '../../src/i18n';
import { openDemoById } from '../../src/store/lessons';
import { audienceShow } from '../../src/store/present';
import { patch, type AudienceShow } from '../../src/store/store';
import { selectPanes } from '../../src/store/selectors/shownPanes';
import { useSandbox } from '../../src/ui/context';
import { sandbox } from '../support/sandbox';
import { render, settle } from '../support/render';

let done: (() => Promise<void>) | undefined;
afterEach(async () => void (await done?.()));

function Labels() {
  const label = usePaneLabel();
  const panes = useSandbox(selectPanes);
  return createElement('p', null, panes.map(label).join(' | '));
}

function Shown({ show, callouts }: { show: AudienceShow; callouts?: { node?: string; text: string }[] }) {
  const s = useShowIn(show);
  const c = useShownCallouts(callouts);
  return createElement('p', null, `${s.title} | ${s.question?.prompt ?? ''} | ${c?.map((x) => x.text).join(' / ') ?? ''}`);
}

async function spanish(store = sandbox()) {
  await loadLocale('es');
  await settle(() => runAction(store, 'language.set', 'es'));
  return store;
}

describe('the demo a window shows, in its own language', () => {
  it("names a demo's worlds side by side by their labels in the page's language", async () => {
    const store = sandbox();
    await settle(() => openDemoById(store, 'placement-side-by-side'));
    const { root, unmount } = await render(store, createElement(Labels));
    done = unmount;
    expect(root.textContent).toBe('Binpack on memory | Spread by AZ, then by instance | Random');
    await spanish(store);
    await expect.poll(() => root.textContent).toBe('Binpack por memoria | Spread por AZ, luego por instancia | Random');
  });

  it("the audience's Spanish window says the English presenter's demo title, question and callouts in Spanish", async () => {
    const presenter = sandbox();
    await settle(() => openDemoById(presenter, 'faults-tour'));
    const def = presenter.getState().lesson.demo!.def;
    const show: AudienceShow = { ...audienceShow(presenter.getState()), question: { prompt: def.pauses[0]!.prompt, reveal: null } };
    const store = await spanish();
    await settle(() => patch(store, { present: { show, presenter: 'connected' } }));
    const { root, unmount } = await render(store, createElement(Shown, { show, callouts: [{ node: 'instance:i-a1', text: def.callouts![0]!.text }, { text: 'Said by hand' }] }));
    done = unmount;
    await expect.poll(() => root.textContent!.startsWith(def.title)).toBe(false);
    const [title, prompt, callouts] = root.textContent!.split(' | ');
    expect(title).not.toBe(def.title);
    expect(prompt).not.toBe(def.pauses[0]!.prompt);
    expect(prompt!.length).toBeGreaterThan(20);
    // A callout the demo has is said in Spanish; one it does not have stays as written.
    expect(callouts!.split(' / ')[0]).toBe('Su agente perdió la conexión a las 3:00: ECS lo ve conectado hasta que faltan los latidos');
    expect(callouts!.split(' / ')[1]).toBe('Said by hand');
  });

  it('a demo the catalog does not have stays as written', async () => {
    const store = await spanish();
    const show: AudienceShow = { title: 'My own demo', question: { prompt: 'Guess?', reveal: null } } as AudienceShow;
    await settle(() => patch(store, { present: { show, presenter: 'connected' } }));
    const { root, unmount } = await render(store, createElement(Shown, { show }));
    done = unmount;
    await settle(() => new Promise((r) => setTimeout(r, 50)));
    expect(root.textContent).toBe('My own demo | Guess? | ');
  });
});
