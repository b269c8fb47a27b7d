import type { SimContext } from '../model/context';
import type { Operation } from './operation';
import { PAGING, pageOf } from './paging';
import { own } from '../core/own';
import { ApiError } from '../core/errors';
import type { Listener, ListenerRule, LoadBalancer, TargetGroup } from '../model/types';
import { asList, attachTargetGroups, checkActions, checkConditions, checkProtocol, defaultRuleArnOf, describeDefaultRule, describeListener, describeRule, ruleOrDefault, tgByArn, vErr } from './elbv2Rules';
import { say } from '../model/narration';

/** Elastic Load Balancing v2 (`elbv2.`): application load balancers, target groups, HTTP and HTTPS listeners, rules with weighted forward actions. */

const elbArn = (sim: SimContext, rest: string) => `arn:aws:elasticloadbalancing:${sim.world.region}:${sim.world.account}:${rest}`;

function describeTg(sim: SimContext, tg: TargetGroup) {
  const { targets, deregistrationDelaySeconds, loadBalancerArns, ...rest } = tg;
  void targets;
  void deregistrationDelaySeconds;
  return { ...rest, LoadBalancerArns: loadBalancerArns, VpcId: sim.world.vpcId, HealthCheckProtocol: 'HTTP', HealthCheckPort: 'traffic-port', HealthCheckEnabled: true };
}

/** A load balancer as CreateLoadBalancer and DescribeLoadBalancers give it (the world's record keeps its subnets and creation time). */
function describeLb(sim: SimContext, lb: LoadBalancer) {
  const { subnets, CreatedMs, ...rest } = lb;
  return {
    ...rest,
    CreatedTime: sim.ts(CreatedMs),
    State: { Code: 'active' },
    VpcId: sim.world.vpcId,
    AvailabilityZones: subnets.map((s) => ({ SubnetId: s, ZoneName: sim.world.subnets[s]!.availabilityZone })),
  };
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
    if (existing) return { LoadBalancers: [describeLb(sim, existing)] };
    const subnets = (input.Subnets as string[] | undefined) ?? Object.keys(w.subnets);
    for (const s of subnets) if (!w.subnets[s]) throw vErr(`The subnet ID '${s}' is not valid`);
    if (new Set(subnets.map((s) => w.subnets[s]!.availabilityZone)).size < 2) throw vErr('At least two subnets in two different Availability Zones must be specified');
    const id = sim.hex(16);
    const lb: LoadBalancer = {
      LoadBalancerArn: elbArn(sim, `loadbalancer/app/${name}/${id}`),
      LoadBalancerName: name,
      DNSName: `${name}-${sim.hex(10)}.${w.region}.elb.amazonaws.com`,
      Type: 'application',
      Scheme: (input.Scheme as LoadBalancer['Scheme'] | undefined) ?? 'internet-facing',
      subnets,
      CreatedMs: sim.now,
    };
    w.loadBalancers[lb.LoadBalancerArn] = lb;
    sim.emit('LoadBalancerCreated', say('LoadBalancerCreated.created', { name, dns: lb.DNSName }), { loadBalancerArn: lb.LoadBalancerArn });
    return { LoadBalancers: [describeLb(sim, lb)] };
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
      TargetGroupArn: elbArn(sim, `targetgroup/${name}/${sim.hex(16)}`),
      TargetGroupName: name,
      Protocol: (input.Protocol as 'HTTP' | undefined) ?? 'HTTP',
      Port: num('Port', 80, 1, 65535),
      TargetType: ((input.TargetType as string | undefined) ?? 'instance') === 'ip' ? 'ip' : 'instance',
      HealthCheckPath: (input.HealthCheckPath as string | undefined) ?? '/',
      HealthCheckIntervalSeconds: interval,
      HealthCheckTimeoutSeconds: timeout,
      HealthyThresholdCount: num('HealthyThresholdCount', 5, 2, 10),
      UnhealthyThresholdCount: num('UnhealthyThresholdCount', 2, 2, 10),
      Matcher: (input.Matcher as { HttpCode: string } | undefined) ?? { HttpCode: '200' },
      deregistrationDelaySeconds: 300,
      loadBalancerArns: [],
      targets: [],
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
    const lb = own(w.loadBalancers, input.LoadBalancerArn);
    if (!lb) throw new ApiError('LoadBalancerNotFound', 'One or more load balancers not found');
    const proto = checkProtocol(sim, input);
    if (Object.values(w.listeners).some((l) => l.LoadBalancerArn === lb.LoadBalancerArn && l.Port === proto.Port)) throw new ApiError('DuplicateListener', 'A listener already exists on this port for this load balancer');
    const actions = checkActions(sim, input.DefaultActions);
    const lbId = lb.LoadBalancerArn.split('/').pop()!;
    const arn = elbArn(sim, `listener/app/${lb.LoadBalancerName}/${lbId}/${sim.hex(16)}`);
    const l: Listener = { ListenerArn: arn, LoadBalancerArn: lb.LoadBalancerArn, ...proto, DefaultActions: actions, defaultRuleArn: defaultRuleArnOf(arn) };
    w.listeners[l.ListenerArn] = l;
    w.routingVersion++;
    attachTargetGroups(sim, lb.LoadBalancerArn, actions);
    return { Listeners: [describeListener(l)] };
  },

  /** Changes a listener's port, protocol, certificate or default actions; requests follow at once. */
  ModifyListener(sim, input) {
    const w = sim.world;
    const l = own(w.listeners, input.ListenerArn);
    if (!l) throw new ApiError('ListenerNotFound', 'One or more listeners not found');
    const proto = checkProtocol(sim, input, l);
    if (Object.values(w.listeners).some((o) => o !== l && o.LoadBalancerArn === l.LoadBalancerArn && o.Port === proto.Port)) throw new ApiError('DuplicateListener', 'A listener already exists on this port for this load balancer');
    const actions = input.DefaultActions !== undefined ? checkActions(sim, input.DefaultActions) : l.DefaultActions;
    Object.assign(l, proto, { DefaultActions: actions });
    if (proto.Protocol === 'HTTP') {
      delete l.Certificates;
      delete l.SslPolicy;
    }
    w.routingVersion++;
    attachTargetGroups(sim, l.LoadBalancerArn, actions);
    return { Listeners: [describeListener(l)] };
  },

  CreateRule(sim, input) {
    const w = sim.world;
    const l = own(w.listeners, input.ListenerArn);
    if (!l) throw new ApiError('ListenerNotFound', 'One or more listeners not found');
    const priority = input.Priority as number;
    if (!Number.isInteger(priority) || priority < 1 || priority > 50000) throw vErr('Priority must be between 1 and 50000.');
    if (Object.values(w.rules).some((r) => r.ListenerArn === l.ListenerArn && r.Priority === priority)) throw new ApiError('PriorityInUse', `Priority '${priority}' is currently in use`);
    const conds = checkConditions(input.Conditions);
    const actions = checkActions(sim, input.Actions);
    const r: ListenerRule = { RuleArn: elbArn(sim, `listener-rule/${l.ListenerArn.split(':listener/')[1]}/${sim.hex(16)}`), ListenerArn: l.ListenerArn, Priority: priority, Conditions: conds, Actions: actions };
    w.rules[r.RuleArn] = r;
    w.routingVersion++;
    attachTargetGroups(sim, l.LoadBalancerArn, actions);
    return { Rules: [describeRule(r)] };
  },

  /** Replaces a rule's conditions and/or actions (the default rule: its actions only); requests follow at once. */
  ModifyRule(sim, input) {
    const found = ruleOrDefault(sim, input.RuleArn);
    if (!found) throw new ApiError('RuleNotFound', 'One or more rules not found');
    const { rule, listener } = found;
    if (!rule) {
      if (input.Conditions !== undefined) throw new ApiError('OperationNotPermitted', 'The default rule of a listener cannot have conditions.');
      if (input.Actions !== undefined) listener.DefaultActions = checkActions(sim, input.Actions);
      attachTargetGroups(sim, listener.LoadBalancerArn, listener.DefaultActions);
      sim.world.routingVersion++;
      return { Rules: [describeDefaultRule(listener)] };
    }
    if (input.Conditions !== undefined) rule.Conditions = checkConditions(input.Conditions);
    if (input.Actions !== undefined) rule.Actions = checkActions(sim, input.Actions);
    attachTargetGroups(sim, listener.LoadBalancerArn, rule.Actions);
    sim.world.routingVersion++;
    return { Rules: [describeRule(rule)] };
  },

  DescribeTargetHealth(sim, input) {
    const tg = tgByArn(sim, input.TargetGroupArn);
    return {
      TargetHealthDescriptions: tg.targets.map((t) => ({
        Target: { Id: t.Id, Port: t.Port },
        HealthCheckPort: String(t.Port),
        TargetHealth: { State: t.State, ...(t.Reason ? { Reason: t.Reason } : {}) },
      })),
    };
  },

  DescribeTargetGroups(sim, input) {
    const arns = input.TargetGroupArns as string[] | undefined;
    const names = input.Names as string[] | undefined;
    const lb = input.LoadBalancerArn as string | undefined;
    if (lb !== undefined && !own(sim.world.loadBalancers, lb)) throw new ApiError('LoadBalancerNotFound', 'One or more load balancers not found');
    const groups = Object.values(sim.world.targetGroups).filter((t) => (!arns || arns.includes(t.TargetGroupArn)) && (!names || names.includes(t.TargetGroupName)) && (lb === undefined || t.loadBalancerArns.includes(lb)));
    // Every ARN or name asked for must be there, as in ELBv2.
    if ((arns && arns.some((a) => !groups.some((t) => t.TargetGroupArn === a))) || (names && names.some((n) => !groups.some((t) => t.TargetGroupName === n)))) {
      throw new ApiError('TargetGroupNotFound', 'One or more target groups not found');
    }
    return pageOf(
      groups,
      input,
      PAGING.elbv2,
      'TargetGroups',
      (t) => t.TargetGroupArn,
      (t) => describeTg(sim, t),
    );
  },

  DescribeLoadBalancers(sim, input) {
    const arns = input.LoadBalancerArns as string[] | undefined;
    const names = input.Names as string[] | undefined;
    const lbs = Object.values(sim.world.loadBalancers).filter((l) => (!arns || arns.includes(l.LoadBalancerArn)) && (!names || names.includes(l.LoadBalancerName)));
    if ((arns && arns.some((a) => !lbs.some((l) => l.LoadBalancerArn === a))) || (names && names.some((n) => !lbs.some((l) => l.LoadBalancerName === n)))) {
      throw new ApiError('LoadBalancerNotFound', 'One or more load balancers not found');
    }
    return pageOf(
      lbs,
      input,
      PAGING.elbv2,
      'LoadBalancers',
      (l) => l.LoadBalancerArn,
      (l) => describeLb(sim, l),
    );
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
    // "You can reorder the rules as long as there are no priority conflicts in the new order. Any existing rules
    // that you do not specify retain their current priority" (API:SetRulePriorities): no two rules of a listener
    // share a priority afterwards, whether both are named in the request or one keeps the priority it has.
    const after = new Map(rules.map(({ r, p }) => [r, p]));
    const priorityAfter = (o: ListenerRule) => after.get(o) ?? o.Priority;
    for (const { r, p } of rules) {
      const clash = Object.values(sim.world.rules).find((o) => o !== r && o.ListenerArn === r.ListenerArn && priorityAfter(o) === p);
      if (clash) throw new ApiError('PriorityInUse', `Priority '${p}' is currently in use`);
    }
    for (const { r, p } of rules) r.Priority = p;
    sim.world.routingVersion++;
    return { Rules: rules.map(({ r }) => describeRule(r)) };
  },
  DescribeListeners(sim, input) {
    const arns = input.ListenerArns as string[] | undefined;
    const lb = input.LoadBalancerArn as string | undefined;
    if (!arns && !lb) throw new ApiError('ValidationError', 'You must specify either listener ARNs or a load balancer ARN');
    if (lb && !own(sim.world.loadBalancers, lb)) throw new ApiError('LoadBalancerNotFound', 'One or more load balancers not found');
    const list = Object.values(sim.world.listeners).filter((l) => (lb ? l.LoadBalancerArn === lb : true) && (arns ? arns.includes(l.ListenerArn) : true));
    if (arns && list.length !== arns.length) throw new ApiError('ListenerNotFound', 'One or more listeners not found');
    return pageOf(list, input, PAGING.elbv2, 'Listeners', (l) => l.ListenerArn, describeListener);
  },

  /** A listener's rules by priority, its default rule last; or the rules named by RuleArns. */
  DescribeRules(sim, input) {
    const w = sim.world;
    const arns = asList(input.RuleArns as string[] | undefined);
    const key = (r: Record<string, unknown>) => String(r.RuleArn);
    if (arns !== undefined) {
      const found = arns.map((a) => ruleOrDefault(sim, a));
      if (found.some((f) => !f)) throw new ApiError('RuleNotFound', 'One or more rules not found');
      return pageOf(
        found.map((f) => (f!.rule ? describeRule(f!.rule) : describeDefaultRule(f!.listener))),
        input,
        PAGING.elbv2,
        'Rules',
        key,
      );
    }
    const l = own(w.listeners, input.ListenerArn);
    if (!l) throw new ApiError('ListenerNotFound', 'One or more listeners not found');
    const rules = Object.values(w.rules)
      .filter((r) => r.ListenerArn === l.ListenerArn)
      .sort((a, b) => a.Priority - b.Priority);
    return pageOf([...rules.map(describeRule), describeDefaultRule(l)], input, PAGING.elbv2, 'Rules', key);
  },
};
