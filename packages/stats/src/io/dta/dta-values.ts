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

/**
 * Reads a numeric value at `o`: the number, or a missing-value tag (`'.'`, `'.a'`–`'.z'`).
 * Integers above the valid range and floats/doubles above the largest valid value are missing.
 */
export function readDtaNumber(v: DataView, o: number, type: number, le: boolean): number | string {
  switch (type) {
    case 65530: {
      const x = v.getInt8(o);
      return x <= 100 ? x : tag(x - 101);
    }
    case 65529: {
      const x = v.getInt16(o, le);
      return x <= 32740 ? x : tag(x - 32741);
    }
    case 65528: {
      const x = v.getInt32(o, le);
      return x <= 2147483620 ? x : tag(x - 2147483621);
    }
    case 65527: {
      const bits = v.getInt32(o, le);
      if (bits < 0x7f000000) return v.getFloat32(o, le);
      return tag((bits - 0x7f000000) / 0x800);
    }
    default: {
      const hi = v.getInt32(o + (le ? 4 : 0), le);
      if (hi < 0x7fe00000) return v.getFloat64(o, le);
      return tag((hi - 0x7fe00000) / 0x100);
    }
  }
}

function tag(k: number): string {
  const i = Math.floor(k);
  return i >= 0 && i < 27 ? (i === 0 ? '.' : `.${TAGS[i]}`) : '.';
}
