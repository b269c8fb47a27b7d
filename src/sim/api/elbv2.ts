import type { SimContext } from '../model/context';
import type { Operation } from './operation';
import { own } from '../core/own';
import { ApiError } from '../core/errors';
import type { LbAction, Listener, ListenerRule, LoadBalancer, TargetGroup } from '../model/types';

/** Elastic Load Balancing v2 (`elbv2.`): application load balancers, target groups, listeners and rules. */

const vErr = (m: string) => new ApiError('ValidationError', m);
const elbArn = (sim: SimContext, rest: string) => `arn:aws:elasticloadbalancing:${sim.world.region}:${sim.world.account}:${rest}`;

function tgByArn(sim: SimContext, arn: unknown): TargetGroup {
  const tg = typeof arn === 'string' ? own(sim.world.targetGroups, arn) ?? Object.values(sim.world.targetGroups).find((t) => t.TargetGroupName === arn) : undefined;
  if (!tg) throw new ApiError('TargetGroupNotFound', 'One or more target groups not found');
  return tg;
}

function checkActions(sim: SimContext, actions: unknown): LbAction[] {
  if (!Array.isArray(actions) || actions.length === 0) throw vErr('At least one action must be specified.');
  return actions.map((a: LbAction) => {
    if (a.Type === 'forward') return { Type: 'forward', TargetGroupArn: tgByArn(sim, a.TargetGroupArn).TargetGroupArn };
    if (a.Type === 'fixed-response') {
      if (!a.FixedResponseConfig?.StatusCode || !/^[2-5]\d\d$/.test(a.FixedResponseConfig.StatusCode)) throw vErr('A fixed-response action needs a StatusCode between 200 and 599.');
      return { Type: 'fixed-response', FixedResponseConfig: a.FixedResponseConfig };
    }
    throw vErr(`Action type '${String((a as { Type?: unknown }).Type)}' is not supported: use forward or fixed-response.`);
  });
}

function describeTg(sim: SimContext, tg: TargetGroup) {
  const { targets, deregistrationDelaySeconds, loadBalancerArns, ...rest } = tg;
  void targets;
  void deregistrationDelaySeconds;
  return { ...rest, LoadBalancerArns: loadBalancerArns, VpcId: sim.world.vpcId, HealthCheckProtocol: 'HTTP', HealthCheckPort: 'traffic-port', HealthCheckEnabled: true };
}

export const ELBV2_OPERATIONS: Record<string, Operation> = {
  CreateLoadBalancer(sim, input) {
    const w = sim.world;
    const name = input.Name as string;
    if (typeof name !== 'string' || !/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$/.test(name) || name.startsWith('internal-')) {
      throw vErr(`The load balancer name '${String(name)}' is not valid: up to 32 letters, numbers and hyphens, not starting or ending with a hyphen.`);
    }
    if ((input.Type ?? 'application') !== 'application') throw vErr('The simulator models application load balancers (Type application).');
    const existing = Object.values(w.loadBalancers).find((l) => l.LoadBalancerName === name);
    if (existing) return { LoadBalancers: [existing] };
    const subnets = (input.Subnets as string[] | undefined) ?? Object.keys(w.subnets);
    for (const s of subnets) if (!w.subnets[s]) throw vErr(`The subnet ID '${s}' is not valid`);
    if (new Set(subnets.map((s) => w.subnets[s]!.availabilityZone)).size < 2) throw vErr('At least two subnets in two different Availability Zones must be specified');
    const id = sim.hex(16);
    const lb: LoadBalancer = {
      LoadBalancerArn: elbArn(sim, `loadbalancer/app/${name}/${id}`), LoadBalancerName: name,
      DNSName: `${name}-${sim.hex(10)}.${w.region}.elb.amazonaws.com`, Type: 'application',
      Scheme: (input.Scheme as LoadBalancer['Scheme'] | undefined) ?? 'internet-facing', subnets, CreatedMs: sim.now,
    };
    w.loadBalancers[lb.LoadBalancerArn] = lb;
    sim.emit('LoadBalancerCreated', `Load balancer ${name} (${lb.DNSName}).`, { loadBalancerArn: lb.LoadBalancerArn });
    return { LoadBalancers: [{ ...lb, State: { Code: 'active' }, VpcId: w.vpcId, AvailabilityZones: subnets.map((s) => ({ SubnetId: s, ZoneName: w.subnets[s]!.availabilityZone })) }] };
  },

  CreateTargetGroup(sim, input) {
    const w = sim.world;
    const name = input.Name as string;
    if (typeof name !== 'string' || !/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$/.test(name)) throw vErr(`The target group name '${String(name)}' is not valid.`);
    if (Object.values(w.targetGroups).some((t) => t.TargetGroupName === name)) throw new ApiError('DuplicateTargetGroupName', 'A target group with the same name exists, but with different settings');
    const num = (k: string, def: number, lo: number, hi: number) => {
      const v = (input[k] as number | undefined) ?? def;
      if (typeof v !== 'number' || v < lo || v > hi) throw vErr(`${k} must be between ${lo} and ${hi}.`);
      return v;
    };
    const interval = num('HealthCheckIntervalSeconds', 30, 5, 300);
    const timeout = num('HealthCheckTimeoutSeconds', 5, 2, 120);
    if (timeout >= interval) throw vErr('Health check timeout must be smaller than the interval');
    const tg: TargetGroup = {
      TargetGroupArn: elbArn(sim, `targetgroup/${name}/${sim.hex(16)}`), TargetGroupName: name,
      Protocol: (input.Protocol as 'HTTP' | undefined) ?? 'HTTP', Port: num('Port', 80, 1, 65535),
      TargetType: ((input.TargetType as string | undefined) ?? 'instance') === 'ip' ? 'ip' : 'instance',
      HealthCheckPath: (input.HealthCheckPath as string | undefined) ?? '/', HealthCheckIntervalSeconds: interval, HealthCheckTimeoutSeconds: timeout,
      HealthyThresholdCount: num('HealthyThresholdCount', 5, 2, 10), UnhealthyThresholdCount: num('UnhealthyThresholdCount', 2, 2, 10),
      Matcher: (input.Matcher as { HttpCode: string } | undefined) ?? { HttpCode: '200' }, deregistrationDelaySeconds: 300, loadBalancerArns: [], targets: [],
    };
    if (!['instance', 'ip'].includes((input.TargetType as string | undefined) ?? 'instance')) throw vErr('TargetType must be instance or ip.');
    w.targetGroups[tg.TargetGroupArn] = tg;
    return { TargetGroups: [describeTg(sim, tg)] };
  },

  ModifyTargetGroupAttributes(sim, input) {
    const tg = tgByArn(sim, input.TargetGroupArn);
    for (const a of (input.Attributes as { Key: string; Value: string }[] | undefined) ?? []) {
      if (a.Key !== 'deregistration_delay.timeout_seconds') throw vErr(`The simulator supports the attribute deregistration_delay.timeout_seconds, not '${a.Key}'.`);
      const v = Number(a.Value);
      if (!Number.isInteger(v) || v < 0 || v > 3600) throw vErr('deregistration_delay.timeout_seconds must be between 0 and 3600.');
      tg.deregistrationDelaySeconds = v;
    }
    return { Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: String(tg.deregistrationDelaySeconds) }] };
  },

  CreateListener(sim, input) {
    const w = sim.world;
    const lb = w.loadBalancers[input.LoadBalancerArn as string];
    if (!lb) throw new ApiError('LoadBalancerNotFound', 'One or more load balancers not found');
    const port = (input.Port as number | undefined) ?? 80;
    if (Object.values(w.listeners).some((l) => l.LoadBalancerArn === lb.LoadBalancerArn && l.Port === port)) throw new ApiError('DuplicateListener', 'A listener already exists on this port for this load balancer');
    const actions = checkActions(sim, input.DefaultActions);
    const lbId = lb.LoadBalancerArn.split('/').pop()!;
    const l: Listener = { ListenerArn: elbArn(sim, `listener/app/${lb.LoadBalancerName}/${lbId}/${sim.hex(16)}`), LoadBalancerArn: lb.LoadBalancerArn, Port: port, Protocol: 'HTTP', DefaultActions: actions };
    w.listeners[l.ListenerArn] = l;
    w.routingVersion++;
    for (const a of actions) if (a.TargetGroupArn && !w.targetGroups[a.TargetGroupArn]!.loadBalancerArns.includes(lb.LoadBalancerArn)) w.targetGroups[a.TargetGroupArn]!.loadBalancerArns.push(lb.LoadBalancerArn);
    return { Listeners: [l] };
  },

  CreateRule(sim, input) {
    const w = sim.world;
    const l = w.listeners[input.ListenerArn as string];
    if (!l) throw new ApiError('ListenerNotFound', 'One or more listeners not found');
    const priority = input.Priority as number;
    if (!Number.isInteger(priority) || priority < 1 || priority > 50000) throw vErr('Priority must be between 1 and 50000.');
    if (Object.values(w.rules).some((r) => r.ListenerArn === l.ListenerArn && r.Priority === priority)) throw new ApiError('PriorityInUse', `Priority '${priority}' is currently in use`);
    const conditions = (input.Conditions as { Field?: string; Values?: string[]; PathPatternConfig?: { Values: string[] } }[] | undefined) ?? [];
    if (conditions.length === 0) throw vErr('A rule must have at least one condition.');
    const conds = conditions.map((c) => {
      if (c.Field !== 'path-pattern') throw vErr(`Condition field '${String(c.Field)}' is not simulated: use path-pattern.`);
      const values = c.PathPatternConfig?.Values ?? c.Values ?? [];
      if (values.length === 0) throw vErr('A path-pattern condition needs at least one value.');
      return { Field: 'path-pattern' as const, Values: values };
    });
    const actions = checkActions(sim, input.Actions);
    const r: ListenerRule = { RuleArn: elbArn(sim, `listener-rule/${l.ListenerArn.split(':listener/')[1]}/${sim.hex(16)}`), ListenerArn: l.ListenerArn, Priority: priority, Conditions: conds, Actions: actions };
    w.rules[r.RuleArn] = r;
    w.routingVersion++;
    for (const a of actions) if (a.TargetGroupArn && !w.targetGroups[a.TargetGroupArn]!.loadBalancerArns.includes(l.LoadBalancerArn)) w.targetGroups[a.TargetGroupArn]!.loadBalancerArns.push(l.LoadBalancerArn);
    return { Rules: [{ ...r, Priority: String(priority), IsDefault: false }] };
  },

  DescribeTargetHealth(sim, input) {
    const tg = tgByArn(sim, input.TargetGroupArn);
    return {
      TargetHealthDescriptions: tg.targets.map((t) => ({
        Target: { Id: t.Id, Port: t.Port }, HealthCheckPort: String(t.Port),
        TargetHealth: { State: t.State, ...(t.Reason ? { Reason: t.Reason } : {}) },
      })),
    };
  },

  DescribeTargetGroups(sim, input) {
    const arns = input.TargetGroupArns as string[] | undefined;
    return { TargetGroups: Object.values(sim.world.targetGroups).filter((t) => !arns || arns.includes(t.TargetGroupArn)).map((t) => describeTg(sim, t)) };
  },

  DescribeLoadBalancers(sim) {
    return { LoadBalancers: Object.values(sim.world.loadBalancers) };
  },

  /** Moves rules to new priorities at once (the strangler fig's switch: a rule parked behind the catch-all comes to the front). */
  SetRulePriorities(sim, input) {
    const list = input.RulePriorities as { RuleArn?: string; Priority?: number }[] | undefined;
    if (!Array.isArray(list) || list.length === 0) throw new ApiError('ValidationError', 'RulePriorities must contain at least one rule');
    const rules = list.map((x) => {
      const r = own(sim.world.rules, String(x.RuleArn ?? ''));
      if (!r) throw new ApiError('RuleNotFound', 'One or more rules not found');
      const p = Number(x.Priority);
      if (!Number.isInteger(p) || p < 1 || p > 50000) throw new ApiError('ValidationError', 'Priority must be between 1 and 50000');
      return { r, p };
    });
    for (const { r, p } of rules) {
      const clash = Object.values(sim.world.rules).find((o) => o.ListenerArn === r.ListenerArn && o.Priority === p && !rules.some((x) => x.r === o));
      if (clash) throw new ApiError('PriorityInUse', `Priority '${p}' is currently in use`);
    }
    for (const { r, p } of rules) r.Priority = p;
    sim.world.routingVersion++;
    return { Rules: rules.map(({ r }) => ({ ...r, Priority: String(r.Priority) })) };
  },
  DescribeListeners(sim, input) {
    const arns = input.ListenerArns as string[] | undefined;
    const lb = input.LoadBalancerArn as string | undefined;
    if (!arns && !lb) throw new ApiError('ValidationError', 'You must specify either listener ARNs or a load balancer ARN');
    if (lb && !sim.world.loadBalancers[lb]) throw new ApiError('LoadBalancerNotFound', 'One or more load balancers not found');
    const list = Object.values(sim.world.listeners).filter((l) => (lb ? l.LoadBalancerArn === lb : true) && (arns ? arns.includes(l.ListenerArn) : true));
    if (arns && list.length !== arns.length) throw new ApiError('ListenerNotFound', 'One or more listeners not found');
    return { Listeners: list.map((l) => ({ ListenerArn: l.ListenerArn, LoadBalancerArn: l.LoadBalancerArn, Port: l.Port, Protocol: l.Protocol, DefaultActions: l.DefaultActions })) };
  },
  DescribeRules(sim, input) {
    return { Rules: Object.values(sim.world.rules).filter((r) => r.ListenerArn === input.ListenerArn).map((r) => ({ ...r, Priority: String(r.Priority) })) };
  },
};
