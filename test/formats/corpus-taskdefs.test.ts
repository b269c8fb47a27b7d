import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Sim } from '../../src/sim';
import { parseJson } from '../../src/formats/json';

// Real task definitions written by others, read in place from ../shared (never copied here).
const dir = resolve(import.meta.dirname, '../../../shared/corpus/taskdefs');
const present = existsSync(dir);
if (!present) console.warn(`corpus-taskdefs: ${dir} is absent (as on a user's machine); these tests are skipped.`);

/** What SOURCES.md says each file should do, and the member the rejection must name. */
const INVALID: Record<string, RegExp> = {
  'fl-dynatrace-missing-comma.json': /^JSON .*:\d+:\d+/,
  'otel-ec2-sidecar-unquoted-mustache.json': /^JSON .*:\d+:\d+/,
  'agent-healthcheck-unquoted-placeholder.json': /^JSON .*:\d+:\d+/,
  'pivopil-terraform-template-unquoted.json': /^JSON .*:\d+:\d+/,
  'fl-efs-firelens-wrapped-taskdefinition.json': /Unknown parameter in input: "taskDefinition"/,
  'act-nginx-legacy-string-cpu-memory.json': /Invalid type for parameter containerDefinitions\[0\]\.cpu, value: 256, type: <class 'str'>/,
  'agent-elastic-inference-unknown-key.json': /Unknown parameter in containerDefinitions\[0\]: "inferenceDevices"/,
  'mrbot-empty-image-and-roles.json': /Container\.image should not be null or empty\./,
  'kayumov-describe-output-with-nulls.json': /^(?=[\s\S]*Unknown parameter in input: "taskDefinitionArn")(?=[\s\S]*Unknown parameter in input: "revision")(?=[\s\S]*Invalid type for parameter ipcMode, value: None)/,
};

function register(file: string): string | undefined {
  const text = readFileSync(join(dir, file), 'utf8');
  const parsed = parseJson(text, file);
  if ('problem' in parsed) return `JSON ${parsed.problem.file}:${parsed.problem.line}:${parsed.problem.column}: ${parsed.problem.message}`;
  const r = new Sim().call('ecs.RegisterTaskDefinition', parsed.value);
  return r.error ? `${r.error.code}: ${r.error.message}` : undefined;
}

describe.runIf(present)('corpus task definitions', () => {
  const files = present
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];
  it('has the files SOURCES.md lists', () => expect(files.length).toBe(28));
  for (const f of files) {
    if (INVALID[f]) {
      it(`${f} is rejected, naming the problem`, () => expect(register(f)).toMatch(INVALID[f]!));
    } else {
      it(`${f} registers`, () => expect(register(f)).toBeUndefined());
    }
  }
});
