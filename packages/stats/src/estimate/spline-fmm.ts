/**
 * Cubic interpolating spline with Forsythe–Malcolm–Moler end conditions (R's `spline(method = "fmm")`),
 * evaluated at `xout`. `x` must be strictly increasing.
 *
 * @example
 * splineFmm([0, 1, 2, 3], [0, 1, 8, 27], [1.5]); // [3.375] (a cubic is reproduced exactly)
 */
export function splineFmm(x: readonly number[], y: readonly number[], xout: readonly number[]): number[] {
  const n = x.length;
  const b = new Array<number>(n).fill(0);
  const c = new Array<number>(n).fill(0);
  const d = new Array<number>(n).fill(0);
  if (n < 3) {
    const t = (y[1] - y[0]) / (x[1] - x[0]);
    b[0] = b[1] = t;
  } else {
    d[0] = x[1] - x[0];
    c[1] = (y[1] - y[0]) / d[0];
    for (let i = 1; i < n - 1; i++) {
      d[i] = x[i + 1] - x[i];
      b[i] = 2 * (d[i - 1] + d[i]);
      c[i + 1] = (y[i + 1] - y[i]) / d[i];
      c[i] = c[i + 1] - c[i];
    }
    b[0] = -d[0];
    b[n - 1] = -d[n - 2];
    c[0] = c[n - 1] = 0;
    if (n > 3) {
      c[0] = c[2] / (x[3] - x[1]) - c[1] / (x[2] - x[0]);
      c[n - 1] = c[n - 2] / (x[n - 1] - x[n - 3]) - c[n - 3] / (x[n - 2] - x[n - 4]);
      c[0] = (c[0] * d[0] * d[0]) / (x[3] - x[0]);
      c[n - 1] = (-c[n - 1] * d[n - 2] * d[n - 2]) / (x[n - 1] - x[n - 4]);
    }
    for (let i = 1; i < n; i++) {
      const t = d[i - 1] / b[i - 1];
      b[i] -= t * d[i - 1];
      c[i] -= t * c[i - 1];
    }
    c[n - 1] /= b[n - 1];
    for (let i = n - 2; i >= 0; i--) c[i] = (c[i] - d[i] * c[i + 1]) / b[i];
    b[n - 1] = (y[n - 1] - y[n - 2]) / d[n - 2] + d[n - 2] * (c[n - 2] + 2 * c[n - 1]);
    for (let i = 0; i < n - 1; i++) {
      b[i] = (y[i + 1] - y[i]) / d[i] - d[i] * (c[i + 1] + 2 * c[i]);
      d[i] = (c[i + 1] - c[i]) / d[i];
      c[i] = 3 * c[i];
    }
    c[n - 1] = 3 * c[n - 1];
    d[n - 1] = d[n - 2];
  }
  return xout.map((u) => {
    let i = 0;
    let j = n;
    while (j > i + 1) {
      const k = (i + j) >> 1;
      if (u < x[k]) j = k;
      else i = k;
    }
    const dx = u - x[i];
    return y[i] + dx * (b[i] + dx * (c[i] + dx * d[i]));
  });
}

/** R's `seq.int(from, to, length.out = n)`. */
export function seqLength(from: number, to: number, n: number): number[] {
  const out = new Array<number>(n);
  if (n > 0) out[0] = from;
  if (n > 1) out[n - 1] = to;
  const by = (to - from) / (n - 1);
  for (let i = 1; i < n - 1; i++) out[i] = i < n / 2 ? from + i * by : to - (n - 1 - i) * by;
  return out;
}

/** R's `approx(x, y, xout)` (linear, rule 1: NaN outside); `x` increasing. */
export function approxLinear(x: readonly number[], y: readonly number[], v: number): number {
  const n = x.length;
  if (!(v >= x[0] && v <= x[n - 1])) return NaN;
  let i = 0;
  let j = n - 1;
  while (i < j - 1) {
    const ij = (i + j) >> 1;
    if (v < x[ij]) j = ij;
    else i = ij;
  }
  if (v === x[j]) return y[j];
  if (v === x[i]) return y[i];
  return y[i] + (y[j] - y[i]) * ((v - x[i]) / (x[j] - x[i]));
}
