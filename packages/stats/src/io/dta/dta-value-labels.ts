import type { ByteCursor } from '../byte-cursor.ts';
import { cString, expectTag } from './dta-header.ts';

/**
 * Reads the value labels: label set name → (value → label bytes). Releases 117+ wrap them in `<value_labels>` and
 * `<lbl>` tags; in 114/115 they run untagged to the end of the file.
 */
export function readDtaValueLabels(c: ByteCursor, release: number): Map<string, Map<number, Uint8Array>> {
  const sets = new Map<string, Map<number, Uint8Array>>();
  const xmlish = release >= 117;
  const nameLen = release <= 117 ? 33 : 129;
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

function latin1(b: Uint8Array): string {
  return String.fromCharCode(...b);
}
