/** Records of the simulated world. Plain data only (JSON-serializable) so a run can be snapshotted. */

export interface Attribute {
  name: string;
  value?: string;
  targetType?: 'container-instance';
  targetId?: string;
}

export interface Cluster {
  clusterArn: string;
  clusterName: string;
  status: 'ACTIVE' | 'INACTIVE';
  createdAtMs: number;
  capacityProviders: string[];
  defaultCapacityProviderStrategy: CapacityProviderStrategyItem[];
  settings: { name: string; value: string }[];
  tags: { key: string; value: string }[];
  /** Container instance ARNs in registration order (the [SIM] tie-break order). */
  instanceArns: string[];
}

export interface CapacityProviderStrategyItem {
  capacityProvider: string;
  weight?: number;
  base?: number;
}

/** An EC2 instance, whether or not its agent has registered it yet. */
export interface Ec2Instance {
  ec2InstanceId: string;
  instanceType: string;
  availabilityZone: string;
  subnetId: string;
  state: 'pending' | 'running' | 'stopping' | 'stopped' | 'terminated';
  clusterArn: string;
  launchedAtMs: number;
  /** Options the agent registers with (ECS_RESERVED_MEMORY, ECS_INSTANCE_ATTRIBUTES, …). */
  agentConfig: AgentConfig;
  containerInstanceArn?: string;
  /** The Auto Scaling group that launched it. */
  asgName?: string;
  privateIp: string;
  /** Bumped on every state change so stale pending events are ignored. */
  gen: number;
  imageCache: string[];
  trunking: boolean;
}

export interface AgentConfig {
  reservedMemory: number;
  reservedPorts: number[];
  reservedPortsUdp: number[];
  instanceAttributes: Record<string, string>;
  registeredResources?: { CPU?: number; MEMORY?: number };
}

export interface Resource {
  name: string;
  type: 'INTEGER' | 'STRINGSET';
  integerValue: number;
  stringSetValue?: string[];
}

export interface ContainerInstance {
  containerInstanceArn: string;
  id: string;
  clusterArn: string;
  ec2InstanceId: string;
  /** Registration order within the world (tie-breaks). */
  order: number;
  status: 'REGISTERING' | 'ACTIVE' | 'DRAINING' | 'DEREGISTERING' | 'INACTIVE';
  agentConnected: boolean;
  /** True while the agent's connection is actually down (ECS notices after the heartbeat timeout). */
  connectionLost: boolean;
  agentGen: number;
  reconnectAttempts: number;
  registeredAtMs: number;
  deregisteredAtMs?: number;
  availabilityZone: string;
  subnetId: string;
  instanceType: string;
  registeredCpu: number;
  registeredMemory: number;
  registeredGpu: number;
  reservedPorts: number[];
  reservedPortsUdp: number[];
  maxEni: number;
  /** Reserved by tasks on the instance. */
  usedCpu: number;
  usedMemory: number;
  usedGpu: number;
  usedEni: number;
  usedPorts: number[];
  usedPortsUdp: number[];
  attributes: Attribute[];
  capacityProviderName?: string;
  /** Task ARNs (not STOPPED) on this instance. */
  taskArns: string[];
  version: number;
}

export interface PortMapping {
  containerPort?: number;
  hostPort?: number;
  protocol?: 'tcp' | 'udp';
  name?: string;
  appProtocol?: string;
  containerPortRange?: string;
}

export interface HealthCheck {
  command: string[];
  interval: number;
  timeout: number;
  retries: number;
  startPeriod?: number;
}

export interface ContainerDependency {
  containerName: string;
  condition: 'START' | 'COMPLETE' | 'SUCCESS' | 'HEALTHY';
}

export interface ContainerDefinition {
  name: string;
  image: string;
  cpu?: number;
  memory?: number;
  memoryReservation?: number;
  essential?: boolean;
  portMappings?: PortMapping[];
  healthCheck?: HealthCheck;
  dependsOn?: ContainerDependency[];
  startTimeout?: number;
  stopTimeout?: number;
  resourceRequirements?: { type: string; value: string }[];
  links?: string[];
  privileged?: boolean;
  logConfiguration?: { logDriver?: string; options?: Record<string, string> };
  [member: string]: unknown;
}

export interface TaskDefinition {
  taskDefinitionArn: string;
  family: string;
  revision: number;
  status: 'ACTIVE' | 'INACTIVE' | 'DELETE_IN_PROGRESS';
  containerDefinitions: ContainerDefinition[];
  networkMode?: string;
  requiresCompatibilities?: string[];
  compatibilities: string[];
  cpu?: string;
  memory?: string;
  executionRoleArn?: string;
  taskRoleArn?: string;
  placementConstraints?: { type: string; expression?: string }[];
  requiresAttributes: { name: string; targetType?: string }[];
  volumes: unknown[];
  registeredAtMs: number;
  deregisteredAtMs?: number;
  runtimePlatform?: { operatingSystemFamily?: string; cpuArchitecture?: string };
  [member: string]: unknown;
}

export type TaskStatus =
  | 'PROVISIONING' | 'PENDING' | 'ACTIVATING' | 'RUNNING' | 'DEACTIVATING' | 'STOPPING' | 'DEPROVISIONING' | 'STOPPED';

export interface NetworkBinding {
  bindIP: string;
  containerPort: number;
  hostPort: number;
  protocol: 'tcp' | 'udp';
}

export interface Container {
  containerArn: string;
  name: string;
  image: string;
  essential: boolean;
  /** Agent-side state; ECS reports PENDING for NONE/PULLED/CREATED. */
  state: 'NONE' | 'PULLED' | 'CREATED' | 'RUNNING' | 'STOPPED';
  exitCode?: number;
  reason?: string;
  healthStatus: 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN';
  healthFailures: number;
  startedAtMs?: number;
  stoppedAtMs?: number;
  networkBindings: NetworkBinding[];
  cpu?: number;
  memory?: number;
  memoryReservation?: number;
  /** Set once SIGTERM was sent. */
  sigtermAtMs?: number;
}

/** Why a task is placed where it is: one row per candidate instance. */
export interface PlacementCandidate {
  containerInstanceArn: string;
  ec2InstanceId: string;
  availabilityZone: string;
  /** The filter that rejected the instance (a RunTask failure reason), if any. */
  rejectedBy?: string | undefined;
  detail?: string | undefined;
  /**
   * For instances that passed every filter: what each strategy saw (binpack: what remains; spread:
   * tasks of the group in this instance's `bucket`, e.g. its AZ) and whether it kept the instance.
   */
  ranks?: { strategy: string; value: number | string; kept: boolean; bucket?: string }[] | undefined;
  chosen?: boolean | undefined;
}

export interface PlacementTrace {
  id: number;
  atMs: number;
  group: string;
  strategies: string[];
  constraints: string[];
  /** The readable rows (Fargate traces have them directly; `expandTrace` builds them from `columns`). */
  candidates?: PlacementCandidate[];
  /**
   * EC2 traces as kept in the world, one entry per candidate: its ARN, the code of the filter that
   * rejected it (0: none) with the number behind the detail, its score under each strategy
   * (NaN where it did not get that far) and how many strategies kept it.
   */
  columns?: { arns: string[]; codes: Uint8Array; nums: Float64Array; scores: Float64Array; kept: Uint8Array };
  need?: { cpu: number; memory: number; gpu: number };
  requiredAttributes?: string[];
  /** The container instance chosen, or for Fargate the AZ. */
  chosen?: string;
  /** When nothing was chosen: the RunTask failure reason and the closest matching instance. */
  failure?: { reason: string; arn?: string; detail?: string };
  note?: string;
}

/** What one task needs from an instance. */
export interface Requirements {
  cpu: number;
  memory: number;
  gpu: number;
  /** Static host ports (bridge hostPort, host-mode containerPort). */
  ports: number[];
  portsUdp: number[];
  /** Dynamic host ports to allocate (bridge with hostPort 0 or omitted). */
  dynamicPorts: number;
  eni: number;
  /** Attributes the instance must have, with a value where it matters. */
  attributes: { name: string; value?: string }[];
}

export interface PlacementStrategy {
  type: string;
  field?: string;
}

export interface Task {
  taskArn: string;
  id: string;
  clusterArn: string;
  taskDefinitionArn: string;
  family: string;
  group: string;
  startedBy?: string;
  launchType: 'EC2' | 'FARGATE' | 'EXTERNAL';
  capacityProviderName?: string;
  platformVersion?: string;
  containerInstanceArn?: string;
  ec2InstanceId?: string;
  availabilityZone: string;
  subnetId?: string;
  privateIp?: string;
  eniId?: string;
  networkMode: string;
  lastStatus: TaskStatus;
  desiredStatus: 'RUNNING' | 'STOPPED';
  healthStatus: 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN';
  stopCode?: string;
  stoppedReason?: string;
  createdAtMs: number;
  pullStartedAtMs?: number;
  pullStoppedAtMs?: number;
  startedAtMs?: number;
  stoppingAtMs?: number;
  executionStoppedAtMs?: number;
  stoppedAtMs?: number;
  cpu?: string;
  memory?: string;
  containers: Container[];
  overrides: Record<string, unknown>;
  /** Reserved on the instance (or counted for Fargate) while the task is not STOPPED. */
  reserved: { cpu: number; memory: number; gpu: number; eni: number; ports: number[]; portsUdp: number[] };
  serviceArn?: string;
  deploymentId?: string;
  /** Whether the task ever reached RUNNING (service throttling counts those that did not). */
  reachedRunning: boolean;
  traceId?: number;
  version: number;
  gen: number;
  tags: { key: string; value: string }[];
  /** Set while the task waits in PROVISIONING for an instance from its capacity provider. */
  waiting?: WaitingPlacement;
  /** Load balancer targets this task is registered as. */
  lbTargets?: { targetGroupArn: string; id: string; port: number }[];
  /** While its targets drain, the task stays in DEACTIVATING until this time. */
  drainUntilMs?: number;
  /** The last minute's requests: the CPU units they ask for, and what they got. */
  traffic?: { cpuUnits: number; requests: number; errors: number; latencyMs: number };
}

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
}

export interface NetworkConfiguration {
  awsvpcConfiguration: { subnets: string[]; securityGroups?: string[]; assignPublicIp?: 'ENABLED' | 'DISABLED' };
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
  schedulingStrategy: 'REPLICA' | 'DAEMON';
  deploymentConfiguration: {
    maximumPercent: number;
    minimumHealthyPercent: number;
    deploymentCircuitBreaker: { enable: boolean; rollback: boolean };
  };
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
  /** Tasks of the service not yet STOPPED. */
  taskArns: string[];
  /** The last deployment that completed: where the circuit breaker rolls back to. */
  lastCompleted?: { id: string; taskDefinition: string };
  loadBalancers: { targetGroupArn: string; containerName: string; containerPort: number }[];
  serviceRegistries: { registryArn: string; containerName?: string; containerPort?: number; port?: number }[];
  /** When its tasks were launched in the last minute (the launch-rate quota). */
  launchTimesMs?: number[];
  serviceConnectConfiguration?: ServiceConnectConfig;
  tags: { key: string; value: string }[];
}

/** What a scenario says about an image: how it pulls, starts, behaves and fails. */
export interface ImageBehavior {
  /** False: the repository or tag does not exist, so every pull fails (CannotPullContainerError). */
  exists?: boolean;
  pullSeconds?: number;
  /** The main process exits by itself this long after the container starts… */
  exitAfterSeconds?: number;
  /** …with this code (default 0). */
  exitCode?: number;
  /** The process ignores SIGTERM, so stopping it waits for SIGKILL after the stop timeout. */
  ignoresSigterm?: boolean;
  /** Seconds a SIGTERM-handling process needs to exit. */
  stopSeconds?: number;
  /** The container health check command fails (always, or until healthyAfterSeconds). */
  healthCheckFails?: boolean;
  healthyAfterSeconds?: number;
  /** CPU units the running process wants (default 10) and the memory it uses in MiB (default 32). */
  cpuUnits?: number;
  memoryMiB?: number;
  /** The paths the application serves and the CPU a request costs; others answer 404. Default: every path, 10 ms. */
  routes?: Record<string, RouteCost>;
  /** False: load balancer health checks fail (wrong port or path, app not listening). */
  passesLbHealthCheck?: boolean;
  /** On a local Docker host: seconds from process start until it accepts connections (default 1). */
  readySeconds?: number;
  /** On a local Docker host: at start the app connects to the host named by this environment variable, on this port, and exits 1 if it cannot. */
  connectsTo?: { hostEnv: string; port: number };
}

/** What a container is asked to use, set by sim.SetLoad for a task or a service. */
export interface Load {
  cpuUnits?: number;
  memoryMiB?: number;
}

/** A CloudWatch-style metric: one datapoint per minute, timestamped at the start of its period. */
export interface MetricSeries {
  namespace: string;
  metricName: string;
  dimensions: { name: string; value: string }[];
  /** Flat pairs: period start (ms of simulated time), value. */
  points: number[];
}

export interface Subnet {
  subnetId: string;
  availabilityZone: string;
  vpcId: string;
  cidr: string;
  freeIps: number;
  nextIp: number;
}

/** A CloudWatch alarm on one of the engine's metrics (standard 60 s periods, Average). */
export interface Alarm {
  AlarmName: string;
  AlarmArn: string;
  AlarmDescription?: string;
  Namespace: string;
  MetricName: string;
  Dimensions: { Name: string; Value: string }[];
  Statistic: string;
  Period: number;
  EvaluationPeriods: number;
  DatapointsToAlarm: number;
  Threshold: number;
  ComparisonOperator: 'GreaterThanThreshold' | 'GreaterThanOrEqualToThreshold' | 'LessThanThreshold' | 'LessThanOrEqualToThreshold';
  AlarmActions: string[];
  StateValue: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
  StateReason: string;
  StateUpdatedMs: number;
  /** The scaling policy that owns the alarm (target tracking). */
  ownedBy?: string;
}

export interface ScalableTarget {
  ServiceNamespace: 'ecs';
  ResourceId: string;
  ScalableDimension: 'ecs:service:DesiredCount';
  MinCapacity: number;
  MaxCapacity: number;
  ScalableTargetARN: string;
  CreationMs: number;
  SuspendedState: { DynamicScalingInSuspended: boolean; DynamicScalingOutSuspended: boolean; ScheduledScalingSuspended: boolean };
  /** Cooldown bookkeeping: when the last scale-out/in happened, and the capacity before that scale-out. */
  scaleOutUntilMs: number;
  scaleInUntilMs: number;
  scaleOutBase: number;
}

export interface StepAdjustment {
  MetricIntervalLowerBound?: number;
  MetricIntervalUpperBound?: number;
  ScalingAdjustment: number;
}

export interface ScalingPolicy {
  PolicyARN: string;
  PolicyName: string;
  ServiceNamespace: 'ecs';
  ResourceId: string;
  ScalableDimension: 'ecs:service:DesiredCount';
  PolicyType: 'TargetTrackingScaling' | 'StepScaling';
  TargetTrackingScalingPolicyConfiguration?: {
    TargetValue: number;
    PredefinedMetricSpecification?: { PredefinedMetricType: string; ResourceLabel?: string };
    ScaleOutCooldown: number;
    ScaleInCooldown: number;
    DisableScaleIn: boolean;
  };
  StepScalingPolicyConfiguration?: {
    AdjustmentType: 'ChangeInCapacity' | 'PercentChangeInCapacity' | 'ExactCapacity';
    StepAdjustments: StepAdjustment[];
    MinAdjustmentMagnitude?: number;
    Cooldown: number;
    MetricAggregationType: string;
  };
  Alarms: { AlarmName: string; AlarmARN: string }[];
  CreationMs: number;
  /** Step scaling: when its cooldown ends. */
  cooldownUntilMs: number;
}

export interface ScheduledAction {
  ScheduledActionName: string;
  ScheduledActionARN: string;
  ServiceNamespace: 'ecs';
  Schedule: string;
  ResourceId: string;
  ScalableDimension: 'ecs:service:DesiredCount';
  ScalableTargetAction: { MinCapacity?: number; MaxCapacity?: number };
  CreationMs: number;
  /** Bumped when the action is replaced or deleted, so its pending firing is ignored. */
  gen: number;
}

export interface ScalingActivity {
  ActivityId: string;
  ServiceNamespace: 'ecs';
  ResourceId: string;
  ScalableDimension: 'ecs:service:DesiredCount';
  Description: string;
  Cause: string;
  StartMs: number;
  EndMs: number;
  StatusCode: 'Successful' | 'Failed';
  StatusMessage: string;
}

export interface LaunchTemplate {
  LaunchTemplateName: string;
  LaunchTemplateId: string;
  InstanceType: string;
  /** The user data script; the ECS_* lines configure the container agent. */
  UserData: string;
  CreateMs: number;
}

export interface AsgInstance {
  InstanceId: string;
  ProtectedFromScaleIn: boolean;
}

export interface AutoScalingGroup {
  AutoScalingGroupName: string;
  AutoScalingGroupARN: string;
  LaunchTemplateName: string;
  /** Instance types in priority order (the template's, or the MixedInstancesPolicy overrides). */
  instanceTypes: string[];
  MinSize: number;
  MaxSize: number;
  DesiredCapacity: number;
  subnets: string[];
  NewInstancesProtectedFromScaleIn: boolean;
  Instances: AsgInstance[];
  CreatedMs: number;
}

export interface CapacityProvider {
  name: string;
  capacityProviderArn: string;
  status: 'ACTIVE' | 'INACTIVE';
  autoScalingGroupName: string;
  managedScaling: {
    status: 'ENABLED' | 'DISABLED';
    targetCapacity: number;
    minimumScalingStepSize: number;
    maximumScalingStepSize: number;
    instanceWarmupPeriod: number;
  };
  managedTerminationProtection: 'ENABLED' | 'DISABLED';
  /** Cluster auto scaling: consecutive minutes below target, and the last CPR it published. */
  lowMinutes: number;
  lastReservation?: number;
  tags: { key: string; value: string }[];
}

/** Where a task waits in PROVISIONING for capacity from an Auto Scaling group capacity provider. */
export interface WaitingPlacement {
  capacityProvider: string;
  constraints: { type: string; expression?: string }[];
  strategies: { type: string; field?: string }[];
  defaultMode: 'random' | 'service';
  subnets?: string[];
}

export interface LoadBalancer {
  LoadBalancerArn: string;
  LoadBalancerName: string;
  DNSName: string;
  Type: 'application';
  Scheme: 'internet-facing' | 'internal';
  subnets: string[];
  CreatedMs: number;
}

export interface TargetGroup {
  TargetGroupArn: string;
  TargetGroupName: string;
  Protocol: 'HTTP' | 'HTTPS';
  Port: number;
  TargetType: 'instance' | 'ip';
  HealthCheckPath: string;
  HealthCheckIntervalSeconds: number;
  HealthCheckTimeoutSeconds: number;
  HealthyThresholdCount: number;
  UnhealthyThresholdCount: number;
  Matcher: { HttpCode: string };
  deregistrationDelaySeconds: number;
  loadBalancerArns: string[];
  targets: LbTarget[];
  /** Whether the group's shared health-check tick is scheduled. */
  ticking?: boolean;
}

export interface LbTarget {
  /** Instance id (instance targets) or task IP (ip targets). */
  Id: string;
  Port: number;
  State: 'initial' | 'healthy' | 'unhealthy' | 'draining' | 'unused';
  Reason?: string;
  passes: number;
  failures: number;
  taskArn?: string;
  registeredMs: number;
  gen: number;
  /** Once first healthy the target is checked on its group's shared tick instead of its own events. */
  settled?: boolean;
}

export interface Listener {
  ListenerArn: string;
  LoadBalancerArn: string;
  Port: number;
  Protocol: 'HTTP' | 'HTTPS';
  DefaultActions: LbAction[];
}

export interface LbAction {
  Type: 'forward' | 'fixed-response';
  TargetGroupArn?: string;
  FixedResponseConfig?: { StatusCode: string; ContentType?: string; MessageBody?: string };
}

export interface ListenerRule {
  RuleArn: string;
  ListenerArn: string;
  Priority: number;
  Conditions: { Field: 'path-pattern'; Values: string[] }[];
  Actions: LbAction[];
}

/** Requests per second arriving at a load balancer for a path, shaped over time. */
export interface TrafficSource {
  loadBalancer: string;
  path: string;
  shape:
    | { type: 'constant'; requestsPerSecond: number }
    | { type: 'steps'; steps: { atMs: number; requestsPerSecond: number }[] }
    | { type: 'spike'; base: number; peak: number; atMs: number; durationMs: number }
    | { type: 'daily'; base: number; peak: number; peakHour: number };
}

/** How an application answers one path: the CPU one request costs (ms of one vCPU). */
export interface RouteCost {
  cpuMs: number;
}

export interface CloudMapNamespace {
  Id: string;
  Arn: string;
  Name: string;
  Type: 'DNS_PRIVATE' | 'HTTP';
  CreateMs: number;
}

export interface CloudMapInstance {
  InstanceId: string;
  Attributes: Record<string, string>;
  HealthStatus: 'HEALTHY' | 'UNHEALTHY';
  taskArn?: string;
}

export interface CloudMapService {
  Id: string;
  Arn: string;
  Name: string;
  NamespaceId: string;
  DnsRecords: { Type: 'A' | 'SRV'; TTL: number }[];
  FailureThreshold?: number;
  instances: CloudMapInstance[];
  CreateMs: number;
}

export interface ServiceConnectConfig {
  enabled: boolean;
  namespace: string;
  services: { portName: string; discoveryName: string; clientAliases: { port: number; dnsName: string }[] }[];
}

/** An EventBridge rule on a schedule and its ECS targets (scheduled tasks). */
export interface EventRule {
  Name: string;
  Arn: string;
  ScheduleExpression: string;
  State: 'ENABLED' | 'DISABLED';
  Targets: { Id: string; Arn: string; RoleArn?: string; EcsParameters: Record<string, unknown> }[];
  CreatedMs: number;
  gen: number;
}
