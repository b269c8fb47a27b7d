// Monaco, bundled with the page and loaded only when the editor first opens (no CDN, no network).
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import * as json from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import { taskDefinitionSchema } from '../../formats/taskdefSchema';

(self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker(_id: string, label: string): Worker {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

json.jsonDefaults.setDiagnosticsOptions({
  validate: true,
  enableSchemaRequest: false,
  allowComments: false,
  schemas: [{ uri: 'inmemory://schema/task-definition.json', fileMatch: ['*.json'], schema: taskDefinitionSchema() as never }],
});

export { monaco };
