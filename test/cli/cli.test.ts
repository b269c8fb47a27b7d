import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../src/cli/cli';

const files: Record<string, string> = {
  'ok.yaml': `name: ok
actions:
  - { call: ecs.CreateCluster, input: { clusterName: demo } }
expect:
  - { count: clusters, equals: 1 }
`,
  'fails.yaml': `name: fails
actions:
  - { call: ecs.CreateCluster, input: { clusterName: demo } }
expect:
  - { label: two clusters, count: clusters, equals: 2 }
`,
  'broken.yaml': `name: broken
actions:
  - { call: ecs.CreateCluster, input: { clusterName: demo }
`,
  'unknown-call.yaml': `name: x
actions:
  - at: 5
    call: ecs.LaunchRocket
`,
  'wrong-type.yaml': `name: x
actions:
  - { call: ecs.CreateCluster }
until: [1, 2]
expect:
  - { count: tasks, equals: many }
`,
  'web.yml': `name: web
type: Load Balanced Web Service
image:
  build: Dockerfile
  port: 8080
http:
  path: /api
count:
  range: 1-4
  cpu_percentage: 60
`,
  'shop.yaml': `services:
  web:
    image: nginx
    ports: ["80:80"]
    links: [db]
    depends_on: [db]
  db:
    image: postgres:16
    deploy:
      replicas: 2
      resources:
        limits: { cpus: "0.5", memory: 1G }
`,
  'asym.yaml': `services:
  web:
    image: nginx
    ports:
      - "8080:80"
`,
  'rdws.yml': `name: web
type: Request-Driven Web Service
image:
  build: Dockerfile
  port: 8080
`,
};

function run(args: string[]) {
  let out = '';
  let err = '';
  const code = cli(args, {
    out: (s) => (out += s),
    err: (s) => (err += s),
    read: (f) => {
      if (!(f in files)) throw new Error('ENOENT: no such file');
      return files[f]!;
    },
  });
  return { code, out, err };
}

describe('sim run', () => {
  it('prints one JSON report with the contract members and exits 0 when expectations hold', () => {
    const r = run(['run', 'ok.yaml', '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    for (const k of [
      'clock',
      'seed',
      'calls',
      'clusters',
      'containerInstances',
      'tasks',
      'services',
      'taskDefinitions',
      'capacityProviders',
      'scalableTargets',
      'scalingPolicies',
      'targetGroups',
      'namespaces',
      'events',
      'metrics',
      'expect',
    ])
      expect(report).toHaveProperty(k);
    expect(report.calls[0]).toMatchObject({ at: 0, call: 'ecs.CreateCluster', output: { cluster: { clusterName: 'demo' } } });
  });
  it('exits 1 when an expectation fails, and says what was seen', () => {
    const r = run(['run', 'fails.yaml']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('FAIL  two clusters  (seen: 1)');
    expect(r.out).toContain('0 passed, 1 failed');
  });
  it('exits 2 naming file, line and member for bad scenarios', () => {
    expect(run(['run', 'broken.yaml'])).toMatchObject({ code: 2, err: expect.stringMatching(/^broken\.yaml:4:\d+: /) });
    const unknown = run(['run', 'unknown-call.yaml']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^unknown-call\.yaml:4:11: actions\[0\]\.call: unknown call 'ecs\.LaunchRocket'/);
    const wrong = run(['run', 'wrong-type.yaml']);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/wrong-type\.yaml:4:8: until: must be number or string\n/);
    expect(wrong.err).toMatch(/wrong-type\.yaml:6:29: expect\[0\]\.equals: must be integer/);
    expect(run(['run', 'missing.yaml'])).toMatchObject({ code: 2, err: expect.stringContaining('missing.yaml: ENOENT') });
    expect(run(['launch'])).toMatchObject({ code: 2 });
  });
  it('--seed and --until override the scenario', () => {
    const r = JSON.parse(run(['run', 'ok.yaml', '--json', '--seed', '42', '--until', '5m']).out);
    expect(r.seed).toBe('42');
    expect(r.clock).toBe(300);
  });
  it('runs through npm as the README says', () => {
    const root = resolve(import.meta.dirname, '../..');
    const out = execFileSync('npm', ['run', '--silent', 'sim', '--', 'run', 'test/scenarios/P-01-binpack-memory.yaml', '--json'], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(out).passed).toBe(true);
    const bad = spawnSync('npm', ['run', '--silent', 'sim', '--', 'run', 'package.json'], { cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(2);
  });
});

describe('sim copilot', () => {
  it('lists what a manifest deploys, its endpoints and its requests', () => {
    const r = run(['copilot', 'web.yml', '--app', 'kudos', '--env', 'test']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Load Balanced Web Service web in kudos/test');
    expect(r.out).toContain('  - ECS service web: 1 task, rolling 100 % / 200 %, circuit breaker with rollback');
    expect(r.out).toContain('  - Scalable target 1-4 tasks with ECSServiceAverageCPUUtilization 60');
    expect(r.out).toContain('  - web.test.kudos.local:8080 (Service Discovery)');
    expect(r.out).toContain('  elbv2.CreateRule  (copilot:kudos/test/web:rule)');
  });
  it('--json gives the plan and requests the engine accepts', () => {
    const r = run(['copilot', 'web.yml', '--app', 'kudos', '--env', 'test', '--json']);
    const plan = JSON.parse(r.out);
    expect(plan.service).toMatchObject({ serviceName: 'web', desiredCount: 1, launchType: 'FARGATE' });
    const rule = plan.requests.find((q: { call: string }) => q.call === 'elbv2.CreateRule');
    expect(rule.input.Conditions[0].PathPatternConfig.Values).toEqual(['/api', '/api/*']);
  });
  it('refuses a workload that does not run on ECS, naming file, line and member; exit 2', () => {
    const r = run(['copilot', 'rdws.yml', '--app', 'kudos', '--env', 'test']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^rdws\.yml:2:7: error: type: A Request-Driven Web Service runs on AWS App Runner/);
  });
  it('needs --app and --env', () => {
    expect(run(['copilot', 'web.yml', '--app', 'kudos']).code).toBe(2);
  });
});

describe('sim compose', () => {
  it('shows each service on ECS and what does not carry over', () => {
    const r = run(['compose', 'shop.yaml', '--project', 'shop']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Compose project shop on ECS: cluster shop, namespace shop.local');
    expect(r.out).toContain('  db: task definition shop-db (512 CPU, 1024 MiB), 2 task(s), rolling 100 % / 200 %, db.shop.local');
    expect(r.out).toContain('  web: task definition shop-web (256 CPU, 512 MiB), 1 task(s), rolling 100 % / 200 %, web.shop.local, application load balancer on 80');
    expect(r.out).toContain('web: links does not carry over to ECS on Fargate');
  });
  it('--json lists the requests with db before web', () => {
    const plan = JSON.parse(run(['compose', 'shop.yaml', '--project', 'shop', '--json']).out);
    const services = plan.requests.filter((q: { call: string }) => q.call === 'ecs.CreateService').map((q: { input: { serviceName: string } }) => q.input.serviceName);
    expect(services).toEqual(['db', 'web']);
  });
  it('an asymmetric port is an error at its line; exit 2', () => {
    const r = run(['compose', 'asym.yaml', '--project', 'shop']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^asym\.yaml:4:5: error: services\.web\.ports: web: published port 8080 differs from target 80/);
  });
});

describe('sim run --variant', () => {
  const demo = `name: Two worlds
seed: 5
durations: { instanceBoot: 0 }
presenter:
  variants:
    - { label: Spread }
    - { label: Binpack, seed: 6, set: [ { action: place, path: placementStrategy, value: [ { type: binpack, field: memory } ] } ] }
actions:
  - { call: ecs.RegisterTaskDefinition, input: { family: w, containerDefinitions: [ { name: w, image: busybox, memory: 2048 } ] } }
  - { call: ecs.CreateCluster, input: { clusterName: c } }
  - { call: sim.LaunchInstances, input: { cluster: c, instanceType: m5.large, count: 2 } }
  - { at: 5s, id: place, call: ecs.RunTask, input: { cluster: c, taskDefinition: w, count: 3 } }
until: 30s
`;
  const report = (args: string[]) => {
    let out = '';
    let err = '';
    const code = cli(['run', 'demo.yaml', '--json', ...args], { out: (s) => (out += s), err: (s) => (err += s), read: () => demo });
    return { code, err, report: code === 0 ? JSON.parse(out) : undefined };
  };
  it("runs one of a demo's worlds side by side, by index or label, with its own seed and overrides", () => {
    const spread = report(['--variant', '0']).report;
    const binpack = report(['--variant', 'Binpack']).report;
    expect([spread.seed, binpack.seed]).toEqual(['5', '6']);
    const hosts = (r: { tasks: { containerInstanceArn: string }[] }) => new Set(r.tasks.map((t) => t.containerInstanceArn)).size;
    // Spread puts the three tasks on both instances; binpack fills one (three of 2 GiB fit an m5.large) first.
    expect([hosts(spread), hosts(binpack)]).toEqual([2, 1]);
  });
  it('a variant the demo does not have is an error naming those it has; exit 2', () => {
    const r = report(['--variant', 'Random']);
    expect(r.code).toBe(2);
    expect(r.err).toBe("--variant: demo.yaml has the variants 0 (Spread), 1 (Binpack); there is no variant 'Random'\n");
  });
});

describe('sim console', () => {
  it('reads commands from standard input and adds them to the JSON report', () => {
    let out = '';
    const code = cli(['console', '--json', '--file', 'td=td.json'], {
      out: (s) => (out += s),
      err: () => undefined,
      read: () => '{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 128}]}',
      stdin: () =>
        'aws ecs create-cluster --cluster-name demo\nsim launch-instances --cluster demo --count 1\nsleep 90s\naws ecs register-task-definition --cli-input-json file://td\naws ecs run-task --cluster demo --task-definition web\nsleep 1m\n',
    });
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.console.map((c: { exitCode: number }) => c.exitCode)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(report.tasks).toEqual([expect.objectContaining({ lastStatus: 'RUNNING' })]);
    expect(report.clock).toBe(150);
  });
});
