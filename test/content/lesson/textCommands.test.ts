import { describe, expect, it } from 'vitest';
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Markdown } from '../../../src/ui/Markdown';
import { initialState, makeStore } from '../../../src/store/store';
import { enabledIn } from '../../../src/store/actions';
import { defaultWorkspace } from '../../../src/store/defaults';
import { loadCatalog, openLesson } from '../../../src/store/lessons';
import { fakePort } from '../../support/fakePort';

/** The commands a text offers to run: those the lesson pane gives a "Run in console" button. */
function runnable(text: string): string[] {
  const seen: string[] = [];
  renderToStaticMarkup(createElement(Markdown, { text, command: (c: string): ReactNode => void seen.push(c) }));
  return seen;
}

describe('the commands of a lesson text', () => {
  it('every command a lesson offers to run in the console (briefing, steps, hints, what a goal says to do) passes its own allowed-check', async () => {
    const catalog = await loadCatalog();
    const refused: string[] = [];
    let offered = 0;
    for (const lesson of Object.values(catalog.lessons)) {
      const store = makeStore(initialState(defaultWorkspace()), fakePort());
      openLesson(store, lesson);
      const { briefing, steps, hints } = lesson.text;
      for (const c of [briefing, steps, ...hints, ...lesson.goals.map((g) => g.how ?? '')].flatMap(runnable)) {
        offered++;
        const ok = enabledIn(store.getState(), 'console.prefill', c);
        if (ok !== true) refused.push(`${lesson.id}: ${c} (${ok})`);
      }
    }
    expect(offered).toBeGreaterThan(40);
    expect(refused).toEqual([]);
  });
});
