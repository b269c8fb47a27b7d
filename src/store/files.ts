import { COMPOSE_FILE, MANIFEST_FILE, SCENARIO_FILE, TASKDEF_FILE } from './defaults';

/** An editor tab: a file, its name as the tab says it, and the actions its buttons run (the first by Ctrl+Enter). */
export interface FileTab {
  file: string;
  label: string;
  main?: 'editor.register' | 'editor.composeUp' | 'editor.copilotDeploy' | 'editor.applyScenario';
  extra?: 'editor.translate'[];
}

/** The four kinds of file the editor knows, always present. */
const KNOWN: FileTab[] = [
  { file: TASKDEF_FILE, label: 'Task definition (JSON)', main: 'editor.register' },
  { file: COMPOSE_FILE, label: 'Compose file', main: 'editor.composeUp', extra: ['editor.translate'] },
  { file: MANIFEST_FILE, label: 'Copilot manifest', main: 'editor.copilotDeploy' },
  { file: SCENARIO_FILE, label: 'Scenario', main: 'editor.applyScenario' },
];

/** The editor's tabs: the four kinds it knows, then any other file (a lesson's Dockerfile, a translation's output). */
export function fileTabs(files: Record<string, string>): FileTab[] {
  return [
    ...KNOWN,
    ...Object.keys(files)
      .filter((f) => !KNOWN.some((x) => x.file === f))
      .map((f): FileTab =>
        /^copilot\/[^/]+\/manifest\.yml$/.test(f)
          ? { file: f, label: `Copilot: ${f.split('/')[1]}`, main: 'editor.copilotDeploy' }
          : /(^|\/)compose\.ya?ml$/.test(f)
            ? { file: f, label: f, main: 'editor.composeUp', extra: ['editor.translate'] }
            : { file: f, label: f.split('/').pop()! },
      ),
  ];
}

/** The tab shown: the active file's, or the first. */
export function activeTab(files: Record<string, string>, active: string): FileTab {
  const tabs = fileTabs(files);
  return tabs.find((f) => f.file === active) ?? tabs[0]!;
}
