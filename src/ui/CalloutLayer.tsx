import { useStore, type ReactFlowState } from '@xyflow/react';
import { useT } from './i18n';
import './callouts.css';

/** A callout's bubble beside its node: its text, where on the canvas (screen pixels), and on which side. */
interface Bubble {
  id: string;
  text: string;
  x: number;
  y: number;
  side: 'right' | 'left' | 'above';
}

/** Room the bubble takes beside a node (its widest, and the gap to the node). */
const BUBBLE_W = 280;
const GAP = 10;

/**
 * Where each callout's bubble goes: beside its node on the side with room (right, else left, else above), in
 * the canvas's screen pixels, so the text keeps its size at any zoom and follows the node as the view moves.
 */
function place(s: ReactFlowState, callouts: { id: string; text: string }[]): Bubble[] {
  const [tx, ty, zoom] = s.transform;
  const out: Bubble[] = [];
  for (const c of callouts) {
    const n = s.nodeLookup.get(c.id);
    if (!n) continue;
    const p = n.internals.positionAbsolute;
    const w = (n.measured?.width ?? n.width ?? 0) * zoom;
    const left = tx + p.x * zoom;
    const top = ty + p.y * zoom;
    if (left + w + GAP + BUBBLE_W <= s.width) out.push({ id: c.id, text: c.text, x: left + w + GAP, y: Math.max(0, top), side: 'right' });
    else if (left - GAP - BUBBLE_W >= 0) out.push({ id: c.id, text: c.text, x: left - GAP, y: Math.max(0, top), side: 'left' });
    else out.push({ id: c.id, text: c.text, x: Math.max(0, left), y: top - GAP, side: 'above' });
  }
  return out;
}

const same = (a: Bubble[], b: Bubble[]) => a.length === b.length && a.every((x, i) => x.id === b[i]!.id && x.text === b[i]!.text && x.side === b[i]!.side && Math.round(x.x) === Math.round(b[i]!.x) && Math.round(x.y) === Math.round(b[i]!.y));

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
          <span className="sr-only">{t('demo.callout')} </span>{b.text}
        </p>
      ))}
    </div>
  );
}
