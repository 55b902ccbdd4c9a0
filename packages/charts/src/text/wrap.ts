/**
 * Splits text into lines of at most `maxWidth` pixels, estimating the width of a character as `0.52 × fontSize`
 * (a little wider than the average of common sans-serif fonts, so lines rarely overflow). Deterministic: it does not
 * measure fonts, so the same text always wraps the same way.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number): string[] {
  const maxChars = Math.max(8, Math.floor(maxWidth / (0.52 * fontSize)));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= maxChars) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** Estimated width in pixels of a one-line text, with the same rule as {@link wrapText}. */
export function textWidth(text: string, fontSize: number): number {
  return text.length * 0.56 * fontSize;
}
