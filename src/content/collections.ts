import { expandTrace, describeCluster, describeContainerInstance, describeService, describeTask, describeTaskDefinition, type Sim } from '../sim';
import type { CallRecord } from './calls';

/** Metric points are stored flat (t, value, t, value, …). */
export function pairs(points: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < points.length; i += 2) out.push([points[i]!, points[i + 1]!]);
  return out;
}

/** The datapoints made last, by the metrics record they were made from and how many points it held. */
const madeDatapoints = new WeakMap<object, { points: number; list: unknown[] }>();

/**
 * Every datapoint as { namespace, metricName, <dimensions>, t (seconds), timestamp, value }. Points are only
 * ever added (a restored world has a metrics record of its own), so the list is made again only when there
 * are more: the live checklist judges the world every frame, and metrics change once a simulated minute.
 */
function datapoints(sim: Sim): unknown[] {
  const metrics = sim.world.metrics;
  const series = Object.values(metrics);
  let points = 0;
  for (const m of series) points += m.points.length;
  const made = madeDatapoints.get(metrics);
  if (made && made.points === points) return made.list;
  const list: unknown[] = [];
  for (const m of series) {
    const dims = Object.fromEntries(m.dimensions.map((d) => [d.name, d.value]));
    for (let i = 0; i < m.points.length; i += 2) list.push({ namespace: m.namespace, metricName: m.metricName, ...dims, t: m.points[i]! / 1000, timestamp: sim.ts(m.points[i]!), value: m.points[i + 1]! });
  }
  madeDatapoints.set(metrics, { points, list });
  return list;
}

type World = Sim['world'];

/** Collections that are the output of a read call, by name: the operation, its input, and the member that lists them. */
const CALLED: Record<string, [operation: string, input: Record<string, unknown>, member: string]> = {
  alarms: ['cloudwatch.DescribeAlarms', {}, 'MetricAlarms'],
  capacityProviders: ['ecs.DescribeCapacityProviders', {}, 'capacityProviders'],
  scalableTargets: ['applicationautoscaling.DescribeScalableTargets', { ServiceNamespace: 'ecs' }, 'ScalableTargets'],
  scalingPolicies: ['applicationautoscaling.DescribeScalingPolicies', { ServiceNamespace: 'ecs' }, 'ScalingPolicies'],
  scalingActivities: ['applicationautoscaling.DescribeScalingActivities', { ServiceNamespace: 'ecs' }, 'ScalingActivities'],
  containers: ['docker.Ps', { all: true }, 'containers'],
  processes: ['docker.ProcessList', {}, 'processes'],
};

/** Tasks as DescribeTasks shows them, with the instance, family, service and launch order beside. */
function tasks(sim: Sim, w: World): unknown[] {
  return w.taskOrder.map((a) => {
    const t = w.tasks[a]!;
    const svc = t.serviceArn ? w.services[t.serviceArn] : undefined;
    const ci = t.containerInstanceArn ? w.containerInstances[t.containerInstanceArn] : undefined;
    return { ...describeTask(sim, t), ec2InstanceId: t.ec2InstanceId, instanceType: ci?.instanceType, family: t.family, serviceName: svc?.serviceName, index: w.taskOrder.indexOf(a) };
  });
}

/** Container instances in registration order, with their resources and attributes as maps by name. */
function containerInstances(sim: Sim, w: World): unknown[] {
  return Object.values(w.containerInstances)
    .sort((a, b) => a.order - b.order)
    .map((ci) => {
      const d = describeContainerInstance(sim, ci);
      const res = (list: unknown) => Object.fromEntries((list as { name: string; integerValue: number }[]).map((r) => [r.name, r.integerValue]));
      return {
        ...d,
        remaining: res(d.remainingResources),
        registered: res(d.registeredResources),
        attribute: Object.fromEntries(ci.attributes.map((a) => [a.name, a.value ?? true])),
        availabilityZone: ci.availabilityZone,
        instanceType: ci.instanceType,
      };
    });
}

/** Listener rules, with their path values and the name of the target group they forward to. */
function rules(w: World): unknown[] {
  return Object.values(w.rules).map((r) => {
    const fwd = r.Actions.find((a) => a.Type === 'forward');
    return { ...r, paths: r.Conditions.flatMap((c) => c.Values), TargetGroupName: fwd?.TargetGroupArn ? w.targetGroups[fwd.TargetGroupArn]?.TargetGroupName : undefined };
  });
}

/** Cloud Map services, with their namespace's name and how many instances they hold. */
function discoveryServices(w: World): unknown[] {
  return Object.values(w.discoveryServices).map((d) => ({
    Id: d.Id,
    Arn: d.Arn,
    Name: d.Name,
    NamespaceId: d.NamespaceId,
    Namespace: w.namespaces[d.NamespaceId]?.Name,
    instances: d.instances.length,
  }));
}

/** Target groups, with how many targets are healthy and each target's state. */
function targetGroups(w: World): unknown[] {
  return Object.values(w.targetGroups).map((tg) => ({
    TargetGroupName: tg.TargetGroupName,
    TargetGroupArn: tg.TargetGroupArn,
    healthy: tg.targets.filter((x) => x.State === 'healthy').length,
    targets: tg.targets.map((x) => ({ Id: x.Id, Port: x.Port, State: x.State })),
  }));
}

/** Collections the expectations count over, with a few joined fields for readable conditions. */
export function collection(sim: Sim, name: string, calls: CallRecord[]): unknown[] {
  const w = sim.world;
  const called = Object.hasOwn(CALLED, name) ? CALLED[name] : undefined;
  if (called) return (sim.call(called[0], called[1]).output as Record<string, unknown[]>)[called[2]]!;
  switch (name) {
    case 'tasks':
      return tasks(sim, w);
    case 'containerInstances':
      return containerInstances(sim, w);
    case 'services':
      return Object.values(w.services).map((s) => describeService(sim, s));
    case 'serviceEvents':
      return Object.values(w.services).flatMap((s) => s.events.map((e) => ({ serviceName: s.serviceName, message: e.message, createdAt: sim.ts(e.createdAtMs) })));
    case 'clusters':
      return Object.values(w.clusters).map((c) => describeCluster(sim, c));
    case 'taskDefinitions':
      return Object.values(w.taskDefinitions)
        .flat()
        .map((td) => describeTaskDefinition(sim, td));
    case 'events':
      return sim.events as unknown[];
    case 'calls':
      return calls;
    case 'datapoints':
      return datapoints(sim);
    case 'traces':
      return w.traces.map((t) => expandTrace(w, t));
    case 'rules':
      return rules(w);
    case 'discoveryServices':
      return discoveryServices(w);
    case 'images':
      return Object.values(w.docker.images).map((i) => ({ ref: i.ref, exposedPorts: i.exposed, pushed: w.docker.registry.includes(i.ref) }));
    case 'localTraffic':
      return Object.keys(w.docker.traffic).map((port) => sim.call('docker.TrafficStats', { port: Number(port) }).output);
    case 'targetGroups':
      return targetGroups(w);
    default:
      return [];
  }
}
