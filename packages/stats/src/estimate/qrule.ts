/** Quantile rules of R's `svyquantile` (survey 4.1): `math`/`hf1`, `school`/`hf2`, `hf3`…`hf9`. */
export type QuantileRule =
  'math' | 'school' | 'hf1' | 'hf2' | 'hf3' | 'hf4' | 'hf5' | 'hf6' | 'hf7' | 'hf8' | 'hf9';

export const QUANTILE_RULES: readonly QuantileRule[] = [
  'math',
  'school',
  'hf1',
  'hf2',
  'hf3',
  'hf4',
  'hf5',
  'hf6',
  'hf7',
  'hf8',
  'hf9',
];

/** Values sorted ascending (stable) with their weights; zero weights removed. */
export interface SortedSample {
  readonly x: Float64Array;
  readonly w: Float64Array;
  /** Cumulative weights, accumulated with extra precision like R's long-double `cumsum`. */
  readonly cumw: Float64Array;
  /** Σw with extra precision (R's long-double `sum`). */
  readonly total: number;
}

/** Prepares a sample for the rules: drops zero weights, sorts stably by value, accumulates weights compensated. */
export function sortSample(x: ArrayLike<number>, w: ArrayLike<number>): SortedSample {
  const idx: number[] = [];
  for (let i = 0; i < x.length; i++) if (w[i] !== 0) idx.push(i);
  let tHi = 0;
  let tLo = 0;
  for (const i of idx) [tHi, tLo] = twoSumAdd(tHi, tLo, w[i]);
  idx.sort((a, b) => x[a] - x[b] || a - b);
  const n = idx.length;
  const xs = new Float64Array(n);
  const ws = new Float64Array(n);
  const cumw = new Float64Array(n);
  let hi = 0;
  let lo = 0;
  for (let k = 0; k < n; k++) {
    xs[k] = x[idx[k]];
    ws[k] = w[idx[k]];
    [hi, lo] = twoSumAdd(hi, lo, ws[k]);
    cumw[k] = hi + lo;
  }
  return { x: xs, w: ws, cumw, total: tHi + tLo };
}

function twoSumAdd(hi: number, lo: number, v: number): [number, number] {
  const s = hi + v;
  const bb = s - hi;
  const err = hi - (s - bb) + (v - bb);
  const l = lo + err;
  const h = s + l;
  return [h, l - (h - s)];
}

/** R's `qs`: the order statistics around p (1-based positions). */
function qs(s: SortedSample, p: number) {
  const n = s.x.length;
  const target = p * s.total;
  let pos = 1;
  for (let k = n - 1; k >= 0; k--) {
    if (s.cumw[k] <= target) {
      pos = k + 1;
      break;
    }
  }
  const next = pos === n ? pos : pos + 1;
  return {
    qlow: s.x[pos - 1],
    qup: s.x[next - 1],
    ilow: pos,
    wlow: p - s.cumw[pos - 1] / s.total,
    wup: s.cumw[next - 1] / s.total - p,
  };
}

/** R's `approx(pk, x, p, rule = 2)` (linear). */
function approx(pk: Float64Array, x: Float64Array, v: number): number {
  const n = pk.length;
  if (v < pk[0]) return x[0];
  if (v > pk[n - 1]) return x[n - 1];
  let i = 0;
  let j = n - 1;
  while (i < j - 1) {
    const ij = (i + j) >> 1;
    if (v < pk[ij]) j = ij;
    else i = ij;
  }
  if (v === pk[j]) return x[j];
  if (v === pk[i]) return x[i];
  return x[i] + (x[j] - x[i]) * ((v - pk[i]) / (pk[j] - pk[i]));
}

function collapseTies(s: SortedSample): SortedSample {
  const xs: number[] = [];
  const ws: number[] = [];
  for (let k = 0; k < s.x.length; k++) {
    if (xs.length && xs[xs.length - 1] === s.x[k]) ws[ws.length - 1] += s.w[k];
    else {
      xs.push(s.x[k]);
      ws.push(s.w[k]);
    }
  }
  return sortSample(xs, ws);
}

/**
 * The p-quantile of a weighted sample under one of R's rules (survey 4.1 `qrule_*`).
 *
 * @example
 * const s = sortSample([1, 2, 3, 4], [1, 1, 1, 1]);
 * quantileByRule(s, 0.5, 'math');   // 2
 * quantileByRule(s, 0.5, 'school'); // 2.5
 * quantileByRule(s, 0.5, 'hf7');    // 2.5
 */
export function quantileByRule(s: SortedSample, p: number, rule: QuantileRule): number {
  const n = s.x.length;
  if (n === 0 || Number.isNaN(p)) return NaN;
  if (rule === 'math' || rule === 'hf1') {
    const q = qs(s, p);
    return q.wlow === 0 ? q.qlow : q.qup;
  }
  if (rule === 'school' || rule === 'hf2') {
    const q = qs(s, p);
    return q.wlow === 0 ? (q.qlow + q.qup) / 2 : q.qup;
  }
  if (rule === 'hf3') {
    const q = qs(collapseTies(s), p);
    return q.wlow === 0 && q.ilow % 2 === 0 ? q.qlow : q.qup;
  }
  if (rule === 'hf4') {
    const q = qs(s, p);
    const gamma = q.wlow / (q.wup + q.wlow);
    return q.qlow * (1 - gamma) + q.qup * gamma;
  }
  if (n === 1) return s.x[0];
  const { cumw, w } = s;
  const last = cumw[n - 1];
  const pk = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const prev = k === 0 ? 0 : cumw[k - 1];
    if (rule === 'hf5') pk[k] = (cumw[k] - w[k] / 2) / last;
    else if (rule === 'hf6') pk[k] = cumw[k] / (last + w[n - 1]);
    else if (rule === 'hf7') pk[k] = prev / cumw[n - 2];
    else if (rule === 'hf8') pk[k] = ((prev * 1) / 3 + (cumw[k] * 2) / 3) / (last + w[n - 1] / 3);
    else pk[k] = ((prev * 3) / 8 + (cumw[k] * 5) / 8) / (last + w[n - 1] / 4);
  }
  return approx(pk, s.x, p);
}
