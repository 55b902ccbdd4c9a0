import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decoderFor, spssCodePage } from '../../src/io/encodings/decoders.ts';
import { DataFileError } from '../../src/io/data-file-error.ts';
import { readSav } from '../../src/io/sav/read-sav.ts';
import { STRING_LABEL_VARS } from './oracle-files.ts';
import { writeSav } from './writers/sav-writer.ts';

const haveIconv = !spawnSync('iconv', ['--version']).error;

/**
 * What glibc's iconv makes of each byte (null where it refuses the byte), in one run: every byte followed by the
 * byte of a newline (0x0A; 0x25 in EBCDIC), with -c so that refused bytes leave an empty line.
 */
function iconvBytes(name: string, newline: number): (string | null)[] {
  const input: number[] = [];
  for (let b = 0; b < 256; b++) if (b !== newline) input.push(b, newline);
  const r = spawnSync('iconv', ['-c', '-f', name, '-t', 'UTF-8'], { input: Uint8Array.from(input) });
  const lines = r.stdout.toString('utf8').split('\n');
  const out: (string | null)[] = [];
  let k = 0;
  for (let b = 0; b < 256; b++) out.push(b === newline ? '\n' : lines[k++] || null);
  return out;
}

// SPSS code pages (record 7.3) and the iconv name of each: every byte must decode as iconv decodes it.
const SINGLE_BYTE: [number, string][] = [
  [437, 'CP437'],
  [737, 'CP737'],
  [775, 'CP775'],
  [850, 'CP850'],
  [852, 'CP852'],
  [855, 'CP855'],
  [857, 'CP857'],
  [858, 'CP858'],
  [860, 'CP860'],
  [861, 'CP861'],
  [862, 'CP862'],
  [863, 'CP863'],
  [864, 'CP864'],
  [865, 'CP865'],
  [866, 'CP866'],
  [869, 'CP869'],
  [874, 'CP874'],
  [1250, 'CP1250'],
  [1251, 'CP1251'],
  [1252, 'CP1252'],
  [1253, 'CP1253'],
  [1254, 'CP1254'],
  [1256, 'CP1256'],
  [1257, 'CP1257'],
  [20866, 'KOI8-R'],
  [21866, 'KOI8-U'],
  [28591, 'ISO-8859-1'],
  [28592, 'ISO-8859-2'],
  [28593, 'ISO-8859-3'],
  [28594, 'ISO-8859-4'],
  [28595, 'ISO-8859-5'],
  [28596, 'ISO-8859-6'],
  [28597, 'ISO-8859-7'],
  [28598, 'ISO-8859-8'],
  [28599, 'ISO-8859-9'],
  [28603, 'ISO-8859-13'],
  [28605, 'ISO-8859-15'],
  [10000, 'MACINTOSH'],
  [1, 'EBCDIC-US'],
  [708, 'ISO-8859-6'],
];

describe('decoders for the code pages SPSS files name', () => {
  it.skipIf(!haveIconv).each(SINGLE_BYTE)(
    'code page %i decodes every byte as iconv %s does',
    (code, iconvName) => {
      const name = spssCodePage(code);
      expect(name).not.toBeNull();
      const decode = decoderFor(name!);
      const want = iconvBytes(iconvName, code === 1 ? 0x25 : 0x0a);
      const got = Array.from({ length: 256 }, (_, b) => decode(Uint8Array.of(b)));
      // The bytes that make a code page (0x80–0xFF; all 256 for EBCDIC). Where iconv refuses a byte (unassigned)
      // labmig gives U+FFFD or the C1 control WHATWG assigns. One known difference: Mac Roman 0xC6 is U+2206
      // (INCREMENT) in Apple's current table and WHATWG, U+0394 (DELTA) in glibc; 0xF0, the Apple logo, is a
      // private-use character that the two place differently.
      const from = code === 1 ? 0 : 0x80;
      const skip = (b: number) => b < from || (code === 10000 && b === 0xf0);
      const comparable = want.map((w, b) =>
        w === null || skip(b) ? null : code === 10000 && b === 0xc6 ? 'Δ' : got[b],
      );
      expect(comparable).toEqual(want.map((w, b) => (skip(b) ? null : w)));
    },
  );

  it('decodes the multi-byte and stateful ones', () => {
    expect(decoderFor(spssCodePage(936)!)(Uint8Array.of(0xd6, 0xd0, 0xce, 0xc4))).toBe('中文');
    expect(decoderFor(spssCodePage(950)!)(Uint8Array.of(0xa4, 0xa4, 0xa4, 0xe5))).toBe('中文');
    expect(decoderFor(spssCodePage(932)!)(Uint8Array.of(0x93, 0xfa, 0x96, 0x7b))).toBe('日本');
    expect(decoderFor(spssCodePage(949)!)(Uint8Array.of(0xc7, 0xd1, 0xb1, 0xb9))).toBe('한국');
    expect(decoderFor(spssCodePage(65000)!)(new TextEncoder().encode('Hi Mom -+Jjo--!'))).toBe('Hi Mom -☺-!');
    expect(decoderFor(spssCodePage(52936)!)(new TextEncoder().encode('~{VPND~} ok ~~'))).toBe('中文 ok ~');
    expect(decoderFor(spssCodePage(12001)!)(Uint8Array.of(0, 1, 0xf6, 0x00))).toBe('😀');
    const kr = [0x1b, 0x24, 0x29, 0x43, 0x0e, 0x47, 0x51, 0x31, 0x39, 0x0f, 0x21];
    expect(decoderFor(spssCodePage(50225)!)(Uint8Array.from(kr))).toBe('한국!');
  });

  it('reads SPSS "7-bit/8-bit ASCII" (code pages 2, 3, 20127) as Windows-1252, as SPSS writes them', () => {
    for (const code of [2, 3, 20127])
      expect(decoderFor(spssCodePage(code)!)(Uint8Array.of(0x80, 0xe9))).toBe('€é');
  });

  it('names an encoding it does not know instead of falling back to UTF-8', () => {
    expect(() => decoderFor('klingon')).toThrow(
      'the text encoding "klingon" is not an encoding labmig knows.',
    );
    expect(() => decoderFor('ISO-2022-CN-EXT')).toThrow(
      '"ISO-2022-CN-EXT" is known but cannot be decoded here (CNS 11643 planes 3–7 and ISO-IR-165 are not included)',
    );
  });

  it('decodes ISO-2022-CN (SPSS code page 50229) as glibc iconv does, every code of its three sets', () => {
    expect(spssCodePage(50229)).toBe('iso-2022-cn');
    const dec = decoderFor('ISO-2022-CN');
    // "中文 台灣 abc" as iconv writes it: GB 2312 after ESC $ ) A, CNS plane 1 after ESC $ ) G, SO … SI around them
    const text = '1b242941 0e 5650 4e44 0f 20 0e 4c28 1b242947 7d24 0f 20616263';
    expect(dec(Uint8Array.from(Buffer.from(text.replace(/ /g, ''), 'hex')))).toBe('中文 台灣 abc');
    // a plane-2 code (ESC $ * H, then ESC N before it), a code before any designation, an unknown designation
    expect(dec(Uint8Array.from([0x1b, 0x24, 0x2a, 0x48, 0x1b, 0x4e, 0x21, 0x21, 0x41]))).toBe('乂A');
    expect(dec(Uint8Array.from([0x0e, 0x21, 0x21, 0x0f, 0x1b, 0x24, 0x29, 0x45, 0x0e, 0x21, 0x21]))).toBe(
      '\ufffd\ufffd',
    );
    if (!haveIconv) return;
    const sets: [string, number[]][] = [
      ['GB 2312', [0x1b, 0x24, 0x29, 0x41, 0x0e]],
      ['CNS 11643-1', [0x1b, 0x24, 0x29, 0x47, 0x0e]],
      ['CNS 11643-2', [0x1b, 0x24, 0x2a, 0x48, 0x1b, 0x4e]],
    ];
    const counts: number[] = [];
    for (const [set, prefix] of sets) {
      const lines: number[][] = [];
      for (let r = 0x21; r <= 0x7e; r++)
        for (let c = 0x21; c <= 0x7e; c++)
          lines.push([...prefix, r, c, ...(prefix[4] === 0x0e ? [0x0f] : [])]);
      const r = spawnSync('iconv', ['-c', '-f', 'ISO-2022-CN', '-t', 'UTF-8'], {
        input: Uint8Array.from(lines.flatMap((l) => [...l, 0x0a])),
        maxBuffer: 1 << 26,
      });
      const theirs = r.stdout.toString('utf8').split('\n');
      const wrong: string[] = [];
      let valid = 0;
      lines.forEach((l, k) => {
        const got = dec(Uint8Array.from(l));
        // iconv -c drops a code it refuses (and may then read its two bytes as ASCII); labmig gives U+FFFD
        const refused = !(theirs[k].length === 1 && theirs[k].charCodeAt(0) >= 0x80);
        if (refused ? got !== '\ufffd' : got !== theirs[k])
          wrong.push(`${set} ${l.slice(-3).map((x) => x.toString(16))}: iconv ${theirs[k]}, labmig ${got}`);
        if (!refused) valid++;
      });
      expect(wrong).toEqual([]);
      counts.push(valid);
    }
    // GB 2312 has 7,445 characters, CNS 11643 plane 2 7,650; glibc's plane 1 has 5,867 of the standard's 6,085
    expect(counts).toEqual([7445, 5867, 7650]);
    // text iconv writes, over several lines (it designates again on each line) with the three sets mixed; glibc's
    // encoder forgets SO after a plane-2 character followed by a GB 2312 one ("乂乃" comes back as "乂DK" from
    // glibc's own decoder too), so plane 2 is followed by ASCII here
    const sample = '勞動力遷移 statistics\n移民工人 乂 labour migration\n國際勞工組織\n';
    const enc = spawnSync('iconv', ['-f', 'UTF-8', '-t', 'ISO-2022-CN'], { input: sample });
    expect(enc.status).toBe(0);
    expect(enc.stdout.indexOf(Buffer.from([0x1b, 0x4e]))).toBeGreaterThan(0); // a plane-2 code (ESC N)
    expect(dec(new Uint8Array(enc.stdout))).toBe(sample);
  });

  it('decodes JOHAB (SPSS code page 1361) as glibc iconv does, every two-byte code', () => {
    expect(spssCodePage(1361)).toBe('johab');
    const dec = decoderFor('CP1361');
    // 가 (0x8861), 한 (0xD065), a symbol row (0xD931 = KS X 1001 0x2121, ideographic space), a Hanja (0xE031)
    expect(dec(Uint8Array.of(0x41, 0x88, 0x61, 0xd0, 0x65, 0x5c))).toBe('A가한₩');
    if (!haveIconv) return;
    const input: number[] = [];
    const codes: number[] = [];
    for (let lead = 0x80; lead <= 0xff; lead++)
      for (let t = 0x31; t <= 0xfe; t++) {
        codes.push((lead << 8) | t);
        input.push(lead, t, 0x0a);
      }
    const r = spawnSync('iconv', ['-c', '-f', 'JOHAB', '-t', 'UTF-8'], {
      input: Uint8Array.from(input),
      maxBuffer: 1 << 26,
    });
    const lines = r.stdout.toString('utf8').split('\n');
    let valid = 0;
    let iconvValid = 0;
    const one = (t: string) => [...t].length === 1 && t.charCodeAt(0) >= 0x80 && t !== '\ufffd';
    const wrong: string[] = [];
    codes.forEach((code, k) => {
      const got = dec(Uint8Array.of(code >> 8, code & 0xff));
      // iconv -c drops a refused code (and, after a refused lead byte, may read the trail byte as ASCII)
      const ours = got.startsWith('\ufffd') ? got.slice(1).replace(/\ufffd/g, '') : got;
      const theirs = lines[k];
      if (one(got)) valid++;
      if (one(theirs)) iconvValid++;
      if (got.startsWith('\ufffd') ? theirs !== '' && theirs !== ours : theirs !== got)
        wrong.push(`${code.toString(16)}: iconv ${JSON.stringify(theirs)}, labmig ${JSON.stringify(got)}`);
    });
    expect(wrong).toEqual([]);
    // 11172 syllables, jamo, symbols and 4888 Hanja (iconv's count also has the trail bytes it reads after a
    // refused lead byte, such as 0x805C → ₩)
    expect(valid).toBeGreaterThan(17000);
    expect(iconvValid - valid).toBeLessThan(50);
  });
});

describe('readSav: encodings, string labels and string missing values', () => {
  it('refuses a file whose encoding record names an unknown encoding, naming it', () => {
    const bytes = writeSav([{ name: 'x', values: [1] }], {
      compression: 0,
      encoding: 'windows-1252',
      encodingName: 'X-KLINGON',
    });
    expect(() => readSav(bytes, { source: 'k.sav' })).toThrow(
      'k.sav: the text encoding "X-KLINGON" is not an encoding labmig knows (named in the encoding record (7.20)). Save the file again in SPSS with Unicode (UTF-8) on.',
    );
    const e = (() => {
      try {
        readSav(
          writeSav([{ name: 'x', values: [1] }], {
            compression: 0,
            encoding: 'windows-1252',
            codePage: 4242,
          }),
        );
      } catch (x) {
        return x as DataFileError;
      }
    })();
    expect(e?.code).toBe('sav.unsupported');
    expect(e?.message).toContain(
      'code page 4242 in the machine integer record (7.3) is not a code page labmig knows',
    );
  });

  it('keeps the text of string user-missing values and the labels of short and long strings (record 7.21)', () => {
    const ds = readSav(writeSav(STRING_LABEL_VARS, { compression: 1 }));
    const code = ds.column('code');
    expect(
      code.kind === 'categorical' && Array.from(code.codes, (k) => (k < 0 ? null : code.levels[k])),
    ).toEqual(['A', 'B', null, null]);
    expect(code.kind === 'categorical' && [...code.missingReasons!]).toEqual([
      [2, 'X'],
      [3, 'Z'],
    ]);
    expect(code.kind === 'categorical' && [...code.valueLabels!]).toEqual([
      ['A', 'alpha'],
      ['X', 'refused'],
    ]);
    const answer = ds.column('answer');
    expect(answer.kind === 'categorical' && [...answer.valueLabels!]).toEqual([
      ['yes, certainly', 'Yes'],
      ['no answer given', 'No answer'],
    ]);
  });

  it('decodes short names in the file encoding, so that long names of non-ASCII short names apply', () => {
    const ds = readSav(
      new Uint8Array(readFileSync(new URL('../fixtures/io/gen_cp866.sav', import.meta.url))),
    );
    expect(ds.columns.map((c) => c.name)).toEqual(['возраст_лет', 'город']);
  });
});
