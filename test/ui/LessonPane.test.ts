// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { LessonPane } from '../../src/ui/LessonPane';
import { runAction } from '../../src/store/actions';
import { loadCatalog, openLesson } from '../../src/store/lessons';
import { sandbox } from '../support/sandbox';
import { click, render, settle } from '../support/render';

let done: (() => Promise<void>) | undefined;
afterEach(async () => void (await done?.()));

describe('the lesson pane', () => {
  it('shows the live checklist as the world changes, then the check’s verdict and the debrief', async () => {
    const store = sandbox();
    const catalog = await loadCatalog();
    await settle(() => openLesson(store, catalog.lessons.L2!));
    const { root, unmount } = await render(store, createElement(LessonPane));
    done = unmount;
    const met = () => root.querySelectorAll('.checklist li.ok').length;
    expect(root.querySelector('h3#checklist-title')!.textContent).toBe('Checklist (live)');
    expect(met()).toBe(0);
    await settle(() => runAction(store, 'console.run', 'docker build -t forum:1 .'));
    expect(met()).toBeGreaterThan(0);
    for (const l of ['docker run -d -p 80:3000 --name forum forum:1', 'sleep 5', 'traffic http://localhost:80/api/users 2', 'sleep 40']) await settle(() => runAction(store, 'console.run', l));
    await click([...root.querySelectorAll('button')].find((b) => b.textContent === 'Check my work')!);
    await settle(() => new Promise((r) => setTimeout(r, 50)));
    // Each command typed counts, the two sleeps too: they are kept in the console where they were typed.
    expect(root.querySelector('h3#checklist-title')!.textContent).toMatch(/^Checklist \(checked by replaying your 5 actions to /);
    expect(root.querySelector('.debrief')).not.toBeNull();
  });

  it('shows an explanation above the goals as it appears, folded list or not; its count in the summary line focuses it', async () => {
    const store = sandbox();
    const catalog = await loadCatalog();
    await settle(() => openLesson(store, catalog.lessons.L2!));
    const { root, unmount } = await render(store, createElement(LessonPane));
    done = unmount;
    const band = root.querySelector('.lesson-checks .lesson-why')!;
    // The live region is there before anything is explained, so a screen reader hears the explanation as it comes.
    expect(band.getAttribute('aria-live')).toBe('polite');
    expect(band.children.length).toBe(0);
    const link = () => [...root.querySelectorAll('button')].find((b) => /explanation/.test(b.textContent ?? ''));
    expect(link()).toBeUndefined();
    // Fold the list: the explanation must show all the same.
    const toggle = root.querySelector<HTMLButtonElement>('.lesson-checks-head button')!;
    if (toggle.getAttribute('aria-expanded') === 'true') await click(toggle);
    expect(root.querySelector<HTMLElement>('#lesson-checks')!.hidden).toBe(true);
    // The trap: host port 80 published to container port 80, where nothing listens.
    for (const l of ['docker build -t forum:1 .', 'docker run -d -p 80:80 --name forum forum:1', 'sleep 5', 'traffic http://localhost:80/api/users 2', 'sleep 40']) await settle(() => runAction(store, 'console.run', l));
    const why = band.querySelector<HTMLElement>('.diag')!;
    expect(why.textContent).toMatch(/^Why: Requests reach the container, but nothing listens on the container port you published/);
    expect(why.closest('[hidden]')).toBeNull();
    expect(link()!.textContent).toBe('1 explanation');
    // As the clock moves on the same explanation stays the same element: nothing new to announce.
    await settle(() => runAction(store, 'console.run', 'sleep 5'));
    expect(band.querySelector('.diag')).toBe(why);
    await click(link()!);
    expect(document.activeElement).toBe(why);
  });
});
