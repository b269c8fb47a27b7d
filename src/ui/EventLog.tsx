import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { SimEvent } from '../sim';
import { EVENT_FILTERS, eventLogSelector, readable } from '../store/selectors/events';
import { clock } from '../store/selectors/time';
import { useSandbox } from './context';

// Keyed by the event's index in the log, so new events add items and old ones stay untouched.
const Entry = memo(function Entry({ e }: { e: SimEvent }) {
  return <li className={`ev ev-${e.type}`}><time>{clock(e.t)}</time> {readable(e.message)}</li>;
});

/** The typed timeline in words, filterable (unless `filters` is false: the audience's big print); a polite live region so screen readers hear what happens. */
export function EventLog({ filters = true }: { filters?: boolean } = {}) {
  const [category, setCategory] = useState('all');
  const [text, setText] = useState('');
  const select = useMemo(() => eventLogSelector(category, text), [category, text]);
  const { shown: events, total } = useSandbox(select);
  const list = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  useLayoutEffect(() => {
    // The newest events stay in view unless the reader scrolled up.
    const el = list.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  });
  return (
    <section className="eventlog" aria-label="Event log">
      <div className="eventlog-head">
        <h2>Event log</h2>
        {filters && <><label className="field"><span className="sr-only">Show</span>
          <select aria-label="Which events" value={category} onChange={(e) => setCategory(e.target.value)}>
            {EVENT_FILTERS.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
          </select>
        </label>
        <input type="search" aria-label="Filter events by text" placeholder="Filter…" value={text} onChange={(e) => setText(e.target.value)} /></>}
      </div>
      <div
        ref={list} className="events" role="log" aria-live="polite" aria-relevant="additions" aria-label={`Events (${events.length} shown of ${total})`} tabIndex={0}
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
        }}
      >
        {events.length === 0 ? <p className="muted">Nothing has happened yet. Press Play, or act from the console or the editor.</p> : (
          <ol>{events.map(({ e, i }) => <Entry key={i} e={e} />)}</ol>
        )}
      </div>
    </section>
  );
}
