import { describe, expect, it } from 'vitest';
import { runAction } from '../../../src/store/actions';
import { selectActiveTab, selectFileTabs } from '../../../src/store/selectors/editor';
import { sandbox } from '../../support/sandbox';

describe('the editor’s tabs', () => {
  it('are the four kinds of file, then the others, and the active one is the open file or the first', () => {
    const store = sandbox();
    expect(selectFileTabs(store.getState()).map((t) => t.file)).toEqual(['taskdef.json', 'compose.yaml', 'copilot/web/manifest.yml', 'scenario.yaml']);
    expect(selectActiveTab(store.getState())).toMatchObject({ file: 'taskdef.json', main: 'editor.register' });
    runAction(store, 'editor.edit', { file: 'Dockerfile', text: 'FROM x' });
    runAction(store, 'editor.open', 'Dockerfile');
    expect(selectActiveTab(store.getState())).toEqual({ file: 'Dockerfile', label: 'Dockerfile' });
    expect(store.getState().ui.panel).toBe('editor');
    runAction(store, 'editor.open', 'not-a-file');
    expect(selectActiveTab(store.getState()).file).toBe('Dockerfile');
  });
});
