import type { ChartResult, ChartTable, ChartText, Locale } from '../chart.types.ts';
import { WORDS } from '../text/i18n.ts';
import { wrapText } from '../text/wrap.ts';
import { escapeXml } from './escape.ts';
import { chartIdPrefix } from './ids.ts';
import { renderLegend, type LegendItem } from './legend.ts';

/** Fonts tried in order: the reader's system font in browsers; Liberation Sans / DejaVu Sans for PNG export. */
export const FONT_FAMILY =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Liberation Sans', 'DejaVu Sans', Arial, sans-serif";
/** Margin around the chart; the drawing is `bodyWidth(width)` wide. */
export const PAD = 12;

/** Width available to a chart's drawing inside an SVG `width` pixels wide. */
export function bodyWidth(width: number): number {
  return width - 2 * PAD;
}
const INK = '#1b1f24';
const MUTED = '#4d5560';

/** What a chart hands to the frame: its drawing, legend and data. */
export interface FrameInput {
  readonly text: ChartText;
  readonly locale: Locale;
  readonly width: number;
  /** The drawing, in its own coordinates from (0, 0), `body.height` pixels tall and `bodyWidth(width)` wide. */
  readonly body: { readonly markup: string; readonly height: number };
  readonly legend?: readonly LegendItem[];
  /** `<pattern>`s and other definitions the body and legend refer to. */
  readonly defs?: string;
  readonly table: ChartTable;
  /** The generated description (used unless the caller gave one). */
  readonly description: string;
}

function textLines(
  lines: readonly string[],
  x: number,
  y: number,
  size: number,
  lineHeight: number,
  attrs: string,
): string {
  return lines
    .map(
      (line, i) =>
        `<text x="${x}" y="${y + i * lineHeight}" font-size="${size}"${attrs}>${escapeXml(line)}</text>`,
    )
    .join('');
}

/**
 * Puts a chart's drawing into the house layout — title, subtitle, legend, drawing, then "Source:" and "Note:" lines
 * — inside one accessible SVG: `role="img"`, `aria-labelledby` its `<title>`, `aria-describedby` its `<desc>`.
 */
export function frameChart(input: FrameInput): ChartResult {
  const { text, locale, width } = input;
  const words = WORDS[locale];
  const id = chartIdPrefix(text.title, text.id);
  const description = text.description ?? input.description;
  const inner = width - 2 * PAD;
  const parts: string[] = [];
  let y = PAD;

  const titleLines = wrapText(text.title, inner, 16);
  parts.push(textLines(titleLines, PAD, y + 14, 16, 20, ` font-weight="700" fill="${INK}"`));
  y += titleLines.length * 20;
  if (text.subtitle) {
    const sub = wrapText(text.subtitle, inner, 12);
    parts.push(textLines(sub, PAD, y + 13, 12, 16, ` fill="${MUTED}"`));
    y += sub.length * 16;
  }
  y += 8;
  const legend = renderLegend(input.legend ?? [], PAD, y, inner);
  if (legend.height > 0) {
    parts.push(legend.markup);
    y += legend.height + 6;
  }
  parts.push(`<g transform="translate(${PAD},${y})">${input.body.markup}</g>`);
  y += input.body.height + 8;
  const footer = [`${words.source} ${text.source}`, ...(text.note ? [`${words.note} ${text.note}`] : [])];
  for (const line of footer) {
    const lines = wrapText(line, inner, 10.5);
    parts.push(textLines(lines, PAD, y + 10, 10.5, 14, ` fill="${MUTED}"`));
    y += lines.length * 14;
  }
  const height = Math.ceil(y + PAD);

  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc" font-family="${FONT_FAMILY}" ` +
    `fill="${INK}" style="max-width:100%;height:auto">` +
    `<title id="${id}-title">${escapeXml(text.title)}</title><desc id="${id}-desc">${escapeXml(description)}</desc>` +
    (input.defs ? `<defs>${input.defs}</defs>` : '') +
    `<rect width="${width}" height="${height}" fill="#fff"/>` +
    parts.join('') +
    `</svg>`;
  return { svg, title: text.title, description, table: input.table, width, height };
}
