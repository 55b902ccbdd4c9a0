import * as Plot from '@observablehq/plot';
import type { ChartOptions, ChartResult, Locale } from '../chart.types.ts';
import { bodyWidth, frameChart } from '../svg/frame.ts';
import { renderPlot } from '../svg/plot.ts';
import { decimalsOf, numberFormatter } from '../text/format.ts';
import { WORDS } from '../text/i18n.ts';
import { textWidth } from '../text/wrap.ts';
import { groupColour } from './palette.ts';
import { assertData, assertFiniteOrNull } from './validate.ts';

/** One point of a series: the year (or edition's reference year) and its value (null = no data, breaks the line). */
export interface LinePoint {
  readonly series: string;
  readonly year: number;
  readonly value: number | null;
}

/** Options of {@link lineChart}. */
export interface LineChartOptions extends ChartOptions {
  readonly data: readonly LinePoint[];
  readonly unit: string;
  /** Axis label; default: the unit. */
  readonly valueLabel?: string;
  readonly decimals?: number;
  /** Start the value axis at zero (default true: levels; false for rates that vary in a narrow band). */
  readonly zero?: boolean;
  /** Label every point with its value (default true; few points, as with the ILO editions). */
  readonly labelPoints?: boolean;
}

const DESCRIBE: Record<Locale, (series: string[], first: number, last: number) => string> = {
  en: (series, first, last) =>
    `Line chart of ${series.length === 1 ? series[0] : `${series.length} series (${series.join(', ')})`} from ${first} to ${last}.`,
  fr: (series, first, last) =>
    `Graphique linéaire de ${series.length === 1 ? series[0] : `${series.length} séries (${series.join(', ')})`} de ${first} à ${last}.`,
};

/**
 * Lines with dots over years — e.g. the ILO global estimates by edition. Each series is labelled at its last point
 * (no separate legend to decode), points are labelled with their values, and a missing value breaks the line.
 * @throws {TypeError} when data are empty, a year is not an integer or a value is not finite or null.
 */
export function lineChart(options: LineChartOptions): ChartResult {
  assertData('lineChart', options.data);
  for (const d of options.data) {
    assertFiniteOrNull('lineChart', d.value);
    if (!Number.isInteger(d.year)) throw new TypeError(`lineChart: year must be an integer (got ${d.year})`);
  }
  const locale = options.locale ?? 'en';
  const width = options.width ?? 640;
  const plotWidth = bodyWidth(width);
  const values = options.data.map((d) => d.value).filter((v): v is number => v !== null);
  const fmt = numberFormatter(locale, options.decimals ?? decimalsOf(values));
  const series = [...new Set(options.data.map((d) => d.series))];
  const years = [...new Set(options.data.map((d) => d.year))].sort((a, b) => a - b);
  const colour = (s: string) => groupColour(series.indexOf(s));
  const sorted = [...options.data].sort(
    (a, b) => series.indexOf(a.series) - series.indexOf(b.series) || a.year - b.year,
  );
  const points = sorted.filter((d) => d.value !== null).map((d) => ({ ...d, label: fmt(d.value) }));
  const ends = series.flatMap((s) => points.filter((p) => p.series === s).slice(-1));
  const endWidth = series.length > 1 ? Math.max(...series.map((s) => textWidth(s, 11))) + 14 : 16;
  const height = 300;

  const markup = renderPlot({
    width: plotWidth,
    height,
    marginLeft: 44,
    marginRight: endWidth,
    marginTop: 24,
    marginBottom: 32,
    x: {
      type: 'point',
      domain: years,
      label: null,
      tickFormat: (y: number) => String(y),
      padding: 0.3,
    },
    y: {
      ...(options.zero === false ? {} : { domain: [0, Math.max(...values) * 1.08] }),
      nice: true,
      grid: true,
      label: options.valueLabel ?? options.unit,
      labelArrow: 'none',
      tickFormat: (v: number) => fmt(v).replace(/[.,]0+$/, ''),
    },
    marks: [
      Plot.line(sorted, {
        x: 'year',
        y: (d: LinePoint) => d.value ?? NaN,
        z: 'series',
        stroke: (d: LinePoint) => colour(d.series),
        strokeWidth: 2,
      }),
      Plot.dot(points, {
        x: 'year',
        y: 'value',
        fill: (d: LinePoint) => colour(d.series),
        r: 3.5,
        stroke: '#fff',
      }),
      ...(options.labelPoints === false
        ? []
        : [Plot.text(points, { x: 'year', y: 'value', text: 'label', dy: -10, fill: '#1b1f24' })]),
      ...(series.length > 1
        ? [
            Plot.text(ends, {
              x: 'year',
              y: 'value',
              text: 'series',
              dx: 8,
              textAnchor: 'start',
              fill: (d: LinePoint) => colour(d.series),
              fontWeight: 600,
            }),
          ]
        : []),
    ],
  });

  const words = WORDS[locale];
  return frameChart({
    text: options,
    locale,
    width,
    body: { markup, height },
    description: DESCRIBE[locale](series, years[0], years[years.length - 1]),
    table: {
      columns: [
        { key: 'series', label: words.series, type: 'text' },
        { key: 'year', label: words.year, type: 'number' },
        { key: 'value', label: words.value, type: 'number', unit: options.unit },
      ],
      rows: sorted.map((d) => [d.series, d.year, d.value]),
    },
  });
}
