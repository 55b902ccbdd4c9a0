import { categoricalFromCodes, createDataset, numericColumn } from '../../dataset/dataset.ts';
import type { Column, Dataset, NumericStorage } from '../../dataset/dataset.types.ts';
import { ByteDict } from '../csv/byte-dict.ts';
import { textDecoderFor } from '../text-decode.ts';
import { assertUniqueNames } from '../unique-names.ts';
import { cString, expectTag, readDtaHeader } from './dta-header.ts';
import { readDtaOldHeader } from './dta-old-header.ts';
import { readDtaStrls, readStrlRef } from './dta-strls.ts';
import { readDtaValueLabels } from './dta-value-labels.ts';
import { dtaTypeWidth, readDtaNumber } from './dta-values.ts';

/** Options for {@link readDta}. */
export interface ReadDtaOptions {
  /** File name for error messages and `Dataset.source`. */
  readonly source?: string;
}

const STORAGE: Record<number, NumericStorage> = {
  65526: 'double',
  65527: 'float',
  65528: 'int32',
  65529: 'int16',
  65530: 'int8',
};

/**
 * Reads a Stata .dta file of release 114/115 (Stata 10–12), 117 (13), 118 (14–18) or 119 (many variables), either
 * byte order.
 * byte/int/long/float/double become numeric columns (with `storage`, variable and value labels); `.` is `NaN`,
 * `.a`–`.z` are `NaN` with the tag in `missingReasons`. str# and strL become categorical columns. Dates stay numeric.
 *
 * @throws DataFileError (`dta.*`, `file.truncated`) for a damaged or unsupported file.
 * @example
 * const ds = readDta(readFileSync('lfs_small.dta'));
 * ds.column('age').kind; // 'numeric'
 */
export function readDta(bytes: Uint8Array, options: ReadDtaOptions = {}): Dataset {
  const file = options.source;
  const h = bytes[0] === 60 ? readDtaHeader(bytes, file) : readDtaOldHeader(bytes, file);
  const c = h.cursor;
  const le = c.littleEndian;
  const decode = textDecoderFor(h.release < 118 ? 'windows-1252' : 'utf-8');
  const widths = h.types.map((t, j) => {
    const w = dtaTypeWidth(t);
    if (w < 0) c.fail('dta.bad_header', `variable ${j + 1} has unknown type code ${t}.`);
    return w;
  });
  assertUniqueNames(
    h.names.map((n) => decode(cString(n))),
    'dta.bad_header',
    file,
  );
  const rowLen = widths.reduce((a, b) => a + b, 0);
  c.pos = h.dataOffset;
  if (h.xmlish) expectTag(c, '<data>');
  if (rowLen === 0 && h.nobs > 0) c.fail('dta.bad_header', 'observations of zero width.');
  c.need(rowLen * h.nobs, 'data');
  const dataStart = c.pos;
  let strls = new Map<number, Uint8Array>();
  if (h.xmlish && h.types.includes(32768)) {
    c.pos = h.strlsOffset;
    strls = readDtaStrls(c, h.release);
  }
  c.pos = h.xmlish ? h.valueLabelsOffset : dataStart + rowLen * h.nobs;
  const labelSets = readDtaValueLabels(c, h.release);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const columns: Column[] = [];
  let offset = 0;
  for (let j = 0; j < h.nvar; j++) {
    const type = h.types[j];
    const name = decode(cString(h.names[j]));
    const labelBytes = cString(h.varLabels[j]);
    const label = labelBytes.length ? decode(labelBytes) : undefined;
    if (type <= 2045 || type === 32768) {
      const codes = new Int32Array(h.nobs);
      const dict = new ByteDict();
      for (let i = 0; i < h.nobs; i++) {
        const o = dataStart + i * rowLen + offset;
        let b = bytes;
        let s = o;
        let e: number;
        if (type === 32768) {
          let found = strls.get(readStrlRef(bytes, o, h.release, le));
          if (!found && h.release === 119) found = strls.get(readStrlRef(bytes, o, h.release, le, 3));
          b = found ?? new Uint8Array(0);
          s = 0;
          e = b.length;
        } else {
          const z = bytes.subarray(o, o + type).indexOf(0);
          e = z < 0 ? o + type : o + z;
        }
        codes[i] = e === s ? -1 : dict.intern(b, s, e);
      }
      columns.push(categoricalFromCodes(name, codes, dict.decode(decode), label));
    } else {
      const values = new Float64Array(h.nobs);
      const reasons = new Map<number, string>();
      for (let i = 0; i < h.nobs; i++) {
        const x = readDtaNumber(view, dataStart + i * rowLen + offset, type, le);
        if (typeof x === 'number') values[i] = x;
        else {
          values[i] = NaN;
          if (x !== '.') reasons.set(i, x);
        }
      }
      const setName = String.fromCharCode(...cString(h.labelNames[j]));
      const set = setName ? labelSets.get(setName) : undefined;
      columns.push(
        numericColumn(name, values, {
          label,
          storage: STORAGE[type],
          missingReasons: reasons.size ? reasons : undefined,
          valueLabels: set ? new Map([...set].map(([k, v]) => [k, decode(v)])) : undefined,
        }),
      );
    }
    offset += widths[j];
  }
  return createDataset(columns, { source: file });
}
