import type { SimEvent } from '../../sim';
import { memoSelector } from './memo';
import type { SandboxState } from '../store';

export const EVENT_CATEGORIES: { id: string; label: string; test: (type: string) => boolean }[] = [
  { id: 'all', label: 'All events', test: () => true },
  { id: 'tasks', label: 'Tasks and containers', test: (t) => /^(Task|Container)/.test(t) },
  { id: 'services', label: 'Services and deployments', test: (t) => /^(Service|Deployment)/.test(t) },
  { id: 'instances', label: 'Instances and agents', test: (t) => /^(Instance|ContainerInstance|Agent|Asg|Attributes)/.test(t) },
  { id: 'scaling', label: 'Auto scaling and alarms', test: (t) => /Scal|Alarm|Asg|Capacity/.test(t) },
  { id: 'lb', label: 'Load balancing and discovery', test: (t) => /^(Target|LoadBalancer|Traffic|CloudMap|Namespace)/.test(t) },
  { id: 'docker', label: 'Local Docker host', test: (t) => /^(Image|Compose|Local|Container(Started|Exited|Health$|StartFailed))/.test(t) },
];

/** Events matching a category and a text filter, newest last, at most `limit` of them, with their index in the log. */
export function filterEvents(events: readonly SimEvent[], category: string, text: string, limit = 400): { e: SimEvent; i: number }[] {
  const cat = EVENT_CATEGORIES.find((c) => c.id === category) ?? EVENT_CATEGORIES[0]!;
  const needle = text.trim().toLowerCase();
  const out: { e: SimEvent; i: number }[] = [];
  // A rare filter over a long run looks back this far, not through the whole day, on every change.
  const stop = Math.max(0, events.length - 50_000);
  for (let i = events.length - 1; i >= stop && out.length < limit; i--) {
    const e = events[i]!;
    if (!cat.test(e.type)) continue;
    if (needle && !e.message.toLowerCase().includes(needle) && !e.type.toLowerCase().includes(needle)) continue;
    out.push({ e, i });
  }
  return out.reverse();
}

export interface EventLogView {
  shown: { e: SimEvent; i: number }[];
  total: number;
}

/** A selector of the event log through one filter (make one per filter; it recomputes when the world changes). */
export function eventLogSelector(category: string, text: string, limit = 200): (s: SandboxState) => EventLogView {
  return memoSelector(
    (s: SandboxState) => [s.world.timeline, s.world.version] as const,
    ([t]) => ({ shown: t ? filterEvents(t.sim.events, category, text, limit) : [], total: t?.sim.events.length ?? 0 }),
  );
}
