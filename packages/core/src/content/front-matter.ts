/** A Markdown file split into its YAML front matter and its body. */
export interface FrontMatterSplit {
  /** The YAML between the two `---` lines. */
  readonly yaml: string;
  /** The Markdown after the closing `---`. */
  readonly body: string;
  /** 1-based line number of the first body line in the file. */
  readonly bodyLine: number;
}

/**
 * Splits `---\nyaml\n---\nbody`. Returns null when the file does not start with front matter or never closes it.
 * Line endings are normalised to `\n`.
 * @example splitFrontMatter('---\ntitle: A\n---\nHello').bodyLine // 4
 */
export function splitFrontMatter(text: string): FrontMatterSplit | null {
  const lines = normaliseNewlines(text).split('\n');
  if (lines[0]?.trimEnd() !== '---') return null;
  const close = lines.findIndex((line, i) => i > 0 && line.trimEnd() === '---');
  if (close < 0) return null;
  return {
    yaml: lines.slice(1, close).join('\n'),
    body: lines.slice(close + 1).join('\n'),
    bodyLine: close + 2,
  };
}

/** Converts CRLF and CR line endings to LF. */
export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
