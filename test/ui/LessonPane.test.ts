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
});
