// The downloads of every chart: SVG, PNG (rendered on the server with resvg) and the data as CSV.
import { tableToCsv, type ChartResult } from '@labmig/charts';
import { svgToPng } from '@labmig/charts/node';
import type { ChartView } from '$lib/observatory/chart-view';

const safe = (name: string) => name.replace(/[^\w.-]/g, '_');

/** The chart as a standalone SVG file. */
export function svgResponse(chart: ChartResult, name: string, cache: string): Response {
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${chart.svg}`, {
    headers: {
      'content-type': 'image/svg+xml; charset=utf-8',
      'content-disposition': `inline; filename="${safe(name)}.svg"`,
      'cache-control': cache,
      // an SVG opened on its own runs no script and loads nothing
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    },
  });
}

/** The chart as PNG at twice its width (sharp on high-density screens and in documents). */
export function pngResponse(chart: ChartResult, name: string, cache: string): Response {
  const png = svgToPng(chart.svg, { width: Math.min(2 * chart.width, 4000) });
  return new Response(png as BodyInit, {
    headers: {
      'content-type': 'image/png',
      'content-disposition': `inline; filename="${safe(name)}.png"`,
      'cache-control': cache,
    },
  });
}

/** A text cell a spreadsheet would run as a formula, made plain text (numbers stay numbers). */
const defuse = (cell: string | number | null) =>
  typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;

/** The chart's data as CSV (UTF-8 with a byte order mark; text that looks like a formula defused). */
export function chartCsvResponse(chart: ChartResult, name: string, cache: string): Response {
  const table = { ...chart.table, rows: chart.table.rows.map((r) => r.map(defuse)) };
  return new Response(`\uFEFF${tableToCsv(table)}`, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${safe(name)}.csv"`,
      'cache-control': cache,
    },
  });
}

/**
 * The chart as a page shows it: the SVG, its title and description, and the data table. `inline: false` leaves the
 * SVG out (the page shows it as an image from its URL): a world map would otherwise be sent twice, in the HTML and
 * in the page's data.
 */
export const chartView = (chart: ChartResult, options: { inline?: boolean } = {}): ChartView => ({
  svg: options.inline === false ? '' : chart.svg,
  width: chart.width,
  height: chart.height,
  title: chart.title,
  description: chart.description,
  table: chart.table,
});
