import { parse } from 'yaml';
import { normaliseNewlines, splitFrontMatter } from './front-matter.ts';

/** One slide of an expert presentation. */
export interface Slide {
  /** 1-based position in the deck. */
  readonly number: number;
  /** Text of the first heading, or '' when the slide has none. */
  readonly title: string;
  /** Markdown shown on the slide (without the heading line and without the notes). */
  readonly body: string;
  /** Speaker notes (the transcript), Markdown without the `Note:` prefix; '' when absent. */
  readonly notes: string;
  /** 1-based line in the file where the slide starts. */
  readonly line: number;
}

/** A parsed slides.md: front matter values and the slides. */
export interface SlideDeck {
  readonly meta: Record<string, unknown>;
  readonly slides: Slide[];
}

const HEADING = /^#{1,3}\s+(.+?)\s*#*\s*$/;
const NOTE = /^Note:\s?/;

/**
 * Parses a slides.md: optional front matter, then slides separated by a line `---`. Inside a slide, the paragraph
 * starting with `Note:` and everything after it is the speaker note.
 * @example parseSlides('# One\nHi\n\nNote: Say hi\n---\n# Two').slides.map((s) => s.notes) // ['Say hi', '']
 */
export function parseSlides(markdown: string): SlideDeck {
  const split = splitFrontMatter(markdown);
  const meta = split ? toRecord(parse(split.yaml)) : {};
  const body = split ? split.body : normaliseNewlines(markdown);
  return { meta, slides: parseSlideBody(body, split ? split.bodyLine : 1) };
}

/** Splits the body of a slides file (after front matter) into slides; `firstLine` is the body's line in the file. */
export function parseSlideBody(body: string, firstLine: number): Slide[] {
  const chunks: { lines: string[]; line: number }[] = [{ lines: [], line: firstLine }];
  body.split('\n').forEach((line, i) => {
    if (line.trimEnd() === '---') chunks.push({ lines: [], line: firstLine + i + 1 });
    else chunks[chunks.length - 1]!.lines.push(line);
  });
  return chunks
    .filter((chunk) => chunk.lines.some((l) => l.trim() !== ''))
    .map((chunk, index) => toSlide(chunk.lines, chunk.line, index + 1));
}

function toSlide(lines: string[], line: number, number: number): Slide {
  const headingAt = lines.findIndex((l) => HEADING.test(l));
  const title = headingAt >= 0 ? (HEADING.exec(lines[headingAt]!)?.[1] ?? '') : '';
  const rest = lines.filter((_, i) => i !== headingAt);
  const noteAt = rest.findIndex((l, i) => NOTE.test(l) && (i === 0 || rest[i - 1]!.trim() === ''));
  const shown = noteAt >= 0 ? rest.slice(0, noteAt) : rest;
  const notes = noteAt >= 0 ? [rest[noteAt]!.replace(NOTE, ''), ...rest.slice(noteAt + 1)] : [];
  return {
    number,
    title,
    body: shown.join('\n').trim(),
    notes: notes.join('\n').trim(),
    line: line + Math.max(headingAt, 0),
  };
}

function toRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
