// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { DemoPause, PresenterNotes } from '../../src/ui/Presenter';
import { runAction, tick } from '../../src/store/actions';
import { sandbox } from '../support/sandbox';
import { click, render, settle } from '../support/render';

let done: (() => Promise<void>) | undefined;
afterEach(async () => void (await done?.()));

/** The placement demo open (in presenter view, as a demo opens), at its start. */
async function openDemo() {
  const store = sandbox();
  runAction(store, 'demo.open', 'placement-side-by-side');
  await expect.poll(() => store.getState().lesson.demo?.id).toBe('placement-side-by-side');
  return store;
}
function playToQuestion(store: ReturnType<typeof sandbox>) {
  runAction(store, 'clock.speed', 60);
  if (!store.getState().world.playing) runAction(store, 'clock.toggle');
  for (let i = 0; i < 200 && !store.getState().lesson.demo!.pause; i++) tick(store, 100, 1_000);
}

describe("a demo's bar", () => {
  it('outside presenter view, before a question: the title, when the next comes, the notes folded and the way into presenter view', async () => {
    const store = await openDemo();
    runAction(store, 'present.toggle');
    expect(store.getState().ui.presenting).toBe(false);
    const { root, unmount } = await render(store, createElement(DemoPause));
    done = unmount;
    const bar = root.querySelector('section')!;
    expect(bar.getAttribute('aria-label')).toMatch(/^Demo: Placement strategies side by side/);
    expect(bar.textContent).toContain('Next question at 0:00:05.');
    expect(root.querySelector('details.demo-notes summary')!.textContent).toBe('Presenter notes');
    expect([...root.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Presenter view', 'Open the audience window']);
  });

  it('at a question: predict, then Reveal shows what happens, then Continue; the question has the focus', async () => {
    const store = await openDemo();
    const { root, unmount } = await render(store, createElement(DemoPause));
    done = unmount;
    await settle(() => playToQuestion(store));
    const q = root.querySelector('[role="alertdialog"]')!;
    expect(q.querySelector('#demo-q')!.textContent).toMatch(/^Predict: Spread by AZ, binpack on memory, random: where will each put 8 tasks/);
    expect(q.querySelector('[role="status"]')).toBeNull();
    const reveal = q.querySelector('button')!;
    expect(reveal.textContent).toBe('Reveal');
    expect(document.activeElement).toBe(reveal);
    // The notes are put away while the room predicts.
    expect(root.querySelector('details.demo-notes')).toBeNull();
    await click(reveal);
    expect(q.querySelector('[role="status"]')!.textContent).toMatch(/^What happens: Spread by AZ gives 4 per AZ/);
    expect(q.querySelector('button')!.textContent).toBe('Continue');
  });

  it('in presenter view, where an opened demo starts, it shows neither the notes nor the way in', async () => {
    const store = await openDemo();
    expect(store.getState().ui.presenting).toBe(true);
    const { root, unmount } = await render(store, createElement(DemoPause));
    done = unmount;
    expect(root.querySelector('details')).toBeNull();
    expect(root.querySelectorAll('button')).toHaveLength(0);
  });
});

describe("the presenter's notes", () => {
  it('the next question with its answer, then the asked one, and the demo’s notes', async () => {
    const store = await openDemo();
    const { root, unmount } = await render(store, createElement(PresenterNotes));
    done = unmount;
    expect(root.querySelector('h3')!.textContent).toBe('Next question at 0:00:05');
    expect(root.querySelector('.next-question')!.textContent).toContain('Answer: Spread by AZ gives 4 per AZ');
    await settle(() => playToQuestion(store));
    expect(root.querySelector('h3')!.textContent).toBe('Asked now (0:00:05)');
    expect(root.textContent).toContain('Only this window shows them');
  });

  it('without a demo, says what the audience window shows', async () => {
    const { root, unmount } = await render(sandbox(), createElement(PresenterNotes));
    done = unmount;
    expect(root.textContent).toContain('No demo is open: the audience window shows the world and the event log as you work.');
  });
});
