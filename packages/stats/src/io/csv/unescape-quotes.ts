/** Copies `b[s..e)` into `out` from 0, turning each `""` into `"`; returns the length written. `out` may be `b` when `s` is 0. */
export function unescapeQuotes(b: Uint8Array, s: number, e: number, out: Uint8Array): number {
  let o = 0;
  for (let p = s; p < e; p++) {
    out[o++] = b[p];
    if (b[p] === 34 && b[p + 1] === 34 && p + 1 < e) p++;
  }
  return o;
}
