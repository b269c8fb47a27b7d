import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lbLabel, seriesKey, tgLabel } from '../../../src/sim/queries/metrics';

describe('the key of a metric series', () => {
  it('lists the dimensions in name order, so their order in a request does not matter', () => {
    const a = seriesKey('AWS/ECS', 'CPUUtilization', [
      { name: 'ServiceName', value: 'web' },
      { name: 'ClusterName', value: 'demo' },
    ]);
    expect(a).toBe('AWS/ECS|CPUUtilization|ClusterName=demo,ServiceName=web');
    expect(
      seriesKey('AWS/ECS', 'CPUUtilization', [
        { name: 'ClusterName', value: 'demo' },
        { name: 'ServiceName', value: 'web' },
      ]),
    ).toBe(a);
    expect(seriesKey('AWS/ECS', 'CPUUtilization', [])).toBe('AWS/ECS|CPUUtilization|');
  });

  it("is the same for every order of the same dimensions, and leaves the caller's list as it was (property)", () => {
    const dims = fc.uniqueArray(fc.record({ name: fc.string({ minLength: 1, maxLength: 6 }), value: fc.string({ maxLength: 6 }) }), { selector: (d) => d.name, maxLength: 5 });
    const orders = dims.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })));
    fc.assert(
      fc.property(orders, ([list, shuffled]) => {
        const before = JSON.stringify(shuffled);
        expect(seriesKey('N', 'M', shuffled)).toBe(
          seriesKey(
            'N',
            'M',
            [...list].sort((a, b) => (a.name < b.name ? -1 : 1)),
          ),
        );
        expect(JSON.stringify(shuffled)).toBe(before);
      }),
    );
  });
});

describe('CloudWatch dimension labels', () => {
  it('are app/<name>/<id> of a load balancer ARN and targetgroup/<name>/<id> of a target group ARN', () => {
    expect(lbLabel('arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188')).toBe('app/web/50dc6c495c0c9188');
    expect(tgLabel('arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/73e2d6bc24d8a067')).toBe('targetgroup/web-tg/73e2d6bc24d8a067');
  });
});
