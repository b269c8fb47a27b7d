import { describe, expect, it } from 'vitest';
import { Sim } from '../../../src/sim';
import { ok, refused } from '../../support/simapiWorld';

describe('what an application on the local host answers', () => {
  it('its routes and what lies under them; its pages (/) every other path, but the API answers 404 under its own prefix', () => {
    const sim = new Sim({ images: { 'forum:0': { routes: { '/api/users': { cpuMs: 5 }, '/api/posts': { cpuMs: 5 }, '/': { cpuMs: 1 } } } } });
    sim.call('docker.ProcessStart', { name: 'forum', port: 3000, image: 'forum:0' });
    const status = (path: string) => (sim.call('docker.Curl', { url: `http://localhost:3000${path}` }).output as { status: number }).status;
    expect(['/', '/api/users', '/api/users/7', '/about', '/threads/3', '/api/nope', '/api/'].map(status)).toEqual([200, 200, 200, 200, 200, 404, 404]);
  });
});

describe('containers', () => {
  it('run (pulling the image), answer on their published port, stop, and are removed only once stopped', () => {
    const sim = new Sim();
    const run = ok(sim, 'docker.Run', { image: 'nginx:1.27', name: 'web', ports: ['8080:80'] });
    expect(run.pulled[0]).toBe("Unable to find image 'nginx:1.27' locally");
    sim.runUntil(10_000);
    expect(ok(sim, 'docker.Ps').containers).toEqual([
      { ID: run.id.slice(0, 12), Names: 'web', Image: 'nginx:1.27', State: 'running', Status: 'Up 10 seconds', ExitCode: 0, Ports: '0.0.0.0:8080->80/tcp', Networks: 'bridge', RestartCount: 0 },
    ]);
    expect(ok(sim, 'docker.Curl', { url: 'http://localhost:8080/' })).toEqual({ status: 200, container: 'web', path: '/' });
    expect(ok(sim, 'docker.Exec', { container: 'web', command: ['hostname'] })).toEqual({ output: run.id.slice(0, 12), exitCode: 0 });
    expect(refused(sim, 'docker.Rm', { container: 'web' }).message).toBe('Error response from daemon: cannot remove container "/web": container is running: stop the container before removing or force remove');
    ok(sim, 'docker.Stop', { container: 'web' });
    sim.runUntil(20_000);
    expect(ok(sim, 'docker.Ps').containers).toEqual([]);
    expect(ok(sim, 'docker.Ps', { all: true }).containers.map((c: { State: string; Status: string }) => [c.State, c.Status])).toEqual([['exited', 'Exited (0) 10 seconds ago']]);
    ok(sim, 'docker.Rm', { container: 'web' });
    expect(refused(sim, 'docker.Rm', { container: 'web' })).toEqual({ code: 'DockerError', message: 'Error response from daemon: No such container: web' });
  });

  it('run only the commands the sandbox knows inside', () => {
    const sim = new Sim();
    ok(sim, 'docker.Run', { image: 'nginx:1.27', name: 'web' });
    sim.runUntil(10_000);
    expect(refused(sim, 'docker.Exec', { container: 'web', command: ['ls'] }).message).toBe(
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "ls": the sandbox runs env, printenv, hostname, getent hosts <name>, nslookup <name> and ping <name> inside containers',
    );
  });
});

describe('docker.Curl', () => {
  it('fails as curl fails on a port nothing listens on and a host it cannot resolve', () => {
    const sim = new Sim();
    expect(refused(sim, 'docker.Curl', { url: 'http://localhost:9999/' })).toEqual({ code: 'CurlError', message: "curl: (7) Failed to connect to localhost port 9999 after 0 ms: Couldn't connect to server" });
    expect(refused(sim, 'docker.Curl', { url: 'http://example.com/x' })).toEqual({ code: 'CurlError', message: 'curl: (6) Could not resolve host: example.com' });
  });
});

describe('docker.NetworkCreate', () => {
  it('creates a network once', () => {
    const sim = new Sim();
    expect(ok(sim, 'docker.NetworkCreate', { name: 'net' })).toEqual({ name: 'net' });
    expect(refused(sim, 'docker.NetworkCreate', { name: 'net' }).message).toBe('Error response from daemon: network with name net already exists');
    expect(refused(sim, 'docker.NetworkCreate', { name: '-x' }).message).toBe('Error response from daemon: invalid network name "-x"');
  });
});

describe('processes on the host', () => {
  it('listen on a port one at a time, restart with a new pid, and stop', () => {
    const sim = new Sim();
    expect(ok(sim, 'docker.ProcessStart', { name: 'api', port: 3000 }).port).toBe(3000);
    expect(refused(sim, 'docker.ProcessStart', { name: 'other', port: 3000 }).message).toBe('Error: listen EADDRINUSE: address already in use :::3000');
    const before = ok(sim, 'docker.ProcessList').processes[0].pid as number;
    expect(refused(sim, 'docker.ProcessStart', { name: 'api', port: 3001 }).message).toBe(`process api is already running (pid ${before})`);
    expect(ok(sim, 'docker.ProcessRestart', { name: 'api' }).pid).toBe(before + 1);
    expect(ok(sim, 'docker.ProcessStop', { name: 'api' })).toEqual({ name: 'api', state: 'exited' });
    expect(ok(sim, 'docker.ProcessList').processes).toEqual([{ name: 'api', pid: before + 1, port: 3000, state: 'exited', exitCode: 0, restarts: 1 }]);
    expect(refused(sim, 'docker.ProcessStop', { name: 'ghost' }).message).toBe('no process ghost');
  });

  it('count steady traffic by second; a port never sent traffic has no statistics', () => {
    const sim = new Sim({ images: { 'forum:0': { routes: { '/': { cpuMs: 1 } } } } });
    ok(sim, 'docker.ProcessStart', { name: 'forum', port: 3000, image: 'forum:0' });
    expect(refused(sim, 'docker.TrafficStats', { port: 3000 }).message).toBe('no traffic was sent to port 3000');
    ok(sim, 'docker.SetTraffic', { port: 3000, requestsPerSecond: 10 });
    sim.runUntil(5_000);
    const stats = ok(sim, 'docker.TrafficStats', { port: 3000 });
    expect(stats).toMatchObject({ port: 3000, path: '/', requestsPerSecond: 10, failuresByReason: {} });
    expect(stats.total.ok).toBe(50);
    expect(stats.total.failed).toBe(0);
    expect(refused(sim, 'docker.SetTraffic', { port: 3000, paths: ['api'], requestsPerSecond: 1 }).message).toBe('paths start with /');
  });
});
