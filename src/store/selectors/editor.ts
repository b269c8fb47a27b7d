import { activeTab, fileTabs, type FileTab } from '../files';
import type { SandboxState } from '../store';
import { memoSelector } from './memo';

/** The editor's tabs, one per file. */
export const selectFileTabs: (s: SandboxState) => FileTab[] = memoSelector(
  (s: SandboxState) => [s.editor.files] as const,
  ([files]) => fileTabs(files),
);

/** The tab the editor shows. */
export const selectActiveTab: (s: SandboxState) => FileTab = memoSelector(
  (s: SandboxState) => [s.editor.files, s.editor.activeFile] as const,
  ([files, active]) => activeTab(files, active),
);
