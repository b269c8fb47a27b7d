import { describe, expect, it } from 'vitest';
import { newSession, runCommand } from '../../../../src/content/console';
import { Sim } from '../../../../src/sim';

const DOCKERFILE = 'FROM node:20-alpine\nWORKDIR /srv\nCOPY . .\nENV PORT=3000\nEXPOSE 3000\nCMD ["node", "server.js"]\n';
const compose = (api: string, db = '') => `services:\n  api:\n    build: .\n    ports:\n      - "3000:3000"\n${api}  db:\n    image: postgres:16\n${db}`;

/** The forum of the lessons: an API that connects to its database at start, and a database that needs 8 s. */
function world(files: Record<string, string>) {
  const sim = new Sim({
    seed: 'docker',
    images: {
      'forum:1': { readySeconds: 2, routes: { '/api/users': { cpuMs: 5 }, '/': { cpuMs: 1 } } },
      'shop-api:latest': { readySeconds: 2, connectsTo: { hostEnv: 'DB_HOST', port: 5432 } },
      'postgres:16': { readySeconds: 8 },
    },
  });
  const session = newSession(files);
  return { sim, run: (l: string) => runCommand(sim, l, session) };
}

describe('the local Docker host', () => {
  it('L2: build an image, run it with a published port, reach it once it listens; a taken port is refused as Docker refuses it', () => {
    const { run } = world({ Dockerfile: DOCKERFILE });
    expect(run('docker build -t forum:1 .').output).toMatch(/^Successfully built [0-9a-f]{12}\nSuccessfully tagged forum:1$/);
    expect(run('docker run -d -p 8080:3000 --name web forum:1')).toMatchObject({ exitCode: 0, output: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(run('curl http://localhost:8080/')).toEqual({ command: 'curl http://localhost:8080/', exitCode: 56, output: 'curl: (56) Recv failure: Connection reset by peer\nhint: web is not accepting connections yet' });
    run('sleep 3s');
    expect(run('curl http://localhost:8080/api/users').output).toBe('200 OK /api/users');
    expect(run('curl http://localhost:9999/').exitCode).toBe(7);
    expect(run('docker run -d -p 8080:3000 --name web2 forum:1')).toMatchObject({ exitCode: 125, output: expect.stringContaining('Bind for 0.0.0.0:8080 failed: port is already allocated') });
    expect(run('docker run -d --name web forum:1').output).toContain('Conflict. The container name "/web" is already in use by container');
    expect(run('docker ps -a').output).toMatch(/CONTAINER ID {3}IMAGE {5}STATUS {9}PORTS {20}NAMES\n[0-9a-f]{12} {3}forum:1 {3}Up 3 seconds {3}0\.0\.0\.0:8080->3000\/tcp {3}web\n[0-9a-f]{12} {3}forum:1 {3}Created/);
    expect(run('docker rm web').output).toBe('Error response from daemon: cannot remove container "/web": container is running: stop the container before removing or force remove');
    run('docker stop web');
    run('sleep 1s');
    expect(run('docker ps -a').output).toMatch(/Exited \(0\) 1 seconds ago/);
    expect(run('docker rm web').exitCode).toBe(0);
    expect(run('docker push forum:2').output).toBe('An image does not exist locally with the tag: forum:2');
    // A local name with no registry is docker.io/library/forum, which this host may not push to.
    const pushed = run('docker push forum:1');
    expect(pushed.exitCode).toBe(1);
    expect(pushed.output).toMatch(/^The push refers to repository \[docker\.io\/library\/forum\]\n([0-9a-f]{12}: Preparing\n)+denied: requested access to the resource is denied$/);
  });

  it('L2 trap: publishing 80:80 when the app listens on 3000 resets the connection, and says why', () => {
    const { run } = world({ Dockerfile: DOCKERFILE });
    run('docker build -t forum:1 .');
    run('docker run -d -p 80:80 --name web forum:1');
    run('sleep 5s');
    expect(run('curl http://localhost/')).toEqual({
      command: 'curl http://localhost/',
      exitCode: 56,
      output: 'curl: (56) Recv failure: Connection reset by peer\nhint: nothing listens on container port 80 in web (the image exposes 3000)',
    });
  });

  it('inside a container: env, and names resolved on the project network but not on the default bridge', () => {
    const { run } = world({
      Dockerfile: DOCKERFILE,
      'compose.yaml': compose('    environment:\n      DB_HOST: db\n    depends_on:\n      db:\n        condition: service_healthy\n', '    healthcheck:\n      test: ["CMD", "pg_isready"]\n      interval: 2s\n      retries: 5\n'),
    });
    run('docker compose -p shop up -d');
    run('docker run -d --name lonely postgres:16');
    run('sleep 10s');
    expect(run('docker compose -p shop exec api env').output).toMatch(/^HOSTNAME=[0-9a-f]{12}\nPORT=3000\nDB_HOST=db$/);
    expect(run('docker compose -p shop exec api getent hosts db')).toEqual({ command: 'docker compose -p shop exec api getent hosts db', exitCode: 0, output: '172.18.0.2       db' });
    expect(run('docker compose -p shop exec api getent hosts localhost').output).toBe('127.0.0.1       localhost');
    expect(run('docker exec lonely ping db')).toMatchObject({ exitCode: 1, output: "ping: bad address 'db'" });
    expect(run('docker exec lonely ls /').output).toContain('the sandbox runs env, printenv, hostname, getent hosts <name>');
  });

  it('L2 check: steady traffic through the published port succeeds once the app listens; through 80:80 it fails with the reason', () => {
    const { run, sim } = world({ Dockerfile: DOCKERFILE });
    run('docker build -t forum:1 .');
    run('docker run -d -p 80:3000 --name web forum:1');
    expect(run('traffic http://localhost:80/api/users 2').output).toBe('Sending 2 requests a second to localhost:80/api/users.');
    run('sleep 40s');
    expect(run('traffic stats 80').output).toBe('localhost:80/api/users at 2/s: last 30 s 60 ok, 0 failed; in all 78 ok, 2 failed\n  2 failed: web is not accepting connections yet');
    run('docker rm -f web');
    run('docker run -d -p 80:80 --name wrong forum:1');
    run('sleep 10s');
    expect(run('traffic stats 80 10').output).toContain('last 10 s 0 ok, 20 failed');
    expect(run('traffic stats 80').output).toContain('failed: nothing listens on container port 80 in wrong (the image exposes 3000)');
    expect(sim.events.filter((e) => e.type === 'LocalRequestsFailing').map((e) => e.message)).toContain('Requests to localhost:80/api/users are failing: nothing listens on container port 80 in wrong (the image exposes 3000).');
    expect(run('traffic http://localhost:80/ 0').output).toBe('Stopped the traffic to localhost:80.');
  });

  it('without -p the project is the file\'s name:, else "sandbox"', () => {
    const { run } = world({ 'compose.yaml': 'name: shop\nservices:\n  db:\n    image: postgres:16\n', 'other.yaml': 'services:\n  db:\n    image: postgres:16\n' });
    expect(run('docker compose up -d').output).toContain(' Container shop-db-1  Created');
    expect(run('docker compose -f other.yaml up -d').output).toContain(' Container sandbox-db-1  Created');
  });

  it('a Dockerfile without FROM, or with an unknown instruction, is refused with its line', () => {
    const { run } = world({ Dockerfile: 'EXPOSE 3000\n', Bad: 'FROM node\nRUNN npm ci\n' });
    expect(run('docker build -t x:1 .').output).toBe('Dockerfile: no FROM instruction: a build starts from a base image');
    expect(run('docker build -t x:1 -f Bad .').output).toBe('Dockerfile:2: unknown instruction: RUNN');
  });

  it('L3: a bare depends_on starts the API before the database accepts connections, and it dies: the readiness race', () => {
    const { run } = world({ Dockerfile: DOCKERFILE, 'compose.yaml': compose('    environment:\n      DB_HOST: db\n    depends_on:\n      - db\n') });
    // Compose's progress as it prints it off a terminal: the database is created and started first, then the API that depends on it.
    expect(run('docker compose -p shop up -d').output).toBe(
      [
        ' Image shop-api  Built',
        ' Network shop_default  Creating',
        ' Network shop_default  Created',
        ' Container shop-db-1  Creating',
        ' Container shop-db-1  Created',
        ' Container shop-api-1  Creating',
        ' Container shop-api-1  Created',
        ' Container shop-db-1  Starting',
        ' Container shop-db-1  Started',
        ' Container shop-api-1  Starting',
        ' Container shop-api-1  Started',
      ].join('\n'),
    );
    run('sleep 10s');
    // ps lists the running containers only; -a (--all) the exited API too.
    expect(run('docker compose -p shop ps').output).not.toContain('shop-api-1');
    const ps = run('docker compose -p shop ps -a').output;
    expect(run('docker compose -p shop ps --all').output).toBe(ps);
    expect(ps).toMatch(/shop-api-1 +shop-api:latest +api +Exited \(1\)/);
    expect(ps).toMatch(/shop-db-1 +postgres:16 +db +Up 10 seconds/);
    expect(run('docker compose -p shop logs api').output).toBe('shop-api-1  | starting shop-api:latest\nshop-api-1  | Error: connect ECONNREFUSED db:5432');
    expect(run('curl localhost:3000/').exitCode).toBe(7);
    // Starting it again by hand once the database is up works: the race, not the configuration, was the problem.
    expect(run('docker compose -p shop restart api').output).toBe(' Container shop-api-1  Restarting\n Container shop-api-1  Restarted');
    run('sleep 3s');
    expect(run('curl localhost:3000/').output).toBe('200 OK /');
  });

  it('L3: localhost inside a container is the container itself', () => {
    const { run } = world({
      Dockerfile: DOCKERFILE,
      'compose.yaml': compose('    environment:\n      DB_HOST: localhost\n    depends_on:\n      db:\n        condition: service_healthy\n', '    healthcheck:\n      test: ["CMD", "pg_isready"]\n      interval: 2s\n      retries: 5\n'),
    });
    run('docker compose -p shop up');
    run('sleep 20s');
    expect(run('docker compose -p shop logs api').output).toContain('Error: connect ECONNREFUSED 127.0.0.1:5432');
  });

  it('L3 fixed: a healthcheck and condition service_healthy start the API once the database is ready', () => {
    const { run, sim } = world({
      Dockerfile: DOCKERFILE,
      'compose.yaml': compose('    environment:\n      DB_HOST: db\n    depends_on:\n      db:\n        condition: service_healthy\n', '    healthcheck:\n      test: ["CMD", "pg_isready"]\n      interval: 2s\n      retries: 5\n'),
    });
    // The API waits for the database's health check: up says so and returns, as with -d.
    expect(run('docker compose -p shop up -d').output).toMatch(/ Container shop-db-1 {2}Starting\n Container shop-db-1 {2}Started\n Container shop-db-1 {2}Waiting$/);
    run('sleep 5s');
    expect(run('docker compose -p shop ps -a').output).toMatch(/shop-api-1 +shop-api:latest +api +Created/);
    run('sleep 10s');
    expect(run('docker compose -p shop ps').output).toMatch(/shop-db-1 +postgres:16 +db +Up 15 seconds \(healthy\)/);
    expect(run('docker compose -p shop logs api').output).toContain('connected to db:5432');
    expect(run('curl http://localhost:3000/').output).toBe('200 OK /');
    // The database accepts connections at 8 s and its check every 2 s passes then; the API starts at that moment.
    expect(sim.events.find((e) => e.type === 'ContainerStarted' && e.message.includes('shop-api-1'))!.t).toBe(8_000);
    expect(run('docker compose -p shop down').output).toBe(
      [...['api', 'db'].flatMap((s) => ['Stopping', 'Stopped', 'Removing', 'Removed'].map((x) => ` Container shop-${s}-1  ${x}`)), ' Network shop_default  Removing', ' Network shop_default  Removed'].join('\n'),
    );
  });

  it("a restart policy retries until the database is there, with Docker's doubling delay", () => {
    const { run, sim } = world({ Dockerfile: DOCKERFILE, 'compose.yaml': compose('    restart: on-failure\n    environment:\n      DB_HOST: db\n    depends_on:\n      - db\n') });
    run('docker compose -p shop up -d');
    run('sleep 30s');
    expect(run('curl http://localhost:3000/').output).toBe('200 OK /');
    const exits = sim.events.filter((e) => e.type === 'ContainerExited').length;
    expect(exits).toBeGreaterThanOrEqual(3);
    expect(run('docker compose -p shop ps').output).toMatch(/shop-api-1 +shop-api:latest +api +Up/);
  });

  it('service_healthy on a dependency without a healthcheck is refused as compose refuses it', () => {
    const { run } = world({ Dockerfile: DOCKERFILE, 'compose.yaml': compose('    depends_on:\n      db:\n        condition: service_healthy\n') });
    run('docker compose -p shop up -d');
    run('sleep 1s');
    expect(run('docker compose -p shop logs api').output).toBe('shop-api-1  | dependency failed to start: container shop-db-1 has no healthcheck configured');
  });

  it('an image built here and not pushed cannot be pulled by ECS; pushed to its ECR repository it can', () => {
    const { run } = world({ Dockerfile: DOCKERFILE });
    run('docker build -t forum:3 .');
    run('aws ecs create-cluster --cluster-name forum');
    run('sim launch-instances --cluster forum --count 1');
    run('sleep 1m');
    run('aws ecs register-task-definition --family forum --container-definitions name=forum,image=forum:3,memory=256');
    run('aws ecs run-task --cluster forum --task-definition forum');
    run('sleep 1m');
    const stopped = JSON.parse(run('aws ecs describe-tasks --cluster forum --tasks ' + (JSON.parse(run('aws ecs list-tasks --cluster forum --desired-status STOPPED').output) as { taskArns: string[] }).taskArns[0]!).output) as {
      tasks: { stoppedReason: string }[];
    };
    expect(stopped.tasks[0]!.stoppedReason).toBe('CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref docker.io/library/forum:3: docker.io/library/forum:3: not found');
    const uri = '123456789012.dkr.ecr.us-east-1.amazonaws.com/forum:3';
    run('aws ecr create-repository --repository-name forum');
    run(`docker login --username AWS --password ${run('aws ecr get-login-password').output} 123456789012.dkr.ecr.us-east-1.amazonaws.com`);
    run(`docker tag forum:3 ${uri}`);
    expect(run(`docker push ${uri}`).exitCode).toBe(0);
    run(`aws ecs register-task-definition --family forum --container-definitions name=forum,image=${uri},memory=256`);
    run('aws ecs run-task --cluster forum --task-definition forum:2');
    run('sleep 1m');
    expect((JSON.parse(run('aws ecs list-tasks --cluster forum --desired-status RUNNING').output) as { taskArns: string[] }).taskArns).toHaveLength(1);
  });

  it('L4: the same Compose file goes to ECS for review, then a task runs from the image pushed to ECR', () => {
    const { run } = world({ Dockerfile: DOCKERFILE });
    const registry = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
    run('docker build -t forum:1 .');
    run('aws ecr create-repository --repository-name forum');
    run(`docker login -u AWS -p ${run('aws ecr get-login-password').output} ${registry}`);
    run(`docker tag forum:1 ${registry}/forum:1`);
    run(`docker push ${registry}/forum:1`);
    run('aws ecs create-cluster --cluster-name forum');
    run('sim launch-instances --cluster forum --count 1');
    run('sleep 1m');
    expect(run(`aws ecs register-task-definition --family forum --container-definitions name=forum,image=${registry}/forum:1,memory=256,portMappings=[{containerPort=3000}]`).exitCode).toBe(0);
    const ran = run('aws ecs run-task --cluster forum --task-definition forum');
    expect(ran.exitCode).toBe(0);
    run('sleep 1m');
    expect(run('aws ecs list-tasks --cluster forum --desired-status RUNNING').output).toMatch(/"taskArns": \[\n\s+"arn:aws:ecs:us-east-1:123456789012:task\/forum\/[0-9a-f]{32}"/);
  });

  it('L4 from the console: translate the Compose file, register the task definitions it wrote, run them on Fargate', () => {
    const composeFile =
      'services:\n  api:\n    image: forum:1\n    ports: ["3000:3000"]\n    environment:\n      DB_HOST: db\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready"]\n      interval: 5s\n';
    const { run } = world({ 'compose.yaml': composeFile });
    const t = run('translate --project shop');
    expect(t.exitCode).toBe(0);
    expect(t.output).toContain('Wrote ecs/shop-api.json: shop-api (256 CPU, 512 MiB, 1 container)');
    expect(t.output).toContain('api: depends_on orders service creation only (after db); it does not wait for readiness on ECS.');
    expect(t.output).toContain('Wrote ecs/shop-db.json: shop-db (256 CPU, 512 MiB, 1 container)');
    run('aws ecs create-cluster --cluster-name shop --capacity-providers FARGATE');
    expect(run('aws ecs register-task-definition --cli-input-json file://ecs/shop-db.json').exitCode).toBe(0);
    expect(run('aws ecs register-task-definition --cli-input-json file://ecs/shop-api.json').exitCode).toBe(0);
    const net = '--network-configuration "awsvpcConfiguration={subnets=[subnet-us-east-1a],assignPublicIp=ENABLED}"';
    expect(run(`aws ecs run-task --cluster shop --task-definition shop-db --launch-type FARGATE ${net}`).exitCode).toBe(0);
    expect(run(`aws ecs run-task --cluster shop --task-definition shop-api --launch-type FARGATE ${net}`).exitCode).toBe(0);
    run('sleep 2m');
    expect((JSON.parse(run('aws ecs list-tasks --cluster shop --desired-status RUNNING').output) as { taskArns: string[] }).taskArns).toHaveLength(2);

    const one = run('translate --project shop --single-task');
    expect(one.output).toContain('Wrote ecs/shop.json: shop (512 CPU, 1024 MiB, 2 containers)');
    expect(one.output).toContain('api: in one task the other containers are on localhost, not under their service names; change DB_HOST.');
    expect(run('aws ecs register-task-definition --cli-input-json file://ecs/shop.json').output).toMatch(/"dependsOn": \[\n\s+\{\n\s+"containerName": "db",\n\s+"condition": "HEALTHY"/);
  });
});
