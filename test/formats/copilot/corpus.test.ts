import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../src/formats/copilot';
import { parseScenario } from '../../../src/content/scenario';
import { runScenario } from '../../../src/content/runner';

// Real manifests written by others, read in place from ../shared (never copied here).
const dir = resolve(import.meta.dirname, '../../../../shared/corpus/copilot');
const present = existsSync(dir);
if (!present) console.warn(`copilot corpus: ${dir} is absent (as on a user's machine); these tests are skipped.`);

/** Manifests the sandbox refuses, with the member and line it names. */
const REJECTED: Record<string, { member: string; line: number; message: RegExp }> = {
  'cp-rdws-private.yml': { member: 'type', line: 8, message: /App Runner, not on Amazon ECS/ },
  // A CloudFormation-stack fixture whose image the test harness supplies; copilot svc deploy needs build or location.
  'cp-worker-autoscaling.yml': { member: 'image', line: 6, message: /image is required/ },
};
const WARNED: Record<string, RegExp[]> = {
  'cp-e2e-backend-lowercase-type.yml': [/type 'backend Service' is read as 'Backend Service'/, /topic 'mytopic' is listed twice/],
};

describe.runIf(present)('corpus Copilot manifests', () => {
  const files = present
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.yml'))
        .sort()
    : [];
  it('has the files SOURCES.md lists', () => expect(files.length).toBe(14));
  for (const f of files) {
    const text = present ? readFileSync(join(dir, f), 'utf8') : '';
    const r = present ? parseManifest(text, f) : { problems: [] };
    const rej = REJECTED[f];
    if (rej) {
      it(`${f} is refused, naming ${rej.member} on line ${rej.line}`, () => {
        expect(r.manifest).toBeUndefined();
        expect(r.problems.find((p) => p.severity === 'error')).toMatchObject({ file: f, member: rej.member, line: rej.line, message: expect.stringMatching(rej.message) });
      });
      continue;
    }
    it(`${f} is read${WARNED[f] ? ' with warnings' : ''}`, () => {
      expect(r.manifest).toBeDefined();
      const warnings = r.problems.map((p) => p.message);
      expect(warnings.length).toBe(WARNED[f]?.length ?? 0);
      for (const w of WARNED[f] ?? []) expect(warnings.some((m) => w.test(m))).toBe(true);
    });
    if (r.manifest && r.manifest.type !== 'Environment') {
      const type = r.manifest.type;
      it(`${f} deploys: every request succeeds${type === 'Scheduled Job' ? ' and the schedule is set' : ' and its tasks run'}`, () => {
        const report = runScenario(parseScenario(stringify({ name: f, actions: [{ app: 'corpus', env: 'test', copilot: text }], until: '5m' }), f));
        expect(report.calls.filter((c) => c.error).map((c) => `${c.call}: ${c.error!.message}`)).toEqual([]);
        if (type === 'Scheduled Job') expect(report.calls.some((c) => c.call === 'events.PutRule')).toBe(true);
        else {
          const want = (report.services[0] as { desiredCount: number }).desiredCount;
          expect(want).toBeGreaterThan(0);
          expect((report.tasks as { lastStatus: string }[]).filter((t) => t.lastStatus === 'RUNNING').length).toBe(want);
        }
      });
    }
  }
});
