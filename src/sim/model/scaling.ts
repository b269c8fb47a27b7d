import type { Tag } from './cluster';

/** Metrics and alarms, Application Auto Scaling, EC2 Auto Scaling groups and capacity providers. Plain data only (JSON-serializable) so a run can be snapshotted. */

/** A CloudWatch-style metric: one datapoint per minute, timestamped at the start of its period. */
export interface MetricSeries {
  namespace: string;
  metricName: string;
  dimensions: { name: string; value: string }[];
  /** Flat pairs: period start (ms of simulated time), value. */
  points: number[];
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
  /** The Auto Scaling group of an EC2_AUTOSCALING provider. */
  autoScalingGroupName?: string;
  /** An Amazon ECS Managed Instances provider: its configuration as the request gave it, and the cluster it belongs to. */
  managedInstances?: ManagedInstancesProvider;
  managedScaling: {
    /** ENABLED or DISABLED (the API admits any string; anything but ENABLED is off). */
    status: string;
    targetCapacity: number;
    minimumScalingStepSize: number;
    maximumScalingStepSize: number;
    instanceWarmupPeriod: number;
  };
  /** ENABLED or DISABLED, as for managed scaling. */
  managedTerminationProtection: string;
  /** Cluster auto scaling: consecutive minutes below target, and the last CPR it published. */
  lowMinutes: number;
  lastReservation?: number;
  tags: Tag[];
}

/** What a Managed Instances capacity provider keeps (ecs-spec §13.2): the request's configuration, with its defaults. */
export interface ManagedInstancesProvider {
  cluster: string;
  infrastructureRoleArn: string;
  instanceLaunchTemplate: {
    ec2InstanceProfileArn: string;
    networkConfiguration: { subnets?: string[]; securityGroups?: string[] };
    storageConfiguration?: { storageSizeGiB?: number };
    monitoring?: string;
    capacityOptionType?: string;
    instanceRequirements?: InstanceRequirements;
    [member: string]: unknown;
  };
  propagateTags: string;
  /** Seconds an idle instance waits before it is removed (-1: never). */
  infrastructureOptimization: { scaleInAfter?: number | null };
  autoRepairConfiguration?: { actionsStatus?: string };
}

/** Attribute-based instance type selection (API:InstanceRequirementsRequest), the members the simulator applies. */
export interface InstanceRequirements {
  vCpuCount: { min: number; max?: number };
  memoryMiB: { min: number; max?: number };
  cpuManufacturers?: string[];
  memoryGiBPerVCpu?: { min?: number; max?: number };
  excludedInstanceTypes?: string[];
  allowedInstanceTypes?: string[];
  instanceGenerations?: string[];
  burstablePerformance?: string;
  acceleratorTypes?: string[];
  acceleratorCount?: { min?: number; max?: number };
  acceleratorManufacturers?: string[];
  acceleratorNames?: string[];
  [member: string]: unknown;
}
