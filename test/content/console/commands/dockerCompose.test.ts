import { describe, expect, it } from 'vitest';
import { COMPOSE_FILES, COMPOSE_VERBS, composeCommand } from '../../../../src/content/console/commands/dockerCompose';
import type { DockerCall } from '../../../../src/content/console/commands/dockerHost';
import { newSession } from '../../../../src/content/console/session';

type Answer = { ok: true; out: Record<string, unknown> } | { ok: false; msg: string };

/** A Docker host that answers each operation from `answers` (by name, else ok with nothing) and keeps what it was asked. */
function host(answers: Record<string, Answer | ((input: Record<string, unknown>) => Answer)> = {}) {
  const asked: [string, Record<string, unknown>][] = [];
  const call: DockerCall = (op, input) => {
    asked.push([op, input]);
    const a = answers[op];
    return typeof a === 'function' ? a(input) : (a ?? { ok: true, out: {} });
  };
  return { call, asked, ops: () => asked.map(([op]) => op) };
}

const UP: Answer = { ok: true, out: { network: 'sandbox_default', networkCreated: false, containers: [], started: [], waitingFor: [] } };
const row = (service: string, project = 'sandbox') => ({ ID: 'id', Names: `${project}-${service}-1`, Image: 'img', Status: 'Up 1 seconds', Ports: '', Service: service });

const WEB = 'services:\n  web:\n    image: nginx\n';

describe('finding the Compose file and the project', () => {
  it("looks for Compose's default names in its order", () => {
    expect(COMPOSE_FILES).toEqual(['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml']);
    const h = host({ ComposeUp: UP });
    composeCommand(newSession({ 'docker-compose.yml': 'name: old\nservices:\n  a:\n    image: x\n', 'compose.yml': 'name: new\nservices:\n  b:\n    image: x\n' }), ['up'], h.call);
    expect(h.asked[0]).toEqual(['ComposeUp', expect.objectContaining({ project: 'new' })]);
  });

  it('reads the file -f names, and refuses when there is none', () => {
    const h = host({ ComposeUp: UP });
    expect(composeCommand(newSession({ 'stack.yaml': WEB }), ['-f', 'stack.yaml', 'up', '-d'], h.call).exitCode).toBe(0);
    expect(h.ops()).toEqual(['ComposeUp']);
    expect(composeCommand(newSession({ 'compose.yaml': WEB }), ['--file', 'other.yaml', 'up'], h.call)).toEqual({ output: 'no configuration file provided: not found', exitCode: 1 });
    expect(composeCommand(newSession(), ['up'], h.call)).toEqual({ output: 'no configuration file provided: not found', exitCode: 1 });
    expect(h.ops()).toEqual(['ComposeUp']);
  });

  it("names the project by -p, else by the file's name:, else sandbox", () => {
    const project = (files: Record<string, string>, args: string[]) => {
      const h = host({ ComposeUp: UP });
      composeCommand(newSession(files), args, h.call);
      return h.asked[0]![1].project;
    };
    expect(project({ 'compose.yaml': `name: shop\n${WEB}` }, ['-p', 'mine', 'up'])).toBe('mine');
    expect(project({ 'compose.yaml': `name: shop\n${WEB}` }, ['--project-name', 'mine', 'up'])).toBe('mine');
    expect(project({ 'compose.yaml': `name: shop\n${WEB}` }, ['up'])).toBe('shop');
    expect(project({ 'compose.yaml': WEB }, ['up'])).toBe('sandbox');
  });

  it('starts a service with profiles only when --profile names one of them', () => {
    const file = `${WEB}  debug:\n    image: busybox\n    profiles: [dev]\n`;
    const names = (args: string[]) => {
      const h = host({ ComposeUp: UP });
      composeCommand(newSession({ 'compose.yaml': file }), args, h.call);
      return (h.asked[0]![1].services as { name: string }[]).map((s) => s.name);
    };
    expect(names(['up'])).toEqual(['web']);
    expect(names(['--profile', 'dev', 'up'])).toEqual(['web', 'debug']);
  });

  it("prints the file's problems: warnings before what it does, errors instead of it", () => {
    const h = host({ ComposeUp: UP });
    expect(composeCommand(newSession({ 'compose.yaml': `version: "3"\n${WEB}` }), ['up'], h.call)).toEqual({ output: 'compose.yaml:1:1: warning: version: `version` is obsolete and ignored.', exitCode: 0 });
    const bad = composeCommand(newSession({ 'compose.yaml': `${WEB}    bogus: 1\n` }), ['up'], h.call);
    expect(bad).toEqual({ output: 'compose.yaml:4:5: error: services.web.bogus: services.web Additional property bogus is not allowed', exitCode: 1 });
    expect(h.ops()).toEqual(['ComposeUp']);
  });

  it('names the verbs it knows when given another', () => {
    expect(COMPOSE_VERBS).toEqual(['down', 'exec', 'logs', 'ps', 'restart', 'start', 'stop', 'up']);
    const session = newSession({ 'compose.yaml': WEB });
    expect(composeCommand(session, ['build'], host().call)).toEqual({ output: 'unknown docker compose command: build (up, down, ps, logs, exec, start, stop, restart)', exitCode: 1 });
    expect(composeCommand(session, [], host().call).output).toBe('unknown docker compose command:  (up, down, ps, logs, exec, start, stop, restart)');
    expect(composeCommand(session, ['toString'], host().call).exitCode).toBe(1);
  });
});

describe('up', () => {
  it("asks the host for each service's image, environment, dependencies, published ports, restart policy and health check", () => {
    const file = [
      'services:',
      '  web:',
      '    image: nginx',
      '    ports: ["8080:80", "53:53/udp", "9000"]',
      '    restart: always',
      '    environment:',
      '      MODE: prod',
      '    healthcheck:',
      '      disable: true',
      '    depends_on:',
      '      db:',
      '        condition: service_healthy',
      '        restart: true',
      '  db:',
      '    image: postgres:16',
      '    healthcheck:',
      '      test: ["CMD", "pg_isready"]',
      '',
    ].join('\n');
    const h = host({ ComposeUp: UP });
    composeCommand(newSession({ 'compose.yaml': file }), ['up', '-d'], h.call);
    expect(h.asked).toEqual([
      [
        'ComposeUp',
        {
          project: 'sandbox',
          services: [
            { name: 'web', image: 'nginx', env: { MODE: 'prod' }, dependsOn: { db: 'service_healthy' }, restartWith: ['db'], ports: ['8080:80', '53:53/udp'], restart: 'always' },
            { name: 'db', image: 'postgres:16', env: {}, dependsOn: {}, ports: [], healthcheck: { test: ['CMD', 'pg_isready'] } },
          ],
        },
      ],
    ]);
  });

  it("builds a service without an image from the editor's Dockerfile its build context names, as <project>-<service>", () => {
    const file = 'name: shop\nservices:\n  api:\n    build:\n      context: ./api/\n      dockerfile: Dockerfile.prod\n  web:\n    build: ./\n  db:\n    build: db\n';
    const h = host({ ComposeUp: UP });
    const session = newSession({ 'compose.yaml': file, 'api/Dockerfile.prod': 'FROM a', Dockerfile: 'FROM b', 'db/Dockerfile': 'FROM c' });
    const r = composeCommand(session, ['up'], h.call);
    expect(h.asked.slice(0, 3)).toEqual([
      ['Build', { tag: 'shop-api', dockerfile: 'FROM a' }],
      ['Build', { tag: 'shop-web', dockerfile: 'FROM b' }],
      ['Build', { tag: 'shop-db', dockerfile: 'FROM c' }],
    ]);
    expect((h.asked[3]![1].services as { image: string }[]).map((s) => s.image)).toEqual(['shop-api', 'shop-web', 'shop-db']);
    expect(r).toEqual({ output: ' Image shop-api  Built\n Image shop-web  Built\n Image shop-db  Built', exitCode: 0 });
  });

  it('stops at a build that fails, saying which service, and brings nothing up', () => {
    const h = host({ Build: (input) => (input.tag === 'sandbox-b' ? { ok: false, msg: 'no Dockerfile' } : { ok: true, out: {} }) });
    const r = composeCommand(newSession({ 'compose.yaml': 'services:\n  a:\n    build: .\n  b:\n    build: .\n  c:\n    build: .\n' }), ['up'], h.call);
    expect(r).toEqual({ output: ' Image sandbox-a  Built\nfailed to build b: no Dockerfile', exitCode: 1 });
    expect(h.ops()).toEqual(['Build', 'Build']);
  });

  it('prints the progress of each step as Compose prints it without a terminal', () => {
    const h = host({
      ComposeUp: {
        ok: true,
        out: {
          network: 'sandbox_default',
          networkCreated: true,
          containers: [
            { name: 'sandbox-a-1', action: 'Stopped' },
            { name: 'sandbox-b-1', action: 'Created' },
            { name: 'sandbox-c-1', action: 'Recreated' },
            { name: 'sandbox-d-1', action: 'Running' },
            { name: 'sandbox-a-1', action: 'Kept' },
          ],
          started: ['sandbox-b-1'],
          waitingFor: ['sandbox-c-1'],
        },
      },
    });
    expect(composeCommand(newSession({ 'compose.yaml': WEB }), ['up'], h.call).output.split('\n')).toEqual([
      ' Network sandbox_default  Creating',
      ' Network sandbox_default  Created',
      ' Container sandbox-a-1  Stopping',
      ' Container sandbox-a-1  Stopped',
      ' Container sandbox-b-1  Creating',
      ' Container sandbox-b-1  Created',
      ' Container sandbox-c-1  Recreate',
      ' Container sandbox-c-1  Recreated',
      ' Container sandbox-d-1  Running',
      ' Container sandbox-a-1  Created',
      ' Container sandbox-b-1  Starting',
      ' Container sandbox-b-1  Started',
      ' Container sandbox-c-1  Waiting',
    ]);
  });

  it("prints the host's refusal after what it printed before", () => {
    const h = host({ ComposeUp: { ok: false, msg: 'Bind for 0.0.0.0:80 failed: port is already allocated' } });
    expect(composeCommand(newSession({ 'compose.yaml': `version: "3"\n${WEB}` }), ['up'], h.call)).toEqual({
      output: 'compose.yaml:1:1: warning: version: `version` is obsolete and ignored.\nBind for 0.0.0.0:80 failed: port is already allocated',
      exitCode: 1,
    });
  });
});

describe('down, ps and logs', () => {
  it('down prints each container stopped and removed, then the network', () => {
    const h = host({ ComposeDown: { ok: true, out: { removed: ['sandbox-web-1'], network: 'sandbox_default' } } });
    expect(composeCommand(newSession({ 'compose.yaml': WEB }), ['down'], h.call).output.split('\n')).toEqual([
      ' Container sandbox-web-1  Stopping',
      ' Container sandbox-web-1  Stopped',
      ' Container sandbox-web-1  Removing',
      ' Container sandbox-web-1  Removed',
      ' Network sandbox_default  Removing',
      ' Network sandbox_default  Removed',
    ]);
    expect(h.asked).toEqual([['ComposeDown', { project: 'sandbox' }]]);
    expect(composeCommand(newSession({ 'compose.yaml': WEB }), ['down'], host({ ComposeDown: { ok: false, msg: 'nothing' } }).call)).toEqual({ output: 'nothing', exitCode: 1 });
  });

  it("ps lists the project's containers in Compose's columns, the stopped ones too with -a", () => {
    const h = host({ ComposePs: { ok: true, out: { containers: [{ ...row('web'), Ports: '0.0.0.0:8080->80/tcp' }] } } });
    const session = newSession({ 'compose.yaml': WEB });
    expect(composeCommand(session, ['ps'], h.call).output).toBe('NAME            IMAGE   SERVICE   STATUS         PORTS\nsandbox-web-1   img     web       Up 1 seconds   0.0.0.0:8080->80/tcp');
    composeCommand(session, ['ps', '-a'], h.call);
    composeCommand(session, ['ps', '--all'], h.call);
    expect(h.asked.map(([, input]) => input.all)).toEqual([false, true, true]);
  });

  it("logs prints each container's lines after its name, of the services named or of all", () => {
    const h = host({
      ComposePs: { ok: true, out: { containers: [row('api'), row('db')] } },
      Logs: (input) => ({ ok: true, out: { lines: [`hello from ${String(input.container)}`] } }),
    });
    const session = newSession({ 'compose.yaml': WEB });
    expect(composeCommand(session, ['logs'], h.call)).toEqual({ output: 'sandbox-api-1  | hello from sandbox-api-1\nsandbox-db-1  | hello from sandbox-db-1', exitCode: 0 });
    expect(composeCommand(session, ['logs', 'db'], h.call).output).toBe('sandbox-db-1  | hello from sandbox-db-1');
  });
});

describe('start, stop and restart', () => {
  const file =
    'services:\n  web:\n    image: nginx\n    depends_on:\n      api:\n        condition: service_started\n        restart: true\n  api:\n    image: api\n    depends_on:\n      db:\n        condition: service_started\n        restart: true\n  db:\n    image: postgres\n  other:\n    image: x\n';
  const running = () => host({ ComposePs: { ok: true, out: { containers: [row('web'), row('api'), row('db'), row('other')] } } });

  it('stop and start act on every container, or on the services named', () => {
    const h = running();
    const session = newSession({ 'compose.yaml': file });
    expect(composeCommand(session, ['stop', 'db'], h.call)).toEqual({ output: ' Container sandbox-db-1  Stopping\n Container sandbox-db-1  Stopped', exitCode: 0 });
    expect(composeCommand(session, ['start'], h.call).output.split('\n')).toHaveLength(8);
    expect(h.asked.filter(([op]) => op === 'Start').map(([, i]) => i.container)).toEqual(['sandbox-web-1', 'sandbox-api-1', 'sandbox-db-1', 'sandbox-other-1']);
  });

  it('restart of a service restarts those declared to restart with it, transitively, unless --no-deps', () => {
    const restarted = (args: string[]) => {
      const h = running();
      composeCommand(newSession({ 'compose.yaml': file }), ['restart', ...args], h.call);
      return h.asked.filter(([op]) => op === 'Restart').map(([, i]) => i.container);
    };
    expect(restarted(['db'])).toEqual(['sandbox-web-1', 'sandbox-api-1', 'sandbox-db-1']);
    expect(restarted(['api'])).toEqual(['sandbox-web-1', 'sandbox-api-1']);
    expect(restarted(['--no-deps', 'db'])).toEqual(['sandbox-db-1']);
    expect(restarted([])).toEqual(['sandbox-web-1', 'sandbox-api-1', 'sandbox-db-1', 'sandbox-other-1']);
  });

  it("prints the host's refusal for a container it cannot act on, goes on with the others, and ends with status 1", () => {
    const h = host({ ComposePs: { ok: true, out: { containers: [row('api'), row('db')] } }, Stop: (i) => (i.container === 'sandbox-api-1' ? { ok: false, msg: 'cannot stop api' } : { ok: true, out: {} }) });
    expect(composeCommand(newSession({ 'compose.yaml': file }), ['stop'], h.call)).toEqual({ output: 'cannot stop api\n Container sandbox-db-1  Stopping\n Container sandbox-db-1  Stopped', exitCode: 1 });
  });
});

describe('exec', () => {
  it("runs the command in the service's first container, with its output and status", () => {
    const h = host({ Exec: { ok: true, out: { output: 'DB_HOST=db', exitCode: 0 } } });
    expect(composeCommand(newSession({ 'compose.yaml': `name: shop\n${WEB}` }), ['exec', 'web', 'printenv', 'DB_HOST'], h.call)).toEqual({ output: 'DB_HOST=db', exitCode: 0 });
    expect(h.asked).toEqual([['Exec', { container: 'shop-web-1', command: ['printenv', 'DB_HOST'] }]]);
  });

  it('says a service that is not running in Compose’s words, and wants a service and a command', () => {
    const session = newSession({ 'compose.yaml': WEB });
    const h = host({ Exec: { ok: false, msg: 'Error response from daemon: No such container: sandbox-web-1' } });
    expect(composeCommand(session, ['exec', 'web', 'ls'], h.call)).toEqual({ output: 'Error response from daemon: service "web" is not running', exitCode: 1 });
    expect(composeCommand(session, ['exec', 'web'], h.call)).toEqual({ output: '"docker compose exec" requires a service and a command', exitCode: 1 });
    expect(composeCommand(session, ['exec'], h.call).exitCode).toBe(1);
    expect(h.ops()).toEqual(['Exec']);
  });
});
