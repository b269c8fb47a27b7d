import { lazy, Suspense } from 'react';
import { selectPaneFigures, selectPaneViews } from '../store/selectors/panes';
import { themeOf } from '../store/actions/layout';
import type { Selection } from '../store/store';
import type { Focus } from '../content/lesson';
import { selectFocus } from '../store/selectors/canvas';
import { WorldTables } from './WorldTables';
import { useSandbox } from './context';
import { useT } from './i18n';
import { usePaneLabel } from './shownDemo';

const WorldCanvas = lazy(() => import('./canvas/WorldCanvas'));

/** A variant's pane frames every cluster of its world unless the demo frames something else. */
const WHOLE: Focus = { kind: 'cluster' };

const COLUMNS = ['compare.pane', 'compare.placed', 'compare.used', 'compare.cost', 'compare.failed'] as const;
/** Worlds of their own have the whole cost meter (EC2 and Fargate); clusters of one world, their instances'. */
const columnsOf = (worlds: boolean) => COLUMNS.map((c) => (c === 'compare.cost' && worlds ? 'compare.costWorld' : c));

/** The figures of the panes in one table, to compare at a glance (nothing without panes). */
function Comparison() {
  const rows = useSandbox(selectPaneFigures);
  const t = useT();
  const label = usePaneLabel();
  if (!rows.length) return null;
  return (
    <table className="compare">
      <caption>{t('compare.caption')}</caption>
      <thead>
        <tr>
          {columnsOf(rows[0]!.pane.variant !== undefined).map((c, i) => (
            <th key={c} scope="col" title={i === 4 ? t('compare.failedTitle') : undefined}>
              {t(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.pane.cluster ?? `variant:${r.pane.variant}`}>
            <th scope="row">{label(r.pane)}</th>
            <td>{r.placed}</td>
            <td>{t('compare.usedOf', { used: r.used, of: r.instances })}</td>
            <td>{`$${r.costUSD.toFixed(4)}`}</td>
            <td>{r.failed}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Worlds side by side, all on the one clock: each pane a world of its own (a demo's variant) framed
 * as the demo frames its world, or one cluster of the world framed on it, under its label; the
 * table below compares their figures.
 */
export function SideBySide({ onSelect, spotlight, selected = null, worldId }: { onSelect: ((s: Selection) => void) | undefined; spotlight: Selection | null; selected?: Selection | null; worldId: number }) {
  const panes = useSandbox(selectPaneViews);
  const theme = useSandbox(themeOf);
  const focus = useSandbox(selectFocus) ?? WHOLE;
  const t = useT();
  const label = usePaneLabel();
  return (
    <section className="side-by-side" aria-label={t('compare.region')}>
      <div className="worlds many">
        {panes.map(({ pane, view, clusters }) => {
          const cluster = clusters.join(', ');
          return (
            <Suspense key={`${worldId}:${pane.cluster ?? pane.variant}`} fallback={<WorldTables view={view} />}>
              <WorldCanvas
                view={view}
                focus={pane.cluster === undefined ? focus : { kind: 'cluster', name: pane.cluster }}
                theme={theme}
                spotlight={spotlight}
                // What the inspector shows is ringed in the pane of its world.
                selected={selected?.world === pane.variant ? selected : null}
                pane
                // What is clicked in a world of its own is inspected in that world.
                onSelect={onSelect && pane.variant !== undefined ? (sel) => onSelect({ ...sel, world: pane.variant }) : onSelect}
                label={t('compare.paneLabel', { label: label(pane), cluster })}
                title={
                  <>
                    {label(pane)} <span className="muted">{t('compare.cluster', { cluster })}</span>
                  </>
                }
              />
            </Suspense>
          );
        })}
      </div>
      <Comparison />
    </section>
  );
}
