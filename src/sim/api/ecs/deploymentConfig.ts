import { invalidParameter } from '../../core/errors';
import type { SimContext } from '../../model/context';
import type { DeploymentConfig, DeploymentStrategy, HookStage, LifecycleHook, ServiceLoadBalancer } from '../../model/types';
import { ruleOrDefault } from '../elbv2Rules';
import type * as Ecs from './inputs.generated';

/**
 * What CreateService and UpdateService check of deploymentConfiguration (spec §5.2, §5.3, §13.1;
 * API:DeploymentConfiguration, LinearConfiguration, CanaryConfiguration, DeploymentLifecycleHook,
 * DeploymentCircuitBreaker, ThresholdConfiguration) and of a load balancer's advancedConfiguration.
 * Every member the model has is kept and returned; the strategy's own configuration gets its
 * documented defaults. Where AWS's wording of a refusal is not published the message is ours [INF].
 */

const STRATEGIES: DeploymentStrategy[] = ['ROLLING', 'BLUE_GREEN', 'LINEAR', 'CANARY'];
const HOOK_STAGES: HookStage[] = ['RECONCILE_SERVICE', 'PRE_SCALE_UP', 'POST_SCALE_UP', 'TEST_TRAFFIC_SHIFT', 'POST_TEST_TRAFFIC_SHIFT', 'PRE_PRODUCTION_TRAFFIC_SHIFT', 'PRODUCTION_TRAFFIC_SHIFT', 'POST_PRODUCTION_TRAFFIC_SHIFT'];
/** Documented defaults (API:LinearConfiguration, API:CanaryConfiguration). */
export const LINEAR_DEFAULTS = { stepPercent: 10, stepBakeTimeInMinutes: 6 };
export const CANARY_DEFAULTS = { canaryPercent: 5, canaryBakeTimeInMinutes: 10 };
const MAX_BAKE_MINUTES = 1440;

/** A multiple of 0.1 within [lo, hi] (floating-point tolerant). */
function tenths(v: number, lo: number, hi: number): boolean {
  return v >= lo - 1e-9 && v <= hi + 1e-9 && Math.abs(v * 10 - Math.round(v * 10)) < 1e-6;
}

function minutes(v: number | undefined, what: string): void {
  if (v !== undefined && (!Number.isInteger(v) || v < 0 || v > MAX_BAKE_MINUTES)) throw invalidParameter(`${what} must be an integer from 0 to ${MAX_BAKE_MINUTES} minutes.`);
}

function checkLinear(c: Ecs.LinearConfiguration): DeploymentConfig['linearConfiguration'] {
  const stepPercent = c.stepPercent ?? LINEAR_DEFAULTS.stepPercent;
  if (!tenths(stepPercent, 3, 100)) throw invalidParameter('linearConfiguration.stepPercent must be a multiple of 0.1 from 3.0 to 100.0.');
  minutes(c.stepBakeTimeInMinutes, 'linearConfiguration.stepBakeTimeInMinutes');
  return { stepPercent, stepBakeTimeInMinutes: c.stepBakeTimeInMinutes ?? LINEAR_DEFAULTS.stepBakeTimeInMinutes };
}

function checkCanary(c: Ecs.CanaryConfiguration): DeploymentConfig['canaryConfiguration'] {
  const canaryPercent = c.canaryPercent ?? CANARY_DEFAULTS.canaryPercent;
  if (!tenths(canaryPercent, 0.1, 100)) throw invalidParameter('canaryConfiguration.canaryPercent must be a multiple of 0.1 from 0.1 to 100.0.');
  minutes(c.canaryBakeTimeInMinutes, 'canaryConfiguration.canaryBakeTimeInMinutes');
  return { canaryPercent, canaryBakeTimeInMinutes: c.canaryBakeTimeInMinutes ?? CANARY_DEFAULTS.canaryBakeTimeInMinutes };
}

/** Lifecycle hooks (API:DeploymentLifecycleHook): known stages; a Lambda hook names its function and role; a PAUSE hook is not allowed where traffic moves. */
function checkHooks(hooks: Ecs.DeploymentLifecycleHook[]): LifecycleHook[] {
  return hooks.map((h) => {
    const type = h.targetType ?? 'AWS_LAMBDA';
    if (type !== 'AWS_LAMBDA' && type !== 'PAUSE') throw invalidParameter(`Invalid lifecycle hook targetType: ${type}. Valid values are AWS_LAMBDA and PAUSE.`);
    const stages = h.lifecycleStages ?? [];
    if (stages.length === 0) throw invalidParameter('A lifecycle hook must specify at least one lifecycle stage in lifecycleStages.');
    for (const st of stages) {
      if (!HOOK_STAGES.includes(st as HookStage)) throw invalidParameter(`Invalid lifecycle stage: ${st}. Valid values are ${HOOK_STAGES.join(', ')}.`);
      if (type === 'PAUSE' && (st === 'TEST_TRAFFIC_SHIFT' || st === 'PRODUCTION_TRAFFIC_SHIFT')) {
        throw invalidParameter(`PAUSE hooks cannot be configured at the ${st} stage: it is valid only for AWS_LAMBDA hooks.`);
      }
    }
    if (type === 'AWS_LAMBDA' && !h.hookTargetArn) throw invalidParameter('hookTargetArn is required for an AWS_LAMBDA lifecycle hook.');
    if (type === 'AWS_LAMBDA' && !h.roleArn) throw invalidParameter('roleArn is required for an AWS_LAMBDA lifecycle hook: Amazon ECS needs a role to invoke the function.');
    const action = h.timeoutConfiguration?.action;
    if (action !== undefined && action !== 'CONTINUE' && action !== 'ROLLBACK') throw invalidParameter(`Invalid timeout action: ${action}. Valid values are CONTINUE and ROLLBACK.`);
    return { ...h, lifecycleStages: stages as HookStage[] } as LifecycleHook;
  });
}

function checkCircuitBreaker(cb: Ecs.DeploymentCircuitBreaker): DeploymentConfig['deploymentCircuitBreaker'] {
  const tc = cb.thresholdConfiguration;
  if (tc) {
    if (!['COUNT', 'BOUNDED_PERCENT', 'UNBOUNDED_PERCENT'].includes(tc.type)) throw invalidParameter(`Invalid thresholdConfiguration type: ${tc.type}. Valid values are COUNT, BOUNDED_PERCENT and UNBOUNDED_PERCENT.`);
    if (!Number.isInteger(tc.value) || tc.value < 1) throw invalidParameter('thresholdConfiguration.value must be a positive integer.');
    if (tc.type === 'BOUNDED_PERCENT' && tc.value > 100) throw invalidParameter('thresholdConfiguration.value must be at most 100 for BOUNDED_PERCENT.');
  }
  return cb as DeploymentConfig['deploymentCircuitBreaker'];
}

/**
 * The service's deploymentConfiguration after a CreateService (`current` undefined) or an UpdateService
 * (members given replace the current ones). `daemon`: the DAEMON scheduling strategy, rolling only.
 */
export function checkDeploymentConfig(dc: Ecs.DeploymentConfiguration, current: DeploymentConfig | undefined, daemon: boolean): DeploymentConfig {
  const merged = { ...current, ...dc } as Ecs.DeploymentConfiguration & Partial<DeploymentConfig>;
  const strategy = (merged.strategy ?? 'ROLLING') as DeploymentStrategy;
  if (!STRATEGIES.includes(strategy)) throw invalidParameter(`Invalid deployment strategy: ${strategy}. Valid values are ${STRATEGIES.join(', ')}.`);
  if (daemon && strategy !== 'ROLLING') throw invalidParameter('The DAEMON scheduling strategy supports only the ROLLING deployment strategy.');
  const shifting = strategy !== 'ROLLING';
  if (strategy === 'BLUE_GREEN' && merged.bakeTimeInMinutes === undefined) throw invalidParameter('bakeTimeInMinutes must be specified when the deployment strategy is BLUE_GREEN.');
  minutes(merged.bakeTimeInMinutes, 'bakeTimeInMinutes');
  if (dc.linearConfiguration && strategy !== 'LINEAR') throw invalidParameter('linearConfiguration is only valid when the deployment strategy is LINEAR.');
  if (dc.canaryConfiguration && strategy !== 'CANARY') throw invalidParameter('canaryConfiguration is only valid when the deployment strategy is CANARY.');
  if (merged.lifecycleHooks?.length && !shifting) throw invalidParameter('lifecycleHooks are only valid with the BLUE_GREEN, LINEAR or CANARY deployment strategy.');
  const out: DeploymentConfig = {
    maximumPercent: merged.maximumPercent ?? (daemon ? 100 : 200),
    minimumHealthyPercent: merged.minimumHealthyPercent ?? (daemon ? 0 : 100),
    deploymentCircuitBreaker: checkCircuitBreaker(merged.deploymentCircuitBreaker ?? { enable: false, rollback: false }),
  };
  if (merged.alarms) out.alarms = { alarmNames: merged.alarms.alarmNames, enable: merged.alarms.enable, rollback: merged.alarms.rollback };
  if (merged.strategy !== undefined) out.strategy = strategy;
  if (merged.bakeTimeInMinutes !== undefined) out.bakeTimeInMinutes = merged.bakeTimeInMinutes;
  if (merged.lifecycleHooks?.length) out.lifecycleHooks = checkHooks(merged.lifecycleHooks as Ecs.DeploymentLifecycleHook[]);
  if (strategy === 'LINEAR') out.linearConfiguration = checkLinear(merged.linearConfiguration ?? {});
  if (strategy === 'CANARY') out.canaryConfiguration = checkCanary(merged.canaryConfiguration ?? {});
  if (out.minimumHealthyPercent > out.maximumPercent) throw invalidParameter('minimumHealthyPercent must be less than or equal to maximumPercent.');
  return out;
}

/** The listener rule (or listener default rule) an advancedConfiguration names, checked to forward to one of the two target groups. */
function checkRule(sim: SimContext, arn: string, what: string, groups: string[]): void {
  const found = ruleOrDefault(sim, arn);
  if (!found) throw invalidParameter(`The ${what} ${arn} does not exist.`);
  const actions = found.rule ? found.rule.Actions : found.listener.DefaultActions;
  const fwd = actions.find((a) => a.Type === 'forward');
  if (!fwd?.ForwardConfig?.TargetGroups.some((g) => groups.includes(g.TargetGroupArn))) {
    throw invalidParameter(`The ${what} ${arn} must forward to the target group ${groups[0]} or its alternate target group ${groups[1]}.`);
  }
}

/**
 * Load balancers of a BLUE_GREEN, LINEAR or CANARY service need advancedConfiguration (DG:alb-resources-for-blue-green):
 * an alternate target group of the same target type, the production listener rule (and optionally a test one)
 * forwarding to the target groups, and the infrastructure role ECS changes the rules with.
 */
export function checkAdvanced(sim: SimContext, lbs: ServiceLoadBalancer[], strategy: DeploymentStrategy | undefined): void {
  const shifting = strategy !== undefined && strategy !== 'ROLLING';
  for (const lb of lbs) {
    const adv = lb.advancedConfiguration;
    if (!adv) {
      if (shifting) {
        throw invalidParameter(
          `The ${strategy} deployment strategy needs advancedConfiguration on the load balancer of target group ${lb.targetGroupArn}: an alternateTargetGroupArn for the new service revision, a productionListenerRule and a roleArn.`,
        );
      }
      continue;
    }
    if (!adv.alternateTargetGroupArn) throw invalidParameter('advancedConfiguration.alternateTargetGroupArn is required.');
    if (!adv.productionListenerRule) throw invalidParameter('advancedConfiguration.productionListenerRule is required.');
    if (!adv.roleArn) throw invalidParameter('advancedConfiguration.roleArn is required: Amazon ECS uses the role to change the listener rules.');
    const alt = sim.world.targetGroups[adv.alternateTargetGroupArn];
    if (!alt) throw invalidParameter(`The target group with targetGroupArn ${adv.alternateTargetGroupArn} does not exist.`);
    if (adv.alternateTargetGroupArn === lb.targetGroupArn) throw invalidParameter('The alternate target group must be different from the target group of the load balancer.');
    const primary = sim.world.targetGroups[lb.targetGroupArn]!;
    if (alt.TargetType !== primary.TargetType)
      throw invalidParameter(`The alternate target group ${alt.TargetGroupArn} has target type ${alt.TargetType}, but the target group ${primary.TargetGroupArn} has target type ${primary.TargetType}.`);
    const groups = [lb.targetGroupArn, adv.alternateTargetGroupArn];
    checkRule(sim, adv.productionListenerRule, 'production listener rule', groups);
    if (adv.testListenerRule) checkRule(sim, adv.testListenerRule, 'test listener rule', groups);
  }
}
