/** Task definitions and their container definitions. Plain data only (JSON-serializable) so a run can be snapshotted. */

export interface PortMapping {
  containerPort?: number;
  hostPort?: number;
  /** tcp or udp (the API admits any string; anything but udp is TCP). */
  protocol?: string;
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
  /** Restart in place after the process exits (ecs-spec §13.3). */
  restartPolicy?: { enabled?: boolean; ignoredExitCodes?: number[]; restartAttemptPeriod?: number };
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
  /** DeleteTaskDefinitions: when the revision went to DELETE_IN_PROGRESS. */
  deleteRequestedAtMs?: number;
  /** The task definition's tags (DescribeTaskDefinition shows them with include TAGS). */
  tags?: { key?: string; value?: string }[];
  runtimePlatform?: { operatingSystemFamily?: string; cpuArchitecture?: string };
  [member: string]: unknown;
}
