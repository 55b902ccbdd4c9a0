import { ByteCursor } from '../byte-cursor.ts';
import { readSavExtension } from './sav-extension.ts';

/** One variable record that starts a variable (not a continuation), as read. */
export interface SavVariableRecord {
  /** 1-based dictionary index, counting continuation records (value labels refer to it). */
  readonly dictIndex: number;
  /** 0 = numeric, else string width in bytes. */
  readonly width: number;
  /** First 8-byte slot of this variable in a case. */
  readonly slot: number;
  readonly nslots: number;
  /** The 8-byte short name, blanks removed, in the file's encoding (decoded once the encoding is known). */
  readonly shortNameBytes: Uint8Array;
  /** The short name as ASCII, for messages before the encoding is known. */
  readonly shortName: string;
  label?: Uint8Array;
  /** Numeric user-missing values: discrete codes and an optional range. */
  readonly missing?: { readonly discrete: number[]; readonly low?: number; readonly high?: number };
  /** String user-missing values (8 bytes each, space-padded). */
  readonly missingStrings?: Uint8Array[];
}

/** Everything before the data. Texts stay bytes until the encoding is known. */
export interface SavDictionary {
  littleEndian: boolean;
  /** 0 none, 1 bytecode, 2 zlib (.zsav). */
  compression: number;
  /** Number of cases, or -1 when the header does not say. */
  ncases: number;
  bias: number;
  caseSlots: number;
  sysmis: number;
  variables: SavVariableRecord[];
  /** Numeric value labels by dictionary index. */
  valueLabels: Map<number, Map<number, Uint8Array>>;
  /** Value labels of short string variables (record 3) by dictionary index: the 8 value bytes and the label. */
  stringValueLabels: Map<number, { raw: Uint8Array; label: Uint8Array }[]>;
  /** Record 7.21: value labels of long string variables, by variable name (bytes). */
  longStringLabels?: {
    readonly name: Uint8Array;
    readonly labels: { value: Uint8Array; label: Uint8Array }[];
  }[];
  longNames?: Uint8Array;
  veryLongStrings?: Uint8Array;
  encodingName?: string;
  /** Record 7.22: user-missing values of long string variables, by variable name (bytes). */
  longStringMissing?: { readonly name: Uint8Array; readonly values: Uint8Array[] }[];
  characterCode?: number;
  /** Byte offset where the data (or, for .zsav, the zlib header) starts. */
  dataStart: number;
}

const SYSMIS = -Number.MAX_VALUE;

/**
 * Parses the header and dictionary records of an SPSS system file (.sav/.zsav): records 1, 2, 3+4, 6, 7 (subtypes 3,
 * 4, 13, 14, 20) and 999; other record-7 subtypes are skipped.
 *
 * @throws DataFileError `sav.bad_header` / `sav.bad_record` / `file.truncated`.
 */
export function readSavDictionary(bytes: Uint8Array, file?: string): SavDictionary {
  const c = new ByteCursor(bytes, true, file);
  const magic = c.ascii(4);
  if (magic !== '$FL2' && magic !== '$FL3') {
    c.fail(
      'sav.bad_header',
      `not an SPSS system file (starts with ${JSON.stringify(magic)}, expected "$FL2"). Check the file type.`,
    );
  }
  c.skip(60);
  let layout = c.i32();
  if (layout !== 2 && layout !== 3) {
    c.littleEndian = false;
    c.pos -= 4;
    layout = c.i32();
    if (layout !== 2 && layout !== 3)
      c.fail('sav.bad_header', `unknown layout code ${layout}; the file is damaged.`);
  }
  const caseSlots = c.i32();
  const compression = c.i32();
  if (compression < 0 || compression > 2) c.fail('sav.unsupported', `unknown compression ${compression}.`);
  c.i32(); // weight index
  const ncases = c.i32();
  const bias = c.f64();
  c.skip(9 + 8 + 64 + 3, 'header');
  const dict: SavDictionary = {
    littleEndian: c.littleEndian,
    compression,
    ncases,
    bias,
    caseSlots,
    sysmis: SYSMIS,
    variables: [],
    valueLabels: new Map(),
    stringValueLabels: new Map(),
    dataStart: 0,
  };
  readRecords(c, dict);
  return dict;
}

function readRecords(c: ByteCursor, dict: SavDictionary): void {
  let dictIndex = 0;
  let slot = 0;
  for (;;) {
    const type = c.i32();
    if (type === 2) {
      dictIndex++;
      const v = readVariable(c, dictIndex, slot);
      if (v) {
        dict.variables.push(v);
        slot += v.nslots;
      }
    } else if (type === 3) readValueLabels(c, dict);
    else if (type === 6) {
      const n = c.i32();
      if (n < 0) c.fail('sav.bad_record', `negative document line count ${n}.`);
      c.skip(n * 80, 'document record');
    } else if (type === 7) readSavExtension(c, dict);
    else if (type === 999) {
      c.i32();
      dict.dataStart = c.pos;
      if (dict.variables.length === 0) c.fail('sav.bad_record', 'the file defines no variables.');
      return;
    } else c.fail('sav.bad_record', `unknown record type ${type}; the file is damaged or not a .sav file.`);
  }
}

function readVariable(c: ByteCursor, dictIndex: number, slot: number): SavVariableRecord | null {
  const width = c.i32();
  const hasLabel = c.i32();
  const nmissing = c.i32();
  c.skip(8); // print and write formats
  const nameBytes = c.take(8, 'variable name');
  let nameEnd = 8;
  while (nameEnd > 0 && (nameBytes[nameEnd - 1] === 32 || nameBytes[nameEnd - 1] === 0)) nameEnd--;
  const shortNameBytes = nameBytes.subarray(0, nameEnd);
  const shortName = String.fromCharCode(...shortNameBytes);
  let label: Uint8Array | undefined;
  if (hasLabel === 1) {
    const len = c.i32();
    if (len < 0 || len > 65536) c.fail('sav.bad_record', `variable label length ${len} is impossible.`);
    label = c.take(len, 'variable label');
    c.skip((4 - (len % 4)) % 4);
  }
  if (nmissing > 3 || nmissing < -3 || nmissing === -1) {
    c.fail('sav.bad_record', `variable ${shortName} has an invalid missing-value count ${nmissing}.`);
  }
  const n = Math.abs(nmissing);
  if (width === -1) {
    c.skip(n * 8);
    return null; // continuation of a long string
  }
  if (width < 0 || width > 255)
    c.fail('sav.bad_record', `variable ${shortName} has an invalid width ${width}.`);
  const v: { -readonly [K in keyof SavVariableRecord]: SavVariableRecord[K] } = {
    dictIndex,
    width,
    slot,
    nslots: width === 0 ? 1 : Math.ceil(width / 8),
    shortName,
    shortNameBytes,
  };
  if (label) v.label = label;
  if (width === 0 && n > 0) {
    const vals = Array.from({ length: n }, () => c.f64());
    v.missing = nmissing < 0 ? { low: vals[0], high: vals[1], discrete: vals.slice(2) } : { discrete: vals };
  } else if (n > 0) v.missingStrings = Array.from({ length: n }, () => c.take(8));
  return v;
}

function readValueLabels(c: ByteCursor, dict: SavDictionary): void {
  const count = c.i32();
  if (count < 0 || count > c.remaining / 9)
    c.fail('sav.bad_record', `value label count ${count} is impossible.`);
  const labels: { raw: Uint8Array; label: Uint8Array }[] = [];
  for (let i = 0; i < count; i++) {
    const raw = c.take(8, 'value label');
    const len = c.u8();
    const label = c.take(len, 'value label');
    c.skip((8 - ((len + 1) % 8)) % 8);
    labels.push({ raw, label });
  }
  if (c.i32() !== 4)
    c.fail('sav.bad_record', 'a value label record is not followed by its variable list (type 4).');
  const nvars = c.i32();
  if (nvars < 0 || nvars > c.remaining / 4)
    c.fail('sav.bad_record', `value label variable count ${nvars} is impossible.`);
  for (let i = 0; i < nvars; i++) {
    const idx = c.i32();
    const v = dict.variables.find((x) => x.dictIndex === idx);
    if (v && v.width > 0) {
      const list = dict.stringValueLabels.get(idx) ?? [];
      list.push(...labels);
      dict.stringValueLabels.set(idx, list);
      continue;
    }
    let map = dict.valueLabels.get(idx);
    if (!map) dict.valueLabels.set(idx, (map = new Map()));
    for (const { raw, label } of labels) {
      const view = new DataView(raw.buffer, raw.byteOffset, 8);
      map.set(view.getFloat64(0, dict.littleEndian), label);
    }
  }
}
