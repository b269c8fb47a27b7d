import type { EventType } from './events';

/**
 * The sandbox's own narration: every form of sentence the engine writes into the timeline, by
 * `<EventType>.<form>`, as an English template whose `{name}` slots the emitting call fills. An event said
 * by a form carries `form` and `values` beside its `message`, so the page says it in the learner's language
 * from the locale files' `event.<form>` keys without reading the English back. ECS's own words (a service's
 * events, a stopped reason, a status reason, every status value) are never a form: where a sentence embeds
 * them they are one of its values. The English locale's `event.*` entries are this text (a test compares them).
 */
export const NARRATION = {
  // tasks and containers
  'TaskStateChange.provisioning': 'Task {id} ({family}) is PROVISIONING: waiting for capacity from {provider}.',
  'TaskStateChange.stopping': 'Task {id} ({family}) is asked to stop: {reason}',
  'TaskStateChange.on': 'Task {id} ({family}) is {status} on {instance}.',
  'TaskStateChange.in': 'Task {id} ({family}) is {status} in {zone}.',
  'ContainerStateChange.status': 'Container {name} of task {id} is {status}.',
  'ContainerStateChange.exitedCode': 'Container {name} of task {id} exited with code {code}.',
  'ContainerStateChange.exited': 'Container {name} of task {id} exited.',
  'ContainerRestarted.exitedCode': 'Container {name} of task {id} exited with code {code} and is restarted in place by its restart policy (restart {restart}).',
  'ContainerRestarted.exited': 'Container {name} of task {id} exited and is restarted in place by its restart policy (restart {restart}).',
  'ContainerHealthChange.status': 'Container {name} of task {id} is {status}.',
  'TaskHealthChange.status': 'Task {id} ({family}) is {status}.',
  'TaskDefinitionRegistered.registered': 'Task definition {name} was registered.',
  'TaskDefinitionDeregistered.inactive': 'Task definition {name} was deregistered (INACTIVE).',
  'TaskDefinitionDeregistered.deleting': 'Task definition {name} is being deleted (DELETE_IN_PROGRESS).',
  'ScheduledTaskRun.ran': 'Rule {rule} ran {count} task(s).',
  'ScheduledTaskFailed.failed': 'Rule {rule} could not run its task: {code}: {error}',
  'LoadChanged.cpu': 'Load on {target}: {cpu} CPU units.',
  'LoadChanged.memory': 'Load on {target}: {memory} MiB.',
  'LoadChanged.both': 'Load on {target}: {cpu} CPU units, {memory} MiB.',
  'LoadChanged.containerCpu': 'Load on {target} ({container}): {cpu} CPU units.',
  'LoadChanged.containerMemory': 'Load on {target} ({container}): {memory} MiB.',
  'LoadChanged.containerBoth': 'Load on {target} ({container}): {cpu} CPU units, {memory} MiB.',
  'FaultInjected.fails': 'The health check of {names} in task {id} now fails.',
  'FaultInjected.passes': 'The health check of {names} in task {id} passes again.',
  'TaskProtectionChanged.on': 'Scale-in protection on for {count} task(s) for {minutes} minutes.',
  'TaskProtectionChanged.off': 'Scale-in protection off for {count} task(s).',
  'ExecuteCommandSession.session': 'ECS Exec session {session} to container {container} of task {id}: {command}',
  // services and deployments
  'ServiceCreated.created': 'Service {name} was created with desired count {count}.',
  'ServiceUpdated.deployment': 'Service {name} was updated (new deployment): desired count {count}.',
  'ServiceUpdated.updated': 'Service {name} was updated: desired count {count}.',
  'ServiceStateChange.draining': 'Service {name} is DRAINING (deleted).',
  'ServiceStateChange.inactive': 'Service {name} is INACTIVE.',
  'DeploymentStateChange.failed': 'Deployment {id} of service {service} FAILED: {why}.',
  'ServiceDeploymentStateChange.reason': 'Service deployment {id} of service {service} is {status}: {reason}.',
  'ServiceDeploymentStateChange.stage': 'Service deployment {id} of service {service} is {status} ({stage}).',
  'ServiceDeploymentStateChange.status': 'Service deployment {id} of service {service} is {status}.',
  'LifecycleHookStateChange.pause': 'Pause hook {hook} at {stage} of service {service} is {status}.',
  'LifecycleHookStateChange.lambda': 'Lambda hook {function} {hook} at {stage} of service {service} is {status}.',
  'ExpressGatewayServiceChange.active':
    'Express service {name} is ACTIVE at https://{endpoint}: service {name} on Fargate (canary deployments, {min}-{max} tasks by target tracking), task definition {taskDefinition}, an HTTPS listener rule for its host name with two target groups.',
  'ExpressGatewayServiceChange.updated': 'Express service {name} was updated.',
  'ExpressGatewayServiceChange.canary': 'Express service {name} was updated: a canary deployment of {taskDefinition} (5 % of its traffic for 3 minutes, then all).',
  'ExpressGatewayServiceChange.draining': 'Express service {name} is DRAINING: its listener rule and scaling policy are gone; its tasks stop, then its target groups, load balancer and listener are removed.',
  'ExpressGatewayServiceChange.drainingShared': 'Express service {name} is DRAINING: its listener rule and scaling policy are gone; its tasks stop, then its target groups are removed.',
  'ExpressGatewayServiceChange.inactive': 'Express service {name} is INACTIVE: its tasks have stopped and the resources Express Mode made for it are removed.',
  // instances and agents
  'InstanceLaunched.asg': 'EC2 instance {id} ({type}) is launching in {zone} for Auto Scaling group {group}.',
  'InstanceLaunched.managed': 'EC2 instance {id} ({type}) is launching in {zone} for Managed Instances capacity provider {provider}.',
  'InstanceLaunched.zone': 'EC2 instance {id} ({type}) is launching in {zone}.',
  'InstanceLaunched.starting': 'EC2 instance {id} is starting.',
  'InstanceStopped.stopped': 'EC2 instance {id} was stopped.',
  'InstanceTerminated.terminated': 'EC2 instance {id} was terminated.',
  'ContainerInstanceRegistered.cluster': 'Container instance {id} registered with cluster {cluster}: {cpu} CPU, {memory} MiB.',
  'ContainerInstanceStateChange.inactive': 'Container instance {id} is INACTIVE (deregistered).',
  'ContainerInstanceStateChange.draining': 'Container instance {id} is DRAINING: {why}.',
  'ContainerInstanceStateChange.status': 'Container instance {id} is {status}.',
  'AgentConnected.connected': 'The container agent on {id} is connected again.',
  'AgentDisconnected.disconnected': 'The container agent on {id} is disconnected (no heartbeat).',
  'AgentUpdated.updated': 'The container agent on {id} was updated to {version}.',
  'AttributesChanged.put': 'Attribute {name} was put on {instance}.',
  'AttributesChanged.putValue': 'Attribute {name}={value} was put on {instance}.',
  // auto scaling, capacity and alarms
  'AsgCreated.created': 'Auto Scaling group {group}: {type}, {min}-{max} instances, desired {desired}.',
  'AsgDesiredCapacity.desired': 'Auto Scaling group {group}: desired capacity {from} → {to} ({why}).',
  'AsgTerminate.terminates': 'Auto Scaling group {group} terminates {id} (desired capacity {desired}).',
  'CapacityProviderCreated.asg': 'Capacity provider {name} uses Auto Scaling group {group} (managed scaling {status}, target {target} %).',
  'CapacityProviderCreated.managed': 'Managed Instances capacity provider {name} in cluster {cluster}: ECS launches {count} instance type(s) as tasks need them ({types}).',
  'ManagedInstanceRetired.retired': 'Managed Instances capacity provider {provider} terminates {id}: {why}.',
  'ClusterCapacityProvidersChanged.uses': 'Cluster {name} uses {providers}.',
  'ClusterCapacityProvidersChanged.none': 'Cluster {name} uses no capacity providers.',
  'FargateSpotCapacity.spare': 'Fargate Spot has spare capacity again.',
  'FargateSpotCapacity.none': 'Fargate Spot has no spare capacity.',
  'ScalableTargetRegistered.range': '{target} scales between {min} and {max} tasks.',
  'ScalingPolicyPut.targetTracking': 'Target tracking policy {name} keeps {metric} of {target} near {value}: {alarms}.',
  'ScalingPolicyPut.step': 'Step scaling policy {name} on {target} ({adjustment}).',
  'ScalingActivity.desired': '{target}: desired count {from} → {to} ({cause}).',
  'ScalingActivity.min': '{target}: min capacity to {min} ({cause}).',
  'ScalingActivity.max': '{target}: max capacity to {max} ({cause}).',
  'ScalingActivity.minMax': '{target}: min capacity to {min} and max capacity to {max} ({cause}).',
  'AlarmPut.put': 'Alarm {name}: {condition}.',
  'AlarmStateChange.alarm': 'Alarm {name} is ALARM: {condition}.',
  'AlarmStateChange.state': 'Alarm {name} is {state}.',
  'AlarmStateChange.set': 'Alarm {name} is {state} (set by SetAlarmState: {reason}).',
  // load balancing, traffic and discovery
  'LoadBalancerCreated.created': 'Load balancer {name} ({dns}).',
  'TargetRegistered.registered': 'Target {target} (task {id}) registered in target group {group}.',
  'TargetDeregistered.draining': 'Target {target} (task {id}) is draining from target group {group} for {seconds} s.',
  'TargetHealthChange.state': 'Target {target} in {group} is {state}.',
  'TrafficChanged.constant': 'Traffic to {at}: {rate} requests/s.',
  'TrafficChanged.spike': 'Traffic to {at}: {base} requests/s with a spike to {peak} for {seconds} s.',
  'TrafficChanged.daily': 'Traffic to {at}: a daily curve from {base} to {peak} requests/s, peaking at {hour}:00 UTC.',
  'TrafficChanged.steps': 'Traffic to {at}: {count} steps.',
  'ForwardWeightsChanged.weights': 'Listener rule {rule} forwards by weight: {weights}.',
  'NamespaceCreated.private': 'Cloud Map namespace {name} (private DNS).',
  'NamespaceCreated.http': 'Cloud Map namespace {name} (HTTP).',
  'CloudMapRegistered.registered': 'Task {id} is registered in Cloud Map service {service} ({address}).',
  'CloudMapDeregistered.deregistered': 'Task {id} is deregistered from Cloud Map service {service}.',
  // clusters and the account
  'ClusterCreated.created': 'Cluster {name} was created.',
  'ClusterDeleted.deleted': 'Cluster {name} was deleted.',
  'ClusterUpdated.updated': 'Cluster {name} was updated.',
  'ClusterUpdated.settings': 'Cluster {name}: {settings}.',
  'AccountSettingChanged.changed': 'Account setting {name} is {value}.',
  'sim.fault.stopped': "The simulator stopped '{kind}' at {at} ms: {error}. The clock goes on.",
  // Amazon ECR
  'EcrImageAction.pushed': 'Image {image} pushed to Amazon ECR ({digest}…).',
  'EcrImageAction.untagged': 'Image {repository}@{digest}… untagged ({tags}) in Amazon ECR.',
  'EcrImageAction.deleted': 'Image {repository}@{digest}… deleted in Amazon ECR.',
  // the local Docker host
  'ImageBuilt.built': 'Image {image} built from {base}.',
  'ContainerStarted.started': 'Container {name} started ({image}).',
  'ContainerExited.exited': 'Container {name} exited with code {code}.',
  'ContainerExited.reason': 'Container {name} exited with code {code}: {reason}.',
  'ContainerHealth.health': 'Container {name} is {health}.',
  'ContainerStartFailed.failed': '{name}: {error}',
  'ComposeDependencyFailed.failed': '{failure} ({name} was not started).',
  'LocalRequestsFailing.exited': 'Requests to {at} are failing: nothing listens on port {port} (process {name} exited with code {code}).',
  'LocalRequestsFailing.crashed': 'Requests to {at} are failing: process {name} crashed handling {path}.',
  'LocalRequestsFailing.notFound': 'Requests to {at} are failing: {name} answers 404 for {path}.',
  'LocalRequestsFailing.unpublished': 'Requests to {at} are failing: nothing publishes port {port}.',
  'LocalRequestsFailing.notYet': 'Requests to {at} are failing: {name} is not accepting connections yet.',
  'LocalRequestsFailing.exposes': 'Requests to {at} are failing: nothing listens on container port {port} in {name} (the image exposes {exposed}).',
  'LocalRequestsFailing.containerPort': 'Requests to {at} are failing: nothing listens on container port {port} in {name}.',
  'LocalRequestsSucceeding.again': 'Requests to {at} succeed again.',
  'ProcessStarted.listens': 'Process {name} (pid {pid}) listens on port {port}.',
  'ProcessExited.stopped': 'Process {name} (pid {pid}) stopped.',
  'ProcessRestarted.restarted': 'Process {name} restarted (pid {pid}).',
  'ProcessCrashed.crashed': 'Process {name} (pid {pid}) crashed handling GET {path}: {error}. Every route it served is down.',
} as const satisfies Record<`${EventType}.${string}`, string>;

export type Form = keyof typeof NARRATION;

/**
 * The event types whose message is not the sandbox's narration but ECS's own words, kept as ECS writes
 * them: a service's events (`(service web) has reached a steady state.`), which DescribeServices returns too.
 */
export const FREE_TEXT = ['ServiceEvent'] as const;
export type FreeText = (typeof FREE_TEXT)[number];

/** The forms of one event type. */
export type FormOf<T extends string> = Extract<Form, `${T}.${string}`>;

/** The names of a template's `{slots}`. */
type Slots<S extends string> = S extends `${string}{${infer N}}${infer R}` ? N | Slots<R> : never;

/** The values a form's template needs: one per slot, each said as `${value}` would say it. */
export type FormValues<F extends Form> = { readonly [K in Slots<(typeof NARRATION)[F]>]: string | number };

/** A sentence of the sandbox's own narration: its form, its values (as strings) and the English they make. */
export interface Said<F extends Form = Form> {
  readonly form: F;
  readonly values: Readonly<Record<string, string>>;
  readonly message: string;
}

/**
 * Each template split at its slots: literal, slot name, literal, … (what `split` with a capture group
 * gives), made once so saying a sentence is one pass over its parts.
 */
const PARTS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(Object.entries(NARRATION).map(([form, text]) => [form, text.split(/\{(\w+)\}/)]));

/** The sentence of `form` with `values` in its slots; the values kept are the slots' only. */
export function say<F extends Form>(form: F, values: FormValues<F>): Said<F> {
  const parts = PARTS[form]!;
  const given = values as Readonly<Record<string, string | number>>;
  const kept: Record<string, string> = {};
  let message = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    const v = (kept[name] ??= String(given[name]));
    message += v + parts[i + 1]!;
  }
  return { form, values: kept, message };
}

/** A form with its values but those named `K`, which the emitting call adds (it alone knows them). */
export type Partly<F extends Form, K extends string> = { [G in F]: { readonly form: G; readonly values: Omit<FormValues<G>, K> } }[F];

/** The sentence of a form whose values are given in two parts: most where they are known, `more` where it is said. */
export function sayWith<F extends Form, K extends string>(part: Partly<F, K>, more: Readonly<Record<K, string | number>>): Said<F> {
  return say(part.form as F, { ...part.values, ...more } as unknown as FormValues<F>);
}

/** The slot names of a form's template, in order of first appearance. */
export function slotsOf(form: Form): string[] {
  return [...new Set(PARTS[form]!.filter((_, i) => i % 2 === 1))];
}
