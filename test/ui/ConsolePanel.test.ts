// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { ConsolePanel } from '../../src/ui/ConsolePanel';
import { sandbox } from '../support/sandbox';
import { press, render, settle, type } from '../support/render';
import { runAction } from '../../src/store/actions';

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

  it('shows a refused line where it was typed, with the reason; a command typed in from the lesson takes the focus and waits for Enter', async () => {
    const store = sandbox();
    const { loadCatalog, openLesson } = await import('../../src/store/lessons');
    await settle(async () => openLesson(store, (await loadCatalog()).lessons.L1!));
    const { root, unmount } = await render(store, createElement(ConsolePanel));
    done = unmount;
    const input = root.querySelector<HTMLInputElement>('input[aria-label="Command"]')!;
    await type(input, 'curl localhost:3000/api/users');
    await press(input, 'Enter');
    await type(input, 'aws ecs list-clusters');
    await press(input, 'Enter');
    const lines = [...root.querySelectorAll('[role=log] > div')].map((d) => d.textContent);
    expect(lines[1]).toBe('$ aws ecs list-clustersnot run: lesson L1 uses only: curl, traffic, process.');
    expect(root.querySelectorAll('[role=log] .err')).toHaveLength(1);
    await settle(() => runAction(store, 'console.prefill', 'process ps'));
    expect(input.value).toBe('process ps');
    expect(document.activeElement).toBe(input);
    expect(store.getState().world.timeline!.actions).toHaveLength(1);
  });

  it('names the commands a lesson lets through above the console, and a few of every kind outside lessons', async () => {
    const store = sandbox();
    const free = await render(store, createElement(ConsolePanel));
    expect(free.root.querySelector('p')!.textContent).toContain('aws ecs run-task --cluster demo');
    await free.unmount();
    const { loadCatalog, openLesson } = await import('../../src/store/lessons');
    await settle(async () => openLesson(store, (await loadCatalog()).lessons.L1!));
    const { root, unmount } = await render(store, createElement(ConsolePanel));
    done = unmount;
    const line = root.querySelector('p')!.textContent!;
    expect(line).toContain('This lesson’s commands: curl …, traffic …, process …, sleep 1m, help.');
    expect(line).not.toContain('aws ecs');
  });
});
