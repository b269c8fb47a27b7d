import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Sim } from '../../src/sim';

/** A random but well-formed life of a cluster: the arbitrary behind the engine's invariants. */
type Step = { at: number; call: string; input: Record<string, unknown> };

const instanceTypes = ['t3.small', 'm5.large', 'c5.large', 'm5.xlarge'];

// Any operation with arbitrary input: it must come back as a result or an API error.
const garbageArb: fc.Arbitrary<Step> = fc.record({
  at: fc.nat(600),
  call: fc.constantFrom(...Sim.operations()),
  input: fc.oneof(fc.object({ maxDepth: 2 }), fc.record({ cluster: fc.constant('demo'), service: fc.constant('svc'), taskDefinition: fc.constantFrom('web', 'api', 'nope') }, { requiredKeys: [] })),
}) as fc.Arbitrary<Step>;

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ at: fc.nat(600), call: fc.constant('sim.LaunchInstances'), input: fc.record({ cluster: fc.constant('demo'), instanceType: fc.constantFrom(...instanceTypes), count: fc.integer({ min: 1, max: 3 }) }) }),
  fc.record({
    at: fc.nat(600),
    call: fc.constant('ecs.RunTask'),
    input: fc.record({
      cluster: fc.constant('demo'),
      taskDefinition: fc.constantFrom('web', 'api', 'worker'),
      count: fc.integer({ min: 1, max: 10 }),
      placementStrategy: fc.constantFrom(
        [],
        [{ type: 'binpack', field: 'memory' }],
        [
          { type: 'spread', field: 'attribute:ecs.availability-zone' },
          { type: 'binpack', field: 'cpu' },
        ],
        [{ type: 'random' }],
      ),
    }),
  }),
  fc.record({
    at: fc.nat(600),
    call: fc.constant('ecs.RunTask'),
    input: fc.record({
      cluster: fc.constant('demo'),
      taskDefinition: fc.constant('fg'),
      launchType: fc.constant('FARGATE'),
      count: fc.integer({ min: 1, max: 4 }),
      networkConfiguration: fc.constant({ awsvpcConfiguration: { subnets: ['subnet-us-east-1a', 'subnet-us-east-1b'] } }),
    }),
  }),
  fc.record({ at: fc.nat(600), call: fc.constant('ecs.StopTask'), input: fc.record({ cluster: fc.constant('demo'), task: fc.nat(30).map((n) => `#task${n}`) }) }),
  fc.record({ at: fc.nat(600), call: fc.constant('ecs.UpdateService'), input: fc.record({ cluster: fc.constant('demo'), service: fc.constant('svc'), desiredCount: fc.nat(8) }) }),
  fc.record({ at: fc.nat(600), call: fc.constant('ecs.UpdateService'), input: fc.record({ cluster: fc.constant('demo'), service: fc.constant('svc'), taskDefinition: fc.constantFrom('web:1', 'web:2') }) }),
  fc.record({
    at: fc.nat(600),
    call: fc.constant('ecs.UpdateContainerInstancesState'),
    input: fc.record({ cluster: fc.constant('demo'), containerInstances: fc.nat(8).map((n) => [`#ci${n}`]), status: fc.constantFrom('DRAINING', 'ACTIVE') }),
  }),
  fc.record({ at: fc.nat(600), call: fc.constant('sim.TerminateInstances'), input: fc.record({ instanceIds: fc.nat(8).map((n) => [`#ec2${n}`]) }) }),
  fc.record({ at: fc.nat(600), call: fc.constant('sim.StopInstances'), input: fc.record({ instanceIds: fc.nat(8).map((n) => [`#ec2${n}`]) }) }),
  fc.record({ at: fc.nat(600), call: fc.constant('sim.DisconnectAgent'), input: fc.record({ cluster: fc.constant('demo'), ec2InstanceId: fc.nat(8).map((n) => `#ec2${n}`), durationSeconds: fc.nat(300) }) }),
  fc.record({
    at: fc.nat(600),
    call: fc.constant('sim.ExitContainer'),
    input: fc.record({ cluster: fc.constant('demo'), task: fc.nat(30).map((n) => `#task${n}`), containerName: fc.constantFrom('app', 'side'), exitCode: fc.constantFrom(0, 1, 137) }),
  }),
);

function setup(sim: Sim): void {
  sim.call('ecs.CreateCluster', { clusterName: 'demo' });
  sim.call('sim.LaunchInstances', { cluster: 'demo', instanceType: 'm5.large', count: 3 });
  sim.call('ecs.RegisterTaskDefinition', { family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx', memory: 256, cpu: 256, portMappings: [{ containerPort: 80, hostPort: 80 }] }] });
  sim.call('ecs.RegisterTaskDefinition', {
    family: 'web',
    containerDefinitions: [
      { name: 'app', image: 'nginx:2', memory: 300, portMappings: [{ containerPort: 80 }], healthCheck: { command: ['CMD-SHELL', 'true'] } },
      { name: 'side', image: 'envoy', memory: 64, essential: false },
    ],
  });
  sim.call('ecs.RegisterTaskDefinition', { family: 'api', networkMode: 'awsvpc', containerDefinitions: [{ name: 'app', image: 'api', memory: 512 }] });
  sim.call('ecs.RegisterTaskDefinition', {
    family: 'worker',
    containerDefinitions: [
      { name: 'app', image: 'worker', memoryReservation: 128, dependsOn: [{ containerName: 'side', condition: 'START' }] },
      { name: 'side', image: 'envoy', memory: 64, essential: false },
    ],
  });
  sim.call('ecs.RegisterTaskDefinition', { family: 'fg', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512', containerDefinitions: [{ name: 'app', image: 'fg' }] });
  sim.call('ecs.CreateService', { cluster: 'demo', serviceName: 'svc', taskDefinition: 'web:1', desiredCount: 2, deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 200 } });
}

/** Replaces #task3 / #ci2 / #ec21 placeholders with what exists now (or a name that does not). */
function resolve(sim: Sim, v: unknown): unknown {
  const m = typeof v === 'string' ? /^#(task|ci|ec2)(\d+)$/.exec(v) : null;
  if (m) {
    const w = sim.world;
    const n = Number(m[2]);
    if (m[1] === 'task') return w.taskOrder[n] ?? 'no-such-task';
    const ids = Object.keys(w.ec2);
    const id = ids[n % Math.max(ids.length, 1)] ?? 'i-none';
    return m[1] === 'ec2' ? id : (w.ec2[id]?.containerInstanceArn ?? 'no-such-instance');
  }
  if (Array.isArray(v)) return v.map((x) => resolve(sim, x));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(sim, x)]));
  return v;
}

function play(seed: string, steps: Step[], until: number, snapshotAt?: number) {
  const sim = new Sim({ seed });
  setup(sim);
  const errors: string[] = [];
  let snap: ReturnType<Sim['snapshot']> | undefined;
  const sorted = [...steps].sort((a, b) => a.at - b.at);
  for (const s of sorted) {
    if (snapshotAt !== undefined && !snap && s.at * 1000 > snapshotAt) {
      sim.runUntil(snapshotAt);
      snap = sim.snapshot();
    }
    sim.runUntil(s.at * 1000);
    const r = sim.call(s.call, resolve(sim, s.input));
    if (r.error?.code === 'ServerException') errors.push(`${s.call}: ${r.error.message}`);
    checkInvariants(sim);
  }
  sim.runUntil(until);
  checkInvariants(sim);
  return { sim, errors, snap };
}

function checkInvariants(sim: Sim): void {
  const w = sim.world;
  for (const ci of Object.values(w.containerInstances)) {
    expect(ci.usedCpu).toBeGreaterThanOrEqual(0);
    expect(ci.usedMemory).toBeGreaterThanOrEqual(0);
    expect(ci.usedEni).toBeGreaterThanOrEqual(0);
    expect(ci.usedMemory).toBeLessThanOrEqual(ci.registeredMemory);
    expect(ci.usedCpu).toBeLessThanOrEqual(ci.registeredCpu);
    expect(new Set(ci.usedPorts).size).toBe(ci.usedPorts.length);
    let cpu = 0;
    let mem = 0;
    for (const a of ci.taskArns) {
      const t = w.tasks[a]!;
      expect(t.lastStatus).not.toBe('STOPPED');
      cpu += t.reserved.cpu;
      mem += t.reserved.memory;
    }
    expect([cpu, mem]).toEqual([ci.usedCpu, ci.usedMemory]);
    if (ci.status === 'INACTIVE') expect(ci.taskArns).toEqual([]);
  }
  for (const t of Object.values(w.tasks)) {
    if (t.lastStatus === 'STOPPED') expect(t.desiredStatus).toBe('STOPPED');
    if (t.lastStatus === 'RUNNING' && t.desiredStatus === 'RUNNING') expect(t.containers.filter((c) => c.essential).every((c) => c.state === 'RUNNING')).toBe(true);
  }
  for (const sn of Object.values(w.subnets)) expect(sn.freeIps).toBeLessThanOrEqual(4091);
  // runningCount is the RUNNING tasks of the service, as DescribeServices reports it.
  for (const svc of Object.values(w.services)) {
    const d = sim.call('ecs.DescribeServices', { cluster: 'demo', services: [svc.serviceName] }).output as { services: { runningCount: number; pendingCount: number }[] };
    const tasks = Object.values(w.tasks).filter((t) => t.serviceArn === svc.serviceArn && t.desiredStatus === 'RUNNING');
    expect(d.services[0]!.runningCount).toBe(tasks.filter((t) => t.lastStatus === 'RUNNING').length);
    expect(d.services[0]!.pendingCount).toBe(tasks.filter((t) => t.lastStatus !== 'RUNNING').length);
  }
  // A task in PROVISIONING for capacity has no instance; every other live EC2 task is on an ACTIVE or DRAINING instance.
  for (const t of Object.values(w.tasks)) {
    if (t.lastStatus === 'STOPPED' || t.launchType !== 'EC2') continue;
    if (t.waiting) expect(t.containerInstanceArn).toBeUndefined();
    else expect(['ACTIVE', 'DRAINING']).toContain(w.containerInstances[t.containerInstanceArn!]!.status);
  }
}

describe('engine invariants over random scenarios', () => {
  it('same scenario and seed give a byte-identical event log; no call fails inside the engine', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof({ weight: 4, arbitrary: stepArb }, { weight: 1, arbitrary: garbageArb }), { maxLength: 25 }), fc.string({ maxLength: 6 }), (steps, seed) => {
        const a = play(seed, steps, 900_000);
        const b = play(seed, steps, 900_000);
        expect(a.errors).toEqual([]);
        expect(JSON.stringify(b.sim.events)).toBe(JSON.stringify(a.sim.events));
      }),
      { numRuns: 80 },
    );
  });

  it('restoring a snapshot and running on gives the same future', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 20 }), fc.integer({ min: 0, max: 600_000 }), (steps, cut) => {
        const a = play('snap', steps, 900_000, cut);
        if (!a.snap) return;
        const sim = new Sim({ seed: 'snap' });
        sim.restore(a.snap);
        for (const s of [...steps].sort((x, y) => x.at - y.at)) {
          if (s.at * 1000 <= cut) continue;
          sim.runUntil(s.at * 1000);
          sim.call(s.call, resolve(sim, s.input));
        }
        sim.runUntil(900_000);
        expect(JSON.stringify(sim.events.slice(0))).toBe(JSON.stringify(a.sim.events.slice(0)));
      }),
      { numRuns: 40 },
    );
  });

  it('a different seed changes random placements', () => {
    const one = play('1', [{ at: 60, call: 'ecs.RunTask', input: { cluster: 'demo', taskDefinition: 'worker', count: 10 } }], 120_000).sim;
    const two = play('2', [{ at: 60, call: 'ecs.RunTask', input: { cluster: 'demo', taskDefinition: 'worker', count: 10 } }], 120_000).sim;
    const where = (s: Sim) =>
      Object.values(s.world.tasks)
        .filter((t) => t.family === 'worker')
        .map((t) => t.ec2InstanceId)
        .join();
    expect(where(one)).not.toBe(where(two));
  });
});
