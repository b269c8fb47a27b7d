import { describe, expect, it } from 'vitest';
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
