// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { DemoChoices, MomentCallouts } from '../../src/ui/DemoChoices';
import { sandbox } from '../support/sandbox';
import { click, render } from '../support/render';
import { runAction, tick } from '../../src/store/actions';
import { audienceShow } from '../../src/store/present';
import type { ShownChoice } from '../../src/store/store';

let done: (() => Promise<void>) | undefined;
afterEach(async () => void (await done?.()));

const asked: ShownChoice[] = [
  { label: 'All 4', picked: true, right: null },
  { label: 'Two', picked: false, right: null },
];
const judged: ShownChoice[] = [
  { label: 'All 4', picked: true, right: false },
  { label: 'Two', picked: false, right: true },
];

describe("a question's answer choices", () => {
  it('while asked: numbered, the room’s pick marked, and in the presenter’s window each a button with its key', async () => {
    const { root, unmount } = await render(sandbox(), createElement(DemoChoices, { choices: asked, pick: true }));
    done = unmount;
    const list = root.querySelector('ol')!;
    expect(list.getAttribute('aria-label')).toBe('Answers to choose from');
    const buttons = [...list.querySelectorAll('button')];
    expect(buttons.map((b) => [b.textContent, b.getAttribute('aria-pressed'), b.getAttribute('aria-keyshortcuts')])).toEqual([
      ["1All 4the room's pick", 'true', '1'],
      ['2Two', 'false', '2'],
    ]);
    expect(root.querySelector('.choice-verdict')).toBeNull();
  });

  it('a click marks the room’s pick in the demo being given', async () => {
    const store = sandbox();
    runAction(store, 'demo.open', 'placement-side-by-side');
    await expect.poll(() => store.getState().lesson.demo?.id).toBe('placement-side-by-side');
    runAction(store, 'clock.speed', 60);
    const toQuestion = () => {
      if (!store.getState().world.playing) runAction(store, 'clock.toggle');
      for (let i = 0; i < 200 && !store.getState().lesson.demo!.pause; i++) tick(store, 100, 1_000);
    };
    toQuestion();
    runAction(store, 'demo.reveal');
    runAction(store, 'demo.reveal');
    toQuestion();
    const choices = audienceShow(store.getState()).question!.choices!;
    const { root, unmount } = await render(store, createElement(DemoChoices, { choices, pick: true }));
    done = unmount;
    await click(root.querySelectorAll('button')[1]!);
    expect(audienceShow(store.getState()).question!.choices!.map((c) => c.picked)).toEqual([false, true, false]);
  });

  it('in the audience’s window they are no buttons', async () => {
    const { root, unmount } = await render(sandbox(), createElement(DemoChoices, { choices: asked }));
    done = unmount;
    expect(root.querySelectorAll('button')).toHaveLength(0);
    expect(root.querySelectorAll('li')).toHaveLength(2);
  });

  it('after the reveal each is judged with a mark and a word, never colour alone, and none can be picked', async () => {
    const { root, unmount } = await render(sandbox(), createElement(DemoChoices, { choices: judged, pick: true }));
    done = unmount;
    expect(root.querySelectorAll('button')).toHaveLength(0);
    expect([...root.querySelectorAll('.choice-verdict')].map((v) => v.textContent)).toEqual(['✗ wrong', '✓ right']);
    expect([...root.querySelectorAll('li')].map((li) => li.className)).toEqual(['picked wrong', 'right']);
  });
});

describe("a moment's callouts", () => {
  it('one line each, as a banner when no question is shown, and nothing when there are none', async () => {
    const { root, unmount } = await render(sandbox(), createElement('div', null, createElement(MomentCallouts, { callouts: [{ text: 'Watch the second AZ' }], banner: true }), createElement(MomentCallouts, { callouts: [] })));
    done = unmount;
    const lists = root.querySelectorAll('ul');
    expect(lists).toHaveLength(1);
    expect(lists[0]!.className).toBe('moment-callouts banner');
    expect(lists[0]!.getAttribute('aria-label')).toBe('Callouts');
    expect(lists[0]!.textContent).toBe('Watch the second AZ');
  });
});
