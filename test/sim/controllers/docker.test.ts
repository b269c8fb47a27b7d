import { describe, expect, it } from 'vitest';
import { Sim } from '../../../src/sim';
import type { ImageBehavior } from '../../../src/sim/model/types';
import { ok } from '../../support/controllerWorld';

type Ev = Record<string, any>;
const at = (sim: Sim, type: string) => (sim.events as readonly Ev[]).filter((e) => e.type === type).map((e) => [e.t, e.container, ...(e.exitCode !== undefined ? [e.exitCode] : []), ...(e.health ? [e.health] : [])]);
const container = (sim: Sim, name: string) => Object.values(sim.world.docker.containers).find((c) => c.name === name)!;
const host = (images: Record<string, ImageBehavior>) => new Sim({ images });

describe('the local Docker host', () => {
  it('refuses to start a container whose published port another running container holds, and leaves it created', () => {
    const sim = host({});
    ok(sim, 'docker.Run', { image: 'nginx:1', name: 'one', ports: ['8080:80'] });
    const r = sim.call('docker.Run', { image: 'nginx:1', name: 'two', ports: ['8080:80'] });
    const two = container(sim, 'two');
    expect(r.error?.message).toBe(`Error response from daemon: driver failed programming external connectivity on endpoint two (${two.id.slice(0, 12)}): Bind for 0.0.0.0:8080 failed: port is already allocated`);
    expect(two.state).toBe('created');
    ok(sim, 'docker.Stop', { container: 'one' });
    sim.runUntil(1_000);
    ok(sim, 'docker.Start', { container: 'two' });
    expect(two.state).toBe('running');
  });

  it('docker stop: SIGTERM, exit 0 after 200 ms; a process that ignores it is killed (137) after 10 s', () => {
    const sim = host({ 'redis:7': { ignoresSigterm: true } });
    ok(sim, 'docker.Run', { image: 'nginx:1', name: 'web' });
    ok(sim, 'docker.Run', { image: 'redis:7', name: 'cache' });
    sim.runUntil(5_000);
    ok(sim, 'docker.Stop', { container: 'web' });
    ok(sim, 'docker.Stop', { container: 'cache' });
    sim.runUntil(20_000);
    expect(at(sim, 'ContainerExited')).toEqual([
      [5_200, 'web', 0],
      [15_000, 'cache', 137],
    ]);
    expect(container(sim, 'cache').logs.at(-1)!.line).toBe('killed after the stop timeout (SIGKILL)');
  });

  it('a restart policy restarts a failed process after 100 ms, doubling each time; on-failure not after exit 0; never after docker stop', () => {
    const sim = host({ 'busybox:1': { exitAfterSeconds: 2, exitCode: 1 }, 'alpine:3': { exitAfterSeconds: 2, exitCode: 0 } });
    ok(sim, 'docker.Run', { image: 'busybox:1', name: 'crashy', restart: 'on-failure' });
    ok(sim, 'docker.Run', { image: 'alpine:3', name: 'done', restart: 'on-failure' });
    ok(sim, 'docker.Run', { image: 'nginx:1', name: 'kept', restart: 'always' });
    sim.runUntil(7_000);
    const starts = at(sim, 'ContainerStarted')
      .filter((e) => e[1] === 'crashy')
      .map((e) => e[0]);
    expect(starts).toEqual([0, 2_100, 4_300, 6_700]);
    expect(container(sim, 'crashy').restartCount).toBe(3);
    expect(container(sim, 'done')).toMatchObject({ state: 'exited', exitCode: 0, restartCount: 0 });
    ok(sim, 'docker.Stop', { container: 'kept' });
    sim.runUntil(20_000);
    expect(container(sim, 'kept').state).toBe('exited');
  });

  it('a HEALTHCHECK: starting, healthy once the process is ready; unhealthy after `retries` failures past the start period', () => {
    const sim = host({ 'postgres:16': { readySeconds: 3 }, 'mysql:8': { healthCheckFails: true } });
    ok(sim, 'docker.Run', { image: 'postgres:16', name: 'db', healthcheck: { test: ['CMD', 'pg_isready'], intervalSeconds: 2, retries: 3 } });
    ok(sim, 'docker.Run', { image: 'mysql:8', name: 'bad', healthcheck: { test: ['CMD', 'true'], intervalSeconds: 2, retries: 2, startPeriodSeconds: 3 } });
    expect(container(sim, 'db').health).toBe('starting');
    sim.runUntil(10_000);
    // db: ready at 3 s, so the check at 2 s fails (one of three) and the one at 4 s passes.
    // bad: checks at 2 s (inside its start period) and 4 s, 6 s count: unhealthy at 6 s.
    expect(at(sim, 'ContainerHealth')).toEqual([
      [4_000, 'db', 'healthy'],
      [6_000, 'bad', 'unhealthy'],
    ]);
  });

  it('an app that connects to a host at start exits 1 when the name does not resolve, or nothing listens there yet', () => {
    const sim = host({ 'postgres:16': { readySeconds: 5 }, 'node:20': { connectsTo: { hostEnv: 'DB_HOST', port: 5432 }, readySeconds: 1 } });
    ok(sim, 'docker.NetworkCreate', { name: 'app' });
    ok(sim, 'docker.Run', { image: 'node:20', name: 'lonely', network: 'app', env: { DB_HOST: 'database' } });
    ok(sim, 'docker.Run', { image: 'postgres:16', name: 'db', network: 'app', ports: ['5432:5432'] });
    ok(sim, 'docker.Run', { image: 'node:20', name: 'early', network: 'app', env: { DB_HOST: 'db' } });
    ok(sim, 'docker.Run', { image: 'node:20', name: 'unset', network: 'app' });
    sim.runUntil(6_000);
    ok(sim, 'docker.Run', { image: 'node:20', name: 'late', network: 'app', env: { DB_HOST: 'db' } });
    sim.runUntil(10_000);
    const last = (name: string) => container(sim, name).logs.at(-1)!.line;
    expect([container(sim, 'lonely').exitCode, last('lonely')]).toEqual([1, 'Error: getaddrinfo ENOTFOUND database']);
    expect([container(sim, 'early').exitCode, last('early')]).toEqual([1, 'Error: connect ECONNREFUSED db:5432']);
    expect([container(sim, 'unset').exitCode, last('unset')]).toEqual([1, 'Error: DB_HOST is not set']);
    expect(container(sim, 'late').state).toBe('running');
    expect(container(sim, 'late').logs.map((l) => l.line)).toContain('connected to db:5432');
  });
});
