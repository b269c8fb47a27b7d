import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { PANE_LIMITS, type PaneId } from '../store/prefs';
import { useRun, useSandbox } from './context';
import { useT } from './i18n';

/**
 * A handle between two panes that resizes one of them: dragged with the pointer, or focused and
 * moved with the arrow keys (Shift for bigger steps, Home and End for the smallest and largest).
 * `side` says where the pane is: before the handle (left, above) or after it (right, below).
 */
export function Separator({ pane, side, orientation, controls }: { pane: PaneId; side: 'before' | 'after'; orientation: 'vertical' | 'horizontal'; controls: string }) {
  const run = useRun();
  const size = useSandbox((s) => s.ui.panes[pane]);
  const drag = useRef<{ start: number; from: number; frame: number } | null>(null);
  const limits = PANE_LIMITS[pane];
  const t = useT();
  const label = t(`pane.${pane}`);
  const along = (e: { clientX: number; clientY: number }) => (orientation === 'vertical' ? e.clientX : e.clientY);
  const grows = side === 'before' ? 1 : -1;
  // The size the pane has on screen: the window may hold it smaller than asked, and a pane not resized yet takes the page's size.
  const shownSize = (el: HTMLElement) => {
    const target = (side === 'before' ? el.previousElementSibling : el.nextElementSibling) as HTMLElement | null;
    return target ? (orientation === 'vertical' ? target.getBoundingClientRect().width : target.getBoundingClientRect().height) : size;
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    drag.current = { start: along(e), from: shownSize(el), frame: 0 };
    el.setPointerCapture(e.pointerId);
    el.classList.add('dragging');
    e.preventDefault();
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    const next = d.from + (along(e) - d.start) * grows;
    cancelAnimationFrame(d.frame);
    d.frame = requestAnimationFrame(() => run('pane.resize', { pane, size: next }));
  };
  const end = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    drag.current = null;
    e.currentTarget.classList.remove('dragging');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 64 : 16;
    const keys: Record<string, number> = orientation === 'vertical' ? { ArrowRight: step * grows, ArrowLeft: -step * grows } : { ArrowDown: step * grows, ArrowUp: -step * grows };
    let next: number | undefined;
    if (e.key in keys) next = Math.round(shownSize(e.currentTarget)) + keys[e.key]!;
    else if (e.key === 'Home') next = limits.min;
    else if (e.key === 'End') next = limits.max;
    if (next === undefined) return;
    e.preventDefault();
    run('pane.resize', { pane, size: next });
  };
  return (
    <div
      className="separator"
      role="separator"
      tabIndex={0}
      aria-orientation={orientation}
      aria-controls={controls}
      aria-label={label}
      aria-valuenow={size}
      aria-valuemin={limits.min}
      aria-valuemax={limits.max}
      aria-valuetext={t('pane.pixels', { size })}
      title={t('pane.title', { label })}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={end}
      onPointerCancel={end}
      onKeyDown={onKeyDown}
    />
  );
}
