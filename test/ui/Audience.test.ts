// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { AudienceView } from '../../src/ui/Audience';
import { patch } from '../../src/store/store';
import { audienceShow } from '../../src/store/present';
import { openDemoById } from '../../src/store/lessons';
import { sandbox } from '../support/sandbox';
import { render, settle } from '../support/render';

let done: (() => Promise<void>) | undefined;
afterEach(async () => void (await done?.()));

describe("the audience's window", () => {
  it('until the presenter speaks, says it waits and shows no world', async () => {
    const store = sandbox();
    await settle(() => patch(store, { present: { presenter: 'waiting' } }));
    const { root, unmount } = await render(store, createElement(AudienceView));
    done = unmount;
    expect(root.querySelector('[role="status"]')!.textContent).toBe('Waiting for the presenter: open presenter view in the sandbox window (P), then this window follows it.');
    expect(root.querySelector('main')).toBeNull();
    expect(root.querySelectorAll('button')).toHaveLength(0);
  });

  it('shows what the presenter sends: the title, the time, the question with its choices, the world; no notes, no controls', async () => {
    const presenter = sandbox();
    await settle(() => openDemoById(presenter, 'placement-side-by-side'));
    const def = presenter.getState().lesson.demo!.def;
    const show = { ...audienceShow(presenter.getState()), question: { prompt: def.pauses[1]!.prompt, reveal: null, choices: def.pauses[1]!.choices!.map((c, i) => ({ label: c.label, picked: i === 1, right: null })) } };
    const store = sandbox();
    await settle(() => patch(store, { present: { show, presenter: 'connected' } }));
    const { root, unmount } = await render(store, createElement(AudienceView));
    done = unmount;
    expect(root.querySelector('h1')!.textContent).toBe(def.title);
    expect(root.querySelector('output.clock')!.textContent).toBe('0:00:00');
    const q = root.querySelector('[aria-label="Question"]')!;
    expect(q.textContent).toContain(`Predict: ${def.pauses[1]!.prompt}`);
    expect(q.textContent).not.toContain('What happens:');
    expect([...q.querySelectorAll('li')].map((li) => li.className)).toEqual(['', 'picked', '']);
    expect(root.querySelector('[role="status"]')).toBeNull();
    expect(root.querySelector('main')).not.toBeNull();
    expect(root.textContent).not.toContain(def.text!.slice(0, 40));
    expect(root.querySelectorAll('.demo-bar button, .audience-bar button')).toHaveLength(0);
  });

  it('when the presenter is gone, says the world is as it last was', async () => {
    const store = sandbox();
    await settle(() => patch(store, { present: { presenter: 'gone' } }));
    const { root, unmount } = await render(store, createElement(AudienceView));
    done = unmount;
    expect(root.querySelector('[role="status"]')!.textContent).toBe('The presenter window is gone or left presenter view: this shows the world as it last was.');
    expect(root.querySelector('main')).not.toBeNull();
  });
});
