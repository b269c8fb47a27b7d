import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseManifest, planDeployment, scheduleExpression, withEnvironment } from '../../../src/formats/copilot';

describe('Copilot manifests', () => {
  it('environment overrides merge maps and replace values (CO-07)', () => {
    const raw = { count: 1, variables: { A: '1', B: '2' }, environments: { prod: { count: 2, variables: { B: 'prod' } } } };
    expect(withEnvironment(raw, 'prod')).toEqual({ count: 2, variables: { A: '1', B: 'prod' } });
    expect(withEnvironment(raw, 'test')).toEqual({ count: 1, variables: { A: '1', B: '2' } });
  });

  it('translates job schedules into EventBridge expressions', () => {
    expect(scheduleExpression('@daily')).toBe('cron(0 0 * * ? *)');
    expect(scheduleExpression('@every 5h')).toBe('rate(5 hours)');
    expect(scheduleExpression('@every 1m')).toBe('rate(1 minute)');
    expect(scheduleExpression('0 12 * * MON')).toBe('cron(0 12 ? * MON *)');
    expect(scheduleExpression('0 12 * * *')).toBe('cron(0 12 * * ? *)');
    expect(scheduleExpression('none')).toBeNull();
    expect(scheduleExpression('every tuesday')).toBeUndefined();
  });

  it('rejects what it cannot deploy, naming the line and member', () => {
    const { manifest, problems } = parseManifest('name: web\ntype: Load Balanced Web Service\nimage:\n  location: nginx\n', 'web.yml');
    expect(manifest).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ file: 'web.yml', line: 4, member: 'image.port', severity: 'error', message: expect.stringContaining('image.port is required') })]);
    const both = parseManifest('name: web\ntype: Backend Service\nimage:\n  location: nginx\n  build: Dockerfile\n');
    expect(both.problems[0]).toMatchObject({ line: 4, member: 'image', message: 'image.build and image.location are mutually exclusive.' });
    const bad = parseManifest('name: web\ntype: Backend Service\nimage: [\n');
    expect(bad.problems[0]).toMatchObject({ line: expect.any(Number), severity: 'error' });
  });

  it('never throws on arbitrary text, and every problem has a line', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const r = parseManifest(text);
        for (const p of r.problems) expect(p.line).toBeGreaterThanOrEqual(1);
        return r.manifest !== undefined || r.problems.some((p) => p.severity === 'error');
      }),
      { numRuns: 300 },
    );
    const keys = fc.constantFrom('name', 'type', 'image', 'count', 'cpu', 'memory', 'http', 'on', 'environments', 'network', 'deployment');
    const values = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.integer(),
      fc.constant('Backend Service'),
      fc.dictionary(fc.constantFrom('location', 'port', 'range', 'spot', 'schedule', 'path'), fc.oneof(fc.string({ maxLength: 6 }), fc.integer())),
    );
    fc.assert(
      fc.property(fc.dictionary(keys, values), (doc) => {
        const r = parseManifest(stringify(doc));
        if (r.manifest && r.manifest.type !== 'Environment') planDeployment(r.manifest, 'a', 'e');
      }),
      { numRuns: 300 },
    );
  });
});
