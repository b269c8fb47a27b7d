import { durationSeconds } from '../yamlDoc';
import { isObj, type Obj } from './manifest';

/**
 * A Load Balanced Web Service's routes on the environment's Application Load Balancer (ecs-spec §10.3): the
 * main rule of `http` and each of `http.additional_rules`, each with its path as Copilot reads it, the
 * container and port that receive its traffic (`target_container`, `target_port`), its target group's health
 * check and deregistration delay. What Copilot would add that the sandbox does not simulate is named.
 */

export interface ListenerRulePlan {
  /** The path as Copilot means it: `/` (every path) or `/<path>` (that path and below). */
  path: string;
  containerName: string;
  port: number;
  healthCheck: { path: string; healthyThreshold: number; unhealthyThreshold: number; intervalSeconds: number; timeoutSeconds: number; successCodes: string };
  deregistrationDelaySeconds: number;
}

/**
 * `http.path` as Copilot reads it [DOC: CP manifest lb-web-service, http.path; its template matches `/<path>` and
 * `/<path>/*`]: a path without its leading slash is the same path ("api" is /api); an empty path, or `/`, is every path.
 */
export function rulePath(path: unknown): string {
  const p = typeof path === 'string' ? path.trim().replace(/^\/+/, '').replace(/\/+$/, '') : '';
  return p === '' ? '/' : `/${p}`;
}

/** A rule's target group name (at most 32 characters): the workload's for http, with `-r<n>` for the additional rules. */
export function targetGroupName(app: string, env: string, name: string, n: number): string {
  const suffix = n === 0 ? '' : `-r${n + 1}`;
  return `${`${app}-${env}-${name}`
    .replace(/[^A-Za-z0-9-]/g, '-')
    .slice(0, 32 - suffix.length)
    .replace(/-+$/, '')}${suffix}`;
}

/** The path patterns a rule's listener condition matches. */
export const pathPatterns = (path: string) => (path === '/' ? ['/*'] : [path, `${path}/*`]);

/** Members of a rule (http or one of its additional_rules) that the sandbox does not simulate. */
const UNSIMULATED: Record<string, string> = {
  alias: 'alias (a custom domain and its certificate)',
  hosted_zone: 'hosted_zone (DNS records for the alias)',
  allowed_source_ips: 'allowed_source_ips (a source-IP condition)',
  stickiness: 'stickiness (sticky sessions)',
  redirect_to_https: 'redirect_to_https (an HTTPS listener)',
  version: 'version (HTTP/2 or gRPC to the targets)',
  alb: 'alb (an imported load balancer)',
};

interface Containers {
  main: string;
  mainPort: number | undefined;
  /** Sidecar name → its port. */
  sidecars: Record<string, number | undefined>;
}

/** One rule: the container and port its traffic goes to, and its target group's health check (Copilot's defaults). */
function ruleOf(h: Obj, where: string, c: Containers, findings: string[]): ListenerRulePlan | undefined {
  const target = typeof h.target_container === 'string' ? h.target_container : c.main;
  if (target !== c.main && !Object.hasOwn(c.sidecars, target)) {
    findings.push(`${where}.target_container '${target}' is neither the service's container nor one of its sidecars, so this rule is left out.`);
    return undefined;
  }
  const port = typeof h.target_port === 'number' ? h.target_port : target === c.main ? c.mainPort : c.sidecars[target];
  if (port === undefined) {
    findings.push(`${where}: container ${target} has no port to send traffic to (give target_port), so this rule is left out.`);
    return undefined;
  }
  const hc = typeof h.healthcheck === 'string' ? { path: h.healthcheck } : isObj(h.healthcheck) ? h.healthcheck : {};
  for (const [k, what] of Object.entries(UNSIMULATED)) if (h[k] !== undefined) findings.push(`${where}.${what} is not simulated; the rule matches on its path only.`);
  return {
    path: rulePath(h.path),
    containerName: target,
    port,
    healthCheck: {
      path: (hc.path as string | undefined) ?? '/',
      healthyThreshold: (hc.healthy_threshold as number | undefined) ?? 5,
      unhealthyThreshold: (hc.unhealthy_threshold as number | undefined) ?? 2,
      intervalSeconds: durationSeconds(hc.interval) ?? 30,
      timeoutSeconds: durationSeconds(hc.timeout) ?? 5,
      successCodes: String(hc.success_codes ?? '200'),
    },
    deregistrationDelaySeconds: durationSeconds(h.deregistration_delay) ?? 60,
  };
}

/**
 * The rules of `http`: the main one first, then `additional_rules` in order. A rule on a path another rule already
 * has differs only by a condition the sandbox does not simulate (alias, source IPs): it is named and left out.
 */
export function listenerRules(http: Obj, c: Containers, findings: string[]): ListenerRulePlan[] {
  const main = ruleOf(http, 'http', c, findings);
  const rules: ListenerRulePlan[] = main ? [main] : [];
  const extra = Array.isArray(http.additional_rules) ? http.additional_rules : [];
  extra.forEach((x, i) => {
    const where = `http.additional_rules[${i}]`;
    if (!isObj(x)) return findings.push(`${where} is not a map of rule fields, so it is left out.`);
    const r = ruleOf(x, where, c, findings);
    if (!r) return undefined;
    if (rules.some((y) => y.path === r.path)) return findings.push(`${where}: another rule already routes ${r.path}; a rule that differs only by alias or source IPs is not simulated, so it is left out.`);
    rules.push(r);
    return undefined;
  });
  return rules;
}

/** The ports each container of the task exposes for the rules: Copilot adds a port mapping for a target_port the container does not list. */
export function exposeRulePorts(containerDefinitions: Obj[], rules: ListenerRulePlan[]): void {
  for (const r of rules) {
    const def = containerDefinitions.find((d) => d.name === r.containerName);
    if (!def) continue;
    const maps = (def.portMappings ??= []) as { containerPort: number }[];
    if (!maps.some((m) => m.containerPort === r.port)) maps.push({ containerPort: r.port, protocol: 'tcp' } as { containerPort: number });
  }
}

/** `nlb`: a Network Load Balancer the service owns. */
export function nlbFinding(r: Obj): string | undefined {
  const nlb = r.nlb;
  if (nlb === undefined) return undefined;
  const port = isObj(nlb) ? String(nlb.port ?? '') : '';
  return `nlb: the service's own Network Load Balancer${port ? ` (listener ${port})` : ''} is not simulated; ${r.http === false ? 'the service runs without a load balancer' : "its traffic arrives through the environment's Application Load Balancer only"}.`;
}
