import { translate, translateMaybe, type Locale, type MessageKey } from '../i18n';

/**
 * The event log in the page's language. The engine writes each event's message in English (the runner prints
 * it, the pins hash it); the page reads the sandbox's own narrative back by the English pattern of its event
 * type and says it through the locale files' event.<type>.<form> keys, the pattern's groups as the values.
 * ECS's own words stay as ECS writes them: service events, a task's stopped reason, a deployment's status
 * reason, and every status value (RUNNING, HEALTHY, IN_PROGRESS). A message no pattern reads stays English.
 */
const PATTERNS: Record<string, [form: string, re: RegExp][]> = {
  TaskStateChange: [
    ['provisioning', /^Task (?<id>\S+) \((?<family>[^)]+)\) is PROVISIONING: waiting for capacity from (?<provider>\S+)\.$/],
    ['stopping', /^Task (?<id>\S+) \((?<family>[^)]+)\) is asked to stop: (?<reason>.*)$/s],
    ['on', /^Task (?<id>\S+) \((?<family>[^)]+)\) is (?<status>[A-Z_]+) on (?<instance>\S+)\.$/],
    ['in', /^Task (?<id>\S+) \((?<family>[^)]+)\) is (?<status>[A-Z_]+) in (?<zone>\S+)\.$/],
  ],
  ContainerStateChange: [
    ['status', /^Container (?<name>\S+) of task (?<id>\S+) is (?<status>[A-Z_]+)\.$/],
    ['exitedCode', /^Container (?<name>\S+) of task (?<id>\S+) exited with code (?<code>-?\d+)\.$/],
    ['exited', /^Container (?<name>\S+) of task (?<id>\S+) exited\.$/],
  ],
  ContainerHealthChange: [['status', /^Container (?<name>\S+) of task (?<id>\S+) is (?<status>[A-Z_]+)\.$/]],
  TaskHealthChange: [['status', /^Task (?<id>\S+) \((?<family>[^)]+)\) is (?<status>[A-Z_]+)\.$/]],
  ServiceDeploymentStateChange: [
    ['reason', /^Service deployment (?<id>\S+) of service (?<service>\S+) is (?<status>[A-Z_]+): (?<reason>.*)\.$/s],
    ['stage', /^Service deployment (?<id>\S+) of service (?<service>\S+) is (?<status>[A-Z_]+) \((?<stage>[A-Z_]+)\)\.$/],
    ['status', /^Service deployment (?<id>\S+) of service (?<service>\S+) is (?<status>[A-Z_]+)\.$/],
  ],
  InstanceLaunched: [
    ['asg', /^EC2 instance (?<id>\S+) \((?<type>[^)]+)\) is launching in (?<zone>\S+) for Auto Scaling group (?<group>\S+)\.$/],
    ['managed', /^EC2 instance (?<id>\S+) \((?<type>[^)]+)\) is launching in (?<zone>\S+) for Managed Instances capacity provider (?<provider>\S+)\.$/],
    ['zone', /^EC2 instance (?<id>\S+) \((?<type>[^)]+)\) is launching in (?<zone>\S+)\.$/],
    ['starting', /^EC2 instance (?<id>\S+) is starting\.$/],
  ],
  ContainerInstanceRegistered: [['cluster', /^Container instance (?<id>\S+) registered with cluster (?<cluster>\S+): (?<cpu>\d+) CPU, (?<memory>\d+) MiB\.$/]],
  ContainerInstanceStateChange: [
    ['inactive', /^Container instance (?<id>\S+) is INACTIVE \(deregistered\)\.$/],
    ['draining', /^Container instance (?<id>\S+) is DRAINING: (?<why>.*)\.$/s],
    ['status', /^Container instance (?<id>\S+) is (?<status>[A-Z_]+)\.$/],
  ],
  InstanceTerminated: [['terminated', /^EC2 instance (?<id>\S+) was terminated\.$/]],
  InstanceStopped: [['stopped', /^EC2 instance (?<id>\S+) was stopped\.$/]],
  TaskDefinitionRegistered: [['registered', /^Task definition (?<name>\S+) was registered\.$/]],
  TaskDefinitionDeregistered: [
    ['inactive', /^Task definition (?<name>\S+) was deregistered \(INACTIVE\)\.$/],
    ['deleting', /^Task definition (?<name>\S+) is being deleted \(DELETE_IN_PROGRESS\)\.$/],
  ],
  ServiceCreated: [['created', /^Service (?<name>\S+) was created with desired count (?<count>\d+)\.$/]],
  ServiceUpdated: [
    ['deployment', /^Service (?<name>\S+) was updated \(new deployment\): desired count (?<count>\d+)\.$/],
    ['updated', /^Service (?<name>\S+) was updated: desired count (?<count>\d+)\.$/],
  ],
  ServiceStateChange: [
    ['draining', /^Service (?<name>\S+) is DRAINING \(deleted\)\.$/],
    ['inactive', /^Service (?<name>\S+) is INACTIVE\.$/],
  ],
  ClusterCreated: [['created', /^Cluster (?<name>\S+) was created\.$/]],
  ClusterDeleted: [['deleted', /^Cluster (?<name>\S+) was deleted\.$/]],
  ClusterUpdated: [['updated', /^Cluster (?<name>\S+) was updated\.$/]],
  TargetRegistered: [['registered', /^Target (?<target>\S+) \(task (?<id>\S+)\) registered in target group (?<group>\S+)\.$/]],
  TargetDeregistered: [['draining', /^Target (?<target>\S+) \(task (?<id>\S+)\) is draining from target group (?<group>\S+) for (?<seconds>\d+) s\.$/]],
  TargetHealthChange: [['state', /^Target (?<target>\S+) in (?<group>\S+) is (?<state>[\w.]+)\.$/]],
  CloudMapRegistered: [['registered', /^Task (?<id>\S+) is registered in Cloud Map service (?<service>\S+) \((?<address>[^)]+)\)\.$/]],
  CloudMapDeregistered: [['deregistered', /^Task (?<id>\S+) is deregistered from Cloud Map service (?<service>\S+)\.$/]],
  LoadBalancerCreated: [['created', /^Load balancer (?<name>\S+) \((?<dns>[^)]+)\)\.$/]],
  NamespaceCreated: [
    ['private', /^Cloud Map namespace (?<name>\S+) \(private DNS\)\.$/],
    ['http', /^Cloud Map namespace (?<name>\S+) \(HTTP\)\.$/],
  ],
  ScalableTargetRegistered: [['range', /^(?<target>\S+) scales between (?<min>\d+) and (?<max>\d+) tasks\.$/]],
  ImageBuilt: [['built', /^Image (?<image>\S+) built from (?<base>\S+)\.$/]],
  ImagePushed: [['pushed', /^Image (?<image>\S+) pushed to Amazon ECR repository (?<repository>\S+)\.$/]],
  ContainerStarted: [['started', /^Container (?<name>\S+) started \((?<image>[^)]+)\)\.$/]],
  ContainerHealth: [['health', /^Container (?<name>\S+) is (?<health>\w+)\.$/]],
  ProcessStarted: [['listens', /^Process (?<name>\S+) \(pid (?<pid>\d+)\) listens on port (?<port>\d+)\.$/]],
  ProcessExited: [['stopped', /^Process (?<name>\S+) \(pid (?<pid>\d+)\) stopped\.$/]],
  ProcessRestarted: [['restarted', /^Process (?<name>\S+) restarted \(pid (?<pid>\d+)\)\.$/]],
  ProcessCrashed: [['crashed', /^Process (?<name>\S+) \(pid (?<pid>\d+)\) crashed handling GET (?<path>\S+): (?<error>.*)\. Every route it served is down\.$/s]],
  LocalRequestsFailing: [
    ['exited', /^Requests to (?<at>\S+) are failing: nothing listens on port (?<port>\d+) \(process (?<name>\S+) exited with code (?<code>-?\d+)\)\.$/],
    ['crashed', /^Requests to (?<at>\S+) are failing: process (?<name>\S+) crashed handling (?<path>\S+)\.$/],
    ['notFound', /^Requests to (?<at>\S+) are failing: (?<name>\S+) answers 404 for (?<path>\S+)\.$/],
    ['unpublished', /^Requests to (?<at>\S+) are failing: nothing publishes port (?<port>\d+)\.$/],
    ['notYet', /^Requests to (?<at>\S+) are failing: (?<name>\S+) is not accepting connections yet\.$/],
    ['exposes', /^Requests to (?<at>\S+) are failing: nothing listens on container port (?<port>\d+) in (?<name>\S+) \(the image exposes (?<exposed>[^)]+)\)\.$/],
    ['containerPort', /^Requests to (?<at>\S+) are failing: nothing listens on container port (?<port>\d+) in (?<name>\S+)\.$/],
  ],
  LocalRequestsSucceeding: [['again', /^Requests to (?<at>\S+) succeed again\.$/]],
  AgentDisconnected: [['disconnected', /^The container agent on (?<id>\S+) is disconnected \(no heartbeat\)\.$/]],
  AgentConnected: [['connected', /^The container agent on (?<id>\S+) is connected again\.$/]],
  AsgTerminate: [['terminates', /^Auto Scaling group (?<group>\S+) terminates (?<id>\S+) \(desired capacity (?<desired>\d+)\)\.$/]],
  AlarmStateChange: [
    ['alarm', /^Alarm (?<name>\S+) is ALARM: (?<condition>.*)\.$/s],
    ['state', /^Alarm (?<name>\S+) is (?<state>[A-Z_]+)\.$/],
  ],
  ForwardWeightsChanged: [['weights', /^Listener rule (?<rule>\S+) forwards by weight: (?<weights>.*)\.$/]],
  DeploymentStateChange: [['failed', /^Deployment (?<id>\S+) of service (?<service>\S+) FAILED: (?<why>.*)\.$/s]],
  LifecycleHookStateChange: [
    ['pause', /^Pause hook (?<hook>\S+) at (?<stage>[A-Z_]+) of service (?<service>\S+) is (?<status>[A-Z_]+)\.$/],
    ['lambda', /^Lambda hook (?<hook>\S+) at (?<stage>[A-Z_]+) of service (?<service>\S+) is (?<status>[A-Z_]+)\.$/],
  ],
  ClusterCapacityProvidersChanged: [['uses', /^Cluster (?<name>\S+) uses (?<providers>[\w-]+(?:, [\w-]+)*)\.$/]],
  ScalingActivity: [['desired', /^(?<target>\S+): desired count (?<from>\d+) → (?<to>\d+) \((?<cause>.*)\)\.$/s]],
  AsgDesiredCapacity: [['desired', /^Auto Scaling group (?<group>\S+): desired capacity (?<from>\d+) → (?<to>\d+) \((?<why>.*)\)\.$/s]],
  AsgCreated: [['created', /^Auto Scaling group (?<group>\S+): (?<type>[\w.]+), (?<min>\d+)-(?<max>\d+) instances, desired (?<desired>\d+)\.$/]],
  CapacityProviderCreated: [['asg', /^Capacity provider (?<name>\S+) uses Auto Scaling group (?<group>\S+) \(managed scaling (?<status>[A-Z]+), target (?<target>\d+) %\)\.$/]],
  TrafficChanged: [['constant', /^Traffic to (?<at>\S+): (?<rate>[\d.]+) requests\/s\.$/]],
  FaultInjected: [
    ['fails', /^The health check of (?<names>.+) in task (?<id>\S+) now fails\.$/],
    ['passes', /^The health check of (?<names>.+) in task (?<id>\S+) passes again\.$/],
  ],
};

/** The key and values an event's English message is said by, when a pattern of its type reads it. */
export function eventMessage(type: string, text: string): { key: MessageKey; params: Record<string, string> } | undefined {
  for (const [form, re] of PATTERNS[type] ?? []) {
    const m = re.exec(text);
    if (m) return { key: `event.${type}.${form}` as MessageKey, params: { ...m.groups } };
  }
  return undefined;
}

/** An event's message in a locale: the sandbox's own words translated, the rest as the engine wrote them. */
export function eventText(locale: Locale, type: string, text: string): string {
  if (locale === 'en') return text;
  const m = eventMessage(type, text);
  return m && translateMaybe(locale, m.key) !== undefined ? translate(locale, m.key, m.params) : text;
}
