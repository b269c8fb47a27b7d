// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { CalloutsEditor, StopChoices } from '../../src/ui/DemoEditorExtras';
import { runAction } from '../../src/store/actions';
import { loadLocale } from '../../src/i18n';
import { withTasks, sandbox } from '../support/sandbox';
import { click, render, settle, type } from '../support/render';

let done: (() => Promise<void>) | undefined;
afterEach(async () => void (await done?.()));

/** Types into a React-controlled text area as a presenter would. */
const typeArea = (el: HTMLTextAreaElement, text: string) =>
  settle(() => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(el, text);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });

/** The answer choices of a question placed at 4:00 in a world with two `web` tasks running. */
async function choices(store = withTasks(2)) {
  runAction(store, 'demo.addStop', { prompt: 'How many run?', reveal: 'Two.' });
  const stop = () => store.getState().present.draft.stops[0]!;
  const page = await render(
    store,
    createElement(() => createElement(StopChoices, { stop: stop(), index: 0 })),
  );
  done = page.unmount;
  const root = page.root;
  const label = root.querySelector<HTMLInputElement>('.demo-choice-form input')!;
  const when = root.querySelector<HTMLTextAreaElement>('.demo-choice-form textarea')!;
  const add = root.querySelector<HTMLButtonElement>('.demo-choice-form button[type="submit"]')!;
  return { store, root, stop, label, when, add };
}

describe("a question's answer choices in the Demos tool", () => {
  it('reads the predicate as it is typed: a problem is said by member and the choice cannot be added until it reads', async () => {
    const { root, label, when, add } = await choices();
    await type(label, 'Two');
    expect(add.disabled).toBe(true);
    await typeArea(when, '{ count: tasks, equal: 2 }');
    expect(root.querySelector('.problems')!.textContent).toMatch(/^1:17: presenter\.pauses\[0\]\.choices\[0\]\.when\.equal: unknown member 'equal'/);
    expect(when.getAttribute('aria-invalid')).toBe('true');
    expect(add.disabled).toBe(true);
    await typeArea(when, '{ count: tasks, equals: 2 }');
    expect(root.querySelector('.problems')!.textContent).toBe('');
    expect(add.disabled).toBe(false);
  });

  it('offers ready-made predicates from the world now, which fill the label and the predicate', async () => {
    const { root, label, when } = await choices();
    const select = root.querySelector<HTMLSelectElement>('.demo-choice-form select')!;
    const offers = [...select.options].map((o) => o.textContent);
    expect(offers[0]).toBe('from the world now…');
    expect(offers[1]).toBe('2 tasks RUNNING in cluster demo');
    expect(offers.filter((o) => /^instance i-\w+ has 1 task$/.test(o!))).toHaveLength(2);
    await settle(() => {
      select.value = '0';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(label.value).toBe('2 tasks RUNNING in cluster demo');
    expect(when.value).toBe('{ count: tasks, where: { clusterArn: { endsWith: "/demo" }, lastStatus: RUNNING }, equals: 2 }');
  });

  it('says the ready-made predicates in the page’s language', async () => {
    const store = withTasks(2);
    await loadLocale('es');
    await settle(() => runAction(store, 'language.set', 'es'));
    const { root } = await choices(store);
    expect([...root.querySelectorAll('.demo-choice-form select option')].map((o) => o.textContent)[1]).toBe('2 tareas RUNNING en el clúster demo');
  });
});

describe('the callouts in the Demos tool', () => {
  it('adds one at the clock’s moment pinned to a node picked from the list, lists it, and removes it', async () => {
    const store = withTasks(2);
    const { root, unmount } = await render(store, createElement(CalloutsEditor));
    done = unmount;
    expect(root.textContent).toContain('No callouts yet.');
    const form = root.querySelector('form')!;
    expect(form.querySelector('span')!.textContent).toBe('Callout at 0:04:00');
    await type(form.querySelector<HTMLInputElement>('input')!, 'Look at this one');
    const pin = form.querySelector('select')!;
    expect(pin.options[0]!.textContent).toBe('the moment (no node)');
    await settle(() => {
      pin.value = 'cluster:demo';
      pin.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle(() => form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    expect(store.getState().present.draft.callouts).toEqual([{ at: 240_000, text: 'Look at this one', node: 'cluster:demo' }]);
    expect(root.querySelector('ol li')!.textContent).toMatch(/^0:04:00 Look at this one/);
    // Pick on the canvas: the page says to click a node until it is picked or the picking stopped.
    await click([...root.querySelectorAll('button')].find((b) => b.textContent === 'Pick on the canvas')!);
    expect(root.querySelector('[role="status"]')!.textContent).toBe('Click a node on the canvas (an instance, a task or a load balancer) to pin the callout to it.');
    await click([...root.querySelectorAll('button')].find((b) => b.textContent === 'Stop picking')!);
    expect(root.querySelector('[role="status"]')).toBeNull();
    await click(root.querySelector('button[aria-label="Remove the callout at 0:04:00"]')!);
    expect(store.getState().present.draft.callouts).toEqual([]);
  });

  it('a callout with no text is not sent', async () => {
    const store = sandbox();
    const { root, unmount } = await render(store, createElement(CalloutsEditor));
    done = unmount;
    await settle(() => root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    expect(store.getState().ui.notices).toEqual([]);
  });
});
