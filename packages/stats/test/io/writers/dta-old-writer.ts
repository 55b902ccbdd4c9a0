import { ByteWriter } from './byte-writer.ts';
import { writeLabelTable, writeValue, type DtaTestVariable } from './dta-writer.ts';

/** Releases of the pre-2007 (binary-header) Stata format the test writer knows. */
export type DtaOldRelease = 102 | 103 | 104 | 105 | 108 | 110 | 111 | 112 | 113 | 114 | 115;

// Type bytes: releases 102–110 and 112 use letters ('b','i','l','f','d') and 0x7f + n for str n; 111+ use 251–255 and n.
const LETTER: Record<string, number> = { byte: 98, int: 105, long: 108, float: 102, double: 100 };
const CODE: Record<string, number> = { byte: 251, int: 252, long: 253, float: 254, double: 255 };

/**
 * The field widths of each old release, as the `dta` format documents of Stata 1–12 give them (see
 * src/io/dta/dta-old-header.ts, which reads the same table). Written out again on purpose, not imported: a writer
 * sharing the reader's table could not catch a wrong width in it.
 */
function layout(release: DtaOldRelease) {
  return {
    nobsBytes: release === 102 ? 2 : 4,
    dataLabel: release <= 105 ? 32 : 81,
    timestamp: release >= 105 ? 18 : 0,
    name: release <= 108 ? 9 : 33,
    format: release <= 104 ? 7 : release <= 113 ? 12 : 49,
    varLabel: release <= 105 ? 32 : 81,
    expansionLen: release <= 104 ? 0 : release <= 108 ? 2 : 4,
    letters: release <= 110 || release === 112,
  };
}

/** Options for {@link writeDtaOld}. */
export interface DtaOldWriteOptions {
  /** An expansion field (characteristic) before the data, to check that readers skip it. */
  readonly characteristic?: string;
  /** The data label ('test' when not given). */
  readonly dataLabel?: string;
}

/**
 * Writes a small Stata file of any release 102–115 for tests, in either byte order. Missing values use the
 * release's own codes: before 112 a single `.` (the largest value of the type, and 2^333 for doubles before 108);
 * from 112 (Stata 8) on `.` and `.a`–`.z`. Value labels use the table of the release: before 108 a list of 2-byte codes and
 * 8-byte labels, from 108 on the offset table with 9-byte (108) or 33-byte label names.
 */
export function writeDtaOld(
  vars: readonly DtaTestVariable[],
  release: DtaOldRelease,
  littleEndian = true,
  options: DtaOldWriteOptions = {},
): Uint8Array {
  const L = layout(release);
  const w = new ByteWriter(littleEndian);
  const n = vars[0]?.values.length ?? 0;
  w.u8(release)
    .u8(littleEndian ? 2 : 1)
    .u8(1)
    .u8(0)
    .u16(vars.length);
  if (L.nobsBytes === 2) w.u16(n);
  else w.u32(n);
  w.text(options.dataLabel ?? 'test', L.dataLabel);
  if (L.timestamp) w.text('01 Jan 2026 00:00', L.timestamp);
  for (const v of vars) {
    if (typeof v.type === 'number') w.u8(L.letters ? 0x7f + v.type : v.type);
    else w.u8((L.letters ? LETTER : CODE)[v.type]);
  }
  for (const v of vars) w.text(v.name, L.name);
  w.text('', 2 * (vars.length + 1));
  for (const v of vars) w.text(typeof v.type === 'number' ? `%${v.type}s` : '%9.0g', L.format);
  for (const v of vars) w.text(v.valueLabels ? `lbl_${v.name}` : '', L.name);
  for (const v of vars) w.text(v.label ?? '', L.varLabel);
  if (L.expansionLen) {
    if (options.characteristic) {
      const body = new Uint8Array(2 * L.name + options.characteristic.length + 1);
      body.set(new TextEncoder().encode('_dta'), 0);
      body.set(new TextEncoder().encode('note0'), L.name);
      body.set(new TextEncoder().encode(options.characteristic), 2 * L.name);
      w.u8(1);
      if (L.expansionLen === 2) w.u16(body.length);
      else w.u32(body.length);
      w.bytes(body);
    }
    w.u8(0);
    if (L.expansionLen === 2) w.u16(0);
    else w.u32(0);
  }
  for (let r = 0; r < n; r++) vars.forEach((v, j) => writeOldValue(w, v, j, r, release));
  for (const v of vars) {
    if (!v.valueLabels) continue;
    if (release <= 105) writeOldLabelTable(w, `lbl_${v.name}`, v.valueLabels);
    else writeLabelTable(w, `lbl_${v.name}`, v.valueLabels, L.name, false);
  }
  return w.result();
}

function writeOldValue(w: ByteWriter, v: DtaTestVariable, j: number, r: number, release: number): void {
  const x = v.values[r];
  if (release >= 112 || typeof v.type === 'number' || (x !== null && typeof x !== 'string'))
    return writeValue(w, v, j, r, release, []);
  // before 113: one missing value, the largest value of the type
  switch (v.type) {
    case 'byte':
      return void w.i8(127);
    case 'int':
      return void w.i16(32767);
    case 'long':
      return void w.i32(2147483647);
    case 'float':
      return void w.i32(0x7f000000);
    default:
      return void w.f64(release <= 105 ? 2 ** 333 : 2 ** 1023);
  }
}

/** The value-label table of releases 102–105: n, the name, a pad byte, n 2-byte codes, n 8-byte labels. */
function writeOldLabelTable(w: ByteWriter, name: string, labels: readonly [number, string][]): void {
  w.u16(labels.length).text(name, 9).u8(0);
  for (const [code] of labels) w.i16(code);
  for (const [, text] of labels) w.text(text, 8);
}
