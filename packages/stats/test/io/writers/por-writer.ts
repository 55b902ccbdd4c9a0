// Writes SPSS portable files (.por) for the reader tests: 80-column lines, the standard character table, base-30
// numbers. Test-file writer only.
import { PORTABLE_CHARS, PORTABLE_FIRST } from '../../../src/io/por/portable-charset.ts';

/** A variable of a test .por file. */
export interface PorTestVariable {
  readonly name: string;
  /** 0 for numeric, else the string width. */
  readonly width: number;
  readonly values: readonly (number | string | null)[];
  readonly label?: string;
  readonly missing?: readonly (number | string)[];
  readonly range?: readonly [number, number];
  readonly valueLabels?: readonly [number | string, string][];
}

const B30 = '0123456789ABCDEFGHIJKLMNOPQRST';

/** A number in base 30, with up to 12 fraction digits, ending with "/". */
export function base30(x: number): string {
  if (Number.isNaN(x)) return '*.';
  const neg = x < 0;
  const v = Math.abs(x);
  let whole = Math.floor(v);
  let frac = v - whole;
  let w = '';
  do {
    w = B30[whole % 30] + w;
    whole = Math.floor(whole / 30);
  } while (whole > 0);
  let f = '';
  for (let k = 0; k < 12 && frac > 0; k++) {
    frac *= 30;
    const d = Math.floor(frac);
    f += B30[d];
    frac -= d;
  }
  return `${neg ? '-' : ''}${w}${f ? `.${f}` : ''}/`;
}

const str = (s: string) => `${base30(s.length)}${s}`;

/** The bytes of a .por file; text outside the portable set is written as Windows-1252/Latin-1 bytes. */
export function writePor(vars: readonly PorTestVariable[], options: { lineEnd?: string } = {}): Uint8Array {
  const table = Array.from({ length: 256 }, (_, code) =>
    code >= PORTABLE_FIRST &&
    code < PORTABLE_FIRST + PORTABLE_CHARS.length &&
    PORTABLE_CHARS.charCodeAt(code - PORTABLE_FIRST) < 256
      ? PORTABLE_CHARS[code - PORTABLE_FIRST]
      : '0',
  ).join('');
  let body = 'ASCII SPSS PORT FILE'.padEnd(40) + 'labmig test writer'.padEnd(160);
  body += table + 'SPSSPORT';
  body += 'A' + str('20261203') + str('120000');
  body += '1' + str('labmig por-writer');
  body += '4' + base30(vars.length) + '5' + base30(11);
  for (const v of vars) {
    body +=
      '7' +
      base30(v.width) +
      str(v.name) +
      (v.width ? 'A/' + base30(v.width) + '0/' : '5/8/2/') +
      (v.width ? 'A/' + base30(v.width) + '0/' : '5/8/2/');
    if (v.range) body += 'B' + base30(v.range[0]) + base30(v.range[1]);
    for (const m of v.missing ?? []) body += '8' + (typeof m === 'number' ? base30(m) : str(m));
    if (v.label) body += 'C' + str(v.label);
  }
  for (const v of vars) {
    if (!v.valueLabels?.length) continue;
    body += 'D' + base30(1) + str(v.name) + base30(v.valueLabels.length);
    for (const [k, l] of v.valueLabels) body += (typeof k === 'number' ? base30(k) : str(k)) + str(l);
  }
  body += 'F';
  const n = vars[0]?.values.length ?? 0;
  for (let i = 0; i < n; i++) {
    for (const v of vars) {
      const x = v.values[i];
      if (v.width) body += str(String(x ?? '').padEnd(1));
      else body += base30(x === null ? NaN : (x as number));
    }
  }
  body += 'Z';
  const lines: string[] = [];
  for (let i = 0; i < body.length; i += 80) lines.push(body.slice(i, i + 80));
  const last = lines.length - 1;
  lines[last] = lines[last].padEnd(80, 'Z');
  const text = lines.join(options.lineEnd ?? '\r\n') + (options.lineEnd ?? '\r\n');
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0) & 0xff);
}
