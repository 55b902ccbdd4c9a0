import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { geoArea, geoCentroid, geoEqualEarth, geoPath, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from 'world-atlas/countries-110m.json' with { type: 'json' };

/** A country (or territory) of the base map: ISO 3166-1 numeric id ("250"), or null for the few areas without one. */
export interface MapCountry {
  readonly id: string | null;
  readonly name: string;
  readonly feature: Feature<Geometry, { name: string }>;
}

/** Antarctica is left out: no migration statistics, and it would take a fifth of the map's height. */
const ANTARCTICA = '010';

/**
 * Decimals of path coordinates, in pixels. One decimal: 43 KB gzipped for the full map; integers would save a third
 * but show steps on coastlines in the 2× PNG (docs/performance.md).
 */
const PATH_DIGITS = 1;

let countries: readonly MapCountry[] | undefined;

/**
 * The countries of the base map — Natural Earth 1:110m through world-atlas 2.0 — without Antarctica: 176 areas, of
 * which 173 have an ISO 3166-1 numeric id (N. Cyprus, Somaliland and Kosovo have none and always show "no data").
 * Small states (e.g. Singapore, Bahrain, Malta) are not in a 1:110m map.
 */
export function mapCountries(): readonly MapCountry[] {
  if (!countries) {
    const topology = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    const collection = feature(topology, topology.objects.countries) as FeatureCollection<
      Geometry,
      { name: string }
    >;
    countries = collection.features
      .filter((f) => f.id !== ANTARCTICA)
      .map((f) => ({ id: f.id === undefined ? null : String(f.id), name: f.properties.name, feature: f }));
  }
  return countries;
}

/** The ids and (English, Natural Earth) names of the countries on the base map, for joins and checks. */
export function listMapCountries(): { readonly id: string | null; readonly name: string }[] {
  return mapCountries().map(({ id, name }) => ({ id, name }));
}

/** A projection and path generator fitted to the map's width, with the height it needs. */
export interface WorldFrame {
  readonly projection: GeoProjection;
  readonly path: (f: Feature) => string;
  readonly height: number;
}

/**
 * Equal Earth (equal-area, so a choropleth does not exaggerate high latitudes) fitted to `width`, with path
 * coordinates rounded to one decimal to keep the SVG small. With `focus`, a 16:9 window around those features
 * (the caller clips the drawing to it).
 */
export function worldFrame(width: number, focus?: readonly Feature[]): WorldFrame {
  const all: FeatureCollection = {
    type: 'FeatureCollection',
    features: mapCountries().map((c) => c.feature),
  };
  if (focus && focus.length > 0) {
    // A fixed 16:9 window fitted around the focus features, with a margin so arrows and dots are not cut.
    const height = Math.round(width * 0.5625);
    const margin = Math.round(width * 0.06);
    const projection = geoEqualEarth().fitExtent(
      [
        [margin, margin],
        [width - margin, height - margin],
      ],
      { type: 'FeatureCollection', features: [...focus] },
    );
    const generator = geoPath(projection).digits(PATH_DIGITS);
    return { projection, path: (f) => generator(f) ?? '', height };
  }
  const projection = geoEqualEarth().fitWidth(width, all);
  const generator = geoPath(projection).digits(PATH_DIGITS);
  const [[, y0], [, y1]] = generator.bounds(all);
  projection.translate([projection.translate()[0], projection.translate()[1] - y0]);
  return { projection, path: (f) => generator(f) ?? '', height: Math.ceil(y1 - y0) };
}

/**
 * A point to anchor a country's symbol: the centroid of its largest polygon (the centroid of the whole
 * multipolygon would put France in the Atlantic because of French Guiana).
 */
export function anchorOf(country: MapCountry): [number, number] {
  const g = country.feature.geometry;
  if (g.type !== 'MultiPolygon') return geoCentroid(country.feature);
  let best: Polygon | undefined;
  let bestArea = -1;
  for (const coordinates of (g as MultiPolygon).coordinates) {
    const polygon: Polygon = { type: 'Polygon', coordinates };
    const area = geoArea(polygon);
    if (area > bestArea) {
      bestArea = area;
      best = polygon;
    }
  }
  return geoCentroid(best as Polygon);
}
