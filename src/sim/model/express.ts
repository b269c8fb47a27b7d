import type { Tag } from './cluster';

/**
 * Amazon ECS Express Mode (ecs-spec §13.4): an Express service is an ECS service with the resources Express
 * Mode made for it. The record keeps what the Express APIs answer (each configuration the service was given,
 * its endpoint) and what Delete removes (the load balancer's listener rule and target groups, the scaling policy).
 */

export interface ExpressContainer {
  image: string;
  containerPort: number;
  awsLogsConfiguration: { logGroup: string; logStreamPrefix: string };
  repositoryCredentials?: { credentialsParameter?: string };
  command?: string[];
  environment?: { name?: string; value?: string }[];
  secrets?: { name: string; valueFrom: string }[];
}

export interface ExpressScalingTarget {
  minTaskCount: number;
  maxTaskCount: number;
  autoScalingMetric: 'AVERAGE_CPU' | 'AVERAGE_MEMORY' | 'REQUEST_COUNT_PER_TARGET';
  autoScalingTargetValue: number;
}

/** One configuration of an Express service (API:ExpressGatewayServiceConfiguration). */
export interface ExpressConfiguration {
  serviceRevisionArn?: string;
  executionRoleArn?: string;
  taskRoleArn?: string;
  taskDefinitionArn: string;
  cpu: string;
  memory: string;
  networkConfiguration: { securityGroups: string[]; subnets: string[] };
  healthCheckPath: string;
  primaryContainer?: ExpressContainer;
  scalingTarget: ExpressScalingTarget;
  createdAtMs: number;
}

export interface ExpressService {
  serviceArn: string;
  serviceName: string;
  clusterArn: string;
  infrastructureRoleArn: string;
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  /** The host name of its HTTPS endpoint (the listener rule's host header). */
  endpoint: string;
  loadBalancerArn: string;
  listenerArn: string;
  ruleArn: string;
  /** The production target group and the alternate one that canary deployments shift to. */
  targetGroupArns: [string, string];
  scalingPolicyName: string;
  /** Whether the caller gave the task definition (taskDefinitionArn) rather than a primary container. */
  ownTaskDefinition: boolean;
  configurations: ExpressConfiguration[];
  tags: Tag[];
  createdAtMs: number;
  updatedAtMs: number;
}
