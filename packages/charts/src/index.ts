/**
 * @labmig/charts — accessible, server-rendered SVG charts and maps for statistics, in English and French.
 * Browser-safe (Observable Plot drawn on a linkedom document, d3-geo, no Node built-ins); PNG export lives in
 * `@labmig/charts/node`. Every chart returns `{ svg, title, description, table, width, height }`.
 */
export type { ChartOptions, ChartResult, ChartTable, ChartText, Locale, TableColumn } from './chart.types.ts';
export { barChart, type BarChartOptions, type BarDatum } from './charts/bar-chart.ts';
export { lineChart, type LineChartOptions, type LinePoint } from './charts/line-chart.ts';
export {
  estimateChart,
  estimateQuality,
  type EstimateChartOptions,
  type EstimateDatum,
  type EstimateQuality,
} from './charts/estimate-chart.ts';
export {
  heatMap,
  SCORE_COLOURS,
  type CoherenceScore,
  type HeatCell,
  type HeatMapOptions,
} from './charts/heat-map.ts';
export { worldChoropleth, MAP_WIDTH, type ChoroplethOptions, type CountryValue } from './map/choropleth.ts';
export { corridorMap, type Corridor, type CorridorMapOptions } from './map/corridors.ts';
export { classify, classOf, CLASS_LIMITS, type ClassMethod, type Classification } from './map/classify.ts';
export { sequentialPalette } from './map/palette.ts';
export { listMapCountries } from './map/world.ts';
export { tableToCsv } from './table/csv.ts';
