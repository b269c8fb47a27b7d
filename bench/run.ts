/**
 * `npm run bench`: one `name value unit` line per figure (DESIGN.md budgets in the comments).
 * Wall-clock timing lives here, never in tests and never in src/sim.
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { Engine, Sim, exponential } from '../src/sim';
import { placeOnInstances } from '../src/sim/placement/place';

const line = (name: string, value: number, unit: string) => console.log(`${name} ${Number(value.toPrecision(4))} ${unit}`);

function best<T>(runs: number, f: () => T): { ms: number; result: T } {
  let ms = Infinity;
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = f();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { ms, result };
}

// Each figure runs in a process of its own, so one benchmark's garbage does not slow the next.
const SECTIONS = ['hold', 'mmc', 'placement', 'runtask', 'day', 'page'];
const only = process.argv[2];
if (!only) {
  for (const name of SECTIONS) {
    process.stdout.write(execFileSync(process.execPath, [...process.execArgv, process.argv[1]!, name], { encoding: 'utf8' }));
  }
  process.exit(0);
}
if (!SECTIONS.includes(only)) {
  console.error(`unknown benchmark '${only}'; one of ${SECTIONS.join(', ')}`);
  process.exit(2);
}

// 1. Hold model with 1,000 pending events (budget: >= 3 M events/s).
if (only === 'page') {
  const { pageBench } = await import('./page');
  await pageBench();
}

if (only === 'hold') {
  const N = 2_000_000;
  const { ms } = best(5, () => {
    const e = new Engine('hold');
    const r = e.rng.stream('hold');
    let n = 0;
    e.on('h', (ev) => {
      if (++n < N) e.after(Math.round(exponential(r.next(), 1000)), ev);
    });
    for (let i = 0; i < 1000; i++) e.after(Math.round(exponential(r.next(), 1000)), { k: 'h' });
    while (e.step() && n < N);
    return n;
  });
  line('engine_hold_events_per_s', N / (ms / 1000) / 1e6, 'M/s');
}

// 2. M/M/c (c = 4, λ = 3.2, μ = 1) with 10^6 arrivals on the engine's scheduling API
//    (budget: < 0.6 s; mean wait within 2 % of Erlang-C 0.7455). Time unit: 1 s = 1000 ticks.
if (only === 'mmc') {
  const ARRIVALS = 1_000_000;
  const SCALE = 1000;
  const { ms, result: wq } = best(2, () => {
    const e = new Engine('mmc');
    const ra = e.rng.stream('arrivals');
    const rs = e.rng.stream('service');
    const queue: number[] = [];
    let head = 0;
    let busy = 0;
    let arrived = 0;
    let served = 0;
    let waitSum = 0;
    const serve = (arrivedAt: number) => {
      busy++;
      waitSum += e.now - arrivedAt;
      served++;
      e.after(Math.round(exponential(rs.next(), SCALE)), { k: 'd' });
    };
    e.on('a', () => {
      if (busy < 4) serve(e.now);
      else queue.push(e.now);
      if (++arrived < ARRIVALS) e.after(Math.round(exponential(ra.next(), SCALE / 3.2)), { k: 'a' });
    });
    e.on('d', () => {
      busy--;
      if (head < queue.length) serve(queue[head++]!);
    });
    e.after(0, { k: 'a' });
    while (e.step());
    return waitSum / served / SCALE;
  });
  line('mmc_1e6_arrivals_s', ms / 1000, 's');
  line('mmc_mean_wait', wq, 's');
  line('mmc_mean_wait_error_vs_erlang_c', (Math.abs(wq - 0.7455) / 0.7455) * 100, '%');
}

function bigCluster(instances: number): Sim {
  const sim = new Sim({ seed: 'bench', durations: { instanceBootMs: 0 } });
  sim.call('ecs.CreateCluster', { clusterName: 'big' });
  sim.call('sim.LaunchInstances', { cluster: 'big', instanceType: 'm5.4xlarge', count: instances, attributes: { tier: 'app' } });
  sim.runUntil(1);
  sim.call('ecs.RegisterTaskDefinition', { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx', cpu: 256, memory: 512 }] });
  return sim;
}

// 3. One placement decision over 1,000 instances: spread(AZ) + binpack(memory) + memberOf (budget: < 0.2 ms).
if (only === 'placement') {
  const sim = bigCluster(1000);
  sim.call('ecs.RunTask', { cluster: 'big', taskDefinition: 'web', count: 10 });
  const clusterArn = Object.keys(sim.world.clusters)[0]!;
  const req = { cpu: 256, memory: 512, gpu: 0, ports: [], portsUdp: [], dynamicPorts: 0, eni: 0, attributes: [] };
  const rng = sim.engine.rng.stream('bench');
  const DECISIONS = 2000;
  const { ms } = best(3, () => {
    for (let i = 0; i < DECISIONS; i++) {
      placeOnInstances(sim.world, {
        clusterArn, group: 'family:web', req,
        constraints: [{ type: 'memberOf', expression: 'attribute:tier == app and attribute:ecs.instance-type =~ m5.*' }],
        strategies: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }],
        defaultMode: 'random',
      }, rng, i, 0);
    }
  });
  line('placement_decision_1000_instances', ms / DECISIONS, 'ms');
}

// 4. RunTask of 10,000 tasks onto 1,000 instances, end to end until every task is RUNNING.
if (only === 'runtask') {
  const { ms, result } = best(2, () => {
    const sim = bigCluster(1000);
    for (let i = 0; i < 1000; i++) {
      sim.call('ecs.RunTask', { cluster: 'big', taskDefinition: 'web', count: 10, placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }] });
    }
    sim.runUntil(120_000);
    return Object.values(sim.world.tasks).filter((t) => t.lastStatus === 'RUNNING').length;
  });
  line('runtask_10000_tasks_1000_instances', ms / 1000, 's');
  line('runtask_10000_tasks_running', result, 'tasks');
}

// 5. A simulated day: 500 instances, 40 services behind one ALB with daily traffic curves, target
//    tracking on CPU and managed scaling (budget: < 5 s wall time, peak memory < 500 MB).
if (only === 'day') {
  const call = (sim: Sim, op: string, input: unknown) => {
    const r = sim.call(op, input);
    if (r.error) throw new Error(`${op}: ${r.error.code}: ${r.error.message}`);
    return r.output as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const SERVICES = 40;
  const images: Record<string, object> = {};
  for (let i = 0; i < SERVICES; i++) images[`svc${i}:1`] = { routes: { [`/svc${i}/*`]: { cpuMs: 8 }, '/': { cpuMs: 1 } } };
  const sim = new Sim({ seed: 'day', images });
  call(sim, 'ecs.CreateCluster', { clusterName: 'prod' });
  call(sim, 'ec2.CreateLaunchTemplate', { LaunchTemplateName: 'node', LaunchTemplateData: { InstanceType: 'm5.xlarge', UserData: 'ECS_CLUSTER=prod' } });
  call(sim, 'autoscaling.CreateAutoScalingGroup', { AutoScalingGroupName: 'nodes', LaunchTemplate: { LaunchTemplateName: 'node' }, MinSize: 100, MaxSize: 800, DesiredCapacity: 500, NewInstancesProtectedFromScaleIn: true });
  call(sim, 'ecs.CreateCapacityProvider', { name: 'nodes', autoScalingGroupProvider: { autoScalingGroupArn: 'nodes', managedScaling: { status: 'ENABLED', targetCapacity: 90 }, managedTerminationProtection: 'ENABLED' } });
  call(sim, 'ecs.PutClusterCapacityProviders', { cluster: 'prod', capacityProviders: ['nodes'], defaultCapacityProviderStrategy: [{ capacityProvider: 'nodes', weight: 1 }] });
  const lb = call(sim, 'elbv2.CreateLoadBalancer', { Name: 'prod-lb' }).LoadBalancers[0].LoadBalancerArn;
  const listener = call(sim, 'elbv2.CreateListener', { LoadBalancerArn: lb, Port: 80, DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }] }).Listeners[0].ListenerArn;
  sim.runUntil(60_000);
  for (let i = 0; i < SERVICES; i++) {
    const tg = call(sim, 'elbv2.CreateTargetGroup', { Name: `svc${i}`, Port: 80, HealthCheckPath: '/' }).TargetGroups[0].TargetGroupArn;
    call(sim, 'elbv2.CreateRule', { ListenerArn: listener, Priority: i + 1, Conditions: [{ Field: 'path-pattern', Values: [`/svc${i}/*`] }], Actions: [{ Type: 'forward', TargetGroupArn: tg }] });
    call(sim, 'ecs.RegisterTaskDefinition', { family: `svc${i}`, cpu: '512', memory: '1024', containerDefinitions: [{ name: 'app', image: `svc${i}:1`, portMappings: [{ containerPort: 80 }] }] });
    call(sim, 'ecs.CreateService', { cluster: 'prod', serviceName: `svc${i}`, taskDefinition: `svc${i}`, desiredCount: 10, loadBalancers: [{ targetGroupArn: tg, containerName: 'app', containerPort: 80 }] });
    call(sim, 'applicationautoscaling.RegisterScalableTarget', { ServiceNamespace: 'ecs', ResourceId: `service/prod/svc${i}`, ScalableDimension: 'ecs:service:DesiredCount', MinCapacity: 2, MaxCapacity: 80 });
    call(sim, 'applicationautoscaling.PutScalingPolicy', { PolicyName: 'cpu60', ServiceNamespace: 'ecs', ResourceId: `service/prod/svc${i}`, ScalableDimension: 'ecs:service:DesiredCount', PolicyType: 'TargetTrackingScaling', TargetTrackingScalingPolicyConfiguration: { TargetValue: 60, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' } } });
    call(sim, 'sim.SetTraffic', { loadBalancer: 'prod-lb', path: `/svc${i}/api`, shape: 'daily', base: 40, peak: 1200, peakHour: (i * 7) % 24 });
  }
  let peak = 0;
  const t0 = performance.now();
  const start = sim.engine.processed;
  for (let h = 1; h <= 24; h++) {
    sim.runUntil(60_000 + h * 3_600_000);
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const wall = (performance.now() - t0) / 1000;
  const events = sim.engine.processed - start;
  const running = Object.values(sim.world.tasks).filter((t) => t.lastStatus === 'RUNNING').length;
  const instances = Object.values(sim.world.ec2).filter((i) => i.state === 'running').length;
  line('day_500_instances_40_services_wall', wall, 's');
  line('day_events_processed', events, 'events');
  line('day_events_per_s', events / wall / 1e6, 'M/s');
  line('day_timeline_events', sim.events.length, 'events');
  line('day_peak_rss', peak / 1024 / 1024, 'MB');
  line('day_tasks_running_at_end', running, 'tasks');
  line('day_instances_running_at_end', instances, 'instances');
  line('day_scaling_activities', sim.world.scalingActivities.length, 'activities');
  line('day_cost', sim.world.cost.totalUSD, 'USD');
}
