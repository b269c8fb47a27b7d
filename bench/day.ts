/**
 * A simulated day of a production-like cluster: per 500 instances, 40 services behind an ALB of their own
 * with daily traffic curves, target tracking on CPU, and managed scaling of one Auto Scaling group.
 * `day(1)` is the budget's 500-instance day; the scale series runs `blocks` copies of it side by side in one
 * world (a cluster, an Auto Scaling group and an ALB each: an Auto Scaling group holds at most 1,000 instances).
 */
import { performance } from 'node:perf_hooks';
import { Sim } from '../src/sim';
import { line } from './util';

const SERVICES_PER_BLOCK = 40;
const INSTANCES_PER_BLOCK = 500;

const call = (sim: Sim, op: string, input: unknown) => {
  const r = sim.call(op, input);
  if (r.error) throw new Error(`${op}: ${r.error.code}: ${r.error.message}`);
  return r.output as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
};

const suffix = (block: number) => (block === 0 ? '' : `-${block}`);

/** One block: a cluster of 500 instances from an Auto Scaling group under managed scaling, and its ALB. */
function block(sim: Sim, b: number): string {
  const [cluster, asg, lb] = [`prod${suffix(b)}`, `nodes${suffix(b)}`, `prod-lb${suffix(b)}`];
  call(sim, 'ecs.CreateCluster', { clusterName: cluster });
  call(sim, 'ec2.CreateLaunchTemplate', { LaunchTemplateName: `node${suffix(b)}`, LaunchTemplateData: { InstanceType: 'm5.xlarge', UserData: `ECS_CLUSTER=${cluster}` } });
  call(sim, 'autoscaling.CreateAutoScalingGroup', {
    AutoScalingGroupName: asg,
    LaunchTemplate: { LaunchTemplateName: `node${suffix(b)}` },
    MinSize: 100,
    MaxSize: 800,
    DesiredCapacity: INSTANCES_PER_BLOCK,
    NewInstancesProtectedFromScaleIn: true,
  });
  call(sim, 'ecs.CreateCapacityProvider', { name: asg, autoScalingGroupProvider: { autoScalingGroupArn: asg, managedScaling: { status: 'ENABLED', targetCapacity: 90 }, managedTerminationProtection: 'ENABLED' } });
  call(sim, 'ecs.PutClusterCapacityProviders', { cluster, capacityProviders: [asg], defaultCapacityProviderStrategy: [{ capacityProvider: asg, weight: 1 }] });
  const lbArn = call(sim, 'elbv2.CreateLoadBalancer', { Name: lb }).LoadBalancers[0].LoadBalancerArn;
  return call(sim, 'elbv2.CreateListener', { LoadBalancerArn: lbArn, Port: 80, DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }] }).Listeners[0].ListenerArn;
}

function world(blocks: number): Sim {
  const images: Record<string, object> = {};
  for (let i = 0; i < SERVICES_PER_BLOCK * blocks; i++) images[`svc${i}:1`] = { routes: { [`/svc${i}/*`]: { cpuMs: 8 }, '/': { cpuMs: 1 } } };
  const sim = new Sim({ seed: 'day', images });
  const listeners: string[] = [];
  for (let b = 0; b < blocks; b++) listeners.push(block(sim, b));
  sim.runUntil(60_000);
  for (let i = 0; i < SERVICES_PER_BLOCK * blocks; i++) service(sim, i, Math.floor(i / SERVICES_PER_BLOCK), listeners[Math.floor(i / SERVICES_PER_BLOCK)]!);
  return sim;
}

function service(sim: Sim, i: number, b: number, listener: string): void {
  const cluster = `prod${suffix(b)}`;
  const resource = { ServiceNamespace: 'ecs', ResourceId: `service/${cluster}/svc${i}`, ScalableDimension: 'ecs:service:DesiredCount' };
  const tg = call(sim, 'elbv2.CreateTargetGroup', { Name: `svc${i}`, Port: 80, HealthCheckPath: '/' }).TargetGroups[0].TargetGroupArn;
  call(sim, 'elbv2.CreateRule', { ListenerArn: listener, Priority: (i % SERVICES_PER_BLOCK) + 1, Conditions: [{ Field: 'path-pattern', Values: [`/svc${i}/*`] }], Actions: [{ Type: 'forward', TargetGroupArn: tg }] });
  call(sim, 'ecs.RegisterTaskDefinition', { family: `svc${i}`, cpu: '512', memory: '1024', containerDefinitions: [{ name: 'app', image: `svc${i}:1`, portMappings: [{ containerPort: 80 }] }] });
  call(sim, 'ecs.CreateService', { cluster, serviceName: `svc${i}`, taskDefinition: `svc${i}`, desiredCount: 10, loadBalancers: [{ targetGroupArn: tg, containerName: 'app', containerPort: 80 }] });
  call(sim, 'applicationautoscaling.RegisterScalableTarget', { ...resource, MinCapacity: 2, MaxCapacity: 80 });
  call(sim, 'applicationautoscaling.PutScalingPolicy', {
    ...resource,
    PolicyName: 'cpu60',
    PolicyType: 'TargetTrackingScaling',
    TargetTrackingScalingPolicyConfiguration: { TargetValue: 60, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' } },
  });
  call(sim, 'sim.SetTraffic', { loadBalancer: `prod-lb${suffix(b)}`, path: `/svc${i}/api`, shape: 'daily', base: 40, peak: 1200, peakHour: (i * 7) % 24 });
}

/** Runs the day of `blocks` × (500 instances, 40 services), prints its figures, and returns the world at its end. */
export function day(blocks: number): Sim {
  const sim = world(blocks);
  let peak = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const start = sim.engine.processed;
  for (let h = 1; h <= 24; h++) {
    sim.runUntil(60_000 + h * 3_600_000);
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const events = sim.engine.processed - start;
  const size = `day_${INSTANCES_PER_BLOCK * blocks}_instances_${SERVICES_PER_BLOCK * blocks}_services`;
  line(`${size}_wall`, wall, 's');
  // CPU time of this process: on a shared machine, less at the mercy of other processes than the wall clock.
  line(`${size}_cpu`, (cpu.user + cpu.system) / 1e6, 's');
  line(`${size}_peak_rss`, peak / 1024 / 1024, 'MB');
  line(`${size}_events_processed`, events, 'events');
  if (blocks !== 1) return sim;
  const running = Object.values(sim.world.tasks).filter((t) => t.lastStatus === 'RUNNING').length;
  const instances = Object.values(sim.world.ec2).filter((i) => i.state === 'running').length;
  line('day_events_per_s', events / wall / 1e6, 'M/s');
  line('day_timeline_events', sim.events.length, 'events');
  line('day_tasks_running_at_end', running, 'tasks');
  line('day_instances_running_at_end', instances, 'instances');
  line('day_scaling_activities', sim.world.scalingActivities.length, 'activities');
  line('day_cost', sim.world.cost.totalUSD, 'USD');
  return sim;
}
