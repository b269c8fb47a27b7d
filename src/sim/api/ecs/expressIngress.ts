import { ApiError } from '../../core/errors';
import type { SimContext } from '../../model/context';
import type { Cluster, ExpressScalingTarget, ExpressService } from '../../model/types';

/**
 * What Express Mode makes around an Express service (DG:express-service-work): "Application Load Balancer with
 * HTTPS listener, listener rules, and target groups", "Application Auto Scaling scalable target and target
 * tracking scaling policy", an "ACM certificate". Up to 25 Express services of a cluster share one load
 * balancer, each reached through a listener rule on its own host name [INF: the announcement's "Up to 25
 * services can share one ALB"; the endpoint is <name>-<id>.ecs.<region>.on.aws]. Express Mode makes them with
 * the infrastructure role, so each is an ordinary resource the learner can describe with the elbv2 and
 * application-autoscaling commands. [SIM] Not made: security groups (the tasks use the VPC's default group,
 * or the request's), the log group, the service-linked roles and the deployment alarm.
 */

/** At most this many Express services share a load balancer. */
export const SERVICES_PER_LOAD_BALANCER = 25;

/** Calls an operation on the caller's behalf; a refusal is the Express call's refusal. */
export function must<T = Record<string, unknown>>(sim: SimContext, operation: string, input: Record<string, unknown>): T {
  const r = sim.call(operation, input);
  if (r.error) throw new ApiError(r.error.code, r.error.message);
  return r.output as T;
}

export interface Ingress {
  loadBalancerArn: string;
  listenerArn: string;
}

/** The cluster's Express load balancer with room for one more service, or a new one with its HTTPS listener on 443. */
export function ingressFor(sim: SimContext, cluster: Cluster): Ingress {
  const w = sim.world;
  const users = new Map<string, ExpressService[]>();
  for (const e of Object.values(w.expressServices)) {
    if (e.clusterArn !== cluster.clusterArn || e.status === 'INACTIVE' || !w.listeners[e.listenerArn]) continue;
    users.set(e.listenerArn, [...(users.get(e.listenerArn) ?? []), e]);
  }
  for (const [listenerArn, es] of users) {
    if (es.length < SERVICES_PER_LOAD_BALANCER) return { loadBalancerArn: es[0]!.loadBalancerArn, listenerArn };
  }
  const lb = must<{ LoadBalancers: { LoadBalancerArn: string }[] }>(sim, 'elbv2.CreateLoadBalancer', { Name: `ecs-express-gateway-alb-${sim.hex(8)}`, Scheme: 'internet-facing' });
  const loadBalancerArn = lb.LoadBalancers[0]!.LoadBalancerArn;
  const cert = must<{ CertificateArn: string }>(sim, 'sim.CreateCertificate', { DomainName: `*.ecs.${w.region}.on.aws` });
  const listener = must<{ Listeners: { ListenerArn: string }[] }>(sim, 'elbv2.CreateListener', {
    LoadBalancerArn: loadBalancerArn,
    Protocol: 'HTTPS',
    Port: 443,
    Certificates: [{ CertificateArn: cert.CertificateArn }],
    DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404', ContentType: 'text/plain', MessageBody: 'Not Found' } }],
  });
  return { loadBalancerArn, listenerArn: listener.Listeners[0]!.ListenerArn };
}

export interface Route {
  endpoint: string;
  targetGroupArns: [string, string];
  ruleArn: string;
}

/**
 * The service's host name, its two target groups (production and the alternate one canary deployments
 * shift to, target type ip for awsvpc tasks) and a host-header rule forwarding all of its traffic to the first.
 */
export function routeFor(sim: SimContext, ingress: Ingress, serviceName: string, port: number, healthCheckPath: string): Route {
  const w = sim.world;
  const label = serviceName.toLowerCase().replace(/_/g, '-').slice(0, 40).replace(/-+$/, '') || 'express';
  const endpoint = `${label}-${sim.hex(10)}.ecs.${w.region}.on.aws`;
  const tg = () =>
    must<{ TargetGroups: { TargetGroupArn: string }[] }>(sim, 'elbv2.CreateTargetGroup', {
      Name: `ecs-gateway-tg-${sim.hex(16)}`,
      Protocol: 'HTTP',
      Port: port,
      TargetType: 'ip',
      HealthCheckPath: healthCheckPath,
    }).TargetGroups[0]!.TargetGroupArn;
  const targetGroupArns: [string, string] = [tg(), tg()];
  const used = Object.values(w.rules)
    .filter((r) => r.ListenerArn === ingress.listenerArn)
    .map((r) => r.Priority);
  const rule = must<{ Rules: { RuleArn: string }[] }>(sim, 'elbv2.CreateRule', {
    ListenerArn: ingress.listenerArn,
    Priority: Math.max(0, ...used) + 1,
    Conditions: [{ Field: 'host-header', HostHeaderConfig: { Values: [endpoint] } }],
    Actions: [
      {
        Type: 'forward',
        ForwardConfig: {
          TargetGroups: [
            { TargetGroupArn: targetGroupArns[0], Weight: 100 },
            { TargetGroupArn: targetGroupArns[1], Weight: 0 },
          ],
        },
      },
    ],
  });
  return { endpoint, targetGroupArns, ruleArn: rule.Rules[0]!.RuleArn };
}

const METRICS: Record<ExpressScalingTarget['autoScalingMetric'], string> = {
  AVERAGE_CPU: 'ECSServiceAverageCPUUtilization',
  AVERAGE_MEMORY: 'ECSServiceAverageMemoryUtilization',
  REQUEST_COUNT_PER_TARGET: 'ALBRequestCountPerTarget',
};

/** The scalable target (min and max tasks) and the target tracking policy of an Express service. */
export function putScaling(sim: SimContext, e: Pick<ExpressService, 'serviceArn' | 'loadBalancerArn' | 'targetGroupArns' | 'scalingPolicyName'>, st: ExpressScalingTarget): void {
  const resourceId = `service/${e.serviceArn.split(':service/')[1]}`;
  const common = { ServiceNamespace: 'ecs', ResourceId: resourceId, ScalableDimension: 'ecs:service:DesiredCount' };
  must(sim, 'applicationautoscaling.RegisterScalableTarget', { ...common, MinCapacity: st.minTaskCount, MaxCapacity: st.maxTaskCount });
  const metric = METRICS[st.autoScalingMetric];
  const label = metric === 'ALBRequestCountPerTarget' ? { ResourceLabel: `${e.loadBalancerArn.split(':loadbalancer/')[1]}/${e.targetGroupArns[0].split(':')[5]}` } : {};
  must(sim, 'applicationautoscaling.PutScalingPolicy', {
    ...common,
    PolicyName: e.scalingPolicyName,
    PolicyType: 'TargetTrackingScaling',
    TargetTrackingScalingPolicyConfiguration: { TargetValue: st.autoScalingTargetValue, PredefinedMetricSpecification: { PredefinedMetricType: metric, ...label } },
  });
}

/** Removes the listener rule of a deleted Express service: requests for its host name reach no target from now on. */
export function removeRoute(sim: SimContext, e: ExpressService): void {
  const w = sim.world;
  if (w.rules[e.ruleArn]) {
    delete w.rules[e.ruleArn];
    w.routingVersion++;
  }
}

/**
 * Once a deleted Express service's tasks have stopped: its target groups go, and the load balancer with its
 * listener when no other Express service uses it. True when done.
 */
export function removeIngress(sim: SimContext, e: ExpressService): boolean {
  const w = sim.world;
  const svc = w.services[e.serviceArn];
  const tasksLeft = svc ? svc.taskArns.some((a) => w.tasks[a] !== undefined && w.tasks[a]!.lastStatus !== 'STOPPED') : false;
  const draining = e.targetGroupArns.some((a) => (w.targetGroups[a]?.targets.length ?? 0) > 0);
  if (tasksLeft || draining) return false;
  for (const a of e.targetGroupArns) delete w.targetGroups[a];
  const shared = Object.values(w.expressServices).some((o) => o !== e && o.status !== 'INACTIVE' && o.listenerArn === e.listenerArn);
  if (!shared) {
    delete w.listeners[e.listenerArn];
    delete w.loadBalancers[e.loadBalancerArn];
  }
  w.routingVersion++;
  return true;
}
