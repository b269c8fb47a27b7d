import { describe, expect, it } from 'vitest';
import { bootStore } from '../../src/store/boot';
import { PREFS_KEY, parsePrefs } from '../../src/store/prefs';
import { fakePort } from '../support/fakePort';

describe('the stored preferences', () => {
  it('a damaged stored value takes its default, member by member', () => {
    const d = parsePrefs(JSON.stringify({ version: 1, theme: 'purple', panes: { lesson: 'wide', side: 400, bottom: null } }));
    expect(d.theme).toBe('system');
    expect(d.panes.side).toBe(400);
    expect(d.panes.lesson).toBe(380);
    expect(parsePrefs('{ not json').theme).toBe('system');
    const port = fakePort({ storage: { [PREFS_KEY]: '[]' } });
    expect(bootStore(port).getState().ui.panes.bottom).toBe(260);
  });
});
