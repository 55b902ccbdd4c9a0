import { zlibSync } from 'fflate';
import { ByteWriter } from './byte-writer.ts';
import { decoderFor } from '../../../src/io/encodings/decoders.ts';

/** A variable for {@link writeSav}. Strings: `width` bytes (may exceed 255: very long string). */
export interface SavTestVariable {
  readonly name: string;
  readonly width?: number;
  readonly values: readonly (number | string | null)[];
  readonly label?: string;
  readonly valueLabels?: readonly [number | string, string][];
  /** The 8-byte short name (default V1, V2, …); may hold non-ASCII letters, written in the file's encoding. */
  readonly shortName?: string;
  /** Discrete user-missing codes (up to 3), or a range plus an optional discrete code. */
  readonly missing?: { readonly discrete?: readonly number[]; readonly low?: number; readonly high?: number };
  /** String user-missing values: in the variable record up to width 8, else in record 7.22. */
  readonly missingStrings?: readonly string[];
}

export interface SavTestOptions {
  readonly compression: 0 | 1 | 2;
  readonly littleEndian?: boolean;
  /** Text encoding of names, labels and strings (default UTF-8); any single-byte code page labmig decodes. */
  readonly encoding?: string;
  /** Code page of record 7.3 (default 65001 for UTF-8, 1252 otherwise). */
  readonly codePage?: number;
  /** Name in record 7.20; default "UTF-8" for UTF-8 files, none otherwise; null: no record 7.20. */
  readonly encodingName?: string | null;
  /** Rows per zlib block budget, in bytes of bytecode (small to get several blocks). */
  readonly zblock?: number;
}

const SYSMIS = -Number.MAX_VALUE;

// The encoding of the file being written (the writer is synchronous, so module state is safe here).
let textEncoding = 'utf-8';
let reverse: Map<string, number> | null = null;

/**
 * Text as bytes in the current encoding. Single-byte code pages are inverted from labmig's decoder; the files are
 * checked against ReadStat (glibc iconv), so a wrong table would show there.
 */
function encodeText(s: string): Uint8Array {
  if (textEncoding === 'utf-8') return new TextEncoder().encode(s);
  return Uint8Array.from(s, (ch) => {
    const b = reverse!.get(ch);
    if (b === undefined) throw new Error(`encodeText: ${ch} is not in ${textEncoding}`);
    return b;
  });
}

function setEncoding(name: string): void {
  textEncoding = name;
  reverse = null;
  if (name === 'utf-8') return;
  const decode = decoderFor(name);
  reverse = new Map();
  for (let b = 255; b >= 0; b--) reverse.set(decode(Uint8Array.of(b)), b);
}
const BIAS = 100;

interface Seg {
  short: string;
  width: number;
}

/** Writes a small SPSS system file for tests (.sav uncompressed/bytecode, or .zsav). */
export function writeSav(vars: readonly SavTestVariable[], o: SavTestOptions): Uint8Array {
  setEncoding(o.encoding ?? 'utf-8');
  const w = new ByteWriter(o.littleEndian ?? true);
  const nrows = vars[0]?.values.length ?? 0;
  const segsOf = vars.map((v, i): Seg[] => {
    const short = v.shortName ?? `V${i + 1}`;
    const width = v.width ?? 0;
    if (width <= 255) return [{ short, width }];
    const n = Math.ceil(width / 252);
    return Array.from({ length: n }, (_, k) => ({
      short: k === 0 ? short : `V${i + 1}S${k}`,
      width: k < n - 1 ? 255 : width - 252 * (n - 1),
    }));
  });
  const slots = segsOf.flat().reduce((n, s) => n + (s.width === 0 ? 1 : Math.ceil(s.width / 8)), 0);
  w.text(o.compression === 2 ? '$FL3' : '$FL2').text('@(#) SPSS DATA FILE labmig test writer', 60, 32);
  w.i32(2).i32(slots).i32(o.compression).i32(0).i32(nrows).f64(BIAS);
  w.text('01 Jan 26').text('00:00:00').text('', 64, 32).text('', 3);
  let dictIndex = 0;
  const labelIndex: number[] = [];
  vars.forEach((v, i) => {
    segsOf[i].forEach((s, k) => {
      labelIndex[i] ??= dictIndex + 1;
      writeVariable(w, s, k === 0 ? v : undefined);
      dictIndex += s.width === 0 ? 1 : Math.ceil(s.width / 8);
    });
  });
  vars.forEach((v, i) => {
    // value labels of numbers and of strings up to 8 bytes here; longer strings go to record 7.21
    if (!v.valueLabels?.length || (v.width ?? 0) > 8) return;
    w.i32(3).i32(v.valueLabels.length);
    for (const [code, label] of v.valueLabels) {
      const b = encodeText(label);
      if (typeof code === 'number') w.f64(code);
      else w.bytes(Uint8Array.from([...encodeText(code), 32, 32, 32, 32, 32, 32, 32, 32].slice(0, 8)));
      w.u8(b.length)
        .bytes(b)
        .text('', (8 - ((b.length + 1) % 8)) % 8, 32);
    }
    w.i32(4).i32(1).i32(labelIndex[i]);
  });
  w.i32(7)
    .i32(3)
    .i32(4)
    .i32(8)
    .i32(1)
    .i32(0)
    .i32(0)
    .i32(-1)
    .i32(1)
    .i32(1)
    .i32(w.littleEndian ? 2 : 1)
    .i32(o.codePage ?? (textEncoding === 'utf-8' ? 65001 : 1252));
  w.i32(7).i32(4).i32(8).i32(3).f64(SYSMIS).f64(Number.MAX_VALUE).f64(-1.7976931348623155e308);
  const longNames = encodeText(vars.map((v, i) => `${v.shortName ?? `V${i + 1}`}=${v.name}`).join('\t'));
  w.i32(7).i32(13).i32(1).i32(longNames.length).bytes(longNames);
  const vls = vars
    .map((v, i) => ((v.width ?? 0) > 255 ? `V${i + 1}=${String(v.width).padStart(5, '0')}\0\t` : ''))
    .join('');
  if (vls) w.i32(7).i32(14).i32(1).i32(vls.length).text(vls);
  const longMissing = vars.filter((v) => (v.width ?? 0) > 8 && v.missingStrings?.length);
  if (longMissing.length) {
    const body = new ByteWriter(w.littleEndian);
    for (const v of longMissing) {
      const name = encodeText(v.name);
      body.i32(name.length).bytes(name).u8(v.missingStrings!.length).i32(8);
      for (const x of v.missingStrings!) body.bytes(encodeText(x.padEnd(8).slice(0, 8)));
    }
    const b = body.result();
    w.i32(7).i32(22).i32(1).i32(b.length).bytes(b);
  }
  const longLabels = vars.filter((v) => (v.width ?? 0) > 8 && v.valueLabels?.length);
  if (longLabels.length) {
    // record 7.21: value labels of long strings
    const body = new ByteWriter(w.littleEndian);
    for (const v of longLabels) {
      const name = encodeText(v.name);
      body.i32(name.length).bytes(name).i32(v.width!).i32(v.valueLabels!.length);
      for (const [value, label] of v.valueLabels!) {
        const vb = encodeText(String(value).padEnd(v.width!).slice(0, v.width!));
        const lb = encodeText(label);
        body.i32(vb.length).bytes(vb).i32(lb.length).bytes(lb);
      }
    }
    const b = body.result();
    w.i32(7).i32(21).i32(1).i32(b.length).bytes(b);
  }
  // Other than UTF-8, files are written the old way by default: code page in record 7.3 only, no record 7.20.
  const encName = o.encodingName === undefined ? (textEncoding === 'utf-8' ? 'UTF-8' : null) : o.encodingName;
  if (encName) w.i32(7).i32(20).i32(1).i32(encName.length).text(encName);
  w.i32(999).i32(0);
  const cases = caseSlots(vars, segsOf, nrows, w.littleEndian);
  if (o.compression === 0) cases.forEach((c) => w.bytes(c));
  else if (o.compression === 1) w.bytes(bytecode(cases, w.littleEndian));
  else writeZlib(w, bytecode(cases, w.littleEndian), o.zblock ?? 512);
  return w.result();
}

function writeVariable(w: ByteWriter, s: Seg, v: SavTestVariable | undefined): void {
  const fmt = s.width === 0 ? (5 << 16) | (8 << 8) | 2 : (1 << 16) | (Math.min(s.width, 255) << 8);
  const m = v?.missing;
  const mvals = m
    ? m.low !== undefined
      ? [m.low, m.high!, ...(m.discrete ?? [])]
      : [...(m.discrete ?? [])]
    : [];
  const shortMissing = v?.missingStrings && s.width <= 8 ? v.missingStrings : [];
  const nmissing = m?.low !== undefined ? -mvals.length : mvals.length + shortMissing.length;
  const label = v?.label ? encodeText(v.label) : undefined;
  w.i32(2)
    .i32(s.width)
    .i32(label ? 1 : 0)
    .i32(nmissing)
    .i32(fmt)
    .i32(fmt)
    .bytes(Uint8Array.from([...encodeText(s.short), 32, 32, 32, 32, 32, 32, 32, 32].slice(0, 8)));
  if (label)
    w.i32(label.length)
      .bytes(label)
      .text('', (4 - (label.length % 4)) % 4, 32);
  for (const x of mvals) w.f64(x);
  for (const x of shortMissing) w.bytes(encodeText(x.padEnd(8)));
  for (let k = 1; k < Math.ceil(s.width / 8); k++)
    w.i32(2).i32(-1).i32(0).i32(0).i32(0).i32(0).text('', 8, 32);
}

/** Each case as 8-byte slots. Very long strings are packed 255 bytes per segment. */
function caseSlots(
  vars: readonly SavTestVariable[],
  segsOf: Seg[][],
  nrows: number,
  le: boolean,
): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let r = 0; r < nrows; r++) {
    const parts: number[] = [];
    vars.forEach((v, i) => {
      const x = v.values[r];
      if ((v.width ?? 0) === 0) {
        const b = new Uint8Array(8);
        new DataView(b.buffer).setFloat64(0, typeof x === 'number' ? x : SYSMIS, le);
        parts.push(...b);
        return;
      }
      const text = encodeText(typeof x === 'string' ? x : '');
      let at = 0;
      for (const s of segsOf[i]) {
        const room = Math.ceil(s.width / 8) * 8;
        const seg = new Uint8Array(room).fill(32);
        seg.set(text.subarray(at, at + Math.min(s.width, 255)));
        at += Math.min(s.width, 255);
        parts.push(...seg);
      }
    });
    out.push(Uint8Array.from(parts));
  }
  return out;
}

function bytecode(cases: Uint8Array[], le: boolean): Uint8Array {
  const w = new ByteWriter(le);
  let cmds: number[] = [];
  let raw: Uint8Array[] = [];
  const flush = () => {
    while (cmds.length < 8) cmds.push(0);
    w.bytes(cmds);
    raw.forEach((b) => w.bytes(b));
    cmds = [];
    raw = [];
  };
  for (const c of cases) {
    const view = new DataView(c.buffer, c.byteOffset, c.byteLength);
    for (let o = 0; o < c.length; o += 8) {
      const slot = c.subarray(o, o + 8);
      const x = view.getFloat64(o, le);
      if (slot.every((b) => b === 32)) cmds.push(254);
      else if (x === SYSMIS) cmds.push(255);
      else if (Number.isInteger(x) && x + BIAS >= 1 && x + BIAS <= 251) cmds.push(x + BIAS);
      else {
        cmds.push(253);
        raw.push(slot);
      }
      if (cmds.length === 8) flush();
    }
  }
  if (cmds.length) flush();
  return w.result();
}

function writeZlib(w: ByteWriter, data: Uint8Array, blockSize: number): void {
  const zheaderOfs = w.length;
  w.u64(zheaderOfs).u64(0).u64(0);
  const blocks: { uofs: number; cofs: number; usize: number; csize: number }[] = [];
  for (let o = 0; o < data.length; o += blockSize) {
    const part = data.subarray(o, o + blockSize);
    const z = zlibSync(part);
    blocks.push({ uofs: zheaderOfs + o, cofs: w.length, usize: part.length, csize: z.length });
    w.bytes(z);
  }
  const trailerOfs = w.length;
  w.i64(-BIAS).u64(0);
  w.i32(blockSize).i32(blocks.length);
  for (const b of blocks) w.u64(b.uofs).u64(b.cofs).i32(b.usize).i32(b.csize);
  w.patchU64(zheaderOfs + 8, trailerOfs);
  w.patchU64(zheaderOfs + 16, w.length - trailerOfs);
}
