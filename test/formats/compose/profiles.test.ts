import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeToEcs, parseCompose } from '../../../src/formats/compose';

// A real file with a profile, read in place from ../shared (never copied here).
const corpus = resolve(import.meta.dirname, '../../../../shared/corpus/compose/dc-env-file-missing-profiles.yaml');

describe('Compose profiles', () => {
  it.runIf(existsSync(corpus))('the corpus file: serviceC (profile test) starts only with --profile test or COMPOSE_PROFILES=test', () => {
    const text = readFileSync(corpus, 'utf8');
    const names = (opts: Parameters<typeof parseCompose>[2]) => parseCompose(text, 'c.yaml', opts).project!.services.map((s) => s.name);
    expect(names({})).toEqual(['serviceA', 'serviceB']);
    expect(names({ profiles: ['test'] })).toEqual(['serviceA', 'serviceB', 'serviceC']);
    expect(names({ env: { COMPOSE_PROFILES: 'debug, test' } })).toEqual(['serviceA', 'serviceB', 'serviceC']);
    expect(names({ profiles: ['*'] })).toEqual(['serviceA', 'serviceB', 'serviceC']);
    expect(parseCompose(text, 'c.yaml').project!.inactive).toEqual([{ name: 'serviceC', profiles: ['test'] }]);
  });

  it('the translation to ECS leaves out a service whose profiles are not active, and says so', () => {
    const text = 'services:\n  web:\n    image: nginx\n  debug:\n    image: busybox\n    profiles: [debug, ops]\n';
    const off = composeToEcs(parseCompose(text, 'c.yaml', { project: 'shop' }).project!);
    expect(off.services.map((s) => s.name)).toEqual(['web']);
    expect(off.findings).toContain('debug: not deployed: none of its profiles (debug, ops) is active (docker compose --profile, or COMPOSE_PROFILES).');
    const on = composeToEcs(parseCompose(text, 'c.yaml', { project: 'shop', profiles: ['ops'] }).project!);
    expect(on.services.map((s) => s.name)).toEqual(['web', 'debug']);
  });

  it('a service that starts cannot depend on one its profiles leave out, as Compose refuses it', () => {
    const text = 'services:\n  web:\n    image: nginx\n    depends_on: [db]\n  db:\n    image: postgres:16\n    profiles: [dev]\n';
    const r = parseCompose(text, 'c.yaml');
    expect(r.project).toBeUndefined();
    expect(r.problems).toEqual([expect.objectContaining({ severity: 'error', line: 4, member: 'services.web.depends_on', message: 'service "db" is required by "web" but is disabled. Can be enabled by profiles [dev]' })]);
    expect(parseCompose(text, 'c.yaml', { profiles: ['dev'] }).project!.services.map((s) => s.name)).toEqual(['web', 'db']);
  });

  it('a profile name must be a name', () => {
    const r = parseCompose('services:\n  web:\n    image: nginx\n    profiles: ["-x", 3]\n', 'c.yaml');
    expect(r.problems.map((p) => p.message)).toEqual([
      "invalid profile name \"-x\": use letters, digits, '_', '.' and '-', starting with a letter or digit",
      "invalid profile name 3: use letters, digits, '_', '.' and '-', starting with a letter or digit",
    ]);
  });
});
