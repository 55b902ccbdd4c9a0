import type { ByteCursor } from '../byte-cursor.ts';
import { cString, expectTag } from './dta-header.ts';

/**
 * Reads the value labels: label set name → (value → label bytes). Releases 117+ wrap them in `<value_labels>` and
 * `<lbl>` tags; in 108–115 they run untagged to the end of the file; before 108 each set is a list of 2-byte codes
 * and 8-byte labels (see {@link readOldValueLabels}).
 */
export function readDtaValueLabels(
  c: ByteCursor,
  release: number,
  nameLen: number,
): Map<string, Map<number, Uint8Array>> {
  if (release <= 105) return readOldValueLabels(c, nameLen);
  const sets = new Map<string, Map<number, Uint8Array>>();
  const xmlish = release >= 117;
  if (xmlish) expectTag(c, '<value_labels>');
  for (;;) {
    if (xmlish) {
      c.need(5, 'value labels');
      const tag = c.ascii(5);
      if (tag === '</val') {
        expectTag(c, 'ue_labels>');
        return sets;
      }
      if (tag !== '<lbl>')
        c.fail('dta.bad_section', `expected <lbl> in <value_labels>, found ${JSON.stringify(tag)}.`);
    } else if (c.remaining === 0) return sets;
    const len = c.i32();
    if (len < 8)
      c.fail('dta.bad_section', `value label table length ${len} is impossible. The file is damaged.`);
    const name = latin1(cString(c.take(nameLen, 'value label name')));
    c.skip(3);
    const start = c.pos;
    c.need(len, 'value label table');
    const n = c.i32();
    const txtlen = c.i32();
    if (n < 0 || txtlen < 0 || 8 + 8 * n + txtlen > len)
      c.fail('dta.bad_section', `value label table ${name} is inconsistent.`);
    const offs = Array.from({ length: n }, () => c.i32());
    const vals = Array.from({ length: n }, () => c.i32());
    const txt = c.take(txtlen);
    const map = new Map<number, Uint8Array>();
    for (let i = 0; i < n; i++)
      if (offs[i] >= 0 && offs[i] < txtlen) map.set(vals[i], cString(txt.subarray(offs[i])));
    sets.set(name, map);
    c.pos = start + len;
    if (xmlish) expectTag(c, '</lbl>');
  }
}

/**
 * The value-label sets of releases 102–105, to the end of the file: a 2-byte count n, the set name (9 bytes), a
 * padding byte, n 2-byte codes, then n labels of 8 bytes (NUL-terminated when shorter).
 */
function readOldValueLabels(c: ByteCursor, nameLen: number): Map<string, Map<number, Uint8Array>> {
  const sets = new Map<string, Map<number, Uint8Array>>();
  while (c.remaining > 0) {
    const n = c.u16();
    const name = latin1(cString(c.take(nameLen, 'value label name')));
    c.skip(1, 'value label table');
    c.need(10 * n, `value label table ${name}`);
    const codes = Array.from({ length: n }, () => c.i16());
    const map = new Map<number, Uint8Array>();
    for (const code of codes) map.set(code, cString(c.take(8)));
    sets.set(name, map);
  }
  return sets;
}

function latin1(b: Uint8Array): string {
  return String.fromCharCode(...b);
}
