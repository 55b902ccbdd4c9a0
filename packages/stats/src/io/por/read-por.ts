import { categoricalFromCodes, createDataset, numericColumn } from '../../dataset/dataset.ts';
import type { Column, Dataset } from '../../dataset/dataset.types.ts';
import { DataFileError, type DataFileErrorCode } from '../data-file-error.ts';
import { decodeWindows1252 } from '../text-decode.ts';
import { assertUniqueNames } from '../unique-names.ts';
import { PORTABLE_CHARS, PORTABLE_FIRST } from './portable-charset.ts';

/** Options for {@link readPor}. */
export interface ReadPorOptions {
  readonly source?: string;
}

const LINE = 80;
const HEADER = 200;

/** The file as one stream of 80-column lines (line ends dropped, short lines padded with spaces), with offsets back. */
function unwrap(bytes: Uint8Array): { text: Uint8Array; offsetOf: (i: number) => number } {
  const out: number[] = [];
  const lineStarts: number[] = [];
  let col = 0;
  let i = 0;
  lineStarts.push(0);
  for (; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 13 || b === 10) {
      if (b === 13 && bytes[i + 1] === 10) i++;
      while (col < LINE) {
        out.push(32);
        col++;
      }
      col = 0;
      lineStarts.push(i + 1);
      continue;
    }
    out.push(b);
    col++;
    // files without line ends: 80 columns a line anyway
    if (col === LINE && bytes[i + 1] !== 13 && bytes[i + 1] !== 10) {
      col = 0;
      lineStarts.push(i + 1);
    }
  }
  const text = Uint8Array.from(out);
  return { text, offsetOf: (k) => (lineStarts[Math.floor(k / LINE)] ?? bytes.length) + (k % LINE) };
}

/** Reads the tokens of a portable file (numbers in base 30, strings with a length), after translating bytes to codes. */
class PorCursor {
  pos = 0;
  constructor(
    private readonly codes: Uint8Array,
    private readonly raw: Uint8Array,
    private readonly offsetOf: (i: number) => number,
    private readonly file: string | undefined,
  ) {}

  fail(code: DataFileErrorCode, what: string, at = this.pos): never {
    throw new DataFileError(code, what, { file: this.file, offset: this.offsetOf(at) });
  }

  /** The portable character at the cursor ('' past the end). */
  peek(): string {
    const c = this.codes[this.pos];
    return c === undefined
      ? ''
      : c >= PORTABLE_FIRST && c < PORTABLE_FIRST + PORTABLE_CHARS.length
        ? PORTABLE_CHARS[c - PORTABLE_FIRST]
        : '\u0000';
  }

  char(): string {
    if (this.pos >= this.codes.length)
      this.fail('file.truncated', 'the file ends in the middle of a record. Copy it again.');
    const c = this.peek();
    this.pos++;
    return c;
  }

  skipSpaces(): void {
    while (this.peek() === ' ') this.pos++;
  }

  /** A floating-point field; NaN for the system-missing `*.`. */
  number(what: string): number {
    this.skipSpaces();
    const start = this.pos;
    if (this.peek() === '*') {
      this.pos += 2;
      return NaN;
    }
    let sign = 1;
    if (this.peek() === '-') {
      sign = -1;
      this.pos++;
    }
    let value = 0;
    let digits = 0;
    let scale = 1;
    let frac = false;
    for (;;) {
      const ch = this.peek();
      const d = base30(ch);
      if (d >= 0) {
        if (frac) {
          scale /= 30;
          value += d * scale;
        } else value = value * 30 + d;
        digits++;
        this.pos++;
      } else if (ch === '.' && !frac) {
        frac = true;
        this.pos++;
      } else break;
    }
    let exp = 0;
    if (this.peek() === '+' || this.peek() === '-') {
      const es = this.char() === '-' ? -1 : 1;
      let e = 0;
      let ed = 0;
      while (base30(this.peek()) >= 0) {
        e = e * 30 + base30(this.char());
        ed++;
      }
      if (ed === 0) this.fail('por.bad_data', `${what}: an exponent without digits.`, start);
      exp = es * e;
    }
    if (digits === 0 || this.peek() !== '/') {
      this.fail(
        'por.bad_data',
        `${what}: expected a number in base 30 ending with "/", found "${this.peek() || 'the end of the file'}".`,
        start,
      );
    }
    this.pos++;
    return sign * value * 30 ** exp;
  }

  integer(what: string): number {
    const start = this.pos;
    const v = this.number(what);
    if (!Number.isInteger(v) || v < 0)
      this.fail('por.bad_data', `${what}: expected a whole number ≥ 0, found ${v}.`, start);
    return v;
  }

  /** A string field: its length, "/", then the characters (as raw bytes, decoded by the caller). */
  bytes(what: string): Uint8Array {
    const n = this.integer(`${what} (length)`);
    if (this.pos + n > this.codes.length)
      this.fail('file.truncated', `${what}: the text of ${n} characters runs past the end of the file.`);
    const out = this.raw.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}

function base30(ch: string): number {
  if (ch >= '0' && ch <= '9') return ch.charCodeAt(0) - 48;
  if (ch >= 'A' && ch <= 'T') return ch.charCodeAt(0) - 55;
  return -1;
}

interface PorVariable {
  width: number;
  name: string;
  label?: string;
  missing: number[];
  missingStrings: string[];
  ranges: [number, number][];
  labels: Map<number | string, string>;
}

/**
 * Reads an SPSS portable file (`.por`): the 80-column text format of statistical archives. Numeric variables become
 * numeric columns (user-missing values NaN with their code in `missingReasons`, value labels kept), string variables
 * categorical ones; text is translated through the file's character table, bytes outside it read as Windows-1252.
 *
 * @throws DataFileError (`por.bad_header`, `por.bad_data`, `file.truncated`) naming the byte offset and what was expected.
 * @example
 * readPor(readFileSync('survey.por'), { source: 'survey.por' }).nrows;
 */
export function readPor(bytes: Uint8Array, options: ReadPorOptions = {}): Dataset {
  const file = options.source;
  if (bytes.length === 0) throw new DataFileError('file.empty', 'the file is empty.', { file });
  const { text, offsetOf } = unwrap(bytes);
  if (text.length < HEADER + 256 + 8)
    throw new DataFileError(
      'por.bad_header',
      `the file has ${bytes.length} bytes; an SPSS portable file has at least ${HEADER + 256 + 8} (header, character table and "SPSSPORT").`,
      { file },
    );
  // The translation table: the file byte standing for each portable code. The first position holding a byte wins
  // (unused positions are often filled with the byte of "0").
  const table = text.subarray(HEADER, HEADER + 256);
  const toCode = new Int16Array(256).fill(-1);
  for (let code = PORTABLE_FIRST; code < 256; code++) if (toCode[table[code]] < 0) toCode[table[code]] = code;
  const codes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = toCode[text[i]] < 0 ? 0 : toCode[text[i]];
  const c = new PorCursor(codes, text, offsetOf, file);
  c.pos = HEADER + 256;
  let tag = '';
  for (let k = 0; k < 8; k++) tag += c.char();
  if (tag !== 'SPSSPORT')
    c.fail(
      'por.bad_header',
      `expected "SPSSPORT" after the character table, found "${tag}". This is not an SPSS portable file, or its lines were re-wrapped.`,
      HEADER + 256,
    );
  const decode = (b: Uint8Array): string => {
    let s = '';
    for (const byte of b) {
      const code = toCode[byte];
      s +=
        code >= PORTABLE_FIRST && code < PORTABLE_FIRST + PORTABLE_CHARS.length
          ? PORTABLE_CHARS[code - PORTABLE_FIRST]
          : decodeWindows1252(Uint8Array.of(byte));
    }
    return s;
  };
  if (c.char() !== 'A')
    c.fail('por.bad_header', 'expected the version record "A" after "SPSSPORT".', c.pos - 1);
  c.bytes('creation date');
  c.bytes('creation time');
  const vars: PorVariable[] = [];
  let nvars = -1;
  let current: PorVariable | null = null;
  for (;;) {
    const at = c.pos;
    const t = c.char();
    const value = (v: PorVariable, what: string) => (v.width > 0 ? decode(c.bytes(what)) : c.number(what));
    if (t === '1' || t === '2' || t === '3' || t === '6') c.bytes('product, author or weight record');
    else if (t === '4') nvars = c.integer('variable count');
    else if (t === '5') c.integer('precision');
    else if (t === '7') {
      const width = c.integer('variable width');
      const name = decode(c.bytes('variable name')).trim();
      for (let k = 0; k < 6; k++) c.integer(`print/write format of ${name}`);
      current = { width, name, missing: [], missingStrings: [], ranges: [], labels: new Map() };
      vars.push(current);
    } else if (t === '8' || t === '9' || t === 'A' || t === 'B') {
      const v =
        current ?? c.fail('por.bad_data', `a missing-value record "${t}" comes before any variable.`, at);
      if (t === '8') {
        const x = value(v, `missing value of ${v.name}`);
        if (typeof x === 'number') v.missing.push(x);
        else v.missingStrings.push(x);
      } else if (t === '9') v.ranges.push([-Infinity, c.number(`LO THRU range of ${v.name}`)]);
      else if (t === 'A') v.ranges.push([c.number(`THRU HI range of ${v.name}`), Infinity]);
      else v.ranges.push([c.number(`range of ${v.name}`), c.number(`range of ${v.name}`)]);
    } else if (t === 'C') {
      const v =
        current ?? c.fail('por.bad_data', 'a variable label record "C" comes before any variable.', at);
      v.label = decode(c.bytes(`label of ${v.name}`));
    } else if (t === 'D') {
      const n = c.integer('value label variable count');
      const targets = Array.from({ length: n }, () => {
        const name = decode(c.bytes('value label variable')).trim();
        return (
          vars.find((x) => x.name === name) ??
          c.fail('por.bad_data', `value labels name variable "${name}", which the file does not define.`, at)
        );
      });
      const m = c.integer('value label count');
      for (let k = 0; k < m; k++) {
        const key = targets[0].width > 0 ? decode(c.bytes('labelled value')) : c.number('labelled value');
        const label = decode(c.bytes('value label'));
        for (const v of targets) v.labels.set(key, label);
      }
    } else if (t === 'E') {
      const n = c.integer('document line count');
      for (let k = 0; k < n; k++) c.bytes('document line');
    } else if (t === 'F') break;
    else c.fail('por.bad_data', `unknown record tag "${t}" in the dictionary (expected 1–9, A–F).`, at);
  }
  if (nvars >= 0 && nvars !== vars.length)
    c.fail(
      'por.bad_header',
      `the variable count record says ${nvars} variables, but ${vars.length} are defined.`,
    );
  assertUniqueNames(
    vars.map((v) => v.name),
    'por.bad_header',
    file,
  );
  const values: (number | string)[][] = vars.map(() => []);
  for (let row = 1; ; row++) {
    c.skipSpaces();
    if (c.pos >= codes.length || c.peek() === 'Z') break;
    for (let j = 0; j < vars.length; j++) {
      const what = `case ${row}, ${vars[j].name}`;
      values[j].push(vars[j].width > 0 ? decode(c.bytes(what)) : c.number(what));
    }
  }
  const columns: Column[] = vars.map((v, j) => toColumn(v, values[j]));
  return createDataset(columns, { source: file });
}

function toColumn(v: PorVariable, vals: (number | string)[]): Column {
  if (v.width === 0) {
    const out = new Float64Array(vals.length);
    const reasons = new Map<number, number>();
    vals.forEach((x, i) => {
      const n = x as number;
      const user =
        !Number.isNaN(n) && (v.missing.includes(n) || v.ranges.some(([lo, hi]) => n >= lo && n <= hi));
      out[i] = user ? NaN : n;
      if (user) reasons.set(i, n);
    });
    const labels = new Map([...v.labels].filter(([k]) => typeof k === 'number') as [number, string][]);
    return numericColumn(v.name, out, {
      label: v.label,
      valueLabels: labels.size ? labels : undefined,
      missingReasons: reasons.size ? reasons : undefined,
    });
  }
  const codes = new Int32Array(vals.length);
  const index = new Map<string, number>();
  const levels: string[] = [];
  const reasons = new Map<number, string>();
  const missing = new Set(v.missingStrings.map((m) => m.replace(/ +$/, '')));
  vals.forEach((x, i) => {
    const s = (x as string).replace(/ +$/, '');
    if (s === '' || missing.has(s)) {
      codes[i] = -1;
      if (s !== '') reasons.set(i, s);
      return;
    }
    let k = index.get(s);
    if (k === undefined) {
      k = levels.length;
      index.set(s, k);
      levels.push(s);
    }
    codes[i] = k;
  });
  const labels = new Map([...v.labels].filter(([k]) => typeof k === 'string') as [string, string][]);
  return categoricalFromCodes(v.name, codes, levels, v.label, {
    missingReasons: reasons,
    valueLabels: labels,
  });
}
