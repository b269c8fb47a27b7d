// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { ConsolePanel } from '../../src/ui/ConsolePanel';
import { sandbox } from '../support/sandbox';
import { press, render, type } from '../support/render';

let done: (() => Promise<void>) | undefined;
afterEach(async () => void (await done?.()));

describe('the console panel', () => {
  it('runs what is typed on Enter, completes on Tab, recalls with Up, and leaves Tab alone when nothing completes', async () => {
    const store = sandbox();
    const { root, unmount } = await render(store, createElement(ConsolePanel));
    done = unmount;
    const input = root.querySelector<HTMLInputElement>('input[aria-label="Command"]')!;
    await type(input, 'aws ecs list-clus');
    expect((await press(input, 'Tab')).defaultPrevented).toBe(true);
    expect(input.value).toBe('aws ecs list-clusters ');
    await press(input, 'Enter');
    expect(input.value).toBe('');
    expect(root.querySelector('[role=log]')!.textContent).toContain('$ aws ecs list-clusters');
    await press(input, 'ArrowUp');
    expect(input.value).toBe('aws ecs list-clusters ');
    await type(input, 'qqq');
    expect((await press(input, 'Tab')).defaultPrevented).toBe(false);
    expect((await press(input, 'Tab', { shiftKey: true })).defaultPrevented).toBe(false);
    expect(root.querySelector('button')!.textContent).toBe('Run command');
  });
});
