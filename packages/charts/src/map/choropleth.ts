import type { ChartOptions, ChartResult, Locale } from '../chart.types.ts';
import { escapeXml } from '../svg/escape.ts';
import { bodyWidth, frameChart } from '../svg/frame.ts';
import { chartIdPrefix } from '../svg/ids.ts';
import type { LegendItem } from '../svg/legend.ts';
import { hatchPattern } from '../svg/patterns.ts';
import { decimalsOf, numberFormatter, withUnit } from '../text/format.ts';
import { WORDS } from '../text/i18n.ts';
import { classify, classOf, type ClassMethod } from './classify.ts';
import { sequentialPalette } from './palette.ts';
import { mapCountries, worldFrame } from './world.ts';
import { assertCountryId } from './country-id.ts';

/** A country's value: ISO 3166-1 numeric id as three digits ("250" France), value (null = no data), display name. */
export interface CountryValue {
  readonly id: string;
  readonly value: number | null;
  /** Name in the reader's language; default: the base map's English name, else the id. */
  readonly name?: string;
}

/** Options of {@link worldChoropleth}. */
export interface ChoroplethOptions extends ChartOptions {
  readonly values: readonly CountryValue[];
  readonly unit: string;
  /** Class breaks: quantile (default), equal intervals or natural breaks (Jenks), 2–7 classes (default 5). */
  readonly classification?: { readonly method?: ClassMethod; readonly classes?: number };
  readonly decimals?: number;
  /** Header of the value column of the table (default "Value"). */
  readonly valueHeader?: string;
}

/** Default width of maps: wide enough for Europe to stay legible, small enough for a phone to scale down. */
export const MAP_WIDTH = 960;

const DESCRIBE: Record<
  Locale,
  (n: number, top: string, bottom: string, method: string, k: number, off: string[]) => string
> = {
  en: (n, top, bottom, method, k, off) =>
    `World map of ${n} ${n === 1 ? 'country' : 'countries'} with data, shaded in ${k} classes (${method}). Highest: ${top}. Lowest: ${bottom}.` +
    (off.length ? ` Not shown on the map at this scale: ${off.join(', ')}.` : ''),
  fr: (n, top, bottom, method, k, off) =>
    `Carte du monde de ${n} pays avec des données, en ${k} classes (${method}). Valeur la plus élevée : ${top}. Valeur la plus basse : ${bottom}.` +
    (off.length ? ` Non représentés à cette échelle : ${off.join(', ')}.` : ''),
};

const METHOD_NAMES: Record<Locale, Record<ClassMethod, string>> = {
  en: {
    quantile: 'quantiles',
    'equal-interval': 'equal intervals',
    'natural-breaks': 'natural breaks (Jenks)',
  },
  fr: {
    quantile: 'quantiles',
    'equal-interval': 'intervalles égaux',
    'natural-breaks': 'seuils naturels (Jenks)',
  },
};

/**
 * A world choropleth (Equal Earth projection, Natural Earth 1:110m, Antarctica left out): each country shaded by the
 * class of its value in a colour-blind-safe sequential palette, countries without data hatched, a legend of the
 * class ranges with the number of countries in each, and a hover title per country. Countries too small for the
 * base map stay in the table and are named in the description.
 * @throws {TypeError} for an id that is not three digits or appears twice, or a value that is not finite or null.
 * @throws {RangeError} for a class count outside 2–7.
 */
export function worldChoropleth(options: ChoroplethOptions): ChartResult {
  const locale = options.locale ?? 'en';
  const words = WORDS[locale];
  const width = options.width ?? MAP_WIDTH;
  const byId = new Map<string, CountryValue>();
  for (const v of options.values) {
    assertCountryId('worldChoropleth', v.id);
    if (byId.has(v.id)) throw new TypeError(`worldChoropleth: country ${v.id} is listed twice`);
    if (v.value !== null && (typeof v.value !== 'number' || !Number.isFinite(v.value))) {
      throw new TypeError(
        `worldChoropleth: value of ${v.id} must be a finite number or null (got ${String(v.value)})`,
      );
    }
    byId.set(v.id, v);
  }
  const method = options.classification?.method ?? 'quantile';
  const present = options.values.filter((v): v is CountryValue & { value: number } => v.value !== null);
  const numbers = present.map((v) => v.value);
  const fmt = numberFormatter(locale, options.decimals ?? decimalsOf(numbers));
  const classes = present.length
    ? classify(numbers, method, options.classification?.classes ?? 5)
    : undefined;
  const k = classes ? Math.max(1, classes.breaks.length - 1) : 0;
  const palette = k >= 2 ? sequentialPalette(k) : ['#6baed6'];
  const id = chartIdPrefix(options.title, options.id);
  const noDataId = `${id}-nodata`;
  const frame = worldFrame(bodyWidth(width));
  const atlasNames = new Map(mapCountries().map((c) => [c.id, c.name]));
  const nameOf = (v: CountryValue) => v.name ?? atlasNames.get(v.id) ?? v.id;

  const paths = mapCountries().map((c) => {
    const v = c.id === null ? undefined : byId.get(c.id);
    const hasValue = v !== undefined && v.value !== null && classes !== undefined;
    const fill = hasValue ? palette[classOf(v.value as number, classes.breaks)] : `url(#${noDataId})`;
    const label = v
      ? `${nameOf(v)}: ${v.value === null ? words.noData : withUnit(fmt(v.value), options.unit, locale)}`
      : `${c.name}: ${words.noData}`;
    return `<path d="${frame.path(c.feature)}" fill="${fill}"${c.id ? ` data-id="${c.id}"` : ''}><title>${escapeXml(label)}</title></path>`;
  });
  const markup = `<g class="countries" stroke="#7d8791" stroke-width="0.4" stroke-linejoin="round">${paths.join('')}</g>`;

  const legend: LegendItem[] = [];
  if (classes) {
    for (let i = 0; i < k; i++) {
      const members = numbers.filter((n) => classOf(n, classes.breaks) === i);
      const lo = members.length ? Math.min(...members) : classes.breaks[i];
      const hi = members.length ? Math.max(...members) : classes.breaks[i + 1];
      const range = lo === hi ? fmt(lo) : `${fmt(lo)}–${fmt(hi)}`;
      legend.push({ kind: 'fill', fill: palette[i], label: `${range} (${members.length})` });
    }
  }
  legend.push({ kind: 'pattern', patternId: noDataId, label: words.noData });

  const onMap = new Set(mapCountries().map((c) => c.id));
  const ranked = [...present].sort((a, b) => b.value - a.value || nameOf(a).localeCompare(nameOf(b)));
  const show = (v: CountryValue) => `${nameOf(v)}, ${withUnit(fmt(v.value), options.unit, locale)}`;
  const offMap = present.filter((v) => !onMap.has(v.id)).map(nameOf);
  const description = ranked.length
    ? DESCRIBE[locale](
        ranked.length,
        show(ranked[0]),
        show(ranked[ranked.length - 1]),
        METHOD_NAMES[locale][method],
        k,
        offMap,
      )
    : words.noData;
  const noData = options.values
    .filter((v) => v.value === null)
    .sort((a, b) => nameOf(a).localeCompare(nameOf(b)));

  return frameChart({
    text: options,
    locale,
    width,
    defs: hatchPattern(noDataId),
    body: { markup, height: frame.height },
    legend,
    description,
    table: {
      columns: [
        { key: 'country', label: words.country, type: 'text' },
        { key: 'id', label: words.code, type: 'text' },
        { key: 'value', label: options.valueHeader ?? words.value, type: 'number', unit: options.unit },
      ],
      rows: [...ranked, ...noData].map((v) => [nameOf(v), v.id, v.value]),
    },
  });
}
