/**
 * "Every figure-bearing sentence carries a source within its section." A section is the text under one `##`
 * heading (the heading itself and its `###` sub-headings included), or the text before the first `##`. A figure is a statistic: a
 * percentage, a number of millions or billions, a number with thousands separators, a decimal number or an amount
 * of money. A source is a citation with a year in brackets — "(ILO, 2021)", "(UN DESA, International Migrant
 * Stock 2024)" —, a line starting "Source:" or "Sources:", or a plain statement that the figures are fictitious,
 * invented or illustrative.
 */

const FIGURE =
  /\d+(?:[.,]\d+)?\s?(?:%|per cent|percent)|\b\d+(?:\.\d+)?\s?(?:million|billion)\b|\b\d{1,3}(?:,\d{3})+\b|\b\d+\.\d+\b|\b(?:USD|US\$|EUR|€)\s?\d/i;
const SOURCE =
  /\([^()]*\b(?:19|20)\d\d\b[^()]*\)|(?:^|\n)\s*(?:[-*]\s*)?(?:\*\*)?Sources?(?:\*\*)?\s*:|\b(?:fictitious|invented|illustrative|hypothetical)\b/i;

/**
 * Text the check ignores: code, link targets, version-like numbers (SDG 10.7.1), the bases of rates ("per 100,000",
 * "× 1,000") and classification names (ISIC Rev.4). A paragraph number such as 1.463 still counts as a figure.
 */
function visibleText(line: string): string {
  return line
    .replace(/`[^`]*`/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/\[\[([^\]|]+\|)?([^\]]+)\]\]/g, '$2')
    .replace(/\b\d+(?:\.\d+){2,}\b/g, ' ')
    .replace(/(?:\bper|[×x*])\s?(?:1,000|10,000|100,000)\b/gi, ' ')
    .replace(/\b(?:ISIC|ISCO|ICSE|ISCED)[-\s]?(?:Rev\.)?\s?\d+/gi, ' ');
}

/** A section with a figure and no source: where its first figure is. */
export interface UnsourcedFigure {
  /** 1-based line of the first figure-bearing line, counted from `firstLine`. */
  readonly line: number;
  /** The section heading ('' before the first `##`). */
  readonly section: string;
  /** The figure found. */
  readonly figure: string;
}

/**
 * Lists the sections of a Markdown body that contain a figure but no source.
 * @example findUnsourcedFigures('## A\nMigrants were 4.9% of workers.\n## B\nThey were 4.9% (ILO, 2021).', 1)
 * // [{ line: 2, section: 'A', figure: '4.9%' }]
 */
export function findUnsourcedFigures(markdown: string, firstLine: number): UnsourcedFigure[] {
  const found: UnsourcedFigure[] = [];
  let section = { heading: '', text: '', figure: null as null | { line: number; figure: string } };
  const close = () => {
    if (section.figure && !SOURCE.test(section.text))
      found.push({ line: section.figure.line, section: section.heading, figure: section.figure.figure });
  };
  let inFence = false;
  markdown.split('\n').forEach((raw, i) => {
    if (/^\s*(```|~~~)/.test(raw)) {
      inFence = !inFence;
      return;
    }
    if (inFence) return;
    const heading = /^##\s+(.*)$/.exec(raw);
    if (heading) {
      close();
      section = { heading: heading[1].trim(), text: `${visibleText(raw)}\n`, figure: null };
      return;
    }
    const line = visibleText(raw);
    section.text += `${line}\n`;
    const figure = FIGURE.exec(line);
    if (figure && !section.figure) section.figure = { line: firstLine + i, figure: figure[0].trim() };
  });
  close();
  return found;
}
