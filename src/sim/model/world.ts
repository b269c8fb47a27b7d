import { newDockerHost, type DockerHost } from './docker';
import { newEcrState, type EcrState } from './ecr';
import { DEFAULT_DURATIONS, type Durations } from './durations';
import { emptyCost, type CostState } from './cost';
import { DURATION_MAX_MS } from './limits';
import type {
  Certificate,
  ExpressService,
  HookFunction,
  ServiceDeploymentRecord,
  ServiceRevisionRecord,
  EventRule,
  CloudMapNamespace,
  CloudMapService,
  Listener,
  ListenerRule,
  LoadBalancer,
  TargetGroup,
  TrafficSource,
  AutoScalingGroup,
  CapacityProvider,
  LaunchTemplate,
  Alarm,
  ScalableTarget,
  ScalingActivity,
  ScalingPolicy,
  ScheduledAction,
  Load,
  MetricSeries,
  Cluster,
  ContainerInstance,
  Ec2Instance,
  ImageBehavior,
  PlacementTrace,
  Service,
  Subnet,
  Task,
  TaskDefinition,
} from './types';

/** Everything the simulated world holds. Plain data: snapshots are deep copies of this. */
export interface WorldState {
  /** The local Docker host of the first lessons. */
  docker: DockerHost;
  /** The account's Amazon ECR registry in this region. */
  ecr: EcrState;
  region: string;
  account: string;
  epochSeconds: number;
  durations: Durations;
  clusters: Record<string, Cluster>;
  ec2: Record<string, Ec2Instance>;
  containerInstances: Record<string, ContainerInstance>;
  /** family → revisions (index = revision − 1). */
  taskDefinitions: Record<string, TaskDefinition[]>;
  tasks: Record<string, Task>;
  services: Record<string, Service>;
  subnets: Record<string, Subnet>;
  vpcId: string;
  images: Record<string, ImageBehavior>;
  accountSettings: Record<string, string>;
  /** group → container instance ARN (or "az:<zone>" for Fargate) → tasks of the group not being stopped. */
  groupIndex: Record<string, Record<string, number>>;
  /** The most recent placement traces (a ring; tasks keep the id of theirs). */
  traces: PlacementTrace[];
  nextTraceId: number;
  nextOrder: number;
  /** Tasks in creation order (ARNs), for `${task:N}` references and stable listings. */
  taskOrder: string[];
  /** Load set by sim.SetLoad, keyed `<task or service ARN>|<container name or *>`. */
  loads: Record<string, Load>;
  /** CloudWatch-style series, keyed `<namespace>|<metric>|<dimensions>`. */
  metrics: Record<string, MetricSeries>;
  metricsTicking: boolean;
  /** False while Fargate Spot has no capacity to give (sim.SetFargateSpotCapacity). */
  fargateSpotAvailable: boolean;
  alarms: Record<string, Alarm>;
  /** Application Auto Scaling, keyed by resource id, policy ARN and action name. */
  scalableTargets: Record<string, ScalableTarget>;
  scalingPolicies: Record<string, ScalingPolicy>;
  scheduledActions: Record<string, ScheduledAction>;
  scalingActivities: ScalingActivity[];
  launchTemplates: Record<string, LaunchTemplate>;
  autoScalingGroups: Record<string, AutoScalingGroup>;
  capacityProviders: Record<string, CapacityProvider>;
  /** Tasks waiting in PROVISIONING for capacity-provider capacity, oldest first. */
  waiting: string[];
  loadBalancers: Record<string, LoadBalancer>;
  targetGroups: Record<string, TargetGroup>;
  listeners: Record<string, Listener>;
  rules: Record<string, ListenerRule>;
  /** Certificates for HTTPS listeners (sim.CreateCertificate), by ARN. */
  certificates: Record<string, Certificate>;
  /** Express Mode services (CreateExpressGatewayService), by service ARN. */
  expressServices: Record<string, ExpressService>;
  /** Bumped whenever listeners or rules change, so cached routes are recomputed. */
  routingVersion: number;
  traffic: TrafficSource[];
  /** Tasks that received requests in the last minute (their `traffic` is reset the next minute). */
  trafficTasks: string[];
  namespaces: Record<string, CloudMapNamespace>;
  discoveryServices: Record<string, CloudMapService>;
  /** sim.FailHealthCheck: `<task ARN>|<container>` whose health check command fails (true) or passes (false). */
  healthOverrides: Record<string, boolean>;
  /** What the run has cost so far (the cost meter). */
  cost: CostState;
  eventRules: Record<string, EventRule>;
  /** Service revisions and service deployments (DescribeServiceRevisions, DescribeServiceDeployments), by ARN. */
  serviceRevisions: Record<string, ServiceRevisionRecord>;
  serviceDeployments: Record<string, ServiceDeploymentRecord>;
  /** Simulated Lambda functions that deployment lifecycle hooks invoke (sim.CreateHookFunction), by name. */
  hookFunctions: Record<string, HookFunction>;
  /** Whether any Fargate task was ever created (lets per-minute work skip the task list otherwise). */
  fargateTasksLaunched: boolean;
}

export const MAX_TRACES = 256;

/**
 * A table of the world: a record with no prototype, so a key a learner chose ("__proto__", "constructor",
 * "valueOf") is an entry like any other: looking it up finds that entry or nothing, never a member of
 * Object.prototype, and writing it never changes a prototype. `from`'s own entries are copied in.
 */
export function table<T>(from?: Record<string, T>): Record<string, T> {
  const t = Object.create(null) as Record<string, T>;
  if (from) for (const k of Object.keys(from)) Object.defineProperty(t, k, { value: from[k], enumerable: true, writable: true, configurable: true });
  return t;
}

/** The keyed tables of the world (and of its Docker host): each is a null-prototype record. */
export const WORLD_TABLES = [
  'clusters',
  'ec2',
  'containerInstances',
  'taskDefinitions',
  'tasks',
  'services',
  'subnets',
  'images',
  'accountSettings',
  'groupIndex',
  'loads',
  'metrics',
  'alarms',
  'scalableTargets',
  'scalingPolicies',
  'scheduledActions',
  'launchTemplates',
  'autoScalingGroups',
  'capacityProviders',
  'loadBalancers',
  'targetGroups',
  'listeners',
  'rules',
  'namespaces',
  'discoveryServices',
  'healthOverrides',
  'eventRules',
  'certificates',
  'serviceRevisions',
  'serviceDeployments',
  'hookFunctions',
  'expressServices',
] as const satisfies readonly (keyof WorldState)[];
export const DOCKER_TABLES = ['processes', 'images', 'containers', 'networks', 'traffic', 'logins'] as const satisfies readonly (keyof DockerHost)[];

/**
 * Gives every table of a world its null prototype again (a world that went through JSON, or was built by
 * hand, has ordinary objects): the entries, "__proto__" among them, are kept. Returns the same world.
 */
export function nullPrototypeTables(w: WorldState): WorldState {
  const fix = <R extends object>(rec: R, keys: readonly (keyof R)[]) => {
    for (const k of keys) {
      const v = rec[k] as unknown;
      if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) !== null) (rec as Record<keyof R, unknown>)[k] = table(v as Record<string, unknown>);
    }
  };
  fix(w, WORLD_TABLES);
  for (const k of Object.keys(w.groupIndex)) {
    const g = w.groupIndex[k]!;
    if (Object.getPrototypeOf(g) !== null) w.groupIndex[k] = table(g);
  }
  fix(w.docker, DOCKER_TABLES);
  if (w.ecr) {
    fix(w.ecr, ['repositories', 'passwords']);
    for (const r of Object.values(w.ecr.repositories)) fix(r, ['images']);
  }
  fix(w.cost, ['byCapacityType', 'byService']);
  return w;
}

export interface WorldOptions {
  region?: string;
  availabilityZones?: string[];
  freeIpsPerSubnet?: number;
  durations?: Partial<Durations>;
  images?: Record<string, ImageBehavior>;
}

/** Refuses a duration override that is not a number of milliseconds between 0 and the horizon (model/limits.ts). */
function checkDurations(d: Partial<Durations> | undefined): void {
  for (const [k, v] of Object.entries(d ?? {})) {
    if (!Object.hasOwn(DEFAULT_DURATIONS, k)) throw new RangeError(`durations: there is no duration '${k}'.`);
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > DURATION_MAX_MS) {
      throw new RangeError(`durations.${k.replace(/Ms$/, '')}: ${String(v)} ms is not between 0 and ${DURATION_MAX_MS} ms (400 days).`);
    }
  }
}

export function createWorld(opts: WorldOptions = {}): WorldState {
  checkDurations(opts.durations);
  const region = opts.region ?? 'us-east-1';
  const azs = opts.availabilityZones ?? ['a', 'b', 'c'].map((s) => `${region}${s}`);
  const subnets = table<Subnet>();
  azs.forEach((az, i) => {
    const subnetId = `subnet-${az}`;
    subnets[subnetId] = {
      subnetId,
      availabilityZone: az,
      vpcId: 'vpc-default',
      cidr: `172.31.${i * 16}.0/20`,
      freeIps: opts.freeIpsPerSubnet ?? 4091,
      nextIp: 4,
    };
  });
  return nullPrototypeTables({
    region,
    account: '123456789012',
    epochSeconds: 1735689600,
    durations: { ...DEFAULT_DURATIONS, ...opts.durations },
    clusters: {},
    ec2: {},
    containerInstances: {},
    taskDefinitions: {},
    tasks: {},
    services: {},
    subnets,
    vpcId: 'vpc-default',
    images: table(opts.images),
    docker: newDockerHost(),
    ecr: newEcrState(),
    accountSettings: { awsvpcTrunking: 'disabled', serviceLongArnFormat: 'enabled', taskLongArnFormat: 'enabled', containerInstanceLongArnFormat: 'enabled' },
    groupIndex: {},
    traces: [],
    nextTraceId: 1,
    nextOrder: 1,
    taskOrder: [],
    loads: {},
    metrics: {},
    metricsTicking: false,
    fargateSpotAvailable: true,
    alarms: {},
    scalableTargets: {},
    scalingPolicies: {},
    scheduledActions: {},
    scalingActivities: [],
    launchTemplates: {},
    autoScalingGroups: {},
    capacityProviders: {},
    waiting: [],
    loadBalancers: {},
    targetGroups: {},
    listeners: {},
    rules: {},
    certificates: {},
    expressServices: {},
    routingVersion: 0,
    traffic: [],
    trafficTasks: [],
    namespaces: {},
    discoveryServices: {},
    healthOverrides: {},
    cost: emptyCost(),
    eventRules: {},
    serviceRevisions: {},
    serviceDeployments: {},
    hookFunctions: {},
    fargateTasksLaunched: false,
  });
}

export function arn(w: WorldState, resource: string): string {
  return `arn:aws:ecs:${w.region}:${w.account}:${resource}`;
}

/** The AZs of the default world, in subnet order. */
export function availabilityZones(w: WorldState): string[] {
  return Object.values(w.subnets).map((s) => s.availabilityZone);
}
