import { EVENT_CATEGORIES, eventCategory, type EventCategory, type SimEvent } from '../../sim';

/** How the event log's filter names each category of event. */
const CATEGORY_LABELS: Record<EventCategory, string> = {
  tasks: 'Tasks and containers',
  services: 'Services and deployments',
  instances: 'Instances and agents',
  scaling: 'Auto scaling and capacity',
  lb: 'Load balancing and discovery',
  account: 'Clusters and account settings',
  docker: 'Local Docker host',
};
import { memoSelector } from './memo';
import type { SandboxState } from '../store';

/** The event log's filter: every event, or the events of one of the engine's categories. */
export const EVENT_FILTERS: { id: 'all' | EventCategory; label: string }[] = [{ id: 'all', label: 'All events' }, ...EVENT_CATEGORIES.map((id) => ({ id, label: CATEGORY_LABELS[id] }))];

/** A message as the page shows it: lists the engine writes without spaces ("/api/users,/api/threads") get them. */
export function readable(message: string): string {
  return message.replace(/,(?=\/)/g, ', ');
}

/** What the text filter compares: lower case, without accents, so "estan" finds "están" and "Tarea" finds "tarea". */
function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The text an event shows in the log; the page passes its language's (ui/eventText.ts), English by default. */
export type ShownText = (e: SimEvent) => string;

const english: ShownText = (e) => readable(e.message);

/**
 * Events matching a category and a text filter, newest last, at most `limit` of them, with their index in the log.
 * The text filter matches what the reader sees (`shown`: the message in the page's language) or the event's type.
 */
export function filterEvents(events: readonly SimEvent[], category: string, text: string, limit = 400, shown: ShownText = english): { e: SimEvent; i: number }[] {
  const cat = EVENT_FILTERS.some((f) => f.id === category) ? category : 'all';
  const needle = folded(text.trim());
  const out: { e: SimEvent; i: number }[] = [];
  // A rare filter over a long run looks back this far, not through the whole day, on every change.
  const stop = Math.max(0, events.length - 50_000);
  for (let i = events.length - 1; i >= stop && out.length < limit; i--) {
    const e = events[i]!;
    if (cat !== 'all' && eventCategory(e.type) !== cat) continue;
    if (needle && !folded(shown(e)).includes(needle) && !e.type.toLowerCase().includes(needle)) continue;
    out.push({ e, i });
  }
  return out.reverse();
}

export interface EventLogView {
  shown: { e: SimEvent; i: number }[];
  total: number;
  /** The label of the pane whose world the log shows, when worlds are side by side (null: the one world). */
  world: string | null;
}

/** The world the event log reads: the pane chosen (ui.eventsWorld) when worlds are side by side, else the one world. */
function loggedWorld(s: SandboxState) {
  const v = s.world.variants;
  const chosen = v[s.ui.eventsWorld] ?? v[0];
  return chosen ? { t: chosen.timeline, label: chosen.label } : { t: s.world.timeline, label: null };
}

/** A selector of the event log through one filter (make one per filter and language; it recomputes when the world changes). */
export function eventLogSelector(category: string, text: string, limit = 200, shown: ShownText = english): (s: SandboxState) => EventLogView {
  return memoSelector(
    (s: SandboxState) => {
      const w = loggedWorld(s);
      return [w.t, s.world.version, w.label] as const;
    },
    ([t, , label]) => ({ shown: t ? filterEvents(t.sim.events, category, text, limit, shown) : [], total: t?.sim.events.length ?? 0, world: label }),
  );
}
