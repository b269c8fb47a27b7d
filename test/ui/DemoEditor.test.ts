// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { DemoEditor } from '../../src/ui/DemoEditor';
import { runAction } from '../../src/store/actions';
import { sandbox } from '../support/sandbox';
import type { FakePort } from '../support/fakePort';
import { click, render, settle, type } from '../support/render';

let done: (() => Promise<void>) | undefined;
afterEach(async () => void (await done?.()));

async function editor() {
  const store = sandbox();
  const page = await render(store, createElement(DemoEditor));
  done = page.unmount;
  const field = (label: string) => [...page.root.querySelectorAll('label')].find((l) => l.querySelector('span')!.textContent!.startsWith(label))!.querySelector('input, select, textarea') as HTMLInputElement;
  const button = (name: string) => [...page.root.querySelectorAll('button')].find((b) => b.textContent === name)!;
  return { store, root: page.root, field, button };
}

describe('the demo editor', () => {
  it('says what is recorded and the world’s fingerprint now', async () => {
    const { store, root } = await editor();
    expect(root.querySelector('section')!.getAttribute('aria-label')).toBe('Demo editor');
    expect(root.textContent).toContain('0 actions recorded');
    await settle(() => runAction(store, 'console.run', 'aws ecs list-clusters'));
    expect(root.textContent).toContain('1 action recorded');
    expect(root.querySelector('output[aria-label="World fingerprint"]')!.textContent).toMatch(/^World fingerprint at 0:00:00: [0-9a-f]+/);
  });

  it('points to the ready-made demos, which the Lessons dialog lists', async () => {
    const { store, button } = await editor();
    await click(button('Open lessons and demos'));
    expect(store.getState().ui.dialog).toBe('lessons');
  });

  it('keeps the title, summary and notes as typed, and the framing among the world’s clusters', async () => {
    const { store, field } = await editor();
    await type(field('Title'), 'Spread');
    await type(field('Summary'), 'Two ways');
    expect(store.getState().present.draft).toMatchObject({ title: 'Spread', summary: 'Two ways' });
    const focus = field('The canvas frames') as unknown as HTMLSelectElement;
    expect([...focus.options].map((o) => o.value)).toEqual(['', 'cluster:', 'cluster:demo']);
    await settle(() => {
      focus.value = 'cluster:demo';
      focus.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(store.getState().present.draft.focus).toBe('cluster:demo');
  });

  it('places a question at the clock’s moment, lists it with its reveal, and removes it', async () => {
    const { store, root, field } = await editor();
    expect(root.textContent).toContain('No questions yet.');
    await settle(() => runAction(store, 'clock.jump', '1m'));
    expect(root.textContent).toContain('Ask at 0:01:00');
    await type(field('Ask at'), 'How many run?');
    await type(field('What happens'), 'Three.');
    await type(field('Reveal after'), '5');
    await settle(() => root.querySelector('form.demo-add')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    expect(store.getState().present.draft.stops).toEqual([{ at: 60_000, prompt: 'How many run?', reveal: 'Three.', revealAt: 65_000 }]);
    expect(field('Ask at').value).toBe('');
    expect(root.querySelector('ol.demo-stops li')!.textContent).toMatch(/^0:01:00 How many run\? → 0:01:05 Three\./);
    await click(root.querySelector('button[aria-label="Remove the question at 0:01:00"]')!);
    expect(store.getState().present.draft.stops).toEqual([]);
  });

  it('a question without its reveal is refused and the typed text kept', async () => {
    const { store, root, field } = await editor();
    await type(field('Ask at'), 'How many run?');
    await settle(() => root.querySelector('form.demo-add')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    expect(store.getState().present.draft.stops).toEqual([]);
    expect(field('Ask at').value).toBe('How many run?');
  });

  it('sets a speed from now, and saves the file', async () => {
    const { store, root, button } = await editor();
    await settle(() => runAction(store, 'clock.speed', 10));
    await click(button('Play at 10× from 0:00:00'));
    expect(root.textContent).toContain('10× from 0:00:00');
    await click(button('Save the demo file'));
    expect((store.port as FakePort).downloads.at(-1)!.name).toBe('my-demo.yaml');
  });
});
