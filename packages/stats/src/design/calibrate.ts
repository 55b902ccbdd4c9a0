import { cellText } from '../estimate/domains.ts';
import { computeDegf } from './design-degf.ts';
import { designColumn } from './design-index.ts';
import type { Design } from './design.types.ts';
import { orthonormalBasis, pseudoInverseSymmetric, solveLinear } from './linear-algebra.ts';

const FN = 'calibrate';

/** Calibration targets: a numeric variable → its population total; a categorical one → level → population count. */
export type CalibrationTotals = Readonly<Record<string, number | Readonly<Record<string, number>>>>;

/** Options for {@link calibrate}. */
export interface CalibrateOptions {
  /** `linear` (GREG, default) or `raking` (multiplicative, R's `calfun="raking"`). */
  readonly method?: 'linear' | 'raking';
  readonly maxit?: number;
  readonly epsilon?: number;
  /**
   * Bounds on the ratio new weight / old weight (R's `bounds = c(lower, upper)`): the weights are found iteratively
   * (R's `grake`) with the calibration function truncated at the bounds. Default: none.
   */
  readonly bounds?: readonly [number, number];
}

/** R's model matrix: intercept, then per categorical variable every level but the first (sorted), numerics as is. */
function modelMatrix(design: Design, totals: CalibrationTotals): { cols: Float64Array[]; pop: number[] } {
  const cols: Float64Array[] = [];
  const pop: number[] = [];
  const n = design.n;
  const entries = Object.entries(totals ?? {});
  if (entries.length === 0) throw new RangeError(`${FN}: totals must name at least one variable`);
  const explicit = entries.find(([k]) => k === '(Intercept)');
  const firstCat = entries.find(([, v]) => typeof v === 'object');
  if (explicit || firstCat) {
    cols.push(new Float64Array(n).fill(1));
    const t = explicit
      ? (explicit[1] as number)
      : Object.values(firstCat![1] as Record<string, number>).reduce((a, b) => a + b, 0);
    pop.push(t);
  }
  for (const [name, target] of entries) {
    if (name === '(Intercept)') continue;
    const col = designColumn(design.dataset, name, FN, 'totals');
    if (typeof target === 'number') {
      if (col.kind !== 'numeric')
        throw new TypeError(`${FN}: totals.${name} is a number but "${name}" holds text; give level totals`);
      for (let i = 0; i < n; i++)
        if (Number.isNaN(col.values[i])) throw new RangeError(`${FN}: "${name}" is missing in row ${i + 1}`);
      cols.push(col.values);
      pop.push(target);
      continue;
    }
    if (!target || typeof target !== 'object')
      throw new TypeError(`${FN}: totals.${name} must be a number or an object of level totals`);
    const text = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const t = cellText(col, i);
      if (t === null) throw new RangeError(`${FN}: "${name}" is missing in row ${i + 1}`);
      text[i] = t;
    }
    const levels = Object.keys(target);
    for (const l of new Set(text))
      if (!(l in target)) throw new RangeError(`${FN}: no population total for ${name} = "${l}"`);
    const sorted =
      col.kind === 'numeric' ? [...levels].sort((a, b) => Number(a) - Number(b)) : [...levels].sort();
    for (const l of sorted.slice(1)) {
      const d = new Float64Array(n);
      for (let i = 0; i < n; i++) d[i] = text[i] === l ? 1 : 0;
      cols.push(d);
      pop.push(target[l]);
    }
  }
  return { cols, pop };
}

function gLinear(cols: Float64Array[], w: Float64Array, pop: number[]): Float64Array {
  const k = cols.length;
  const n = w.length;
  const T = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const rhs = pop.slice();
  for (let a = 0; a < k; a++) {
    let st = 0;
    for (let i = 0; i < n; i++) st += cols[a][i] * w[i];
    rhs[a] -= st;
    for (let b = a; b < k; b++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += cols[a][i] * w[i] * cols[b][i];
      T[a][b] = T[b][a] = s;
    }
  }
  const lambda = solveLinear(T, rhs, FN);
  const g = new Float64Array(n).fill(1);
  for (let a = 0; a < k; a++) for (let i = 0; i < n; i++) g[i] += cols[a][i] * lambda[a];
  return g;
}

type CalFun = 'linear' | 'raking';

/** R's calfun: F(u) − 1 truncated at the bounds, and its derivative (0 outside the bounds). */
function fm1(f: CalFun, u: number, lo: number, hi: number): number {
  const x = f === 'linear' ? u + 1 : Math.exp(u);
  return Math.min(Math.max(x, lo), hi) - 1;
}
function dF(f: CalFun, u: number, lo: number, hi: number): number {
  const inside = u < hi - 1 && u > lo - 1;
  return inside ? (f === 'linear' ? 1 : Math.exp(u)) : 0;
}

/**
 * R's `grake`: Newton steps on the calibration equations with a (possibly truncated) calibration function; the
 * weights are rescaled first when every population total exceeds 20 times the sample's (bounds then apply to the
 * rescaled weights, as in R); non-finite steps are halved.
 */
function grake(
  cols: Float64Array[],
  w0: Float64Array,
  pop: number[],
  f: CalFun,
  [lo, hi]: readonly [number, number],
  maxit: number,
  epsilon: number,
): Float64Array {
  const k = cols.length;
  const n = w0.length;
  let w = w0;
  let sampleTotal = cols.map((c) => c.reduce((s, x, i) => s + x * w[i], 0));
  const scales = pop.map((p, a) => p / sampleTotal[a]);
  let scale: number | null = null;
  if (Math.min(...scales) > 20) {
    scale = scales.reduce((s, x) => s + x, 0) / scales.length;
    w = w0.map((x) => x * (scale as number));
    sampleTotal = sampleTotal.map((t) => t * (scale as number));
  }
  const eta = new Array<number>(k).fill(0);
  const xeta = new Float64Array(n);
  const setXeta = () => {
    xeta.fill(0);
    for (let a = 0; a < k; a++) for (let i = 0; i < n; i++) xeta[i] += cols[a][i] * eta[a];
  };
  const misfitOf = () =>
    cols.map((c, a) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += c[i] * w[i] * fm1(f, xeta[i], lo, hi);
      return pop[a] - sampleTotal[a] - s;
    });
  const finite = () => {
    for (let i = 0; i < n; i++)
      if (!Number.isFinite(fm1(f, xeta[i], lo, hi)) || !Number.isFinite(dF(f, xeta[i], lo, hi))) return false;
    return true;
  };
  for (let iter = 1; ;) {
    const T = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    for (let a = 0; a < k; a++)
      for (let b = a; b < k; b++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += cols[a][i] * w[i] * dF(f, xeta[i], lo, hi) * cols[b][i];
        T[a][b] = T[b][a] = s;
      }
    const Tinv = pseudoInverseSymmetric(T);
    const m = misfitOf();
    const deta = Tinv.map((row) => row.reduce((s, x, b) => s + x * m[b], 0));
    for (let a = 0; a < k; a++) eta[a] += deta[a];
    setXeta();
    while (iter < maxit && !finite()) {
      iter++;
      for (let a = 0; a < k; a++) {
        deta[a] /= 2;
        eta[a] -= deta[a];
      }
      setXeta();
    }
    const misfit = misfitOf();
    if (misfit.every((x, a) => Math.abs(x) / (1 + Math.abs(pop[a])) < epsilon)) break;
    iter++;
    if (iter > maxit)
      throw new RangeError(
        `${FN}: calibration failed to converge in ${maxit} iterations (loosen the bounds?)`,
      );
  }
  const g = new Float64Array(n);
  for (let i = 0; i < n; i++) g[i] = (1 + fm1(f, xeta[i], lo, hi)) * (scale ?? 1);
  return g;
}

/**
 * Calibrates the weights to population totals (R's `calibrate`): linear (GREG) or raking. The variance then uses the
 * residuals of the calibration model, as R does.
 *
 * @param design - the design.
 * @param totals - numeric variable → total; categorical variable → level → count (the intercept is their sum).
 * @param options - method (`linear` default), bounds (none), maxit (50), epsilon (1e-7).
 * @throws RangeError for unknown variables, missing values, a level without a total, or no convergence.
 * @example
 * calibrate(design, { stype: { E: 4421, H: 755, M: 1018 }, api99: 3914069 }); // weights now reproduce the totals
 */
export function calibrate(design: Design, totals: CalibrationTotals, options: CalibrateOptions = {}): Design {
  const method = options.method ?? 'linear';
  if (method !== 'linear' && method !== 'raking')
    throw new RangeError(`${FN}: method must be "linear" or "raking", got "${method}"`);
  let { cols, pop } = modelMatrix(design, totals);
  const w = design.weights;
  const keep = cols.map((c, a) => !(pop[a] === 0 && c.every((x) => x === 0)));
  cols = cols.filter((_, a) => keep[a]);
  pop = pop.filter((_, a) => keep[a]);
  const bounds = options.bounds ?? [-Infinity, Infinity];
  if (!(bounds[0] < 1 && bounds[1] > 1))
    throw new RangeError(
      `${FN}: bounds must be [lower, upper] with lower < 1 < upper, got [${bounds.join(', ')}]`,
    );
  const bounded = Number.isFinite(bounds[0]) || Number.isFinite(bounds[1]);
  const g =
    method === 'linear' && !bounded
      ? gLinear(cols, w, pop)
      : grake(cols, w, pop, method, bounds, options.maxit ?? 50, options.epsilon ?? 1e-7);
  const n = design.n;
  const whalf = new Float64Array(n);
  for (let i = 0; i < n; i++) whalf[i] = Math.sqrt(w[i]);
  const basis = orthonormalBasis(cols.map((c) => c.map((x, i) => x * whalf[i])));
  const factor = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    factor[i] = g[i] * whalf[i];
    weights[i] = 1 / (1 / w[i] / g[i]);
  }
  return {
    ...design,
    weights,
    adjustments: [...design.adjustments, { kind: 'calibrate', basis, factor }],
    degf: computeDegf(design.stages[0], weights, null),
  };
}
