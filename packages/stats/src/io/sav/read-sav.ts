import { categoricalFromCodes, createDataset, numericColumn } from '../../dataset/dataset.ts';
import type { Column, Dataset } from '../../dataset/dataset.types.ts';
import { ByteDict } from '../csv/byte-dict.ts';
import { DataFileError } from '../data-file-error.ts';
import { assertUniqueNames } from '../unique-names.ts';
import { SavBytecodeDecoder } from './sav-bytecode.ts';
import { planSavColumns, savDecoder, type SavColumnPlan } from './sav-columns.ts';
import { readSavDictionary, type SavDictionary } from './sav-dictionary.ts';
import { inflateZsav } from './sav-zlib.ts';

/** Options for {@link readSav}. */
export interface ReadSavOptions {
  /** File name for error messages and `Dataset.source`. */
  readonly source?: string;
}

interface Sink {
  add(c: Uint8Array, v: DataView, row: number): void;
  column(nrows: number): Column;
}

/**
 * Reads an SPSS system file (.sav, uncompressed or bytecode-compressed; .zsav, zlib). Numeric variables keep their
 * variable and value labels; system-missing becomes `NaN`, user-missing values/ranges become `NaN` with the code in
 * `missingReasons`. String variables become categorical columns (trailing blanks removed; empty = missing). Dates
 * stay numeric (seconds since 1582-10-14).
 *
 * @throws DataFileError (`sav.*`, `file.truncated`) for a damaged or unsupported file.
 * @example
 * const ds = readSav(readFileSync('lfs_small.sav'));
 * const sex = ds.column('sex'); // numeric, sex.valueLabels.get(1) === 'male'
 */
export function readSav(bytes: Uint8Array, options: ReadSavOptions = {}): Dataset {
  const file = options.source;
  const dict = readSavDictionary(bytes, file);
  const { decode } = savDecoder(dict, file);
  const plans = planSavColumns(dict, decode);
  assertUniqueNames(
    plans.map((p) => p.name),
    'sav.bad_record',
    file,
  );
  const caseBytes = dict.variables.reduce((n, v) => n + v.nslots * 8, 0);
  let data = bytes;
  let start = dict.dataStart;
  if (dict.compression === 2) {
    data = inflateZsav(bytes, dict.dataStart, dict.littleEndian, file);
    start = 0;
  }
  const available = data.length - start;
  const bound =
    dict.compression === 0
      ? Math.floor(available / caseBytes)
      : Math.ceil((available * 8) / (caseBytes / 8)) + 1;
  const capacity = Math.max(0, dict.ncases >= 0 ? Math.min(dict.ncases, bound) : Math.min(bound, 1 << 16));
  const sinks = plans.map((p) =>
    p.record.width === 0 ? numericSink(p, dict, capacity) : stringSink(p, capacity, decode),
  );
  const caseBuf = new Uint8Array(caseBytes);
  const caseView = new DataView(caseBuf.buffer);
  const limit = dict.ncases >= 0 ? dict.ncases : Infinity;
  let rows = 0;
  if (dict.compression === 0) {
    const n = Math.min(limit, Math.floor(available / caseBytes));
    if (dict.ncases > n) truncated(file, dict.ncases, n);
    for (; rows < n; rows++) {
      const o = start + rows * caseBytes;
      caseBuf.set(data.subarray(o, o + caseBytes));
      for (const s of sinks) s.add(caseBuf, caseView, rows);
    }
  } else {
    const dec = new SavBytecodeDecoder(data, start, dict.bias, dict.sysmis, dict.littleEndian, file);
    while (rows < limit && dec.nextCase(caseBuf, caseView)) {
      for (const s of sinks) s.add(caseBuf, caseView, rows);
      rows++;
    }
    if (dict.ncases >= 0 && rows < dict.ncases) truncated(file, dict.ncases, rows);
  }
  return createDataset(
    sinks.map((s) => s.column(rows)),
    { source: file },
  );
}

function truncated(file: string | undefined, expected: number, got: number): never {
  throw new DataFileError(
    'file.truncated',
    `the header announces ${expected} cases but the data hold only ${got}. The file is truncated: export it again.`,
    { file },
  );
}

function numericSink(p: SavColumnPlan, dict: SavDictionary, capacity: number): Sink {
  let values = new Float64Array(capacity);
  const reasons = new Map<number, number>();
  const off = p.record.slot * 8;
  const m = p.record.missing;
  const le = dict.littleEndian;
  const sysmis = dict.sysmis;
  return {
    add(_c, v, row) {
      if (row >= values.length) {
        const next = new Float64Array(Math.max(16, values.length * 2));
        next.set(values);
        values = next;
      }
      let x = v.getFloat64(off, le);
      if (x === sysmis || x !== x) x = NaN;
      else if (m && (m.discrete.includes(x) || (m.low !== undefined && x >= m.low && x <= m.high!))) {
        reasons.set(row, x);
        x = NaN;
      }
      values[row] = x;
    },
    column(n) {
      return numericColumn(p.name, values.length === n ? values : values.slice(0, n), {
        label: p.label,
        valueLabels: p.valueLabels,
        missingReasons: reasons.size ? reasons : undefined,
      });
    },
  };
}

function stringSink(p: SavColumnPlan, capacity: number, decode: (b: Uint8Array) => string): Sink {
  let codes = new Int32Array(capacity);
  const dict = new ByteDict();
  const scratch = new Uint8Array(p.segments.reduce((n, s) => n + s.length, 0));
  const missing = p.missingStrings;
  const reasons = new Map<number, string>();
  return {
    add(c, _v, row) {
      if (row >= codes.length) {
        const next = new Int32Array(Math.max(16, codes.length * 2));
        next.set(codes);
        codes = next;
      }
      let len = 0;
      for (const s of p.segments) {
        scratch.set(c.subarray(s.offset, s.offset + s.length), len);
        len += s.length;
      }
      const end = trimEnd(scratch, 0, Math.min(len, p.width));
      const userMissing =
        end > 0 && missing !== undefined && missing.some((m) => equalsStart(m, scratch, end));
      // a user-missing text is missing, and kept (as numeric user-missing values keep their code)
      if (userMissing) reasons.set(row, decode(scratch.slice(0, end)));
      codes[row] = end === 0 || userMissing ? -1 : dict.intern(scratch, 0, end);
    },
    column(n) {
      return categoricalFromCodes(
        p.name,
        codes.length === n ? codes : codes.slice(0, n),
        dict.decode(decode),
        p.label,
        { missingReasons: reasons, valueLabels: p.stringLabels },
      );
    },
  };
}

function equalsStart(m: Uint8Array, b: Uint8Array, len: number): boolean {
  if (m.length !== len) return false;
  for (let i = 0; i < len; i++) if (m[i] !== b[i]) return false;
  return true;
}

/** Length of `b[s..e)` without trailing blanks and NULs. */
function trimEnd(b: Uint8Array, s: number, e: number): number {
  while (e > s && (b[e - 1] === 32 || b[e - 1] === 0)) e--;
  return e - s;
}
