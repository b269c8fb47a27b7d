import { describe, expect, it } from 'vitest';
import { execute, type Flags } from '../../../../src/content/console/commands/copilotContext';
import { WORKLOAD_VERBS, deploy, jobInit, svcInit, svcLogs, svcShow, svcStatus, withApp } from '../../../../src/content/console/commands/copilotWorkloads';
import { newSession } from '../../../../src/content/console/session';
import type { ConsoleSession } from '../../../../src/content/console/types';
import { environmentRequests } from '../../../../src/formats/copilot';
import { Sim } from '../../../../src/sim';

const BACKEND = 'name: web\ntype: Backend Service\nimage:\n  location: nginx\n  port: 80\ncount: 2\n';
const WEB = "name: lb\ntype: Load Balanced Web Service\nimage:\n  location: nginx\n  port: 80\nhttp:\n  path: '/'\n";

/** A workspace of application shop with its test environment deployed, as copilot env deploy leaves it. */
function workspace(files: Record<string, string> = {}) {
  const sim = new Sim({ seed: 'workloads' });
  const session: ConsoleSession = newSession(files);
  session.copilot.app = 'shop';
  session.copilot.environments.test = { deployed: false, loadBalancer: false, rules: 0 };
  expect(execute(sim, session, environmentRequests('shop', 'test')).failed).toBeUndefined();
  session.copilot.environments.test.deployed = true;
  const ctx = (words: string, flags: Flags) => ({ sim, session, words: words.split(' '), flags });
  return { sim, session, ctx };
}

describe('copilot svc init', () => {
  it('writes a service manifest from --image or --dockerfile, with the port and the web route when it has them', () => {
    const { session, ctx } = workspace();
    expect(svcInit(ctx('svc init', { name: 'api', 'svc-type': 'Backend Service', dockerfile: './api/Dockerfile' }))).toEqual({
      output: '✔ Wrote the manifest for service api at copilot/api/manifest.yml\nYour manifest contains configurations like your container size and port.',
      exitCode: 0,
    });
    expect(session.files['copilot/api/manifest.yml']).toBe('name: api\ntype: Backend Service\n\nimage:\n  build: ./api/Dockerfile\n\ncpu: 256\nmemory: 512\ncount: 1\n');
    svcInit(ctx('svc init', { name: 'front', 'svc-type': 'Load Balanced Web Service', image: 'nginx', port: '80' }));
    expect(session.files['copilot/front/manifest.yml']).toBe("name: front\ntype: Load Balanced Web Service\n\nimage:\n  location: nginx\n  port: 80\n\nhttp:\n  path: '/'\n\ncpu: 256\nmemory: 512\ncount: 1\n");
  });

  it('leaves a manifest that is there as it is', () => {
    const { session, ctx } = workspace({ 'copilot/web/manifest.yml': BACKEND });
    expect(svcInit(ctx('svc init', { name: 'web', 'svc-type': 'Worker Service', image: 'x' }))).toEqual({ output: 'Manifest file for service web already exists at copilot/web/manifest.yml, skipping writing it.', exitCode: 0 });
    expect(session.files['copilot/web/manifest.yml']).toBe(BACKEND);
  });

  it('wants a name, a service type (a Scheduled Job is no service) and an image', () => {
    const { session, ctx } = workspace();
    expect(svcInit(ctx('svc init', { 'svc-type': 'Backend Service', image: 'x' }))).toEqual({ output: '✘ --name is required', exitCode: 1 });
    for (const type of ['Scheduled Job', 'Backend', true] as const)
      expect(svcInit(ctx('svc init', { name: 'a', 'svc-type': type, image: 'x' })).output).toBe('✘ --svc-type must be one of "Load Balanced Web Service", "Backend Service", "Worker Service"');
    expect(svcInit(ctx('svc init', { name: 'a', 'svc-type': 'Worker Service' })).output).toBe('✘ give --image <uri> or --dockerfile <path>');
    expect(session.files).toEqual({});
  });
});

describe('copilot job init', () => {
  it('writes a Scheduled Job manifest with its schedule', () => {
    const { session, ctx } = workspace();
    expect(jobInit(ctx('job init', { name: 'report', schedule: '@daily', image: 'busybox' })).output).toBe(
      '✔ Wrote the manifest for job report at copilot/report/manifest.yml\nYour manifest contains configurations like your container size and job schedule (@daily).',
    );
    expect(session.files['copilot/report/manifest.yml']).toBe('name: report\ntype: Scheduled Job\n\non:\n  schedule: "@daily"\n\nimage:\n  location: busybox\n\ncpu: 256\nmemory: 512\n');
  });

  it('wants a name, a schedule copilot reads and an image, and keeps a manifest that is there', () => {
    const { session, ctx } = workspace({ 'copilot/web/manifest.yml': BACKEND });
    expect(jobInit(ctx('job init', { schedule: '@daily', image: 'x' })).output).toBe('✘ --name is required');
    expect(jobInit(ctx('job init', { name: 'r', schedule: 'sometimes', image: 'x' })).output).toBe('✘ --schedule must be @hourly, @daily, @weekly, @every <duration>, a cron expression, or none');
    expect(jobInit(ctx('job init', { name: 'r', image: 'x' })).exitCode).toBe(1);
    expect(jobInit(ctx('job init', { name: 'r', schedule: '@hourly' })).output).toBe('✘ give --image <uri> or --dockerfile <path>');
    expect(jobInit(ctx('job init', { name: 'web', schedule: '@hourly', image: 'x' }))).toEqual({ output: 'Manifest file for job web already exists at copilot/web/manifest.yml, skipping writing it.', exitCode: 0 });
    expect(Object.keys(session.files)).toEqual(['copilot/web/manifest.yml']);
  });
});

describe('copilot svc deploy and job deploy', () => {
  it("makes the manifest's requests, lists what it created (not the environment's own), and remembers where the service runs", () => {
    const { session, ctx } = workspace({ 'copilot/web/manifest.yml': BACKEND });
    const r = deploy(ctx('svc deploy', { name: 'web', env: 'test' }));
    expect(r).toMatchObject({
      exitCode: 0,
      output: '  - Task definition shop-test-web (256 CPU, 512 MiB, Fargate)\n  - ECS service web: 2 tasks, rolling 100 % / 200 %, circuit breaker with rollback\n✔ Deployed service web.',
    });
    expect(r.calls?.map((c) => c.call)).toEqual(['ecs.RegisterTaskDefinition', 'servicediscovery.CreateService', 'ecs.CreateService']);
    expect(session.copilot.services).toEqual({ web: ['test'] });
    expect(deploy(ctx('svc deploy', { name: 'web', env: 'test' })).output).toBe('✘ service web is already deployed to test; the sandbox changes a deployed service with aws ecs update-service');
  });

  it('wants a name and an environment that is deployed', () => {
    const { session, ctx } = workspace({ 'copilot/web/manifest.yml': BACKEND });
    session.copilot.environments.prod = { deployed: false, loadBalancer: false, rules: 0 };
    expect(deploy(ctx('svc deploy', { name: 'web' })).output).toBe('✘ --name and --env are required');
    expect(deploy(ctx('svc deploy', { name: 'web', env: 'prod' })).output).toBe('✘ environment prod is not deployed: run copilot env init --name prod and copilot env deploy --name prod');
    expect(deploy(ctx('svc deploy', { name: 'web', env: 'staging' })).exitCode).toBe(1);
    expect(session.copilot.services).toEqual({});
  });

  it('reads the manifest first: a missing one, a problem in it, an environment manifest, the wrong verb', () => {
    const { sim, ctx } = workspace({
      'copilot/env/manifest.yml': 'name: env\ntype: Environment\n',
      'copilot/bad/manifest.yml': 'name: bad\ntype: Backend Service\ncount: many\n',
      'copilot/job/manifest.yml': 'name: job\ntype: Scheduled Job\non:\n  schedule: "@daily"\nimage:\n  location: busybox\n',
      'copilot/web/manifest.yml': BACKEND,
    });
    expect(deploy(ctx('svc deploy', { name: 'nope', env: 'test' })).output).toBe('✘ read manifest file for nope: open copilot/nope/manifest.yml: no such file or directory');
    expect(deploy(ctx('svc deploy', { name: 'bad', env: 'test' }))).toMatchObject({ exitCode: 1, output: expect.stringMatching(/^copilot\/bad\/manifest\.yml:\d+:\d+: error: /) });
    expect(deploy(ctx('svc deploy', { name: 'env', env: 'test' })).output).toBe('✘ copilot/env/manifest.yml is an environment manifest');
    expect(deploy(ctx('svc deploy', { name: 'job', env: 'test' })).output).toBe('✘ job is a Scheduled Job: deploy it with copilot job deploy');
    expect(deploy(ctx('job deploy', { name: 'web', env: 'test' })).output).toBe('✘ web is a Backend Service: deploy it with copilot svc deploy');
    expect(Object.keys(sim.world.services)).toEqual([]);
    expect(deploy(ctx('job deploy', { name: 'job', env: 'test' })).output).toMatch(/✔ Deployed job job\.$/);
  });

  it('stops at a request the account refuses, and keeps the service undeployed', () => {
    const { session, ctx } = workspace({ 'copilot/web/manifest.yml': BACKEND });
    // An environment the workspace thinks deployed but whose cluster and namespace were never made.
    session.copilot.environments.ghost = { deployed: true, loadBalancer: false, rules: 0 };
    const r = deploy(ctx('svc deploy', { name: 'web', env: 'ghost' }));
    expect(r.exitCode).toBe(1);
    expect(r.output).toBe('✘ servicediscovery.CreateService (copilot:shop/ghost/web:discovery): NamespaceNotFound: Namespace undefined not found.');
    expect(r.error?.code).toBe('NamespaceNotFound');
    expect(r.calls!.at(-1)!.error).toEqual(r.error);
    expect(session.copilot.services).toEqual({});
  });
});

describe('copilot svc status, show and logs', () => {
  function deployed() {
    const w = workspace({ 'copilot/web/manifest.yml': BACKEND, 'copilot/lb/manifest.yml': WEB });
    for (const name of ['web', 'lb']) expect(deploy(w.ctx('svc deploy', { name, env: 'test' })).exitCode).toBe(0);
    return w;
  }

  it("status counts the service's running tasks against the desired count and lists each", () => {
    const { sim, ctx } = deployed();
    expect(svcStatus(ctx('svc status', { name: 'web' })).output).toMatch(/^Task Summary\n\n {2}Running {3}0\/2 desired tasks are running\n\nTasks\n\n {2}[0-9a-f]{8} {2}PROVISIONING {2}FARGATE\n {2}[0-9a-f]{8} {2}PROVISIONING {2}FARGATE$/);
    sim.runUntil(240_000);
    expect(svcStatus(ctx('svc status', { name: 'web', env: 'test' })).output).toContain('  Running   2/2 desired tasks are running');
  });

  it("show gives each route: the environment load balancer's address for a web service, the Cloud Map name for every one", () => {
    const { sim, ctx } = deployed();
    expect(svcShow(ctx('svc show', { name: 'web' })).output).toBe('Service web in application shop\n\nRoutes and service discovery:\n  test: web.test.shop.local:80 (Service Discovery)');
    const dns = Object.values(sim.world.loadBalancers).find((l) => l.LoadBalancerName === 'shop-test-alb')!.DNSName;
    expect(svcShow(ctx('svc show', { name: 'lb' })).output).toBe(`Service lb in application shop\n\nRoutes and service discovery:\n  test: http://${dns}\n  test: lb.test.shop.local:80 (Service Discovery)`);
  });

  it("logs prints the last lines of the service's containers, as many as --limit", () => {
    const { sim, ctx } = deployed();
    expect(svcLogs(ctx('svc logs', { name: 'web' })).output).toBe('No log events for web in test yet.');
    sim.runUntil(240_000);
    expect(svcLogs(ctx('svc logs', { name: 'web' })).output.split('\n')).toHaveLength(2);
    expect(svcLogs(ctx('svc logs', { name: 'web', limit: '1' })).output).toMatch(/^copilot\/web\/[0-9a-f]{8} 2025-01-01T00:00:\d\d\.\d{3}Z web: started$/);
  });

  it('refuse a service that is not deployed, or not to the environment named', () => {
    const { ctx } = deployed();
    for (const verb of [svcStatus, svcShow, svcLogs]) {
      expect(verb(ctx('svc x', { name: 'nope' })).output).toBe('✘ service nope is not deployed');
      expect(verb(ctx('svc x', {})).output).toBe('✘ service (--name) is not deployed');
    }
    expect(svcStatus(ctx('svc status', { name: 'web', env: 'prod' })).output).toBe('✘ service web is not deployed to prod');
    expect(svcLogs(ctx('svc logs', { name: 'web', env: 'prod' })).output).toBe('✘ service web is not deployed to prod');
  });
});

describe('the workload verbs', () => {
  it('are svc and job init and deploy, and svc logs, show and status', () => {
    expect(Object.keys(WORKLOAD_VERBS)).toEqual(['svc init', 'job init', 'svc deploy', 'job deploy', 'svc logs', 'svc show', 'svc status']);
  });

  it('each need an application first', () => {
    const session = newSession();
    const verb = withApp(() => ({ output: 'ran', exitCode: 0 }));
    const ctx = { sim: new Sim({ seed: 'app' }), session, words: [], flags: {} };
    expect(verb(ctx)).toEqual({ output: '✘ could not find an application attached to this workspace: run copilot app init <name> first', exitCode: 1 });
    session.copilot.app = 'shop';
    expect(verb(ctx)).toEqual({ output: 'ran', exitCode: 0 });
  });
});
