import type { SimContext } from '../model/context';
import { own } from '../core/own';
import { ApiError } from '../core/errors';
import type { LbAction, Listener, ListenerRule, RuleCondition, TargetGroup, TargetGroupTuple } from '../model/types';
import { defaultRuleArnOf } from '../queries/rules';

export { defaultRuleArnOf, ruleOrDefault } from '../queries/rules';

/** What CreateListener, ModifyListener, CreateRule and ModifyRule check of actions and conditions, and how rules are described. */

export const vErr = (m: string) => new ApiError('ValidationError', m);

/** A list member given as one value (as the console's shorthand may give it) is that one-item list. */
export function asList<T>(v: T | T[] | undefined): T[] | undefined {
  return v === undefined ? undefined : Array.isArray(v) ? v : [v];
}

export function tgByArn(sim: SimContext, arn: unknown): TargetGroup {
  const tg = typeof arn === 'string' ? (own(sim.world.targetGroups, arn) ?? Object.values(sim.world.targetGroups).find((t) => t.TargetGroupName === arn)) : undefined;
  if (!tg) throw new ApiError('TargetGroupNotFound', 'One or more target groups not found');
  return tg;
}

interface ForwardInput {
  TargetGroupArn?: string;
  ForwardConfig?: {
    TargetGroups?: { TargetGroupArn?: string; Weight?: number }[];
    TargetGroupStickinessConfig?: { Enabled?: boolean; DurationSeconds?: number };
  };
}

/** The target groups of a forward action in one form: ForwardConfig with weights (1 when only TargetGroupArn is given), as ELB describes it. */
function checkForward(sim: SimContext, a: ForwardInput): LbAction {
  const fc = a.ForwardConfig;
  if (!fc) {
    const tg = tgByArn(sim, a.TargetGroupArn);
    return { Type: 'forward', TargetGroupArn: tg.TargetGroupArn, ForwardConfig: { TargetGroups: [{ TargetGroupArn: tg.TargetGroupArn, Weight: 1 }], TargetGroupStickinessConfig: { Enabled: false } } };
  }
  const list = fc.TargetGroups;
  if (!Array.isArray(list) || list.length === 0) throw vErr('A forward action must specify at least one target group.');
  if (list.length > 5) throw vErr('A forward action can specify up to 5 target groups.');
  const groups: TargetGroupTuple[] = list.map((x) => {
    const w = x.Weight ?? 1;
    if (!Number.isInteger(w) || w < 0 || w > 999) throw vErr(`The weight of target group '${String(x.TargetGroupArn)}' must be an integer from 0 to 999.`);
    return { TargetGroupArn: tgByArn(sim, x.TargetGroupArn).TargetGroupArn, Weight: w };
  });
  const seen = new Set<string>();
  for (const g of groups) {
    if (seen.has(g.TargetGroupArn)) throw vErr(`Target group '${g.TargetGroupArn}' is specified more than once in the forward action.`);
    seen.add(g.TargetGroupArn);
  }
  if (a.TargetGroupArn !== undefined && (groups.length !== 1 || tgByArn(sim, a.TargetGroupArn).TargetGroupArn !== groups[0]!.TargetGroupArn)) {
    throw vErr('If you specify both TargetGroupArn and ForwardConfig, ForwardConfig can name only that one target group.');
  }
  const st = fc.TargetGroupStickinessConfig;
  const enabled = st?.Enabled === true;
  if (enabled && st?.DurationSeconds === undefined) throw vErr('You must specify DurationSeconds when you enable target group stickiness.');
  if (st?.DurationSeconds !== undefined && (!Number.isInteger(st.DurationSeconds) || st.DurationSeconds < 1 || st.DurationSeconds > 604800)) {
    throw vErr('The target group stickiness duration must be from 1 to 604800 seconds.');
  }
  return {
    Type: 'forward',
    ...(groups.length === 1 ? { TargetGroupArn: groups[0]!.TargetGroupArn } : {}),
    ForwardConfig: { TargetGroups: groups, TargetGroupStickinessConfig: { Enabled: enabled, ...(enabled ? { DurationSeconds: st!.DurationSeconds! } : {}) } },
  };
}

export function checkActions(sim: SimContext, actions: unknown): LbAction[] {
  if (!Array.isArray(actions) || actions.length === 0) throw vErr('At least one action must be specified.');
  return actions.map((a: LbAction & ForwardInput) => {
    if (a.Type === 'forward') return checkForward(sim, a);
    if (a.Type === 'fixed-response') {
      if (!a.FixedResponseConfig?.StatusCode || !/^[2-5]\d\d$/.test(a.FixedResponseConfig.StatusCode)) throw vErr('A fixed-response action needs a StatusCode between 200 and 599.');
      return { Type: 'fixed-response', FixedResponseConfig: a.FixedResponseConfig };
    }
    throw vErr(`Action type '${String((a as { Type?: unknown }).Type)}' is not supported: use forward or fixed-response.`);
  });
}

interface ConditionInput {
  Field?: string;
  Values?: string[];
  PathPatternConfig?: { Values?: string[] };
  HostHeaderConfig?: { Values?: string[] };
}

/** A host-header value (ELB's rule: up to 128 characters, letters, digits, - _ . * ?, at least one dot, letters after the last dot). */
const HOST = /^[A-Za-z0-9_.*?-]{1,128}$/;

/** Rule conditions: path-pattern and host-header, each at most once per rule, at least one. */
export function checkConditions(input: unknown): RuleCondition[] {
  const list = (input as ConditionInput[] | undefined) ?? [];
  if (!Array.isArray(list) || list.length === 0) throw vErr('A rule must have at least one condition.');
  const fields = new Set<string>();
  return list.map((c) => {
    if (c.Field !== 'path-pattern' && c.Field !== 'host-header') throw vErr(`Condition field '${String(c.Field)}' is not simulated: use path-pattern or host-header.`);
    if (fields.has(c.Field)) throw vErr(`A rule can have only one '${c.Field}' condition.`);
    fields.add(c.Field);
    const values = (c.Field === 'path-pattern' ? c.PathPatternConfig?.Values : c.HostHeaderConfig?.Values) ?? c.Values ?? [];
    if (values.length === 0) throw vErr(`A ${c.Field} condition needs at least one value.`);
    if (c.Field === 'host-header') {
      for (const v of values) {
        if (!HOST.test(v) || !v.includes('.') || !/\.[A-Za-z*?]+$/.test(v)) throw vErr(`The host header value '${v}' is not valid.`);
      }
    }
    return { Field: c.Field, Values: values };
  });
}

/** The rule as DescribeRules returns it: priority as a string, conditions with their config form. */
export function describeRule(r: ListenerRule): Record<string, unknown> {
  return {
    RuleArn: r.RuleArn,
    Priority: String(r.Priority),
    Conditions: r.Conditions.map((c) => ({ Field: c.Field, Values: c.Values, ...(c.Field === 'path-pattern' ? { PathPatternConfig: { Values: c.Values } } : { HostHeaderConfig: { Values: c.Values } }) })),
    Actions: r.Actions,
    IsDefault: false,
  };
}

export function describeDefaultRule(l: Listener): Record<string, unknown> {
  return { RuleArn: l.defaultRuleArn ?? defaultRuleArnOf(l.ListenerArn), Priority: 'default', Conditions: [], Actions: l.DefaultActions, IsDefault: true };
}

export function describeListener(l: Listener): Record<string, unknown> {
  return {
    ListenerArn: l.ListenerArn,
    LoadBalancerArn: l.LoadBalancerArn,
    Port: l.Port,
    Protocol: l.Protocol,
    ...(l.Certificates ? { Certificates: l.Certificates } : {}),
    ...(l.SslPolicy ? { SslPolicy: l.SslPolicy } : {}),
    DefaultActions: l.DefaultActions,
  };
}

/** Target groups that an action forwards to learn which load balancer they are behind. */
export function attachTargetGroups(sim: SimContext, lbArn: string, actions: LbAction[]): void {
  for (const a of actions) {
    for (const g of a.ForwardConfig?.TargetGroups ?? []) {
      const tg = sim.world.targetGroups[g.TargetGroupArn]!;
      if (!tg.loadBalancerArns.includes(lbArn)) tg.loadBalancerArns.push(lbArn);
    }
  }
}

/** Security policies an HTTPS listener may name (a selection of ELB's predefined policies); the first is the default [INF: the console's default since 2023]. */
export const SSL_POLICIES = [
  'ELBSecurityPolicy-TLS13-1-2-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
  'ELBSecurityPolicy-TLS13-1-3-2021-06',
  'ELBSecurityPolicy-2016-08',
  'ELBSecurityPolicy-TLS-1-2-2017-01',
  'ELBSecurityPolicy-FS-1-2-Res-2020-10',
];

/** The protocol, port, certificate and policy of a listener, checked: HTTPS needs exactly one certificate the account holds. */
export function checkProtocol(sim: SimContext, input: Record<string, unknown>, current?: Listener): Pick<Listener, 'Protocol' | 'Port' | 'Certificates' | 'SslPolicy'> {
  const protocol = (input.Protocol as string | undefined) ?? current?.Protocol ?? 'HTTP';
  if (protocol !== 'HTTP' && protocol !== 'HTTPS') throw new ApiError('UnsupportedProtocol', `The protocol '${protocol}' is not supported by an Application Load Balancer: use HTTP or HTTPS.`);
  const port = (input.Port as number | undefined) ?? current?.Port ?? (protocol === 'HTTPS' ? 443 : 80);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw vErr('Port must be between 1 and 65535.');
  if (protocol === 'HTTP') {
    if (input.Certificates !== undefined || input.SslPolicy !== undefined)
      throw new ApiError('IncompatibleProtocols', 'The specified configuration is not valid with this protocol: certificates and security policies are for HTTPS listeners.');
    return { Protocol: 'HTTP', Port: port };
  }
  const certs = asList(input.Certificates as { CertificateArn?: string }[] | undefined) ?? current?.Certificates;
  if (!Array.isArray(certs) || certs.length !== 1) throw vErr('An HTTPS listener needs exactly one default certificate (Certificates).');
  const certArn = certs[0]!.CertificateArn;
  if (!own(sim.world.certificates, certArn)) throw new ApiError('CertificateNotFound', `The specified certificate does not exist: ${String(certArn)}`);
  const policy = (input.SslPolicy as string | undefined) ?? current?.SslPolicy ?? SSL_POLICIES[0]!;
  if (!SSL_POLICIES.includes(policy)) throw new ApiError('SSLPolicyNotFound', `The specified SSL policy does not exist: ${policy}`);
  return { Protocol: 'HTTPS', Port: port, Certificates: [{ CertificateArn: certArn! }], SslPolicy: policy };
}
