import { ByteCursor } from '../byte-cursor.ts';

/** Stata file format releases the reader knows. */
export type DtaRelease = 102 | 103 | 104 | 105 | 108 | 110 | 111 | 112 | 113 | 114 | 115 | 117 | 118 | 119;

/**
 * Missing values of a release: Stata 8+ (112 on) has `.` and `.a`–`.z` above each type's largest value; before,
 * one `.` (the largest value of the type; for doubles 2^1023, and 2^333 before release 108).
 */
export type DtaMissingStyle = 'extended' | 'single' | 'single333';

/** The descriptors of a Stata file, texts still bytes; types use the 117+ codes. */
export interface DtaHeader {
  readonly release: DtaRelease;
  /** Releases 117+ wrap sections in tags (`<data>` …); 114/115 do not. */
  readonly xmlish: boolean;
  readonly cursor: ByteCursor;
  readonly nvar: number;
  readonly nobs: number;
  readonly types: readonly number[];
  readonly names: readonly Uint8Array[];
  readonly formats: readonly Uint8Array[];
  readonly labelNames: readonly Uint8Array[];
  readonly varLabels: readonly Uint8Array[];
  /** Byte offsets from the map: data, strls, value_labels. */
  readonly dataOffset: number;
  readonly strlsOffset: number;
  readonly valueLabelsOffset: number;
  readonly missing: DtaMissingStyle;
  /** Width of variable and value-label names (9, 33 or 129 bytes). */
  readonly labelNameLength: number;
}

/** Expects the ASCII `tag` at the cursor. */
export function expectTag(c: ByteCursor, tag: string): void {
  c.need(tag.length, tag);
  const got = c.ascii(tag.length);
  if (got !== tag)
    c.fail('dta.bad_section', `expected ${tag} but found ${JSON.stringify(got)}. The file is damaged.`);
}

function fixedStrings(c: ByteCursor, n: number, width: number): Uint8Array[] {
  c.need(n * width);
  return Array.from({ length: n }, () => c.take(width));
}

/**
 * Reads `<header>`, `<map>` and the variable descriptors of a Stata file of release 117, 118 or 119.
 *
 * @throws DataFileError `dta.bad_header` / `dta.unsupported` / `dta.bad_section` / `file.truncated`.
 */
export function readDtaHeader(bytes: Uint8Array, file?: string): DtaHeader {
  const c = new ByteCursor(bytes, true, file);
  expectTag(c, '<stata_dta><header><release>');
  c.need(3, 'release');
  const text = c.ascii(3);
  if (!/^\d{3}$/.test(text)) {
    c.pos -= 3;
    c.fail(
      'dta.bad_header',
      `expected a three-digit release number after <release>, found ${JSON.stringify(text)}. The file is damaged.`,
    );
  }
  const rel = Number(text) as DtaRelease;
  if (rel !== 117 && rel !== 118 && rel !== 119) {
    c.pos -= 3;
    c.fail(
      'dta.unsupported',
      `Stata release ${rel} is not a known release (labmig reads 102–105, 108, 110–115 and 117–119). Save the file again with Stata 13 or later.`,
    );
  }
  expectTag(c, '</release><byteorder>');
  const order = c.ascii(3);
  if (order !== 'LSF' && order !== 'MSF')
    c.fail('dta.bad_header', `unknown byte order ${JSON.stringify(order)}.`);
  c.littleEndian = order === 'LSF';
  expectTag(c, '</byteorder><K>');
  const nvar = rel === 119 ? c.u32() : c.u16();
  expectTag(c, '</K><N>');
  const nobs = rel === 117 ? c.u32() : c.u64('observation count');
  expectTag(c, '</N><label>');
  c.skip(rel === 117 ? c.u8() : c.u16(), 'data label');
  expectTag(c, '</label><timestamp>');
  c.skip(c.u8(), 'timestamp');
  expectTag(c, '</timestamp></header><map>');
  const map = Array.from({ length: 14 }, () => c.u64('map offset'));
  expectTag(c, '</map><variable_types>');
  c.need(nvar * 2, 'variable types');
  const types = Array.from({ length: nvar }, () => c.u16());
  const nameLen = rel === 117 ? 33 : 129;
  expectTag(c, '</variable_types><varnames>');
  const names = fixedStrings(c, nvar, nameLen);
  expectTag(c, '</varnames><sortlist>');
  c.skip((nvar + 1) * (rel === 119 ? 4 : 2), 'sort list');
  expectTag(c, '</sortlist><formats>');
  const formats = fixedStrings(c, nvar, rel === 117 ? 49 : 57);
  expectTag(c, '</formats><value_label_names>');
  const labelNames = fixedStrings(c, nvar, nameLen);
  expectTag(c, '</value_label_names><variable_labels>');
  const varLabels = fixedStrings(c, nvar, rel === 117 ? 81 : 321);
  expectTag(c, '</variable_labels>');
  return {
    release: rel,
    xmlish: true,
    cursor: c,
    nvar,
    nobs,
    types,
    names,
    formats,
    labelNames,
    varLabels,
    dataOffset: map[9],
    strlsOffset: map[10],
    valueLabelsOffset: map[11],
    missing: 'extended',
    labelNameLength: nameLen,
  };
}

/** The bytes up to the first NUL. */
export function cString(b: Uint8Array): Uint8Array {
  const z = b.indexOf(0);
  return z < 0 ? b : b.subarray(0, z);
}
