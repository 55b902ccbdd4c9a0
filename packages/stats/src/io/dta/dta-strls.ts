import type { ByteCursor } from '../byte-cursor.ts';
import { cString, expectTag } from './dta-header.ts';

/** Key of a strL reference: v (variable) and o (observation), both 1-based. */
export function strlKey(v: number, o: number): number {
  return v * 2 ** 40 + o;
}

/** A strL: its bytes, and whether Stata stored it as binary (GSO type 129) rather than text (130). */
export interface DtaStrl {
  readonly bytes: Uint8Array;
  readonly binary: boolean;
}

/**
 * Reads `<strls>`: GSO entries (v, o, type, length, bytes). Returns their contents by {@link strlKey}; text entries
 * (type 130) lose their final NUL, binary ones (129) are kept as they are.
 */
export function readDtaStrls(c: ByteCursor, release: number): Map<number, DtaStrl> {
  const out = new Map<number, DtaStrl>();
  expectTag(c, '<strls>');
  for (;;) {
    c.need(3, 'strls');
    const tag = c.ascii(3);
    if (tag === '</s') {
      expectTag(c, 'trls>');
      return out;
    }
    if (tag !== 'GSO')
      c.fail('dta.bad_section', `expected a GSO entry in <strls>, found ${JSON.stringify(tag)}.`);
    const v = c.u32();
    const o = release === 117 ? c.u32() : c.u64('strL observation');
    const type = c.u8();
    const len = c.u32();
    const data = c.take(len, 'strL');
    out.set(
      strlKey(v, o),
      type === 130 ? { bytes: cString(data), binary: false } : { bytes: data, binary: true },
    );
  }
}

/**
 * Decodes the 8-byte (v,o) reference stored in the data for a strL value: v takes 4 bytes in release 117 and 2 in 118.
 * For 119 writers disagree (3 bytes in Stata's description, 2 in ReadStat), so pass `vBytes` to choose.
 */
export function readStrlRef(
  b: Uint8Array,
  o: number,
  release: number,
  le: boolean,
  vBytes = release === 117 ? 4 : 2,
): number {
  const v = uint(b, o, vBytes, le);
  const obs = uint(b, o + vBytes, 8 - vBytes, le);
  return strlKey(v, obs);
}

function uint(b: Uint8Array, o: number, n: number, le: boolean): number {
  let x = 0;
  for (let i = 0; i < n; i++) x = x * 256 + b[o + (le ? n - 1 - i : i)];
  return x;
}
