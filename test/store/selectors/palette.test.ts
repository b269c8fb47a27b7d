import { describe, expect, it } from 'vitest';
import { initialState, makeStore } from '../../../src/store/store';
import { ACTIONS, runAction } from '../../../src/store/actions';
import { defaultWorkspace } from '../../../src/store/defaults';
import { catalogIn } from '../../../src/store/lessons';
import { keyTables, paletteMatches, selectPalette } from '../../../src/store/selectors/palette';
import { fakePort } from '../../support/fakePort';

const fresh = () => makeStore(initialState(defaultWorkspace()), fakePort());

describe('the command palette’s entries', () => {
  it('list every action the palette offers, once per choice, with its key and why it cannot run', () => {
    const s = fresh().getState();
    const entries = selectPalette(s);
    const ids = new Set(entries.map((e) => e.id));
    // An action of choices is there when it has some (the lessons' once they have loaded).
    for (const a of ACTIONS) expect(ids.has(a.id), a.id).toBe(a.palette !== false && !(a.palette && 'choices' in a.palette && a.palette.choices(s).length === 0));
    expect(entries.find((e) => e.id === 'history.undo')).toMatchObject({ label: 'Undo the last action', shortcut: 'Ctrl+Z', disabled: 'nothing to undo yet' });
    expect(entries.find((e) => e.id === 'clock.toggle')).toMatchObject({ shortcut: 'Space', disabled: null });
    expect(entries.filter((e) => e.id === 'clock.speed').map((e) => e.label)).toEqual(['Set the speed: 1×', 'Set the speed: 10×', 'Set the speed: 60×', 'Set the speed: 600×', 'Set the speed: 3600×']);
    expect(entries.find((e) => e.id === 'clock.jump')).toMatchObject({ label: 'Jump to a time…', input: '5m, 1h30m, 2:00:00' });
    expect(new Set(entries.map((e) => e.key)).size).toBe(entries.length);
  });

  it('follow the state: undo becomes possible after an action, lessons appear once loaded', async () => {
    const store = fresh();
    const before = selectPalette(store.getState());
    expect(selectPalette(store.getState())).toBe(before);
    runAction(store, 'console.run', 'aws ecs list-clusters');
    expect(selectPalette(store.getState()).find((e) => e.id === 'history.undo')!.disabled).toBeNull();
    expect(selectPalette(store.getState()).some((e) => e.id === 'lesson.open')).toBe(false);
    await catalogIn(store);
    const lessons = selectPalette(store.getState()).filter((e) => e.id === 'lesson.open');
    expect(lessons).toHaveLength(16);
    expect(lessons[0]).toMatchObject({ arg: 'L1' });
  });

  it('are filtered by every word typed, in the label, the group or the key', () => {
    const entries = selectPalette(fresh().getState());
    const names = (q: string) => entries.filter((e) => paletteMatches(e, q)).map((e) => e.id);
    expect(names('undo')).toEqual(['history.undo']);
    expect(names('ctrl+shift')).toEqual(['history.redo']);
    expect(names('lesson show')).toEqual(['lesson.goal', 'lesson.solution']);
    expect(names('  TABLES ')).toContain('view.toggle');
    expect(names('no such thing')).toEqual([]);
  });

  it('the Keys dialog lists each key by where it works', () => {
    const t = keyTables();
    expect(t.map((x) => x.title)).toEqual(['On the page (not in a text field or the editor)', 'Anywhere, in text fields too', "In the console's command line", 'In the code editor']);
    expect(t[0]!.rows.map((r) => r.keys.join(' '))).toEqual(['Space', '.', ']', '[', 'Ctrl+Z', 'Ctrl+Shift+Z', 'C', 'Enter', '1 2 3 4 5', 'P', 'V', 'Escape', 'T', 'F']);
    expect(t[1]!.rows).toEqual([{ id: 'palette.toggle', keys: ['Ctrl+K'], label: 'Command palette' }]);
  });
});
