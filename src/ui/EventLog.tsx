import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { SimEvent } from '../sim';
import { EVENT_FILTERS, eventLogSelector, readable } from '../store/selectors/events';
import { clock } from '../store/selectors/time';
import { useRun, useSandbox } from './context';
import { memoSelector } from '../store/selectors/memo';
import type { SandboxState } from '../store/store';
import { useT } from './i18n';
import type { MessageKey } from '../i18n';
import { eventText } from './eventText';

// Keyed by the event's index in the log, so new events add items and old ones stay untouched.
const Entry = memo(function Entry({ e }: { e: SimEvent }) {
  const { locale } = useT();
  return (
    <li className={`ev ev-${e.type}`}>
      <time>{clock(e.t)}</time> {readable(eventText(locale, e))}
    </li>
  );
});

/** The labels of the worlds side by side (none for one world), the same list while they stay. */
const worldLabels = memoSelector(
  (s: SandboxState) => [s.world.variants] as const,
  ([v]) => v.map((x) => x.label),
);

/** Which pane's world the log shows, by the pane's label. */
function WorldChoice({ labels }: { labels: string[] }) {
  const t = useT();
  const chosen = useSandbox((s) => s.ui.eventsWorld);
  const run = useRun();
  return (
    <select aria-label={t('events.world')} value={chosen} onChange={(e) => run('events.world', Number(e.target.value))}>
      {labels.map((l, i) => (
        <option key={l} value={i}>
          {l}
        </option>
      ))}
    </select>
  );
}

/** The typed timeline in words, filterable (unless `filters` is false: the audience's big print); a polite live region so screen readers hear what happens. */
export function EventLog({ filters = true }: { filters?: boolean } = {}) {
  const t = useT();
  const { locale } = t;
  const [category, setCategory] = useState('all');
  const [text, setText] = useState('');
  // The text filter reads each event as its entry shows it, in the page's language.
  const select = useMemo(() => eventLogSelector(category, text, 200, (e) => readable(eventText(locale, e))), [category, text, locale]);
  const { shown: events, total, world } = useSandbox(select);
  const panes = useSandbox(worldLabels);
  const list = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  useLayoutEffect(() => {
    // The newest events stay in view unless the reader scrolled up.
    const el = list.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  });
  return (
    <section className="eventlog" aria-label={t('events.label')}>
      <div className="eventlog-head">
        <h2>{world === null ? t('events.title') : t('events.titleOf', { label: world })}</h2>
        {filters && (
          <>
            {panes.length > 1 && <WorldChoice labels={panes} />}
            <label className="field">
              <span className="sr-only">{t('events.show')}</span>
              <select aria-label={t('events.which')} value={category} onChange={(e) => setCategory(e.target.value)}>
                {EVENT_FILTERS.map((c) => (
                  <option key={c.id} value={c.id}>
                    {t(`events.filter.${c.id}` as MessageKey)}
                  </option>
                ))}
              </select>
            </label>
            <input type="search" aria-label={t('events.filter')} placeholder={t('events.filterPlaceholder')} value={text} onChange={(e) => setText(e.target.value)} />
          </>
        )}
      </div>
      <div
        ref={list}
        className="events"
        role="log"
        aria-live="polite"
        aria-relevant="additions"
        aria-label={t('events.region', { shown: events.length, total })}
        tabIndex={0}
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
        }}
      >
        {events.length === 0 ? (
          <p className="muted">{t('events.empty')}</p>
        ) : (
          <ol>
            {events.map(({ e, i }) => (
              <Entry key={i} e={e} />
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
