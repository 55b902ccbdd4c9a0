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

/**
 * The Moore–Penrose inverse of a symmetric matrix (as MASS's `ginv`: singular values below `tol` times the largest
 * are dropped), from a Jacobi eigen-decomposition.
 *
 * @example
 * pseudoInverseSymmetric([[2, 0], [0, 0]]); // [[0.5, 0], [0, 0]]
 */
export function pseudoInverseSymmetric(
  A: readonly (readonly number[])[],
  tol = 256 * Number.EPSILON,
): number[][] {
  const k = A.length;
  const a = A.map((r) => [...r]);
  const v: number[][] = Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => (i === j ? 1 : 0)),
  );
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < k; p++) for (let q = p + 1; q < k; q++) off += a[p][q] * a[p][q];
    if (off < 1e-300) break;
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        if (a[p][q] === 0) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const arp = a[r][p];
          const arq = a[r][q];
          a[r][p] = c * arp - s * arq;
          a[r][q] = s * arp + c * arq;
        }
        for (let r = 0; r < k; r++) {
          const apr = a[p][r];
          const aqr = a[q][r];
          a[p][r] = c * apr - s * aqr;
          a[q][r] = s * apr + c * aqr;
        }
        for (let r = 0; r < k; r++) {
          const vrp = v[r][p];
          const vrq = v[r][q];
          v[r][p] = c * vrp - s * vrq;
          v[r][q] = s * vrp + c * vrq;
        }
      }
    }
  }
  const d = a.map((r, i) => r[i]);
  const dmax = Math.max(...d.map(Math.abs));
  const out = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let e = 0; e < k; e++) {
    if (!(Math.abs(d[e]) > tol * dmax)) continue;
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) out[i][j] += (v[i][e] * v[j][e]) / d[e];
  }
  return out;
}
