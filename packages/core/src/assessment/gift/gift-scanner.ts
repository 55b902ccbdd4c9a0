import { GiftSyntaxError, type GiftErrorCode } from './gift.errors.ts';

/** One source character after escape processing: `esc` marks a character written with a backslash. */
export interface Ch {
  readonly c: string;
  readonly esc: boolean;
  readonly line: number;
  readonly col: number;
}

/** A run of non-blank, non-comment lines: one question or one `$CATEGORY:` line. */
export interface Block {
  readonly chars: readonly Ch[];
  readonly line: number;
}

const ESCAPABLE = new Set(['~', '=', '#', '{', '}', ':', '\\']);

/** Converts one source line to characters, resolving `\~ \= \# \{ \} \: \\` and `\n` (a newline). */
function scanLine(text: string, line: number, out: Ch[]): void {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '\\' && next !== undefined && (ESCAPABLE.has(next) || next === 'n')) {
      out.push({ c: next === 'n' ? '\n' : next, esc: true, line, col: i + 1 });
      i++;
    } else {
      out.push({ c, esc: false, line, col: i + 1 });
    }
  }
}

/**
 * Splits GIFT source into blocks: questions are separated by blank lines, and lines whose first non-blank
 * characters are `//` are comments (removed without ending the block).
 */
export function scanBlocks(source: string): Block[] {
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const blocks: Block[] = [];
  let current: Ch[] = [];
  let startLine = 0;
  const flush = (): void => {
    if (current.length > 0) blocks.push({ chars: current, line: startLine });
    current = [];
  };
  lines.forEach((text, index) => {
    const line = index + 1;
    const trimmed = text.trim();
    if (trimmed === '') return flush();
    if (trimmed.startsWith('//')) return;
    if (current.length === 0) startLine = line;
    else current.push({ c: '\n', esc: false, line: line - 1, col: 0 });
    scanLine(text, line, current);
  });
  flush();
  return blocks;
}

/** The plain text of some characters. */
export function textOf(chars: readonly Ch[]): string {
  return chars.map((ch) => ch.c).join('');
}

/** Removes leading and trailing whitespace characters (escaped newlines included, as Moodle does). */
export function trimChars(chars: readonly Ch[]): readonly Ch[] {
  let start = 0;
  let end = chars.length;
  while (start < end && /\s/.test(chars[start].c)) start++;
  while (end > start && /\s/.test(chars[end - 1].c)) end--;
  return chars.slice(start, end);
}

/** Index of the first unescaped `c` at or after `from`, or -1. */
export function findUnescaped(chars: readonly Ch[], c: string, from = 0): number {
  for (let i = from; i < chars.length; i++) if (!chars[i].esc && chars[i].c === c) return i;
  return -1;
}

/** Index of the first unescaped occurrence of the sequence `seq` at or after `from`, or -1. */
export function findSequence(chars: readonly Ch[], seq: string, from = 0): number {
  outer: for (let i = from; i + seq.length <= chars.length; i++) {
    for (let k = 0; k < seq.length; k++) if (chars[i + k].esc || chars[i + k].c !== seq[k]) continue outer;
    return i;
  }
  return -1;
}

/** Splits at every unescaped character in `separators`, keeping which separator opened each part. */
export function splitUnescaped(
  chars: readonly Ch[],
  separators: string,
): { sep: string; part: readonly Ch[] }[] {
  const parts: { sep: string; part: readonly Ch[] }[] = [];
  let sep = '';
  let start = 0;
  chars.forEach((ch, i) => {
    if (!ch.esc && separators.includes(ch.c)) {
      parts.push({ sep, part: chars.slice(start, i) });
      sep = ch.c;
      start = i + 1;
    }
  });
  parts.push({ sep, part: chars.slice(start) });
  return parts;
}

/** Throws a GiftSyntaxError located at `at` (or at the fallback position when `at` is missing). */
export function failAt(
  code: GiftErrorCode,
  at: Ch | undefined,
  fallback: { line: number; col: number },
  reason: string,
): never {
  throw new GiftSyntaxError(code, at?.line ?? fallback.line, at?.col ?? fallback.col, reason);
}
