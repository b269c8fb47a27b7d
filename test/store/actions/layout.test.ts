import { describe, expect, it } from 'vitest';
import { runAction } from '../../../src/store/actions';
import { bootStore } from '../../../src/store/boot';
import { themeOf } from '../../../src/store/actions/layout';
import { PREFS_KEY, parsePrefs } from '../../../src/store/prefs';
import { keyTables } from '../../../src/store/selectors/palette';
import { fakePort } from '../../support/fakePort';

describe('the theme', () => {
  it('follows the system until the learner chooses, and the choice is remembered in this browser', () => {
    const port = fakePort();
    const store = bootStore(port);
    expect(store.getState().ui.theme).toBe('system');
    expect(themeOf(store.getState())).toBe('light');
    runAction(store, 'theme.system', 'dark');
    expect(themeOf(store.getState())).toBe('dark');
    // The toggle goes to the other theme from the one shown.
    runAction(store, 'theme.toggle');
    expect(themeOf(store.getState())).toBe('light');
    runAction(store, 'theme.system', 'light');
    expect(themeOf(store.getState())).toBe('light');
    runAction(store, 'theme.toggle');
    expect(themeOf(store.getState())).toBe('dark');
    const again = bootStore(port);
    expect(again.getState().ui.theme).toBe('dark');
    runAction(again, 'theme.set', 'system');
    expect(bootStore(port).getState().ui.theme).toBe('system');
    // Not part of the workspace: a share link or an export never carries it.
    expect(port.saved.get('ecs-sandbox.workspace') ?? '').not.toContain('theme');
  });

  it('has a key, listed in the Keys dialog with the fit key', () => {
    const rows = keyTables()[0]!.rows;
    expect(rows.find((r) => r.id === 'theme.toggle')?.keys).toEqual(['T']);
    expect(rows.find((r) => r.id === 'canvas.fit')?.keys).toEqual(['F']);
  });
});

describe('the panes', () => {
  it('resize within their bounds and come back at the same sizes after a reload', () => {
    const port = fakePort();
    const store = bootStore(port);
    const initial = { ...store.getState().ui.panes };
    runAction(store, 'pane.resize', { pane: 'lesson', size: 455.4 });
    runAction(store, 'pane.resize', { pane: 'bottom', size: 10 });
    runAction(store, 'pane.resize', { pane: 'side', size: 99_999 });
    runAction(store, 'pane.resize', { pane: 'nonsense', size: 300 });
    const p = store.getState().ui.panes;
    expect(p).toEqual({ ...initial, lesson: 455, bottom: 120, side: 720 });
    expect(bootStore(port).getState().ui.panes).toEqual(p);
    runAction(store, 'pane.reset');
    expect(bootStore(port).getState().ui.panes).toEqual(initial);
  });

  it('remember which of them the learner resized (those keep their size; the others take the page’s), forgotten on reset', () => {
    const port = fakePort();
    const store = bootStore(port);
    expect(store.getState().ui.panesSized).toEqual([]);
    // Resizing the lesson pane stores every size, yet the tools below were not resized.
    runAction(store, 'pane.resize', { pane: 'lesson', size: 400 });
    expect(bootStore(port).getState().ui.panesSized).toEqual(['lesson']);
    // Dragged to where it already was is a choice all the same.
    runAction(store, 'pane.resize', { pane: 'bottom', size: 260 });
    expect(bootStore(port).getState().ui.panesSized).toEqual(['lesson', 'bottom']);
    runAction(store, 'pane.reset');
    expect(bootStore(port).getState().ui.panesSized).toEqual([]);
    // Kept before the list was: the panes not at their default were resized.
    expect(parsePrefs(JSON.stringify({ version: 1, panes: { lesson: 380, side: 400, bottom: 260, inspector: 560 } })).sized).toEqual(['side']);
    expect(parsePrefs(JSON.stringify({ version: 1, panes: { bottom: 300 }, sized: ['bottom', 'nonsense'] })).sized).toEqual(['bottom']);
  });
});

describe('the canvas framing', () => {
  it('fits again on F (a request the canvas follows), not while the tables are shown', () => {
    const store = bootStore(fakePort());
    runAction(store, 'canvas.fit');
    expect(store.getState().ui.fit).toBe(1);
    runAction(store, 'view.toggle');
    expect(runAction(store, 'canvas.fit')).toBe(false);
    expect(store.getState().ui.fit).toBe(1);
  });
});

describe('the language', () => {
  it('follows the browser until the learner chooses, and the choice is remembered in this browser', async () => {
    const port = Object.assign(fakePort(), { languages: () => ['es-ES', 'en'] });
    const store = bootStore(port);
    expect(store.getState().ui.language).toBe('es');
    expect(bootStore(Object.assign(fakePort(), { languages: () => ['fr'] })).getState().ui.language).toBe('en');
    // Choosing waits for the locale's messages, then switches and saves.
    runAction(store, 'language.set', 'en');
    await expect.poll(() => store.getState().ui.language).toBe('en');
    expect(JSON.parse(port.saved.get(PREFS_KEY)!).language).toBe('en');
    // A reload in the same browser keeps the choice over the browser's language.
    expect(bootStore(port).getState().ui.language).toBe('en');
    // A language the page does not speak is no choice at all.
    runAction(store, 'language.set', 'fr');
    expect(store.getState().ui.language).toBe('en');
    expect(parsePrefs(JSON.stringify({ version: 1, language: 'xx' })).language).toBeNull();
    expect(port.saved.get('ecs-sandbox.workspace') ?? '').not.toContain('language');
  });
});
