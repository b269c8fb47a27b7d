import { INSTANCE_TYPES, parseDuration } from '../../sim';
import { yamlLoaded } from '../yaml';
import type { CallRecord } from '../../content/calls';
import type { Timeline } from '../../content/timeline';
import type { SandboxState } from '../store';
import type { Pane } from '../types';
import { memoSelector } from './memo';
import { selectPanes } from './shownPanes';
import { ecsRequests, selectWorldView, worldView, type WorldView } from './world';

export type { Pane } from '../types';

/**
 * The panes a demo names under `presenter.panes` (the schema has checked their shape), or none.
 * The engine never reads the member: the world is one, its clusters the variants. A demo is read
 * with the lessons' parser, so YAML has loaded when it opens.
 */
export function demoPanes(text: string): Pane[] {
  // Separate worlds are read with the demo (its variants); these are clusters of one world.
  const doc = yamlLoaded().parseYaml(text);
  const raw = (doc.data as { presenter?: { panes?: unknown } } | null)?.presenter?.panes;
  if (!Array.isArray(raw)) return [];
  return raw.filter((p): p is Pane => !!p && typeof p.cluster === 'string' && typeof p.label === 'string').map((p) => ({ cluster: p.cluster, label: p.label }));
}

/** A demo's speeds per segment (`presenter.speeds`), in time order: from each `at` (ms) on, the clock's speed. */
export function demoSpeeds(text: string): { at: number; speed: number }[] {
  const raw = (yamlLoaded().parseYaml(text).data as { presenter?: { speeds?: unknown } } | null)?.presenter?.speeds;
  if (!Array.isArray(raw)) return [];
  return raw
    .map((x: { at?: unknown; speed?: unknown }) => ({ at: parseDuration(x?.at as string) ?? -1, speed: Number(x?.speed) }))
    .filter((x) => x.at >= 0 && Number.isFinite(x.speed) && x.speed > 0)
    .sort((a, b) => a.at - b.at);
}

/** The part of the world one cluster is: its instances, tasks, services and waiting tasks (no local host). */
export function clusterView(v: WorldView, cluster: string): WorldView {
  const services = v.services.filter((s) => s.cluster === cluster);
  const groups = new Set(services.flatMap((s) => s.targetGroups));
  return withoutControl({
    clusters: v.clusters.filter((c) => c === cluster),
    local: null,
    services,
    azs: v.azs.map((z) => ({ zone: z.zone, instances: z.instances.filter((i) => i.cluster === cluster), fargate: z.fargate.filter((t) => t.cluster === cluster) })),
    waiting: v.waiting.filter((t) => t.cluster === cluster),
    loadBalancers: v.loadBalancers.filter((lb) => lb.targetGroups.some((tg) => groups.has(tg.arn))),
    control: v.control,
  });
}

/**
 * A pane draws its clusters and what runs in them; the control plane stays out (a cluster in focus
 * would take it in beside itself, leaving the cluster's far side or its bottom instances outside a
 * pane a third of the window wide). Only a cluster still empty keeps its name, so the pane is not blank.
 */
function withoutControl(v: WorldView): WorldView {
  const holding = new Set([...v.azs.flatMap((z) => [...z.instances, ...z.fargate].map((x) => x.cluster)), ...v.waiting.map((t) => t.cluster)]);
  return { ...v, clusters: v.clusters.filter((c) => !holding.has(c)), control: { services: 0, tasks: 0, traces: 0, policies: 0, namespaces: 0, calls: 0 } };
}

/** The clusters a world's view names, those holding something and those still empty, in the view's order. */
function clusterNames(v: WorldView): string[] {
  return [...new Set([...v.clusters, ...v.azs.flatMap((z) => [...z.instances, ...z.fargate].map((x) => x.cluster)), ...v.waiting.map((t) => t.cluster)])];
}

/** One pane's figures, for the table that compares them. */
export interface PaneFigures {
  pane: Pane;
  /** Tasks on an instance or in a Fargate lane, not stopped. */
  placed: number;
  /** Instances with at least one such task, of all the cluster's active instances. */
  used: number;
  instances: number;
  /** What the cluster's instances have cost so far at their on-demand price (whole minutes, as the cost meter counts). */
  costUSD: number;
  /** Requests about the cluster that failed: an API error, or each task a RunTask or StartTask could not place. */
  failed: number;
}

/** Whether a request's or instance's cluster is the pane's (every cluster, for a pane that is a world of its own). */
const names = (cluster: unknown, name: string | undefined) => name === undefined || cluster === name || (typeof cluster === 'string' && cluster.endsWith(`:cluster/${name}`));

function failures(calls: readonly CallRecord[], cluster: string | undefined): number {
  let n = 0;
  for (const c of calls) {
    if (!names(c.input.cluster, cluster)) continue;
    if (c.error) n++;
    else n += ((c.output as { failures?: unknown[] } | undefined)?.failures ?? []).length;
  }
  return n;
}

/** A pane's figures, read from its world (`t`, `v`): its cluster of it, or all of it for a variant. */
export function paneFigures(t: Timeline, v: WorldView, pane: Pane): PaneFigures {
  const part = pane.cluster === undefined ? v : clusterView(v, pane.cluster);
  const live = (s: string) => s !== 'STOPPED';
  const instances = part.azs.flatMap((z) => z.instances).filter((i) => i.status !== 'INACTIVE');
  const placed = part.azs.reduce((n, z) => n + z.instances.reduce((m, i) => m + i.tasks.filter((x) => live(x.lastStatus)).length, 0) + z.fargate.filter((x) => live(x.lastStatus)).length, 0);
  // A world of its own has the cost meter's figure (EC2 and Fargate); a cluster of a shared world, its instances'.
  let costUSD = pane.cluster === undefined ? t.sim.world.cost.totalUSD : 0;
  for (const ci of pane.cluster === undefined ? [] : Object.values(t.sim.world.containerInstances)) {
    if (!names(ci.clusterArn, pane.cluster)) continue;
    const end = ci.deregisteredAtMs ?? t.sim.now;
    costUSD += ((INSTANCE_TYPES[ci.instanceType]?.price ?? 0) * Math.floor(Math.max(0, end - ci.registeredAtMs) / 60_000)) / 60;
  }
  const learner = t.transcript.flatMap((o) => o.calls ?? []);
  return {
    pane,
    placed,
    used: instances.filter((i) => i.tasks.some((x) => live(x.lastStatus))).length,
    instances: instances.length,
    costUSD,
    failed: failures(t.callLog, pane.cluster) + failures(learner, pane.cluster),
  };
}

/** A pane's world and what it shows of it: its cluster of the main world, or the whole of its variant's world (none if this window lacks it). */
function paneWorld(s: SandboxState, v: WorldView, pane: Pane): { t: Timeline; view: WorldView } | null {
  if (pane.variant === undefined) return s.world.timeline && { t: s.world.timeline, view: clusterView(v, pane.cluster ?? '') };
  const t = s.world.variants[pane.variant]?.timeline;
  if (!t) return null;
  return { t, view: withoutControl(t === s.world.timeline ? v : worldView(t.sim, ecsRequests(t.transcript))) };
}

/** Each pane with its world and view, recomputed when any world or the panes change. */
const selectPaneWorlds: (s: SandboxState) => { pane: Pane; t: Timeline; view: WorldView }[] = memoSelector(
  (s: SandboxState) => [selectPanes(s), selectWorldView(s), s.world.variants, s.world.version] as const,
  ([panes, v], s) =>
    v
      ? panes.flatMap((pane) => {
          const w = paneWorld(s, v, pane);
          return w ? [{ pane, ...w }] : [];
        })
      : [],
);

/** Each pane's part of the world, recomputed when the world or the panes change. */
export const selectPaneViews: (s: SandboxState) => { pane: Pane; view: WorldView; clusters: string[] }[] = memoSelector(
  (s: SandboxState) => [selectPaneWorlds(s)] as const,
  ([worlds]) => worlds.map(({ pane, view }) => ({ pane, view, clusters: pane.cluster === undefined ? clusterNames(view) : [pane.cluster] })),
);

/** The panes' figures, recomputed when the world changes and each simulated minute (the cost). */
export const selectPaneFigures: (s: SandboxState) => PaneFigures[] = memoSelector(
  (s: SandboxState) => [selectPaneWorlds(s), s.world.version, Math.floor(s.world.now / 60_000)] as const,
  ([worlds]) => worlds.map(({ pane, t, view }) => paneFigures(t, view, pane)),
);
