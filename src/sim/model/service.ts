import type { CapacityProviderStrategyItem, Tag } from './cluster';

/** Services and their deployments. Plain data only (JSON-serializable) so a run can be snapshotted. */

export interface Deployment {
  id: string;
  status: 'PRIMARY' | 'ACTIVE' | 'INACTIVE';
  taskDefinition: string;
  desiredCount: number;
  pendingCount: number;
  runningCount: number;
  failedTasks: number;
  createdAtMs: number;
  updatedAtMs: number;
  launchType?: string;
  capacityProviderStrategy?: CapacityProviderStrategyItem[];
  platformVersion?: string;
  networkConfiguration?: NetworkConfiguration;
  rolloutState: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
  rolloutStateReason: string;
  /** The service revision the deployment deploys and the service deployment that records it. */
  serviceRevisionArn?: string;
  serviceDeploymentArn?: string;
  /** How many of its tasks were healthy at the last pass (a newly healthy task resets the circuit breaker's count). */
  healthyCount?: number;
}

export interface NetworkConfiguration {
  awsvpcConfiguration: { subnets: string[]; securityGroups?: string[]; assignPublicIp?: string };
}

export interface ServiceEventRecord {
  id: string;
  createdAtMs: number;
  message: string;
}

export interface Service {
  serviceArn: string;
  serviceName: string;
  clusterArn: string;
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  taskDefinition: string;
  desiredCount: number;
  launchType?: string;
  capacityProviderStrategy?: CapacityProviderStrategyItem[];
  platformVersion?: string;
  networkConfiguration?: NetworkConfiguration;
  placementConstraints: { type: string; expression?: string }[];
  placementStrategy: { type: string; field?: string }[];
  /** REPLICA or DAEMON (the API admits any string; anything but DAEMON schedules replicas). */
  schedulingStrategy: string;
  deploymentConfiguration: DeploymentConfig;
  healthCheckGracePeriodSeconds?: number;
  deployments: Deployment[];
  events: ServiceEventRecord[];
  createdAtMs: number;
  /** Scheduler bookkeeping. */
  steady: boolean;
  consecutiveStartFailures: number;
  throttledUntilMs: number;
  passPending: boolean;
  retryAtMs: number;
  lastUnplacedTraceId?: number;
  /** Unhealthy tasks whose load balancer verdict the service has already reported in its events. */
  unhealthyReported?: string[];
  /** Tasks of the service not yet STOPPED. */
  taskArns: string[];
  /** The last deployment that completed: where the circuit breaker rolls back to. */
  lastCompleted?: { id: string; taskDefinition: string; serviceRevisionArn?: string };
  /** The service's service deployments, oldest first (ARNs). */
  serviceDeploymentArns?: string[];
  loadBalancers: ServiceLoadBalancer[];
  serviceRegistries: { registryArn: string; containerName?: string; containerPort?: number; port?: number }[];
  /** When its tasks were launched in the last minute (the launch-rate quota). */
  launchTimesMs?: number[];
  serviceConnectConfiguration?: ServiceConnectConfig;
  tags: Tag[];
  /** ECS Exec for the service's tasks. */
  enableExecuteCommand?: boolean;
  /** ENABLED or DISABLED (API:CreateService availabilityZoneRebalancing); absent on a service that never had one: DISABLED. */
  availabilityZoneRebalancing?: 'ENABLED' | 'DISABLED';
  /** AZ rebalancing in progress: since the "not AZ balanced" event, and the task it started that is not yet healthy. */
  rebalance?: { taskArn?: string };
  /** When the first task scale-in protection the scheduler respects ends (it wakes then). */
  protectionWakeAtMs?: number;
}

export interface ServiceConnectConfig {
  enabled: boolean;
  namespace: string;
  services: { portName: string; discoveryName: string; clientAliases: { port: number; dnsName: string }[] }[];
}

export interface ServiceLoadBalancer {
  targetGroupArn: string;
  containerName: string;
  containerPort?: number;
  /** Blue/green, linear and canary deployments: the second target group and the listener rules ECS shifts. */
  advancedConfiguration?: AdvancedLbConfig;
}

export interface AdvancedLbConfig {
  alternateTargetGroupArn: string;
  productionListenerRule: string;
  testListenerRule?: string;
  roleArn: string;
}

export type DeploymentStrategy = 'ROLLING' | 'BLUE_GREEN' | 'LINEAR' | 'CANARY';

/** Where a lifecycle hook may run (API:DeploymentLifecycleHook lifecycleStages). */
export type HookStage = 'RECONCILE_SERVICE' | 'PRE_SCALE_UP' | 'POST_SCALE_UP' | 'TEST_TRAFFIC_SHIFT' | 'POST_TEST_TRAFFIC_SHIFT' | 'PRE_PRODUCTION_TRAFFIC_SHIFT' | 'PRODUCTION_TRAFFIC_SHIFT' | 'POST_PRODUCTION_TRAFFIC_SHIFT';

/** The stage a service deployment is in (API:ServiceDeployment lifecycleStage), in their order. */
export type LifecycleStage = 'RECONCILE_SERVICE' | 'PRE_SCALE_UP' | 'SCALE_UP' | 'POST_SCALE_UP' | 'TEST_TRAFFIC_SHIFT' | 'POST_TEST_TRAFFIC_SHIFT' | 'PRODUCTION_TRAFFIC_SHIFT' | 'POST_PRODUCTION_TRAFFIC_SHIFT' | 'BAKE_TIME' | 'CLEAN_UP';

export type ServiceDeploymentStatus = 'PENDING' | 'IN_PROGRESS' | 'SUCCESSFUL' | 'STOPPED' | 'STOP_REQUESTED' | 'ROLLBACK_REQUESTED' | 'ROLLBACK_IN_PROGRESS' | 'ROLLBACK_SUCCESSFUL' | 'ROLLBACK_FAILED';

export type HookAction = 'CONTINUE' | 'ROLLBACK';

export interface LifecycleHook {
  targetType?: 'AWS_LAMBDA' | 'PAUSE';
  hookTargetArn?: string;
  roleArn?: string;
  lifecycleStages: HookStage[];
  hookDetails?: unknown;
  timeoutConfiguration?: { timeoutInMinutes?: number; action?: HookAction };
}

/** deploymentConfiguration as the service holds it: the request's members, with the documented defaults filled in. */
export interface DeploymentConfig {
  maximumPercent: number;
  minimumHealthyPercent: number;
  deploymentCircuitBreaker: {
    enable: boolean;
    rollback: boolean;
    resetOnHealthyTask?: boolean;
    thresholdConfiguration?: { type: 'COUNT' | 'BOUNDED_PERCENT' | 'UNBOUNDED_PERCENT'; value: number };
  };
  alarms?: { alarmNames: string[]; enable: boolean; rollback: boolean };
  strategy?: DeploymentStrategy;
  bakeTimeInMinutes?: number;
  lifecycleHooks?: LifecycleHook[];
  linearConfiguration?: { stepPercent: number; stepBakeTimeInMinutes: number };
  canaryConfiguration?: { canaryPercent: number; canaryBakeTimeInMinutes: number };
}

/** A service revision (API:ServiceRevision): the configuration a deployment deploys, captured when it starts. */
export interface ServiceRevisionRecord {
  serviceRevisionArn: string;
  serviceArn: string;
  clusterArn: string;
  taskDefinition: string;
  launchType?: string;
  capacityProviderStrategy?: CapacityProviderStrategyItem[];
  platformVersion?: string;
  loadBalancers: ServiceLoadBalancer[];
  serviceRegistries: Service['serviceRegistries'];
  networkConfiguration?: NetworkConfiguration;
  serviceConnectConfiguration?: ServiceConnectConfig;
  containerImages: { containerName: string; image: string }[];
  createdAtMs: number;
  /** The target groups its tasks register in: with an alternate target group, the one the production revision does not use. */
  targetGroups: { targetGroupArn: string; containerName: string; containerPort?: number; productionListenerRule?: string }[];
}

/** One run of a lifecycle hook at a stage (API:DeploymentLifecycleHookDetail). */
export interface HookRun {
  hookId: string;
  stage: HookStage;
  targetType: 'AWS_LAMBDA' | 'PAUSE';
  targetArn?: string;
  status: 'AWAITING_ACTION' | 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT';
  startedAtMs: number;
  expiresAtMs: number;
  timeoutAction: HookAction;
  /** The plan step it belongs to. */
  step: number;
}

/** One step of a traffic-shifting deployment: enter the stage, do the action, run the stage's hooks, wait. */
export interface PlanStep {
  stage: LifecycleStage;
  action?: 'scaleUp' | 'testShift' | 'shift' | 'cleanUp';
  /** For a shift: the share of production traffic the new revision gets. */
  percent?: number;
  hooks?: HookStage;
  waitMs?: number;
}

/** A service deployment (API:ServiceDeployment): one per deployment, with its status and, for blue/green, linear and canary, its stages. */
export interface ServiceDeploymentRecord {
  serviceDeploymentArn: string;
  serviceArn: string;
  clusterArn: string;
  /** The ecs-svc/… deployment of the service that carries it out. */
  deploymentId: string;
  strategy: DeploymentStrategy;
  deploymentConfiguration: DeploymentConfig;
  createdAtMs: number;
  startedAtMs?: number;
  finishedAtMs?: number;
  stoppedAtMs?: number;
  updatedAtMs: number;
  sourceRevisionArns: string[];
  targetRevisionArn: string;
  status: ServiceDeploymentStatus;
  statusReason?: string;
  lifecycleStage?: LifecycleStage;
  /** Blue/green, linear and canary: the steps, the one in progress, when it began and whether its action is done. */
  plan: PlanStep[];
  cursor: number;
  stepStartedMs: number;
  /** Where the step in progress is: its action, its hooks, or its wait (until waitUntilMs). */
  phase: 'action' | 'hooks' | 'wait';
  waitUntilMs?: number;
  /** Bumped at every step, so a stale timer is ignored. */
  gen: number;
  hooks: HookRun[];
  /** The new revision's share of production and test traffic (percent). */
  productionWeight: number;
  testWeight: number;
  rollback?: { reason: string; startedAtMs: number; serviceRevisionArn: string };
  circuitBreaker: { status: 'TRIGGERED' | 'MONITORING' | 'MONITORING_COMPLETE' | 'DISABLED'; failureCount: number; threshold: number };
  alarms?: { status: 'TRIGGERED' | 'MONITORING' | 'MONITORING_COMPLETE' | 'DISABLED'; alarmNames: string[]; triggeredAlarmNames: string[] };
  /** Rolling deployments with alarms: once the tasks are replaced, the alarms are watched until then (the bake time). */
  alarmBakeUntilMs?: number;
  /** Task counts of each revision when the deployment finished (live while it runs). */
  finalCounts?: Record<string, { requested: number; running: number; pending: number }>;
}

/** A simulated Lambda function that lifecycle hooks invoke: it answers IN_PROGRESS for its duration, then its verdict. */
export interface HookFunction {
  FunctionName: string;
  FunctionArn: string;
  hookStatus: 'SUCCEEDED' | 'FAILED';
  durationSeconds: number;
  /** The callBackDelay it returns with IN_PROGRESS (ECS's default when absent: 30 s). */
  callBackDelaySeconds?: number;
  /** When each hook run first invoked it, by hookId. */
  firstInvokedMs: Record<string, number>;
}
