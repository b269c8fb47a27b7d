import { describe, expect, it } from 'vitest';
import { Sim } from '../../../src/sim';
import { ok, refused } from '../../support/simapiWorld';

describe('docker run', () => {
  it('names a container itself when no name is given, and publishes ports tcp by default', () => {
    const sim = new Sim();
    const a = ok(sim, 'docker.Run', { image: 'nginx:1.27', ports: ['127.0.0.1:8080:80', '5353:53/udp'] });
    expect(a.name).toMatch(/^[a-z]+_[a-z]+$/);
    const b = ok(sim, 'docker.Run', { image: 'nginx:1.27' });
    expect(b.name).not.toBe(a.name);
    expect(b.pulled).toBeUndefined();
    const ps = ok(sim, 'docker.Ps', { all: true }).containers as { Names: string; Ports: string }[];
    expect(ps.find((c) => c.Names === a.name)!.Ports).toBe('0.0.0.0:8080->80/tcp, 0.0.0.0:5353->53/udp');
  });

  it.each([
    ['no image', {}, '"docker run" requires at least 1 argument: the image'],
    ['a publish spec it cannot read', { image: 'nginx:1.27', ports: ['80'] }, "invalid publish spec '80': use hostPort:containerPort, e.g. 8080:80"],
    ['a port out of range', { image: 'nginx:1.27', ports: ['70000:80'] }, "invalid port in '70000:80'"],
    ['a name with a space', { image: 'nginx:1.27', name: 'my web' }, 'Invalid container name (my web), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed'],
    ['a network that does not exist', { image: 'nginx:1.27', network: 'backend' }, 'Error response from daemon: network backend not found'],
    [
      'an unknown restart policy (refused by the request table first)',
      { image: 'nginx:1.27', restart: 'sometimes' },
      "1 validation error detected: Value 'sometimes' at 'restart' failed to satisfy constraint: Member must satisfy enum value set: [no, always, on-failure, unless-stopped]",
    ],
  ])('refuses %s', (_, input, message) => {
    const sim = new Sim();
    expect(refused(sim, 'docker.Run', input)).toEqual({ code: 'DockerError', message });
    expect(ok(sim, 'docker.Ps', { all: true }).containers).toEqual([]);
  });

  it('refuses a name another container has', () => {
    const sim = new Sim();
    const first = ok(sim, 'docker.Run', { image: 'nginx:1.27', name: 'web' });
    expect(refused(sim, 'docker.Run', { image: 'nginx:1.27', name: 'web' }).message).toBe(
      `docker: Error response from daemon: Conflict. The container name "/web" is already in use by container "${first.id}". You have to remove (or rename) that container to be able to reuse that name.`,
    );
  });

  it('gives the container the environment of its image and of the request, the request winning', () => {
    const sim = new Sim();
    ok(sim, 'docker.Build', { tag: 'app:1', dockerfile: 'FROM node:20-alpine\nENV MODE=dev\nENV PORT=3000\n' });
    ok(sim, 'docker.Run', { image: 'app:1', name: 'app', env: { MODE: 'prod' } });
    sim.runUntil(5_000);
    const env = (ok(sim, 'docker.Exec', { container: 'app', command: ['env'] }).output as string).split('\n');
    expect(env).toContain('MODE=prod');
    expect(env).toContain('PORT=3000');
  });
});
