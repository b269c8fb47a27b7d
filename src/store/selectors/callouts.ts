import type { InstanceView, TaskView, WorldView } from './world';
import type { Selection } from '../store';

/**
 * Callouts pinned to a node: a reference as a demo file writes it (instance:i-a1, cluster:prod, service:web,
 * family:worker, loadBalancer:shop-lb), what the canvas draws for it now, and the references a world offers.
 */

const instances = (v: WorldView): InstanceView[] => v.azs.flatMap((z) => z.instances);

/** The canvas node a reference stands for in this world now (its node id), or null when none is drawn. */
export function nodeIdOf(v: WorldView, ref: string): string | null {
  const i = ref.indexOf(':');
  const kind = ref.slice(0, i);
  const name = ref.slice(i + 1);
  if (kind === 'cluster') return v.clusters.includes(name) ? `cl:${name}` : null;
  if (kind === 'instance') {
    const inst = instances(v).find((x) => x.ec2InstanceId === name);
    return inst ? `ci:${inst.arn}` : null;
  }
  if (kind === 'loadBalancer') {
    const lb = v.loadBalancers.find((x) => x.name === name);
    return lb ? `lb:${lb.arn}` : null;
  }
  if (kind === 'service' || kind === 'family') {
    // A service or a family: the first instance that runs one of its tasks.
    const of = (t: TaskView) => t.lastStatus !== 'STOPPED' && (kind === 'service' ? t.service === name : t.family === name);
    const inst = instances(v).find((x) => x.tasks.some(of));
    return inst ? `ci:${inst.arn}` : null;
  }
  return null;
}

/** The reference a click on the canvas names (a task: its service, else its family), or null. */
export function refOfSelection(v: WorldView, s: Selection): string | null {
  if (s.kind === 'instance') {
    const inst = instances(v).find((x) => x.arn === s.id);
    return inst ? `instance:${inst.ec2InstanceId}` : null;
  }
  if (s.kind === 'loadBalancer') {
    const lb = v.loadBalancers.find((x) => x.arn === s.id);
    return lb ? `loadBalancer:${lb.name}` : null;
  }
  if (s.kind === 'cluster') return `cluster:${s.id}`;
  if (s.kind === 'service') {
    const svc = v.services.find((x) => x.arn === s.id);
    return svc ? `service:${svc.name}` : null;
  }
  if (s.kind === 'task') {
    const t =
      instances(v)
        .flatMap((x) => x.tasks)
        .find((x) => x.arn === s.id) ?? v.azs.flatMap((z) => z.fargate).find((x) => x.arn === s.id);
    return t ? (t.service ? `service:${t.service}` : `family:${t.family}`) : null;
  }
  return null;
}

/** The references a callout can be pinned to in this world now: instances, clusters, services, load balancers. */
export function nodeChoices(v: WorldView | null): string[] {
  if (!v) return [];
  return [...instances(v).map((x) => `instance:${x.ec2InstanceId}`), ...v.clusters.map((c) => `cluster:${c}`), ...v.services.map((x) => `service:${x.name}`), ...v.loadBalancers.map((x) => `loadBalancer:${x.name}`)];
}
