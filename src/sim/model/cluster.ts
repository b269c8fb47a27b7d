/** Clusters, EC2 instances, container instances and subnets. Plain data only (JSON-serializable) so a run can be snapshotted. */

export interface Attribute {
  name: string;
  value?: string;
  targetType?: 'container-instance';
  targetId?: string;
}

/** A tag as a request gave it (the ECS API requires neither member). */
export interface Tag {
  key?: string;
  value?: string;
}

export interface Cluster {
  clusterArn: string;
  clusterName: string;
  status: 'ACTIVE' | 'INACTIVE';
  createdAtMs: number;
  capacityProviders: string[];
  defaultCapacityProviderStrategy: CapacityProviderStrategyItem[];
  settings: { name?: string; value?: string }[];
  tags: Tag[];
  /** Container instance ARNs in registration order (the [SIM] tie-break order). */
  instanceArns: string[];
  /** ECS Exec logging and managed storage encryption (CreateCluster, UpdateCluster), as the request gave them. */
  configuration?: Record<string, unknown>;
  /** The default Service Connect namespace (its ARN). */
  serviceConnectDefaults?: { namespace: string };
}

export interface CapacityProviderStrategyItem {
  capacityProvider: string;
  weight?: number;
  base?: number;
}

/** An EC2 instance, whether or not its agent has registered it yet. */
export interface Ec2Instance {
  ec2InstanceId: string;
  instanceType: string;
  availabilityZone: string;
  subnetId: string;
  state: 'pending' | 'running' | 'stopping' | 'stopped' | 'terminated';
  clusterArn: string;
  launchedAtMs: number;
  /** Options the agent registers with (ECS_RESERVED_MEMORY, ECS_INSTANCE_ATTRIBUTES, …). */
  agentConfig: AgentConfig;
  containerInstanceArn?: string;
  /** The Auto Scaling group that launched it. */
  asgName?: string;
  /** The Managed Instances capacity provider that launched it (ECS provisions and retires it). */
  managedBy?: string;
  privateIp: string;
  /** Bumped on every state change so stale pending events are ignored. */
  gen: number;
  imageCache: string[];
  trunking: boolean;
}

export interface AgentConfig {
  reservedMemory: number;
  reservedPorts: number[];
  reservedPortsUdp: number[];
  instanceAttributes: Record<string, string>;
  registeredResources?: { CPU?: number; MEMORY?: number };
  /** An older agent than the current one (sim.LaunchInstances agentVersion), for UpdateContainerAgent. */
  agentVersion?: string;
}

export interface Resource {
  name: string;
  type: 'INTEGER' | 'STRINGSET';
  integerValue: number;
  stringSetValue?: string[];
}

export interface ContainerInstance {
  containerInstanceArn: string;
  id: string;
  clusterArn: string;
  ec2InstanceId: string;
  /** Registration order within the world (tie-breaks). */
  order: number;
  status: 'REGISTERING' | 'ACTIVE' | 'DRAINING' | 'DEREGISTERING' | 'INACTIVE';
  agentConnected: boolean;
  /** True while the agent's connection is actually down (ECS notices after the heartbeat timeout). */
  connectionLost: boolean;
  agentGen: number;
  reconnectAttempts: number;
  registeredAtMs: number;
  deregisteredAtMs?: number;
  availabilityZone: string;
  subnetId: string;
  instanceType: string;
  registeredCpu: number;
  registeredMemory: number;
  registeredGpu: number;
  reservedPorts: number[];
  reservedPortsUdp: number[];
  maxEni: number;
  /** Reserved by tasks on the instance. */
  usedCpu: number;
  usedMemory: number;
  usedGpu: number;
  usedEni: number;
  usedPorts: number[];
  usedPortsUdp: number[];
  attributes: Attribute[];
  capacityProviderName?: string;
  /** UpdateContainerAgent: the update in progress or done, and when it finishes. */
  agentUpdateStatus?: 'PENDING' | 'STAGING' | 'STAGED' | 'UPDATING' | 'UPDATED' | 'FAILED';
  agentVersion?: string;
  /** When ECS started to retire a managed instance (its maximum lifetime reached). */
  retiringSinceMs?: number;
  /** Since when a managed instance has run no task (idle instance detection). */
  idleSinceMs?: number;
  tags?: Tag[];
  /** Task ARNs (not STOPPED) on this instance. */
  taskArns: string[];
  version: number;
}

export interface Subnet {
  subnetId: string;
  availabilityZone: string;
  vpcId: string;
  cidr: string;
  freeIps: number;
  nextIp: number;
}
