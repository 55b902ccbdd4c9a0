import type { DtaMissingStyle } from './dta-header.ts';

/** Storage width in bytes of a Stata 117+ type code (str# = its length; strL = 8). */
export function dtaTypeWidth(type: number): number {
  if (type >= 1 && type <= 2045) return type;
  switch (type) {
    case 32768:
      return 8;
    case 65526:
      return 8;
    case 65527:
      return 4;
    case 65528:
      return 4;
    case 65529:
      return 2;
    case 65530:
      return 1;
    default:
      return -1;
  }
}

const TAGS = '.abcdefghijklmnopqrstuvwxyz';
const OLD_DOUBLE_MISSING = 2 ** 333;

/**
 * Reads a numeric value at `o`: the number, or a missing-value tag (`'.'`, `'.a'`–`'.z'`).
 * With extended missing values (release 112 on), integers above 100 / 32740 / 2147483620 and floats/doubles above
 * the largest valid value are `.`, `.a`…`.z`; before, only the largest value of an integer type (127, 32767,
 * 2^31 − 1) is `.`, as are floats from 2^127 and doubles from 2^1023 (2^333 before release 108).
 */
export function readDtaNumber(
  v: DataView,
  o: number,
  type: number,
  le: boolean,
  missing: DtaMissingStyle = 'extended',
): number | string {
  const ext = missing === 'extended';
  switch (type) {
    case 65530: {
      const x = v.getInt8(o);
      if (!ext) return x <= 126 ? x : '.';
      return x <= 100 ? x : tag(x - 101);
    }
    case 65529: {
      const x = v.getInt16(o, le);
      if (!ext) return x <= 32766 ? x : '.';
      return x <= 32740 ? x : tag(x - 32741);
    }
    case 65528: {
      const x = v.getInt32(o, le);
      if (!ext) return x <= 2147483646 ? x : '.';
      return x <= 2147483620 ? x : tag(x - 2147483621);
    }
    case 65527: {
      const bits = v.getInt32(o, le);
      if (bits < 0x7f000000) return v.getFloat32(o, le);
      return ext ? tag((bits - 0x7f000000) / 0x800) : '.';
    }
    default: {
      const hi = v.getInt32(o + (le ? 4 : 0), le);
      if (hi < 0x7fe00000) {
        const x = v.getFloat64(o, le);
        return missing === 'single333' && x === OLD_DOUBLE_MISSING ? '.' : x;
      }
      return ext ? tag((hi - 0x7fe00000) / 0x100) : '.';
    }
  }
}

function tag(k: number): string {
  const i = Math.floor(k);
  return i >= 0 && i < 27 ? (i === 0 ? '.' : `.${TAGS[i]}`) : '.';
}
