import { describe, expect, it } from 'vitest';
import { expandTrace, Sim, type PlacementCandidate, type PlacementTrace } from '../../../src/sim';
import { placeOnInstances } from '../../../src/sim/placement/place';

/** Three instances, one per AZ: i-1 small (1024 MiB), i-2 (4096 MiB), i-3 (8192 MiB, tier=db); and `web`, wanting 2048 MiB and host port 80. */
function world() {
  const sim = new Sim({ seed: 'trace', durations: { instanceBootMs: 0 } });
  sim.call('ecs.CreateCluster', { clusterName: 'demo' });
  sim.call('sim.LaunchInstances', { cluster: 'demo', ec2InstanceIds: ['i-1'], availabilityZone: 'us-east-1a', registeredResources: { CPU: 1024, MEMORY: 1024 } });
  sim.call('sim.LaunchInstances', { cluster: 'demo', ec2InstanceIds: ['i-2'], availabilityZone: 'us-east-1b', registeredResources: { CPU: 1024, MEMORY: 4096 } });
  sim.call('sim.LaunchInstances', { cluster: 'demo', ec2InstanceIds: ['i-3'], availabilityZone: 'us-east-1c', registeredResources: { CPU: 1024, MEMORY: 8192 }, attributes: { tier: 'db' } });
  sim.runUntil(1);
  sim.call('ecs.RegisterTaskDefinition', { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 2048, portMappings: [{ containerPort: 80, hostPort: 80 }] }] });
  return sim;
}

/** The world's last trace, expanded with its forms, by instance id. */
function lastRows(sim: Sim): Record<string, PlacementCandidate> {
  const t = expandTrace(sim.world, sim.world.traces.at(-1)!, { forms: true });
  return Object.fromEntries(t.candidates!.map((c) => [c.ec2InstanceId, c]));
}

const arnOf = (sim: Sim, id: string) => Object.values(sim.world.containerInstances).find((c) => c.ec2InstanceId === id)!.containerInstanceArn;

describe('placement trace ("why here")', () => {
  it('names the filter that rejected each instance and what each strategy saw', () => {
    const sim = world();
    const run = sim.call('ecs.RunTask', {
      cluster: 'demo',
      taskDefinition: 'web',
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:tier !exists' }],
      placementStrategy: [
        { type: 'spread', field: 'attribute:ecs.availability-zone' },
        { type: 'binpack', field: 'memory' },
      ],
    });
    const taskArn = (run.output as { tasks: { taskArn: string }[] }).tasks[0]!.taskArn;
    const { trace } = sim.call('sim.DescribePlacementTrace', { task: taskArn }).output as { trace: { candidates: Record<string, unknown>[]; strategies: string[] } };
    expect(trace.strategies).toEqual(['spread(attribute:ecs.availability-zone)', 'binpack(memory)']);
    const byId = Object.fromEntries(trace.candidates.map((c) => [c.ec2InstanceId, c]));
    expect(byId['i-1']).toMatchObject({ rejectedBy: 'RESOURCE:MEMORY', detail: 'needs 2048 MiB, 1024 MiB remaining' });
    expect(byId['i-3']).toMatchObject({ rejectedBy: 'MemberOf placement constraint unsatisfied.', detail: 'does not match attribute:tier !exists' });
    expect(byId['i-2']).toMatchObject({
      chosen: true,
      ranks: [
        { strategy: 'spread(attribute:ecs.availability-zone)', value: 0, kept: true, bucket: 'us-east-1b' },
        { strategy: 'binpack(memory)', value: 4096, kept: true },
      ],
    });
    // The same decision expanded for the page: each detail's form beside its English, each strategy as data.
    const rows = lastRows(sim);
    expect(rows['i-1']!.detailForm).toEqual({ code: 'memory', values: { need: '2048', left: '1024' } });
    expect(rows['i-3']!.detailForm).toEqual({ code: 'memberOf', values: { expression: 'attribute:tier !exists' } });
    expect(rows['i-2']!.ranks).toEqual([
      { strategy: 'spread(attribute:ecs.availability-zone)', value: 0, kept: true, bucket: 'us-east-1b', type: 'spread', field: 'attribute:ecs.availability-zone' },
      { strategy: 'binpack(memory)', value: 4096, kept: true, type: 'binpack', field: 'memory' },
    ]);
  });

  it('explains a failure with the closest instance, and survives snapshot and restore', () => {
    const sim = world();
    sim.call('ecs.RunTask', { cluster: 'demo', taskDefinition: 'web', count: 2 });
    const snap = sim.snapshot();
    const again = new Sim({ seed: 'trace' });
    again.restore(snap);
    const third = again.call('ecs.RunTask', { cluster: 'demo', taskDefinition: 'web' });
    const last = again.world.traces[again.world.traces.length - 1]!;
    expect(third.output).toEqual({ tasks: [], failures: [{ arn: last.failure!.arn, reason: 'RESOURCE:PORTS' }] });
    expect(last.failure).toEqual({
      reason: 'RESOURCE:PORTS',
      arn: expect.stringMatching(/^arn:aws:ecs:.*:container-instance\/demo\//),
      detail: 'host port 80/tcp is already in use',
      detailForm: { code: 'port', values: { port: '80/tcp' } },
    });
  });

  it('says every filter that rejects an instance in English and as its form', () => {
    const sim = world();
    sim.call('ecs.UpdateContainerInstancesState', { cluster: 'demo', containerInstances: [arnOf(sim, 'i-1')], status: 'DRAINING' });
    sim.call('sim.DisconnectAgent', { cluster: 'demo', containerInstance: arnOf(sim, 'i-2') });
    // The agent counts as disconnected once its heartbeats have stopped for long enough.
    sim.runUntil(sim.now + 10 * 60_000);
    expect(sim.world.containerInstances[arnOf(sim, 'i-2')]!.agentConnected).toBe(false);
    sim.call('ecs.RegisterTaskDefinition', { family: 'arm', runtimePlatform: { cpuArchitecture: 'ARM64' }, containerDefinitions: [{ name: 'a', image: 'nginx', memory: 64 }] });
    sim.call('ecs.RunTask', { cluster: 'demo', taskDefinition: 'arm' });
    const rows = lastRows(sim);
    expect(rows['i-1']).toMatchObject({ rejectedBy: 'INACTIVE', detail: 'instance is DRAINING', detailForm: { code: 'status', values: { status: 'DRAINING' } } });
    expect(rows['i-2']).toMatchObject({ rejectedBy: 'AGENT', detail: 'the container agent is disconnected', detailForm: { code: 'agent', values: {} } });
    expect(rows['i-3']).toMatchObject({ rejectedBy: 'ATTRIBUTE', detail: 'missing required attribute ecs.cpu-architecture=arm64', detailForm: { code: 'attribute', values: { name: 'ecs.cpu-architecture=arm64' } } });
  });

  it('says what a resource filter needed and what was left: CPU, GPU, a UDP port', () => {
    const sim = world();
    sim.call('ecs.RegisterTaskDefinition', { family: 'big', containerDefinitions: [{ name: 'a', image: 'nginx', memory: 64, cpu: 2048 }] });
    sim.call('ecs.RunTask', { cluster: 'demo', taskDefinition: 'big' });
    expect(lastRows(sim)['i-1']).toMatchObject({ rejectedBy: 'RESOURCE:CPU', detail: 'needs 2048 CPU units, 1024 remaining', detailForm: { code: 'cpu', values: { need: '2048', left: '1024' } } });
    sim.call('ecs.RegisterTaskDefinition', { family: 'gpu', containerDefinitions: [{ name: 'a', image: 'nginx', memory: 64, resourceRequirements: [{ type: 'GPU', value: '1' }] }] });
    sim.call('ecs.RunTask', { cluster: 'demo', taskDefinition: 'gpu' });
    expect(lastRows(sim)['i-2']).toMatchObject({ rejectedBy: 'RESOURCE:GPU', detail: 'needs 1 GPU, 0 remaining', detailForm: { code: 'gpu', values: { need: '1', left: '0' } } });
    sim.call('ecs.RegisterTaskDefinition', { family: 'dns', containerDefinitions: [{ name: 'a', image: 'nginx', memory: 64, portMappings: [{ containerPort: 53, hostPort: 53, protocol: 'udp' }] }] });
    sim.call('ecs.RunTask', { cluster: 'demo', taskDefinition: 'dns', count: 3 });
    sim.call('ecs.RunTask', { cluster: 'demo', taskDefinition: 'dns' });
    expect(lastRows(sim)['i-3']).toMatchObject({ rejectedBy: 'RESOURCE:PORTS', detail: 'host port 53/udp is already in use', detailForm: { code: 'port', values: { port: '53/udp' } } });
  });

  it("says a subnet filter's zone, an instance's ENIs and a distinctInstance constraint's group", () => {
    const sim = world();
    sim.call('ecs.RegisterTaskDefinition', { family: 'vpc', networkMode: 'awsvpc', containerDefinitions: [{ name: 'a', image: 'nginx', memory: 64 }] });
    const vpc = { cluster: 'demo', taskDefinition: 'vpc', networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-us-east-1c'] } } };
    sim.call('ecs.RunTask', vpc);
    expect(lastRows(sim)['i-1']).toMatchObject({ rejectedBy: 'LOCATION', detail: "instance is in us-east-1a, not in the task's subnets", detailForm: { code: 'subnet', values: { zone: 'us-east-1a' } } });
    const type = sim.world.containerInstances[arnOf(sim, 'i-3')]!.instanceType;
    for (let i = 0; i < 10; i++) sim.call('ecs.RunTask', vpc);
    const eni = lastRows(sim)['i-3']!;
    expect(eni).toMatchObject({ rejectedBy: 'RESOURCE:ENI', detailForm: { code: 'eni', values: { type } } });
    expect(eni.detail).toBe(`all ${eni.detailForm!.values.count} task ENIs of ${type} are in use`);
    sim.call('ecs.RegisterTaskDefinition', { family: 'one', containerDefinitions: [{ name: 'a', image: 'nginx', memory: 64 }] });
    const one = { cluster: 'demo', taskDefinition: 'one', group: 'solo', placementConstraints: [{ type: 'distinctInstance' }], placementStrategy: [{ type: 'binpack', field: 'memory' }] };
    sim.call('ecs.RunTask', one);
    sim.call('ecs.RunTask', one);
    const rows = Object.values(lastRows(sim)).filter((c) => c.rejectedBy?.startsWith('DistinctInstance'));
    expect(rows.map((c) => [c.detail, c.detailForm])).toEqual([['already runs a task of solo', { code: 'distinct', values: { group: 'solo' } }]]);
  });

  it('with no candidate at all, says in AWS words where none were found: the cluster, or the capacity provider that places the task', () => {
    const sim = world();
    sim.call('ecs.CreateCluster', { clusterName: 'empty' });
    const [demo, empty] = Object.keys(sim.world.clusters);
    const req = { cpu: 0, memory: 64, gpu: 0, ports: [], portsUdp: [], dynamicPorts: 0, eni: 0, attributes: [] };
    const place = (clusterArn: string, capacityProvider?: string) =>
      placeOnInstances(sim.world, { clusterArn, group: 'service:web', req, constraints: [], strategies: [], defaultMode: 'service', ...(capacityProvider ? { capacityProvider } : {}) }, sim.engine.rng.stream('test'), 0, sim.now);
    // demo's three instances belong to no provider.
    expect(place(demo!, 'cp').trace.failure).toEqual({ reason: 'MISSING', detail: 'No Container Instances were found in your capacity provider.' });
    expect(place(empty!).trace.failure).toEqual({ reason: 'MISSING', detail: 'No Container Instances were found in your cluster.' });
  });
});

describe('placement on Fargate', () => {
  function fargate() {
    const sim = new Sim({ seed: 'fargate' });
    sim.call('ecs.CreateCluster', { clusterName: 'demo' });
    sim.call('ecs.RegisterTaskDefinition', { family: 'f', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512', containerDefinitions: [{ name: 'a', image: 'nginx' }] });
    return sim;
  }
  const run = (sim: Sim, subnets: string[]) => sim.call('ecs.RunTask', { cluster: 'demo', taskDefinition: 'f', launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets } } });
  const last = (sim: Sim): PlacementTrace => sim.world.traces.at(-1)!;

  it('rejects a full subnet and spreads to the zone with the fewest tasks of the group', () => {
    const sim = fargate();
    sim.world.subnets['subnet-us-east-1a']!.freeIps = 0;
    run(sim, ['subnet-us-east-1a', 'subnet-us-east-1b']);
    const t = last(sim);
    expect(t.chosen).toBe('us-east-1b');
    expect(t.strategyForms).toEqual([{ type: 'spread', field: 'availability-zone' }]);
    expect(t.candidates![0]).toEqual({
      containerInstanceArn: '',
      ec2InstanceId: '',
      availabilityZone: 'us-east-1a',
      rejectedBy: 'RESOURCE:ENI',
      detail: 'subnet subnet-us-east-1a has no free IP addresses',
      detailForm: { code: 'subnetFull', values: { subnet: 'subnet-us-east-1a' } },
    });
    expect(t.candidates![1]).toMatchObject({ availabilityZone: 'us-east-1b', chosen: true, ranks: [{ strategy: 'spread(availability-zone)', value: 0, kept: true }] });
  });

  it('fails with no free address anywhere, and says Spot has no capacity in AWS words only', () => {
    const sim = fargate();
    sim.world.subnets['subnet-us-east-1a']!.freeIps = 0;
    const r = run(sim, ['subnet-us-east-1a']);
    expect(r.output).toEqual({ tasks: [], failures: [{ reason: 'RESOURCE:ENI' }] });
    expect(last(sim).failure).toEqual({ reason: 'RESOURCE:ENI', detail: 'no subnet has a free IP address', detailForm: { code: 'noSubnet', values: {} } });
    sim.call('sim.SetFargateSpotCapacity', { available: false });
    sim.call('ecs.PutClusterCapacityProviders', { cluster: 'demo', capacityProviders: ['FARGATE', 'FARGATE_SPOT'], defaultCapacityProviderStrategy: [] });
    const spot = sim.call('ecs.RunTask', {
      cluster: 'demo',
      taskDefinition: 'f',
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-us-east-1b'] } },
    });
    const reason = 'Capacity is unavailable at this time. Please try again later or in a different availability zone';
    expect(spot.output).toEqual({ tasks: [], failures: [{ reason }] });
    expect(last(sim).failure).toEqual({ reason, detail: 'Fargate Spot has no spare capacity at the moment.' });
  });
});
