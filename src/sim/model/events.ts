import type { FaultFields } from '../core/engine';
import type { Alarm, HookRun, HookStage, LbTarget, LifecycleStage, ServiceDeploymentStatus, TaskStatus } from './types';

/**
 * Every event type of the timeline with the fields it carries beside `t`, `type` and `message`.
 * The UI, the event log, the checker and replay read these; `EVENT_CATEGORY` says which part of
 * the sandbox each belongs to, so a filter never has to guess from a type's name.
 */
export interface EventMap {
  // tasks and containers
  TaskStateChange: {
    taskArn: string;
    lastStatus: TaskStatus;
    desiredStatus: 'RUNNING' | 'STOPPED';
    group: string;
    stopCode?: string;
    stoppedReason?: string;
    containerInstanceArn?: string;
    capacityProviderName?: string;
  };
  TaskHealthChange: { taskArn: string; healthStatus: 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN' };
  ContainerStateChange: { taskArn: string; containerName: string; lastStatus: 'RUNNING' | 'STOPPED'; exitCode?: number };
  ContainerHealthChange: { taskArn: string; containerName: string; healthStatus: 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN' };
  ContainerRestarted: { taskArn: string; containerName: string; exitCode: number; restartCount: number };
  TaskDefinitionRegistered: { taskDefinitionArn: string };
  TaskDefinitionDeregistered: { taskDefinitionArn: string };
  ScheduledTaskRun: { rule: string };
  ScheduledTaskFailed: { rule: string; error: { code: string; message: string } };
  LoadChanged: { target: string; cpuUnits: unknown; memoryMiB: unknown };
  FaultInjected: { taskArn: string; failing: boolean };
  TaskProtectionChanged: { taskArns: string[]; protectionEnabled: boolean };
  ExecuteCommandSession: { taskArn: string; containerName: string; sessionId: string };
  // services and deployments
  ServiceCreated: { serviceArn: string };
  ServiceUpdated: { serviceArn: string };
  ServiceStateChange: { serviceArn: string; status: 'DRAINING' | 'INACTIVE' };
  ServiceEvent: { serviceArn: string; serviceName: string };
  DeploymentStateChange: { serviceArn: string; deploymentId: string; rolloutState: 'FAILED' };
  ServiceDeploymentStateChange: { serviceArn: string; serviceDeploymentArn: string; status: ServiceDeploymentStatus; lifecycleStage?: LifecycleStage };
  LifecycleHookStateChange: { serviceArn: string; serviceDeploymentArn: string; hookId: string; lifecycleStage: HookStage; status: HookRun['status'] };
  ExpressGatewayServiceChange: { serviceArn: string; status: 'ACTIVE' | 'DRAINING' | 'INACTIVE'; endpoint: string };
  // instances and agents
  InstanceLaunched: { ec2InstanceId: string; instanceType: string; availabilityZone: string; autoScalingGroupName?: string };
  InstanceStopped: { ec2InstanceId: string };
  InstanceTerminated: { ec2InstanceId: string };
  ContainerInstanceRegistered: { containerInstanceArn: string; ec2InstanceId: string; clusterArn: string };
  ContainerInstanceStateChange: { containerInstanceArn: string; ec2InstanceId: string; status: 'ACTIVE' | 'DRAINING' | 'INACTIVE' };
  AgentConnected: { containerInstanceArn: string; ec2InstanceId: string };
  AgentDisconnected: { containerInstanceArn: string; ec2InstanceId: string };
  AgentUpdated: { containerInstanceArn: string; ec2InstanceId: string; agentVersion: string };
  AttributesChanged: { containerInstanceArn: string; name: string; value: string | undefined };
  // auto scaling, capacity and alarms
  AsgCreated: { autoScalingGroupName: string };
  AsgDesiredCapacity: { autoScalingGroupName: string; from: number; to: number };
  AsgTerminate: { autoScalingGroupName: string; ec2InstanceId: string };
  CapacityProviderCreated: { name: string };
  ManagedInstanceRetired: { capacityProviderName: string; ec2InstanceId: string; reason: string };
  ClusterCapacityProvidersChanged: { clusterArn: string };
  FargateSpotCapacity: { available: boolean };
  ScalableTargetRegistered: { resourceId: string };
  ScalingPolicyPut: { policyArn: string };
  ScalingActivity: { resourceId: string; cause: string; from?: number; to?: number };
  AlarmPut: { alarmName: string };
  AlarmStateChange: { alarmName: string; state: Alarm['StateValue'] };
  // load balancing, traffic and discovery
  LoadBalancerCreated: { loadBalancerArn: string };
  TargetRegistered: { targetGroupArn: string; id: string; port: number; taskArn: string };
  TargetDeregistered: { targetGroupArn: string; id: string; port: number };
  TargetHealthChange: { targetGroupArn: string; id: string; port: number; state: LbTarget['State'] };
  TrafficChanged: { loadBalancer: string; path: string };
  ForwardWeightsChanged: { ruleArn: string; targetGroups: { targetGroupArn: string; weight: number }[] };
  NamespaceCreated: { namespaceId: string };
  CloudMapRegistered: { serviceId: string; instanceId: string };
  CloudMapDeregistered: { serviceId: string; instanceId: string };
  // clusters and the account
  ClusterCreated: { clusterArn: string };
  ClusterDeleted: { clusterArn: string };
  ClusterUpdated: { clusterArn: string };
  AccountSettingChanged: { name: string; value: string };
  /**
   * A defect the engine caught: a handler threw (or an instant overflowed) while running a pending event of
   * kind `pendingKind`; that activity (`pending`) was stopped and the clock went on. `error` says what failed.
   */
  'sim.fault': FaultFields;
  // Amazon ECR (as EventBridge's "ECR Image Action")
  EcrImageAction: { actionType: 'PUSH' | 'DELETE'; repositoryName: string; imageDigest: string; imageTag?: string };
  // the local Docker host
  ImageBuilt: { image: string };
  ContainerStarted: { container: string };
  ContainerExited: { container: string; exitCode: number };
  ContainerHealth: { container: string; health: 'starting' | 'healthy' | 'unhealthy' | undefined };
  ContainerStartFailed: { container: string };
  ComposeDependencyFailed: { container: string };
  LocalRequestsFailing: { port: number; reason: string };
  LocalRequestsSucceeding: { port: number };
  ProcessStarted: { process: string; port: number };
  ProcessExited: { process: string };
  ProcessRestarted: { process: string };
  ProcessCrashed: { process: string; path: string };
}

export type EventType = keyof EventMap;

/** One event of the timeline, typed by its `type`. */
export type TypedSimEvent = { [K in EventType]: { t: number; type: K; message: string } & EventMap[K] }[EventType];

/** The part of the sandbox an event belongs to: what the event log filters by. */
export type EventCategory = 'tasks' | 'services' | 'instances' | 'scaling' | 'lb' | 'account' | 'docker';

export const EVENT_CATEGORIES: readonly EventCategory[] = ['tasks', 'services', 'instances', 'scaling', 'lb', 'account', 'docker'];

export const EVENT_CATEGORY: Record<EventType, EventCategory> = {
  TaskStateChange: 'tasks',
  TaskHealthChange: 'tasks',
  ContainerStateChange: 'tasks',
  ContainerHealthChange: 'tasks',
  ContainerRestarted: 'tasks',
  TaskDefinitionRegistered: 'tasks',
  TaskDefinitionDeregistered: 'tasks',
  ScheduledTaskRun: 'tasks',
  ScheduledTaskFailed: 'tasks',
  LoadChanged: 'tasks',
  FaultInjected: 'tasks',
  TaskProtectionChanged: 'tasks',
  ExecuteCommandSession: 'tasks',
  ServiceCreated: 'services',
  ServiceUpdated: 'services',
  ServiceStateChange: 'services',
  ServiceEvent: 'services',
  DeploymentStateChange: 'services',
  ServiceDeploymentStateChange: 'services',
  LifecycleHookStateChange: 'services',
  ExpressGatewayServiceChange: 'services',
  InstanceLaunched: 'instances',
  InstanceStopped: 'instances',
  InstanceTerminated: 'instances',
  ContainerInstanceRegistered: 'instances',
  ContainerInstanceStateChange: 'instances',
  AgentConnected: 'instances',
  AgentDisconnected: 'instances',
  AgentUpdated: 'instances',
  AttributesChanged: 'instances',
  AsgCreated: 'scaling',
  AsgDesiredCapacity: 'scaling',
  AsgTerminate: 'scaling',
  CapacityProviderCreated: 'scaling',
  ManagedInstanceRetired: 'scaling',
  ClusterCapacityProvidersChanged: 'scaling',
  FargateSpotCapacity: 'scaling',
  ScalableTargetRegistered: 'scaling',
  ScalingPolicyPut: 'scaling',
  ScalingActivity: 'scaling',
  AlarmPut: 'scaling',
  AlarmStateChange: 'scaling',
  LoadBalancerCreated: 'lb',
  TargetRegistered: 'lb',
  TargetDeregistered: 'lb',
  TargetHealthChange: 'lb',
  TrafficChanged: 'lb',
  ForwardWeightsChanged: 'lb',
  NamespaceCreated: 'lb',
  CloudMapRegistered: 'lb',
  CloudMapDeregistered: 'lb',
  ClusterCreated: 'account',
  ClusterDeleted: 'account',
  ClusterUpdated: 'account',
  AccountSettingChanged: 'account',
  'sim.fault': 'account',
  EcrImageAction: 'account',
  ImageBuilt: 'docker',
  ContainerStarted: 'docker',
  ContainerExited: 'docker',
  ContainerHealth: 'docker',
  ContainerStartFailed: 'docker',
  ComposeDependencyFailed: 'docker',
  LocalRequestsFailing: 'docker',
  LocalRequestsSucceeding: 'docker',
  ProcessStarted: 'docker',
  ProcessExited: 'docker',
  ProcessRestarted: 'docker',
  ProcessCrashed: 'docker',
};

/** The category of an event type; undefined for a type the engine does not emit. */
export function eventCategory(type: string): EventCategory | undefined {
  return Object.hasOwn(EVENT_CATEGORY, type) ? EVENT_CATEGORY[type as EventType] : undefined;
}
