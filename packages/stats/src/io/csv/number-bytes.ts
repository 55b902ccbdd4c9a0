const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** Set by {@link parseNumberBytes}: whether `String(value)` reproduces the text exactly. */
export const numberState = { canonical: true };

function latin1(b: Uint8Array, s: number, e: number): string {
  let out = '';
  for (let p = s; p < e; p++) out += String.fromCharCode(b[p]);
  return out;
}

/**
 * Parses a decimal number from bytes `b[s..e)`; `NaN` when the text is not a plain number. Text with a
 * superfluous leading zero (`0123`, `-007`) is not a number: such columns are codes and stay text.
 * `dec` is the decimal separator byte (46 '.' or 44 ',').
 *
 * @example
 * parseNumberBytes(new TextEncoder().encode('-12.5'), 0, 5, 46); // -12.5
 */
export function parseNumberBytes(b: Uint8Array, start: number, end: number, dec: number): number {
  let canonical = true;
  let s = start;
  let e = end;
  // Surrounding blanks are allowed but make the text non-canonical.
  while (s < e && b[s] === 32) s++;
  while (e > s && b[e - 1] === 32) e--;
  if (s !== start || e !== end) canonical = false;
  let p = s;
  let neg = false;
  if (b[p] === 45) {
    neg = true;
    p++;
  } else if (b[p] === 43) {
    canonical = false;
    p++;
  }
  const intStart = p;
  let mant = 0;
  while (p < e) {
    const d = b[p] - 48;
    if (d < 0 || d > 9) break;
    mant = mant * 10 + d;
    p++;
  }
  const intDigits = p - intStart;
  if (intDigits > 1 && b[intStart] === 48) return NaN;
  let fracDigits = 0;
  if (p < e && b[p] === dec) {
    p++;
    const fs = p;
    while (p < e) {
      const d = b[p] - 48;
      if (d < 0 || d > 9) break;
      mant = mant * 10 + d;
      p++;
    }
    fracDigits = p - fs;
    if (fracDigits === 0 || b[p - 1] === 48) canonical = false;
  }
  if (intDigits + fracDigits === 0) return NaN;
  if (intDigits === 0) canonical = false;
  let hasExp = false;
  if (p < e && (b[p] === 101 || b[p] === 69)) {
    hasExp = true;
    canonical = false;
    p++;
    if (p < e && (b[p] === 43 || b[p] === 45)) p++;
    const es = p;
    while (p < e && b[p] >= 48 && b[p] <= 57) p++;
    if (p === es) return NaN;
  }
  if (p !== e) return NaN;
  let v: number;
  if (!hasExp && intDigits + fracDigits <= 15) {
    v = fracDigits ? mant / POW10[fracDigits] : mant;
    if (neg) v = -v;
  } else {
    canonical = false;
    let text = latin1(b, s, e);
    if (dec !== 46) text = text.replace(',', '.');
    v = Number(text);
    if (!Number.isFinite(v)) return NaN;
  }
  if (v === 0 ? neg : Math.abs(v) < 1e-6 || Math.abs(v) >= 1e21) canonical = false;
  numberState.canonical = canonical;
  return v;
}

/** The bytes as a Latin-1 string (for ASCII number text). */
export { latin1 as latin1Text };
