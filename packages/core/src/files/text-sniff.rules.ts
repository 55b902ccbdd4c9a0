/** How a text file is encoded. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** What the first bytes of a text file say. */
export type TextSniff =
  | { readonly kind: 'text'; readonly encoding: TextEncoding; readonly delimited: boolean }
  | { readonly kind: 'markup' | 'script' | 'binary' };

// Tags a browser would render or run if it ever treated the file as a page.
const MARKUP =
  /<(!doctype|html|head|body|script|iframe|svg|object|embed|meta|style|\?xml|!\[cdata\[)|<[a-z][\w:-]*[\s>/]/i;

/**
 * Decides from the first bytes (64 KB are enough) whether a file is text, and which kind: text in UTF-8, UTF-16
 * (with its byte-order mark) or Windows-1252; markup (HTML, SVG, XML) or a script (`#!`), which are refused
 * wherever documents or images are expected; or binary. `delimited` is true when the first lines hold the same
 * number of commas, semicolons, tabs or pipes (a CSV). `complete` says the bytes are the whole file (a multi-byte
 * character cut at the end of a sample is not an error).
 * @example sniffText(new TextEncoder().encode('a,b\n1,2\n'), true) // { kind: 'text', encoding: 'utf-8', delimited: true }
 */
export function sniffText(bytes: Uint8Array, complete: boolean): TextSniff {
  let encoding: TextEncoding;
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2, bytes.length - (bytes.length % 2)));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2, bytes.length - (bytes.length % 2)));
  } else {
    const decoded = decodeUtf8(bytes, complete);
    if (decoded !== undefined) {
      encoding = 'utf-8';
      text = decoded;
    } else {
      encoding = 'windows-1252';
      text = new TextDecoder('latin1').decode(bytes);
    }
  }
  // Control characters other than tab, line feed, form feed and carriage return mean binary data.
  // eslint-disable-next-line no-control-regex -- control characters are what tells binary data apart
  if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return { kind: 'binary' };
  const start = text.replace(/^\ufeff/, '').trimStart();
  if (start.startsWith('#!')) return { kind: 'script' };
  if (MARKUP.test(text.slice(0, 1024)) || start.startsWith('<')) return { kind: 'markup' };
  return { kind: 'text', encoding, delimited: looksDelimited(text) };
}

function decodeUtf8(bytes: Uint8Array, complete: boolean): string | undefined {
  // A sample may end inside a character: drop up to 3 trailing bytes of an unfinished sequence.
  for (let cut = 0; cut <= (complete ? 0 : 3); cut++) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, bytes.length - cut));
    } catch {
      // try a shorter sample
    }
  }
  return undefined;
}

function looksDelimited(text: string): boolean {
  const lines = text
    .split(/\r\n|\n|\r/)
    .filter((l) => l.length > 0)
    .slice(0, 20);
  if (lines.length === 0) return false;
  // The last line of a sample may be cut: judge on the complete ones when there are several.
  const sample = lines.length > 2 ? lines.slice(0, -1) : lines;
  return [',', ';', '\t', '|'].some((d) => {
    const counts = sample.map((l) => countOutsideQuotes(l, d));
    return counts[0]! > 0 && counts.every((c) => c === counts[0]);
  });
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) n++;
  }
  return n;
}
