import { RANGES, type RangeName } from '../model/limits';
import type { Model, Shape } from './shape';

/**
 * Hand-written request tables of the operations that are ours, the simulator's (`sim.`) and the local
 * Docker host's (`docker.`), in the same compact form as those generated from the AWS models, so one
 * check (api/params.ts, api/service.ts) and the fuzz generators read every namespace alike. Numbers carry
 * their bounds from model/limits.ts.
 */

const str = (min = 0, max = 1024): Shape => ({ t: 'string', min, max });
const int = (range: RangeName): Shape => ({ t: 'integer', ...bounds(range) });
const num = (range: RangeName): Shape => ({ t: 'double', ...bounds(range) });
const list = (e: string, min = 0, max = 100): Shape => ({ t: 'list', e, min, max });
const map = (v: string, max = 100): Shape => ({ t: 'map', k: 'Key', v, max });
const struct = (m: Record<string, string>, r?: string[]): Shape => ({ t: 'structure', m, ...(r ? { r } : {}) });

function bounds(range: RangeName): { min?: number; max?: number } {
  const r = RANGES[range] as { min?: number; max?: number };
  return { ...(r.min !== undefined ? { min: r.min } : {}), ...(r.max !== undefined ? { max: r.max } : {}) };
}

/** Shapes both namespaces use. */
const COMMON: Record<string, Shape> = {
  Key: str(1, 256),
  Name: str(1, 256),
  Text: str(0, 1024),
  /** A file's text (a Dockerfile) or a long value. */
  LongText: str(0, 1_000_000),
  Bool: { t: 'boolean' },
  Names: list('Name', 0, 1000),
  Strings: map('Text'),
  Port: int('simPort'),
  Ports: list('Port', 0, 100),
  Seconds: num('simSeconds'),
  /** A duration: seconds, or text such as "90s", "5m", "1h". */
  Duration: { t: 'duration' },
  Empty: struct({}),
};

const SIM_SHAPES: Record<string, Shape> = {
  ...COMMON,
  InstanceIds: list('Name', RANGES.simInstanceIds.min, RANGES.simInstanceIds.max),
  LaunchCount: int('simLaunchCount'),
  Resource: int('ecsRegisteredResource'),
  RegisteredResources: struct({ CPU: 'Resource', MEMORY: 'Resource' }),
  ReservedMemory: int('simResource'),
  ExitCode: int('simExitCode'),
  Units: num('simResource'),
  Rate: num('simRate'),
  Percent: num('simPercent'),
  PeakHour: num('simPeakHour'),
  TraceId: int('simTraceId'),
  TrafficShape: { t: 'string', enum: ['constant', 'steps', 'spike', 'daily'] },
  RecordType: { t: 'string', enum: ['A', 'SRV'] },
  Step: struct({ at: 'Duration', requestsPerSecond: 'Rate' }, ['at', 'requestsPerSecond']),
  Steps: list('Step', 1, 1000),
  InterruptCount: int('ecsDesiredCount'),
  RouteCost: struct({ cpuMs: 'Units' }, ['cpuMs']),
  Routes: map('RouteCost', 200),
  ConnectsTo: struct({ hostEnv: 'Name', port: 'Port' }, ['hostEnv', 'port']),
  LaunchInstancesInput: struct({
    cluster: 'Name',
    instanceType: 'Name',
    count: 'LaunchCount',
    availabilityZone: 'Name',
    subnetId: 'Name',
    ec2InstanceIds: 'InstanceIds',
    registeredResources: 'RegisteredResources',
    attributes: 'Strings',
    reservedMemory: 'ReservedMemory',
    reservedPorts: 'Ports',
    bootSeconds: 'Seconds',
    agentVersion: 'Name',
  }),
  InstancesInput: struct({ instanceIds: 'InstanceIds' }, ['instanceIds']),
  AgentInput: struct({ cluster: 'Name', containerInstance: 'Name', ec2InstanceId: 'Name', durationSeconds: 'Seconds' }),
  ReconnectAgentInput: struct({ cluster: 'Name', containerInstance: 'Name', ec2InstanceId: 'Name' }),
  ExitContainerInput: struct({ cluster: 'Name', task: 'Name', containerName: 'Name', exitCode: 'ExitCode' }, ['task', 'containerName']),
  SetLoadInput: struct({ cluster: 'Name', service: 'Name', task: 'Name', containerName: 'Name', cpuUnits: 'Units', memoryMiB: 'Units' }),
  InterruptFargateSpotInput: struct({ cluster: 'Name', service: 'Name', tasks: 'Names', count: 'InterruptCount' }),
  SetFargateSpotCapacityInput: struct({ available: 'Bool' }, ['available']),
  FailHealthCheckInput: struct({ cluster: 'Name', task: 'Name', containerName: 'Name', failing: 'Bool' }, ['task']),
  ResolveInput: struct({ name: 'Name', type: 'RecordType', cluster: 'Name', fromService: 'Name' }, ['name']),
  SetTrafficInput: struct(
    {
      loadBalancer: 'Name',
      path: 'Text',
      shape: 'TrafficShape',
      requestsPerSecond: 'Rate',
      base: 'Rate',
      peak: 'Rate',
      duration: 'Duration',
      after: 'Duration',
      peakHour: 'PeakHour',
      steps: 'Steps',
      port: 'Port',
      host: 'Name',
    },
    ['loadBalancer'],
  ),
  CreateCertificateInput: struct({ DomainName: 'Name' }, ['DomainName']),
  HookVerdict: { t: 'string', enum: ['SUCCEEDED', 'FAILED'] },
  CreateHookFunctionInput: struct({ FunctionName: 'Name', hookStatus: 'HookVerdict', durationSeconds: 'Seconds', callBackDelay: 'Seconds' }, ['FunctionName']),
  SetImageInput: struct(
    {
      image: 'Name',
      exists: 'Bool',
      pullSeconds: 'Seconds',
      exitAfterSeconds: 'Seconds',
      exitCode: 'ExitCode',
      ignoresSigterm: 'Bool',
      stopSeconds: 'Seconds',
      healthCheckFails: 'Bool',
      healthyAfterSeconds: 'Seconds',
      cpuUnits: 'Units',
      memoryMiB: 'Units',
      routes: 'Routes',
      passesLbHealthCheck: 'Bool',
      errorPercent: 'Percent',
      readySeconds: 'Seconds',
      connectsTo: 'ConnectsTo',
    },
    ['image'],
  ),
  DescribePlacementTraceInput: struct({ traceId: 'TraceId', task: 'Name' }),
  RunInContainerInput: struct({ cluster: 'Name', task: 'Name', container: 'Name', command: 'Text' }, ['task', 'command']),
};

/** The simulator's operations, by the input shape each takes. */
export const SIM_MODEL: Model = {
  operations: {
    LaunchInstances: 'LaunchInstancesInput',
    TerminateInstances: 'InstancesInput',
    StopInstances: 'InstancesInput',
    StartInstances: 'InstancesInput',
    DisconnectAgent: 'AgentInput',
    ReconnectAgent: 'ReconnectAgentInput',
    ExitContainer: 'ExitContainerInput',
    SetLoad: 'SetLoadInput',
    InterruptFargateSpot: 'InterruptFargateSpotInput',
    SetFargateSpotCapacity: 'SetFargateSpotCapacityInput',
    FailHealthCheck: 'FailHealthCheckInput',
    Resolve: 'ResolveInput',
    SetTraffic: 'SetTrafficInput',
    SetImage: 'SetImageInput',
    DescribePlacementTrace: 'DescribePlacementTraceInput',
    RunInContainer: 'RunInContainerInput',
    CreateCertificate: 'CreateCertificateInput',
    CreateHookFunction: 'CreateHookFunctionInput',
  },
  shapes: SIM_SHAPES,
};

const DOCKER_SHAPES: Record<string, Shape> = {
  ...COMMON,
  Restart: { t: 'string', enum: ['no', 'always', 'on-failure', 'unless-stopped'] },
  Condition: { t: 'string', enum: ['service_started', 'service_healthy', 'service_completed_successfully'] },
  DependsOn: map('Condition', 100),
  HealthSeconds: num('dockerHealthSeconds'),
  Retries: int('dockerHealthRetries'),
  Healthcheck: struct({ test: 'Names', intervalSeconds: 'HealthSeconds', timeoutSeconds: 'HealthSeconds', retries: 'Retries', startPeriodSeconds: 'HealthSeconds', disable: 'Bool' }, ['test']),
  Rps: num('dockerRequestsPerSecond'),
  Paths: list('Text', 0, 100),
  Window: num('simSeconds'),
  Service: struct({ name: 'Name', image: 'Name', env: 'Strings', dependsOn: 'DependsOn', restartWith: 'Names', ports: 'Names', restart: 'Restart', healthcheck: 'Healthcheck' }, ['name']),
  Services: list('Service', 0, 100),
  BuildInput: struct({ tag: 'Name', dockerfile: 'LongText' }),
  ImageInput: struct({ image: 'Name' }),
  TagInput: struct({ source: 'Name', target: 'Name' }),
  LoginInput: struct({ registry: 'Name', username: 'Name', password: 'LongText' }),
  RunInput: struct({ image: 'Name', name: 'Name', ports: 'Names', env: 'Strings', network: 'Name', restart: 'Restart', healthcheck: 'Healthcheck', aliases: 'Names', project: 'Name', service: 'Name' }),
  ContainerInput: struct({ container: 'Name', force: 'Bool' }),
  ExecInput: struct({ container: 'Name', command: 'Names' }),
  PsInput: struct({ all: 'Bool' }),
  NameInput: struct({ name: 'Name' }),
  ProjectInput: struct({ project: 'Name' }),
  ComposePsInput: struct({ project: 'Name', all: 'Bool' }),
  ComposeUpInput: struct({ project: 'Name', services: 'Services' }),
  CurlInput: struct({ url: 'Text' }),
  SetTrafficInput: struct({ port: 'Port', requestsPerSecond: 'Rps', path: 'Text', paths: 'Paths' }),
  ProcessStartInput: struct({ name: 'Name', port: 'Port', image: 'Name' }),
  ProcessFaultInput: struct({ name: 'Name', path: 'Text' }),
  TrafficStatsInput: struct({ port: 'Port', seconds: 'Window' }),
};

/** The local Docker host's operations, by the input shape each takes. */
export const DOCKER_MODEL: Model = {
  operations: {
    Build: 'BuildInput',
    Images: 'Empty',
    Pull: 'ImageInput',
    Push: 'ImageInput',
    Tag: 'TagInput',
    Login: 'LoginInput',
    Run: 'RunInput',
    Start: 'ContainerInput',
    Stop: 'ContainerInput',
    Restart: 'ContainerInput',
    Rm: 'ContainerInput',
    Exec: 'ExecInput',
    Ps: 'PsInput',
    Logs: 'ContainerInput',
    NetworkCreate: 'NameInput',
    ComposeUp: 'ComposeUpInput',
    ComposeDown: 'ProjectInput',
    ComposePs: 'ComposePsInput',
    Curl: 'CurlInput',
    SetTraffic: 'SetTrafficInput',
    ProcessStart: 'ProcessStartInput',
    ProcessStop: 'NameInput',
    ProcessRestart: 'NameInput',
    ProcessFault: 'ProcessFaultInput',
    ProcessList: 'Empty',
    TrafficStats: 'TrafficStatsInput',
  },
  shapes: DOCKER_SHAPES,
};
