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
    expect(() => decoderFor('CP1361')).toThrow('"CP1361" is known but cannot be decoded here yet');
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
