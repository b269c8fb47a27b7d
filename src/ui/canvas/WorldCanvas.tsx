import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import { ReactFlow, ReactFlowProvider, Background, applyNodeChanges, useReactFlow, type Node, type NodeChange } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './canvas.css';
import type { WorldView } from '../../store/selectors/world';
import type { Focus } from '../../store/selectors/canvas';
import type { Theme } from '../../store/prefs';
import type { Selection } from '../../store/store';
import { boundsOf, focusNodes, frame, layoutWorld, LEGIBLE_ZOOM, PANE_ZOOM, spotlightNodes, TIGHT, type Placed } from './layout';
import { nodeTypes, type Data } from './nodes';
import { PaneContext } from './chips';
import { useT } from '../i18n';
import { CalloutLayer } from '../CalloutLayer';

export interface WorldCanvasProps {
  view: WorldView;
  /** What to frame when it opens (and while the learner has not moved the view). */
  focus: Focus | null;
  /** The canvas region's accessible name. */
  label: string;
  /** Shown in the canvas's bar, beside the zoom buttons. */
  title: ReactNode;
  theme: Theme;
  /** Inspects what is clicked; without it the canvas is read only. */
  onSelect?: (s: Selection) => void;
  /** Bumped to ask for the view to frame the focus again. */
  fitRequest?: number;
  /** What the presenter points at: lit, and every other node dimmed. */
  spotlight?: Selection | null;
  /** What the inspector shows: a task's chip is ringed while it is. */
  selected?: Selection | null;
  /** A demo's callouts of this moment, each beside the node of that id (drawn by an overlay of their own). */
  callouts?: { id: string; text: string }[];
  /** A pane of worlds side by side: laid out tight and framed whole, zoomed out as far as PANE_ZOOM if need be (else not below LEGIBLE_ZOOM). */
  pane?: boolean;
}

const NO_EDGES: never[] = [];

/** The canvas's size in pixels, followed as the window and the panes change. */
function useSize(ref: RefObject<HTMLDivElement | null>): { w: number; h: number } | null {
  const [size, setSize] = useState<{ w: number; h: number } | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = Math.round(el.clientWidth);
      const h = Math.round(el.clientHeight);
      setSize((s) => (s && s.w === w && s.h === h ? s : w > 0 && h > 0 ? { w, h } : s));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return size;
}

type Spot = { ids: Set<string>; task: string | undefined };

/** The nodes holding a task the selection names, and that task (none for any other selection). */
function spotOf(placed: Placed[], target: Selection | null | undefined): Spot {
  return target?.kind === 'task' ? { ids: spotlightNodes(placed, target), task: target.id } : { ids: new Set(), task: undefined };
}

/** What React Flow draws and what it was built from: each node's signature, and the inputs. */
interface Built {
  nodes: Node<Data>[];
  sigs: Map<string, string>;
  from: readonly [Placed[], Set<string>, Data['select'], Spot, Spot] | null;
}

/** The nodes for the placed ones: a node whose signature did not change is the same object as before, so React Flow skips it. */
function build(prev: Built, placed: Placed[], focused: Set<string>, select: Data['select'], spot: Spot, chosen: Spot): Built {
  const byId = new Map(prev.nodes.map((n) => [n.id, n]));
  const sigs = new Map<string, string>();
  const nodes = placed.map((l) => {
    const on = focused.has(l.id);
    // Under a spotlight the lit nodes stand out and the others (not the groups behind them) dim.
    const lit = spot.ids.has(l.id) ? 'lit' : spot.ids.size && l.type !== 'zone' && l.type !== 'cluster' ? 'dim' : '';
    const holds = chosen.task !== undefined && chosen.ids.has(l.id);
    const sig = `${l.x},${l.y},${l.w},${l.h},${on ? 1 : 0}${lit}${lit === 'lit' ? (spot.task ?? '') : ''}${holds ? `+${chosen.task}` : ''}|${l.sig}`;
    sigs.set(l.id, sig);
    const old = byId.get(l.id);
    if (old && prev.sigs.get(l.id) === sig && old.data.select === select) return old;
    const node: Node<Data> = {
      id: l.id,
      type: l.type,
      position: { x: l.x, y: l.y },
      data: { view: l.view, ...(select ? { select } : {}), ...(lit === 'lit' && spot.task ? { lit: spot.task } : {}), ...(holds ? { chosen: chosen.task } : {}) },
      width: l.w,
      height: l.h,
      draggable: false,
      selectable: false,
      focusable: false,
      ...(l.z !== undefined ? { zIndex: l.z } : {}),
      ...(on || lit ? { className: [on ? 'focus' : '', lit].filter(Boolean).join(' ') } : {}),
      ...(old?.measured ? { measured: old.measured } : {}),
    };
    return node;
  });
  return { nodes, sigs, from: [placed, focused, select, spot, chosen] };
}

/**
 * React Flow's nodes, rebuilt in the render that brings new placed nodes (not in an effect after it,
 * which would draw the canvas twice for each change of the world).
 */
function useNodes(placed: Placed[], focused: Set<string>, select: Data['select'], spot: Spot, chosen: Spot) {
  const [built, setBuilt] = useState<Built>({ nodes: [], sigs: new Map(), from: null });
  let current = built;
  const f = built.from;
  if (!f || f[0] !== placed || f[1] !== focused || f[2] !== select || f[3] !== spot || f[4] !== chosen) {
    current = build(built, placed, focused, select, spot, chosen);
    setBuilt(current);
  }
  // Feed React Flow's measurements back, or it never considers the nodes initialised.
  const onNodesChange = useCallback((changes: NodeChange<Node<Data>>[]) => setBuilt((b) => ({ ...b, nodes: applyNodeChanges(changes, b.nodes) })), []);
  return { nodes: current.nodes, onNodesChange };
}

const reducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

/** Above the canvas (never over it): its title, and the zoom and fit buttons. */
function CanvasBar({ title, label, zoom, fit, fitKey }: { title: ReactNode; label: string; zoom: (by: 'in' | 'out') => void; fit: () => void; fitKey: boolean }) {
  const t = useT();
  return (
    <div className="canvas-bar">
      <span className="canvas-title" title={typeof title === 'string' ? title : label}>
        {title}
      </span>
      <span className="canvas-zoom" role="group" aria-label={t('canvas.zoom')}>
        <button type="button" onClick={() => zoom('out')} aria-label={t('canvas.zoomOut')} title={t('canvas.zoomOut')}>
          −
        </button>
        <button type="button" onClick={() => zoom('in')} aria-label={t('canvas.zoomIn')} title={t('canvas.zoomIn')}>
          +
        </button>
        <button type="button" title={`${t('canvas.fit.title')}${fitKey ? ' (F)' : ''}`} aria-keyshortcuts={fitKey ? 'F' : undefined} onClick={fit}>
          {t('canvas.fit')}
        </button>
      </span>
    </div>
  );
}

/**
 * The view follows what the lesson is about until the learner pans or zooms (follow goes false);
 * Fit (F) or a new fit request follows again. fit(animate) frames the focused box now.
 */
function useFraming(placed: ReturnType<typeof layoutWorld>, focused: ReturnType<typeof focusNodes>, size: ReturnType<typeof useSize>, fitRequest: WorldCanvasProps['fitRequest'], least = LEGIBLE_ZOOM, pad = 16) {
  const rf = useReactFlow();
  const follow = useRef(true);
  const box = boundsOf(placed, focused);
  const boxKey = box ? `${box.x},${box.y},${box.w},${box.h}` : '';
  // The box is a new object each render; fit changes only when boxKey (what it names) does.
  const latestBox = useRef(box);
  latestBox.current = box;
  const fit = useCallback(
    (animate: boolean) => {
      const b = latestBox.current;
      if (!size || !b || !boxKey) return;
      void rf.setViewport(frame(b, size.w, size.h, pad, least), { duration: animate && !reducedMotion() ? 250 : 0 });
    },
    [rf, boxKey, size, least, pad],
  );
  // The first framing is at once; later ones (the world grew, the pane was resized) glide.
  const framed = useRef(false);
  useEffect(() => {
    if (!follow.current || !boxKey || !size) return;
    fit(framed.current);
    framed.current = true;
  }, [fit, boxKey, size]);
  // Only a new request fits here: the world changing is the effect above's.
  const latestFit = useRef(fit);
  latestFit.current = fit;
  useEffect(() => {
    if (!fitRequest) return;
    follow.current = true;
    latestFit.current(true);
  }, [fitRequest]);
  return { follow, fit };
}

function Flow({ view, focus, label, title, theme, onSelect, fitRequest, spotlight, selected, callouts, pane }: WorldCanvasProps) {
  const host = useRef<HTMLDivElement>(null);
  const t = useT();
  const size = useSize(host);
  const w = size?.w;
  const h = size?.h;
  const placed = useMemo(() => (w !== undefined && h !== undefined ? layoutWorld(view, w, h, focus, pane ? TIGHT : undefined) : []), [view, w, h, focus, pane]);
  const focused = useMemo(() => focusNodes(view, placed, focus), [view, placed, focus]);
  const spot = useMemo(() => ({ ids: spotlightNodes(placed, spotlight), task: spotlight?.kind === 'task' ? spotlight.id : undefined }), [placed, spotlight]);
  // Only a canvas that inspects rings what the inspector shows.
  const chosen = useMemo(() => spotOf(placed, onSelect ? selected : null), [placed, onSelect, selected]);
  const { nodes, onNodesChange } = useNodes(placed, focused, onSelect, spot, chosen);
  const rf = useReactFlow();
  const { follow, fit } = useFraming(placed, focused, size, fitRequest, pane ? PANE_ZOOM : LEGIBLE_ZOOM, pane ? 8 : 16);
  const onNodeClick = useCallback(
    (_: unknown, n: Node<Data>) => {
      if (!onSelect) return;
      // A click on a node (not on a chip inside it) inspects the node itself.
      const [kind, ...rest] = n.id.split(':');
      const id = rest.join(':');
      if (kind === 'ci') onSelect({ kind: 'instance', id });
      else if (kind === 'lb') onSelect({ kind: 'loadBalancer', id });
      else if (kind === 'cp') onSelect({ kind: 'control', id: id as 'api' });
    },
    [onSelect],
  );
  useEffect(() => {
    // The first frame with the world drawn, for the page bench.
    if (nodes.length && !performance.getEntriesByName('sandbox-canvas').length) requestAnimationFrame(() => performance.mark('sandbox-canvas'));
  }, [nodes.length]);
  const zoom = (by: 'in' | 'out') => {
    follow.current = false;
    const duration = reducedMotion() ? 0 : 150;
    void (by === 'in' ? rf.zoomIn({ duration }) : rf.zoomOut({ duration }));
  };
  const refit = () => {
    follow.current = true;
    fit(true);
  };
  return (
    <div className={pane ? 'canvas-frame pane' : 'canvas-frame'} role="region" aria-label={label}>
      <CanvasBar title={title} label={label} zoom={zoom} fit={refit} fitKey={fitRequest !== undefined} />
      <div ref={host} className="canvas">
        <PaneContext.Provider value={pane ?? false}>
          <ReactFlow
            nodes={nodes}
            nodeTypes={nodeTypes}
            onNodesChange={onNodesChange}
            onNodeClick={onNodeClick}
            edges={NO_EDGES}
            colorMode={theme}
            onlyRenderVisibleElements
            nodesDraggable={false}
            nodesConnectable={false}
            elementsSelectable={false}
            nodesFocusable={false}
            minZoom={0.1}
            maxZoom={2}
            proOptions={{ hideAttribution: true }}
            panOnScroll
            zoomOnDoubleClick={false}
            onInit={() => {
              // React Flow is ready to move its view only now: frame what matters if nothing has yet.
              if (follow.current) fit(false);
            }}
            onMoveStart={(e) => {
              // A gesture (not the view framing itself): the learner chose where to look.
              if (e) follow.current = false;
            }}
          >
            <Background gap={24} />
          </ReactFlow>
        </PaneContext.Provider>
        {callouts && callouts.length > 0 && <CalloutLayer callouts={callouts} />}
        {placed.length === 0 && size && <p className="canvas-empty">{t('canvas.empty')}</p>}
      </div>
    </div>
  );
}

/**
 * A world drawn: the local host, the control plane and load balancers, and each cluster by
 * Availability Zone, framed on what the lesson is about. Used for the learner's world and, read
 * only, for other worlds beside it (the goal a lesson's solution reaches).
 */
export default function WorldCanvas(props: WorldCanvasProps) {
  return (
    <ReactFlowProvider>
      <Flow {...props} />
    </ReactFlowProvider>
  );
}
