import { ByteCursor } from '../byte-cursor.ts';
import type { DtaHeader, DtaRelease } from './dta-header.ts';

/** The releases written before Stata 13 (binary header), with the Stata version that wrote each. */
export const OLD_DTA_RELEASES: Readonly<Record<number, string>> = {
  102: 'Stata 1',
  103: 'Stata 2–3',
  104: 'Stata 3',
  105: 'Stata 4–5',
  108: 'Stata 6',
  110: 'Stata 7',
  111: 'Stata 7 SE',
  112: 'Stata 8.0',
  113: 'Stata 8–9',
  114: 'Stata 10–11',
  115: 'Stata 12',
};

/**
 * Field widths of an old release, from Stata's `dta` format documents (102–115) and the readers that follow them
 * (pandas, readstata13, ReadStat, R foreign; where they disagree, the one checked against Stata itself):
 * - 102: 2-byte observation count, no string types, no byte type; 103 adds str1–str80 and a 4-byte count; 104 adds
 *   byte; 105 adds a time stamp, expansion fields (2-byte lengths) and 12-byte formats;
 * - 108: 81-byte data and variable labels, the value-label table of later releases (with 9-byte names);
 * - 110: 33-byte names, 4-byte expansion lengths; 111 (Stata/SE) types coded 1–244 (str#) and 251–255;
 * - 112 (Stata 8.0) keeps 110's letter type codes but has Stata 8's missing values `.a`–`.z`; 113 uses 111's
 *   codes; 114 widens formats to 49 bytes.
 */
function oldLayout(rel: number) {
  return {
    nobsBytes: rel === 102 ? 2 : 4,
    dataLabel: rel <= 105 ? 32 : 81,
    timestamp: rel >= 105 ? 18 : 0,
    name: rel <= 108 ? 9 : 33,
    format: rel <= 104 ? 7 : rel <= 113 ? 12 : 49,
    varLabel: rel <= 105 ? 32 : 81,
    expansionLen: rel <= 104 ? 0 : rel <= 108 ? 2 : 4,
    letterTypes: rel <= 110 || rel === 112,
  };
}

// Type bytes → the 117+ codes the rest of the reader uses (str# keeps its width).
const LETTER_TYPES: Record<number, number> = { 98: 65530, 105: 65529, 108: 65528, 102: 65527, 100: 65526 };
const SE_TYPES: Record<number, number> = { 251: 65530, 252: 65529, 253: 65528, 254: 65527, 255: 65526 };

function fixedStrings(c: ByteCursor, n: number, width: number, what: string): Uint8Array[] {
  c.need(n * width, what);
  return Array.from({ length: n }, () => c.take(width));
}

/**
 * Reads the header and descriptors of a Stata file of release 102–115 (Stata 1–12), up to the data, in either
 * byte order.
 *
 * @throws DataFileError `dta.bad_header` / `dta.unsupported` / `file.truncated`.
 */
export function readDtaOldHeader(bytes: Uint8Array, file?: string): DtaHeader {
  const c = new ByteCursor(bytes, true, file);
  const rel = c.u8();
  if (!(rel in OLD_DTA_RELEASES)) {
    c.pos = 0;
    c.fail(
      'dta.unsupported',
      `Stata release ${rel} is not a known release (labmig reads 102–105, 108, 110–115 and 117–119). The file may be damaged, or not a Stata file.`,
    );
  }
  const L = oldLayout(rel);
  const order = c.u8();
  if (order !== 1 && order !== 2) {
    c.pos--;
    c.fail(
      'dta.bad_header',
      `expected byte order 1 (HILO) or 2 (LOHI), found ${order}. The file is damaged.`,
    );
  }
  c.littleEndian = order === 2;
  c.skip(2, 'header');
  const nvar = c.u16();
  const nobs = L.nobsBytes === 2 ? c.u16() : c.u32();
  c.skip(L.dataLabel + L.timestamp, 'header');
  c.need(nvar, 'variable types');
  const types = Array.from({ length: nvar }, (_, j) => {
    const t = c.u8();
    const code = L.letterTypes ? (t > 0x7f ? t - 0x7f : LETTER_TYPES[t]) : t <= 244 ? t : SE_TYPES[t];
    if (code === undefined || code === 0) {
      c.pos--;
      c.fail(
        'dta.bad_header',
        `variable ${j + 1} has type byte ${t}, which is not a type of Stata release ${rel}. The file is damaged.`,
      );
    }
    return code;
  });
  const names = fixedStrings(c, nvar, L.name, 'variable names');
  c.skip(2 * (nvar + 1), 'sort list');
  const formats = fixedStrings(c, nvar, L.format, 'display formats');
  const labelNames = fixedStrings(c, nvar, L.name, 'value-label names');
  const varLabels = fixedStrings(c, nvar, L.varLabel, 'variable labels');
  if (L.expansionLen) {
    for (;;) {
      const at = c.pos;
      const type = c.u8();
      const len = L.expansionLen === 2 ? c.u16() : c.u32();
      if (type === 0 && len === 0) break;
      if (type !== 1) {
        c.pos = at;
        c.fail('dta.bad_header', `expected an expansion field of type 1 or the end (0), found type ${type}.`);
      }
      c.skip(len, 'expansion field');
    }
  }
  return {
    release: rel as DtaRelease,
    xmlish: false,
    cursor: c,
    nvar,
    nobs,
    types,
    names,
    formats,
    labelNames,
    varLabels,
    dataOffset: c.pos,
    strlsOffset: -1,
    valueLabelsOffset: -1,
    missing: rel >= 112 ? 'extended' : rel >= 108 ? 'single' : 'single333',
    labelNameLength: L.name,
  };
}
