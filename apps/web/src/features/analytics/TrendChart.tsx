import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';

export interface TrendSeries {
  key: string;
  label: string;
  /** One value per point; null is a gap (no data, or not shown to protect people). */
  values: (number | null)[];
  /** Text for a null value in the table ("not shown", "no data"), per point. */
  missing?: (string | null)[];
}

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 48, right: 16, top: 12, bottom: 36 };
/** Marker shapes and dash patterns, so series differ by more than colour. */
const MARKERS = ['circle', 'square', 'triangle', 'diamond'] as const;
const STYLES = 8;

/** Splits a series into runs of consecutive known values (a gap breaks the line). */
export function segments(values: (number | null)[]): { index: number; value: number }[][] {
  const runs: { index: number; value: number }[][] = [];
  let run: { index: number; value: number }[] = [];
  values.forEach((value, index) => {
    if (value === null) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push({ index, value });
  });
  if (run.length) runs.push(run);
  return runs;
}

/** A rounded top for the y axis: the largest value, or `min` if that is larger. */
export function niceMax(values: number[], min: number): number {
  const top = Math.max(min, ...values);
  if (top <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(top));
  return Math.ceil(top / step) * step;
}

function Marker(props: { shape: (typeof MARKERS)[number]; x: number; y: number }) {
  const { x, y } = props;
  switch (props.shape) {
    case 'circle':
      return <circle cx={x} cy={y} r={4} />;
    case 'square':
      return <rect x={x - 4} y={y - 4} width={8} height={8} />;
    case 'triangle':
      return <polygon points={`${x},${y - 5} ${x + 5},${y + 4} ${x - 5},${y + 4}`} />;
    case 'diamond':
      return <polygon points={`${x},${y - 5} ${x + 5},${y} ${x},${y + 5} ${x - 5},${y}`} />;
  }
}

/**
 * A line chart as inline SVG with a text summary for screen readers, and the same figures as a
 * table (the accessible alternative, and the place to read exact values). Series differ in
 * colour, dash pattern and marker shape; gaps are left open, never interpolated.
 */
export function TrendChart(props: {
  title: string;
  points: string[];
  series: TrendSeries[];
  format: (value: number) => string;
  /** The y axis reaches at least this far (e.g. 1 for shares). */
  minTop?: number;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { points, series, format } = props;
  const known = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const top = niceMax(known, props.minTop ?? 0);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) =>
    PAD.left + (points.length <= 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const ticks = [0, top / 2, top];
  // Label every point when few, else about six of them.
  const every = Math.max(1, Math.ceil(points.length / 6));
  const summary = t('analytics.chart.summary', {
    title: props.title,
    count: points.length,
    first: points[0] ?? '',
    last: points[points.length - 1] ?? '',
    series: series.map((s) => s.label).join(', '),
  });
  return (
    <figure className="pvi-trend" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="pvi-trend__title">
        {props.title}
      </figcaption>
      {known.length === 0 ? (
        <p className="pvi-muted">{t('analytics.chart.empty')}</p>
      ) : (
        <svg
          className="pvi-trend__svg"
          viewBox={`0 0 ${String(WIDTH)} ${String(HEIGHT)}`}
          role="img"
          aria-label={summary}
        >
          {ticks.map((v) => (
            <g key={v} className="pvi-trend__grid">
              <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} />
              <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end">
                {format(v)}
              </text>
            </g>
          ))}
          {points.map((p, i) =>
            i % every === 0 || i === points.length - 1 ? (
              <text
                key={p}
                className="pvi-trend__axis"
                x={x(i)}
                y={HEIGHT - 12}
                textAnchor="middle"
              >
                {p}
              </text>
            ) : null,
          )}
          {series.map((s, n) => (
            <g key={s.key} className={`pvi-trend__series pvi-trend__series--${String(n % STYLES)}`}>
              {segments(s.values).map((run) =>
                run.length > 1 ? (
                  <polyline
                    key={run[0]!.index}
                    fill="none"
                    points={run.map((r) => `${String(x(r.index))},${String(y(r.value))}`).join(' ')}
                  />
                ) : null,
              )}
              {s.values.map((v, i) =>
                v === null ? null : (
                  <Marker key={i} shape={MARKERS[n % MARKERS.length]!} x={x(i)} y={y(v)} />
                ),
              )}
            </g>
          ))}
        </svg>
      )}
      {series.length > 1 && known.length > 0 && (
        <ul className="pvi-trend__legend" aria-hidden="true">
          {series.map((s, n) => (
            <li key={s.key}>
              <svg
                className={`pvi-trend__series--${String(n % STYLES)}`}
                width="36"
                height="12"
                viewBox="0 0 36 12"
              >
                <line x1="2" x2="34" y1="6" y2="6" />
                <Marker shape={MARKERS[n % MARKERS.length]!} x={18} y={6} />
              </svg>
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <details className="pvi-trend__table">
        <summary>{t('analytics.chart.asTable', { title: props.title })}</summary>
        <div className="pvi-table-wrap" role="region" aria-label={props.title} tabIndex={0}>
          <Table>
            <caption className="pvi-visually-hidden">{props.title}</caption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('analytics.chart.when')}</TableHeaderCell>
                {series.map((s) => (
                  <TableHeaderCell scope="col" key={s.key}>
                    {s.label}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {points.map((p, i) => (
                <TableRow key={p}>
                  <TableHeaderCell scope="row">{p}</TableHeaderCell>
                  {series.map((s) => {
                    const v = s.values[i];
                    return (
                      <TableCell key={s.key}>
                        {v === null || v === undefined
                          ? (s.missing?.[i] ?? t('analytics.chart.noValue'))
                          : format(v)}
                      </TableCell>
                    );
                  })}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </details>
    </figure>
  );
}
