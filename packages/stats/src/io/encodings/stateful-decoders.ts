// Decoders for encodings that TextDecoder lacks and that need a little state: UTF-32, UTF-7, HZ, ISO-2022-KR,
// JOHAB, ISO-2022-CN.
import { CNS_PLANE_1, CNS_PLANE_2, GB_2312 } from './iso-2022-cn.generated.ts';

/** UTF-32 (little- or big-endian); invalid code points become U+FFFD. */
export function decodeUtf32(b: Uint8Array, le: boolean): string {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let out = '';
  for (let i = 0; i + 4 <= b.length; i += 4) {
    const cp = v.getUint32(i, le);
    out += cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000) ? '\ufffd' : String.fromCodePoint(cp);
  }
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** UTF-7 (RFC 2152): "+" starts modified base64 of UTF-16, "-" (or any non-base64 byte) ends it; "+-" is "+". */
export function decodeUtf7(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; i++) {
    if (b[i] !== 0x2b) {
      out += String.fromCharCode(b[i] < 0x80 ? b[i] : 0xfffd);
      continue;
    }
    if (b[i + 1] === 0x2d) {
      out += '+';
      i++;
      continue;
    }
    let bits = 0;
    let nbits = 0;
    const units: number[] = [];
    i++;
    for (; i < b.length; i++) {
      const k = B64.indexOf(String.fromCharCode(b[i]));
      if (k < 0) break;
      bits = (bits << 6) | k;
      nbits += 6;
      if (nbits >= 16) {
        nbits -= 16;
        units.push((bits >> nbits) & 0xffff);
      }
    }
    out += String.fromCharCode(...units);
    if (i < b.length && b[i] !== 0x2d) i--; // the ending byte is text; "-" is absorbed
  }
  return out;
}

const euckr = () => new TextDecoder('euc-kr');

/** HZ (RFC 1843): ASCII, with "~{" … "~}" around GB 2312 in 7-bit form (glibc's table); "~~" is "~". */
export function decodeHz(b: Uint8Array): string {
  let out = '';
  let gb = false;
  for (let i = 0; i < b.length; i++) {
    if (b[i] === 0x7e) {
      const n = b[i + 1];
      if (n === 0x7b) gb = true;
      else if (n === 0x7d) gb = false;
      else if (n === 0x7e) out += '~';
      else if (n !== 0x0a) out += '~';
      i++;
      continue;
    }
    if (gb && i + 1 < b.length && b[i] >= 0x21 && b[i] <= 0x77 && b[i + 1] >= 0x21 && b[i + 1] <= 0x7e) {
      out += GB_2312[(b[i] - 0x21) * 94 + (b[i + 1] - 0x21)];
      i++;
    } else out += String.fromCharCode(b[i] < 0x80 ? b[i] : 0xfffd);
  }
  return out;
}

/** ISO-2022-KR (RFC 1557): the designation "ESC $ ) C", then SO … SI around KS X 1001 in 7-bit form. */
export function decodeIso2022Kr(b: Uint8Array): string {
  const d = euckr();
  let out = '';
  let ko = false;
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c === 0x1b && b[i + 1] === 0x24 && b[i + 2] === 0x29 && b[i + 3] === 0x43) {
      i += 3;
      continue;
    }
    if (c === 0x0e) ko = true;
    else if (c === 0x0f) ko = false;
    else if (ko && i + 1 < b.length && c >= 0x21 && c <= 0x7e) {
      out += d.decode(Uint8Array.of(c | 0x80, b[i + 1] | 0x80));
      i++;
    } else out += String.fromCharCode(c < 0x80 ? c : 0xfffd);
  }
  return out;
}

// JOHAB jamo indices (5 bits each) → positions: initial 2–20 → L 0–18; medial 3–7, 10–15, 18–23, 26–29 → V 0–20;
// final 2–17, 19–29 → T 1–27 (1 is the fill of each part).
const J_MEDIAL = [
  -1, -1, -1, 0, 1, 2, 3, 4, -1, -1, 5, 6, 7, 8, 9, 10, -1, -1, 11, 12, 13, 14, 15, 16, -1, -1, 17, 18, 19,
  20,
];
const J_FINAL = [
  -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, -1, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26,
  27,
];
// Hangul compatibility jamo of each initial consonant (a lone initial or vowel is a jamo in glibc's JOHAB).
const COMPAT_INITIAL = [
  0x3131, 0x3132, 0x3134, 0x3137, 0x3138, 0x3139, 0x3141, 0x3142, 0x3143, 0x3145, 0x3146, 0x3147, 0x3148,
  0x3149, 0x314a, 0x314b, 0x314c, 0x314d, 0x314e,
];

// A lone final is a character only when it is a cluster (ㄳ ㄵ ㄶ ㄺ–ㅀ ㅄ), as in glibc's JOHAB.
const LONE_FINAL: Record<number, number> = {
  3: 0x3133,
  5: 0x3135,
  6: 0x3136,
  9: 0x313a,
  10: 0x313b,
  11: 0x313c,
  12: 0x313d,
  13: 0x313e,
  14: 0x313f,
  15: 0x3140,
  18: 0x3144,
};
const KSX1998 = ['\u20ac', '\u00ae', '\u327e'];

function johabHangul(code: number): number {
  const i = (code >> 10) & 0x1f;
  const m = (code >> 5) & 0x1f;
  const f = code & 0x1f;
  const L = i >= 2 && i <= 20 ? i - 2 : i === 1 ? -2 : -1;
  const V = m === 2 ? -2 : (J_MEDIAL[m] ?? -1);
  const T = J_FINAL[f] ?? -1;
  if (L === -1 || V === -1 || T === -1) return -1;
  if (L >= 0 && V >= 0) return 0xac00 + (L * 21 + V) * 28 + T;
  if (L >= 0 && V === -2 && T === 0) return COMPAT_INITIAL[L];
  if (L === -2 && V >= 0 && T === 0) return 0x314f + V;
  if (L === -2 && V === -2 && T > 0) return LONE_FINAL[T] ?? -1;
  return -1;
}

/**
 * JOHAB (Windows code page 1361, KS C 5601-1992 annex 3): ASCII (0x5C as the won sign ₩, as glibc reads it);
 * Hangul syllables composed from the three 5-bit jamo indices of lead bytes 0x84–0xD3; symbols (lead 0xD9–0xDE)
 * and Hanja (0xE0–0xF9), two KS X 1001 rows per lead byte, decoded through EUC-KR. Unmapped codes give U+FFFD.
 */
export function decodeJohab(b: Uint8Array): string {
  const d = euckr();
  let out = '';
  for (let k = 0; k < b.length; k++) {
    const c = b[k];
    if (c < 0x80) {
      out += c === 0x5c ? '\u20a9' : String.fromCharCode(c);
      continue;
    }
    const t = b[k + 1];
    if (t === undefined) {
      out += '\ufffd';
      continue;
    }
    if (c >= 0x84 && c <= 0xd3) {
      const u = (t >= 0x41 && t <= 0x7e) || (t >= 0x81 && t <= 0xfe) ? johabHangul((c << 8) | t) : -1;
      out += u < 0 ? '\ufffd' : String.fromCharCode(u);
      if (u >= 0 || t >= 0x80) k++; // an ASCII byte after a bad lead byte is read as itself
      continue;
    }
    const symbol = c >= 0xd9 && c <= 0xde;
    if ((symbol || (c >= 0xe0 && c <= 0xf9)) && ((t >= 0x31 && t <= 0x7e) || (t >= 0x91 && t <= 0xfe))) {
      const first = symbol ? 0x21 + 2 * (c - 0xd9) : 0x4a + 2 * (c - 0xe0);
      const row = t >= 0xa1 ? first + 1 : first;
      const cell = t >= 0xa1 ? t - 0xa1 + 0x21 : t <= 0x7e ? t - 0x31 + 0x21 : t - 0x91 + 0x6f;
      k++;
      // row 0x24 (compatibility jamo) has no JOHAB code here: jamo live in the Hangul area; the euro, ® and ㉾ of
      // KS X 1001:1998 (row 0x22) are not in the WHATWG EUC-KR index
      if (row === 0x24 && cell <= 0x53) out += '\ufffd';
      else if (row === 0x22 && cell >= 0x66 && cell <= 0x68) out += KSX1998[cell - 0x66];
      else out += d.decode(Uint8Array.of(row | 0x80, cell | 0x80));
      continue;
    }
    out += '\ufffd';
  }
  return out;
}

/**
 * ISO-2022-CN (RFC 1922, Windows code page 50229): ASCII, with SO … SI around the set that "ESC $ ) A" (GB 2312) or
 * "ESC $ ) G" (CNS 11643 plane 1) designated, and "ESC N" before each two-byte code of the set "ESC $ * H" designated
 * (CNS 11643 plane 2). A line end leaves SO. Designations of ISO-2022-CN-EXT (ISO-IR-165, planes 3–7) and codes
 * without a designation give U+FFFD. The three sets come from glibc's iconv (`iso-2022-cn.generated.ts`).
 */
export function decodeIso2022Cn(b: Uint8Array): string {
  let out = '';
  let g1: 'gb' | 'cns1' | 'other' | null = null;
  let g2 = false;
  let shifted = false;
  const two = (k: number) => b[k] >= 0x21 && b[k] <= 0x7e && b[k + 1] >= 0x21 && b[k + 1] <= 0x7e;
  const set94 = (set: string, k: number) => set[(b[k] - 0x21) * 94 + (b[k + 1] - 0x21)];
  for (let k = 0; k < b.length; k++) {
    const c = b[k];
    if (c === 0x1b) {
      const [p, q, r] = [b[k + 1], b[k + 2], b[k + 3]];
      if (p === 0x24 && q === 0x29 && r !== undefined) {
        g1 = r === 0x41 ? 'gb' : r === 0x47 ? 'cns1' : 'other';
        k += 3;
      } else if (p === 0x24 && (q === 0x2a || q === 0x2b) && r !== undefined) {
        g2 = q === 0x2a && r === 0x48;
        k += 3;
      } else if (p === 0x4e) {
        // single shift 2: one code of the G2 set
        out += g2 && two(k + 2) ? set94(CNS_PLANE_2, k + 2) : '\ufffd';
        k += two(k + 2) ? 3 : 1;
      } else out += '\ufffd';
      continue;
    }
    if (c === 0x0e) shifted = true;
    else if (c === 0x0f) shifted = false;
    else if (shifted && two(k)) {
      out += g1 === 'gb' ? set94(GB_2312, k) : g1 === 'cns1' ? set94(CNS_PLANE_1, k) : '\ufffd';
      k++;
    } else {
      if (c === 0x0a || c === 0x0d) shifted = false;
      out += c < 0x80 ? String.fromCharCode(c) : '\ufffd';
    }
  }
  return out;
}
