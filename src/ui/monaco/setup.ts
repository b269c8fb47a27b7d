// Monaco, bundled with the page and loaded only when the editor first opens (no CDN, no network).
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import * as json from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import { EDITOR_SCHEMAS, inputSchema, schemaOperationFor } from '../../formats/taskdefSchema';

(self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker(_id: string, label: string): Worker {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

// Each schema checks the files named for it (src/formats/taskdefSchema.ts): their models' URIs are added as they open.
const SCHEMAS = EDITOR_SCHEMAS.map((x) => ({ uri: `inmemory://schema/${x.operation}.json`, operation: x.operation, schema: inputSchema(x.operation, x.title), fileMatch: [] as string[] }));

function applySchemas(): void {
  json.jsonDefaults.setDiagnosticsOptions({
    validate: true,
    enableSchemaRequest: false,
    allowComments: false,
    schemas: SCHEMAS.map(({ uri, fileMatch, schema }) => ({ uri, fileMatch, schema: schema as never })),
  });
}
applySchemas();

/** Checks an editor file's model against the input schema its name calls for, if any. */
export function checkAgainstSchema(file: string, uri: string): void {
  const s = SCHEMAS.find((x) => x.operation === schemaOperationFor(file));
  if (!s || s.fileMatch.includes(uri)) return;
  s.fileMatch.push(uri);
  applySchemas();
}

export { monaco };
