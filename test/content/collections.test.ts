import { describe, expect, it } from 'vitest';
import { Sim } from '../../src/sim';
import { collection, pairs } from '../../src/content/collections';
import type { CallRecord } from '../../src/content/calls';

type Rec = Record<string, unknown>;

/**
 * Cluster `a` with i-b1 (m5.large, us-east-1b) registered before i-a1 (t3.small, us-east-1a), two revisions of
 * `worker`, a service `web` of one task of worker:1, a load balancer whose rule forwards /api/* to target group tg,
 * a Cloud Map service `api` in namespace `local`, and an image built on the local host. Run to 2:00.
 */
function world(): Sim {
  const sim = new Sim({ seed: '1', durations: { instanceBootMs: 0 } });
  const call = (op: string, input: unknown) => {
    const r = sim.call(op, input);
    if (r.error) throw new Error(`${op}: ${r.error.message}`);
    return r.output as Rec & { [k: string]: Rec[] };
  };
  call('ecs.CreateCluster', { clusterName: 'a' });
  call('sim.LaunchInstances', { cluster: 'a', instanceType: 'm5.large', availabilityZone: 'us-east-1b', ec2InstanceIds: ['i-b1'] });
  call('sim.LaunchInstances', { cluster: 'a', instanceType: 't3.small', availabilityZone: 'us-east-1a', ec2InstanceIds: ['i-a1'] });
  call('ecs.RegisterTaskDefinition', { family: 'worker', containerDefinitions: [{ name: 'w', image: 'busybox', memory: 256 }] });
  call('ecs.RegisterTaskDefinition', { family: 'worker', containerDefinitions: [{ name: 'w', image: 'busybox', memory: 512 }] });
  const lb = call('elbv2.CreateLoadBalancer', { Name: 'lb' }).LoadBalancers![0]!;
  const tg = call('elbv2.CreateTargetGroup', { Name: 'tg', Port: 80 }).TargetGroups![0]!;
  const listener = call('elbv2.CreateListener', { LoadBalancerArn: lb.LoadBalancerArn, Port: 80, DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }] }).Listeners![0]!;
  call('elbv2.CreateRule', { ListenerArn: listener.ListenerArn, Priority: 1, Conditions: [{ Field: 'path-pattern', Values: ['/api/*'] }], Actions: [{ Type: 'forward', TargetGroupArn: tg.TargetGroupArn }] });
  const ns = call('servicediscovery.CreatePrivateDnsNamespace', { Name: 'local' });
  call('servicediscovery.CreateService', { Name: 'api', NamespaceId: ns.NamespaceId, DnsConfig: { DnsRecords: [{ Type: 'A', TTL: 10 }] } });
  call('docker.Build', { tag: 'forum:1', dockerfile: 'FROM node:20\nEXPOSE 3000\n' });
  call('ecs.CreateService', { cluster: 'a', serviceName: 'web', taskDefinition: 'worker:1', desiredCount: 1 });
  sim.runUntil(120_000);
  return sim;
}

const sim = world();
const of = (name: string, calls: CallRecord[] = []) => collection(sim, name, calls) as Rec[];

describe('pairs', () => {
  it('reads flat metric points as [t, value] pairs', () => {
    expect(pairs([0, 1, 60_000, 2.5])).toEqual([
      [0, 1],
      [60_000, 2.5],
    ]);
    expect(pairs([])).toEqual([]);
  });
});

describe('collection', () => {
  it('tasks: as DescribeTasks shows them, with the instance, its type, the family, the service and the launch order beside', () => {
    const [t] = of('tasks');
    expect(t).toMatchObject({ lastStatus: 'RUNNING', ec2InstanceId: 'i-b1', instanceType: 'm5.large', family: 'worker', serviceName: 'web', index: 0 });
    expect(t!.taskArn).toBe(sim.world.taskOrder[0]);
  });

  it('containerInstances: in registration order, with resources and attributes as maps by name', () => {
    const cis = of('containerInstances');
    expect(cis.map((c) => [c.ec2InstanceId, c.availabilityZone, c.instanceType])).toEqual([
      ['i-b1', 'us-east-1b', 'm5.large'],
      ['i-a1', 'us-east-1a', 't3.small'],
    ]);
    expect(cis[0]!.registered).toMatchObject({ CPU: 2048, MEMORY: 7987 });
    // worker:1's 256 MiB run on i-b1.
    expect(cis[0]!.remaining).toMatchObject({ CPU: 2048, MEMORY: 7731 });
    expect((cis[0]!.attribute as Rec)['ecs.instance-type']).toBe('m5.large');
    expect((cis[0]!.attribute as Rec)['ecs.availability-zone']).toBe('us-east-1b');
  });

  it('services, clusters and every revision of every task definition, as their Describe calls show them', () => {
    expect(of('services').map((s) => [s.serviceName, s.desiredCount, s.runningCount])).toEqual([['web', 1, 1]]);
    expect(of('clusters').map((c) => [c.clusterName, c.registeredContainerInstancesCount, c.activeServicesCount])).toEqual([['a', 2, 1]]);
    expect(of('taskDefinitions').map((d) => `${String(d.family)}:${String(d.revision)}`)).toEqual(['worker:1', 'worker:2']);
  });

  it('serviceEvents: each service’s events with its name and the time as a timestamp', () => {
    const events = of('serviceEvents');
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(Object.keys(e).sort()).toEqual(['createdAt', 'message', 'serviceName']);
    expect(events.some((e) => e.message === '(service web) has reached a steady state.')).toBe(true);
  });

  it('events and calls are the engine’s events and the calls given', () => {
    expect(collection(sim, 'events', [])).toBe(sim.events);
    const calls: CallRecord[] = [{ at: 0, call: 'x', input: {} }];
    expect(collection(sim, 'calls', calls)).toBe(calls);
  });

  it('datapoints: each point with its namespace, metric, dimensions by name, time in seconds and as a timestamp', () => {
    const points = of('datapoints');
    expect(points).toContainEqual({ namespace: 'AWS/ECS', metricName: 'CPUReservation', ClusterName: 'a', t: 0, timestamp: 1735689600, value: 0 });
    expect(points.every((p) => typeof p.t === 'number' && typeof p.value === 'number')).toBe(true);
  });

  it('datapoints are made again only when there are more points', () => {
    const s = world();
    const first = collection(s, 'datapoints', []);
    expect(collection(s, 'datapoints', [])).toBe(first);
    s.runUntil(240_000);
    const later = collection(s, 'datapoints', []);
    expect(later).not.toBe(first);
    expect(later.length).toBeGreaterThan(first.length);
  });

  it('traces: each placement decision, expanded', () => {
    const [t] = of('traces');
    expect(t).toMatchObject({ group: 'service:web', atMs: 0, chosen: of('containerInstances')[0]!.containerInstanceArn });
    expect(Array.isArray(t!.candidates)).toBe(true);
  });

  it('rules with their paths and the name of the target group they forward to; target groups with their health', () => {
    expect(of('rules').map((r) => [r.Priority, r.paths, r.TargetGroupName])).toEqual([[1, ['/api/*'], 'tg']]);
    expect(of('targetGroups')).toEqual([{ TargetGroupName: 'tg', TargetGroupArn: expect.stringContaining(':targetgroup/tg/'), healthy: 0, targets: [] }]);
  });

  it('discoveryServices with their namespace’s name and how many instances they hold', () => {
    expect(of('discoveryServices')).toEqual([{ Id: expect.any(String), Arn: expect.any(String), Name: 'api', NamespaceId: expect.stringMatching(/^ns-/), Namespace: 'local', instances: 0 }]);
  });

  it('images on the local host, with their exposed ports and whether they were pushed', () => {
    expect(of('images')).toContainEqual({ ref: 'forum:1', exposedPorts: [3000], pushed: false });
  });

  it('collections that are a read call’s output: capacity providers, alarms, containers', () => {
    expect(of('capacityProviders').map((c) => c.name)).toEqual(['FARGATE', 'FARGATE_SPOT']);
    expect(of('alarms')).toEqual([]);
    expect(of('containers')).toEqual([]);
    expect(of('localTraffic')).toEqual([]);
  });

  it('a name that is no collection, an inherited member’s included, is empty', () => {
    expect(of('nope')).toEqual([]);
    expect(of('toString')).toEqual([]);
    expect(of('constructor')).toEqual([]);
  });
});
