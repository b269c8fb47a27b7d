import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { bytes, composeToEcs, fargateSize, interpolate, parseCompose, parsePorts, rollingUpdateLimits } from '../../src/formats/compose';
import Ajv from 'ajv';
import { parseYaml } from '../../src/formats/yamlDoc';
import { parseScenario } from '../../src/content/scenario';
import { runScenario } from '../../src/content/runner';

const translate = (text: string) => {
  const r = parseCompose(text, 'compose.yaml', { project: 'shop' });
  expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return composeToEcs(r.project!);
};

describe('Compose files', () => {
  it('reads short and long port syntax, ranges, protocols and host addresses', () => {
    expect(parsePorts('8080:80')).toEqual([{ target: 80, published: 8080, protocol: 'tcp' }]);
    expect(parsePorts('53:53/udp')).toEqual([{ target: 53, published: 53, protocol: 'udp' }]);
    expect(parsePorts('127.0.0.1:80:80')).toEqual([{ target: 80, published: 80, protocol: 'tcp', hostIp: '127.0.0.1' }]);
    expect(parsePorts('9090-9091:8080-8081')).toEqual([{ target: 8080, published: 9090, protocol: 'tcp' }, { target: 8081, published: 9091, protocol: 'tcp' }]);
    expect(parsePorts(':80')).toEqual([{ target: 80, protocol: 'tcp' }]);
    expect(parsePorts({ target: 80, published: '8080', protocol: 'udp' })).toEqual([{ target: 80, published: 8080, protocol: 'udp' }]);
    expect(parsePorts('49153-65536')).toMatch(/beyond 65535/);
    expect(parsePorts('eighty')).toMatch(/is not a port mapping/);
  });

  it('interpolates variables as Compose does, and warns once about an unset one', () => {
    const unset: string[] = [];
    const env = { TAG: '1.2', EMPTY: '' };
    expect(interpolate('app:${TAG}', env, (n) => unset.push(n))).toBe('app:1.2');
    expect(interpolate('${EMPTY:-fallback} ${EMPTY-kept}', env, (n) => unset.push(n))).toBe('fallback ');
    expect(interpolate('${NOPE-v4.1} $$HOME $TAG', env, (n) => unset.push(n))).toBe('v4.1 $HOME 1.2');
    expect(interpolate('${MISSING}', env, (n) => unset.push(n))).toBe('');
    expect(unset).toEqual(['MISSING']);
    const r = parseCompose('services:\n  web:\n    image: "nginx:${TAG}"\n    environment:\n      - A=${TAG}\n', 'c.yaml');
    expect(r.problems).toEqual([expect.objectContaining({ line: 3, member: 'services.web.image', severity: 'warning', message: 'The "TAG" variable is not set. Defaulting to a blank string.' })]);
  });

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

  it('sizes tasks at the smallest Fargate size that fits (§11.1)', () => {
    expect(fargateSize(undefined, undefined)).toEqual({ cpu: 256, memory: 512 });
    expect(fargateSize(0.5, bytes('1G'))).toEqual({ cpu: 512, memory: 1024 });
    expect(fargateSize(0.25, bytes('600M'))).toEqual({ cpu: 256, memory: 1024 });
    expect(fargateSize(1, bytes('9G'))).toEqual({ cpu: 2048, memory: 9216 });
    expect(fargateSize(8, bytes('16G'))).toBeUndefined();
    const t = translate('services:\n  big:\n    image: x\n    deploy:\n      resources:\n        limits: { cpus: "8", memory: 16G }\n');
    expect(t.errors).toEqual([expect.objectContaining({ member: 'services.big.deploy.resources', line: 5, message: 'big: the resources requested are not supported by ECS/Fargate' })]);
  });

  it('rolling-update limits need replicas with parallelism (CM-02)', () => {
    expect(rollingUpdateLimits({ update_config: { parallelism: 1 } })).toBe('rolling update configuration require deploy.replicas to be set');
    expect(rollingUpdateLimits({ replicas: 1, update_config: { parallelism: 2 } })).toBe('deploy.replicas (1) must be greater than deploy.update_config.parallelism (2)');
    expect(rollingUpdateLimits({ replicas: 3, update_config: { parallelism: 1, 'x-aws-min_percent': 50 } })).toEqual({ minimumHealthyPercent: 50, maximumPercent: 133 });
  });

  it('refuses an asymmetric port mapping, and says which load balancer a port needs (CM-03)', () => {
    const asym = translate('services:\n  web:\n    image: nginx\n    ports: ["8080:80"]\n');
    expect(asym.errors[0]!.message).toMatch(/published port 8080 differs from target 80; on ECS only symmetric mappings are supported/);
    expect(translate('services:\n  web:\n    image: nginx\n    ports: ["80:80", "443:443"]\n').services[0]!.loadBalancer).toEqual({ type: 'application', ports: [80, 443] });
    const db = translate('services:\n  db:\n    image: postgres\n    ports: ["5432:5432"]\n');
    expect(db.services[0]!.loadBalancer).toEqual({ type: 'network', ports: [5432] });
    expect(db.findings.join('\n')).toMatch(/Network Load Balancer, which the sandbox does not simulate/);
  });

  it('lists what does not carry over: build, links, host volumes, privileged', () => {
    const t = translate('services:\n  web:\n    image: shop/web\n    build: .\n    links: [db]\n    privileged: true\n    volumes: ["./data:/data"]\n  db:\n    image: postgres\n');
    const f = t.findings.join('\n');
    for (const w of [/web: build is ignored/, /web: links does not carry over/, /web: privileged does not carry over/, /host path \.\/data cannot be mounted on Fargate/]) expect(f).toMatch(w);
    const noImage = translate('services:\n  web:\n    build: .\n');
    expect(noImage.errors[0]!.message).toMatch(/ECS runs images from a registry/);
  });

  it('maps healthcheck and depends_on to the task definition and the findings', () => {
    const t = translate('services:\n  db:\n    image: postgres\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n      interval: 10s\n      timeout: 3s\n      retries: 5\n      start_period: 20s\n  web:\n    image: nginx\n    depends_on:\n      db: { condition: service_healthy }\n');
    const db = (t.services[0]!.taskDefinition.containerDefinitions as { healthCheck: unknown }[])[0]!;
    expect(db.healthCheck).toEqual({ command: ['CMD', 'pg_isready'], interval: 10, timeout: 3, retries: 5, startPeriod: 20 });
    expect(t.findings.join('\n')).toMatch(/web: depends_on orders service creation only \(after db\)/);
  });

  it('never throws on arbitrary text or structure, and every problem has a line', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => {
      const r = parseCompose(text);
      for (const p of r.problems) expect(p.line).toBeGreaterThanOrEqual(1);
    }), { numRuns: 300 });
    const member = fc.constantFrom('image', 'ports', 'environment', 'depends_on', 'deploy', 'healthcheck', 'volumes', 'build', 'command', 'links', 'extends');
    const value = fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.integer()), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('replicas', 'resources', 'update_config', 'test', 'condition', 'service', 'target', 'limits'), fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -5, max: 70000 }))));
    fc.assert(fc.property(fc.dictionary(fc.constantFrom('web', 'db', 'cache'), fc.dictionary(member, value)), (services) => {
      const r = parseCompose(stringify({ services }));
      for (const p of r.problems) expect(p.line).toBeGreaterThanOrEqual(1);
      if (r.project) composeToEcs(r.project);
    }), { numRuns: 400 });
  });
});

// Real Compose files written by others, read in place from ../shared (never copied here).
const dir = resolve(import.meta.dirname, '../../../shared/corpus/compose');
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
  const files = present ? readdirSync(dir, { recursive: true }).map(String).filter((f) => /\.ya?ml$/.test(f) && statSync(join(dir, f)).isFile()).sort() : [];
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
    expect(verdicts.filter((v) => v.schemaValid && !v.ours).map((v) => v.f)).toEqual([
      'cg-depends-on-cycle.yaml', 'extends-circle/circle-1.yml', 'extends-circle/circle-2.yml', 'include-cycle/compose-include-cycle.yaml',
    ]);
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
