/** The engine's figures: the hold model, M/M/c, one placement decision, RunTask of 10,000 tasks. */
import { Engine, Sim, exponential } from '../src/sim';
import { placeOnInstances } from '../src/sim/placement/place';
import { best, line } from './util';

// 1. Hold model with 1,000 pending events (budget: >= 5 M events/s).
export function hold(): void {
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
export function mmc(): void {
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
export function placement(): void {
  const sim = bigCluster(1000);
  sim.call('ecs.RunTask', { cluster: 'big', taskDefinition: 'web', count: 10 });
  const clusterArn = Object.keys(sim.world.clusters)[0]!;
  const req = { cpu: 256, memory: 512, gpu: 0, ports: [], portsUdp: [], dynamicPorts: 0, eni: 0, attributes: [] };
  const rng = sim.engine.rng.stream('bench');
  const DECISIONS = 2000;
  const { ms } = best(3, () => {
    for (let i = 0; i < DECISIONS; i++) {
      placeOnInstances(
        sim.world,
        {
          clusterArn,
          group: 'family:web',
          req,
          constraints: [{ type: 'memberOf', expression: 'attribute:tier == app and attribute:ecs.instance-type =~ m5.*' }],
          strategies: [
            { type: 'spread', field: 'attribute:ecs.availability-zone' },
            { type: 'binpack', field: 'memory' },
          ],
          defaultMode: 'random',
        },
        rng,
        i,
        0,
      );
    }
  });
  line('placement_decision_1000_instances', ms / DECISIONS, 'ms');
}

// 4. RunTask of 10,000 tasks onto 1,000 instances, end to end until every task is RUNNING.
export function runtask(): void {
  const { ms, result } = best(2, () => {
    const sim = bigCluster(1000);
    for (let i = 0; i < 1000; i++) {
      sim.call('ecs.RunTask', {
        cluster: 'big',
        taskDefinition: 'web',
        count: 10,
        placementStrategy: [
          { type: 'spread', field: 'attribute:ecs.availability-zone' },
          { type: 'binpack', field: 'memory' },
        ],
      });
    }
    sim.runUntil(120_000);
    return Object.values(sim.world.tasks).filter((t) => t.lastStatus === 'RUNNING').length;
  });
  line('runtask_10000_tasks_1000_instances', ms / 1000, 's');
  line('runtask_10000_tasks_running', result, 'tasks');
}
