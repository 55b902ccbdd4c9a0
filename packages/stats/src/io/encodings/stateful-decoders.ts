// Decoders for encodings that TextDecoder lacks and that need a little state: UTF-32, UTF-7, HZ, ISO-2022-KR.

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

const gbk = () => new TextDecoder('gbk');
const euckr = () => new TextDecoder('euc-kr');

/** HZ (RFC 1843): ASCII, with "~{" … "~}" around GB2312 in 7-bit form; "~~" is "~". */
export function decodeHz(b: Uint8Array): string {
  const d = gbk();
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
    if (gb && i + 1 < b.length && b[i] >= 0x21 && b[i] <= 0x77) {
      out += d.decode(Uint8Array.of(b[i] | 0x80, b[i + 1] | 0x80));
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
