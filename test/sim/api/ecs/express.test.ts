import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newSession, runCommand } from '../../../../src/content/console';
import { Sim } from '../../../../src/sim';

const ROLES = '--execution-role-arn arn:aws:iam::123456789012:role/ecsTaskExecutionRole --infrastructure-role-arn arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices';

describe('Express Mode', () => {
  it('the console creates an Express service as the AWS CLI does, from an image and two roles', () => {
    const sim = new Sim();
    const r = runCommand(sim, `aws ecs create-express-gateway-service --service-name web --primary-container image=nginx,containerPort=8080 ${ROLES}`, newSession({}));
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(r.output) as { service: { serviceArn: string; activeConfigurations: { primaryContainer: { containerPort: number }; ingressPaths: { endpoint: string }[] }[] } };
    expect(out.service.serviceArn).toBe('arn:aws:ecs:us-east-1:123456789012:service/default/web');
    expect(out.service.activeConfigurations[0]!.primaryContainer.containerPort).toBe(8080);
    const d = runCommand(sim, `aws ecs describe-express-gateway-service --service-arn ${out.service.serviceArn}`, newSession({}));
    expect(JSON.parse(d.output).service.status).toEqual({ statusCode: 'ACTIVE' });
  });

  it('its host name reaches its tasks through the shared HTTPS listener; requests for another host name do not reach them', () => {
    const sim = new Sim({ images: { 'app:1': { routes: { '/': { cpuMs: 2 }, '/ping': { cpuMs: 1 } } } } } as never);
    const created = sim.call('ecs.CreateExpressGatewayService', {
      serviceName: 'app',
      primaryContainer: { image: 'app:1' },
      executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
      infrastructureRoleArn: 'arn:aws:iam::123456789012:role/infra',
    });
    expect(created.error).toBeUndefined();
    const endpoint = (created.output as any).service.activeConfigurations[0].ingressPaths[0].endpoint as string;
    const lb = Object.values(sim.world.loadBalancers)[0]!;
    expect(sim.call('sim.SetTraffic', { loadBalancer: lb.LoadBalancerName, port: 443, host: endpoint, path: '/', requestsPerSecond: 10 }).error).toBeUndefined();
    expect(sim.call('sim.SetTraffic', { loadBalancer: lb.LoadBalancerName, port: 443, host: 'other.ecs.us-east-1.on.aws', path: '/', requestsPerSecond: 5 }).error).toBeUndefined();
    sim.runUntil(10 * 60_000);
    // Per minute, the service's target group counts the 10 requests a second for its host name, never the other 5.
    const perMinute = Object.values(sim.world.metrics)
      .filter((m) => m.metricName === 'RequestCount' && m.dimensions.some((d) => d.name === 'TargetGroup'))
      .flatMap((m) => m.points.filter((_, i) => i % 2 === 1));
    expect(Math.max(...perMinute)).toBe(600);
    const listener = Object.values(sim.world.listeners)[0]!;
    expect(listener.Protocol).toBe('HTTPS');
    expect(listener.Port).toBe(443);
  });

  it('answers any mix of Express requests with an answer or an AWS error, never a ServerException', () => {
    const role = fc.constantFrom(undefined, 'arn:aws:iam::123456789012:role/r', '');
    const container = fc.option(fc.record({ image: fc.constantFrom('nginx', '', 'a/b:c@sha256:0'), containerPort: fc.option(fc.integer({ min: -5, max: 70000 }), { nil: undefined }) }, { requiredKeys: [] }), { nil: undefined });
    const scaling = fc.option(
      fc.record(
        {
          minTaskCount: fc.integer({ min: -2, max: 30 }),
          maxTaskCount: fc.integer({ min: -2, max: 30 }),
          autoScalingMetric: fc.constantFrom('AVERAGE_CPU', 'AVERAGE_MEMORY', 'REQUEST_COUNT_PER_TARGET'),
          autoScalingTargetValue: fc.integer({ min: -1, max: 100 }),
        },
        { requiredKeys: [] },
      ),
      { nil: undefined },
    );
    const request = fc.record({
      op: fc.constantFrom('Create', 'Update', 'Delete', 'Describe'),
      name: fc.constantFrom('a', 'b', 'a_b', 'x'.repeat(60)),
      cluster: fc.constantFrom(undefined, 'default', 'other'),
      executionRoleArn: role,
      primaryContainer: container,
      scalingTarget: scaling,
      healthCheckPath: fc.constantFrom(undefined, '/ok', 'bad'),
      cpu: fc.constantFrom(undefined, '256', '1024', '7'),
      taskDefinitionArn: fc.constantFrom(undefined, 'own:1', 'nothing:1'),
      wait: fc.integer({ min: 0, max: 400 }),
    });
    fc.assert(
      fc.property(fc.array(request, { maxLength: 8 }), (reqs) => {
        const sim = new Sim();
        sim.call('ecs.RegisterTaskDefinition', {
          family: 'own',
          networkMode: 'awsvpc',
          requiresCompatibilities: ['FARGATE'],
          cpu: '256',
          memory: '512',
          containerDefinitions: [{ name: 'Main', image: 'nginx', portMappings: [{ containerPort: 80, name: 'http' }] }],
        });
        for (const r of reqs) {
          const arn = `arn:aws:ecs:us-east-1:123456789012:service/${r.cluster ?? 'default'}/${r.name}`;
          const drop = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
          const config = drop({ executionRoleArn: r.executionRoleArn, primaryContainer: r.primaryContainer, scalingTarget: r.scalingTarget, healthCheckPath: r.healthCheckPath, cpu: r.cpu, taskDefinitionArn: r.taskDefinitionArn });
          const out =
            r.op === 'Create'
              ? sim.call('ecs.CreateExpressGatewayService', drop({ ...config, serviceName: r.name, cluster: r.cluster, infrastructureRoleArn: 'arn:aws:iam::123456789012:role/infra' }))
              : r.op === 'Update'
                ? sim.call('ecs.UpdateExpressGatewayService', { ...config, serviceArn: arn })
                : sim.call(`ecs.${r.op}ExpressGatewayService`, { serviceArn: arn });
          expect(out.error?.code).not.toBe('ServerException');
          sim.runUntil(sim.now + r.wait * 1000);
          expect(sim.events.filter((e) => e.type === 'sim.fault')).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('Express Mode requests', () => {
  const roles = { executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole', infrastructureRoleArn: 'arn:aws:iam::123456789012:role/infra' };
  const create = (sim: Sim, extra: Record<string, unknown> = {}) => sim.call('ecs.CreateExpressGatewayService', { serviceName: 'web', primaryContainer: { image: 'nginx' }, ...roles, ...extra });

  it('create the default cluster when it is missing, and refuse a second service of the same name', () => {
    const sim = new Sim();
    expect(create(sim).error).toBeUndefined();
    expect((sim.call('ecs.DescribeClusters', { clusters: ['default'] }).output as { clusters: { status: string }[] }).clusters.map((c) => c.status)).toEqual(['ACTIVE']);
    expect(create(sim).error).toEqual({ code: 'InvalidParameterException', message: 'Creation of service was not idempotent.' });
    expect(create(sim, { serviceName: 'my web' }).error?.message).toBe('Service name can have up to 255 characters: letters, numbers, hyphens and underscores.');
  });

  it('describe a service it does not know as ResourceNotFoundException', () => {
    const arn = 'arn:aws:ecs:us-east-1:123456789012:service/default/ghost';
    expect(new Sim().call('ecs.DescribeExpressGatewayService', { serviceArn: arn }).error).toEqual({ code: 'ResourceNotFoundException', message: `The Express service ${arn} was not found.` });
  });

  it('delete a service: DRAINING at once, then INACTIVE, and refuse updates and a second delete after', () => {
    const sim = new Sim();
    const arn = (create(sim).output as { service: { serviceArn: string } }).service.serviceArn;
    sim.runUntil(600_000);
    const del = sim.call('ecs.DeleteExpressGatewayService', { serviceArn: arn });
    expect((del.output as { service: { status: { statusCode: string } } }).service.status).toEqual({ statusCode: 'DRAINING' });
    expect(sim.call('ecs.UpdateExpressGatewayService', { serviceArn: arn, healthCheckPath: '/health' }).error).toEqual({ code: 'ServiceNotActiveException', message: 'Service was not ACTIVE.' });
    sim.runUntil(1_800_000);
    expect((sim.call('ecs.DescribeExpressGatewayService', { serviceArn: arn }).output as { service: { status: { statusCode: string } } }).service.status).toEqual({ statusCode: 'INACTIVE' });
    expect(sim.call('ecs.DeleteExpressGatewayService', { serviceArn: arn }).error).toEqual({ code: 'ServiceNotFoundException', message: 'Service not found.' });
  });

  it('update: a new image registers a new task definition revision; a health check path alone does not', () => {
    const sim = new Sim();
    const arn = (create(sim).output as { service: { serviceArn: string } }).service.serviceArn;
    const families = () => (sim.call('ecs.ListTaskDefinitions', { familyPrefix: 'web' }).output as { taskDefinitionArns: string[] }).taskDefinitionArns.map((a) => a.split('/').pop());
    expect(families()).toEqual(['web:1']);
    expect(sim.call('ecs.UpdateExpressGatewayService', { serviceArn: arn, healthCheckPath: '/health' }).error).toBeUndefined();
    expect(families()).toEqual(['web:1']);
    const up = sim.call('ecs.UpdateExpressGatewayService', { serviceArn: arn, primaryContainer: { image: 'nginx:2' } });
    expect((up.output as { service: { targetConfiguration: { primaryContainer: { image: string } } } }).service.targetConfiguration.primaryContainer.image).toBe('nginx:2');
    expect(families()).toEqual(['web:1', 'web:2']);
  });
});
