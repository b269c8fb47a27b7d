import { describe, expect, it } from 'vitest';
import { Sim } from '../../../src/sim';
import { dockerHealthcheck } from '../../../src/sim/api/dockerChecks';

const test = ['CMD', 'true'];

describe('dockerHealthcheck', () => {
  it("leaves a health check without durations alone, and reads 0 as the daemon's default (0 retries as 3)", () => {
    expect(dockerHealthcheck(undefined)).toBeUndefined();
    expect(dockerHealthcheck({ test, intervalSeconds: 5, retries: 2 })).toEqual({ test, intervalSeconds: 5, retries: 2 });
    expect(dockerHealthcheck({ test, intervalSeconds: 0, timeoutSeconds: 0, startPeriodSeconds: 0, retries: 0 })).toEqual({ test, startPeriodSeconds: 0, retries: 3 });
  });

  it.each([
    [{ test, intervalSeconds: -1 }, 'Error response from daemon: Interval in Healthcheck cannot be negative'],
    [{ test, timeoutSeconds: 0.0001 }, 'Error response from daemon: Timeout in Healthcheck cannot be less than 1ms'],
    [{ test, startPeriodSeconds: -2 }, 'Error response from daemon: StartPeriod in Healthcheck cannot be negative'],
    [{ test, retries: -1 }, 'Error response from daemon: Retries in Healthcheck cannot be negative'],
  ])('refuses %j in the daemon’s words', (hc, message) => {
    expect(() => dockerHealthcheck(hc)).toThrow(expect.objectContaining({ code: 'DockerError', message }));
  });
});

describe('bounds as data: Docker health checks', () => {
  it("an interval of 0 takes Docker's default (30 s) instead of looping at one instant; below 1 ms is refused as the daemon refuses it", () => {
    const sim = new Sim();
    expect(sim.call('docker.Run', { image: 'nginx', name: 'h', healthcheck: { test: ['CMD', 'true'], intervalSeconds: 0, retries: 0 } }).error).toBeUndefined();
    sim.runUntil(120_000);
    expect(sim.engine.faults).toBe(0);
    expect(sim.world.docker.containers[Object.keys(sim.world.docker.containers)[0]!]!.healthcheck).toEqual({ test: ['CMD', 'true'], retries: 3 });
    expect(sim.call('docker.Run', { image: 'nginx', name: 'tiny', healthcheck: { test: ['CMD', 'true'], intervalSeconds: 0.0001 } }).error).toEqual({
      code: 'DockerError',
      message: 'Error response from daemon: Interval in Healthcheck cannot be less than 1ms',
    });
  });
});
