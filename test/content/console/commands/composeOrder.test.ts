import { describe, expect, it } from 'vitest';
import { newSession, runCommand, type ConsoleSession } from '../../../../src/content/console';
import { Sim } from '../../../../src/sim';

const step = (what: string, ...texts: string[]) => texts.map((t) => ` ${what}  ${t}`);

/** A project whose file lists each service before the one it depends on: web → api → db. */
const shop = (dbEnv: string, apiDependsOn = '      - db\n') =>
  `name: shop\nservices:\n  web:\n    image: "nginx:1.27"\n    ports: ["8080:80"]\n    depends_on:\n      - api\n  api:\n    image: "httpd:2.4"\n    depends_on:\n${apiDependsOn}  db:\n    image: "postgres:16"\n    environment:\n      POSTGRES_MAX_CONNECTIONS: "${dbEnv}"\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n      interval: 2s\n`;

function world(file: string) {
  const sim = new Sim({ seed: 'order', images: { 'postgres:16': { readySeconds: 3 } } });
  const session: ConsoleSession = newSession({ 'compose.yaml': file });
  return { sim, session, run: (l: string) => runCommand(sim, l, session) };
}

describe('docker compose in dependency order', () => {
  it('up creates and starts the dependency first although the file lists it last', () => {
    const { sim, run } = world(shop('100'));
    expect(run('docker compose up -d').output).toBe(
      [
        ...step('Network shop_default', 'Creating', 'Created'),
        ...step('Container shop-db-1', 'Creating', 'Created'),
        ...step('Container shop-api-1', 'Creating', 'Created'),
        ...step('Container shop-web-1', 'Creating', 'Created'),
        ...step('Container shop-db-1', 'Starting', 'Started'),
        ...step('Container shop-api-1', 'Starting', 'Started'),
        ...step('Container shop-web-1', 'Starting', 'Started'),
      ].join('\n'),
    );
    expect(sim.events.filter((e) => e.type === 'ContainerStarted').map((e) => e.container)).toEqual(['shop-db-1', 'shop-api-1', 'shop-web-1']);
  });

  it('down stops and removes the dependents before what they depend on, then the network', () => {
    const { run } = world(shop('100'));
    run('docker compose up -d');
    expect(run('docker compose down').output).toBe(
      [
        ...step('Container shop-web-1', 'Stopping', 'Stopped', 'Removing', 'Removed'),
        ...step('Container shop-api-1', 'Stopping', 'Stopped', 'Removing', 'Removed'),
        ...step('Container shop-db-1', 'Stopping', 'Stopped', 'Removing', 'Removed'),
        ...step('Network shop_default', 'Removing', 'Removed'),
      ].join('\n'),
    );
  });

  it('a service_healthy dependent waits for the health check; up says what it waits for', () => {
    const { sim, run } = world(shop('100', '      db:\n        condition: service_healthy\n'));
    const up = run('docker compose up -d').output.split('\n');
    expect(up.slice(-3)).toEqual([...step('Container shop-db-1', 'Starting', 'Started', 'Waiting')]);
    run('sleep 5s');
    const started = sim.events.filter((e) => e.type === 'ContainerStarted').map((e) => `${String(e.container)}@${e.t}`);
    expect(started).toEqual(['shop-db-1@0', 'shop-api-1@4000', 'shop-web-1@4000']);
  });

  it('recreating a dependency stops and restarts the dependent declared with restart: true, and leaves the others running', () => {
    const restart = '      db:\n        condition: service_healthy\n        restart: true\n';
    const { sim, session, run } = world(shop('100', restart));
    run('docker compose up -d');
    run('sleep 10s');
    session.files['compose.yaml'] = shop('200', restart);
    expect(run('docker compose up -d').output).toBe(
      [
        ...step('Container shop-api-1', 'Stopping', 'Stopped'),
        ...step('Container shop-db-1', 'Recreate', 'Recreated'),
        ...step('Container shop-api-1', 'Created'),
        ...step('Container shop-web-1', 'Running'),
        ...step('Container shop-db-1', 'Starting', 'Started', 'Waiting'),
      ].join('\n'),
    );
    run('sleep 5s');
    expect(run('docker compose ps').output).toMatch(/shop-api-1 +httpd:2\.4 +api +Up 1 seconds/);
    const apiStarts = sim.events.filter((e) => e.type === 'ContainerStarted' && e.container === 'shop-api-1').map((e) => e.t);
    expect(apiStarts).toEqual([4000, 14000]);
    expect(sim.events.filter((e) => e.type === 'ContainerStarted' && e.container === 'shop-web-1')).toHaveLength(1);
  });

  it('docker compose restart of a dependency restarts the dependents declared with restart: true, unless --no-deps', () => {
    const restart = '      db:\n        condition: service_healthy\n        restart: true\n';
    const { run } = world(shop('100', restart));
    run('docker compose up -d');
    run('sleep 10s');
    expect(run('docker compose restart db').output).toBe([...step('Container shop-db-1', 'Restarting', 'Restarted'), ...step('Container shop-api-1', 'Restarting', 'Restarted')].join('\n'));
    expect(run('docker compose restart --no-deps db').output).toBe(step('Container shop-db-1', 'Restarting', 'Restarted').join('\n'));
    // The web front depends on the API without restart: restarting the API leaves it alone.
    expect(run('docker compose restart api').output).toBe(step('Container shop-api-1', 'Restarting', 'Restarted').join('\n'));
  });

  it('without restart: true the dependent keeps running while its dependency is recreated', () => {
    const { sim, session, run } = world(shop('100'));
    run('docker compose up -d');
    session.files['compose.yaml'] = shop('200');
    const up = run('docker compose up -d').output;
    expect(up).not.toContain('Stopping');
    expect(up).toContain(' Container shop-api-1  Running');
    expect(sim.events.filter((e) => e.type === 'ContainerExited')).toHaveLength(0);
  });
});
