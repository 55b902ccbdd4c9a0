import type { ChartOptions, ChartResult, Locale } from '../chart.types.ts';
import { PRIMARY } from '../charts/palette.ts';
import { escapeXml } from '../svg/escape.ts';
import { bodyWidth, frameChart } from '../svg/frame.ts';
import { chartIdPrefix } from '../svg/ids.ts';
import type { LegendItem } from '../svg/legend.ts';
import { decimalsOf, numberFormatter, withUnit } from '../text/format.ts';
import { WORDS } from '../text/i18n.ts';
import { MAP_WIDTH } from './choropleth.ts';
import { assertCountryId } from './country-id.ts';
import type { Feature } from 'geojson';
import { anchorOf, mapCountries, worldFrame, type MapCountry } from './world.ts';

/** One origin–destination corridor and its value (e.g. an SDG 10.7.1 recruitment cost indicator). */
export interface Corridor {
  readonly origin: string;
  readonly destination: string;
  readonly value: number | null;
}

/** Options of {@link corridorMap}. */
export interface CorridorMapOptions extends ChartOptions {
  readonly corridors: readonly Corridor[];
  readonly unit: string;
  readonly decimals?: number;
  /** Country names in the reader's language, by ISO numeric id; default: the base map's English names. */
  readonly names?: Readonly<Record<string, string>>;
  /** [longitude, latitude] for countries too small for the base map (e.g. Singapore "702": [103.8, 1.35]). */
  readonly points?: Readonly<Record<string, readonly [number, number]>>;
  readonly valueHeader?: string;
  /** Zoom to the countries of the corridors (default) or show the whole world. */
  readonly extent?: 'corridors' | 'world';
}

function pointFeature(lonLat: readonly [number, number]): Feature {
  return {
    type: 'Feature',
    properties: {},
    geometry: { type: 'Point', coordinates: [lonLat[0], lonLat[1]] },
  };
}

/**
 * What to keep in view for a country: its polygon, or only its anchor point when it has several polygons (France's
 * French Guiana or the USA's Alaska would otherwise widen the window), or the point the caller gave.
 */
function focusFeature(
  code: string,
  countries: ReadonlyMap<string, MapCountry>,
  points: CorridorMapOptions['points'],
): Feature[] {
  const point = points?.[code];
  if (point) return [pointFeature(point)];
  const country = countries.get(code);
  if (!country) return [];
  return country.feature.geometry.type === 'MultiPolygon'
    ? [pointFeature(anchorOf(country))]
    : [country.feature];
}

const DESCRIBE: Record<Locale, (n: number, top: string, missing: string[]) => string> = {
  en: (n, top, missing) =>
    `Map of ${n} origin–destination ${n === 1 ? 'corridor' : 'corridors'}, drawn as arrows whose width grows with the value.` +
    (top ? ` Highest: ${top}.` : '') +
    (missing.length ? ` Not drawn (country not on the map at this scale): ${missing.join(', ')}.` : ''),
  fr: (n, top, missing) =>
    `Carte de ${n} corridor${n > 1 ? 's' : ''} origine–destination, tracés en flèches dont l’épaisseur croît avec la valeur.` +
    (top ? ` Valeur la plus élevée : ${top}.` : '') +
    (missing.length ? ` Non tracés (pays non représenté à cette échelle) : ${missing.join(', ')}.` : ''),
};

/**
 * Origin–destination corridors on a grey world map: curved arrows from origin to destination (each bends to its
 * left, so A→B and B→A do not overlap), stroke width proportional to the value (1.5–7 px; dashed when the value is
 * missing), hollow circles at origins and filled ones at destinations.
 * @throws {TypeError} for an id that is not three digits or a value that is not finite or null.
 */
export function corridorMap(options: CorridorMapOptions): ChartResult {
  for (const c of options.corridors) {
    assertCountryId('corridorMap', c.origin);
    assertCountryId('corridorMap', c.destination);
    if (c.value !== null && (typeof c.value !== 'number' || !Number.isFinite(c.value))) {
      throw new TypeError(`corridorMap: value must be a finite number or null (got ${String(c.value)})`);
    }
  }
  const locale = options.locale ?? 'en';
  const words = WORDS[locale];
  const width = options.width ?? MAP_WIDTH;
  const id = chartIdPrefix(options.title, options.id);
  const countries = new Map(
    mapCountries()
      .filter((c) => c.id)
      .map((c) => [c.id as string, c]),
  );
  const involved = [...new Set(options.corridors.flatMap((c) => [c.origin, c.destination]))];
  const focus =
    (options.extent ?? 'corridors') === 'corridors'
      ? involved.flatMap((code) => focusFeature(code, countries, options.points))
      : [];
  const frame = worldFrame(bodyWidth(width), focus);
  const nameOf = (code: string) => options.names?.[code] ?? countries.get(code)?.name ?? code;
  const pointOf = (code: string): [number, number] | undefined => {
    const lonLat =
      options.points?.[code] ?? (countries.has(code) ? anchorOf(countries.get(code)!) : undefined);
    return lonLat ? (frame.projection([lonLat[0], lonLat[1]]) ?? undefined) : undefined;
  };
  const numbers = options.corridors.map((c) => c.value).filter((v): v is number => v !== null);
  const fmt = numberFormatter(locale, options.decimals ?? decimalsOf(numbers));
  const max = Math.max(0, ...numbers);
  const strokeOf = (v: number | null) => (v === null || max === 0 ? 1.5 : 1.5 + 5.5 * (v / max));
  const round = (n: number) => Math.round(n * 10) / 10;

  const base = mapCountries()
    .map((c) => `<path d="${frame.path(c.feature)}"/>`)
    .join('');
  const arcs: string[] = [];
  const ends: string[] = [];
  const missing: string[] = [];
  const sorted = [...options.corridors].sort((a, b) => (b.value ?? -1) - (a.value ?? -1));
  for (const c of [...sorted].reverse()) {
    const a = pointOf(c.origin);
    const b = pointOf(c.destination);
    const label = `${nameOf(c.origin)} → ${nameOf(c.destination)}`;
    if (!a || !b) {
      missing.push(label);
      continue;
    }
    // Control point: off the chord's midpoint, to the left of the direction of travel, by a fifth of its length.
    const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
    const [cx, cy] = [(a[0] + b[0]) / 2 + dy * 0.2, (a[1] + b[1]) / 2 - dx * 0.2];
    // Stop short of the destination's dot, along the curve's final direction, so the arrowhead stays visible.
    const [ex, ey] = [b[0] - cx, b[1] - cy];
    const back = Math.min(7, Math.hypot(ex, ey) / 3) / (Math.hypot(ex, ey) || 1);
    const end = [b[0] - ex * back, b[1] - ey * back];
    const w = round(strokeOf(c.value));
    const title = `${label}: ${c.value === null ? words.noData : withUnit(fmt(c.value), options.unit, locale)}`;
    arcs.push(
      `<path d="M${round(a[0])},${round(a[1])}Q${round(cx)},${round(cy)} ${round(end[0])},${round(end[1])}" stroke-width="${w}"` +
        `${c.value === null ? ' stroke-dasharray="4 3"' : ''} marker-end="url(#${id}-arrow)"><title>${escapeXml(title)}</title></path>`,
    );
    ends.push(
      `<circle cx="${round(a[0])}" cy="${round(a[1])}" r="3" fill="#fff"/><circle cx="${round(b[0])}" cy="${round(b[1])}" r="3.5" fill="${PRIMARY}"/>`,
    );
  }
  const clip = focus.length ? ` clip-path="url(#${id}-clip)"` : '';
  const markup =
    `<g${clip}><rect width="${bodyWidth(width)}" height="${frame.height}" fill="#f7f9fb"/>` +
    `<g fill="#e3e7eb" stroke="#fff" stroke-width="0.5">${base}</g></g>` +
    `<g fill="none" stroke="${PRIMARY}" stroke-opacity="0.8" stroke-linecap="round">${arcs.join('')}</g>` +
    `<g stroke="${PRIMARY}" stroke-width="1.5">${ends.join('')}</g>`;
  const defs =
    `<marker id="${id}-arrow" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto">` +
    `<path d="M0,0L10,5L0,10z" fill="${PRIMARY}"/></marker>` +
    `<clipPath id="${id}-clip"><rect width="${bodyWidth(width)}" height="${frame.height}"/></clipPath>`;

  const legend: LegendItem[] = [
    { kind: 'dot', fill: PRIMARY, hollow: true, label: words.origin },
    { kind: 'dot', fill: PRIMARY, label: words.destination },
  ];
  if (max > 0)
    legend.push({
      kind: 'line',
      stroke: PRIMARY,
      width: strokeOf(max),
      label: `${withUnit(fmt(max), options.unit, locale)} (max)`,
    });
  if (options.corridors.some((c) => c.value === null))
    legend.push({ kind: 'line', stroke: PRIMARY, dash: true, label: words.noData });

  const top = sorted.find((c) => c.value !== null);
  return frameChart({
    text: options,
    locale,
    width,
    defs,
    body: { markup, height: frame.height },
    legend,
    description: DESCRIBE[locale](
      options.corridors.length,
      top
        ? `${nameOf(top.origin)} → ${nameOf(top.destination)}, ${withUnit(fmt(top.value), options.unit, locale)}`
        : '',
      missing,
    ),
    table: {
      columns: [
        { key: 'origin', label: words.origin, type: 'text' },
        { key: 'destination', label: words.destination, type: 'text' },
        { key: 'value', label: options.valueHeader ?? words.value, type: 'number', unit: options.unit },
      ],
      rows: sorted.map((c) => [nameOf(c.origin), nameOf(c.destination), c.value]),
    },
  });
}
