import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { ReactFlow, Background, Controls, applyNodeChanges, type Node, type NodeChange, type NodeProps } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useRun } from './context';
import type { AzView, InstanceView, LoadBalancerView, LocalHostView, TaskView, WorldView } from '../store/selectors/world';
import type { Selection } from '../store/store';

/** Task chips: a button per task, coloured by lastStatus. */
function Chip({ t, onSelect }: { t: TaskView; onSelect: (s: Selection) => void }) {
  return (
    <button
      type="button" className={`chip s-${t.lastStatus.toLowerCase()}${t.health === 'UNHEALTHY' ? ' unhealthy' : ''}`}
      aria-label={`Task ${t.id.slice(0, 8)} ${t.service ? `of service ${t.service}` : `(${t.family})`}: ${t.lastStatus}`}
      title={`${t.family} ${t.id.slice(0, 8)}: ${t.lastStatus}${t.desiredStatus === 'STOPPED' && t.lastStatus !== 'STOPPED' ? ' → STOPPED' : ''}${t.health !== 'UNKNOWN' ? `, ${t.health}` : ''}`}
      onClick={(e) => {
        e.stopPropagation();
        onSelect({ kind: 'task', id: t.arn });
      }}
    >
      {t.service ?? t.family}
    </button>
  );
}

const MAX_CHIPS = 12;

function Chips({ tasks, onSelect, max = MAX_CHIPS }: { tasks: TaskView[]; onSelect: (s: Selection) => void; max?: number }) {
  return (
    <div className="chips">
      {tasks.slice(0, max).map((t) => <Chip key={t.arn} t={t} onSelect={onSelect} />)}
      {tasks.length > max && <span className="more">+{tasks.length - max} more</span>}
    </div>
  );
}

type Data = { view: unknown; select: (s: Selection) => void };

function Bar({ label, used, total }: { label: string; used: number; total: number }) {
  const pct = total > 0 ? Math.min(100, Math.round((used / total) * 100)) : 0;
  return (
    <div className="meter" title={`${label}: ${used} of ${total} reserved`}>
      <span className="meter-label">{label}</span>
      <span className="meter-track" role="meter" aria-label={`${label} reserved`} aria-valuemin={0} aria-valuemax={total} aria-valuenow={used} aria-valuetext={`${pct} %`}>
        <span className="meter-fill" style={{ width: `${pct}%` }} />
      </span>
      <span className="meter-pct">{pct}%</span>
    </div>
  );
}

const InstanceNode = memo(function InstanceNode({ data }: NodeProps<Node<Data>>) {
  const v = data.view as InstanceView;
  const agent = v.agentConnected ? 'agent connected' : 'agent disconnected';
  return (
    <div className={`inst st-${v.status.toLowerCase()}${v.agentConnected ? '' : ' lost'}`}>
      <button type="button" className="inst-head" onClick={() => data.select({ kind: 'instance', id: v.arn })} aria-label={`Container instance ${v.ec2InstanceId}, ${v.instanceType}, ${v.status}, ${agent}, ${v.tasks.length} tasks`}>
        <strong>{v.ec2InstanceId}</strong>
        <span className="inst-sub">{v.instanceType} <span className={`agent ${v.agentConnected ? 'ok' : 'bad'}`}>{v.status === 'ACTIVE' ? (v.agentConnected ? '● agent connected' : '○ agent disconnected') : v.status}</span></span>
      </button>
      <Bar label="CPU" used={v.cpu.used} total={v.cpu.registered} />
      <Bar label="Mem" used={v.memory.used} total={v.memory.registered} />
      <Chips tasks={v.tasks} onSelect={data.select} />
    </div>
  );
});

const LaneNode = memo(function LaneNode({ data }: NodeProps<Node<Data>>) {
  const v = data.view as { title: string; tasks: TaskView[]; hint: string };
  return (
    <div className="lane">
      <div className="lane-title">{v.title} <span className="muted">({v.tasks.length})</span></div>
      {v.tasks.length === 0 ? <div className="muted small">{v.hint}</div> : <Chips tasks={v.tasks} onSelect={data.select} max={40} />}
    </div>
  );
});

const ZoneNode = memo(function ZoneNode({ data }: NodeProps<Node<Data>>) {
  const v = data.view as { zone: string; instances: number };
  return <div className="zone"><span className="zone-title">{v.zone}</span> <span className="muted small">{v.instances} instance{v.instances === 1 ? '' : 's'}</span></div>;
});

const ControlNode = memo(function ControlNode({ data }: NodeProps<Node<Data>>) {
  const v = data.view as { id: 'api' | 'scheduler' | 'placement' | 'autoscaling' | 'discovery'; title: string; detail: string };
  return (
    <button type="button" className="ctl" onClick={() => data.select({ kind: 'control', id: v.id })}>
      <strong>{v.title}</strong>
      <span className="small">{v.detail}</span>
    </button>
  );
});

const LbNode = memo(function LbNode({ data }: NodeProps<Node<Data>>) {
  const v = data.view as LoadBalancerView;
  return (
    <div className="lb">
      <button type="button" className="inst-head" onClick={() => data.select({ kind: 'loadBalancer', id: v.arn })}><strong>ALB {v.name}</strong></button>
      {v.targetGroups.map((tg) => (
        <button key={tg.arn} type="button" className="tg" onClick={() => data.select({ kind: 'targetGroup', id: tg.arn })} aria-label={`Target group ${tg.name}: ${tg.healthy} healthy, ${tg.unhealthy} unhealthy, ${tg.other} other`}>
          {tg.name}: <span className="ok">{tg.healthy} healthy</span>{tg.unhealthy ? <span className="bad"> {tg.unhealthy} unhealthy</span> : null}{tg.other ? <span> {tg.other} other</span> : null}
        </button>
      ))}
    </div>
  );
});

const LocalNode = memo(function LocalNode({ data }: NodeProps<Node<Data>>) {
  const v = data.view as LocalHostView;
  return (
    <div className="local" role="group" aria-label="Your machine (the local Docker host)">
      <div className="lane-title">Your machine</div>
      {v.processes.map((p) => (
        <div key={p.name} className={`proc ${p.state === 'running' ? 'up' : 'down'}`}>process <strong>{p.name}</strong> :{p.port} · {p.state}</div>
      ))}
      {v.containers.map((c) => (
        <div key={c.id} className={`proc ${c.state === 'running' ? 'up' : c.state === 'created' ? '' : 'down'}`}>
          <strong>{c.name}</strong> ({c.image}) {c.ports && <span>· {c.ports}</span>} · {c.state}{c.health ? ` (${c.health})` : ''}
        </div>
      ))}
    </div>
  );
});

// Module scope: a new object each render would remount every node.
const nodeTypes = { instance: InstanceNode, lane: LaneNode, zone: ZoneNode, control: ControlNode, lb: LbNode, local: LocalNode };

const NO_EDGES: never[] = [];
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const INST_W = 236;
const INST_H = 150;
const GAP = 14;
const ZONE_PAD = 12;
const ZONE_TOP = 36;

/** Lays the world out: control plane and load balancers on top, one column per AZ, the waiting lane left. */
function layout(v: WorldView): { id: string; type: keyof typeof nodeTypes; x: number; y: number; w: number; h: number; view: unknown; sig: string; z?: number }[] {
  const out: ReturnType<typeof layout> = [];
  const c = v.control;
  const controls: { id: 'api' | 'scheduler' | 'placement' | 'autoscaling' | 'discovery'; title: string; detail: string }[] = [
    { id: 'api', title: 'ECS API', detail: plural(c.calls, 'request', 'requests') + ' from you' },
    { id: 'scheduler', title: 'Service scheduler', detail: plural(c.services, 'service', 'services') },
    { id: 'placement', title: 'Task placement', detail: plural(c.traces, 'decision', 'decisions') },
    { id: 'autoscaling', title: 'Auto scaling', detail: plural(c.policies, 'policy', 'policies') },
    { id: 'discovery', title: 'Cloud Map', detail: plural(c.namespaces, 'namespace', 'namespaces') },
  ];
  controls.forEach((x, i) => out.push({ id: `cp:${x.id}`, type: 'control', x: 220 + i * 170, y: 0, w: 156, h: 56, view: x, sig: x.detail }));
  let lx = 220 + controls.length * 170 + 30;
  for (const lb of v.loadBalancers) {
    const h = 40 + lb.targetGroups.length * 26;
    out.push({ id: `lb:${lb.arn}`, type: 'lb', x: lx, y: 0, w: 250, h, view: lb, sig: JSON.stringify(lb.targetGroups) });
    lx += 270;
  }
  const top = 90;
  const waitingHint = 'Tasks wait here (PROVISIONING) when no instance fits them yet.';
  if (v.local) {
    const rows = v.local.processes.length + v.local.containers.length;
    out.push({ id: 'local', type: 'local', x: -300, y: top, w: 280, h: 36 + rows * 22, view: v.local, sig: JSON.stringify(v.local) });
  }
  out.push({ id: 'waiting', type: 'lane', x: 0, y: top, w: 200, h: Math.max(120, 40 + Math.ceil(v.waiting.length / 2) * 26), view: { title: 'Waiting for a home', tasks: v.waiting, hint: waitingHint }, sig: sigTasks(v.waiting) });
  let x = 220;
  for (const az of v.azs) {
    const n = az.instances.length;
    const cols = Math.max(1, Math.min(4, Math.ceil(Math.sqrt(n / 3))));
    const rows = Math.ceil(n / cols);
    const fargateH = az.fargate.length ? 40 + Math.ceil(az.fargate.length / 4) * 26 : 0;
    const width = ZONE_PAD * 2 + Math.max(1, cols) * (INST_W + GAP) - GAP;
    const height = ZONE_TOP + rows * (INST_H + GAP) + (fargateH ? fargateH + GAP : 0) + ZONE_PAD;
    out.push({ id: `az:${az.zone}`, type: 'zone', x, y: top, w: width, h: Math.max(height, 120), view: { zone: az.zone, instances: n }, sig: `${n}`, z: -1 });
    az.instances.forEach((inst, i) => {
      const cx = x + ZONE_PAD + (i % cols) * (INST_W + GAP);
      const cy = top + ZONE_TOP + Math.floor(i / cols) * (INST_H + GAP);
      out.push({ id: `ci:${inst.arn}`, type: 'instance', x: cx, y: cy, w: INST_W, h: INST_H, view: inst, sig: sigInstance(inst) });
    });
    if (fargateH) {
      out.push({ id: `fg:${az.zone}`, type: 'lane', x: x + ZONE_PAD, y: top + ZONE_TOP + rows * (INST_H + GAP), w: width - ZONE_PAD * 2, h: fargateH, view: { title: `Fargate in ${az.zone}`, tasks: az.fargate, hint: '' }, sig: sigTasks(az.fargate) });
    }
    x += width + 24;
  }
  return out;
}

function sigTasks(ts: TaskView[]): string {
  let s = '';
  for (const t of ts) s += `${t.id}${t.lastStatus[0]}${t.lastStatus[2] ?? ''}${t.health[0]}${t.desiredStatus[0]};`;
  return s;
}

function sigInstance(i: InstanceView): string {
  return `${i.status}${i.agentConnected ? 1 : 0}${i.cpu.used}/${i.memory.used}|${sigTasks(i.tasks)}`;
}

/**
 * The world drawn: control plane above, the data plane by Availability Zone. Nodes are derived
 * from the engine's state; an unchanged node keeps its object so React Flow skips it.
 */
export default function Canvas({ view }: { view: WorldView }) {
  const run = useRun();
  const select = useCallback((s: Selection) => run('select', s), [run]);
  const sigs = useRef(new Map<string, string>());
  const [nodes, setNodes] = useState<Node<Data>[]>([]);
  useLayoutEffect(() => {
    setNodes((prev) => {
      const byId = new Map(prev.map((n) => [n.id, n]));
      const nextSigs = new Map<string, string>();
      const list = layout(view).map((l) => {
        const sig = `${l.x},${l.y},${l.w},${l.h}|${l.sig}`;
        nextSigs.set(l.id, sig);
        const old = byId.get(l.id);
        if (old && sigs.current.get(l.id) === sig) return old;
        const node: Node<Data> = {
          id: l.id, type: l.type, position: { x: l.x, y: l.y }, data: { view: l.view, select }, width: l.w, height: l.h,
          draggable: false, selectable: false, focusable: false, ...(l.z !== undefined ? { zIndex: l.z } : {}),
          ...(old?.measured ? { measured: old.measured } : {}),
        };
        return node;
      });
      sigs.current = nextSigs;
      return list;
    });
  }, [view, select]);
  useEffect(() => {
    // The first frame with the world drawn, for the page bench.
    if (nodes.length && !performance.getEntriesByName('sandbox-canvas').length) requestAnimationFrame(() => performance.mark('sandbox-canvas'));
  }, [nodes.length]);
  // A click on a node (not on a chip inside it) inspects the node itself.
  const onNodeClick = useCallback((_: unknown, n: Node<Data>) => {
    const [kind, ...rest] = n.id.split(':');
    const id = rest.join(':');
    if (kind === 'ci') select({ kind: 'instance', id });
    else if (kind === 'lb') select({ kind: 'loadBalancer', id });
    else if (kind === 'cp') select({ kind: 'control', id: id as 'api' });
  }, [select]);
  // Feed React Flow's measurements back, or it never considers the nodes initialised.
  const onNodesChange = useCallback((changes: NodeChange<Node<Data>>[]) => setNodes((n) => applyNodeChanges(changes, n)), []);
  return (
    <div className="canvas" role="region" aria-label="Cluster canvas: control plane and data plane">
      <ReactFlow
        nodes={nodes} nodeTypes={nodeTypes} onNodesChange={onNodesChange} onNodeClick={onNodeClick} edges={NO_EDGES}
        onlyRenderVisibleElements nodesDraggable={false} nodesConnectable={false} elementsSelectable={false} nodesFocusable={false}
        fitView fitViewOptions={{ maxZoom: 1, minZoom: 0.4, padding: 0.05 }} minZoom={0.1} maxZoom={2} proOptions={{ hideAttribution: true }}
        panOnScroll zoomOnDoubleClick={false}
      >
        <Background gap={24} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

export type { AzView };
