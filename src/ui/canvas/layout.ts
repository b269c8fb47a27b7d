import type { Focus } from '../../store/selectors/canvas';
import type { AzView, InstanceView, LoadBalancerView, TaskView, WorldView } from '../../store/selectors/world';
import type { Selection } from '../../store/store';
import { CHAR_W, chipFit, instanceChips, INST_MAX_ROWS, PANE_CHAR_W } from './chips';

/** The node kinds the canvas draws. */
export type NodeKind = 'instance' | 'lane' | 'zone' | 'control' | 'lb' | 'local' | 'cluster';

export type ControlId = 'api' | 'scheduler' | 'placement' | 'autoscaling' | 'discovery';

/** A node placed on the canvas: where, how big, what it shows, and a signature that changes when it must redraw. */
export interface Placed {
  id: string;
  type: NodeKind;
  x: number;
  y: number;
  w: number;
  h: number;
  view: unknown;
  sig: string;
  /** Drawn behind the others (groups: a cluster, a zone). */
  z?: number;
}

export const INST_W = 216;
/**
 * An instance node's height: its heading and meters, and the rows its chips take (at least one per
 * three tasks, more where long names put fewer in a row; at most four, "+N more" after what fits).
 */
export function instHeight(tasks: readonly TaskView[], sp: Spacing = ROOMY): number {
  const rows = Math.min(INST_MAX_ROWS, Math.max(1, Math.ceil(tasks.length / 3), instanceChips(tasks, sp.charW).rows));
  return sp.instBase + rows * sp.instRow;
}

/**
 * The room between and around a canvas's groups: roomy on a canvas of its own; tight in a pane of
 * worlds side by side, whose nodes say less (an instance's name without its type and agent line, a
 * cluster's name alone) in larger small text (canvas.css's `.pane`), so that a pane frames its whole
 * cluster at a zoom where that text is still 11 px on screen (an instance there: 6 px of border and
 * padding, its name 15, its meters 17, 5 above its chips and 6 below them, 23 a row less 3).
 */
export interface Spacing {
  gap: number;
  pad: number;
  /** A group's heading (a zone's, a cluster's). */
  head: number;
  /** An instance node's height without its chips, and each row of chips. */
  instBase: number;
  instRow: number;
  /** The least width of a cluster. */
  clusterW: number;
  /** A character of a chip's text (chips.ts). */
  charW: number;
}
/** 21 px a row from a first row with 7 px to spare: the 23 px rows of chips fit up to four rows. */
const ROOMY: Spacing = { gap: 16, pad: 12, head: 36, instBase: 66, instRow: 21, clusterW: 300, charW: CHAR_W };
export const TIGHT: Spacing = { gap: 6, pad: 6, head: 28, instBase: 48, instRow: 23, clusterW: 200, charW: PANE_CHAR_W };
const LANE_W = 210;
const CHIP_ROW = 26;
/** The most chips a lane shows ("+N more" after them). */
export const LANE_MAX_CHIPS = 40;
const CONTROL_W = 170;
/** The margin the framing leaves at the canvas's top left when what it frames does not fit (frame's `pad`). */
const FRAME_PAD = 16;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A block of nodes laid out at the origin, with its size: the unit the flow places in rows. */
interface Block {
  w: number;
  h: number;
  nodes: Placed[];
  /** What the block is, for putting the focused one first. */
  key: string;
}

function shift(nodes: Placed[], dx: number, dy: number): Placed[] {
  return nodes.map((n) => ({ ...n, x: n.x + dx, y: n.y + dy }));
}

/** Places blocks left to right, wrapping into a new row when the next one would pass `width`. */
function flow(blocks: Block[], width: number, gap: number): Block {
  const nodes: Placed[] = [];
  let x = 0;
  let y = 0;
  let rowH = 0;
  let w = 0;
  for (const b of blocks) {
    if (x > 0 && x + b.w > width) {
      x = 0;
      y += rowH + gap;
      rowH = 0;
    }
    nodes.push(...shift(b.nodes, x, y));
    x += b.w + gap;
    rowH = Math.max(rowH, b.h);
    w = Math.max(w, x - gap);
  }
  return { w, h: blocks.length ? y + rowH : 0, nodes, key: '' };
}

/** The control plane: only the parts that have something to show. */
function controlBlock(v: WorldView, width: number): Block | null {
  const c = v.control;
  // `count` lets the node say its detail in the page's language; title and detail are the English ones.
  const all: { id: ControlId; title: string; detail: string; count: number; shown: boolean }[] = [
    { id: 'api', title: 'ECS API', detail: `${plural(c.calls, 'request', 'requests')} from you`, count: c.calls, shown: v.clusters.length > 0 || c.calls > 0 },
    { id: 'scheduler', title: 'Service scheduler', detail: plural(c.services, 'service', 'services'), count: c.services, shown: c.services > 0 },
    { id: 'placement', title: 'Task placement', detail: plural(c.traces, 'decision', 'decisions'), count: c.traces, shown: c.traces > 0 },
    { id: 'autoscaling', title: 'Auto scaling', detail: plural(c.policies, 'policy', 'policies'), count: c.policies, shown: c.policies > 0 },
    { id: 'discovery', title: 'Cloud Map', detail: plural(c.namespaces, 'namespace', 'namespaces'), count: c.namespaces, shown: c.namespaces > 0 },
  ];
  const shown = all.filter((x) => x.shown);
  if (!shown.length) return null;
  const blocks = shown.map((x): Block => ({ w: CONTROL_W, h: 60, key: `cp:${x.id}`, nodes: [{ id: `cp:${x.id}`, type: 'control', x: 0, y: 0, w: CONTROL_W, h: 60, view: x, sig: x.detail }] }));
  return { ...flow(blocks, width, 12), key: 'control' };
}

function lbBlock(lb: LoadBalancerView): Block {
  const h = 46 + lb.targetGroups.length * 26;
  // Wider while listeners split traffic by weight, so that each target group's shares fit on its line.
  const w = lb.targetGroups.some((tg) => tg.weights.length) ? 360 : 270;
  return { w, h, key: `lb:${lb.name}`, nodes: [{ id: `lb:${lb.arn}`, type: 'lb', x: 0, y: 0, w, h, view: lb, sig: JSON.stringify(lb.targetGroups) }] };
}

function sigTasks(ts: TaskView[]): string {
  let s = '';
  for (const t of ts) s += `${t.id}${t.lastStatus[0]}${t.lastStatus[2] ?? ''}${t.health[0]}${t.desiredStatus[0]};`;
  return s;
}

/** A name for each instance view object: the world view gives an unchanged instance the same object, so the same name. */
const instanceSigs = new WeakMap<InstanceView, string>();
let instanceSigCount = 0;

function sigInstance(i: InstanceView): string {
  let sig = instanceSigs.get(i);
  if (sig === undefined) instanceSigs.set(i, (sig = `#${++instanceSigCount}`));
  return sig;
}

/** A lane's height for its tasks in a lane `width` wide: a row per `perRow` of them, or more where long names put fewer in a row. */
function laneHeight(tasks: readonly TaskView[], width: number, perRow: number, sp: Spacing): number {
  const rows = Math.max(1, Math.ceil(tasks.length / perRow), chipFit(tasks, width - 18, Infinity, LANE_MAX_CHIPS, sp.charW).rows);
  return 44 + rows * CHIP_ROW;
}

/** How many instance columns a zone of `n` instances gets: as many as `cap` asks, as the room allows. */
function zoneCols(n: number, width: number, cap: number, sp: Spacing): number {
  const fit = Math.max(1, Math.floor((width - sp.pad * 2 + sp.gap) / (INST_W + sp.gap)));
  return Math.max(1, Math.min(fit, n, cap));
}

/** One Availability Zone of one cluster: its instances in a grid of up to `cap` columns, then its Fargate tasks. */
function zoneBlock(cluster: string, az: AzView, width: number, cap: number, sp: Spacing): Block {
  const n = az.instances.length;
  const cols = zoneCols(n, width, cap, sp);
  const rows = Math.ceil(n / cols);
  const inner = Math.max(cols * (INST_W + sp.gap) - sp.gap, n ? 0 : INST_W);
  const w = inner + sp.pad * 2;
  const nodes: Placed[] = [];
  const base = `${cluster}:${az.zone}`;
  // Each row as tall as its tallest instance.
  let y = sp.head;
  for (let r = 0; r < rows; r++) {
    const row = az.instances.slice(r * cols, (r + 1) * cols);
    const rh = Math.max(...row.map((i) => instHeight(i.tasks, sp)));
    row.forEach((inst, c) => {
      nodes.push({ id: `ci:${inst.arn}`, type: 'instance', x: sp.pad + c * (INST_W + sp.gap), y, w: INST_W, h: rh, view: inst, sig: sigInstance(inst) });
    });
    y += rh + sp.gap;
  }
  let h = y;
  if (az.fargate.length) {
    const lh = laneHeight(az.fargate, inner, Math.max(1, Math.floor(inner / 90)), sp);
    nodes.push({ id: `fg:${base}`, type: 'lane', x: sp.pad, y: h, w: inner, h: lh, view: { title: `Fargate in ${az.zone}`, tasks: az.fargate, hint: '', zone: az.zone }, sig: sigTasks(az.fargate) });
    h += lh + sp.gap;
  }
  h += sp.pad - sp.gap;
  nodes.unshift({ id: `az:${base}`, type: 'zone', x: 0, y: 0, w, h, view: { zone: az.zone, instances: n, fargate: az.fargate.length }, sig: `${n}/${az.fargate.length}`, z: -1 });
  return { w, h, nodes, key: `az:${base}` };
}

/** The parts of the world that belong to one cluster: its zones (with something in them) and its waiting tasks. */
function clusterParts(v: WorldView, name: string): { zones: AzView[]; waiting: TaskView[] } {
  const zones = v.azs.map((z) => ({ zone: z.zone, instances: z.instances.filter((i) => i.cluster === name), fargate: z.fargate.filter((t) => t.cluster === name) })).filter((z) => z.instances.length || z.fargate.length);
  return { zones, waiting: v.waiting.filter((t) => t.cluster === name) };
}

/** The clusters the canvas draws: the active ones, and any other that still has instances or tasks on it. */
function clusterNames(v: WorldView): string[] {
  const names = [...v.clusters];
  const add = (c: string) => {
    if (!names.includes(c)) names.push(c);
  };
  for (const z of v.azs) {
    for (const i of z.instances) add(i.cluster);
    for (const t of z.fargate) add(t.cluster);
  }
  for (const t of v.waiting) add(t.cluster);
  return names;
}

const WAITING_HINT = 'Tasks wait here (PROVISIONING) when no instance fits them yet.';

/** One cluster as a labelled group: the tasks waiting for a home, then its zones (of up to `cap` instance columns). */
function clusterBlock(v: WorldView, name: string, width: number, cap: number, sp: Spacing): Block {
  const { zones, waiting } = clusterParts(v, name);
  const parts: Block[] = [];
  // The waiting lane shows while tasks wait, or while the cluster has nothing else to show.
  if (waiting.length || !zones.length) {
    const h = waiting.length ? laneHeight(waiting, LANE_W, 2, sp) : 110;
    parts.push({
      w: LANE_W,
      h,
      key: 'waiting',
      nodes: [
        {
          id: `wait:${name}`,
          type: 'lane',
          x: 0,
          y: 0,
          w: LANE_W,
          h,
          view: { title: 'Waiting for a home', tasks: waiting, hint: zones.length ? WAITING_HINT : `${WAITING_HINT} No container instance has joined ${name} yet.`, waitingIn: name, joined: zones.length > 0 },
          sig: sigTasks(waiting),
        },
      ],
    });
  }
  const inner = Math.max(width - sp.pad * 2, INST_W + sp.pad * 2);
  for (const z of zones) parts.push(zoneBlock(name, z, inner, cap, sp));
  const body = flow(parts, inner, sp.gap);
  const w = Math.max(body.w + sp.pad * 2, sp.clusterW);
  const h = body.h + sp.head + sp.pad;
  const instances = zones.reduce((n, z) => n + z.instances.length, 0);
  return {
    w,
    h,
    key: `cl:${name}`,
    nodes: [{ id: `cl:${name}`, type: 'cluster', x: 0, y: 0, w, h, view: { name, instances, waiting: waiting.length }, sig: `${instances}/${waiting.length}`, z: -2 }, ...shift(body.nodes, sp.pad, sp.head)],
  };
}

/** Whether a block holds what the lesson is about. */
function blockMatches(b: Block, f: Focus | null | undefined): boolean {
  if (!f) return false;
  if (f.kind === 'local') return b.key === 'local';
  if (f.kind === 'cluster') return b.key.startsWith('cl:') && (!f.name || b.key === `cl:${f.name}`);
  if (f.kind === 'loadBalancer') return b.key.startsWith('lb:') && (!f.name || b.key === `lb:${f.name}`);
  return false;
}

/**
 * Lays the world out for a canvas `width` pixels wide: the local host, the control plane and the
 * load balancers, then one labelled group per cluster with its waiting tasks and its Availability
 * Zones, wrapping into rows so that as much as possible shows at a legible size. Empty planes (a
 * control-plane part with nothing to show, a zone without instances) are left out. What the
 * lesson is about comes first, so it is what a view anchored at the top left shows.
 */
export function layoutWorld(v: WorldView, width: number, height: number, focus?: Focus | null, sp: Spacing = ROOMY): Placed[] {
  const room = Math.max(width, INST_W + sp.pad * 4);
  const cap = zoneCap(v, room, height, sp);
  const blocks: Block[] = [];
  if (v.local) {
    const rows = v.local.processes.length + v.local.containers.length;
    const h = 36 + Math.max(1, rows) * 23;
    blocks.push({ w: 360, h, key: 'local', nodes: [{ id: 'local', type: 'local', x: 0, y: 0, w: 360, h, view: v.local, sig: JSON.stringify(v.local) }] });
  }
  const clusters = clusterNames(v).map((name) => clusterBlock(v, name, room, cap, sp));
  const framed = focus?.kind === 'cluster' ? clusters.findIndex((b) => blockMatches(b, focus)) : -1;
  // A cluster in focus takes the control plane in with it, and the load balancer the focus names: framing the cluster frames them all.
  const control = framed < 0 ? controlBlock(v, room) : null;
  const beside = framed >= 0 ? v.loadBalancers.find((lb) => lb.name === focus?.loadBalancer) : undefined;
  if (framed >= 0) clusters[framed] = withControl(clusters[framed]!, v, width, height, beside ? lbBlock(beside) : null);
  if (control) blocks.push(control);
  for (const lb of v.loadBalancers) if (lb !== beside) blocks.push(lbBlock(lb));
  blocks.push(...clusters);
  const first = blocks.filter((b) => blockMatches(b, focus));
  return flow([...first, ...blocks.filter((b) => !first.includes(b))], room, 24).nodes;
}

/** Two blocks as one, flowed into `width` (the second beside the first if it fits, else below); either may be missing. */
function joined(a: Block | null, b: Block | null, width: number): Block | null {
  return a && b ? flow([a, b], width, 24) : (a ?? b);
}

/**
 * A cluster with the control plane beside it (and a load balancer, after the control plane's parts):
 * in a column to its right when both then fit a `width` × `height` canvas at a legible zoom, else in
 * rows above it (no wider than the cluster), so that a view showing the top left of a cluster too big
 * for the canvas shows the control plane too.
 */
function withControl(cluster: Block, v: WorldView, width: number, height: number, lb: Block | null): Block {
  const column = joined(controlBlock(v, CONTROL_W), lb, CONTROL_W);
  if (!column) return cluster;
  const gap = 24;
  if (cluster.w + gap + column.w + FRAME_PAD <= width && Math.max(cluster.h, column.h) + FRAME_PAD <= height) {
    return { ...cluster, w: cluster.w + gap + column.w, h: Math.max(cluster.h, column.h), nodes: [...cluster.nodes, ...shift(column.nodes, cluster.w + gap, 0)] };
  }
  const rows = joined(controlBlock(v, Math.max(cluster.w, CONTROL_W)), lb, Math.max(cluster.w, CONTROL_W))!;
  return { ...cluster, w: Math.max(cluster.w, rows.w), h: rows.h + gap + cluster.h, nodes: [...rows.nodes, ...shift(cluster.nodes, 0, rows.h + gap)] };
}

/**
 * How many instance columns a zone may have: the count that lets the largest cluster fit the canvas
 * best at a legible size (a wide canvas takes wide zones, a tall one tall zones). Measured from the
 * counts alone, so it costs nothing beside the layout itself.
 */
function zoneCap(v: WorldView, room: number, height: number, sp: Spacing): number {
  const sizes = new Map<string, number[]>();
  for (const z of v.azs) {
    const per = new Map<string, number>();
    for (const i of z.instances) per.set(i.cluster, (per.get(i.cluster) ?? 0) + 1);
    for (const [c, n] of per) sizes.set(c, [...(sizes.get(c) ?? []), n]);
  }
  let biggest: number[] = [];
  for (const z of sizes.values()) if (z.reduce((a, b) => a + b, 0) > biggest.reduce((a, b) => a + b, 0)) biggest = z;
  const most = Math.max(1, ...biggest);
  let best = { cap: 1, score: -1 };
  for (let cap = 1; cap <= Math.min(most, 12); cap++) {
    // The zones side by side, wrapping at the room's width, each `cols` wide and `rows` high.
    let x = 0;
    let y = 0;
    let rowH = 0;
    let w = 0;
    for (const n of biggest) {
      const cols = zoneCols(n, room - sp.pad * 4, cap, sp);
      const zw = cols * (INST_W + sp.gap) - sp.gap + sp.pad * 2;
      const zh = sp.head + Math.ceil(n / cols) * (sp.instBase + sp.instRow + sp.gap) + sp.pad;
      if (x > 0 && x + zw > room - sp.pad * 2) {
        x = 0;
        y += rowH + sp.gap;
        rowH = 0;
      }
      x += zw + sp.gap;
      rowH = Math.max(rowH, zh);
      w = Math.max(w, x);
    }
    const h = y + rowH + sp.head + sp.pad;
    const score = Math.min(1, room / (w + sp.pad * 2), (height * 0.8) / h);
    if (score > best.score + 1e-6) best = { cap, score };
  }
  return best.cap;
}

/**
 * The nodes the view frames on open: those of the lesson's focus that exist now (a service's: the
 * instances and lanes holding its tasks; a load balancer's: it and where its targets run), or every
 * node when the focus names nothing there is yet.
 */
export function focusNodes(v: WorldView, placed: Placed[], focus?: Focus | null): Set<string> {
  const ids = new Set<string>();
  if (focus) {
    const inCluster = (name: string | undefined) => (n: Placed) => {
      const c = clusterOf(n);
      return c !== undefined && (!name || c === name);
    };
    if (focus.kind === 'local') for (const n of placed) if (n.type === 'local') ids.add(n.id);
    if (focus.kind === 'cluster') {
      for (const n of placed.filter(inCluster(focus.name))) ids.add(n.id);
      // The control plane and the load balancer the focus names stand beside a cluster in focus (layoutWorld puts them there): they are framed too.
      const lb = v.loadBalancers.find((b) => b.name === focus.loadBalancer);
      if (ids.size) for (const n of placed) if (n.type === 'control' || (lb && n.id === `lb:${lb.arn}`)) ids.add(n.id);
    }
    if (focus.kind === 'service' || focus.kind === 'loadBalancer') {
      // A service's focus takes in the load balancers of its target groups: where its traffic comes from.
      const served = new Set(v.services.filter((s) => focus.kind === 'service' && s.name === focus.name).flatMap((s) => s.targetGroups));
      const lbs = v.loadBalancers.filter((lb) => (focus.kind === 'loadBalancer' ? !focus.name || lb.name === focus.name : lb.targetGroups.some((tg) => served.has(tg.arn))));
      const groups = new Set(lbs.flatMap((lb) => lb.targetGroups.map((tg) => tg.arn)));
      const services = new Set(v.services.filter((s) => (focus.kind === 'service' ? s.name === focus.name : s.targetGroups.some((t) => groups.has(t)))).map((s) => s.name));
      for (const lb of lbs) ids.add(`lb:${lb.arn}`);
      for (const n of placed) if (holdsServiceTask(n, services)) ids.add(n.id);
      if (focus.kind === 'service' && ids.size === 0) {
        const cluster = v.services.find((s) => s.name === focus.name)?.cluster;
        if (cluster) for (const n of placed.filter(inCluster(cluster))) ids.add(n.id);
      }
    }
  }
  if (ids.size === 0) for (const n of placed) ids.add(n.id);
  return ids;
}

function clusterOf(n: Placed): string | undefined {
  if (n.type === 'cluster') return (n.view as { name: string }).name;
  if (n.type === 'instance') return (n.view as InstanceView).cluster;
  if (n.id.startsWith('wait:')) return n.id.slice(5);
  if (n.id.startsWith('az:') || n.id.startsWith('fg:')) return n.id.slice(3).split(':')[0];
  return undefined;
}

function holdsServiceTask(n: Placed, services: Set<string>): boolean {
  if (!services.size) return false;
  const tasks = n.type === 'instance' ? (n.view as InstanceView).tasks : n.type === 'lane' ? (n.view as { tasks: TaskView[] }).tasks : [];
  return tasks.some((t) => t.service !== null && services.has(t.service));
}

/** The box around some nodes. */
export function boundsOf(placed: Placed[], ids: Set<string>): { x: number; y: number; w: number; h: number } | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const n of placed) {
    if (!ids.has(n.id)) continue;
    x0 = Math.min(x0, n.x);
    y0 = Math.min(y0, n.y);
    x1 = Math.max(x1, n.x + n.w);
    y1 = Math.max(y1, n.y + n.h);
  }
  return Number.isFinite(x0) ? { x: x0, y: y0, w: x1 - x0, h: y1 - y0 } : null;
}

/** Zoom at which the canvas's smallest text (11 px) is 11 px on screen, and the most the view zooms in on its own. */
export const LEGIBLE_ZOOM = 1;
export const MAX_FIT_ZOOM = 1.5;
/** The least zoom a pane of worlds side by side goes down to, so that it shows its whole cluster: where its 12 px small text is 11 px on screen. */
export const PANE_ZOOM = 11 / 12;

/**
 * The viewport that frames a box in a canvas of `w` × `h` pixels: the whole box when it fits at a
 * zoom of `least` or more (centred, up to MAX_FIT_ZOOM), else its top left at the legible zoom.
 */
export function frame(box: { x: number; y: number; w: number; h: number }, w: number, h: number, pad = 16, least = LEGIBLE_ZOOM): { x: number; y: number; zoom: number } {
  const fit = Math.min((w - pad * 2) / Math.max(1, box.w), (h - pad * 2) / Math.max(1, box.h));
  if (fit >= least) {
    const zoom = Math.min(MAX_FIT_ZOOM, fit);
    return { zoom, x: (w - box.w * zoom) / 2 - box.x * zoom, y: (h - box.h * zoom) / 2 - box.y * zoom };
  }
  const zoom = LEGIBLE_ZOOM;
  // The box's top left at the top left; where only one direction overflows, centre the other.
  const x = box.w * zoom <= w - pad * 2 ? (w - box.w * zoom) / 2 - box.x * zoom : pad - box.x * zoom;
  const y = box.h * zoom <= h - pad * 2 ? (h - box.h * zoom) / 2 - box.y * zoom : pad - box.y * zoom;
  return { zoom, x, y };
}

/**
 * The nodes a spotlight lights: the instance, load balancer or control-plane part pointed at, the
 * node holding a task pointed at, the load balancer of a target group. Empty when nothing is.
 */
export function spotlightNodes(placed: Placed[], target: Selection | null | undefined): Set<string> {
  const ids = new Set<string>();
  if (!target) return ids;
  for (const n of placed) {
    if (target.kind === 'instance' && n.id === `ci:${target.id}`) ids.add(n.id);
    else if (target.kind === 'loadBalancer' && n.id === `lb:${target.id}`) ids.add(n.id);
    else if (target.kind === 'control' && n.id === `cp:${target.id}`) ids.add(n.id);
    else if (target.kind === 'targetGroup' && n.type === 'lb' && (n.view as LoadBalancerView).targetGroups.some((tg) => tg.arn === target.id)) ids.add(n.id);
    else if (target.kind === 'task' && (n.type === 'instance' || n.type === 'lane')) {
      const tasks = n.type === 'instance' ? (n.view as InstanceView).tasks : (n.view as { tasks: TaskView[] }).tasks;
      if (tasks.some((t) => t.arn === target.id)) ids.add(n.id);
    }
  }
  return ids;
}
