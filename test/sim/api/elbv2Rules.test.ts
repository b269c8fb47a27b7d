import { describe, expect, it } from 'vitest';
import { Sim } from '../../../src/sim';
import { asList } from '../../../src/sim/api/elbv2Rules';
import { loadBalancer, ok } from '../../support/simapiWorld';

/** A load balancer with a second target group `tg2` and a listener answering 404; what CreateRule answers for a rule of `conditions` and `actions`. */
function world() {
  const sim = new Sim();
  const { lb, tg } = loadBalancer(sim);
  const tg2 = ok(sim, 'elbv2.CreateTargetGroup', { Name: 'tg2', Port: 80, TargetType: 'ip' }).TargetGroups[0].TargetGroupArn as string;
  const listener = ok(sim, 'elbv2.CreateListener', { LoadBalancerArn: lb, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }] }).Listeners[0].ListenerArn as string;
  const create = (conditions: unknown, actions: unknown) => sim.call('elbv2.CreateRule', { ListenerArn: listener, Priority: 1, Conditions: conditions, Actions: actions });
  return { sim, tg, tg2, create };
}
const path = [{ Field: 'path-pattern', Values: ['/api/*'] }];

describe('forward actions', () => {
  it('are described in one form: weights in ForwardConfig, and TargetGroupArn when there is one group', () => {
    const { tg, tg2, create } = world();
    const weighted = create(path, [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: tg, Weight: 9 }, { TargetGroupArn: tg2 }] } }]);
    expect((weighted.output as { Rules: { Actions: unknown }[] }).Rules[0]!.Actions).toEqual([
      {
        Type: 'forward',
        ForwardConfig: {
          TargetGroups: [
            { TargetGroupArn: tg, Weight: 9 },
            { TargetGroupArn: tg2, Weight: 1 },
          ],
          TargetGroupStickinessConfig: { Enabled: false },
        },
      },
    ]);
  });

  it('keep stickiness with its duration, and find a target group by name too', () => {
    const { tg, create } = world();
    const r = create(path, [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: 'tg' }], TargetGroupStickinessConfig: { Enabled: true, DurationSeconds: 60 } } }]);
    expect((r.output as { Rules: { Actions: unknown }[] }).Rules[0]!.Actions).toEqual([
      { Type: 'forward', TargetGroupArn: tg, ForwardConfig: { TargetGroups: [{ TargetGroupArn: tg, Weight: 1 }], TargetGroupStickinessConfig: { Enabled: true, DurationSeconds: 60 } } },
    ]);
  });

  it.each([
    ['no actions', () => [], 'At least one action must be specified.'],
    ['an empty ForwardConfig', () => [{ Type: 'forward', ForwardConfig: { TargetGroups: [] } }], 'A forward action must specify at least one target group.'],
    ['a weight of 1000', (tg: string) => [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: tg, Weight: 1000 }] } }], (tg: string) => `The weight of target group '${tg}' must be an integer from 0 to 999.`],
    [
      'a group named twice',
      (tg: string) => [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: tg }, { TargetGroupArn: 'tg' }] } }],
      (tg: string) => `Target group '${tg}' is specified more than once in the forward action.`,
    ],
    [
      'a TargetGroupArn that ForwardConfig does not name alone',
      (tg: string, tg2: string) => [{ Type: 'forward', TargetGroupArn: tg, ForwardConfig: { TargetGroups: [{ TargetGroupArn: tg2 }] } }],
      'If you specify both TargetGroupArn and ForwardConfig, ForwardConfig can name only that one target group.',
    ],
    [
      'stickiness without a duration',
      (tg: string) => [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: tg }], TargetGroupStickinessConfig: { Enabled: true } } }],
      'You must specify DurationSeconds when you enable target group stickiness.',
    ],
    [
      'a stickiness of more than a week',
      (tg: string) => [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: tg }], TargetGroupStickinessConfig: { Enabled: true, DurationSeconds: 604801 } } }],
      'The target group stickiness duration must be from 1 to 604800 seconds.',
    ],
    [
      'a fixed response of 300 (the model allows 2xx, 4xx and 5xx)',
      () => [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '300' } }],
      "1 validation error detected: Value '300' at 'actions.1.member.fixedResponseConfig.statusCode' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(2|4|5)\\d\\d$",
    ],
    ['a redirect', () => [{ Type: 'redirect', RedirectConfig: { StatusCode: 'HTTP_301' } }], "Action type 'redirect' is not supported: use forward or fixed-response."],
  ])('refuse %s with ValidationError', (_, actions, message) => {
    const { tg, tg2, create } = world();
    expect(create(path, actions(tg, tg2)).error).toEqual({ code: 'ValidationError', message: typeof message === 'string' ? message : message(tg) });
  });

  it('refuse a target group that does not exist', () => {
    expect(world().create(path, [{ Type: 'forward', TargetGroupArn: 'ghost' }]).error).toEqual({ code: 'TargetGroupNotFound', message: 'One or more target groups not found' });
  });
});

describe('rule conditions', () => {
  it('take Values or the config form, path-pattern and host-header once each', () => {
    const { tg, create } = world();
    const r = create(
      [
        { Field: 'path-pattern', PathPatternConfig: { Values: ['/a', '/b'] } },
        { Field: 'host-header', Values: ['*.example.com'] },
      ],
      [{ Type: 'forward', TargetGroupArn: tg }],
    );
    expect((r.output as { Rules: { Conditions: unknown }[] }).Rules[0]!.Conditions).toEqual([
      { Field: 'path-pattern', Values: ['/a', '/b'], PathPatternConfig: { Values: ['/a', '/b'] } },
      { Field: 'host-header', Values: ['*.example.com'], HostHeaderConfig: { Values: ['*.example.com'] } },
    ]);
  });

  it.each([
    ['none', [], 'A rule must have at least one condition.'],
    ['an http-header condition', [{ Field: 'http-header', Values: ['x'] }], "Condition field 'http-header' is not simulated: use path-pattern or host-header."],
    [
      'two path-pattern conditions',
      [
        { Field: 'path-pattern', Values: ['/a'] },
        { Field: 'path-pattern', Values: ['/b'] },
      ],
      "A rule can have only one 'path-pattern' condition.",
    ],
    ['a condition without values', [{ Field: 'host-header' }], 'A host-header condition needs at least one value.'],
    ['a host without a dot', [{ Field: 'host-header', Values: ['localhost'] }], "The host header value 'localhost' is not valid."],
    ['a host ending in digits', [{ Field: 'host-header', Values: ['10.0.0.1'] }], "The host header value '10.0.0.1' is not valid."],
  ])('refuse %s', (_, conditions, message) => {
    const { tg, create } = world();
    expect(create(conditions, [{ Type: 'forward', TargetGroupArn: tg }]).error).toEqual({ code: 'ValidationError', message });
  });
});

describe('asList', () => {
  it('makes one value a list of one and leaves lists and undefined alone', () => {
    expect(asList('a')).toEqual(['a']);
    expect(asList(['a', 'b'])).toEqual(['a', 'b']);
    expect(asList(undefined)).toBeUndefined();
  });
});
