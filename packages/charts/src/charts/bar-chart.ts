import * as Plot from '@observablehq/plot';
import type { ChartOptions, ChartResult, Locale } from '../chart.types.ts';
import { bodyWidth, frameChart } from '../svg/frame.ts';
import { renderPlot } from '../svg/plot.ts';
import { decimalsOf, numberFormatter, withUnit } from '../text/format.ts';
import { WORDS } from '../text/i18n.ts';
import { textWidth } from '../text/wrap.ts';
import { categoryLayout, valueAxis } from './axes.ts';
import { groupColour, PRIMARY } from './palette.ts';
import { assertData, assertFiniteOrNull } from './validate.ts';

/** One bar: a category, its value (null = no data) and, for grouped bars, the group it belongs to. */
export interface BarDatum {
  readonly category: string;
  readonly value: number | null;
  readonly group?: string;
}

/** Options of {@link barChart}. */
export interface BarChartOptions extends ChartOptions {
  readonly data: readonly BarDatum[];
  /** Unit of the values, for the axis and the table header: "millions", "%". */
  readonly unit: string;
  /** Axis label; default: the unit. */
  readonly valueLabel?: string;
  /** Header of the category column of the table; default "Category". */
  readonly categoryLabel?: string;
  /** Header of the group column of the table; default "Group". */
  readonly groupLabel?: string;
  /** Decimals shown on bar labels; default: as many as the data have (at most 2). */
  readonly decimals?: number;
  /** Largest bar first (default) or the order given. */
  readonly sort?: 'descending' | 'none';
}

const DESCRIBE: Record<Locale, (n: number, top: string, bottom: string, groups: number) => string> = {
  en: (n, top, bottom, groups) =>
    `Bar chart of ${n} ${n === 1 ? 'category' : 'categories'}${groups > 1 ? ` in ${groups} groups` : ''}. Highest: ${top}. Lowest: ${bottom}.`,
  fr: (n, top, bottom, groups) =>
    `Diagramme en barres de ${n} catégorie${n > 1 ? 's' : ''}${groups > 1 ? ` en ${groups} groupes` : ''}. Valeur la plus élevée : ${top}. Valeur la plus basse : ${bottom}.`,
};

/**
 * A horizontal bar chart (one bar per category) or, when data carry a `group`, a grouped bar chart (one bar per
 * group within each category, colours from a colour-blind-safe palette, with a legend). Each bar is labelled with its
 * value; missing values are marked "No data". Returns the accessible SVG, a description and the data table.
 * @throws {TypeError} when data are empty or a value is not a finite number or null.
 */
export function barChart(options: BarChartOptions): ChartResult {
  assertData('barChart', options.data);
  for (const d of options.data) assertFiniteOrNull('barChart', d.value);
  const locale = options.locale ?? 'en';
  const words = WORDS[locale];
  const width = options.width ?? 640;
  const plotWidth = bodyWidth(width);
  const values = options.data.map((d) => d.value).filter((v): v is number => v !== null);
  const fmt = numberFormatter(locale, options.decimals ?? decimalsOf(values));
  const categories = unique(options.data.map((d) => d.category));
  const groups = unique(options.data.flatMap((d) => (d.group === undefined ? [] : [d.group])));
  const grouped = groups.length > 0;
  const order =
    options.sort === 'none'
      ? categories
      : [...categories].sort((a, b) => totalOf(options.data, b) - totalOf(options.data, a));

  const layout = categoryLayout(order, groups, plotWidth);
  const valueWidth =
    Math.max(...options.data.map((d) => textWidth(d.value === null ? words.noData : fmt(d.value), 11))) + 10;
  const barStep = grouped ? 16 : 26;
  const height = order.length * (grouped ? groups.length * barStep + 10 : barStep) + 44;
  const plotData = options.data.map((d) => ({
    ...d,
    x: d.value ?? 0,
    label: d.value === null ? words.noData : fmt(d.value),
  }));
  const max = Math.max(0, ...values);

  const markup = renderPlot({
    width: plotWidth,
    height,
    marginLeft: layout.marginLeft,
    marginRight: valueWidth + 4,
    marginTop: 4,
    marginBottom: 36,
    x: valueAxis(
      [Math.min(0, ...values), max === 0 ? 1 : max],
      options.valueLabel ?? options.unit,
      fmt,
      Math.max(2, Math.floor((plotWidth - layout.marginLeft) / 90)),
    ),
    ...layout.scales,
    marks: [
      Plot.barX(plotData, {
        x: 'x',
        y: grouped ? 'group' : 'category',
        ...(grouped ? { fy: 'category' } : {}),
        fill: grouped ? (d: BarDatum) => groupColour(groups.indexOf(d.group ?? '')) : PRIMARY,
        insetTop: 2,
        insetBottom: 2,
      }),
      Plot.text(plotData, {
        x: 'x',
        y: grouped ? 'group' : 'category',
        ...(grouped ? { fy: 'category' } : {}),
        text: 'label',
        dx: 4,
        textAnchor: 'start',
        fill: '#1b1f24',
      }),
      Plot.ruleX([0], { stroke: '#1b1f24' }),
    ],
  });

  const ranked = options.data.filter((d) => d.value !== null).sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  const name = (d: BarDatum) =>
    `${d.category}${d.group ? ` (${d.group})` : ''}, ${withUnit(fmt(d.value), options.unit, locale)}`;
  const description =
    ranked.length === 0
      ? words.noData
      : DESCRIBE[locale](order.length, name(ranked[0]), name(ranked[ranked.length - 1]), groups.length);
  return frameChart({
    text: options,
    locale,
    width,
    body: { markup, height },
    legend: groups.map((g, i) => ({ kind: 'fill' as const, fill: groupColour(i), label: g })),
    description,
    table: {
      columns: [
        { key: 'category', label: options.categoryLabel ?? words.category, type: 'text' },
        ...(grouped
          ? [{ key: 'group', label: options.groupLabel ?? words.group, type: 'text' as const }]
          : []),
        { key: 'value', label: words.value, type: 'number', unit: options.unit },
      ],
      rows: options.data.map((d) =>
        grouped ? [d.category, d.group ?? null, d.value] : [d.category, d.value],
      ),
    },
  });
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

function totalOf(data: readonly BarDatum[], category: string): number {
  return data
    .filter((d) => d.category === category)
    .reduce((s, d) => Math.max(s, d.value ?? -Infinity), -Infinity);
}
