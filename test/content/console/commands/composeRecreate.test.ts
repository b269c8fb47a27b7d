import { describe, expect, it } from 'vitest';
import { newSession, runCommand, type ConsoleSession } from '../../../../src/content/console';
import { Sim } from '../../../../src/sim';

const DOCKERFILE = 'FROM node:20-alpine\nWORKDIR /srv\nCOPY . .\nEXPOSE 3000\nCMD ["node", "server.js"]\n';
/** L3's project: the API connects to DB_HOST:5432 at start; the database needs 8 s. */
const forum = (dbHost: string, extra = '') =>
  `name: forum\nservices:\n  api:\n    image: "forum:2"\n    ports: ["80:3000"]\n    environment:\n      DB_HOST: ${dbHost}\n${extra}    depends_on:\n      - db\n  db:\n    image: "postgres:16"\n`;

function world() {
  const sim = new Sim({ seed: 'recreate', images: { 'forum:2': { readySeconds: 2, connectsTo: { hostEnv: 'DB_HOST', port: 5432 } }, 'postgres:16': { readySeconds: 8 } } });
  const session: ConsoleSession = newSession({ 'compose.yaml': forum('localhost') });
  const run = (l: string) => runCommand(sim, l, session);
  sim.call('docker.Build', { tag: 'forum:2', dockerfile: DOCKERFILE });
  const ids = () => Object.fromEntries(Object.values(sim.world.docker.containers).map((c) => [c.name, c.id]));
  return { sim, session, run, ids };
}

describe('docker compose up on a project that is still up', () => {
  it('recreates the container whose configuration changed, leaves the running database as it is, and the API keeps the new setting', () => {
    const { sim, session, run, ids } = world();
    run('docker compose up -d');
    run('sleep 10s');
    expect(run('docker compose logs api').output).toContain('Error: connect ECONNREFUSED 127.0.0.1:5432');
    const before = ids();
    session.files['compose.yaml'] = forum('db');
    expect(run('docker compose up -d').output).toBe(
      [' Container forum-db-1  Running', ' Container forum-api-1  Recreate', ' Container forum-api-1  Recreated', ' Container forum-api-1  Starting', ' Container forum-api-1  Started'].join('\n'),
    );
    const after = ids();
    expect(after['forum-db-1']).toBe(before['forum-db-1']);
    expect(after['forum-api-1']).not.toBe(before['forum-api-1']);
    expect(run('docker compose exec api printenv').output).toContain('DB_HOST=db');
    run('sleep 5s');
    // The database was ready all along, so the new API connects: this was not a cold start.
    const logs = run('docker compose logs api').output;
    expect(logs).toContain('forum-api-1  | connected to db:5432');
    expect(logs).not.toContain('ECONNREFUSED');
    expect(run('docker compose ps').output).toMatch(/forum-api-1 +forum:2 +api +Up 5 seconds/);
    expect(sim.events.filter((e) => e.type === 'ContainerStarted' && e.message.includes('forum-db-1'))).toHaveLength(1);
  });

  it('an unchanged project stays as it is: every container Running, no network created', () => {
    const { session, run, ids } = world();
    session.files['compose.yaml'] = forum('db');
    run('docker compose up -d');
    const before = ids();
    // Writing out the default restart policy is the same configuration.
    session.files['compose.yaml'] = forum('db', '    restart: "no"\n');
    expect(run('docker compose up -d').output).toBe(' Container forum-db-1  Running\n Container forum-api-1  Running');
    expect(ids()).toEqual(before);
  });

  it('a rebuilt image recreates the containers made from the old one', () => {
    const { sim, run, ids } = world();
    run('docker compose up -d');
    const before = ids();
    sim.call('docker.Build', { tag: 'forum:2', dockerfile: `${DOCKERFILE}ENV LOG_LEVEL=debug\n` });
    const up = run('docker compose up -d').output;
    expect(up).toContain(' Container forum-api-1  Recreated');
    expect(up).toContain(' Container forum-db-1  Running');
    expect(ids()['forum-db-1']).toBe(before['forum-db-1']);
  });

  it('an exited container whose configuration did not change is started again, not recreated', () => {
    const { run, ids } = world();
    run('docker compose up -d');
    run('sleep 10s');
    const before = ids();
    expect(run('docker compose up -d').output).toBe(' Container forum-db-1  Running\n Container forum-api-1  Created\n Container forum-api-1  Starting\n Container forum-api-1  Started');
    expect(ids()).toEqual(before);
  });
});
