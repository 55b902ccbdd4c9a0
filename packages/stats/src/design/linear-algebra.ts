/**
 * Solves the small dense system A x = b by Gaussian elimination with partial pivoting.
 * @throws RangeError (prefixed with `fn`) when A is singular.
 */
export function solveLinear(A: number[][], b: number[], fn: string): number[] {
  const k = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < k; c++) {
    let p = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    if (Math.abs(M[p][c]) < 1e-300)
      throw new RangeError(`${fn}: the calibration variables are collinear (singular system)`);
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = c + 1; r < k; r++) {
      const f = M[r][c] / M[c][c];
      if (f === 0) continue;
      for (let j = c; j <= k; j++) M[r][j] -= f * M[c][j];
    }
  }
  const x = new Array<number>(k).fill(0);
  for (let r = k - 1; r >= 0; r--) {
    let s = M[r][k];
    for (let j = r + 1; j < k; j++) s -= M[r][j] * x[j];
    x[r] = s / M[r][r];
  }
  return x;
}

/**
 * An orthonormal basis of the span of the given columns (modified Gram–Schmidt, applied twice); columns that are
 * (numerically) in the span of earlier ones are dropped, like R's rank-revealing `qr`.
 */
export function orthonormalBasis(cols: Float64Array[]): Float64Array[] {
  const out: Float64Array[] = [];
  for (const c of cols) {
    const v = Float64Array.from(c);
    let norm0 = 0;
    for (let i = 0; i < v.length; i++) norm0 += v[i] * v[i];
    for (let pass = 0; pass < 2; pass++) {
      for (const q of out) {
        let d = 0;
        for (let i = 0; i < v.length; i++) d += q[i] * v[i];
        for (let i = 0; i < v.length; i++) v[i] -= d * q[i];
      }
    }
    let norm = 0;
    for (let i = 0; i < v.length; i++) norm += v[i] * v[i];
    if (norm0 === 0 || Math.sqrt(norm / norm0) < 1e-7) continue;
    const s = 1 / Math.sqrt(norm);
    for (let i = 0; i < v.length; i++) v[i] *= s;
    out.push(v);
  }
  return out;
}
