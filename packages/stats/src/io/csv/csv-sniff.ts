/** Text encodings the readers detect or accept. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** What the first bytes say about the encoding, and how many BOM bytes to skip. */
export function sniffEncoding(head: Uint8Array): { encoding: TextEncodingName | undefined; bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  // No BOM: UTF-16 text of ASCII-range headers has a zero in every other byte.
  if (head.length >= 4 && head[0] !== 0 && head[1] === 0 && head[2] !== 0 && head[3] === 0) {
    return { encoding: 'utf-16le', bom: 0 };
  }
  if (head.length >= 4 && head[0] === 0 && head[1] !== 0 && head[2] === 0 && head[3] !== 0) {
    return { encoding: 'utf-16be', bom: 0 };
  }
  return { encoding: undefined, bom: 0 };
}

const CANDIDATES = [44, 59, 9, 124]; // , ; tab |

/** Per line, how often each candidate delimiter occurs outside quotes (first `maxLines` complete lines). */
function countDelimiters(sample: Uint8Array, maxLines: number): number[][] {
  const lines: number[][] = [];
  let counts = [0, 0, 0, 0];
  let inQuote = false;
  for (let p = 0; p < sample.length && lines.length < maxLines; p++) {
    const c = sample[p];
    if (c === 34) inQuote = !inQuote;
    else if (!inQuote && c === 10) {
      lines.push(counts);
      counts = [0, 0, 0, 0];
    } else if (!inQuote) {
      const k = CANDIDATES.indexOf(c);
      if (k >= 0) counts[k]++;
    }
  }
  if (lines.length === 0) lines.push(counts);
  return lines;
}

/**
 * Guesses the delimiter among `,` `;` tab `|`: the one found the same number of times (at least once) on every
 * sampled line, most often; else the most frequent on the first line; else `,`.
 *
 * @example
 * sniffDelimiter(new TextEncoder().encode('a;b\n1;2\n')); // 59 (';')
 */
export function sniffDelimiter(sample: Uint8Array): number {
  const lines = countDelimiters(sample, 50);
  let best = -1;
  let bestCount = 0;
  for (let k = 0; k < CANDIDATES.length; k++) {
    const first = lines[0][k];
    if (first > bestCount && lines.every((l) => l[k] === first)) {
      best = k;
      bestCount = first;
    }
  }
  if (best < 0) {
    for (let k = 0; k < CANDIDATES.length; k++) {
      if (lines[0][k] > bestCount) {
        best = k;
        bestCount = lines[0][k];
      }
    }
  }
  return best < 0 ? 44 : CANDIDATES[best];
}

/**
 * With `;` as delimiter, decimal commas are likely: returns 44 (',') when some unquoted field of the sample
 * looks like `12,5` and none looks like `12.5`; else 46 ('.').
 */
export function sniffDecimal(sample: Uint8Array, delimiter: number): number {
  if (delimiter !== 59) return 46;
  const text = new TextDecoder('latin1').decode(sample);
  const fields = text.split(/[;\r\n]/);
  const comma = fields.some((f) => /^\s*-?\d+,\d+\s*$/.test(f));
  const dot = fields.some((f) => /^\s*-?\d+\.\d+\s*$/.test(f));
  return comma && !dot ? 44 : 46;
}
