/** How class breaks are chosen for a choropleth. */
export type ClassMethod = 'quantile' | 'equal-interval' | 'natural-breaks';

/** Class breaks: `breaks[i]` to `breaks[i + 1]` bound class i; the first is the minimum, the last the maximum. */
export interface Classification {
  readonly method: ClassMethod;
  readonly breaks: readonly number[];
}

/** Fewest and most classes accepted; more than seven cannot be told apart on a map. */
export const CLASS_LIMITS = { min: 2, max: 7 } as const;

/**
 * Computes class breaks for values. For quantiles and natural breaks, fewer distinct values than classes reduce the
 * number of classes. Quantile breaks
 * use R's default quantile rule (type 7); natural breaks are Jenks–Fisher (minimum within-class sum of squares,
 * exact by dynamic programming).
 * @example classify([1, 2, 3, 10, 11, 12, 20, 21, 22], 'natural-breaks', 3).breaks // [1, 10, 20, 22]
 * @example classify([0, 10, 10], 'quantile', 5).breaks // [0, 10, 10] (two distinct values: two classes)
 * @throws {RangeError} when there are no finite values or the class count is outside 2–7.
 */
export function classify(values: readonly number[], method: ClassMethod, classes: number): Classification {
  if (!Number.isInteger(classes) || classes < CLASS_LIMITS.min || classes > CLASS_LIMITS.max) {
    throw new RangeError(
      `classify: classes must be an integer from ${CLASS_LIMITS.min} to ${CLASS_LIMITS.max} (got ${classes})`,
    );
  }
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) throw new RangeError('classify requires at least one finite value');
  const distinct = [...new Set(sorted)];
  if (distinct.length === 1) return { method, breaks: [distinct[0], distinct[0]] };
  // Quantiles and natural breaks cannot make more classes than there are distinct values; equal intervals can.
  const k = method === 'equal-interval' ? classes : Math.min(classes, distinct.length);
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  const inner =
    method === 'quantile'
      ? quantileBreaks(sorted, k)
      : method === 'equal-interval'
        ? equalBreaks(sorted, k)
        : jenksBreaks(sorted, k);
  // Coinciding quantiles merge classes; a top class holding only the maximum keeps a break equal to it.
  const lowers = inner.filter((b, i) => b > min && (i === 0 || b > inner[i - 1]));
  const breaks = [min, ...lowers, max];
  return { method, breaks };
}

/** Index of the class a value falls in: class i holds breaks[i] ≤ v < breaks[i + 1]; the last class includes its top. */
export function classOf(value: number, breaks: readonly number[]): number {
  const last = Math.max(0, breaks.length - 2);
  for (let i = 0; i < last; i++) if (value < breaks[i + 1]) return i;
  return last;
}

function quantileBreaks(sorted: readonly number[], k: number): number[] {
  const out: number[] = [];
  for (let i = 1; i < k; i++) {
    const h = (sorted.length - 1) * (i / k);
    const lo = Math.floor(h);
    out.push(sorted[lo] + (h - lo) * ((sorted[lo + 1] ?? sorted[lo]) - sorted[lo]));
  }
  return out;
}

function equalBreaks(sorted: readonly number[], k: number): number[] {
  const min = sorted[0];
  const step = (sorted[sorted.length - 1] - min) / k;
  return Array.from({ length: k - 1 }, (_, i) => min + step * (i + 1));
}

/** Fisher's exact optimal partition of sorted values into k contiguous classes; returns the lower bound of classes 2..k. */
function jenksBreaks(sorted: readonly number[], k: number): number[] {
  const n = sorted.length;
  const prefix = new Float64Array(n + 1);
  const prefixSq = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    prefix[i + 1] = prefix[i] + sorted[i];
    prefixSq[i + 1] = prefixSq[i] + sorted[i] * sorted[i];
  }
  // Sum of squared deviations of sorted[a..b] (inclusive).
  const ssd = (a: number, b: number) => {
    const m = b - a + 1;
    const s = prefix[b + 1] - prefix[a];
    return prefixSq[b + 1] - prefixSq[a] - (s * s) / m;
  };
  const cost = Array.from({ length: k }, () => new Float64Array(n).fill(Infinity));
  const start = Array.from({ length: k }, () => new Int32Array(n));
  for (let j = 0; j < n; j++) cost[0][j] = ssd(0, j);
  for (let c = 1; c < k; c++) {
    for (let j = c; j < n; j++) {
      for (let i = c; i <= j; i++) {
        const v = cost[c - 1][i - 1] + ssd(i, j);
        if (v < cost[c][j]) {
          cost[c][j] = v;
          start[c][j] = i;
        }
      }
    }
  }
  const lowers: number[] = [];
  let j = n - 1;
  for (let c = k - 1; c >= 1; c--) {
    const i = start[c][j];
    lowers.unshift(sorted[i]);
    j = i - 1;
  }
  return lowers;
}
