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

  // Settled healthy targets are checked on their group's shared tick, which skips its targets when nothing a
  // check reads has changed since a tick that changed nothing: each case below changes one such thing after
  // many quiet ticks, and the target must go unhealthy exactly when it would if every tick checked it.
  describe('a settled target is still checked on time after quiet ticks', () => {
    it('whose image starts failing the health check (a new image record)', () => {
      const { sim } = behindLb(2);
      sim.runUntil(300_000);
      // Healthy at 92.5 s; the shared tick runs at 102.5 s, 112.5 s, …
      expect(healthEvents(sim)).toEqual([
        [92_500, 'healthy'],
        [92_500, 'healthy'],
      ]);
      ok(sim, 'sim.SetImage', { image: 'web:1', passesLbHealthCheck: false });
      sim.runUntil(400_000);
      // Checks at 302.5, 312.5 and 322.5 s fail.
      expect(healthEvents(sim).slice(2, 4)).toEqual([
        [322_500, 'unhealthy'],
        [322_500, 'unhealthy'],
      ]);
    });

    it('whose image record is changed in place', () => {
      const { sim, tg } = behindLb(1);
      ok(sim, 'sim.SetImage', { image: 'web:1', routes: { '/health': { cpuMs: 1 }, '/api/*': { cpuMs: 5 } } });
      sim.runUntil(300_000);
      sim.world.images['web:1']!.routes = { '/api/*': { cpuMs: 5 } };
      sim.runUntil(330_000);
      expect(healthEvents(sim)).toEqual([
        [92_500, 'healthy'],
        [322_500, 'unhealthy'],
      ]);
      expect(sim.world.targetGroups[tg]!.targets.map((x) => [x.State, x.Reason])).toEqual([['unhealthy', 'Target.FailedHealthChecks']]);
    });

    it('that settled into the group after it went quiet, running another image', () => {
      const { sim, tg } = behindLb(1);
      sim.runUntil(300_000);
      ec2TaskDef(sim, 'api', { image: 'api:1', portMappings: [{ containerPort: 80, hostPort: 0 }] });
      ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'api', taskDefinition: 'api', desiredCount: 1, loadBalancers: [{ targetGroupArn: tg, containerName: 'app', containerPort: 80 }] });
      sim.runUntil(400_000);
      const [t] = liveTasks(sim, 'api');
      const settledAt = healthEvents(sim).at(-1)![0] as number;
      expect(healthEvents(sim)).toEqual([
        [92_500, 'healthy'],
        [settledAt, 'healthy'],
      ]);
      ok(sim, 'sim.SetImage', { image: 'api:1', passesLbHealthCheck: false });
      sim.runUntil(440_000);
      // Three failed checks on the group's tick (every 10 s from 102.5 s): unhealthy at the third after 400 s.
      expect(healthEvents(sim).slice(2)).toEqual([[422_500, 'unhealthy']]);
      expect(sim.world.targetGroups[tg]!.targets.filter((x) => x.taskArn === t!.taskArn).map((x) => x.State)).toEqual(['unhealthy']);
    });

    it('that went unhealthy, and is healthy again after HealthyThresholdCount passes', () => {
      // The grace period keeps the service from replacing the unhealthy task meanwhile.
      const { sim } = behindLb(1, 0, 'web:1', 3600);
      sim.runUntil(300_000);
      ok(sim, 'sim.SetImage', { image: 'web:1', passesLbHealthCheck: false });
      sim.runUntil(325_000);
      ok(sim, 'sim.SetImage', { image: 'web:1', passesLbHealthCheck: true });
      sim.runUntil(400_000);
      // Fails at 302.5, 312.5 and 322.5 s; passes at 332.5 and 342.5 s.
      expect(healthEvents(sim)).toEqual([
        [92_500, 'healthy'],
        [322_500, 'unhealthy'],
        [342_500, 'healthy'],
      ]);
    });

    it('whose task stops: its target drains at once and the group’s other targets are still checked', () => {
      const { sim, tg } = behindLb(2, 20);
      sim.runUntil(300_000);
      const [first, second] = liveTasks(sim, 'web');
      ok(sim, 'ecs.StopTask', { cluster: 'demo', task: first!.taskArn });
      expect(sim.world.targetGroups[tg]!.targets.filter((x) => x.taskArn === first!.taskArn).map((x) => x.State)).toEqual(['draining']);
      sim.runUntil(305_000);
      ok(sim, 'sim.SetImage', { image: 'web:1', passesLbHealthCheck: false });
      sim.runUntil(340_000);
      const states = sim.world.targetGroups[tg]!.targets.filter((x) => x.taskArn === second!.taskArn).map((x) => x.State);
      expect(states).toEqual(['unhealthy']);
      expect((sim.events as readonly Ev[]).filter((e) => e.type === 'TargetHealthChange' && e.t > 300_000 && e.state === 'unhealthy').map((e) => e.t)).toContain(332_500);
    });

    // The check passes over a container that is not running. A sidecar that restarts in place is skipped while it
    // starts again, so a tick then reads only the app's image; when the sidecar runs again with an image that now
    // fails, its start must end the quiet.
    it('whose container starts again running an image that now fails', () => {
      const sim = ec2World(1);
      const tg = ok(sim, 'elbv2.CreateTargetGroup', { Name: 'web', Port: 80, TargetType: 'instance', HealthCheckPath: '/health', HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 2, UnhealthyThresholdCount: 3 }).TargetGroups[0]
        .TargetGroupArn as string;
      attach(sim, tg);
      ok(sim, 'ecs.RegisterTaskDefinition', {
        family: 'web',
        containerDefinitions: [
          { name: 'app', image: 'web:1', cpu: 256, memory: 512, portMappings: [{ containerPort: 80, hostPort: 0 }] },
          { name: 'side', image: 'side:1', cpu: 128, memory: 128, essential: false, restartPolicy: { enabled: true, restartAttemptPeriod: 60 } },
        ],
      });
      ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 1, loadBalancers: [{ targetGroupArn: tg, containerName: 'app', containerPort: 80 }] });
      sim.runUntil(302_000);
      const [t] = liveTasks(sim, 'web');
      expect(healthEvents(sim)).toEqual([[92_500, 'healthy']]);
      ok(sim, 'sim.ExitContainer', { cluster: 'demo', task: t!.taskArn, containerName: 'side', exitCode: 1 });
      ok(sim, 'sim.SetImage', { image: 'side:1', passesLbHealthCheck: false });
      // The tick at 302.5 s finds the sidecar starting again (it runs at 302.5 s, after the tick): the check passes.
      sim.runUntil(302_600);
      expect(t!.containers.map((c) => c.state)).toEqual(['RUNNING', 'RUNNING']);
      sim.runUntil(340_000);
      // Checks at 312.5, 322.5 and 332.5 s fail.
      expect(healthEvents(sim)).toEqual([
        [92_500, 'healthy'],
        [332_500, 'unhealthy'],
      ]);
    });

    it('after a restore, with the same events and target health as the run that went on', () => {
      const { sim, tg } = behindLb(2);
      sim.runUntil(300_000);
      const snap = sim.snapshot();
      const tail = () => {
        ok(sim, 'sim.SetImage', { image: 'web:1', passesLbHealthCheck: false });
        sim.runUntil(400_000);
        const events = (sim.events as readonly Ev[]).filter((e) => e.t > 300_000).map((e) => [e.t, e.type, e.state ?? e.lastStatus ?? '']);
        return { events, health: ok(sim, 'elbv2.DescribeTargetHealth', { TargetGroupArn: tg }) };
      };
      const went = tail();
      sim.restore(snap);
      expect(tail()).toEqual(went);
      expect(went.events.filter((e) => e[1] === 'TargetHealthChange' && e[0] < 340_000)).toEqual([
        [322_500, 'TargetHealthChange', 'unhealthy'],
        [322_500, 'TargetHealthChange', 'unhealthy'],
      ]);
    });
  });
});
