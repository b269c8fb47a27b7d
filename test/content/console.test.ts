import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cliTimestamps, complete, kebab, newSession, parseCommand, runCommand, shorthand, tokenize } from '../../src/content/console';
import { Sim } from '../../src/sim';
import { cli } from '../../src/cli/cli';

describe('console parsing', () => {
  it('splits a line as a shell does', () => {
    expect(tokenize(`aws ecs run-task --cluster 'my cluster' --overrides "{\\"a\\": 1}" # a comment`)).toEqual(['aws', 'ecs', 'run-task', '--cluster', 'my cluster', '--overrides', '{"a": 1}']);
    expect(tokenize('echo "unterminated')).toEqual({ error: 'unterminated quote at column 6' });
  });

  it('names options as the AWS CLI does', () => {
    expect(kebab('taskDefinition')).toBe('task-definition');
    expect(kebab('enableECSManagedTags')).toBe('enable-ecs-managed-tags');
    expect(kebab('healthCheckGracePeriodSeconds')).toBe('health-check-grace-period-seconds');
  });

  it('reads shorthand, nested maps and lists', () => {
    expect(shorthand('type=spread,field=attribute:ecs.availability-zone')).toEqual({ type: 'spread', field: 'attribute:ecs.availability-zone' });
    expect(shorthand('awsvpcConfiguration={subnets=[subnet-a,subnet-b],assignPublicIp=ENABLED}')).toEqual({ awsvpcConfiguration: { subnets: ['subnet-a', 'subnet-b'], assignPublicIp: 'ENABLED' } });
    expect(shorthand('a=[x')).toBe("expected ']'");
  });

  it('turns options into the request by the API model: numbers, lists of structures, booleans', () => {
    const p = parseCommand('aws ecs run-task --cluster demo --task-definition web:2 --count 3 --placement-strategy type=spread,field=instanceId type=binpack,field=memory --enable-execute-command');
    expect(p).toEqual({
      kind: 'aws', service: 'ecs', operation: 'RunTask', call: 'ecs.RunTask',
      input: { cluster: 'demo', taskDefinition: 'web:2', count: 3, placementStrategy: [{ type: 'spread', field: 'instanceId' }, { type: 'binpack', field: 'memory' }], enableExecuteCommand: true },
    });
    const svc = parseCommand('aws ecs create-service --service-name web --task-definition web --desired-count 2 --network-configuration "awsvpcConfiguration={subnets=[subnet-us-east-1a],assignPublicIp=DISABLED}"');
    expect(svc).toMatchObject({ input: { desiredCount: 2, networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-us-east-1a'], assignPublicIp: 'DISABLED' } } } });
    expect(parseCommand('aws application-autoscaling register-scalable-target --service-namespace ecs --min-capacity 1 --max-capacity 4')).toMatchObject({ input: { ServiceNamespace: 'ecs', MinCapacity: 1, MaxCapacity: 4 } });
  });

  it('reads --cli-input-json from an editor file, options winning', () => {
    const p = parseCommand('aws ecs register-task-definition --cli-input-json file://td.json --family other', { 'td.json': '{"family": "web", "containerDefinitions": []}' });
    expect(p).toMatchObject({ input: { family: 'other', containerDefinitions: [] } });
    expect(parseCommand('aws ecs register-task-definition --cli-input-json file://nope.json')).toMatchObject({ kind: 'error', exitCode: 252, message: expect.stringContaining('Unable to load paramfile file://nope.json') });
  });

  it('gives the AWS CLI error text for bad input', () => {
    expect(parseCommand('aws ecs run-task --cluster demo')).toMatchObject({ exitCode: 252, message: expect.stringContaining('aws: error: the following arguments are required: --task-definition') });
    expect(parseCommand('aws ecs run-task --task-definition web --colour blue')).toMatchObject({ exitCode: 252, message: expect.stringContaining('Unknown options: --colour, blue') });
    expect(parseCommand('aws ecs run-tusk')).toMatchObject({ exitCode: 252, message: expect.stringContaining("Invalid choice: 'run-tusk'") });
    expect(parseCommand('aws ecs run-task --task-definition web --count many')).toMatchObject({ exitCode: 252, message: expect.stringContaining("invalid int value: 'many'") });
    expect(parseCommand('kubectl get pods')).toMatchObject({ exitCode: 127 });
  });

  it('never throws, whatever the line', () => {
    fc.assert(fc.property(fc.string({ maxLength: 120 }), (line) => {
      parseCommand(line);
      complete(line);
      complete(`copilot ${line}`);
      complete(`aws ${line}`);
      parseCommand(`aws ecs run-task ${line}`);
      parseCommand(`aws ecs create-service --network-configuration ${line}`);
    }), { numRuns: 500 });
    const word = fc.constantFrom('aws', 'ecs', 'run-task', '--cluster', '--count', '--placement-strategy', 'type=spread', '[', '{', '"', "'", '=', ',', 'x', '--no-enable-execute-command', 'file://a');
    fc.assert(fc.property(fc.array(word, { maxLength: 12 }), (ws) => {
      const sim = new Sim();
      const r = runCommand(sim, ws.join(' '), newSession({ a: '{' }));
      expect(typeof r.exitCode).toBe('number');
    }), { numRuns: 300 });
  });
});

describe('tab completion', () => {
  it('completes commands, services, operations and an ECS operation\'s options from the parser\'s tables', () => {
    expect(complete('aw')).toEqual({ line: 'aws ', candidates: ['aws'] });
    expect(complete('aws ecs run')).toEqual({ line: 'aws ecs run-task ', candidates: ['run-task'] });
    expect(complete('aws ecs describe-t')).toEqual({ line: 'aws ecs describe-task', candidates: ['describe-task-definition', 'describe-tasks'] });
    expect(complete('aws ecs run-task --clu').line).toBe('aws ecs run-task --cluster ');
    expect(complete('aws ecs run-task --cluster demo --c').candidates).toEqual(['--capacity-provider-strategy', '--cli-input-json', '--client-token', '--count']);
    expect(complete('copilot svc d').line).toBe('copilot svc deploy ');
    expect(complete('kubectl ').candidates).toEqual([]);
    expect(complete('copilot __proto__ ').candidates).toEqual([]);
    expect(complete('aws __proto__ x').candidates).toEqual([]);
    expect(parseCommand('aws __proto__ list')).toMatchObject({ kind: 'error', exitCode: 252 });
  });
});

describe('console output', () => {
  it('prints times in ISO 8601 as the AWS CLI v2 does, leaving other numbers alone', () => {
    expect(cliTimestamps({ tasks: [{ createdAt: 1735689612.5, cpu: '256', startedAt: 1735689700 }], count: 1735689700 })).toEqual({
      tasks: [{ createdAt: '2025-01-01T00:00:12.500000+00:00', cpu: '256', startedAt: '2025-01-01T00:01:40+00:00' }], count: 1735689700,
    });
    const r = runCommand(new Sim(), 'aws ecs register-task-definition --family web --container-definitions name=web,image=nginx,memory=256');
    expect(r.output).toContain('"registeredAt": "2025-01-01T00:00:00+00:00"');
  });
});

describe('console on the engine', () => {
  it('a learner creates a cluster, waits for instances, spreads tasks over the zones, and reads the CLI error for a missing cluster', () => {
    const sim = new Sim({ seed: 'console' });
    const run = (l: string) => runCommand(sim, l);
    expect(run('aws ecs create-cluster --cluster-name demo').exitCode).toBe(0);
    expect(run('sim launch-instances --cluster demo --count 3').exitCode).toBe(0);
    expect(run('aws ecs register-task-definition --family web --container-definitions name=web,image=nginx,memory=256').exitCode).toBe(0);
    expect(run('aws ecs run-task --cluster demo --task-definition web --count 3')).toMatchObject({
      exitCode: 254, output: '\nAn error occurred (InvalidParameterException) when calling the RunTask operation: No Container Instances were found in your cluster.',
    });
    expect(run('sleep 2m').exitCode).toBe(0);
    const ran = run('aws ecs run-task --cluster demo --task-definition web --count 3 --placement-strategy type=spread,field=attribute:ecs.availability-zone');
    expect(ran.exitCode).toBe(0);
    expect(ran.output).toMatch(/^\{\n {4}"tasks": \[/);
    const zones = (JSON.parse(ran.output) as { tasks: { availabilityZone: string }[] }).tasks.map((t) => t.availabilityZone).sort();
    expect(zones).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    expect(run(`aws ecs register-task-definition --cli-input-json '{"family": 5, "containerDefinitions": []}'`)).toMatchObject({
      exitCode: 252, output: expect.stringMatching(/^\nParameter validation failed:\nInvalid type for parameter family, value: 5, type: <class 'int'>/),
    });
    expect(run('aws ecs list-tasks --cluster nope')).toMatchObject({ exitCode: 254, output: expect.stringContaining('An error occurred (ClusterNotFoundException) when calling the ListTasks operation: Cluster not found.') });
  });

  it('sim console reads commands from standard input and adds them to the JSON report', () => {
    let out = '';
    const code = cli(['console', '--json', '--file', 'td=td.json'], {
      out: (s) => (out += s), err: () => undefined,
      read: () => '{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 128}]}',
      stdin: () => 'aws ecs create-cluster --cluster-name demo\nsim launch-instances --cluster demo --count 1\nsleep 90s\naws ecs register-task-definition --cli-input-json file://td\naws ecs run-task --cluster demo --task-definition web\nsleep 1m\n',
    });
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.console.map((c: { exitCode: number }) => c.exitCode)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(report.tasks).toEqual([expect.objectContaining({ lastStatus: 'RUNNING' })]);
    expect(report.clock).toBe(150);
  });
});

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
