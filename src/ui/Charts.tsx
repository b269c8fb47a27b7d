import { memo } from 'react';
import { niceScale, selectCharts, type ChartSpec } from '../store/selectors/charts';
import { clock } from '../store/selectors/time';
import { useSandbox } from './context';
import { useT } from './i18n';
import { formatNumber, type Message } from '../i18n';

const W = 460;
const H = 160;
const PAD = { l: 44, r: 10, t: 10, b: 22 };

const tickText = (v: number) => String(+v.toPrecision(6));

/** Lines drawn wide and pale beneath the others, so a line that equals another (desired = running) still shows. */
const UNDER = new Set(['desired']);

/** A small SVG line chart: series, horizontal thresholds (targets, alarms) and vertical marks (scaling). */
const Chart = memo(function Chart({ spec, now }: { spec: ChartSpec; now: number }) {
  const t1 = Math.max(now, 60_000);
  let vmax = 0;
  for (const s of spec.series) for (const [, v] of s.points) vmax = Math.max(vmax, v);
  for (const th of spec.thresholds) vmax = Math.max(vmax, th.value);
  const { top, step } = niceScale(vmax);
  const x = (t: number) => PAD.l + (t / t1) * (W - PAD.l - PAD.r);
  const y = (v: number) => H - PAD.b - (v / top) * (H - PAD.t - PAD.b);
  const ticks: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(v);
  const last = spec.series.map((s) => s.points[s.points.length - 1]);
  const t = useT();
  const said = (x: { label: string; said?: Message }) => (x.said ? t(x.said.key, x.said.params) : x.label);
  const title = spec.said ? t(spec.said.key, spec.said.params) : spec.title;
  const summary = spec.series.map((s, i) => `${said(s)}: ${last[i] ? formatNumber(t.locale, +last[i]![1].toFixed(2)) : t('charts.noData')}`).join(', ');
  // The pale wide lines first, so the thin ones are drawn over them.
  const order = spec.series.map((s, i) => ({ s, i })).sort((a, b) => Number(UNDER.has(b.s.label)) - Number(UNDER.has(a.s.label)));
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`${title}. ${t('charts.latest', { summary })}${spec.thresholds.length ? ` ${t('charts.lines', { lines: spec.thresholds.map((th) => said(th)).join(', ') })}` : ''}${spec.marks.length ? ` ${t('charts.marks', { count: spec.marks.length })}` : ''}`}
      >
        {ticks.map((v) => (
          <g key={v}>
            {v > 0 && <line x1={PAD.l} x2={W - PAD.r} y1={y(v)} y2={y(v)} className="grid" />}
            <text x={PAD.l - 4} y={y(v) + 3.5} className="tick" textAnchor="end">
              {tickText(v)}
            </text>
          </g>
        ))}
        <line x1={PAD.l} y1={H - PAD.b} x2={W - PAD.r} y2={H - PAD.b} className="axis" />
        <line x1={PAD.l} y1={PAD.t} x2={PAD.l} y2={H - PAD.b} className="axis" />
        <text x={PAD.l} y={H - 6} className="tick">
          0:00:00
        </text>
        <text x={W - PAD.r} y={H - 6} className="tick" textAnchor="end">
          {clock(t1)}
        </text>
        {spec.marks.map((m, i) => (
          <line key={`m${i}`} x1={x(m.t)} x2={x(m.t)} y1={PAD.t} y2={H - PAD.b} className="mark">
            <title>{`${clock(m.t)} ${m.label}`}</title>
          </line>
        ))}
        {spec.thresholds.map((th, i) => (
          <g key={`t${i}`}>
            <line x1={PAD.l} x2={W - PAD.r} y1={y(th.value)} y2={y(th.value)} className="threshold" />
            <text x={i % 2 ? PAD.l + 4 : W - PAD.r - 2} y={y(th.value) + (i % 2 ? 11 : -3)} className="tick" textAnchor={i % 2 ? 'start' : 'end'}>
              {said(th)}
            </text>
          </g>
        ))}
        {order.map(({ s, i }) => (
          <polyline key={s.label} className={`series series-${i % 6}${UNDER.has(s.label) ? ' under' : ''}`} points={s.points.map(([t, v]) => `${x(t).toFixed(1)},${y(v).toFixed(1)}`).join(' ')} />
        ))}
      </svg>
      <ul className="legend">
        {spec.series.map((s, i) => (
          <li key={s.label}>
            <span className={`swatch series-${i % 6}${UNDER.has(s.label) ? ' under' : ''}`} />
            {said(s)}
          </li>
        ))}
      </ul>
    </figure>
  );
});

/** Where the numbers move: CPU against the target, task counts, capacity reservation, instances, cost. */
export function Charts() {
  // Recomputed at most once a simulated minute (the metrics are per minute), or on undo and redo.
  const minute = useSandbox((s) => Math.floor(s.world.now / 60_000));
  const specs = useSandbox(selectCharts);
  const t = useT();
  if (!specs.length) return <p className="muted">{t('charts.none')}</p>;
  return (
    <div className="charts">
      {specs.map((s) => (
        <Chart key={s.id} spec={s} now={minute * 60_000} />
      ))}
    </div>
  );
}
