import type { Tag } from './cluster';

/** Tasks, their containers, where they are placed and why, and what their images do. Plain data only (JSON-serializable) so a run can be snapshotted. */

export type TaskStatus = 'PROVISIONING' | 'PENDING' | 'ACTIVATING' | 'RUNNING' | 'DEACTIVATING' | 'STOPPING' | 'DEPROVISIONING' | 'STOPPED';

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
  /** Times its restart policy restarted it in place; its current run is run number `restartCount`. */
  restartCount?: number;
}

/** The forms of a placement rejection's detail (src/sim/placement/details.ts has their English). */
export type PlacementDetailCode = 'status' | 'agent' | 'attribute' | 'subnet' | 'cpu' | 'memory' | 'gpu' | 'port' | 'eni' | 'memberOf' | 'distinct' | 'subnetFull' | 'noSubnet';

/** A placement detail as data: the form its English is said from, and the form's values as the English says them. */
export interface PlacementDetailForm {
  code: PlacementDetailCode;
  values: Record<string, string>;
}

/** What one strategy saw of a candidate, and whether it kept it. */
export interface PlacementRank {
  /** The strategy's name as the trace lists it: `binpack(memory)`, `spread(instanceId)`, `random`. */
  strategy: string;
  value: number | string;
  kept: boolean;
  /** The bucket a spread strategy counted in (an attribute's value, e.g. the AZ). */
  bucket?: string;
  /** The strategy as data (in a trace expanded with its forms): its type and field. */
  type?: string;
  field?: string;
}

/** Why a task is placed where it is: one row per candidate instance. */
export interface PlacementCandidate {
  containerInstanceArn: string;
  ec2InstanceId: string;
  availabilityZone: string;
  /** The filter that rejected the instance (a RunTask failure reason), if any. */
  rejectedBy?: string | undefined;
  detail?: string | undefined;
  /** The detail's form and values (in a trace expanded with its forms; the API's traces say only `detail`). */
  detailForm?: PlacementDetailForm | undefined;
  /**
   * For instances that passed every filter: what each strategy saw (binpack: what remains; spread:
   * tasks of the group in this instance's `bucket`, e.g. its AZ) and whether it kept the instance.
   */
  ranks?: PlacementRank[] | undefined;
  chosen?: boolean | undefined;
}

export interface PlacementTrace {
  id: number;
  atMs: number;
  group: string;
  strategies: string[];
  /** The strategies as data, in the order of `strategies` (kept in the world; the API's traces leave it out). */
  strategyForms?: PlacementStrategy[];
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
  failure?: { reason: string; arn?: string; detail?: string; detailForm?: PlacementDetailForm };
  /** A note on how the decision was made, in English, with its form beside it (kept in the world; the API's traces leave the form out). */
  note?: string;
  noteForm?: PlacementNoteForm;
}

/** Which of the engine's fixed notes a trace carries: a service's default balancing, RunTask's random default, StartTask's own instance. */
export type PlacementNoteForm = 'service' | 'runTask' | 'startTask';

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
  /** When the task left PROVISIONING (its ENI attached): connectivityAt. */
  connectedAtMs?: number;
  pullStartedAtMs?: number;
  pullStoppedAtMs?: number;
  startedAtMs?: number;
  stoppingAtMs?: number;
  executionStoppedAtMs?: number;
  stoppedAtMs?: number;
  cpu?: string;
  memory?: string;
  containers: Container[];
  /** As the task was started with; never changed afterwards (snapshots share it). */
  overrides: Readonly<Record<string, unknown>>;
  /** Reserved on the instance (or counted for Fargate) while the task is not STOPPED. */
  reserved: { cpu: number; memory: number; gpu: number; eni: number; ports: number[]; portsUdp: number[] };
  serviceArn?: string;
  deploymentId?: string;
  /** Whether the task ever reached RUNNING (service throttling counts those that did not). */
  reachedRunning: boolean;
  traceId?: number;
  version: number;
  gen: number;
  /** Replaced by TagResource and UntagResource, never changed in place (snapshots share it). */
  tags: readonly Tag[];
  /** ECS Exec (ecs-spec §13.3): the task runs the managed SSM agent and accepts ExecuteCommand. */
  enableExecuteCommand?: boolean;
  /** Task scale-in protection (UpdateTaskProtection): protected until this time. */
  protectedUntilMs?: number;
  /** Amazon EBS volumes configured at launch (volumeConfigurations), attached to the task. */
  ebsVolumes?: EbsVolumeAttachment[];
  /** Fargate ephemeral storage, GiB (20 unless the task definition or an override sets 21-200). */
  ephemeralStorageGiB?: number;
  /** Set while the task waits in PROVISIONING for an instance from its capacity provider. */
  waiting?: WaitingPlacement;
  /** Load balancer targets this task is registered as. */
  lbTargets?: { targetGroupArn: string; id: string; port: number }[];
  /** While its targets drain, the task stays in DEACTIVATING until this time. */
  drainUntilMs?: number;
  /** The last minute's requests: the CPU units they ask for, and what they got. */
  traffic?: { cpuUnits: number; requests: number; errors: number; latencyMs: number };
}

/** An Amazon EBS volume ECS creates for a task at launch and attaches to it. */
export interface EbsVolumeAttachment {
  id: string;
  volumeName: string;
  volumeId: string;
  roleArn: string;
  sizeInGiB: number;
  volumeType: string;
  deleteOnTermination: boolean;
}

/** Where a task waits in PROVISIONING for capacity from an Auto Scaling group capacity provider. */
export interface WaitingPlacement {
  capacityProvider: string;
  constraints: { type: string; expression?: string }[];
  strategies: { type: string; field?: string }[];
  defaultMode: 'random' | 'service';
  subnets?: string[];
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
  /** The share of the requests it serves that the application answers with a 5xx error (0-100; a bad release). */
  errorPercent?: number;
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

/** How an application answers one path: the CPU one request costs (ms of one vCPU). */
export interface RouteCost {
  cpuMs: number;
}
