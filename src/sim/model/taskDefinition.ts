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
