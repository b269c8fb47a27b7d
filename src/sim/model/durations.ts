import { MINUTE, SECOND } from '../core/time';

/**
 * How long things take, as data (ecs-spec §4.3, §9). Figures marked [SIM] are our choices where AWS
 * gives a range or nothing; a scenario can override any of them under `durations:`.
 */
export const DEFAULT_DURATIONS = {
  /** EC2 instance from launch to the agent registering the container instance [INF]. */
  instanceBootMs: 45 * SECOND,
  /** The agent takes a new task or a stop request off its websocket [SIM]. */
  agentAckMs: 1 * SECOND,
  /** ENI attach for an awsvpc task on EC2 (PROVISIONING) [SIM]. */
  eniAttachMs: 5 * SECOND,
  /** ENI detach after the containers stop (DEPROVISIONING) [SIM]. */
  eniDetachMs: 5 * SECOND,
  /** Fargate capacity and ENI (PROVISIONING) [SIM: spec 5-10 s]. */
  fargateProvisionMs: 7 * SECOND,
  /** Image pull on EC2 when the image is not cached (BP: 10-20 s for a large image). */
  ec2PullMs: 10 * SECOND,
  /** Image pull on EC2 when the image is cached: the manifest check only [SIM]. */
  ec2CachedPullMs: 1 * SECOND,
  /** Image pull on Fargate: no cache, every task pulls [SIM: spec 15-30 s]. */
  fargatePullMs: 20 * SECOND,
  /** A pull of a missing image fails after the agent's retries [SIM]. */
  pullFailMs: 5 * SECOND,
  /** docker create [SIM]. */
  containerCreateMs: 1 * SECOND,
  /** docker start until the process runs [SIM]. */
  containerStartMs: 500,
  /** A container that handles SIGTERM exits this long after it [SIM]. */
  gracefulStopMs: 1 * SECOND,
  /** ECS_CONTAINER_STOP_TIMEOUT: SIGTERM to SIGKILL. */
  stopTimeoutMs: 30 * SECOND,
  /** ECS_CONTAINER_START_TIMEOUT: how long a container waits for its dependencies (Linux). */
  startTimeoutMs: 3 * MINUTE,
  /** A service task counts as healthy this long after RUNNING when nothing else checks it (§5.2). */
  serviceHealthyAfterMs: 40 * SECOND,
  /** Heartbeat timeout of the agent connection (1 min + up to 1 min jitter, §9.1). */
  heartbeatTimeoutMs: 1 * MINUTE,
  heartbeatJitterMs: 1 * MINUTE,
  /** First reconnect backoff of the agent (250 ms, x1.5 up to 2 min). */
  reconnectBackoffMs: 250,
  /** Deregistered or terminated instances and stopped tasks stay describable this long. */
  describableAfterStopMs: 60 * MINUTE,
  /** The service scheduler retries tasks it could not place [SIM]. */
  serviceRetryMs: 1 * MINUTE,
  /** Cap of the back-off for service tasks that keep failing to start (§5.6). */
  throttleMaxMs: 15 * MINUTE,
  /** How long a task waits in PROVISIONING for capacity-provider capacity before it stops (§7.6: 10-30 min) [SIM]. */
  provisioningTimeoutMs: 30 * MINUTE,
  /** First throttled retry; doubles per consecutive failure up to the cap [SIM]. */
  throttleBaseMs: 30 * SECOND,
  /** UpdateContainerAgent: from the request to the new agent running (PENDING through UPDATED) [SIM]. */
  agentUpdateMs: 1 * MINUTE,
  /** An Amazon ECS Managed Instances instance from launch to its registration [SIM: about 40 s from RunTask to a running task was measured]. */
  managedInstanceBootMs: 25 * SECOND,
  /** The maximum lifetime of a Managed Instances instance: then ECS drains and replaces it (ecs-spec §13.2: 21 days). */
  managedInstanceLifetimeMs: 21 * 24 * 60 * MINUTE,
  /** How long a Managed Instances instance stays idle before ECS removes it, when scaleInAfter is not set [SIM]. */
  managedInstanceIdleMs: 5 * MINUTE,
  /** A Lambda lifecycle hook answers this long after ECS invokes it [SIM]. */
  hookInvokeMs: 1 * SECOND,
  /** ECS invokes a hook that answered IN_PROGRESS again after this long, unless it returns a callBackDelay (DG:lambda-lifecycle-hooks: 30 s). */
  hookCallbackMs: 30 * SECOND,
  /** A lifecycle hook times out after this long unless its timeoutConfiguration says otherwise (API:DeploymentLifecycleHookTimeoutConfiguration: 1440 minutes). */
  hookTimeoutMs: 1440 * MINUTE,
};

export type Durations = typeof DEFAULT_DURATIONS;
