import { describe, expect, it } from 'vitest';
import { Sim } from '../../../../src/sim';
import { isHealthy } from '../../../../src/sim/controllers/services/health';
import { ec2TaskDef, ec2World, liveTasks, ok, serviceMessages } from '../../../support/controllerWorld';

type World = ReturnType<typeof ec2World>;

/** A REPLICA service `web` of `desired` tasks on three m5.large instances, steady by 180 s. */
function service(desired: number, min: number, max: number, container: Record<string, unknown> = { cpu: 512, memory: 1024 }): World {
  const sim = ec2World(3);
  ec2TaskDef(sim, 'web', container);
  ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: desired, deploymentConfiguration: { minimumHealthyPercent: min, maximumPercent: max } });
  sim.runUntil(180_000);
  return sim;
}

/** Updates `web` to revision 2 and samples, each second until `until`, the old and new tasks not stopping and the healthy ones. */
function rollOut(sim: World, container: Record<string, unknown>, until: number): { old: number; fresh: number; healthy: number; t: number }[] {
  ec2TaskDef(sim, 'web', { ...container, image: 'web:2' });
  ok(sim, 'ecs.UpdateService', { cluster: 'demo', service: 'web', taskDefinition: 'web:2' });
  const out: { old: number; fresh: number; healthy: number; t: number }[] = [];
  for (let t = sim.now; t <= until; t += 1000) {
    sim.runUntil(t);
    const ts = liveTasks(sim, 'web').filter((x) => x.desiredStatus === 'RUNNING');
    const s = { old: ts.filter((x) => x.taskDefinitionArn.endsWith(':1')).length, fresh: ts.filter((x) => x.taskDefinitionArn.endsWith(':2')).length, healthy: ts.filter((x) => isHealthy(sim, x)).length, t };
    const last = out.at(-1);
    if (!last || last.old !== s.old || last.fresh !== s.fresh || last.healthy !== s.healthy) out.push(s);
  }
  return out;
}

describe('a REPLICA service', () => {
  it('starts desiredCount tasks, spread across the zones, and says so in one event', () => {
    const sim = service(3, 100, 200);
    const ts = liveTasks(sim, 'web');
    expect(ts).toHaveLength(3);
    expect(new Set(ts.map((t) => t.availabilityZone)).size).toBe(3);
    expect(ts.every((t) => t.lastStatus === 'RUNNING' && t.group === 'service:web' && t.startedBy === t.deploymentId)).toBe(true);
    expect(serviceMessages(sim, 'web')[0]).toBe(`(service web) has started 3 tasks: ${ts.map((t) => `(task ${t.id})`).join(' ')}.`);
  });

  it('replaces a task that stops', () => {
    const sim = service(2, 100, 200);
    const [first] = liveTasks(sim, 'web');
    ok(sim, 'ecs.StopTask', { cluster: 'demo', task: first!.taskArn });
    sim.runUntil(240_000);
    const ts = liveTasks(sim, 'web');
    expect(ts).toHaveLength(2);
    expect(ts.map((t) => t.taskArn)).not.toContain(first!.taskArn);
    expect(ts.every((t) => t.lastStatus === 'RUNNING')).toBe(true);
  });

  it('rolls with minimumHealthyPercent 50 / maximumPercent 100: stops two old tasks first, starts two new into the room they free, then the same for the other two once those are healthy', () => {
    const sim = service(4, 50, 100);
    const steps = rollOut(sim, { cpu: 512, memory: 1024 }, 400_000);
    expect(steps.map(({ old, fresh, healthy }) => [old, fresh, healthy])).toEqual([
      [2, 0, 2],
      [2, 2, 2],
      [0, 2, 2],
      [0, 4, 2],
      [0, 4, 4],
    ]);
    expect(Math.min(...steps.map((s) => s.healthy))).toBe(2);
  });

  it('rolls with minimumHealthyPercent 100 / maximumPercent 200: all new tasks start beside the old ones, which stop only once the new are healthy', () => {
    const sim = service(2, 100, 200);
    const steps = rollOut(sim, { cpu: 512, memory: 1024 }, 400_000);
    expect(steps.map(({ old, fresh, healthy }) => [old, fresh, healthy])).toEqual([
      [2, 2, 2],
      [0, 2, 2],
    ]);
    // The new tasks count as healthy 40 s after RUNNING (12.5 s after placement): the old ones stop then.
    expect(steps[1]!.t - steps[0]!.t).toBe(53_000);
  });

  it('says when minimumHealthyPercent and maximumPercent allow neither a start nor a stop', () => {
    const sim = service(2, 100, 100);
    ec2TaskDef(sim, 'web', { cpu: 512, memory: 1024, image: 'web:2' });
    ok(sim, 'ecs.UpdateService', { cluster: 'demo', service: 'web', taskDefinition: 'web:2' });
    sim.runUntil(400_000);
    expect(liveTasks(sim, 'web').map((t) => t.taskDefinitionArn.split(':').at(-1))).toEqual(['1', '1']);
    expect(serviceMessages(sim, 'web').at(-1)).toBe(
      'service web was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.',
    );
  });

  it('reports a task it cannot place once (not again within six hours) and retries each minute until capacity comes', () => {
    const sim = ec2World(1);
    ec2TaskDef(sim, 'big', { cpu: 1024, memory: 6000 });
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'big', taskDefinition: 'big', desiredCount: 2 });
    sim.runUntil(300_000);
    const ci = Object.values(sim.world.containerInstances)[0]!;
    const unable = serviceMessages(sim, 'big').filter((m) => m.includes('unable to place'));
    expect(unable).toEqual([
      `service big was unable to place a task because no container instance met all of its requirements. The closest matching container-instance ${ci.id} has insufficient memory available. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`,
    ]);
    expect(liveTasks(sim, 'big')).toHaveLength(1);
    ok(sim, 'sim.LaunchInstances', { cluster: 'demo', count: 1 });
    // Registered at 345 s; the retry comes on the minute after the last failure.
    sim.runUntil(420_000);
    expect(liveTasks(sim, 'big')).toHaveLength(2);
  });

  // The cluster here does have an instance, outside the provider: ECS names the capacity provider, not the cluster
  // (ecs-spec §5.8, the service event table: "No Container Instances were found in your capacity provider.").
  it('with a capacity provider that has no instance, says none were found in the capacity provider', () => {
    const sim = new Sim({ seed: 'replica' });
    ok(sim, 'ecs.CreateCluster', { clusterName: 'demo' });
    ok(sim, 'ec2.CreateLaunchTemplate', { LaunchTemplateName: 'node', LaunchTemplateData: { InstanceType: 'm5.large', UserData: 'ECS_CLUSTER=demo' } });
    ok(sim, 'autoscaling.CreateAutoScalingGroup', { AutoScalingGroupName: 'asg', LaunchTemplate: { LaunchTemplateName: 'node' }, MinSize: 0, MaxSize: 3, DesiredCapacity: 0 });
    ok(sim, 'ecs.CreateCapacityProvider', { name: 'cp', autoScalingGroupProvider: { autoScalingGroupArn: 'asg', managedScaling: { status: 'DISABLED' }, managedTerminationProtection: 'DISABLED' } });
    ok(sim, 'ecs.PutClusterCapacityProviders', { cluster: 'demo', capacityProviders: ['cp'], defaultCapacityProviderStrategy: [{ capacityProvider: 'cp', weight: 1 }] });
    ok(sim, 'sim.LaunchInstances', { cluster: 'demo', count: 1 });
    sim.runUntil(60_000);
    ec2TaskDef(sim, 'web');
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 1 });
    sim.runUntil(120_000);
    expect(serviceMessages(sim, 'web')).toEqual(['service web was unable to place a task because no container instance met all of its requirements. Reason: No Container Instances were found in your capacity provider.']);
  });

  it('stops a task that fails its container health checks once it is past the grace period, and starts its replacement', () => {
    const sim = service(2, 100, 200, { cpu: 512, memory: 1024, healthCheck: { command: ['CMD', 'true'], interval: 5, retries: 2 } });
    const [bad, good] = liveTasks(sim, 'web');
    ok(sim, 'sim.FailHealthCheck', { cluster: 'demo', task: bad!.taskArn });
    sim.runUntil(300_000);
    expect(sim.world.tasks[bad!.taskArn]).toMatchObject({ lastStatus: 'STOPPED', stopCode: 'ServiceSchedulerInitiated', stoppedReason: 'Task failed container health checks' });
    const now = liveTasks(sim, 'web');
    expect(now).toHaveLength(2);
    expect(now.map((t) => t.taskArn)).toContain(good!.taskArn);
  });

  it('ignores failing health checks for healthCheckGracePeriodSeconds after the task starts', () => {
    const sim = ec2World(3);
    ok(sim, 'sim.SetImage', { image: 'sick:1', healthCheckFails: true });
    ec2TaskDef(sim, 'web', { image: 'sick:1', healthCheck: { command: ['CMD', 'true'], interval: 5, retries: 1 } });
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 1, healthCheckGracePeriodSeconds: 120 });
    sim.runUntil(120_000);
    const [t] = liveTasks(sim, 'web');
    // RUNNING at 72.5 s and UNHEALTHY at its first check (77.5 s), but kept through the grace period (to 192.5 s).
    expect(t!.healthStatus).toBe('UNHEALTHY');
    sim.runUntil(192_499);
    expect(t!.desiredStatus).toBe('RUNNING');
    expect(liveTasks(sim, 'web')).toHaveLength(1);
  });

  // The task becomes UNHEALTHY inside the grace period and stays so, with no further change to report: the end of
  // the period wakes the service (ecs-spec §5.4: the scheduler ignores the health checks only for the grace period).
  it('replaces a task that became unhealthy during the grace period once the period is over', () => {
    const sim = ec2World(3);
    ok(sim, 'sim.SetImage', { image: 'sick:1', healthCheckFails: true });
    ec2TaskDef(sim, 'web', { image: 'sick:1', healthCheck: { command: ['CMD', 'true'], interval: 5, retries: 1 } });
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'web', taskDefinition: 'web', desiredCount: 1, healthCheckGracePeriodSeconds: 120 });
    sim.runUntil(120_000);
    const [t] = liveTasks(sim, 'web');
    // RUNNING at 72.5 s and UNHEALTHY at its first check (77.5 s), but kept until the grace period ends at 192.5 s.
    expect(t!.healthStatus).toBe('UNHEALTHY');
    sim.runUntil(192_499);
    expect(t!.desiredStatus).toBe('RUNNING');
    sim.runUntil(600_000);
    expect(t).toMatchObject({ desiredStatus: 'STOPPED', stoppedReason: 'Task failed container health checks' });
  });

  it('replaces its tasks on a DRAINING instance elsewhere, keeping minimumHealthyPercent 100: the old ones stop once the new are healthy; a standalone task stays', () => {
    const sim = service(2, 100, 200);
    const [moved] = liveTasks(sim, 'web');
    const ci = moved!.containerInstanceArn!;
    ec2TaskDef(sim, 'job', { cpu: 128, memory: 128 });
    const job = ok(sim, 'ecs.RunTask', { cluster: 'demo', taskDefinition: 'job', placementConstraints: [{ type: 'memberOf', expression: `ec2InstanceId == ${moved!.ec2InstanceId}` }] }).tasks[0].taskArn as string;
    sim.runUntil(200_000);
    ok(sim, 'ecs.UpdateContainerInstancesState', { cluster: 'demo', containerInstances: [ci], status: 'DRAINING' });
    sim.runUntil(201_000);
    // The replacement starts at once elsewhere; the draining task still runs.
    const during = liveTasks(sim, 'web');
    expect(during).toHaveLength(3);
    expect(moved!.desiredStatus).toBe('RUNNING');
    expect(during.filter((t) => t !== moved).every((t) => t.containerInstanceArn !== ci)).toBe(true);
    sim.runUntil(400_000);
    expect(moved!.lastStatus).toBe('STOPPED');
    expect(liveTasks(sim, 'web').every((t) => t.containerInstanceArn !== ci && t.lastStatus === 'RUNNING')).toBe(true);
    expect(liveTasks(sim, 'web')).toHaveLength(2);
    expect(sim.world.tasks[job]!.lastStatus).toBe('RUNNING');
    expect(sim.world.containerInstances[ci]!.status).toBe('DRAINING');
  });

  it('starts at most 250 EC2 tasks a minute: the rest wait for the quota, with a throttling event', () => {
    const sim = ec2World(4, { instanceType: 'm5.4xlarge' });
    ec2TaskDef(sim, 'tiny', { cpu: 16, memory: 64 });
    ok(sim, 'ecs.CreateService', { cluster: 'demo', serviceName: 'tiny', taskDefinition: 'tiny', desiredCount: 300 });
    sim.runUntil(61_000);
    expect(liveTasks(sim, 'tiny')).toHaveLength(250);
    expect(serviceMessages(sim, 'tiny')).toContain('service tiny operations are being throttled. Will try again later.');
    sim.runUntil(120_000);
    expect(liveTasks(sim, 'tiny')).toHaveLength(250);
    // A minute after the first launches.
    sim.runUntil(120_001);
    expect(liveTasks(sim, 'tiny')).toHaveLength(300);
  });

  it('scales in to a lower desiredCount, stopping the surplus tasks with the deployment as the reason', () => {
    const sim = service(3, 100, 200);
    ok(sim, 'ecs.UpdateService', { cluster: 'demo', service: 'web', desiredCount: 1 });
    sim.runUntil(240_000);
    const stopped = Object.values(sim.world.tasks).filter((t) => t.lastStatus === 'STOPPED');
    const dep = Object.values(sim.world.services)[0]!.deployments[0]!;
    expect(stopped).toHaveLength(2);
    expect(stopped.every((t) => t.stoppedReason === `Scaling activity initiated by (deployment ${dep.id})`)).toBe(true);
    expect(liveTasks(sim, 'web')).toHaveLength(1);
  });
});
