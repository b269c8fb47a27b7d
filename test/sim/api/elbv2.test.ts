import { describe, expect, it } from 'vitest';
import { Sim } from '../../../src/sim';
import { loadBalancer, ok, refused } from '../../support/simapiWorld';

const ARN = /^arn:aws:elasticloadbalancing:us-east-1:123456789012:/;

describe('CreateLoadBalancer', () => {
  it('creates an active internet-facing application load balancer with a DNS name, in the zones of its subnets; the same name again answers it', () => {
    const sim = new Sim();
    const lb = ok(sim, 'elbv2.CreateLoadBalancer', { Name: 'web', Subnets: ['subnet-us-east-1a', 'subnet-us-east-1b'] }).LoadBalancers[0];
    expect(lb.LoadBalancerArn).toMatch(/^arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer\/app\/web\/[0-9a-f]{16}$/);
    expect(lb).toMatchObject({ LoadBalancerName: 'web', Type: 'application', Scheme: 'internet-facing', State: { Code: 'active' }, VpcId: 'vpc-default' });
    expect(lb.DNSName).toMatch(/^web-[0-9a-f]{10}\.us-east-1\.elb\.amazonaws\.com$/);
    expect(lb.AvailabilityZones).toEqual([
      { SubnetId: 'subnet-us-east-1a', ZoneName: 'us-east-1a' },
      { SubnetId: 'subnet-us-east-1b', ZoneName: 'us-east-1b' },
    ]);
    expect(ok(sim, 'elbv2.CreateLoadBalancer', { Name: 'web' }).LoadBalancers[0].LoadBalancerArn).toBe(lb.LoadBalancerArn);
  });

  it.each([
    ['a name ending with a hyphen', { Name: 'web-' }, "The load balancer name 'web-' is not valid: up to 32 letters, numbers and hyphens, not starting or ending with a hyphen."],
    ['a name starting with internal-', { Name: 'internal-web' }, "The load balancer name 'internal-web' is not valid: up to 32 letters, numbers and hyphens, not starting or ending with a hyphen."],
    ['a network load balancer', { Name: 'n', Type: 'network' }, 'The simulator models application load balancers (Type application).'],
    ['one subnet', { Name: 'w', Subnets: ['subnet-us-east-1a'] }, 'At least two subnets in two different Availability Zones must be specified'],
    ['a subnet that does not exist', { Name: 'w', Subnets: ['subnet-us-east-1a', 'subnet-x'] }, "The subnet ID 'subnet-x' is not valid"],
  ])('refuses %s with ValidationError', (_, input, message) => {
    expect(refused(new Sim(), 'elbv2.CreateLoadBalancer', input)).toEqual({ code: 'ValidationError', message });
  });
});

describe('CreateTargetGroup and ModifyTargetGroupAttributes', () => {
  it("creates a target group with ELB's health check defaults, and refuses a second one of the same name", () => {
    const sim = new Sim();
    const tg = ok(sim, 'elbv2.CreateTargetGroup', { Name: 'tg', Protocol: 'HTTP', Port: 8080, VpcId: 'vpc-default' }).TargetGroups[0];
    expect(tg.TargetGroupArn).toMatch(/^arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup\/tg\/[0-9a-f]{16}$/);
    expect(tg).toMatchObject({
      Port: 8080,
      TargetType: 'instance',
      HealthCheckPath: '/',
      HealthCheckIntervalSeconds: 30,
      HealthCheckTimeoutSeconds: 5,
      HealthyThresholdCount: 5,
      UnhealthyThresholdCount: 2,
      Matcher: { HttpCode: '200' },
      LoadBalancerArns: [],
    });
    expect(refused(sim, 'elbv2.CreateTargetGroup', { Name: 'tg' })).toEqual({ code: 'DuplicateTargetGroupName', message: 'A target group with the same name exists, but with different settings' });
  });

  it.each([
    ['a timeout not below the interval', { HealthCheckIntervalSeconds: 10, HealthCheckTimeoutSeconds: 10 }, 'Health check timeout must be smaller than the interval'],
    // Bounds the model has are checked as the service checks a request, before the operation runs.
    ['a healthy threshold of 11', { HealthyThresholdCount: 11 }, "1 validation error detected: Value '11' at 'healthyThresholdCount' failed to satisfy constraint: Member must have value less than or equal to 10"],
    ['an interval of 301 seconds', { HealthCheckIntervalSeconds: 301 }, "1 validation error detected: Value '301' at 'healthCheckIntervalSeconds' failed to satisfy constraint: Member must have value less than or equal to 300"],
    ['a target type of lambda', { TargetType: 'lambda' }, 'TargetType must be instance or ip.'],
  ])('refuses %s', (_, input, message) => {
    expect(refused(new Sim(), 'elbv2.CreateTargetGroup', { Name: 'tg', ...input })).toEqual({ code: 'ValidationError', message });
  });

  it('sets the deregistration delay, and only that attribute, 0 to 3600 seconds', () => {
    const sim = new Sim();
    const { tg } = loadBalancer(sim);
    expect(ok(sim, 'elbv2.ModifyTargetGroupAttributes', { TargetGroupArn: tg, Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }] }).Attributes).toEqual([{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }]);
    expect(refused(sim, 'elbv2.ModifyTargetGroupAttributes', { TargetGroupArn: tg, Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '3601' }] }).message).toBe(
      'deregistration_delay.timeout_seconds must be between 0 and 3600.',
    );
    expect(refused(sim, 'elbv2.ModifyTargetGroupAttributes', { TargetGroupArn: tg, Attributes: [{ Key: 'stickiness.enabled', Value: 'true' }] }).message).toBe(
      "The simulator supports the attribute deregistration_delay.timeout_seconds, not 'stickiness.enabled'.",
    );
    expect(refused(sim, 'elbv2.ModifyTargetGroupAttributes', { TargetGroupArn: 'arn:nope', Attributes: [] })).toEqual({ code: 'TargetGroupNotFound', message: 'One or more target groups not found' });
  });
});

describe('listeners', () => {
  it('forward to a target group, which then knows its load balancer; a second listener on the port is refused', () => {
    const sim = new Sim();
    const { lb, tg } = loadBalancer(sim);
    const l = ok(sim, 'elbv2.CreateListener', { LoadBalancerArn: lb, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }] }).Listeners[0];
    expect(l.ListenerArn).toMatch(ARN);
    expect(l).toMatchObject({ LoadBalancerArn: lb, Port: 80, Protocol: 'HTTP' });
    expect(l.DefaultActions).toEqual([{ Type: 'forward', TargetGroupArn: tg, ForwardConfig: { TargetGroups: [{ TargetGroupArn: tg, Weight: 1 }], TargetGroupStickinessConfig: { Enabled: false } } }]);
    expect(ok(sim, 'elbv2.DescribeTargetGroups', { TargetGroupArns: [tg] }).TargetGroups[0].LoadBalancerArns).toEqual([lb]);
    expect(ok(sim, 'elbv2.DescribeTargetGroups', { LoadBalancerArn: lb }).TargetGroups.map((t: { TargetGroupArn: string }) => t.TargetGroupArn)).toEqual([tg]);
    expect(refused(sim, 'elbv2.CreateListener', { LoadBalancerArn: lb, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }] })).toEqual({
      code: 'DuplicateListener',
      message: 'A listener already exists on this port for this load balancer',
    });
  });

  it('on HTTPS need a certificate the account holds, take the default security policy, and go back to HTTP without them', () => {
    const sim = new Sim();
    const { lb, tg } = loadBalancer(sim);
    const actions = [{ Type: 'forward', TargetGroupArn: tg }];
    expect(refused(sim, 'elbv2.CreateListener', { LoadBalancerArn: lb, Protocol: 'HTTPS', DefaultActions: actions })).toEqual({ code: 'ValidationError', message: 'An HTTPS listener needs exactly one default certificate (Certificates).' });
    const missing = 'arn:aws:acm:us-east-1:123456789012:certificate/none';
    expect(refused(sim, 'elbv2.CreateListener', { LoadBalancerArn: lb, Protocol: 'HTTPS', Certificates: [{ CertificateArn: missing }], DefaultActions: actions })).toEqual({
      code: 'CertificateNotFound',
      message: `The specified certificate does not exist: ${missing}`,
    });
    const cert = ok(sim, 'sim.CreateCertificate', { DomainName: 'app.example.com' }).CertificateArn;
    expect(refused(sim, 'elbv2.CreateListener', { LoadBalancerArn: lb, Protocol: 'HTTPS', Certificates: [{ CertificateArn: cert }], SslPolicy: 'Mine', DefaultActions: actions })).toEqual({
      code: 'SSLPolicyNotFound',
      message: 'The specified SSL policy does not exist: Mine',
    });
    const l = ok(sim, 'elbv2.CreateListener', { LoadBalancerArn: lb, Protocol: 'HTTPS', Certificates: [{ CertificateArn: cert }], DefaultActions: actions }).Listeners[0];
    expect(l).toMatchObject({ Port: 443, Protocol: 'HTTPS', Certificates: [{ CertificateArn: cert }], SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' });
    const back = ok(sim, 'elbv2.ModifyListener', { ListenerArn: l.ListenerArn, Protocol: 'HTTP', Port: 8080 }).Listeners[0];
    expect(back).toEqual({ ListenerArn: l.ListenerArn, LoadBalancerArn: lb, Port: 8080, Protocol: 'HTTP', DefaultActions: l.DefaultActions });
  });

  it('refuse a protocol an ALB does not speak, a certificate on HTTP, and a load balancer or listener that does not exist', () => {
    const sim = new Sim();
    const { lb, tg } = loadBalancer(sim);
    const actions = [{ Type: 'forward', TargetGroupArn: tg }];
    expect(refused(sim, 'elbv2.CreateListener', { LoadBalancerArn: lb, Protocol: 'TCP', DefaultActions: actions })).toEqual({
      code: 'UnsupportedProtocol',
      message: "The protocol 'TCP' is not supported by an Application Load Balancer: use HTTP or HTTPS.",
    });
    expect(refused(sim, 'elbv2.CreateListener', { LoadBalancerArn: lb, Protocol: 'HTTP', SslPolicy: 'ELBSecurityPolicy-2016-08', DefaultActions: actions }).code).toBe('IncompatibleProtocols');
    expect(refused(sim, 'elbv2.CreateListener', { LoadBalancerArn: 'arn:nope', Protocol: 'HTTP', DefaultActions: actions })).toEqual({ code: 'LoadBalancerNotFound', message: 'One or more load balancers not found' });
    expect(refused(sim, 'elbv2.ModifyListener', { ListenerArn: 'arn:nope', Port: 81 })).toEqual({ code: 'ListenerNotFound', message: 'One or more listeners not found' });
    expect(refused(sim, 'elbv2.DescribeListeners', {})).toEqual({ code: 'ValidationError', message: 'You must specify either listener ARNs or a load balancer ARN' });
  });
});

describe('rules', () => {
  function withListener() {
    const sim = new Sim();
    const { lb, tg } = loadBalancer(sim);
    const listener = ok(sim, 'elbv2.CreateListener', { LoadBalancerArn: lb, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }] }).Listeners[0].ListenerArn as string;
    return { sim, tg, listener };
  }
  const rule = (priority: number, path: string, tg: string) => ({ Priority: priority, Conditions: [{ Field: 'path-pattern', Values: [path] }], Actions: [{ Type: 'forward', TargetGroupArn: tg }] });

  it('are described by priority, the default rule last; a priority in use is refused', () => {
    const { sim, tg, listener } = withListener();
    ok(sim, 'elbv2.CreateRule', { ListenerArn: listener, ...rule(20, '/b/*', tg) });
    ok(sim, 'elbv2.CreateRule', { ListenerArn: listener, ...rule(10, '/a/*', tg) });
    const rules = ok(sim, 'elbv2.DescribeRules', { ListenerArn: listener }).Rules as { Priority: string; IsDefault: boolean; Conditions: unknown[] }[];
    expect(rules.map((r) => [r.Priority, r.IsDefault])).toEqual([
      ['10', false],
      ['20', false],
      ['default', true],
    ]);
    expect(rules[0]!.Conditions).toEqual([{ Field: 'path-pattern', Values: ['/a/*'], PathPatternConfig: { Values: ['/a/*'] } }]);
    expect(refused(sim, 'elbv2.CreateRule', { ListenerArn: listener, ...rule(10, '/c/*', tg) })).toEqual({ code: 'PriorityInUse', message: "Priority '10' is currently in use" });
    expect(refused(sim, 'elbv2.CreateRule', { ListenerArn: listener, ...rule(50001, '/c/*', tg) })).toEqual({
      code: 'ValidationError',
      message: "1 validation error detected: Value '50001' at 'priority' failed to satisfy constraint: Member must have value less than or equal to 50000",
    });
  });

  it('swap priorities in one SetRulePriorities call, and refuse a priority another rule holds', () => {
    const { sim, tg, listener } = withListener();
    const a = ok(sim, 'elbv2.CreateRule', { ListenerArn: listener, ...rule(1, '/a/*', tg) }).Rules[0].RuleArn;
    const b = ok(sim, 'elbv2.CreateRule', { ListenerArn: listener, ...rule(2, '/b/*', tg) }).Rules[0].RuleArn;
    ok(sim, 'elbv2.CreateRule', { ListenerArn: listener, ...rule(3, '/c/*', tg) });
    ok(sim, 'elbv2.SetRulePriorities', {
      RulePriorities: [
        { RuleArn: a, Priority: 2 },
        { RuleArn: b, Priority: 1 },
      ],
    });
    expect(ok(sim, 'elbv2.DescribeRules', { RuleArns: [a, b] }).Rules.map((r: { Priority: string }) => r.Priority)).toEqual(['2', '1']);
    expect(refused(sim, 'elbv2.SetRulePriorities', { RulePriorities: [{ RuleArn: a, Priority: 3 }] })).toEqual({ code: 'PriorityInUse', message: "Priority '3' is currently in use" });
    expect(refused(sim, 'elbv2.SetRulePriorities', { RulePriorities: [{ RuleArn: 'arn:nope', Priority: 9 }] })).toEqual({ code: 'RuleNotFound', message: 'One or more rules not found' });
  });

  // Two rules of a listener never share a priority (PriorityInUse), "as long as there are no priority conflicts in
  // the new order" (API:SetRulePriorities): the request's own priorities are checked against each other too.
  it('refuse one priority for two rules in one SetRulePriorities call', () => {
    const { sim, tg, listener } = withListener();
    const a = ok(sim, 'elbv2.CreateRule', { ListenerArn: listener, ...rule(1, '/a/*', tg) }).Rules[0].RuleArn;
    const b = ok(sim, 'elbv2.CreateRule', { ListenerArn: listener, ...rule(2, '/b/*', tg) }).Rules[0].RuleArn;
    const r = sim.call('elbv2.SetRulePriorities', {
      RulePriorities: [
        { RuleArn: a, Priority: 5 },
        { RuleArn: b, Priority: 5 },
      ],
    });
    expect(r.error).toEqual({ code: 'PriorityInUse', message: "Priority '5' is currently in use" });
    expect(ok(sim, 'elbv2.DescribeRules', { ListenerArn: listener }).Rules.map((x: { Priority: string }) => x.Priority)).toEqual(['1', '2', 'default']);
  });

  it('refuse a priority a rule named in the same call keeps, changing no rule', () => {
    const { sim, tg, listener } = withListener();
    const a = ok(sim, 'elbv2.CreateRule', { ListenerArn: listener, ...rule(1, '/a/*', tg) }).Rules[0].RuleArn;
    const b = ok(sim, 'elbv2.CreateRule', { ListenerArn: listener, ...rule(2, '/b/*', tg) }).Rules[0].RuleArn;
    expect(
      refused(sim, 'elbv2.SetRulePriorities', {
        RulePriorities: [
          { RuleArn: a, Priority: 2 },
          { RuleArn: b, Priority: 2 },
        ],
      }),
    ).toEqual({ code: 'PriorityInUse', message: "Priority '2' is currently in use" });
    expect(ok(sim, 'elbv2.DescribeRules', { ListenerArn: listener }).Rules.map((x: { Priority: string }) => x.Priority)).toEqual(['1', '2', 'default']);
  });

  it('let two listeners each give a rule the same priority in one call', () => {
    const { sim, tg, listener } = withListener();
    const a = ok(sim, 'elbv2.CreateRule', { ListenerArn: listener, ...rule(1, '/a/*', tg) }).Rules[0].RuleArn;
    const lb = ok(sim, 'elbv2.DescribeListeners', { ListenerArns: [listener] }).Listeners[0].LoadBalancerArn;
    const other = ok(sim, 'elbv2.CreateListener', { LoadBalancerArn: lb, Protocol: 'HTTP', Port: 8080, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }] }).Listeners[0].ListenerArn;
    const b = ok(sim, 'elbv2.CreateRule', { ListenerArn: other, ...rule(2, '/b/*', tg) }).Rules[0].RuleArn;
    const moved = ok(sim, 'elbv2.SetRulePriorities', {
      RulePriorities: [
        { RuleArn: a, Priority: 7 },
        { RuleArn: b, Priority: 7 },
      ],
    }).Rules;
    expect(moved.map((r: { Priority: string }) => r.Priority)).toEqual(['7', '7']);
  });

  it("change a rule's conditions with ModifyRule; the default rule takes actions but no conditions", () => {
    const { sim, tg, listener } = withListener();
    const a = ok(sim, 'elbv2.CreateRule', { ListenerArn: listener, ...rule(1, '/a/*', tg) }).Rules[0].RuleArn;
    const changed = ok(sim, 'elbv2.ModifyRule', { RuleArn: a, Conditions: [{ Field: 'host-header', Values: ['api.example.com'] }] }).Rules[0];
    expect(changed.Conditions).toEqual([{ Field: 'host-header', Values: ['api.example.com'], HostHeaderConfig: { Values: ['api.example.com'] } }]);
    const def = (ok(sim, 'elbv2.DescribeRules', { ListenerArn: listener }).Rules as { RuleArn: string; IsDefault: boolean }[]).find((r) => r.IsDefault)!.RuleArn;
    expect(refused(sim, 'elbv2.ModifyRule', { RuleArn: def, Conditions: [{ Field: 'path-pattern', Values: ['/'] }] })).toEqual({ code: 'OperationNotPermitted', message: 'The default rule of a listener cannot have conditions.' });
    const fwd = ok(sim, 'elbv2.ModifyRule', { RuleArn: def, Actions: [{ Type: 'forward', TargetGroupArn: tg }] }).Rules[0];
    expect(fwd).toMatchObject({ Priority: 'default', IsDefault: true, Actions: [{ Type: 'forward', TargetGroupArn: tg }] });
  });
});

describe('DescribeLoadBalancers and DescribeTargetGroups', () => {
  it('refuse a name or ARN they do not know, whole', () => {
    const sim = new Sim();
    loadBalancer(sim);
    expect(refused(sim, 'elbv2.DescribeLoadBalancers', { Names: ['lb', 'other'] })).toEqual({ code: 'LoadBalancerNotFound', message: 'One or more load balancers not found' });
    expect(refused(sim, 'elbv2.DescribeTargetGroups', { Names: ['tg', 'other'] })).toEqual({ code: 'TargetGroupNotFound', message: 'One or more target groups not found' });
    expect(ok(sim, 'elbv2.DescribeLoadBalancers', { Names: ['lb'] }).LoadBalancers).toHaveLength(1);
  });

  it('DescribeTargetHealth answers no targets for a new group', () => {
    const sim = new Sim();
    const { tg } = loadBalancer(sim);
    expect(ok(sim, 'elbv2.DescribeTargetHealth', { TargetGroupArn: tg })).toEqual({ TargetHealthDescriptions: [] });
  });
});
