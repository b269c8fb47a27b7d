import { selectInspection } from '../store/selectors/inspector';
import { lazy, Suspense, useEffect } from 'react';
import { clock } from '../store/selectors/time';
import { readable } from '../store/selectors/events';
import { useRun, useSandbox } from './context';
import { ActionButton } from './ActionButton';
import { INSPECTOR_TABS } from '../store/actions/view';
import { messageIn, useT } from './i18n';
import { eventText } from './eventText';
import { withEnglishLater } from '../i18n';

/**
 * "Why here?" and its English are not in the first load, which never shows them: they are fetched once a
 * task is selected (the only thing with that tab), so the tab mostly opens with its table already there.
 */
let table: Promise<{ default: typeof import('./PlacementTable').PlacementTable }> | undefined;
const loadTable = () =>
  (table ??= withEnglishLater(() => import('./PlacementTable').then((m) => ({ default: m.PlacementTable })))().catch((e: unknown) => {
    table = undefined;
    throw e;
  }));
const PlacementTable = lazy(loadTable);

/** What the learner clicked: its Describe-shaped JSON, its history, and for a task why it is where it is. */
export function Inspector() {
  const run = useRun();
  const selected = useSandbox((s) => s.ui.selected);
  const tab = useSandbox((s) => s.ui.inspectorTab);
  const second = useSandbox((s) => Math.floor(s.world.now / 1000) * 1000);
  const info = useSandbox(selectInspection);
  const t = useT();
  const task = selected?.kind === 'task';
  useEffect(() => {
    if (task) loadTable().catch(() => undefined);
  }, [task]);
  if (!selected) return null;
  // "Why here?" is a task's placement decision.
  const tabs = INSPECTOR_TABS.filter((x) => x.id !== 'placement' || selected.kind === 'task');
  const active = tabs.some((x) => x.id === tab) ? tab : 'json';
  const title = !info ? t('inspector.gone') : info.said ? messageIn(t, info.said) + (info.variant ? ` (${info.variant})` : '') : info.title;
  return (
    <section className="inspector" id="inspector" aria-label={t('inspector.label')}>
      <div className="inspector-head">
        <h2 title={title}>{title}</h2>
        <ActionButton id="select.clear">{t('dialog.close')}</ActionButton>
      </div>
      <div role="tablist" aria-label={t('inspector.views')} className="tabs">
        {tabs.map((x) => (
          <button key={x.id} type="button" role="tab" id={`insp-${x.id}`} aria-selected={active === x.id} aria-controls="insp-panel" onClick={() => run('inspector.tab', x.id)}>
            {t(`inspector.tab.${x.id}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="insp-panel" aria-labelledby={`insp-${active}`} className="inspector-body" tabIndex={0}>
        {!info ? (
          <p>{t('inspector.notYet', { time: clock(second) })}</p>
        ) : active === 'json' ? (
          <pre className="json">{JSON.stringify(info.json, null, 2)}</pre>
        ) : active === 'history' ? (
          info.history.length === 0 ? (
            <p>{t('inspector.noEvents')}</p>
          ) : (
            <ol className="history">
              {info.history.map((e, i) => (
                <li key={i}>
                  <time>{clock(e.t)}</time> {readable(eventText(t.locale, e))}
                </li>
              ))}
            </ol>
          )
        ) : (
          <Suspense fallback={null}>
            <PlacementTable info={info} />
          </Suspense>
        )}
      </div>
    </section>
  );
}
