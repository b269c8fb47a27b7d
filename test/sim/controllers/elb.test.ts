import { describe, expect, it } from 'vitest';
import type { Sim } from '../../../src/sim';
import { ec2TaskDef, ec2World, liveTasks, ok, serviceMessages, statusTimeline } from '../../support/controllerWorld';

type Ev = Record<string, any>;

/** Puts the target group behind a load balancer's port-80 listener, as ECS requires of a service's target group. */
function attach(sim: Sim, tg: string): void {
  const lb = ok(sim, 'elbv2.CreateLoadBalancer', { Name: 'lb' }).LoadBalancers[0].LoadBalancerArn;
  ok(sim, 'elbv2.CreateListener', { LoadBalancerArn: lb, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }] });
}

/** A service `web` of `desired` tasks on two instances behind an instance target group (10 s checks, 2 to be healthy, 3 to be unhealthy); started at 60 s. */
function behindLb(desired: number, delaySeconds?: number, image = 'web:1', graceSeconds?: number): { sim: Sim; tg: string } {
  const sim = ec2World(2);
  const tg = ok(sim, 'elbv2.CreateTargetGroup', { Name: 'web', Port: 80, TargetType: 'instance', HealthCheckPath: '/health', HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 2, UnhealthyThresholdCount: 3 }).TargetGroups[0]
    .TargetGroupArn as string;
  attach(sim, tg);
  if (delaySeconds !== undefined) ok(sim, 'elbv2.ModifyTargetGroupAttributes', { TargetGroupArn: tg, Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: String(delaySeconds) }] });
  ec2TaskDef(sim, 'web', { image, portMappings: [{ containerPort: 80, hostPort: 0 }] });
  ok(sim, 'ecs.CreateService', {
    cluster: 'demo',
    serviceName: 'web',
    taskDefinition: 'web',
    desiredCount: desired,
    ...(graceSeconds !== undefined ? { healthCheckGracePeriodSeconds: graceSeconds } : {}),
    loadBalancers: [{ targetGroupArn: tg, containerName: 'app', containerPort: 80 }],
  });
  return { sim, tg };
}
const healthEvents = (sim: Sim) => (sim.events as readonly Ev[]).filter((e) => e.type === 'TargetHealthChange').map((e) => [e.t, e.state]);

describe('load balancer targets of a service', () => {
  it('a task is registered when RUNNING (instance and host port), and healthy after HealthyThresholdCount passing checks', () => {
    const { sim, tg } = behindLb(1);
    sim.runUntil(72_500);
    const [t] = liveTasks(sim, 'web');
    const group = sim.world.targetGroups[tg]!;
    const port = t!.containers[0]!.networkBindings[0]!.hostPort;
    expect(group.targets.map((x) => [x.Id, x.Port, x.State, x.Reason])).toEqual([[t!.ec2InstanceId, port, 'initial', 'Elb.RegistrationInProgress']]);
    sim.runUntil(120_000);
    // Checks at 82.5 s and 92.5 s pass: healthy at the second.
    expect(healthEvents(sim)).toEqual([[92_500, 'healthy']]);
    expect(group.targets[0]!.Reason).toBeUndefined();
    expect(serviceMessages(sim, 'web')).toContain(`(service web) registered 1 targets in (target-group ${tg})`);
  });

  it('an ip target group registers the task’s private IP and the container port', () => {
    const sim = ec2World(1);
    const tg = ok(sim, 'elbv2.CreateTargetGroup', { Name: 'web', Port: 80, TargetType: 'ip' }).TargetGroups[0].TargetGroupArn as string;
    attach(sim, tg);
    ec2TaskDef(sim, 'web', { portMappings: [{ containerPort: 8080 }] }, { networkMode: 'awsvpc' });
    const subnet = Object.values(sim.world.containerInstances)[0]!.subnetId;
    ok(sim, 'ecs.CreateService', {
      cluster: 'demo',
      serviceName: 'web',
      taskDefinition: 'web',
      desiredCount: 1,
      networkConfiguration: { awsvpcConfiguration: { subnets: [subnet] } },
      loadBalancers: [{ targetGroupArn: tg, containerName: 'app', containerPort: 8080 }],
    });
    sim.runUntil(120_000);
    const [t] = liveTasks(sim, 'web');
    expect(sim.world.targetGroups[tg]!.targets.map((x) => [x.Id, x.Port])).toEqual([[t!.privateIp, 8080]]);
  });

  it('a target that fails UnhealthyThresholdCount checks is unhealthy; the service reports it, starts a replacement and stops the task', () => {
    const { sim, tg } = behindLb(1, 0, 'broken:1');
    ok(sim, 'sim.SetImage', { image: 'broken:1', passesLbHealthCheck: false });
    sim.runUntil(110_000);
    // Checks at 82.5, 92.5 and 102.5 s fail.
    expect(healthEvents(sim)).toEqual([[102_500, 'unhealthy']]);
    // maximumPercent leaves room: the replacement starts at once, and the unhealthy task runs on beside it for now.
    expect(Object.values(sim.world.tasks).map((t) => [t.createdAtMs, t.desiredStatus])).toEqual([
      [60_000, 'RUNNING'],
      [102_500, 'RUNNING'],
    ]);
    sim.runUntil(400_000);
    const first = Object.values(sim.world.tasks)[0]!;
    expect(first).toMatchObject({ desiredStatus: 'STOPPED', stopCode: 'ServiceSchedulerInitiated', stoppedReason: `Task failed ELB health checks in (target-group ${tg})` });
    const port = first.containers[0]!.networkBindings[0]!.hostPort;
    expect(serviceMessages(sim, 'web')).toContain(`service web (instance ${first.ec2InstanceId}) (port ${port}) is unhealthy in (target-group ${tg}) due to (reason Health checks failed).`);
  });

  // The target goes unhealthy inside healthCheckGracePeriodSeconds and stays so, with no further change: the end of
  // the period wakes the service (ecs-spec §5.4: the unhealthy checks are ignored only for the grace period).
  it('replaces a task whose target went unhealthy during the grace period once the period is over', () => {
    const { sim, tg } = behindLb(1, 0, 'broken:1', 120);
    ok(sim, 'sim.SetImage', { image: 'broken:1', passesLbHealthCheck: false });
    sim.runUntil(190_000);
    // Unhealthy at 102.5 s, inside the grace period (to 192.5 s): kept.
    expect(healthEvents(sim)).toEqual([[102_500, 'unhealthy']]);
    expect(Object.values(sim.world.tasks).map((t) => t.desiredStatus)).toEqual(['RUNNING']);
    sim.runUntil(600_000);
    expect(Object.values(sim.world.tasks)[0]).toMatchObject({ desiredStatus: 'STOPPED', stoppedReason: `Task failed ELB health checks in (target-group ${tg})` });
  });

  it('an application that does not serve the health-check path fails the checks', () => {
    const { sim } = behindLb(1, 0, 'routes:1');
    ok(sim, 'sim.SetImage', { image: 'routes:1', routes: { '/api/*': { cpuMs: 5 } } });
    sim.runUntil(110_000);
    expect(healthEvents(sim)).toEqual([[102_500, 'unhealthy']]);
  });

  it('a stopping task’s target drains for the deregistration delay while the task is DEACTIVATING, and is removed when it stops', () => {
    const { sim, tg } = behindLb(1, 20);
    sim.runUntil(180_000);
    const [t] = liveTasks(sim, 'web');
    ok(sim, 'ecs.UpdateService', { cluster: 'demo', service: 'web', desiredCount: 0 });
    sim.runUntil(180_001);
    const group = sim.world.targetGroups[tg]!;
    expect(group.targets.map((x) => [x.State, x.Reason])).toEqual([['draining', 'Target.DeregistrationInProgress']]);
    sim.runUntil(240_000);
    expect(statusTimeline(sim, t!.taskArn).slice(2)).toEqual([
      [181_000, 'DEACTIVATING'],
      [200_000, 'STOPPING'],
      [201_000, 'STOPPED'],
    ]);
    expect(group.targets).toEqual([]);
    const msgs = serviceMessages(sim, 'web');
    const dep = Object.values(sim.world.services)[0]!.deployments[0]!;
    expect(msgs).toContain(`(service web) deregistered 1 targets in (target-group ${tg})`);
    expect(msgs).toContain(`(service web, taskSet ${dep.id}) has begun draining connections on 1 tasks.`);
    // The service says it stopped the task before the target is deregistered.
    expect(msgs.findIndex((m) => m.startsWith('(service web) has stopped 1 running tasks'))).toBeLessThan(msgs.indexOf(`(service web) deregistered 1 targets in (target-group ${tg})`));
  });

  it('a task whose host is terminated loses its target at once, without draining', () => {
    const { sim, tg } = behindLb(1);
    sim.runUntil(180_000);
    const [t] = liveTasks(sim, 'web');
    ok(sim, 'sim.TerminateInstances', { instanceIds: [t!.ec2InstanceId] });
    expect(sim.world.targetGroups[tg]!.targets.filter((x) => x.taskArn === t!.taskArn)).toEqual([]);
  });
});
