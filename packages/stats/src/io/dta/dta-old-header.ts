import { ByteCursor } from '../byte-cursor.ts';
import type { DtaHeader, DtaRelease } from './dta-header.ts';

// Old type bytes → the 117+ codes the rest of the reader uses (str1–str244 keep their width).
const OLD_TYPES: Record<number, number> = { 251: 65530, 252: 65529, 253: 65528, 254: 65527, 255: 65526 };

function fixedStrings(c: ByteCursor, n: number, width: number): Uint8Array[] {
  c.need(n * width, 'descriptors');
  return Array.from({ length: n }, () => c.take(width));
}

/**
 * Reads the header and descriptors of a Stata 114 (Stata 10–11) or 115 (Stata 12) file, up to the data.
 *
 * @throws DataFileError `dta.bad_header` / `dta.unsupported` / `file.truncated`.
 */
export function readDtaOldHeader(bytes: Uint8Array, file?: string): DtaHeader {
  const c = new ByteCursor(bytes, true, file);
  const rel = c.u8();
  if (rel !== 114 && rel !== 115) {
    c.fail(
      'dta.unsupported',
      rel >= 102 && rel <= 113
        ? `Stata release ${rel} (Stata 1–9) is not read yet (labmig reads 114, 115 and 117–119). Save the file again with Stata 11 or later.`
        : `Stata release ${rel} is not a known release (labmig reads 114, 115 and 117–119). Save the file again with Stata 11 or later.`,
    );
  }
  const order = c.u8();
  if (order !== 1 && order !== 2) c.fail('dta.bad_header', `unknown byte order ${order}.`);
  c.littleEndian = order === 2;
  c.skip(2);
  const nvar = c.u16();
  const nobs = c.u32();
  c.skip(81 + 18, 'header');
  c.need(nvar, 'variable types');
  const types = Array.from({ length: nvar }, () => {
    const t = c.u8();
    return t <= 244 ? t : (OLD_TYPES[t] ?? -1);
  });
  const names = fixedStrings(c, nvar, 33);
  c.skip(2 * (nvar + 1), 'sort list');
  const formats = fixedStrings(c, nvar, 49);
  const labelNames = fixedStrings(c, nvar, 33);
  const varLabels = fixedStrings(c, nvar, 81);
  for (;;) {
    const type = c.u8();
    const len = c.u32();
    if (type === 0 && len === 0) break;
    c.skip(len, 'expansion field');
  }
  const dataOffset = c.pos;
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
    dataOffset,
    strlsOffset: -1,
    valueLabelsOffset: -1,
  };
}
