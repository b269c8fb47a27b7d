import { describe, expect, it } from 'vitest';
import { activeTab, fileTabs } from '../../src/store/files';

describe('editor files', () => {
  it('know a file’s kind by its name: another Copilot manifest, another Compose file, anything else', () => {
    const tabs = fileTabs({ 'copilot/api/manifest.yml': '', 'svc/compose.yml': '', 'notes.txt': '' });
    expect(tabs.slice(4)).toEqual([
      { file: 'copilot/api/manifest.yml', label: 'Copilot: api', main: 'editor.copilotDeploy' },
      { file: 'svc/compose.yml', label: 'svc/compose.yml', main: 'editor.composeUp', extra: ['editor.translate'] },
      { file: 'notes.txt', label: 'notes.txt' },
    ]);
    expect(activeTab({}, 'gone.json').file).toBe('taskdef.json');
  });
});
