import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EDITOR_SCHEMAS, inputSchema, schemaOperationFor, taskDefinitionSchema } from '../../src/formats/taskdefSchema';

type Schema = { type?: string; properties?: Record<string, Schema>; additionalProperties?: boolean | Schema; required?: string[]; enum?: string[]; items?: Schema };

/** What the editor's JSON checker would mark in a value: unknown members, missing required ones, wrong types, values outside an enum. */
function marks(value: unknown, schema: Schema, at = ''): string[] {
  if (schema.enum && !schema.enum.includes(value as string)) return [`${at}: ${JSON.stringify(value)} is not one of the allowed values`];
  if (schema.type === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
    const out: string[] = [];
    for (const r of schema.required ?? []) if (!(r in value)) out.push(`${at}: missing ${r}`);
    for (const [k, v] of Object.entries(value)) {
      const sub = schema.properties?.[k] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
      if (!sub) {
        if (schema.additionalProperties === false) out.push(`${at}.${k}: not allowed`);
        continue;
      }
      out.push(...marks(v, sub, `${at}.${k}`));
    }
    return out;
  }
  if (schema.type === 'array') return Array.isArray(value) ? value.flatMap((v, i) => marks(v, schema.items ?? {}, `${at}[${i}]`)) : [`${at}: not an array`];
  if (schema.type === 'integer' && !Number.isInteger(value)) return [`${at}: not an integer`];
  if (schema.type === 'string' && typeof value !== 'string') return [`${at}: not a string`];
  return [];
}

const lessonJsonFiles = (): string[] => {
  const root = join(__dirname, '../../lessons');
  return readdirSync(root)
    .filter((l) => existsSync(join(root, l, 'files')))
    .flatMap((l) =>
      readdirSync(join(root, l, 'files'))
        .filter((f) => f.endsWith('.json'))
        .map((f) => join(root, l, 'files', f)),
    );
};

describe("the editor's JSON schemas", () => {
  it('checks a file by what its name says it is: a task definition as RegisterTaskDefinition input, a service file as CreateService input, any other JSON file as JSON only', () => {
    expect(schemaOperationFor('taskdef.json')).toBe('RegisterTaskDefinition');
    expect(schemaOperationFor('web-task-definition.json')).toBe('RegisterTaskDefinition');
    expect(schemaOperationFor('service.json')).toBe('CreateService');
    expect(schemaOperationFor('forum-service.json')).toBe('CreateService');
    expect(schemaOperationFor('settings.json')).toBeUndefined();
    expect(schemaOperationFor('Dockerfile')).toBeUndefined();
    expect(EDITOR_SCHEMAS.map((x) => x.operation)).toEqual(['RegisterTaskDefinition', 'CreateService']);
  });

  it("marks nothing in any lesson's shipped JSON file, and marks a task definition's member in a service file", () => {
    const files = lessonJsonFiles();
    expect(files.some((f) => f.endsWith('service.json'))).toBe(true);
    for (const f of files) {
      const op = schemaOperationFor(f.split('/').pop()!);
      expect(op, f).toBeDefined();
      expect(marks(JSON.parse(readFileSync(f, 'utf8')), inputSchema(op!, op!) as Schema), f).toEqual([]);
    }
    // The L15 service file against the task definition's schema: what the editor marked before each file had its own.
    const service = JSON.parse(
      readFileSync(
        files.find((f) => f.endsWith('service.json'))!,
        'utf8',
      ),
    );
    expect(marks(service, taskDefinitionSchema() as Schema)).toContain('.cluster: not allowed');
    expect(marks({ ...service, containerDefinitions: [] }, inputSchema('CreateService', 'x') as Schema)).toContain('.containerDefinitions: not allowed');
  });
});
