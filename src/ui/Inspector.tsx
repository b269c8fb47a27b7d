import { selectInspection, type Inspection } from '../store/selectors/inspector';
import { placementDetail, placementRows, type PlacementRow } from '../store/selectors/placement';
import { clock } from '../store/selectors/time';
import { readable } from '../store/selectors/events';
import { useRun, useSandbox } from './context';
import { ActionButton } from './ActionButton';
import { INSPECTOR_TABS } from '../store/actions/view';
import { messageIn, useT } from './i18n';
import { eventText } from './eventText';
import type { MessageKey } from '../i18n';
import type { PlacementNoteForm } from '../sim';

/** The engine's fixed notes on a placement decision, by the form its trace carries beside the English. */
const NOTE_KEYS: Record<PlacementNoteForm, MessageKey> = { service: 'placement.note.service', runTask: 'placement.note.runTask', startTask: 'placement.note.startTask' };

/** What the learner clicked: its Describe-shaped JSON, its history, and for a task why it is where it is. */
export function Inspector() {
  const run = useRun();
  const selected = useSandbox((s) => s.ui.selected);
  const tab = useSandbox((s) => s.ui.inspectorTab);
  const second = useSandbox((s) => Math.floor(s.world.now / 1000) * 1000);
  const info = useSandbox(selectInspection);
  const t = useT();
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
          <PlacementTable info={info} />
        )}
      </div>
    </section>
  );
}

const VERDICTS = { chosen: 'placement.verdict.chosen', rejected: 'placement.verdict.rejected', 'ranked out': 'placement.verdict.rankedOut', 'tied, not taken': 'placement.verdict.tied' } as const satisfies Record<
  PlacementRow['verdict'],
  string
>;

/** "Why here?": every candidate of the task's placement, the rule that decided it, and why in words. */
function PlacementTable({ info }: { info: Inspection }) {
  const tr = info.trace;
  const t = useT();
  if (!tr) return <p>{t('placement.none')}</p>;
  const rows = placementRows(tr, t);
  return (
    <div>
      <p>
        {t('placement.at', { time: clock(tr.atMs) })} <code>{tr.group}</code>
        {tr.need ? <> {t('placement.need', { cpu: String(tr.need.cpu), memory: String(tr.need.memory) })}</> : null}. {t('placement.strategies', { list: tr.strategies.length ? tr.strategies.join(', ') : t('placement.nothing') })}{' '}
        {t('placement.constraints', { list: tr.constraints.length ? tr.constraints.join(', ') : t('placement.nothing') })} {t('placement.how')}
      </p>
      {tr.failure && (
        <p className="bad" role="note">
          {t('placement.notPlaced')} {tr.failure.reason}
          {tr.failure.detail ? ` (${placementDetail(tr.failure, t)})` : ''}.
        </p>
      )}
      {tr.note && <p>{tr.noteForm ? t(NOTE_KEYS[tr.noteForm]) : tr.note}</p>}
      <table className="placement">
        <caption>{t('placement.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('placement.col.candidate')}</th>
            <th scope="col">{t('placement.col.zone')}</th>
            <th scope="col">{t('placement.col.result')}</th>
            <th scope="col">{t('placement.col.rule')}</th>
          </tr>
        </thead>
        {rows.map((r, i) => (
          <tbody key={i}>
            <tr className={`candidate v-${r.verdict.split(/[ ,]+/)[0]}`}>
              <td>{r.candidate}</td>
              <td>{r.zone}</td>
              <td>{t(VERDICTS[r.verdict])}</td>
              <td>{r.rule}</td>
            </tr>
            <tr className={`why v-${r.verdict.split(/[ ,]+/)[0]}`}>
              <td colSpan={4}>
                <span className="sr-only">{t('lesson.why')} </span>
                {r.why}
              </td>
            </tr>
          </tbody>
        ))}
      </table>
    </div>
  );
}
