import { useStore, type ReactFlowState } from '@xyflow/react';
import { useT } from './i18n';
import './callouts.css';

/** A callout's bubble beside its node: its text, where on the canvas (screen pixels), and on which side. */
interface Bubble {
  id: string;
  text: string;
  x: number;
  y: number;
  side: Side;
}

type Side = 'right' | 'left' | 'below' | 'above';

/** A box on the canvas, in screen pixels. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Room the bubble takes beside a node (its widest, and the gap to the node). */
const BUBBLE_W = 280;
const GAP = 10;

/** About how tall a bubble of `text` is at its largest (the audience's type: about 24 characters a line within its 280px, 29px a line). */
export const bubbleHeight = (text: string) => Math.ceil(Math.max(1, text.length) / 24) * 29 + 16;

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * Where a bubble of `h` goes beside the node `n`: the first of its right, left, below and above that fits in the
 * view (`vw` × `vh`) and covers none of `others` (the other nodes drawn); else the first that fits; else above.
 * The point is the bubble's anchor as the CSS of its side places it (left shifts it left, above up).
 */
export function bubbleSide(n: Box, h: number, others: readonly Box[], vw: number, vh: number): { side: Side; x: number; y: number } {
  const top = Math.max(0, n.y);
  const sides: { side: Side; x: number; y: number; box: Box }[] = [
    { side: 'right', x: n.x + n.w + GAP, y: top, box: { x: n.x + n.w + GAP, y: top, w: BUBBLE_W, h } },
    { side: 'left', x: n.x - GAP, y: top, box: { x: n.x - GAP - BUBBLE_W, y: top, w: BUBBLE_W, h } },
    { side: 'below', x: Math.max(0, n.x), y: n.y + n.h + GAP, box: { x: Math.max(0, n.x), y: n.y + n.h + GAP, w: BUBBLE_W, h } },
    { side: 'above', x: Math.max(0, n.x), y: n.y - GAP, box: { x: Math.max(0, n.x), y: n.y - GAP - h, w: BUBBLE_W, h } },
  ];
  const fits = sides.filter((c) => c.box.x >= 0 && c.box.x + c.box.w <= vw && c.box.y >= 0 && c.box.y + c.box.h <= vh);
  const pick = fits.find((c) => !others.some((o) => overlaps(c.box, o))) ?? fits[0] ?? sides[3]!;
  return { side: pick.side, x: pick.x, y: pick.y };
}

/** Nodes drawn behind others (a cluster's, a zone's frame): a bubble may lie over them. */
const FRAMES = new Set(['cluster', 'zone']);

/**
 * Where each callout's bubble goes: beside its node on a side with room that covers no other node, in the
 * canvas's screen pixels, so the text keeps its size at any zoom and follows the node as the view moves.
 */
function place(s: ReactFlowState, callouts: { id: string; text: string }[]): Bubble[] {
  const [tx, ty, zoom] = s.transform;
  const box = (n: NonNullable<ReturnType<typeof s.nodeLookup.get>>): Box => {
    const p = n.internals.positionAbsolute;
    return { x: tx + p.x * zoom, y: ty + p.y * zoom, w: (n.measured?.width ?? n.width ?? 0) * zoom, h: (n.measured?.height ?? n.height ?? 0) * zoom };
  };
  const drawn = [...s.nodeLookup.values()].filter((n) => !FRAMES.has(n.type ?? ''));
  const out: Bubble[] = [];
  for (const c of callouts) {
    const n = s.nodeLookup.get(c.id);
    if (!n) continue;
    const others = drawn.filter((o) => o.id !== c.id).map(box);
    out.push({ id: c.id, text: c.text, ...bubbleSide(box(n), bubbleHeight(c.text), others, s.width, s.height) });
  }
  return out;
}

const same = (a: Bubble[], b: Bubble[]) =>
  a.length === b.length && a.every((x, i) => x.id === b[i]!.id && x.text === b[i]!.text && x.side === b[i]!.side && Math.round(x.x) === Math.round(b[i]!.x) && Math.round(x.y) === Math.round(b[i]!.y));

/**
 * Callouts pinned to nodes, over the canvas and never over their node: a small labelled bubble beside each,
 * in large type, pointing at it. The text is the demo file's, shown as text. Nothing in it takes a click.
 */
export function CalloutLayer({ callouts }: { callouts: { id: string; text: string }[] }) {
  const t = useT();
  const bubbles = useStore((s) => place(s, callouts), same);
  if (!bubbles.length) return null;
  return (
    <div className="callout-layer" aria-label={t('demo.callouts')} role="group">
      {bubbles.map((b) => (
        <p key={b.id} className={`callout-bubble ${b.side}`} data-node={b.id} style={{ left: b.x, top: b.y }}>
          <span className="sr-only">{t('demo.callout')} </span>
          {b.text}
        </p>
      ))}
    </div>
  );
}
