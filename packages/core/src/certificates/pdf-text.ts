import { splitIntoRuns, type FaceName, type TextRun } from './pdf-fonts.ts';

/** How one line of text is set. */
export interface TextStyle {
  readonly face: FaceName;
  readonly size: number;
  readonly color: string;
  readonly characterSpacing?: number;
}

// A right-to-left line (its first strong character is Hebrew or Arabic) shows its runs from right to left;
// inside a run fontkit already orders and joins the glyphs.
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const STRONG = /[\p{L}]/u;

function orderedRuns(text: string, face: FaceName): TextRun[] {
  const runs = splitIntoRuns(text, face);
  const firstStrong = [...text].find((c) => STRONG.test(c));
  return firstStrong && RTL.test(firstStrong) ? runs.reverse() : runs;
}

// Passing features (even none: fontkit still applies each script's default shaping) makes pdfkit lay out a run
// whole. Without them it lays out word by word, and right-to-left words then come out in left-to-right order.
const WHOLE_RUN: PDFKit.Mixins.OpenTypeFeatures[] = [];

const registered = new WeakMap<PDFKit.PDFDocument, Set<string>>();

/** Selects a run's font (registered with the document under its key on first use) at `size`. */
function useFont(doc: PDFKit.PDFDocument, run: TextRun, size: number): void {
  let keys = registered.get(doc);
  if (!keys) registered.set(doc, (keys = new Set()));
  if (!keys.has(run.fontKey)) {
    // From the file's bytes: the document gets a font object of its own (see TextRun.bytes).
    doc.registerFont(run.fontKey, run.bytes);
    keys.add(run.fontKey);
  }
  doc.font(run.fontKey).fontSize(size);
}

/** Width of a line in points, every run measured in its own font. */
export function lineWidth(doc: PDFKit.PDFDocument, text: string, style: TextStyle): number {
  return orderedRuns(text, style.face).reduce((width, run) => {
    useFont(doc, run, style.size);
    return (
      width +
      doc.widthOfString(run.text, { characterSpacing: style.characterSpacing ?? 0, features: WHOLE_RUN })
    );
  }, 0);
}

/**
 * Draws one line with its baseline at `y`, starting at `x` (align left), ending at `x` (right) or centred on `x`.
 * Returns the width drawn.
 */
export function drawLine(
  doc: PDFKit.PDFDocument,
  text: string,
  style: TextStyle,
  x: number,
  y: number,
  align: 'left' | 'center' | 'right' = 'center',
): number {
  const width = lineWidth(doc, text, style);
  let cursor = align === 'left' ? x : align === 'right' ? x - width : x - width / 2;
  doc.fillColor(style.color);
  // Letter-spaced lines carry their text as ActualText, so they copy and extract as words, not "I N T E R…".
  // Other lines extract well from their glyphs (and keep per-word positions). Right-to-left lines never do:
  // poppler reverses ActualText as if it were in visual order.
  const marked = (style.characterSpacing ?? 0) > 0 && !RTL.test(text);
  if (marked) doc.markContent('Span', { actual: text });
  for (const run of orderedRuns(text, style.face)) {
    useFont(doc, run, style.size);
    const options = {
      lineBreak: false,
      baseline: 'alphabetic' as const,
      characterSpacing: style.characterSpacing ?? 0,
      features: WHOLE_RUN,
    };
    doc.text(run.text, cursor, y, options);
    cursor += doc.widthOfString(run.text, options);
  }
  if (marked) doc.endMarkedContent();
  return width;
}

/** Breaks text into lines no wider than `maxWidth` (at spaces; a single long word stays whole). */
export function wrapLines(
  doc: PDFKit.PDFDocument,
  text: string,
  style: TextStyle,
  maxWidth: number,
): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && lineWidth(doc, candidate, style) > maxWidth) {
      lines.push(current);
      current = word;
    } else current = candidate;
  }
  if (current) lines.push(current);
  return lines;
}

/**
 * The largest size from `max` down to `min` at which `text` fits `maxWidth` on one line; below `min` it is split
 * into two balanced lines (and shrunk further only if a half still does not fit).
 */
export function fitName(
  doc: PDFKit.PDFDocument,
  text: string,
  style: TextStyle,
  maxWidth: number,
  min: number,
): { lines: string[]; size: number } {
  for (let size = style.size; size >= min; size -= 1) {
    if (lineWidth(doc, text, { ...style, size }) <= maxWidth) return { lines: [text], size };
  }
  const words = text.split(/\s+/);
  let best: string[] = [text];
  let bestWidth = Number.POSITIVE_INFINITY;
  for (let cut = 1; cut < words.length; cut += 1) {
    const halves = [words.slice(0, cut).join(' '), words.slice(cut).join(' ')];
    const widest = Math.max(...halves.map((h) => lineWidth(doc, h, { ...style, size: min })));
    if (widest < bestWidth) [best, bestWidth] = [halves, widest];
  }
  let size = min;
  while (size > 8 && Math.max(...best.map((l) => lineWidth(doc, l, { ...style, size }))) > maxWidth)
    size -= 1;
  return { lines: best, size };
}
