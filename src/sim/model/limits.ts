/**
 * Bounds as data: the documented minimum and maximum of every learner-chosen interval, period, delay,
 * count and capacity the engine reads, with where each figure comes from. The request check (api/validate.ts)
 * refuses values outside them before an operation runs; figures marked [SIM] are our own choices where AWS
 * or Docker documents none (each says why).
 */

export interface Range {
  min?: number;
  max?: number;
  /** Where the figure comes from. */
  source: string;
}

export const RANGES = {
  // --- Amazon ECS ---
  ecsDesiredCount: { min: 0, max: 5000, source: 'ECS service quota "Tasks per service": 5,000 (ecs-spec §5.7); a desired count is never negative' },
  ecsMaxResults: { min: 1, max: 100, source: 'ECS API reference: maxResults "can be between 1 and 100"' },
  ecsMaxResults10: { min: 1, max: 10, source: 'ECS API reference (ListAccountSettings, DescribeCapacityProviders): maxResults "can be between 1 and 10"' },
  ecsRunTaskCount: { min: 1, max: 10, source: 'ECS API reference, RunTask: count "can be between 1 and 10" (ecs-spec §5.7)' },
  ecsRegisteredResource: { min: 0, source: 'registered resources are amounts (CPU units, MiB, ports): never negative' },
  // --- Application Auto Scaling ---
  aasMaxResults50: { min: 1, max: 50, source: 'Application Auto Scaling API reference: MaxResults 1-50' },
  aasMaxResults10: { min: 1, max: 10, source: 'Application Auto Scaling API reference, DescribeScalingPolicies: MaxResults 1-10' },
  aasCapacity: { min: 0, max: 5000, source: 'an ECS service scales its desired count: 0 to the 5,000 tasks a service can have' },
  aasCooldownSeconds: { min: 0, max: 86400, source: '[SIM] a cooldown is a delay: at least 0; at most one day (AWS documents no maximum)' },
  // --- EC2 Auto Scaling ---
  asgSize: { min: 0, max: 1000, source: "[SIM] EC2 Auto Scaling documents no per-group cap: instances are bounded by the account's EC2 vCPU quota, which varies; 1,000 instances a group" },
  asgGroups: { min: 0, max: 500, source: 'EC2 Auto Scaling quota "Auto Scaling groups per region": 500' },
  // --- CloudWatch ---
  cwEvaluationPeriods: { min: 1, max: 1440, source: 'CloudWatch PutMetricAlarm: at least 1; Period x EvaluationPeriods at most one day (86,400 s) below one-hour periods, so 1,440 at 60 s' },
  // --- Cloud Map ---
  cloudMapTtl: { min: 0, max: 2147483647, source: 'Cloud Map DnsRecord TTL: 0 to 2147483647 seconds' },
  cloudMapFailureThreshold: { min: 1, max: 10, source: 'Cloud Map HealthCheckCustomConfig FailureThreshold: 1-10' },
  // --- simulator operations ([SIM]: ours) ---
  simLaunchCount: { min: 1, max: 1000, source: '[SIM] sim.LaunchInstances starts at most 1,000 instances a call (as EC2 RunInstances caps one request by quota)' },
  simInstancesInWorld: { min: 0, max: 10000, source: '[SIM] at most 10,000 EC2 instances in one world (twice the largest benchmark)' },
  simInstanceIds: { min: 1, max: 1000, source: '[SIM] at most 1,000 instance ids a call (EC2 TerminateInstances takes up to 1,000)' },
  simSeconds: { min: 0, max: 34560000, source: '[SIM] a delay in seconds: 0 to 400 days, the longest horizon a scenario runs' },
  simRate: { min: 0, max: 1000000, source: '[SIM] requests per second sent by sim.SetTraffic: at most 10^6' },
  simResource: { min: 0, max: 10000000, source: '[SIM] CPU units and MiB: never negative, at most 10^7' },
  simPercent: { min: 0, max: 100, source: 'a percentage: 0 to 100' },
  simExitCode: { min: 0, max: 255, source: 'a process exit code is 0-255' },
  simPort: { min: 1, max: 65535, source: 'a TCP or UDP port is 1-65535' },
  simPeakHour: { min: 0, max: 23.999, source: 'an hour of the day: at least 0, below 24' },
  simTraceId: { min: 1, max: 2147483647, source: 'placement trace ids count from 1' },
  // --- the local Docker host ---
  dockerHealthSeconds: {
    min: 0,
    max: 34560000,
    source: 'Docker HEALTHCHECK --interval, --timeout, --start-period: 0 means the default, otherwise at least 1 ms (the daemon: "Interval in Healthcheck cannot be less than 1ms"); at most 400 days [SIM]',
  },
  dockerHealthRetries: { min: 0, max: 1000, source: 'Docker: "Retries in Healthcheck cannot be negative"; 0 means the default (3); at most 1,000 [SIM]' },
  dockerRequestsPerSecond: { min: 0, max: 10000, source: '[SIM] steady local traffic: 0 to 10,000 requests per second' },
} satisfies Record<string, Range>;

export type RangeName = keyof typeof RANGES;

/** Docker's smallest non-zero health-check duration (moby's MinimumDuration: 1 ms), in seconds. */
export const DOCKER_MIN_HEALTH_SECONDS = 0.001;
/** Docker's default health-check interval, timeout and retries (when a value is 0 or unset). */
export const DOCKER_HEALTH_DEFAULTS = { intervalSeconds: 30, timeoutSeconds: 30, retries: 3 };

/**
 * [SIM] The most pending events the engine processes at one simulated instant before it stops the rest of that
 * instant with a fault: far above any real burst (10,000 tasks placed at once take under 100,000), and low enough
 * that an activity rescheduling itself with no delay is stopped within a second of wall time.
 */
export const MAX_EVENTS_PER_INSTANT = 1_000_000;

/** [SIM] Durations a scenario may override (`durations:`): each at least 1 ms where 0 would loop, at most 400 days. */
export const DURATION_MAX_MS = 400 * 24 * 3600 * 1000;
