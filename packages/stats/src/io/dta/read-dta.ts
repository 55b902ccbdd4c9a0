import { categoricalFromCodes, createDataset, numericColumn } from '../../dataset/dataset.ts';
import type { Column, Dataset, NumericStorage } from '../../dataset/dataset.types.ts';
import { ByteDict } from '../csv/byte-dict.ts';
import { isValidUtf8 } from '../text-decode.ts';
import { decoderFor } from '../encodings/decoders.ts';
import { DataFileError } from '../data-file-error.ts';
import { assertUniqueNames } from '../unique-names.ts';
import { cString, expectTag, readDtaHeader } from './dta-header.ts';
import { readDtaOldHeader } from './dta-old-header.ts';
import { readDtaStrls, readStrlRef, type DtaStrl } from './dta-strls.ts';
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
 * Reads a Stata .dta file of any release from 102 (Stata 1) to 119 (Stata 15–18 with many variables), either byte
 * order: 102–105, 108, 110–115 (binary header, see `dta-old-header.ts`), 117, 118 and 119.
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
  if (bytes.length === 0) throw new DataFileError('file.empty', 'the file is empty.', { file });
  const h = bytes[0] === 60 ? readDtaHeader(bytes, file) : readDtaOldHeader(bytes, file);
  const c = h.cursor;
  const le = c.littleEndian;
  const warnings: string[] = [];
  // Stata 14+ files are UTF-8; files converted from older Stata (or written by other tools) sometimes still hold
  // Latin-1/Windows-1252 text: such a text is read as Windows-1252, with a warning naming the variable.
  const utf8 = decoderFor('utf-8');
  const cp1252 = decoderFor('windows-1252');
  const latinVars = new Set<string>();
  const decodeFor = (what: string) =>
    h.release < 118
      ? cp1252
      : (b: Uint8Array) => {
          if (isValidUtf8(b)) return utf8(b);
          latinVars.add(what);
          return cp1252(b);
        };
  const decode = decodeFor('variable names and labels');
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
  let strls = new Map<number, DtaStrl>();
  if (h.xmlish && h.types.includes(32768)) {
    c.pos = h.strlsOffset;
    strls = readDtaStrls(c, h.release);
  }
  c.pos = h.xmlish ? h.valueLabelsOffset : dataStart + rowLen * h.nobs;
  const labelSets = readDtaValueLabels(c, h.release, h.labelNameLength);
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
      const binary = new Map<number, Uint8Array>();
      for (let i = 0; i < h.nobs; i++) {
        const o = dataStart + i * rowLen + offset;
        let b = bytes;
        let s = o;
        let e: number;
        if (type === 32768) {
          let found = strls.get(readStrlRef(bytes, o, h.release, le));
          if (!found && h.release === 119) found = strls.get(readStrlRef(bytes, o, h.release, le, 3));
          if (found?.binary) {
            // a binary strL (a picture, a document…) stays bytes: it is not text in any encoding
            binary.set(i, found.bytes);
            codes[i] = -1;
            continue;
          }
          b = found?.bytes ?? new Uint8Array(0);
          s = 0;
          e = b.length;
        } else {
          const z = bytes.subarray(o, o + type).indexOf(0);
          e = z < 0 ? o + type : o + z;
        }
        codes[i] = e === s ? -1 : dict.intern(b, s, e);
      }
      columns.push(categoricalFromCodes(name, codes, dict.decode(decodeFor(name)), label, { bytes: binary }));
    } else {
      const values = new Float64Array(h.nobs);
      const reasons = new Map<number, string>();
      for (let i = 0; i < h.nobs; i++) {
        const x = readDtaNumber(view, dataStart + i * rowLen + offset, type, le, h.missing);
        if (typeof x === 'number') values[i] = x;
        else {
          values[i] = NaN;
          if (x !== '.') reasons.set(i, x);
        }
      }
      const setName = String.fromCharCode(...cString(h.labelNames[j]));
      const set = setName ? labelSets.get(setName) : undefined;
      // Value labels of .a–.z are stored under the integers that stand for them: attach them to the tags.
      const valueLabels = new Map<number, string>();
      const missingLabels = new Map<string, string>();
      for (const [k, v] of set ?? []) {
        const tag = h.missing === 'extended' && k > 2147483620 ? missingTag(k - 2147483621) : null;
        if (tag) missingLabels.set(tag, decode(v));
        else valueLabels.set(k, decode(v));
      }
      columns.push(
        numericColumn(name, values, {
          label,
          storage: STORAGE[type],
          missingReasons: reasons.size ? reasons : undefined,
          valueLabels: valueLabels.size ? valueLabels : undefined,
          missingLabels,
        }),
      );
    }
    offset += widths[j];
  }
  if (latinVars.size)
    warnings.push(
      `text in ${[...latinVars].join(', ')} is not valid UTF-8, as a Stata ${h.release} file should hold; it was read as Windows-1252 (Latin-1). Check accented letters.`,
    );
  return createDataset(columns, { source: file, warnings });
}

/** The tag of Stata missing code k (1 = `.a` … 26 = `.z`), or null. */
function missingTag(k: number): string | null {
  return k >= 1 && k <= 26 ? `.${String.fromCharCode(96 + k)}` : null;
}
