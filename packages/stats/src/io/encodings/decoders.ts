import { CODE_PAGE_TABLES } from './code-pages.generated.ts';
import {
  decodeUtf7,
  decodeUtf32,
  decodeHz,
  decodeIso2022Cn,
  decodeIso2022Kr,
  decodeJohab,
} from './stateful-decoders.ts';

/** Turns bytes into text. */
export type TextDecodeFn = (bytes: Uint8Array) => string;

/** An encoding name no decoder is known for. The message names it; `encoding` holds it. */
export class UnknownEncodingError extends RangeError {
  override readonly name = 'UnknownEncodingError';
  constructor(
    readonly encoding: string,
    detail = 'is not an encoding labmig knows',
  ) {
    super(`the text encoding "${encoding}" ${detail}.`);
  }
}

// Windows-1252 differs from Latin-1 in 0x80–0x9F; written out because Node's TextDecoder decodes that range of
// 'windows-1252' as Latin-1 control characters. U+FFFD marks the five unassigned bytes.
const CP1252_HIGH =
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
  '\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';
let LATIN1_HIGH = '';
for (let b = 0xa0; b < 0x100; b++) LATIN1_HIGH += String.fromCharCode(b);
let C1 = '';
for (let b = 0x80; b < 0xa0; b++) C1 += String.fromCharCode(b);

/** A decoder from a table of the characters of bytes 0x80–0xFF (or 0x00–0xFF). */
function tableDecoder(table: string): TextDecodeFn {
  const codes = Uint16Array.from(table, (ch) => ch.charCodeAt(0));
  const offset = codes.length === 256 ? 0 : 128;
  return (bytes) => {
    let out = '';
    for (let i = 0; i < bytes.length; i += 8192) {
      const part = bytes.subarray(i, i + 8192);
      const chars = new Uint16Array(part.length);
      for (let k = 0; k < part.length; k++) {
        const b = part[k];
        chars[k] = b >= offset ? codes[b - offset] : b;
      }
      out += String.fromCharCode(...chars);
    }
    return out;
  };
}

const windows1252 = tableDecoder(CP1252_HIGH + LATIN1_HIGH);
const latin1 = tableDecoder(C1 + LATIN1_HIGH);

/** Names (lower case, after {@link normalise}) → the name of a decoder. */
const ALIASES: Record<string, string> = {
  utf8: 'utf-8',
  unicode11utf8: 'utf-8',
  utf16le: 'utf-16le',
  utf16be: 'utf-16be',
  utf16: 'utf-16le',
  ucs2: 'utf-16le',
  utf32le: 'utf-32le',
  utf32be: 'utf-32be',
  utf32: 'utf-32le',
  utf7: 'utf-7',
  // 7-bit and 8-bit "ASCII": SPSS writes Windows-1252 bytes under these names
  ascii: 'windows-1252',
  usascii: 'windows-1252',
  ansix341968: 'windows-1252',
  iso646us: 'windows-1252',
  cp1252: 'windows-1252',
  windows1252: 'windows-1252',
  ansi1252: 'windows-1252',
  ibm1252: 'windows-1252',
  latin1: 'iso-8859-1',
  iso88591: 'iso-8859-1',
  l1: 'iso-8859-1',
  cp819: 'iso-8859-1',
  ibm819: 'iso-8859-1',
  macintosh: 'macintosh',
  macroman: 'macintosh',
  mac: 'macintosh',
  xmacroman: 'macintosh',
  maccyrillic: 'x-mac-cyrillic',
  xmaccyrillic: 'x-mac-cyrillic',
  macukraine: 'x-mac-cyrillic',
  macukrainian: 'x-mac-cyrillic',
  maccentraleurope: 'mac-centraleurope',
  maccentraleurroman: 'mac-centraleurope',
  maclatin2: 'mac-centraleurope',
  macce: 'mac-centraleurope',
  macarabic: 'mac-arabic',
  macgreek: 'mac-greek',
  macromania: 'mac-romania',
  macromanian: 'mac-romania',
  maciceland: 'mac-iceland',
  macturkish: 'mac-turkish',
  maccroatian: 'mac-croatian',
  macfarsi: 'mac-farsi',
  big5: 'big5',
  big5hkscs: 'big5',
  cp950: 'big5',
  cnbig5: 'big5',
  xxbig5: 'big5',
  gbk: 'gbk',
  cp936: 'gbk',
  gb2312: 'gbk',
  euccn: 'gbk',
  windows936: 'gbk',
  gb18030: 'gb18030',
  shiftjis: 'shift_jis',
  sjis: 'shift_jis',
  cp932: 'shift_jis',
  windows31j: 'shift_jis',
  mskanji: 'shift_jis',
  eucjp: 'euc-jp',
  deckanji: 'euc-jp',
  iso2022jp: 'iso-2022-jp',
  euckr: 'euc-kr',
  cp949: 'euc-kr',
  uhc: 'euc-kr',
  windows949: 'euc-kr',
  ksc56011987: 'euc-kr',
  iso2022kr: 'iso-2022-kr',
  hzgb2312: 'hz-gb-2312',
  hz: 'hz-gb-2312',
  koi8r: 'koi8-r',
  koi8u: 'koi8-u',
  koi8ru: 'koi8-ru',
  koi8t: 'koi8-t',
  cp866: 'ibm866',
  ibm866: 'ibm866',
  cp874: 'windows-874',
  windows874: 'windows-874',
  tis620: 'tis-620',
  asmo708: 'iso-8859-6',
  ebcdicus: 'ebcdic-us',
  ebcdic: 'ebcdic-us',
  cp1361: 'johab',
  johab: 'johab',
  iso2022cn: 'iso-2022-cn',
  iso2022cnext: 'iso-2022-cn-ext',
};
for (const n of [1250, 1251, 1253, 1254, 1255, 1256, 1257, 1258]) {
  ALIASES[`cp${n}`] = ALIASES[`windows${n}`] = ALIASES[`ansi${n}`] = `windows-${n}`;
}
for (const n of [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16]) ALIASES[`iso8859${n}`] = `iso-8859-${n}`;
for (const n of [437, 737, 775, 850, 852, 855, 857, 858, 860, 861, 862, 863, 864, 865, 869, 1125, 1133]) {
  ALIASES[`cp${n}`] = ALIASES[`ibm${n}`] = ALIASES[`${n}`] = `cp${n}`;
}
ALIASES.ibm00858 = 'cp858';
for (const n of [37, 500, 1047, 273, 277, 278, 280, 284, 285, 297, 1140]) {
  ALIASES[`cp${String(n).padStart(3, '0')}`] = ALIASES[`ibm${String(n).padStart(3, '0')}`] =
    `cp${String(n).padStart(3, '0')}`;
  ALIASES[`cp${n}`] = ALIASES[`ibm${n}`] = `cp${String(n).padStart(3, '0')}`;
}
for (const k of Object.keys(CODE_PAGE_TABLES)) ALIASES[normalise(k)] ??= k;

function normalise(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The WHATWG encodings TextDecoder offers that labmig uses as they are. */
const WHATWG = new Set([
  'utf-8',
  'utf-16le',
  'utf-16be',
  'ibm866',
  'koi8-r',
  'koi8-u',
  'macintosh',
  'x-mac-cyrillic',
  'windows-874',
  'big5',
  'gbk',
  'gb18030',
  'shift_jis',
  'euc-jp',
  'iso-2022-jp',
  'euc-kr',
  ...[1250, 1251, 1253, 1254, 1255, 1256, 1257, 1258].map((n) => `windows-${n}`),
  ...[2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15].map((n) => `iso-8859-${n}`),
]);

const cache = new Map<string, TextDecodeFn>();

/**
 * The decoder for an encoding name, as files name them (IANA and iconv names and aliases: `windows-1252`, `CP1252`,
 * `IBM850`, `ISO_8859-1`, `Big5`, `UTF-8`, `macintosh`, …). Bytes a code page leaves unassigned become U+FFFD.
 *
 * @throws UnknownEncodingError naming the encoding when no decoder is known for it (never a silent UTF-8).
 * @example
 * decoderFor('IBM850')(Uint8Array.of(0x82)); // 'é'
 * decoderFor('klingon'); // throws: the text encoding "klingon" is not an encoding labmig knows.
 */
export function decoderFor(encoding: string): TextDecodeFn {
  const name = ALIASES[normalise(encoding)] ?? encoding.toLowerCase();
  const hit = cache.get(name);
  if (hit) return hit;
  const d = makeDecoder(name, encoding);
  cache.set(name, d);
  return d;
}

function makeDecoder(name: string, given: string): TextDecodeFn {
  if (name === 'windows-1252') return windows1252;
  if (name === 'iso-8859-1') return latin1;
  if (CODE_PAGE_TABLES[name]) return tableDecoder(CODE_PAGE_TABLES[name]);
  if (name === 'utf-32le' || name === 'utf-32be') return (b) => decodeUtf32(b, name === 'utf-32le');
  if (name === 'utf-7') return decodeUtf7;
  if (name === 'hz-gb-2312') return decodeHz;
  if (name === 'iso-2022-kr') return decodeIso2022Kr;
  if (name === 'johab') return decodeJohab;
  if (name === 'iso-2022-cn') return decodeIso2022Cn;
  if (name === 'iso-2022-cn-ext')
    throw new UnknownEncodingError(
      given,
      'is known but cannot be decoded here (CNS 11643 planes 3–7 and ISO-IR-165 are not included); convert the file to UTF-8 (e.g. with iconv)',
    );
  if (WHATWG.has(name)) {
    const d = new TextDecoder(name);
    return (b) => d.decode(b);
  }
  throw new UnknownEncodingError(given);
}

/**
 * SPSS code page numbers (record 7.3, Windows code page identifiers) → encoding names; 2 and 3 ("7-bit/8-bit
 * ASCII") and 20127 are read as Windows-1252, as SPSS writes them.
 */
const SPSS_CODE_PAGES: Record<number, string> = {
  1: 'ebcdic-us',
  2: 'windows-1252',
  3: 'windows-1252',
  4: 'euc-jp',
  708: 'iso-8859-6',
  932: 'shift_jis',
  936: 'gbk',
  949: 'euc-kr',
  950: 'big5',
  1200: 'utf-16le',
  1201: 'utf-16be',
  1361: 'johab',
  10000: 'macintosh',
  10004: 'mac-arabic',
  10005: 'mac-hebrew',
  10006: 'mac-greek',
  10007: 'x-mac-cyrillic',
  10010: 'mac-romania',
  10017: 'x-mac-cyrillic',
  10021: 'mac-thai',
  10029: 'mac-centraleurope',
  10079: 'mac-iceland',
  10081: 'mac-turkish',
  10082: 'mac-croatian',
  12000: 'utf-32le',
  12001: 'utf-32be',
  20127: 'windows-1252',
  20866: 'koi8-r',
  20932: 'euc-jp',
  21866: 'koi8-u',
  28591: 'iso-8859-1',
  28603: 'iso-8859-13',
  28605: 'iso-8859-15',
  50220: 'iso-2022-jp',
  50221: 'iso-2022-jp',
  50222: 'iso-2022-jp',
  50225: 'iso-2022-kr',
  50229: 'iso-2022-cn',
  51932: 'euc-jp',
  51936: 'gbk',
  51949: 'euc-kr',
  52936: 'hz-gb-2312',
  54936: 'gb18030',
  65000: 'utf-7',
  65001: 'utf-8',
};
for (const n of [437, 737, 775, 850, 852, 855, 857, 858, 860, 861, 862, 863, 864, 865, 869])
  SPSS_CODE_PAGES[n] = `cp${n}`;
SPSS_CODE_PAGES[866] = 'ibm866';
SPSS_CODE_PAGES[874] = 'windows-874';
for (let n = 1250; n <= 1258; n++) SPSS_CODE_PAGES[n] = `windows-${n}`;
for (let n = 2; n <= 9; n++) SPSS_CODE_PAGES[28590 + n] = `iso-8859-${n}`;

/**
 * The encoding an SPSS code page number stands for (record 7.3's character code).
 *
 * @example
 * spssCodePage(850);   // 'cp850'
 * spssCodePage(2);     // 'windows-1252' (SPSS's "7-bit ASCII")
 * spssCodePage(99999); // null
 */
export function spssCodePage(code: number): string | null {
  return SPSS_CODE_PAGES[code] ?? null;
}
