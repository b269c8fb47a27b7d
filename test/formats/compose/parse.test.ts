import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { composeToEcs, parseCompose } from '../../../src/formats/compose';

describe('reading a Compose file', () => {
  it('accepts anchors, merge keys and x- extensions; warns that version is obsolete', () => {
    const r = parseCompose('version: "3.8"\nx-base: &base\n  image: nginx\n  environment: { A: "1" }\nservices:\n  web:\n    <<: *base\n    ports: ["80:80"]\n', 'c.yaml');
    expect(r.problems).toEqual([expect.objectContaining({ line: 1, member: 'version', severity: 'warning' })]);
    expect(r.project!.services[0]).toMatchObject({ name: 'web', image: 'nginx', environment: { A: '1' } });
  });

  it('refuses what docker compose refuses, naming the line and member', () => {
    const unknown = parseCompose('services:\n  web:\n    image: nginx\n    wrongField: 1\n', 'c.yaml');
    expect(unknown.problems).toEqual([expect.objectContaining({ line: 4, member: 'services.web.wrongField', message: 'services.web Additional property wrongField is not allowed' })]);
    const cycle = parseCompose('services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: x\n    depends_on: [a]\n', 'c.yaml');
    expect(cycle.problems[0]!.message).toBe('dependency cycle detected: a -> b -> a');
    expect(parseCompose('- a\n- b\n', 'c.yaml').problems[0]!.message).toBe('Top-level object must be a mapping');
    const broken = parseCompose('services:\n  web:\n    image: [nginx\n', 'c.yaml');
    expect(broken.project).toBeUndefined();
    expect(broken.problems[0]!.line).toBeGreaterThan(1);
  });

  it("reads depends_on's long form: the condition, and restart: true as the dependencies it restarts with", () => {
    const r = parseCompose('services:\n  api:\n    image: x\n    depends_on:\n      db: { condition: service_healthy, restart: true }\n      cache: { condition: service_started }\n  db:\n    image: x\n  cache:\n    image: x\n', 'c.yaml');
    expect(r.project!.services[0]).toMatchObject({ dependsOn: { db: 'service_healthy', cache: 'service_started' }, restartWith: ['db'] });
    expect(r.project!.services[1]!.restartWith).toBeUndefined();
    const wrong = parseCompose('services:\n  api:\n    image: x\n    depends_on:\n      db: { restart: "yes" }\n  db:\n    image: x\n', 'c.yaml');
    expect(wrong.problems).toEqual([expect.objectContaining({ line: 5, member: 'services.api.depends_on.db.restart', message: 'services.api.depends_on.db.restart must be a boolean' })]);
  });

  it('never throws on arbitrary text or structure, and every problem has a line', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const r = parseCompose(text);
        for (const p of r.problems) expect(p.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
    const member = fc.constantFrom('image', 'ports', 'environment', 'depends_on', 'deploy', 'healthcheck', 'volumes', 'build', 'command', 'links', 'extends');
    const value = fc.oneof(
      fc.string({ maxLength: 10 }),
      fc.integer(),
      fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.integer()), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('replicas', 'resources', 'update_config', 'test', 'condition', 'service', 'target', 'limits'), fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -5, max: 70000 }))),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('web', 'db', 'cache'), fc.dictionary(member, value)), (services) => {
        const r = parseCompose(stringify({ services }));
        for (const p of r.problems) expect(p.line).toBeGreaterThanOrEqual(1);
        if (r.project) composeToEcs(r.project);
      }),
      { numRuns: 400 },
    );
  });
});

describe('a health check duration Compose cannot read', () => {
  it('refuses the file at the member, naming the value and how to write one', () => {
    const text = 'services:\n  web:\n    image: nginx\n    healthcheck:\n      test: ["CMD", "true"]\n      interval: 5 s\n      timeout: 1d\n      start_period: 500ms\n';
    const { problems } = parseCompose(text, 'compose.yaml');
    expect(problems.map((p) => [p.line, p.severity, p.message])).toEqual([
      [6, 'error', 'services.web.healthcheck.interval: "5 s" is not a duration (write it as 30s, 1m30s or 500ms)'],
      [7, 'error', 'services.web.healthcheck.timeout: "1d" is not a duration (write it as 30s, 1m30s or 500ms)'],
    ]);
  });
});
