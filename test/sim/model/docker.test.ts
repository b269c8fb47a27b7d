import { describe, expect, it } from 'vitest';
import { daemonError, newDockerHost, withTag } from '../../../src/sim/model/docker';

describe('the local Docker host', () => {
  it('starts with nothing but the default bridge network, and ids from 1', () => {
    expect(newDockerHost()).toEqual({ processes: {}, images: {}, registry: [], containers: {}, networks: { bridge: { name: 'bridge' } }, waiting: [], nextId: 1, traffic: {} });
    expect(newDockerHost().networks).not.toBe(newDockerHost().networks);
  });

  it('reads an image without a tag as its latest tag, a port in a registry host not being a tag', () => {
    expect(withTag('nginx')).toBe('nginx:latest');
    expect(withTag('nginx:1.27')).toBe('nginx:1.27');
    expect(withTag('localhost:5000/app')).toBe('localhost:5000/app:latest');
    expect(withTag('localhost:5000/app:2')).toBe('localhost:5000/app:2');
  });

  it('answers errors as the daemon does', () => {
    const e = daemonError('No such container: web');
    expect({ code: e.code, message: e.message }).toEqual({ code: 'DockerError', message: 'Error response from daemon: No such container: web' });
  });
});
