import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import { composeToEcs, parseCompose } from '../../../src/formats/compose';
import { parseYaml } from '../../../src/formats/yamlDoc';
import { parseScenario } from '../../../src/content/scenario';
import { runScenario } from '../../../src/content/runner';

// Real Compose files written by others, read in place from ../shared (never copied here).
const dir = resolve(import.meta.dirname, '../../../../shared/corpus/compose');
const present = existsSync(dir);
if (!present) console.warn(`compose corpus: ${dir} is absent (as on a user's machine); these tests are skipped.`);

/** Files SOURCES.md marks invalid: the member and line the refusal names. */
const REJECTED: Record<string, { member: string; line: number; message: RegExp }> = {
  'cg-depends-on-cycle.yaml': { member: 'services.service1.depends_on', line: 6, message: /dependency cycle detected: service1 -> service2 -> service3 -> service1/ },
  'dc-top-level-list.yml': { member: '', line: 1, message: /Top-level object must be a mapping/ },
  // The file also repeats the key ports09; the YAML reader stops there, before the illegal names.
  'dc-invalid-service-names.yml': { member: '', line: 310, message: /Map keys must be unique/ },
  'dc-unknown-field.yaml': { member: 'services.simple.wrongField', line: 4, message: /Additional property wrongField is not allowed/ },
  'dc-v1-volumes-as-string.yml': { member: 'mongodb', line: 1, message: /version 1 layout/ },
  'dc-v2-legacy-net-key.yml': { member: 'services.bar.net', line: 10, message: /Additional property net is not allowed/ },
  'extends-circle/circle-1.yml': { member: 'services.web.extends', line: 8, message: /extends from another file \(circle-2\.yml\)/ },
  'extends-circle/circle-2.yml': { member: 'services.other.extends', line: 8, message: /extends from another file \(circle-1\.yml\)/ },
  'include-cycle/compose-include-cycle.yaml': { member: 'include', line: 2, message: /include reads other files/ },
};

/** Files that translate but whose deployment ECS refuses, and why. */
const DEPLOY_REFUSED: Record<string, RegExp> = {
  'ecs-plugin-pull-credentials.yml': /^ecs\.RegisterTaskDefinition: Invalid image '<<<your docker hub user name>>>\/timestamper' for container 'frontend'\.$/,
};

describe.runIf(present)('corpus Compose files', () => {
  const files = present
    ? readdirSync(dir, { recursive: true })
        .map(String)
        .filter((f) => /\.ya?ml$/.test(f) && statSync(join(dir, f)).isFile())
        .sort()
    : [];
  it('has the files SOURCES.md lists', () => expect(files.length).toBe(26));
  for (const f of files) {
    const text = present ? readFileSync(join(dir, f), 'utf8') : '';
    const rej = REJECTED[f];
    if (rej) {
      it(`${f} is refused, naming ${rej.member || 'the line'}`, () => {
        const r = parseCompose(text, f);
        expect(r.project).toBeUndefined();
        expect(r.problems.find((p) => p.severity === 'error')).toMatchObject({ file: f, member: rej.member, line: rej.line, message: expect.stringMatching(rej.message) });
      });
      continue;
    }
    it(`${f} is read and translated to ECS for review`, () => {
      const r = parseCompose(text, f, { project: 'corpus' });
      expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
      const t = composeToEcs(r.project!);
      expect(t.services.length).toBe(r.project!.services.length);
      for (const e of t.errors) expect(e.line).toBeGreaterThanOrEqual(1);
    });
  }
  it('agrees with the compose-spec JSON schema: every file the schema refuses is refused here too', () => {
    // The schema is read in place from ../shared (never bundled); the reader's own rules are what the page uses.
    const schema = JSON.parse(readFileSync(resolve(dir, '../schemas/compose-spec.json'), 'utf8')) as Record<string, unknown>;
    delete schema.$schema;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const verdicts = files.map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const doc = parseYaml(text);
      return { f, schemaValid: doc.errors.length === 0 && validate(doc.data), ours: parseCompose(text, f).project !== undefined };
    });
    expect(verdicts.filter((v) => !v.schemaValid && v.ours).map((v) => v.f)).toEqual([]);
    // What only this reader refuses: a cycle, include and cross-file extends (which need other files), and a repeated key.
    expect(verdicts.filter((v) => v.schemaValid && !v.ours).map((v) => v.f)).toEqual(['cg-depends-on-cycle.yaml', 'extends-circle/circle-1.yml', 'extends-circle/circle-2.yml', 'include-cycle/compose-include-cycle.yaml']);
  });
  it('the files whose translation has no errors deploy: every request succeeds and every task runs', () => {
    let deployed = 0;
    for (const f of files) {
      if (REJECTED[f]) continue;
      const text = readFileSync(join(dir, f), 'utf8');
      const t = composeToEcs(parseCompose(text, f, { project: 'corpus' }).project!);
      if (t.errors.length) continue;
      const report = runScenario(parseScenario(stringify({ name: f, actions: [{ project: 'corpus', compose: text }], until: '5m' }), f));
      const failed = report.calls.filter((c) => c.error).map((c) => `${c.call}: ${c.error!.message}`);
      if (DEPLOY_REFUSED[f]) {
        expect(failed[0], f).toMatch(DEPLOY_REFUSED[f]!);
        continue;
      }
      expect(failed, f).toEqual([]);
      const want = (report.services as { desiredCount: number }[]).reduce((a, s) => a + s.desiredCount, 0);
      expect((report.tasks as { lastStatus: string }[]).filter((x) => x.lastStatus === 'RUNNING').length, f).toBe(want);
      deployed++;
    }
    expect(deployed).toBeGreaterThanOrEqual(5);
  });
});
