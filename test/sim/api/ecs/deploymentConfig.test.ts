import { describe, expect, it } from 'vitest';
import { Sim } from '../../../../src/sim';
import { checkDeploymentConfig } from '../../../../src/sim/api/ecs/deploymentConfig';
import { apiWorld, AWSVPC, fargateTaskDefinition, loadBalancer, ok } from '../../../support/simapiWorld';

const check = (dc: Record<string, unknown>, daemon = false) => checkDeploymentConfig(dc, undefined, daemon);
const refusal = (dc: Record<string, unknown>, daemon = false) => {
  try {
    check(dc, daemon);
  } catch (e) {
    return { code: (e as { code: string }).code, message: (e as Error).message };
  }
  throw new Error('accepted');
};
const lambda = { hookTargetArn: 'arn:aws:lambda:us-east-1:123456789012:function:check', roleArn: 'arn:aws:iam::123456789012:role/hooks', lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'] };

describe('checkDeploymentConfig', () => {
  it('gives a rolling service 200 % and 100 %, a daemon 100 % and 0 %, and the circuit breaker off', () => {
    expect(check({})).toEqual({ maximumPercent: 200, minimumHealthyPercent: 100, deploymentCircuitBreaker: { enable: false, rollback: false } });
    expect(check({}, true)).toEqual({ maximumPercent: 100, minimumHealthyPercent: 0, deploymentCircuitBreaker: { enable: false, rollback: false } });
  });

  it('fills in the documented defaults of LINEAR and CANARY, and keeps what BLUE_GREEN is given', () => {
    expect(check({ strategy: 'LINEAR' }).linearConfiguration).toEqual({ stepPercent: 10, stepBakeTimeInMinutes: 6 });
    expect(check({ strategy: 'CANARY', canaryConfiguration: { canaryPercent: 20 } }).canaryConfiguration).toEqual({ canaryPercent: 20, canaryBakeTimeInMinutes: 10 });
    expect(check({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5, lifecycleHooks: [lambda] })).toMatchObject({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5, lifecycleHooks: [lambda] });
  });

  it('merges an update into the current configuration', () => {
    const current = check({ maximumPercent: 150, deploymentCircuitBreaker: { enable: true, rollback: true } });
    expect(checkDeploymentConfig({ minimumHealthyPercent: 50 }, current, false)).toEqual({ maximumPercent: 150, minimumHealthyPercent: 50, deploymentCircuitBreaker: { enable: true, rollback: true } });
  });

  it.each([
    ['an unknown strategy', { strategy: 'RECREATE' }, 'Invalid deployment strategy: RECREATE. Valid values are ROLLING, BLUE_GREEN, LINEAR, CANARY.'],
    ['BLUE_GREEN without a bake time', { strategy: 'BLUE_GREEN' }, 'bakeTimeInMinutes must be specified when the deployment strategy is BLUE_GREEN.'],
    ['a bake time of a day and a minute', { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 1441 }, 'bakeTimeInMinutes must be an integer from 0 to 1440 minutes.'],
    ['linearConfiguration for CANARY', { strategy: 'CANARY', linearConfiguration: {} }, 'linearConfiguration is only valid when the deployment strategy is LINEAR.'],
    ['canaryConfiguration for ROLLING', { canaryConfiguration: {} }, 'canaryConfiguration is only valid when the deployment strategy is CANARY.'],
    ['a step of 2 %', { strategy: 'LINEAR', linearConfiguration: { stepPercent: 2 } }, 'linearConfiguration.stepPercent must be a multiple of 0.1 from 3.0 to 100.0.'],
    ['a canary of 0.05 %', { strategy: 'CANARY', canaryConfiguration: { canaryPercent: 0.05 } }, 'canaryConfiguration.canaryPercent must be a multiple of 0.1 from 0.1 to 100.0.'],
    ['lifecycle hooks on ROLLING', { lifecycleHooks: [lambda] }, 'lifecycleHooks are only valid with the BLUE_GREEN, LINEAR or CANARY deployment strategy.'],
    ['a hook without stages', { strategy: 'LINEAR', lifecycleHooks: [{ ...lambda, lifecycleStages: [] }] }, 'A lifecycle hook must specify at least one lifecycle stage in lifecycleStages.'],
    ['a Lambda hook without a role', { strategy: 'LINEAR', lifecycleHooks: [{ ...lambda, roleArn: undefined }] }, 'roleArn is required for an AWS_LAMBDA lifecycle hook: Amazon ECS needs a role to invoke the function.'],
    [
      'a PAUSE hook where traffic moves',
      { strategy: 'LINEAR', lifecycleHooks: [{ targetType: 'PAUSE', lifecycleStages: ['PRODUCTION_TRAFFIC_SHIFT'] }] },
      'PAUSE hooks cannot be configured at the PRODUCTION_TRAFFIC_SHIFT stage: it is valid only for AWS_LAMBDA hooks.',
    ],
    ['a bounded percent above 100', { deploymentCircuitBreaker: { enable: true, rollback: true, thresholdConfiguration: { type: 'BOUNDED_PERCENT', value: 101 } } }, 'thresholdConfiguration.value must be at most 100 for BOUNDED_PERCENT.'],
    ['a minimum above the maximum', { maximumPercent: 100, minimumHealthyPercent: 150 }, 'minimumHealthyPercent must be less than or equal to maximumPercent.'],
  ])('refuses %s', (_, dc, message) => {
    expect(refusal(dc)).toEqual({ code: 'InvalidParameterException', message });
  });

  it('refuses any strategy but ROLLING for a daemon', () => {
    expect(refusal({ strategy: 'CANARY' }, true).message).toBe('The DAEMON scheduling strategy supports only the ROLLING deployment strategy.');
  });
});

describe('advancedConfiguration of a blue/green service', () => {
  /** Fargate `app`, target groups `tg` and `tg2` (ip), a listener forwarding to `tg`; CreateService's answer for a BLUE_GREEN service with `advanced`. */
  function world() {
    const sim: Sim = apiWorld(0);
    fargateTaskDefinition(sim);
    const { lb, tg } = loadBalancer(sim);
    const tg2 = ok(sim, 'elbv2.CreateTargetGroup', { Name: 'tg2', Port: 80, TargetType: 'ip' }).TargetGroups[0].TargetGroupArn as string;
    const inst = ok(sim, 'elbv2.CreateTargetGroup', { Name: 'inst', Port: 80, TargetType: 'instance' }).TargetGroups[0].TargetGroupArn as string;
    const listener = ok(sim, 'elbv2.CreateListener', { LoadBalancerArn: lb, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }] }).Listeners[0].ListenerArn as string;
    const rule = (ok(sim, 'elbv2.DescribeRules', { ListenerArn: listener }).Rules as { RuleArn: string }[])[0]!.RuleArn;
    const create = (advanced: Record<string, unknown> | undefined) =>
      sim.call('ecs.CreateService', {
        cluster: 'demo',
        serviceName: 'bg',
        taskDefinition: 'app',
        desiredCount: 1,
        launchType: 'FARGATE',
        networkConfiguration: AWSVPC,
        deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 1 },
        loadBalancers: [{ targetGroupArn: tg, containerName: 'app', containerPort: 80, ...(advanced ? { advancedConfiguration: advanced } : {}) }],
      });
    return { tg, tg2, inst, rule, create };
  }
  const role = 'arn:aws:iam::123456789012:role/ecsInfrastructure';

  it('is kept as given when its rule forwards to the target groups', () => {
    const { tg2, rule, create } = world();
    const r = create({ alternateTargetGroupArn: tg2, productionListenerRule: rule, roleArn: role });
    expect(r.error).toBeUndefined();
    expect((r.output as { service: { loadBalancers: { advancedConfiguration: unknown }[] } }).service.loadBalancers[0]!.advancedConfiguration).toEqual({ alternateTargetGroupArn: tg2, productionListenerRule: rule, roleArn: role });
  });

  it('is required, with a different alternate target group of the same type and a rule that exists', () => {
    const { tg, tg2, inst, rule, create } = world();
    expect(create(undefined).error?.message).toBe(
      `The BLUE_GREEN deployment strategy needs advancedConfiguration on the load balancer of target group ${tg}: an alternateTargetGroupArn for the new service revision, a productionListenerRule and a roleArn.`,
    );
    expect(create({ alternateTargetGroupArn: tg, productionListenerRule: rule, roleArn: role }).error?.message).toBe('The alternate target group must be different from the target group of the load balancer.');
    expect(create({ alternateTargetGroupArn: inst, productionListenerRule: rule, roleArn: role }).error?.message).toBe(`The alternate target group ${inst} has target type instance, but the target group ${tg} has target type ip.`);
    expect(create({ alternateTargetGroupArn: tg2, productionListenerRule: `${rule}0`, roleArn: role }).error?.message).toBe(`The production listener rule ${rule}0 does not exist.`);
    expect(create({ alternateTargetGroupArn: tg2, productionListenerRule: rule }).error?.message).toBe('advancedConfiguration.roleArn is required: Amazon ECS uses the role to change the listener rules.');
  });
});
