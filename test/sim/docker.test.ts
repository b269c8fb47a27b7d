import { describe, expect, it } from 'vitest';
import { Sim } from '../../src/sim';

describe('compose start order on the local host', () => {
  it('starts every container whose dependencies one event satisfies, and their dependents after them, each once', () => {
    // Images Docker Hub has (official ones), so that the host pulls them.
    const sim = new Sim({ images: { 'postgres:16': { readySeconds: 1 } } });
    sim.call('docker.ComposeUp', {
      project: 'p',
      services: [
        { name: 'db', image: 'postgres:16', healthcheck: { test: ['CMD', 'x'], intervalSeconds: 2 } },
        { name: 'a', image: 'nginx:1', dependsOn: { db: 'service_healthy' } },
        { name: 'b', image: 'httpd:2', dependsOn: { db: 'service_healthy' } },
        { name: 'c', image: 'redis:7', dependsOn: { a: 'service_started' } },
      ],
    });
    sim.runUntil(10_000);
    const ps = (sim.call('docker.ComposePs', { project: 'p' }).output as { containers: { Names: string; State: string }[] }).containers;
    expect(ps.map((c) => `${c.Names}:${c.State}`)).toEqual(['p-db-1:running', 'p-a-1:running', 'p-b-1:running', 'p-c-1:running']);
    const started = sim.events.filter((e) => e.type === 'ContainerStarted').map((e) => `${String(e.container)}@${e.t}`);
    expect(started).toEqual(['p-db-1@0', 'p-a-1@2000', 'p-b-1@2000', 'p-c-1@2000']);
  });
});

describe('what an application on the local host answers', () => {
  it('its routes and what lies under them; its pages (/) every other path, but the API answers 404 under its own prefix', () => {
    const sim = new Sim({ images: { 'forum:0': { routes: { '/api/users': { cpuMs: 5 }, '/api/posts': { cpuMs: 5 }, '/': { cpuMs: 1 } } } } });
    sim.call('docker.ProcessStart', { name: 'forum', port: 3000, image: 'forum:0' });
    const status = (path: string) => (sim.call('docker.Curl', { url: `http://localhost:3000${path}` }).output as { status: number }).status;
    expect(['/', '/api/users', '/api/users/7', '/about', '/threads/3', '/api/nope', '/api/'].map(status)).toEqual([200, 200, 200, 200, 200, 404, 404]);
  });
});
