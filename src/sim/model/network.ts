/** Load balancers, traffic, Cloud Map and EventBridge rules. Plain data only (JSON-serializable) so a run can be snapshotted. */

export interface LoadBalancer {
  LoadBalancerArn: string;
  LoadBalancerName: string;
  DNSName: string;
  Type: 'application';
  Scheme: 'internet-facing' | 'internal';
  subnets: string[];
  CreatedMs: number;
}

export interface TargetGroup {
  TargetGroupArn: string;
  TargetGroupName: string;
  Protocol: 'HTTP' | 'HTTPS';
  Port: number;
  TargetType: 'instance' | 'ip';
  HealthCheckPath: string;
  HealthCheckIntervalSeconds: number;
  HealthCheckTimeoutSeconds: number;
  HealthyThresholdCount: number;
  UnhealthyThresholdCount: number;
  Matcher: { HttpCode: string };
  deregistrationDelaySeconds: number;
  loadBalancerArns: string[];
  targets: LbTarget[];
  /** Whether the group's shared health-check tick is scheduled. */
  ticking?: boolean;
}

export interface LbTarget {
  /** Instance id (instance targets) or task IP (ip targets). */
  Id: string;
  Port: number;
  State: 'initial' | 'healthy' | 'unhealthy' | 'draining' | 'unused';
  Reason?: string;
  passes: number;
  failures: number;
  taskArn?: string;
  registeredMs: number;
  gen: number;
  /** Once first healthy the target is checked on its group's shared tick instead of its own events. */
  settled?: boolean;
}

export interface Listener {
  ListenerArn: string;
  LoadBalancerArn: string;
  Port: number;
  Protocol: 'HTTP' | 'HTTPS';
  DefaultActions: LbAction[];
  /** HTTPS: the listener's default certificate and security policy. */
  Certificates?: { CertificateArn: string }[];
  SslPolicy?: string;
  /** The ARN of the listener's default rule (what DescribeRules lists last, IsDefault true). */
  defaultRuleArn?: string;
}

/** A target group of a forward action with its weight (0–999): requests split in proportion to the weights. */
export interface TargetGroupTuple {
  TargetGroupArn: string;
  Weight: number;
}

export interface LbAction {
  Type: 'forward' | 'fixed-response';
  /** Set when the action forwards to exactly one target group, as ELB returns it. */
  TargetGroupArn?: string;
  ForwardConfig?: {
    TargetGroups: TargetGroupTuple[];
    TargetGroupStickinessConfig: { Enabled: boolean; DurationSeconds?: number };
  };
  FixedResponseConfig?: { StatusCode: string; ContentType?: string; MessageBody?: string };
}

export interface RuleCondition {
  Field: 'path-pattern' | 'host-header';
  Values: string[];
}

export interface ListenerRule {
  RuleArn: string;
  ListenerArn: string;
  Priority: number;
  Conditions: RuleCondition[];
  Actions: LbAction[];
}

/** A certificate the account holds (sim.CreateCertificate), for HTTPS listeners. */
export interface Certificate {
  CertificateArn: string;
  DomainName: string;
  CreatedMs: number;
}

/** Requests per second arriving at a load balancer for a path, shaped over time. */
export interface TrafficSource {
  loadBalancer: string;
  path: string;
  /** The listener port the requests arrive at (default: the load balancer's lowest listener port). */
  port?: number;
  /** The Host header of the requests (default: the load balancer's DNS name). */
  host?: string;
  shape:
    | { type: 'constant'; requestsPerSecond: number }
    | { type: 'steps'; steps: { atMs: number; requestsPerSecond: number }[] }
    | { type: 'spike'; base: number; peak: number; atMs: number; durationMs: number }
    | { type: 'daily'; base: number; peak: number; peakHour: number };
}

export interface CloudMapNamespace {
  Id: string;
  Arn: string;
  Name: string;
  Type: 'DNS_PRIVATE' | 'HTTP';
  CreateMs: number;
}

export interface CloudMapInstance {
  InstanceId: string;
  Attributes: Record<string, string>;
  HealthStatus: 'HEALTHY' | 'UNHEALTHY';
  taskArn?: string;
}

export interface CloudMapService {
  Id: string;
  Arn: string;
  Name: string;
  NamespaceId: string;
  DnsRecords: { Type: 'A' | 'SRV'; TTL: number }[];
  FailureThreshold?: number;
  instances: CloudMapInstance[];
  CreateMs: number;
}

/** An EventBridge rule on a schedule and its ECS targets (scheduled tasks). */
export interface EventRule {
  Name: string;
  Arn: string;
  ScheduleExpression: string;
  State: 'ENABLED' | 'DISABLED';
  Targets: { Id: string; Arn: string; RoleArn?: string; EcsParameters: Record<string, unknown> }[];
  CreatedMs: number;
  gen: number;
}
