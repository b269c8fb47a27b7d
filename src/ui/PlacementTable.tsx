import { placementDetail, placementRows, type PlacementRow } from '../store/selectors/placement';
import type { Inspection } from '../store/selectors/inspector';
import { clock } from '../store/selectors/time';
import { useT } from './i18n';
import type { MessageKey } from '../i18n';
import type { PlacementNoteForm } from '../sim';

/** The engine's fixed notes on a placement decision, by the form its trace carries beside the English. */
const NOTE_KEYS: Record<PlacementNoteForm, MessageKey> = { service: 'placement.note.service', runTask: 'placement.note.runTask', startTask: 'placement.note.startTask' };

const VERDICTS = { chosen: 'placement.verdict.chosen', rejected: 'placement.verdict.rejected', 'ranked out': 'placement.verdict.rankedOut', 'tied, not taken': 'placement.verdict.tied' } as const satisfies Record<
  PlacementRow['verdict'],
  string
>;

/** "Why here?": every candidate of the task's placement, the rule that decided it, and why in words. */
export function PlacementTable({ info }: { info: Inspection }) {
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
