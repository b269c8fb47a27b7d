import { describe, expect, it } from 'vitest';
import { newSession, runCommand } from '../../../../src/content/console';
import { Sim } from '../../../../src/sim';

describe('copilot in the console', () => {
  it('app init, env init and deploy, svc init and deploy: the services run, answer in Cloud Map and show their endpoints', () => {
    const sim = new Sim({ seed: 'copilot' });
    const session = newSession({ 'copilot/api/manifest.yml': 'name: api\ntype: Backend Service\nimage:\n  location: public.ecr.aws/kudos/api:1\n  port: 8080\ncount: 2\n' });
    const run = (l: string) => runCommand(sim, l, session);
    expect(run('copilot svc deploy --name api --env test')).toMatchObject({ exitCode: 1, output: expect.stringContaining('run copilot app init <name> first') });
    expect(run('copilot app init kudos').output).toContain('End of support: AWS Copilot reached end of support in June 2026');
    expect(run('copilot env init --name test').exitCode).toBe(0);
    expect(run('copilot svc deploy --name api --env test')).toMatchObject({ exitCode: 1, output: expect.stringContaining('environment test is not deployed') });
    expect(run('copilot env deploy --name test').output).toBe('✔ Deployed environment test: cluster kudos-test (Fargate and Fargate Spot), namespace test.kudos.local.');
    expect(run('copilot svc init --name front-end --svc-type "Load Balanced Web Service" --image nginx --port 80').exitCode).toBe(0);
    expect(session.files['copilot/front-end/manifest.yml']).toContain("type: Load Balanced Web Service\n\nimage:\n  location: nginx\n  port: 80\n\nhttp:\n  path: '/'");
    const api = run('copilot svc deploy --name api --env test');
    expect(api.output).toContain('  - ECS service api: 2 tasks, rolling 100 % / 200 %, circuit breaker with rollback');
    expect(api.output).not.toContain('ECS cluster');
    expect(run('copilot svc deploy --name front-end --env test').output).toContain('✔ Deployed service front-end.');
    expect(run('sleep 4m').exitCode).toBe(0);
    expect(run('copilot svc status --name api --env test').output).toContain('Running   2/2 desired tasks are running');
    const dns = runCommand(sim, 'sim resolve --name api.test.kudos.local', session);
    expect((JSON.parse(dns.output) as { answers: string[] }).answers).toHaveLength(2);
    expect(run('copilot svc show --name api').output).toContain('test: api.test.kudos.local:8080 (Service Discovery)');
    // A web service's route is the environment load balancer's own address, as the real tool prints it.
    const lb = Object.values(sim.world.loadBalancers).find((l) => l.LoadBalancerName === 'kudos-test-alb')!;
    expect(run('copilot svc show --name front-end').output).toContain(`test: http://${lb.DNSName}`);
    expect(run('copilot svc show --name front-end').output).not.toContain('<environment load balancer>');
    expect(run('copilot svc deploy --name api --env test')).toMatchObject({ exitCode: 1, output: expect.stringContaining('already deployed') });
    expect(run('copilot svc deploy --name web --env test').output).toBe('✘ read manifest file for web: open copilot/web/manifest.yml: no such file or directory');
  });

  it('copilot init --deploy does it all in one step; app delete removes the services and environments', () => {
    const sim = new Sim({ seed: 'init' });
    const session = newSession();
    const r = runCommand(sim, 'copilot init --app kudos --name api --type "Backend Service" --image nginx --port 80 --deploy', session);
    expect(r.exitCode).toBe(0);
    expect(r.output).toContain('✔ Deployed service api.');
    runCommand(sim, 'sleep 3m', session);
    expect(runCommand(sim, 'copilot svc status --name api --env test', session).output).toContain('Running   1/1 desired tasks are running');
    expect(runCommand(sim, 'copilot app delete', session).output).toBe('✔ Deleted service api from environment test.\n✔ Deleted environment test.\n✔ Deleted application kudos.');
    expect(runCommand(sim, 'aws ecs describe-clusters --clusters kudos-test', session).output).toContain('"status": "INACTIVE"');
  });

  it('a manifest problem is shown with its file and line, and nothing is created', () => {
    const sim = new Sim();
    const session = newSession({ 'copilot/web/manifest.yml': 'name: web\ntype: Request-Driven Web Service\nimage:\n  build: Dockerfile\n' });
    for (const l of ['copilot app init kudos', 'copilot env init --name test', 'copilot env deploy --name test']) runCommand(sim, l, session);
    const r = runCommand(sim, 'copilot svc deploy --name web --env test', session);
    expect(r).toMatchObject({ exitCode: 1, output: expect.stringMatching(/^copilot\/web\/manifest\.yml:2:7: error: type: A Request-Driven Web Service runs on AWS App Runner/) });
    expect(Object.keys(sim.world.services)).toEqual([]);
  });
});

describe('copilot jobs and logs in the console', () => {
  it('job init writes a Scheduled Job manifest, job deploy makes the EventBridge rule, and the rule runs the task on Fargate', () => {
    const sim = new Sim({ seed: 'jobs' });
    const session = newSession();
    const run = (l: string) => runCommand(sim, l, session);
    for (const l of ['copilot app init shop', 'copilot env init --name test', 'copilot env deploy --name test']) expect(run(l).exitCode).toBe(0);
    expect(run('copilot job init --name report --schedule "@every 2h" --image busybox').exitCode).toBe(0);
    expect(run('copilot job init --name nightly --schedule sometimes --image busybox').output).toContain('--schedule must be');
    expect(session.files['copilot/report/manifest.yml']).toContain('type: Scheduled Job');
    expect(run('copilot svc deploy --name report --env test').output).toBe('✘ report is a Scheduled Job: deploy it with copilot job deploy');
    const deployed = run('copilot job deploy --name report --env test');
    expect(deployed.output).toContain('EventBridge rule shop-test-report (rate(2 hours)) running the task');
    expect(deployed.output).toMatch(/✔ Deployed job report\.$/);
    run('sleep 4h');
    const runs = sim.events.filter((e) => e.type === 'ScheduledTaskRun');
    expect(runs.map((e) => e.t)).toEqual([7_200_000, 14_400_000]);
    expect(sim.events.filter((e) => e.type === 'ScheduledTaskFailed')).toEqual([]);
  });

  it("svc logs prints the service containers' lifecycle as copilot/<service>/<task> lines", () => {
    const sim = new Sim({ seed: 'logs' });
    const session = newSession({ 'copilot/web/manifest.yml': 'name: web\ntype: Backend Service\nimage:\n  location: nginx\n  port: 80\ncount: 2\n' });
    const run = (l: string) => runCommand(sim, l, session);
    for (const l of ['copilot app init shop', 'copilot env init --name test', 'copilot env deploy --name test', 'copilot svc deploy --name web --env test']) expect(run(l).exitCode).toBe(0);
    expect(run('copilot svc logs --name web').output).toBe('No log events for web in test yet.');
    run('sleep 2m');
    const lines = run('copilot svc logs --name web').output.split('\n');
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l).toMatch(/^copilot\/web\/[0-9a-f]{8} 2025-01-01T00:0\d:\d\d\.\d{3}Z web: started$/);
    expect(run('copilot svc logs --name nope').output).toBe('✘ service nope is not deployed');
  });
});
