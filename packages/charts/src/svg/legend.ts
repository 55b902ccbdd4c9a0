import { escapeXml } from './escape.ts';
import { textWidth } from '../text/wrap.ts';

/** One legend entry: a swatch and its label. */
export type LegendItem =
  | { readonly label: string; readonly kind: 'fill'; readonly fill: string; readonly stroke?: string }
  | { readonly label: string; readonly kind: 'pattern'; readonly patternId: string }
  | {
      readonly label: string;
      readonly kind: 'line';
      readonly stroke: string;
      readonly dash?: boolean;
      readonly width?: number;
    }
  | {
      readonly label: string;
      readonly kind: 'dot';
      readonly fill: string;
      readonly hollow?: boolean;
      readonly dash?: boolean;
    };

const FONT = 11;
const SWATCH = 12;
const ROW = 18;

function swatch(item: LegendItem, x: number, y: number): string {
  switch (item.kind) {
    case 'fill':
      return `<rect x="${x}" y="${y}" width="${SWATCH}" height="${SWATCH}" fill="${item.fill}" stroke="${item.stroke ?? '#6b7785'}" stroke-width="0.5"/>`;
    case 'pattern':
      return `<rect x="${x}" y="${y}" width="${SWATCH}" height="${SWATCH}" fill="url(#${item.patternId})" stroke="#6b7785" stroke-width="0.5"/>`;
    case 'line':
      return `<line x1="${x}" x2="${x + SWATCH}" y1="${y + SWATCH / 2}" y2="${y + SWATCH / 2}" stroke="${item.stroke}" stroke-width="${item.width ?? 2}"${item.dash ? ' stroke-dasharray="3 2"' : ''}/>`;
    case 'dot': {
      const cy = y + SWATCH / 2;
      const line = `<line x1="${x - 2}" x2="${x + SWATCH + 2}" y1="${cy}" y2="${cy}" stroke="${item.fill}" stroke-width="1.5"${item.dash ? ' stroke-dasharray="3 2"' : ''}/>`;
      const fill = item.hollow ? '#fff' : item.fill;
      return `${line}<circle cx="${x + SWATCH / 2}" cy="${cy}" r="4" fill="${fill}" stroke="${item.fill}" stroke-width="1.5"/>`;
    }
  }
}

/**
 * Lays legend items out left to right, wrapping to new rows within `width`. Returns the SVG markup (positioned
 * from `top`) and the height it takes.
 */
export function renderLegend(
  items: readonly LegendItem[],
  left: number,
  top: number,
  width: number,
): { markup: string; height: number } {
  if (items.length === 0) return { markup: '', height: 0 };
  const parts: string[] = [];
  let x = left;
  let y = top;
  for (const item of items) {
    const w = SWATCH + 6 + textWidth(item.label, FONT) + 14;
    if (x > left && x + w > left + width) {
      x = left;
      y += ROW;
    }
    parts.push(swatch(item, x, y));
    parts.push(
      `<text x="${x + SWATCH + 6}" y="${y + SWATCH - 2}" font-size="${FONT}">${escapeXml(item.label)}</text>`,
    );
    x += w;
  }
  return { markup: `<g class="legend">${parts.join('')}</g>`, height: y - top + ROW };
}
