import { lazy, Suspense } from 'react';
import { selectPaneFigures, selectPaneViews } from '../store/selectors/panes';
import { themeOf } from '../store/actions/layout';
import type { Selection } from '../store/store';
import { WorldTables } from './WorldTables';
import { useSandbox } from './context';
import { useT } from './i18n';

const WorldCanvas = lazy(() => import('./canvas/WorldCanvas'));

const COLUMNS = ['compare.pane', 'compare.placed', 'compare.used', 'compare.cost', 'compare.failed'] as const;

/** The figures of the panes in one table, to compare at a glance (nothing without panes). */
export function Comparison() {
  const rows = useSandbox(selectPaneFigures);
  const t = useT();
  if (!rows.length) return null;
  return (
    <table className="compare">
      <caption>{t('compare.caption')}</caption>
      <thead><tr>{COLUMNS.map((c, i) => <th key={c} scope="col" title={i === 4 ? t('compare.failedTitle') : undefined}>{t(c)}</th>)}</tr></thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.pane.cluster}>
            <th scope="row">{r.pane.label}</th>
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
 * Worlds side by side: each pane one cluster of the world (the variants of a demo, all on the one
 * clock), under its label, framed on its cluster; the table below compares their figures.
 */
export function SideBySide({ onSelect, spotlight, worldId, table }: { onSelect: ((s: Selection) => void) | undefined; spotlight: Selection | null; worldId: number; table: boolean }) {
  const panes = useSandbox(selectPaneViews);
  const theme = useSandbox(themeOf);
  const t = useT();
  return (
    <section className="side-by-side" aria-label={t('compare.region')}>
      <div className="worlds many">
        {panes.map(({ pane, view }) => (
          <Suspense key={`${worldId}:${pane.cluster}`} fallback={<WorldTables view={view} />}>
            <WorldCanvas
              view={view} focus={{ kind: 'cluster', name: pane.cluster }} theme={theme} onSelect={onSelect} spotlight={spotlight}
              label={t('compare.paneLabel', { label: pane.label, cluster: pane.cluster })} title={<>{pane.label} <span className="muted">{t('compare.cluster', { cluster: pane.cluster })}</span></>}
            />
          </Suspense>
        ))}
      </div>
      {table && <Comparison />}
    </section>
  );
}
