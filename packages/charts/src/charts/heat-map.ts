import * as Plot from '@observablehq/plot';
import type { ChartOptions, ChartResult, Locale } from '../chart.types.ts';
import { bodyWidth, frameChart } from '../svg/frame.ts';
import { renderPlot } from '../svg/plot.ts';
import { WORDS } from '../text/i18n.ts';
import { textWidth } from '../text/wrap.ts';
import { hatchPattern } from '../svg/patterns.ts';
import { chartIdPrefix } from '../svg/ids.ts';

/** A coherence score: −1 conflict, 0 neutral, +1 synergy, null not assessed yet (a gap). */
export type CoherenceScore = -1 | 0 | 1 | null;

/** One scored pair of the matrix. Pairs that are not part of the matrix are simply not listed. */
export interface HeatCell {
  readonly row: string;
  readonly column: string;
  readonly score: CoherenceScore;
  /** The evidence behind the score (shown in the table, not in the drawing). */
  readonly note?: string;
}

/** Options of {@link heatMap}. */
export interface HeatMapOptions extends ChartOptions {
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  readonly cells: readonly HeatCell[];
  /** Headers of the row and column columns of the table (e.g. "Employment policy objective"). */
  readonly rowHeader?: string;
  readonly columnHeader?: string;
}

/** Diverging colours from ColorBrewer PuOr (colour-blind safe), one per score; each cell also carries a symbol. */
export const SCORE_COLOURS = { '-1': '#e66101', '0': '#f0f0f0', '1': '#5e3c99' } as const;
const SYMBOL = { '-1': '−', '0': '0', '1': '+' } as const;

const DESCRIBE: Record<Locale, (r: number, c: number, n: Record<string, number>) => string> = {
  en: (r, c, n) =>
    `Coherence matrix of ${r} by ${c} objectives: ${n['-1']} conflicts, ${n['0']} neutral, ${n['1']} synergies, ${n.null} pairs not assessed.`,
  fr: (r, c, n) =>
    `Matrice de cohérence de ${r} objectifs sur ${c} : ${n['-1']} conflits, ${n['0']} neutres, ${n['1']} synergies, ${n.null} paires non évaluées.`,
};

/**
 * A policy-coherence matrix as a heat map: rows and columns are objectives, each scored pair a cell coloured and
 * marked −, 0 or + (so colour is never the only cue), and pairs not yet assessed hatched with "?" — the gaps.
 * @throws {TypeError} when there are no rows or columns, a cell names an unknown row or column, a pair is listed
 * twice or a score is not −1, 0, 1 or null.
 */
export function heatMap(options: HeatMapOptions): ChartResult {
  const { rows, columns, cells } = options;
  if (rows.length === 0 || columns.length === 0)
    throw new TypeError('heatMap requires at least one row and one column');
  const seen = new Set<string>();
  for (const c of cells) {
    if (!rows.includes(c.row) || !columns.includes(c.column)) {
      throw new TypeError(
        `heatMap: cell (${c.row}, ${c.column}) names a row or column that is not in the matrix`,
      );
    }
    const key = `${c.row}\u0000${c.column}`;
    if (seen.has(key)) throw new TypeError(`heatMap: the pair (${c.row}, ${c.column}) is listed twice`);
    seen.add(key);
    if (c.score !== null && c.score !== -1 && c.score !== 0 && c.score !== 1) {
      throw new TypeError(`heatMap: score must be -1, 0, 1 or null (got ${String(c.score)})`);
    }
  }
  const locale = options.locale ?? 'en';
  const words = WORDS[locale];
  const width = options.width ?? 640;
  const plotWidth = bodyWidth(width);
  const id = chartIdPrefix(options.title, options.id);
  const patternId = `${id}-gap`;
  const labelWidth = Math.min(plotWidth * 0.38, Math.max(...rows.map((r) => textWidth(r, 11))) + 10);
  const cellWidth = (plotWidth - labelWidth) / columns.length;
  // Column headers wrap within their cell: Plot's lineWidth is in ems (11 px text), an average character ~0.6 em.
  const lineWidth = Math.max(3, (cellWidth - 6) / 11);
  const headerLines = Math.max(...columns.map((c) => Math.ceil((c.length * 0.6) / lineWidth)));
  const marginTop = Math.min(5, headerLines + 1) * 13 + 6;
  const cellHeight = Math.max(26, Math.min(40, cellWidth * 0.6));
  const height = marginTop + rows.length * cellHeight + 4;
  const scored = cells.filter((c) => c.score !== null);
  const gaps = cells.filter((c) => c.score === null);

  const markup = renderPlot({
    width: plotWidth,
    height,
    marginLeft: labelWidth,
    marginTop,
    marginBottom: 4,
    marginRight: 4,
    x: { domain: columns, label: null, padding: 0.04 },
    y: { domain: rows, label: null, tickSize: 0, padding: 0.06 },
    marks: [
      Plot.axisX({ anchor: 'top', tickSize: 0, lineWidth, label: null }),
      Plot.cell(scored, {
        x: 'column',
        y: 'row',
        fill: (c: HeatCell) => SCORE_COLOURS[String(c.score) as '-1'],
      }),
      Plot.cell(gaps, { x: 'column', y: 'row', fill: `url(#${patternId})`, stroke: '#9aa3ad' }),
      Plot.text(scored, {
        x: 'column',
        y: 'row',
        text: (c: HeatCell) => SYMBOL[String(c.score) as '-1'],
        fill: (c: HeatCell) => (c.score === 0 ? '#1b1f24' : '#fff'),
        fontSize: 15,
        fontWeight: 700,
      }),
      Plot.text(gaps, {
        x: 'column',
        y: 'row',
        text: () => '?',
        fill: '#1b1f24',
        fontSize: 14,
        fontWeight: 700,
      }),
    ],
  });

  const counts: Record<string, number> = { '-1': 0, '0': 0, '1': 0, null: 0 };
  for (const c of cells) counts[String(c.score)] += 1;
  const label = (s: CoherenceScore) =>
    s === null ? words.notAssessed : s < 0 ? words.conflict : s > 0 ? words.synergy : words.neutral;
  return frameChart({
    text: options,
    locale,
    width,
    defs: hatchPattern(patternId),
    body: { markup, height },
    legend: [
      { kind: 'fill', fill: SCORE_COLOURS['-1'], label: `− ${words.conflict}` },
      { kind: 'fill', fill: SCORE_COLOURS['0'], label: `0 ${words.neutral}` },
      { kind: 'fill', fill: SCORE_COLOURS['1'], label: `+ ${words.synergy}` },
      { kind: 'pattern', patternId, label: `? ${words.notAssessed}` },
    ],
    description: DESCRIBE[locale](rows.length, columns.length, counts),
    table: {
      columns: [
        { key: 'row', label: options.rowHeader ?? (locale === 'fr' ? 'Ligne' : 'Row'), type: 'text' },
        {
          key: 'column',
          label: options.columnHeader ?? (locale === 'fr' ? 'Colonne' : 'Column'),
          type: 'text',
        },
        { key: 'score', label: locale === 'fr' ? 'Note' : 'Score', type: 'number' },
        { key: 'label', label: words.class, type: 'text' },
        { key: 'note', label: locale === 'fr' ? 'Éléments probants' : 'Evidence', type: 'text' },
      ],
      rows: cells.map((c) => [c.row, c.column, c.score, label(c.score), c.note ?? null]),
    },
  });
}
