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
  /** Unhealthy tasks whose load balancer verdict the service has already reported in its events. */
  unhealthyReported?: string[];
  /** Tasks of the service not yet STOPPED. */
  taskArns: string[];
  /** The last deployment that completed: where the circuit breaker rolls back to. */
  lastCompleted?: { id: string; taskDefinition: string };
  loadBalancers: { targetGroupArn: string; containerName: string; containerPort?: number }[];
  serviceRegistries: { registryArn: string; containerName?: string; containerPort?: number; port?: number }[];
  /** When its tasks were launched in the last minute (the launch-rate quota). */
  launchTimesMs?: number[];
  serviceConnectConfiguration?: ServiceConnectConfig;
  tags: Tag[];
  /** ECS Exec for the service's tasks. */
  enableExecuteCommand?: boolean;
}

export interface ServiceConnectConfig {
  enabled: boolean;
  namespace: string;
  services: { portName: string; discoveryName: string; clientAliases: { port: number; dnsName: string }[] }[];
}
