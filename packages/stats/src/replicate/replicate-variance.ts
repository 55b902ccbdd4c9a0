import type { ReplicateDesign } from './replicate.types.ts';

/**
 * Replicate variance as R's `svrVar`: `scale * Σ rscales[r] (θ_r − c)²` with `c` the full-sample estimate when
 * `mse`, else the mean of the replicates with a positive rscale. Replicates whose estimate is NaN are left out
 * (R's `na.omit`).
 *
 * @example
 * replicateVariance([1, 3], 0.5, Float64Array.of(1, 1), false, 2); // 1
 */
export function replicateVariance(
  thetas: ArrayLike<number>,
  scale: number,
  rscales: ArrayLike<number>,
  mse: boolean,
  coef: number,
): number {
  let centre = coef;
  if (!mse) {
    let s = 0;
    let k = 0;
    for (let r = 0; r < thetas.length; r++) {
      if (thetas[r] === thetas[r] && rscales[r] > 0) {
        s += thetas[r];
        k++;
      }
    }
    if (k === 0) return NaN;
    centre = s / k;
  }
  let v = 0;
  let kept = 0;
  for (let r = 0; r < thetas.length; r++) {
    const t = thetas[r];
    if (t !== t) continue;
    kept++;
    v += (t - centre) * (t - centre) * rscales[r];
  }
  return kept === 0 ? NaN : v * scale;
}

/**
 * Per replicate, the weighted sums Σ w_r·y over `rows` (and Σ w_r·x when `x` is given), in one pass over the rows
 * plus one pass over the PSU sums when the design is stored by PSU.
 *
 * @param y - values on `rows` (y[k] belongs to rows[k]).
 */
export function replicateSums(
  design: ReplicateDesign,
  rows: Int32Array,
  y: Float64Array,
  x?: Float64Array,
): { sy: Float64Array; sx: Float64Array | null } {
  const R = design.multipliers.length;
  const sy = new Float64Array(R);
  const sx = x ? new Float64Array(R) : null;
  const base = design.base;
  const index = design.index;
  if (index) {
    const P = design.multipliers[0]?.length ?? 0;
    const py = new Float64Array(P);
    const px = x ? new Float64Array(P) : null;
    const seen = new Uint8Array(P);
    const used: number[] = [];
    for (let k = 0; k < rows.length; k++) {
      const i = rows[k];
      const p = index[i];
      if (!seen[p]) {
        seen[p] = 1;
        used.push(p);
      }
      py[p] += base[i] * y[k];
      if (px) px[p] += base[i] * (x as Float64Array)[k];
    }
    for (let r = 0; r < R; r++) {
      const m = design.multipliers[r];
      let a = 0;
      let b = 0;
      for (const p of used) {
        a += m[p] * py[p];
        if (px) b += m[p] * px[p];
      }
      sy[r] = a;
      if (sx) sx[r] = b;
    }
    return { sy, sx };
  }
  for (let r = 0; r < R; r++) {
    const m = design.multipliers[r];
    let a = 0;
    let b = 0;
    for (let k = 0; k < rows.length; k++) {
      const i = rows[k];
      const w = base[i] * m[i];
      a += w * y[k];
      if (x) b += w * x[k];
    }
    sy[r] = a;
    if (sx) sx[r] = b;
  }
  return { sy, sx };
}

/** The analysis weights of replicate `r` on `rows`. */
export function replicateWeights(design: ReplicateDesign, r: number, rows: Int32Array): Float64Array {
  const m = design.multipliers[r];
  const out = new Float64Array(rows.length);
  const index = design.index;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    out[k] = design.base[i] * m[index ? index[i] : i];
  }
  return out;
}

/**
 * Degrees of freedom of a replicate design, or of the design restricted to `rows` (a domain), as R's `degf`:
 * the rank of the matrix of analysis weights (rows × replicates, QR tolerance 1e-5) minus 1. Rows that are
 * multiples of one another (the rows of one PSU) count once, so the cost is the distinct rows × replicates².
 */
export function replicateDegf(design: ReplicateDesign, rows: Int32Array | null = null): number {
  const R = design.multipliers.length;
  if (R === 0) return 0;
  // Gram matrix G = Σ_i v_i v_iᵀ of the rows, grouped: rows i = s_i · u_p share the pattern u_p.
  const G = new Float64Array(R * R);
  const add = (u: ArrayLike<number>, s2: number) => {
    for (let a = 0; a < R; a++) {
      const ua = u[a] * s2;
      if (ua === 0) continue;
      for (let b = a; b < R; b++) G[a * R + b] += ua * u[b];
    }
  };
  const m = rows ? rows.length : design.n;
  if (design.index) {
    const P = design.multipliers[0].length;
    const s2 = new Float64Array(P);
    for (let k = 0; k < m; k++) {
      const i = rows ? rows[k] : k;
      s2[design.index[i]] += design.base[i] * design.base[i];
    }
    const u = new Float64Array(R);
    for (let p = 0; p < P; p++) {
      if (s2[p] === 0) continue;
      for (let r = 0; r < R; r++) u[r] = design.multipliers[r][p];
      add(u, s2[p]);
    }
  } else {
    const groups = new Map<string, { u: Float64Array; s2: number }>();
    const u = new Float64Array(R);
    for (let k = 0; k < m; k++) {
      const i = rows ? rows[k] : k;
      let lead = 0;
      for (let r = 0; r < R; r++) {
        u[r] = design.base[i] * design.multipliers[r][i];
        if (lead === 0 && u[r] !== 0) lead = u[r];
      }
      if (lead === 0) continue;
      let key = '';
      for (let r = 0; r < R; r++) key += `${(u[r] / lead).toPrecision(12)},`;
      const g = groups.get(key);
      if (g) g.s2 += lead * lead;
      else groups.set(key, { u: u.map((x) => x / lead), s2: lead * lead });
    }
    for (const g of groups.values()) add(g.u, g.s2);
  }
  return gramRank(G, R, 1e-5) - 1;
}

/**
 * Rank of a matrix from its Gram matrix (upper triangle), as R's `qr(tol)`: columns in order, a column counts when
 * its norm after removing the earlier counted columns is at least `tol` times its own norm.
 */
function gramRank(G: Float64Array, R: number, tol: number): number {
  // Cholesky (outer-product form) that skips dependent columns.
  const L = new Float64Array(R * R);
  const kept: number[] = [];
  for (let j = 0; j < R; j++) {
    const orig = G[j * R + j];
    let d = orig;
    for (const k of kept) d -= L[j * R + k] * L[j * R + k];
    if (!(orig > 0) || d < tol * tol * orig) continue;
    const ljj = Math.sqrt(d);
    L[j * R + j] = ljj;
    for (let i = j + 1; i < R; i++) {
      let s = G[j * R + i];
      for (const k of kept) s -= L[i * R + k] * L[j * R + k];
      L[i * R + j] = s / ljj;
    }
    kept.push(j);
  }
  return kept.length;
}
