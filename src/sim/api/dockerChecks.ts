import { ApiError } from '../core/errors';
import { DOCKER_HEALTH_DEFAULTS, DOCKER_MIN_HEALTH_SECONDS } from '../model/limits';
import type { DockerHealthcheck } from '../model/docker';

/**
 * A container's HEALTHCHECK as the daemon takes it (model/limits.ts): a duration of 0 means the default
 * (interval 30 s, timeout 30 s), any other must be at least 1 ms, and 0 retries means the default 3; the
 * daemon's own words when it refuses one. The request check has already bounded the values from above.
 */
export function dockerHealthcheck(hc: DockerHealthcheck | undefined): DockerHealthcheck | undefined {
  if (hc === undefined) return undefined;
  const out: DockerHealthcheck = { ...hc };
  for (const [k, label] of [
    ['intervalSeconds', 'Interval'],
    ['timeoutSeconds', 'Timeout'],
    ['startPeriodSeconds', 'StartPeriod'],
  ] as const) {
    const v = hc[k];
    if (v === undefined) continue;
    if (v < 0) throw new ApiError('DockerError', `Error response from daemon: ${label} in Healthcheck cannot be negative`);
    if (v > 0 && v < DOCKER_MIN_HEALTH_SECONDS) throw new ApiError('DockerError', `Error response from daemon: ${label} in Healthcheck cannot be less than 1ms`);
    if (v === 0 && k !== 'startPeriodSeconds') delete out[k];
  }
  if (hc.retries !== undefined && hc.retries < 0) throw new ApiError('DockerError', 'Error response from daemon: Retries in Healthcheck cannot be negative');
  if (hc.retries === 0) out.retries = DOCKER_HEALTH_DEFAULTS.retries;
  return out;
}
