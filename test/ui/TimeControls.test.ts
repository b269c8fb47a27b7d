// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { TimeControls } from '../../src/ui/TimeControls';
import { runAction } from '../../src/store/actions';
import { sandbox } from '../support/sandbox';
import { click, render, settle, type } from '../support/render';

let done: (() => Promise<void>) | undefined;
afterEach(async () => void (await done?.()));

async function controls() {
  const store = sandbox();
  const page = await render(store, createElement(TimeControls));
  done = page.unmount;
  const r = page.root;
  const button = (name: string) => [...r.querySelectorAll('button')].find((b) => b.textContent === name)!;
  return { store, r, button };
}

describe('the time controls', () => {
  it('play turns to pause while the clock runs', async () => {
    const { store, button } = await controls();
    await click(button('Play'));
    expect(store.getState().world.playing).toBe(true);
    expect(button('Pause')).toBeDefined();
    await click(button('Pause'));
    expect(store.getState().world.playing).toBe(false);
  });

  it('jumps to a time typed as 2m, and the readout and the timeline say it', async () => {
    const { store, r } = await controls();
    const jump = r.querySelector<HTMLInputElement>('#jump')!;
    expect(jump.placeholder).toBe('5m, 1h30m, 2:00:00');
    await type(jump, '2m');
    await settle(() => r.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    expect(store.getState().world.now).toBe(120_000);
    expect(jump.value).toBe('');
    expect(r.querySelector('output.clock')!.textContent).toBe('0:02:00');
    const scrub = r.querySelector<HTMLInputElement>('input[type="range"]')!;
    expect(scrub.getAttribute('aria-valuetext')).toBe('0:02:00 of 0:02:00');
    expect(scrub.max).toBe('120000');
  });

  it('chooses the speed from the list, and counts the learner’s actions', async () => {
    const { store, r } = await controls();
    const select = r.querySelector('select')!;
    expect([...select.options].map((o) => o.textContent)).toContain('60×');
    await settle(() => {
      select.value = '60';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(store.getState().world.speed).toBe(60);
    expect(r.querySelector('.count')!.textContent).toBe('0 actions');
    await settle(() => runAction(store, 'console.run', 'aws ecs list-clusters'));
    expect(r.querySelector('.count')!.textContent).toBe('1 action');
  });
});
