import { ByteWriter } from './byte-writer.ts';

/** Stata storage types the test writer knows. */
export type DtaTestType = 'byte' | 'int' | 'long' | 'float' | 'double' | 'strL' | number;

/** A variable for {@link writeDta}: a number type, `strL`, or a number = str# width. Missing: null = `.`, '.a'… */
export interface DtaTestVariable {
  readonly name: string;
  readonly type: DtaTestType;
  readonly values: readonly (number | string | null)[];
  readonly label?: string;
  readonly valueLabels?: readonly [number, string][];
}

const CODE: Record<string, number> = {
  byte: 65530,
  int: 65529,
  long: 65528,
  float: 65527,
  double: 65526,
  strL: 32768,
};

/** Writes a small Stata file of release 117, 118 or 119 for tests, in either byte order. */
export function writeDta(
  vars: readonly DtaTestVariable[],
  release: 117 | 118 | 119,
  littleEndian = true,
): Uint8Array {
  const w = new ByteWriter(littleEndian);
  const n = vars[0]?.values.length ?? 0;
  const nameLen = release === 117 ? 33 : 129;
  const map: number[] = new Array(14).fill(0);
  w.text('<stata_dta><header><release>').text(String(release)).text('</release><byteorder>');
  w.text(littleEndian ? 'LSF' : 'MSF').text('</byteorder><K>');
  if (release === 119) w.u32(vars.length);
  else w.u16(vars.length);
  w.text('</K><N>');
  if (release === 117) w.u32(n);
  else w.u64(n);
  w.text('</N><label>');
  if (release === 117) w.u8(4);
  else w.u16(4);
  w.text('test</label><timestamp>').u8(17).text('01 Jan 2026 00:00').text('</timestamp></header>');
  map[1] = w.length;
  w.text('<map>');
  const mapAt = w.length;
  for (let i = 0; i < 14; i++) w.u64(0);
  w.text('</map>');
  map[2] = w.length;
  w.text('<variable_types>');
  for (const v of vars) w.u16(typeof v.type === 'number' ? v.type : CODE[v.type]);
  w.text('</variable_types>');
  map[3] = w.length;
  w.text('<varnames>');
  for (const v of vars) w.text(v.name, nameLen);
  w.text('</varnames>');
  map[4] = w.length;
  w.text('<sortlist>')
    .text('', (vars.length + 1) * (release === 119 ? 4 : 2))
    .text('</sortlist>');
  map[5] = w.length;
  w.text('<formats>');
  for (const v of vars)
    w.text(
      typeof v.type === 'number' ? `%${v.type}s` : v.type === 'strL' ? '%9s' : '%9.0g',
      release === 117 ? 49 : 57,
    );
  w.text('</formats>');
  map[6] = w.length;
  w.text('<value_label_names>');
  for (const v of vars) w.text(v.valueLabels ? `lbl_${v.name}` : '', nameLen);
  w.text('</value_label_names>');
  map[7] = w.length;
  w.text('<variable_labels>');
  for (const v of vars) w.text(v.label ?? '', release === 117 ? 81 : 321);
  w.text('</variable_labels>');
  map[8] = w.length;
  w.text('<characteristics></characteristics>');
  map[9] = w.length;
  w.text('<data>');
  const strls: { v: number; o: number; text: string }[] = [];
  for (let r = 0; r < n; r++) {
    vars.forEach((v, j) => writeValue(w, v, j, r, release, strls));
  }
  w.text('</data>');
  map[10] = w.length;
  w.text('<strls>');
  for (const s of strls) {
    const b = new TextEncoder().encode(s.text);
    w.text('GSO').u32(s.v);
    if (release === 117) w.u32(s.o);
    else w.u64(s.o);
    w.u8(130)
      .u32(b.length + 1)
      .bytes(b)
      .u8(0);
  }
  w.text('</strls>');
  map[11] = w.length;
  w.text('<value_labels>');
  for (const v of vars) if (v.valueLabels) writeLabelTable(w, `lbl_${v.name}`, v.valueLabels, nameLen);
  w.text('</value_labels>');
  map[12] = w.length;
  w.text('</stata_dta>');
  map[13] = w.length;
  map.forEach((x, i) => w.patchU64(mapAt + 8 * i, x));
  return w.result();
}

function missingIndex(x: string): number {
  return x === '.' ? 0 : x.charCodeAt(1) - 96;
}

export function writeValue(
  w: ByteWriter,
  v: DtaTestVariable,
  j: number,
  r: number,
  release: number,
  strls: { v: number; o: number; text: string }[],
): void {
  const x = v.values[r];
  if (typeof v.type === 'number') return void w.text(typeof x === 'string' ? x : '', v.type);
  if (v.type === 'strL') {
    const text = typeof x === 'string' ? x : '';
    const vi = text ? j + 1 : 0;
    const o = text ? r + 1 : 0;
    if (text) strls.push({ v: vi, o, text });
    const vBytes = release === 117 ? 4 : release === 118 ? 2 : 3;
    const b = new Uint8Array(8);
    for (let k = 0; k < vBytes; k++) b[w.littleEndian ? k : vBytes - 1 - k] = Math.floor(vi / 256 ** k) % 256;
    for (let k = 0; k < 8 - vBytes; k++)
      b[vBytes + (w.littleEndian ? k : 8 - vBytes - 1 - k)] = Math.floor(o / 256 ** k) % 256;
    return void w.bytes(b);
  }
  const miss = x === null ? 0 : typeof x === 'string' ? missingIndex(x) : -1;
  switch (v.type) {
    case 'byte':
      return void w.i8(miss >= 0 ? 101 + miss : (x as number));
    case 'int':
      return void w.i16(miss >= 0 ? 32741 + miss : (x as number));
    case 'long':
      return void w.i32(miss >= 0 ? 2147483621 + miss : (x as number));
    case 'float':
      return void (miss >= 0 ? w.i32(0x7f000000 + miss * 0x800) : w.f32(x as number));
    default:
      return void (miss >= 0
        ? w
            .i32(w.littleEndian ? 0 : 0x7fe00000 + miss * 0x100)
            .i32(w.littleEndian ? 0x7fe00000 + miss * 0x100 : 0)
        : w.f64(x as number));
  }
}

export function writeLabelTable(
  w: ByteWriter,
  name: string,
  labels: readonly [number, string][],
  nameLen: number,
  tags = true,
): void {
  const texts = labels.map(([, l]) => new TextEncoder().encode(l));
  const txtlen = texts.reduce((a, t) => a + t.length + 1, 0);
  if (tags) w.text('<lbl>');
  w.i32(8 + 8 * labels.length + txtlen)
    .text(name, nameLen)
    .text('', 3);
  w.i32(labels.length).i32(txtlen);
  let off = 0;
  for (const t of texts) {
    w.i32(off);
    off += t.length + 1;
  }
  for (const [code] of labels) w.i32(code);
  for (const t of texts) w.bytes(t).u8(0);
  if (tags) w.text('</lbl>');
}
