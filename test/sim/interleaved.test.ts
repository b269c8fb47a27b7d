import { describe, expect, it } from 'vitest';
import { Sim } from '../../src/sim';

// Worlds side by side run in one page, a minute of one, then a minute of the other, often from one seed (so with
// the same task ARNs): what each minute works out per task (usage, requests, cost) must stay that world's own.

const call = (sim: Sim, op: string, input: unknown) => {
  const r = sim.call(op, input);
  if (r.error) throw new Error(`${op}: ${r.error.code}: ${r.error.message}`);
  return r.output as Record<string, any>;
};

/** A cluster of six instances behind one load balancer, two services under traffic; `peak` sets how busy. */
function world(seed: string, peak: number): Sim {
  const sim = new Sim({ seed, images: { 'web:1': { routes: { '/web/*': { cpuMs: 8 }, '/': { cpuMs: 1 } } }, 'api:1': { routes: { '/api/*': { cpuMs: 20 }, '/': { cpuMs: 1 } } } } });
  call(sim, 'ecs.CreateCluster', { clusterName: 'prod' });
  call(sim, 'ec2.CreateLaunchTemplate', { LaunchTemplateName: 'node', LaunchTemplateData: { InstanceType: 'm5.large', UserData: 'ECS_CLUSTER=prod' } });
  call(sim, 'autoscaling.CreateAutoScalingGroup', { AutoScalingGroupName: 'nodes', LaunchTemplate: { LaunchTemplateName: 'node' }, MinSize: 6, MaxSize: 6, DesiredCapacity: 6 });
  const lb = call(sim, 'elbv2.CreateLoadBalancer', { Name: 'lb' }).LoadBalancers[0].LoadBalancerArn;
  const listener = call(sim, 'elbv2.CreateListener', { LoadBalancerArn: lb, Port: 80, DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }] }).Listeners[0].ListenerArn;
  sim.runUntil(60_000);
  ['web', 'api'].forEach((name, i) => {
    const tg = call(sim, 'elbv2.CreateTargetGroup', { Name: name, Port: 80, HealthCheckPath: '/' }).TargetGroups[0].TargetGroupArn;
    call(sim, 'elbv2.CreateRule', { ListenerArn: listener, Priority: i + 1, Conditions: [{ Field: 'path-pattern', Values: [`/${name}/*`] }], Actions: [{ Type: 'forward', TargetGroupArn: tg }] });
    call(sim, 'ecs.RegisterTaskDefinition', { family: name, cpu: '256', memory: '512', containerDefinitions: [{ name: 'app', image: `${name}:1`, portMappings: [{ containerPort: 80 }] }] });
    call(sim, 'ecs.CreateService', { cluster: 'prod', serviceName: name, taskDefinition: name, desiredCount: 3 + i, loadBalancers: [{ targetGroupArn: tg, containerName: 'app', containerPort: 80 }] });
    call(sim, 'sim.SetTraffic', { loadBalancer: 'lb', path: `/${name}/x`, shape: 'daily', base: 10, peak: peak * (i + 1), peakHour: 0 });
  });
  return sim;
}

/** What the world published and metered: every series' datapoints and the cost meter. */
function figures(sim: Sim): string {
  return JSON.stringify({ metrics: sim.world.metrics, cost: sim.world.cost });
}

describe('worlds run in turn', () => {
  it('publish the same metrics and cost as each world run alone', () => {
    const end = 60_000 + 40 * 60_000;
    const alone = [world('a', 300), world('a', 900)];
    for (const sim of alone) sim.runUntil(end);
    const inTurn = [world('a', 300), world('a', 900)];
    for (let t = 120_000; t <= end; t += 60_000) for (const sim of inTurn) sim.runUntil(t);
    expect(figures(alone[0]!)).not.toEqual(figures(alone[1]!));
    const cpu = (sim: Sim) => sim.world.metrics[Object.keys(sim.world.metrics).find((k) => k.includes('CPUUtilization') && k.includes('ServiceName'))!]!.points;
    expect(cpu(alone[0]!).length).toBeGreaterThan(60);
    expect(figures(inTurn[0]!)).toEqual(figures(alone[0]!));
    expect(figures(inTurn[1]!)).toEqual(figures(alone[1]!));
  });

  it('publish the same after one world is restored from a snapshot between the other’s minutes', () => {
    const end = 60_000 + 30 * 60_000;
    const alone = world('a', 600);
    alone.runUntil(end);
    const [a, b] = [world('a', 600), world('a', 200)];
    a.runUntil(60_000 + 10 * 60_000);
    const snap = a.snapshot();
    a.runUntil(60_000 + 20 * 60_000);
    b.runUntil(60_000 + 20 * 60_000);
    a.restore(snap);
    for (let t = 60_000 + 11 * 60_000; t <= end; t += 60_000) {
      a.runUntil(t);
      b.runUntil(t);
    }
    expect(figures(a)).toEqual(figures(alone));
  });
});
