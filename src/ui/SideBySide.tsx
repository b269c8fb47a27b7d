import { lazy, Suspense } from 'react';
import { selectPaneFigures, selectPaneViews } from '../store/selectors/panes';
import { themeOf } from '../store/actions/layout';
import type { Selection } from '../store/store';
import { WorldTables } from './WorldTables';
import { useSandbox } from './context';

const WorldCanvas = lazy(() => import('./canvas/WorldCanvas'));

/** What the panes and their table say (plain English, in one place). */
const TEXT = {
  region: 'Worlds side by side',
  pane: (label: string, cluster: string) => `${label}: cluster ${cluster}`,
  cluster: (cluster: string) => `cluster ${cluster}`,
  caption: 'Side by side, on one clock',
  columns: ['Pane', 'Tasks placed', 'Instances used', 'EC2 cost so far', 'Failed requests'],
  failedTitle: 'API errors, and each task a RunTask or StartTask could not place',
  used: (used: number, of: number) => `${used} of ${of}`,
  cost: (usd: number) => `$${usd.toFixed(4)}`,
};

/** The figures of the panes in one table, to compare at a glance (nothing without panes). */
export function Comparison() {
  const rows = useSandbox(selectPaneFigures);
  if (!rows.length) return null;
  return (
    <table className="compare">
      <caption>{TEXT.caption}</caption>
      <thead><tr>{TEXT.columns.map((c, i) => <th key={c} scope="col" title={i === 4 ? TEXT.failedTitle : undefined}>{c}</th>)}</tr></thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.pane.cluster}>
            <th scope="row">{r.pane.label}</th>
            <td>{r.placed}</td>
            <td>{TEXT.used(r.used, r.instances)}</td>
            <td>{TEXT.cost(r.costUSD)}</td>
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
  return (
    <section className="side-by-side" aria-label={TEXT.region}>
      <div className="worlds many">
        {panes.map(({ pane, view }) => (
          <Suspense key={`${worldId}:${pane.cluster}`} fallback={<WorldTables view={view} />}>
            <WorldCanvas
              view={view} focus={{ kind: 'cluster', name: pane.cluster }} theme={theme} onSelect={onSelect} spotlight={spotlight}
              label={TEXT.pane(pane.label, pane.cluster)} title={<>{pane.label} <span className="muted">{TEXT.cluster(pane.cluster)}</span></>}
            />
          </Suspense>
        ))}
      </div>
      {table && <Comparison />}
    </section>
  );
}
