import * as Plot from '@observablehq/plot';
import type { ChartOptions, ChartResult, Locale } from '../chart.types.ts';
import { bodyWidth, frameChart } from '../svg/frame.ts';
import type { LegendItem } from '../svg/legend.ts';
import { renderPlot } from '../svg/plot.ts';
import { decimalsOf, numberFormatter } from '../text/format.ts';
import { WORDS, type Words } from '../text/i18n.ts';
import { categoryLayout, valueAxis } from './axes.ts';
import { groupColour, PRIMARY } from './palette.ts';
import { assertData, assertFiniteOrNull } from './validate.ts';

/**
 * One estimate with its confidence interval, as the Lab produces them. `flags` are the engine's quality flags:
 * `high_cv` and `small_n` mean "use with caution"; `undefined` (or a null estimate) means not available;
 * `suppressed` means withheld under the publication rules.
 */
export interface EstimateDatum {
  readonly label: string;
  readonly estimate: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly flags?: readonly string[];
  /** Optional second classification (e.g. migrants / non-migrants), drawn in colours within each label. */
  readonly group?: string;
}

/** Options of {@link estimateChart}. */
export interface EstimateChartOptions extends ChartOptions {
  readonly data: readonly EstimateDatum[];
  readonly unit: string;
  readonly valueLabel?: string;
  readonly decimals?: number;
  /** Confidence level of the intervals, for the legend (default 0.95). */
  readonly level?: number;
  /** Header of the label column of the table. */
  readonly labelHeader?: string;
}

/** The quality class of an estimate, from its flags. */
export type EstimateQuality = 'reliable' | 'caution' | 'suppressed' | 'unavailable';

/** Classifies an estimate for display: suppressed > unavailable > caution > reliable. */
export function estimateQuality(d: EstimateDatum): EstimateQuality {
  const flags = d.flags ?? [];
  if (flags.includes('suppressed')) return 'suppressed';
  if (d.estimate === null || flags.includes('undefined')) return 'unavailable';
  if (flags.includes('high_cv') || flags.includes('small_n')) return 'caution';
  return 'reliable';
}

function qualityWord(q: EstimateQuality, words: Words): string {
  return {
    reliable: words.reliable,
    caution: words.caution,
    suppressed: words.suppressed,
    unavailable: words.notAvailable,
  }[q];
}

const DESCRIBE: Record<Locale, (n: number, caution: number, missing: number) => string> = {
  en: (n, caution, missing) =>
    `Dot-and-interval chart of ${n} estimates with their confidence intervals.` +
    (caution ? ` ${caution} to be used with caution (hollow dots, dashed intervals).` : '') +
    (missing ? ` ${missing} not shown (suppressed or not available).` : ''),
  fr: (n, caution, missing) =>
    `Graphique de ${n} estimations avec leurs intervalles de confiance.` +
    (caution ? ` ${caution} à utiliser avec prudence (points creux, intervalles en pointillés).` : '') +
    (missing ? ` ${missing} non représentée(s) (supprimée(s) ou non disponible(s)).` : ''),
};

/**
 * Estimates as dots with their confidence intervals as lines; estimates flagged for low precision are hollow with a
 * dashed interval, and suppressed or unavailable ones are named in place instead of drawn. The legend explains the
 * markers and the table carries each estimate's bounds and quality.
 * @throws {TypeError} when data are empty, a number is not finite or null, or lower > upper.
 */
export function estimateChart(options: EstimateChartOptions): ChartResult {
  assertData('estimateChart', options.data);
  for (const d of options.data) {
    for (const v of [d.estimate, d.lower, d.upper]) assertFiniteOrNull('estimateChart', v);
    if (d.lower !== null && d.upper !== null && d.lower > d.upper) {
      throw new TypeError(`estimateChart: lower bound above upper bound for "${d.label}"`);
    }
  }
  const locale = options.locale ?? 'en';
  const words = WORDS[locale];
  const width = options.width ?? 640;
  const plotWidth = bodyWidth(width);
  const level = options.level ?? 0.95;
  const labels = [...new Set(options.data.map((d) => d.label))];
  const groups = [...new Set(options.data.flatMap((d) => (d.group === undefined ? [] : [d.group])))];
  const grouped = groups.length > 0;
  const rows = options.data.map((d) => ({ ...d, quality: estimateQuality(d) }));
  const drawn = rows.filter((d) => d.quality === 'reliable' || d.quality === 'caution');
  const hidden = rows.filter((d) => !drawn.includes(d));
  const numbers = drawn.flatMap((d) => [d.estimate, d.lower, d.upper]).filter((v): v is number => v !== null);
  const fmt = numberFormatter(locale, options.decimals ?? decimalsOf(drawn.map((d) => d.estimate ?? 0)));
  const colour = (d: EstimateDatum) => (grouped ? groupColour(groups.indexOf(d.group ?? '')) : PRIMARY);
  const layout = categoryLayout(labels, groups, plotWidth);
  const step = grouped ? 18 : 26;
  const height = labels.length * (grouped ? groups.length * step + 10 : step) + 44;
  const lo = Math.min(0, ...numbers);
  const hi = Math.max(...(numbers.length ? numbers : [1]));
  const y = grouped ? 'group' : 'label';
  const facet = grouped ? { fy: 'label' } : {};
  const dashed = drawn.filter((d) => d.quality === 'caution');
  const solid = drawn.filter((d) => d.quality === 'reliable');

  const markup = renderPlot({
    width: plotWidth,
    height,
    marginLeft: layout.marginLeft,
    marginRight: 16,
    marginTop: 4,
    marginBottom: 36,
    x: valueAxis([lo, hi], options.valueLabel ?? options.unit, fmt),
    ...layout.scales,
    marks: [
      Plot.ruleY(solid, { y, ...facet, x1: 'lower', x2: 'upper', stroke: colour, strokeWidth: 2 }),
      Plot.ruleY(dashed, {
        y,
        ...facet,
        x1: 'lower',
        x2: 'upper',
        stroke: colour,
        strokeWidth: 2,
        strokeDasharray: '4 3',
      }),
      Plot.dot(solid, { x: 'estimate', y, ...facet, fill: colour, stroke: '#fff', r: 5 }),
      Plot.dot(dashed, { x: 'estimate', y, ...facet, fill: '#fff', stroke: colour, strokeWidth: 2, r: 4.5 }),
      Plot.text(hidden, {
        x: lo,
        y,
        ...facet,
        text: (d: (typeof rows)[number]) => qualityWord(d.quality, words),
        textAnchor: 'start',
        dx: 4,
        fill: '#4d5560',
        fontStyle: 'italic',
      }),
    ],
  });

  const pct = Math.round(level * 100);
  const ciLabel =
    locale === 'fr' ? `Estimation et ${words.interval} à ${pct} %` : `Estimate and ${pct}% ${words.interval}`;
  const legend: LegendItem[] = grouped
    ? groups.map((g, i) => ({ kind: 'dot' as const, fill: groupColour(i), label: g }))
    : [{ kind: 'dot', fill: PRIMARY, label: ciLabel }];
  if (grouped)
    legend.push({
      kind: 'line',
      stroke: '#4d5560',
      label: `${pct} % ${words.interval}`.replace(/^(\d+) %/, locale === 'fr' ? '$1 %' : '$1%'),
    });
  if (dashed.length)
    legend.push({ kind: 'dot', fill: '#4d5560', hollow: true, dash: true, label: words.caution });

  return frameChart({
    text: options,
    locale,
    width,
    body: { markup, height },
    legend,
    description: DESCRIBE[locale](rows.length, dashed.length, hidden.length),
    table: {
      columns: [
        { key: 'label', label: options.labelHeader ?? words.category, type: 'text' },
        ...(grouped ? [{ key: 'group', label: words.group, type: 'text' as const }] : []),
        { key: 'estimate', label: words.estimate, type: 'number', unit: options.unit },
        { key: 'lower', label: words.lower, type: 'number', unit: options.unit },
        { key: 'upper', label: words.upper, type: 'number', unit: options.unit },
        { key: 'quality', label: words.quality, type: 'text' },
      ],
      rows: rows.map((d) => {
        const shown = d.quality === 'suppressed' ? [null, null, null] : [d.estimate, d.lower, d.upper];
        return [d.label, ...(grouped ? [d.group ?? null] : []), ...shown, qualityWord(d.quality, words)];
      }),
    },
  });
}
