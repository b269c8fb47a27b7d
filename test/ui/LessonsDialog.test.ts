// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { LessonsDialog } from '../../src/ui/LessonsDialog';
import { runAction } from '../../src/store/actions';
import { patch } from '../../src/store/store';
import { sandbox } from '../support/sandbox';
import { click, render, settle } from '../support/render';

let done: (() => Promise<void>) | undefined;
afterEach(async () => void (await done?.()));

describe('the lessons dialog', () => {
  it('lists the lessons chapter by chapter with what is passed, then the demos', async () => {
    const store = sandbox();
    const { root, unmount } = await render(store, createElement(LessonsDialog));
    done = unmount;
    await settle(() => runAction(store, 'lessons.show'));
    await expect.poll(() => root.querySelectorAll('.lesson-list button').length).toBeGreaterThan(10);
    const progress = store.getState().lesson.progress;
    await settle(() => patch(store, { lesson: { progress: { ...progress, lessons: { ...progress.lessons, L1: { ...(progress.lessons.L1 ?? {}), passed: true } } } } } as never));
    const count = Object.keys(store.getState().lesson.catalog!.lessons).length;
    expect(root.querySelector('h2')!.textContent).toBe(`Lessons (1 of ${count} passed)`);
    const first = root.querySelector('.lesson-list button')!;
    expect(first.textContent).toBe('✓ L1: Meet the monolith (passed)');
    expect([...root.querySelectorAll('h3')].map((h) => h.textContent)).toContain('Demos (instructor)');
    expect(root.querySelector('a[href="?class"]')!.textContent).toBe('Class page (for instructors)');
  });

  it('opens the lesson clicked', async () => {
    const store = sandbox();
    const { root, unmount } = await render(store, createElement(LessonsDialog));
    done = unmount;
    await settle(() => runAction(store, 'lessons.show'));
    await expect.poll(() => root.querySelectorAll('.lesson-list button').length).toBeGreaterThan(10);
    const l2 = [...root.querySelectorAll('.lesson-list button')].find((b) => b.textContent!.includes('L2:'))!;
    await click(l2);
    await expect.poll(() => store.getState().lesson.current?.id).toBe('L2');
  });
});
