import type { TextEncodingName } from './csv/csv-sniff.ts';
import { decoderFor } from './encodings/decoders.ts';

// Windows-1252 differs from Latin-1 only in 0x80–0x9F. Written out because some runtimes' TextDecoder
// ('windows-1252' in Node) decode that range as Latin-1 control characters. 0xFFFD marks the five unassigned bytes.
const CP1252_80_9F = [
  0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0xfffd, 0x017d, 0xfffd, 0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122,
  0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178,
];

/**
 * Decodes Windows-1252 bytes.
 *
 * @example
 * decodeWindows1252(new Uint8Array([0x4d, 0xe9, 0x92])); // 'Mé’'
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 4096) {
    const part = bytes.subarray(i, i + 4096);
    const codes = new Array<number>(part.length);
    for (let k = 0; k < part.length; k++) {
      const b = part[k];
      codes[k] = b >= 0x80 && b < 0xa0 ? CP1252_80_9F[b - 0x80] : b;
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}

/**
 * A function turning bytes into text in the given encoding (UTF-8 replaces invalid bytes with U+FFFD).
 *
 * @throws UnknownEncodingError for an encoding without a decoder (never a silent fallback to UTF-8).
 */
export function textDecoderFor(encoding: TextEncodingName | string): (bytes: Uint8Array) => string {
  return decoderFor(encoding);
}

/** Whether the bytes are valid UTF-8. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
