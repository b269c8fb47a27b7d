import { describeCluster, describeContainerInstance, describeService, describeTask, expandTrace, type Sim, type SimEvent } from '../../sim';
import type { PlacementTrace, Task, WorldState } from '../../sim';
import { cliTimestamps } from '../../content/console/output';
import type { SandboxState, Selection } from '../store';
import { memoSelector } from './memo';
import { message, type Message, type MessageKey, type Params } from '../../i18n';

const titled = (key: MessageKey, params?: Params): { title: string; said: Message } => {
  const said = message(key, params);
  return { title: said.text, said };
};

export interface Inspection {
  title: string;
  /** The title as a message, for the page to say in its language; `variant`: the world side by side it is of. */
  said?: Message;
  variant?: string;
  /** The Describe-shaped record, as the AWS API returns it. */
  json: unknown;
  /** Events about it, oldest first. */
  history: SimEvent[];
  /** For tasks: the placement decision behind it. */
  trace?: PlacementTrace;
}

function eventsAbout(events: readonly SimEvent[], keys: string[], limit = 200): SimEvent[] {
  const wanted = new Set(keys.filter(Boolean));
  const out: SimEvent[] = [];
  const stop = Math.max(0, events.length - 50_000);
  for (let i = events.length - 1; i >= stop && out.length < limit; i--) {
    const e = events[i]!;
    let hit = false;
    for (const k in e) {
      const v = e[k];
      if (typeof v === 'string' && wanted.has(v)) {
        hit = true;
        break;
      }
    }
    if (!hit) for (const k of wanted) if (k.length > 8 && e.message.includes(k)) hit = true;
    if (hit) out.push(e);
  }
  return out.reverse();
}

function traceFor(w: WorldState, t: Task): PlacementTrace | undefined {
  let tr = t.traceId !== undefined ? w.traces.find((x) => x.id === t.traceId) : undefined;
  // A task still waiting has no decision of its own yet: show the group's latest attempt.
  if (!tr && (t.lastStatus === 'PROVISIONING' || !t.containerInstanceArn)) tr = [...w.traces].reverse().find((x) => x.group === t.group);
  return tr ? expandTrace(w, tr, { forms: true }) : undefined;
}

export function inspect(sim: Sim, sel: Selection, transcript: { command: string; exitCode: number }[]): Inspection | undefined {
  const w = sim.world;
  const ev = sim.events;
  switch (sel.kind) {
    case 'task': {
      const t = w.tasks[sel.id];
      if (!t) return undefined;
      return { ...titled('inspector.title.task', { id: t.id, family: t.family }), json: describeTask(sim, t), history: eventsAbout(ev, [t.taskArn, t.id]), ...(traceFor(w, t) ? { trace: traceFor(w, t)! } : {}) };
    }
    case 'instance': {
      const ci = w.containerInstances[sel.id];
      if (!ci) return undefined;
      return { ...titled('inspector.title.instance', { id: ci.ec2InstanceId }), json: describeContainerInstance(sim, ci), history: eventsAbout(ev, [ci.containerInstanceArn, ci.ec2InstanceId]) };
    }
    case 'service': {
      const s = w.services[sel.id];
      if (!s) return undefined;
      return { ...titled('inspector.title.service', { name: s.serviceName }), json: describeService(sim, s), history: eventsAbout(ev, [s.serviceArn]) };
    }
    case 'cluster': {
      const c = w.clusters[sel.id];
      if (!c) return undefined;
      return { ...titled('inspector.title.cluster', { name: c.clusterName }), json: describeCluster(sim, c), history: eventsAbout(ev, [c.clusterArn]) };
    }
    case 'loadBalancer': {
      const lb = w.loadBalancers[sel.id];
      if (!lb) return undefined;
      const json = sim.call('elbv2.DescribeLoadBalancers', { LoadBalancerArns: [lb.LoadBalancerArn] }).output;
      return { ...titled('inspector.title.loadBalancer', { name: lb.LoadBalancerName }), json, history: eventsAbout(ev, [lb.LoadBalancerArn, lb.LoadBalancerName]) };
    }
    case 'targetGroup': {
      const tg = w.targetGroups[sel.id];
      if (!tg) return undefined;
      const json = sim.call('elbv2.DescribeTargetHealth', { TargetGroupArn: tg.TargetGroupArn }).output;
      return { ...titled('inspector.title.targetGroup', { name: tg.TargetGroupName }), json, history: eventsAbout(ev, [tg.TargetGroupArn]) };
    }
    case 'control': {
      const services = Object.values(w.services);
      switch (sel.id) {
        case 'api':
          return { ...titled('inspector.title.api'), json: transcript.map((o) => ({ command: o.command, exitCode: o.exitCode })), history: ev.filter((e) => /Registered|Created|Deleted|Updated/.test(e.type)).slice(-200) };
        case 'scheduler':
          return { ...titled('inspector.title.scheduler'), json: { services: services.map((s) => describeService(sim, s)) }, history: ev.filter((e) => e.type === 'ServiceEvent' || e.type === 'DeploymentStateChange').slice(-200) };
        case 'placement':
          return { ...titled('inspector.title.placement'), json: { placementTraces: w.traces.slice(-10).map((t) => expandTrace(w, t)) }, history: [] };
        case 'autoscaling':
          return {
            ...titled('inspector.title.autoscaling'),
            json: {
              ScalableTargets: Object.values(w.scalableTargets),
              ScalingPolicies: Object.values(w.scalingPolicies).map((p) => ({ PolicyName: p.PolicyName, PolicyType: p.PolicyType, ResourceId: p.ResourceId })),
              Alarms: Object.values(w.alarms).map((a) => ({ AlarmName: a.AlarmName, StateValue: a.StateValue, MetricName: a.MetricName, Threshold: a.Threshold })),
            },
            history: ev.filter((e) => /Scal|Alarm|Asg/.test(e.type)).slice(-200),
          };
        case 'discovery':
          return {
            ...titled('inspector.title.discovery'),
            json: { Namespaces: Object.values(w.namespaces), Services: Object.values(w.discoveryServices).map((d) => ({ Name: d.Name, Id: d.Id, instances: d.instances.length })) },
            history: ev.filter((e) => /CloudMap|Namespace/.test(e.type)).slice(-200),
          };
      }
    }
  }
  return undefined;
}

/** What the inspector shows for the selection at this moment; undefined when it does not exist now. */
export const selectInspection: (s: SandboxState) => Inspection | undefined = memoSelector(
  (s: SandboxState) => [s.world.timeline, s.world.version, s.ui.selected, s.world.variants] as const,
  ([main, , sel, variants]) => {
    // Something of a world side by side is looked up in that world, and says which it is.
    const v = sel?.world !== undefined ? variants[sel.world] : undefined;
    const t = v ? v.timeline : main;
    const found = t && sel ? inspect(t.sim, sel, [...t.transcript]) : undefined;
    // Times as the AWS CLI prints them (ISO 8601), every one of them the same way.
    return found ? { ...found, ...(v ? { title: `${found.title} (${v.label})`, variant: v.label } : {}), json: cliTimestamps(found.json) } : undefined;
  },
);
