import { ByteWriter } from './byte-writer.ts';
import { writeLabelTable, writeValue, type DtaTestVariable } from './dta-writer.ts';

const OLD_CODE: Record<string, number> = { byte: 251, int: 252, long: 253, float: 254, double: 255 };

/** Writes a small Stata file of release 114 or 115 (no strL) for tests, in either byte order. */
export function writeDtaOld(
  vars: readonly DtaTestVariable[],
  release: 114 | 115,
  littleEndian = true,
): Uint8Array {
  const w = new ByteWriter(littleEndian);
  const n = vars[0]?.values.length ?? 0;
  w.u8(release)
    .u8(littleEndian ? 2 : 1)
    .u8(1)
    .u8(0)
    .u16(vars.length)
    .u32(n);
  w.text('test', 81).text('01 Jan 2026 00:00', 18);
  for (const v of vars) w.u8(typeof v.type === 'number' ? v.type : OLD_CODE[v.type]);
  for (const v of vars) w.text(v.name, 33);
  w.text('', 2 * (vars.length + 1));
  for (const v of vars) w.text(typeof v.type === 'number' ? `%${v.type}s` : '%9.0g', 49);
  for (const v of vars) w.text(v.valueLabels ? `lbl_${v.name}` : '', 33);
  for (const v of vars) w.text(v.label ?? '', 81);
  w.u8(0).u32(0);
  for (let r = 0; r < n; r++) vars.forEach((v, j) => writeValue(w, v, j, r, release, []));
  for (const v of vars) if (v.valueLabels) writeLabelTable(w, `lbl_${v.name}`, v.valueLabels, 33, false);
  return w.result();
}
