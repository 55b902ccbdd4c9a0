import type { DesignStage, LonelyPsu } from './design.types.ts';

/**
 * Per-stratum variance contributions at one stage, from cluster totals of an influence variable (R's `onestrat`,
 * with `survey.adjust.domain.lonely = FALSE`). Strata with a single sampled cluster follow `lonely`.
 *
 * @param st - the stage.
 * @param tot - total of the influence variable in each cluster of the stage (absent clusters hold 0).
 * @param lonely - lonely-PSU rule.
 * @param out - receives each stratum's contribution; NaN marks an `average` stratum to be filled in by the caller.
 * @param domainLonely - strata where the subset has a single PSU of several, treated as lonely
 *   (R's `survey.adjust.domain.lonely = TRUE`), or null.
 */
export function stratumContributions(
  st: DesignStage,
  tot: Float64Array,
  lonely: LonelyPsu,
  out: Float64Array,
  domainLonely: Uint8Array | null = null,
): void {
  const sum = new Float64Array(st.nStrata);
  const cs = st.clusterStratum;
  for (let c = 0; c < st.nClusters; c++) sum[cs[c]] += tot[c];
  const ss = new Float64Array(st.nStrata);
  const sampled = st.stratumSampled;
  for (let c = 0; c < st.nClusters; c++) {
    const h = cs[c];
    // a single PSU is centred on its own value except under "adjust" (centred at zero, R's grand-mean rule)
    const uncentred =
      lonely === 'adjust' && (sampled[h] === 1 || (domainLonely !== null && domainLonely[h] === 1));
    const d = uncentred ? tot[c] : tot[c] - sum[h] / sampled[h];
    ss[h] += d * d;
  }
  const pop = st.stratumPopulation;
  for (let h = 0; h < st.nStrata; h++) {
    const nh = sampled[h];
    const f = pop ? (pop[h] === Infinity ? 1 : (pop[h] - nh) / pop[h]) : 1;
    if (f < 1e-7) {
      out[h] = 0;
      continue;
    }
    if (nh > 1) out[h] = lonely === 'average' && domainLonely?.[h] ? NaN : ((f * nh) / (nh - 1)) * ss[h];
    else if (lonely === 'average') out[h] = NaN;
    else if (lonely === 'fail')
      throw new RangeError(`variance: stratum "${st.stratumLabels[h]}" has only one PSU`);
    else out[h] = f * ss[h];
  }
}

/**
 * Sum of stratum contributions with R's `average` rescaling: strata present in the subset count, NaN ones are
 * dropped and the total is scaled by present / non-NaN.
 */
export function sumContributions(contrib: Float64Array, present: Uint8Array | null): number {
  let total = 0;
  let nstrat = 0;
  let nok = 0;
  for (let h = 0; h < contrib.length; h++) {
    if (present && !present[h]) continue;
    nstrat++;
    const v = contrib[h];
    if (Number.isNaN(v)) continue;
    nok++;
    total += v;
  }
  if (nok === nstrat) return total;
  return (total * nstrat) / (nok === 0 ? 1 : nok);
}

/**
 * Per-stratum variance contributions of a PPS-without-replacement stage from cluster totals (`tot`, influence values
 * already weighted): Brewer's approximation, R's `onestrat` with a per-PSU factor (1 − π_i)·n/(n − 1) on the squared
 * deviations from the stratum mean; or Overton's approximation of the joint probabilities, x̌ᵀ Ď x̌ with
 * Ď_ii = 1 − π_i and Ď_ij = ((π_i + π_j)/2 − 1)/(n − 1) within a stratum (R's `overton2Dcheck`), in the
 * Horvitz–Thompson form or, with `YG`, minus Σ_j x̌_j² Σ_i Ď_ij (R's `ygvar.matrix`). O(PSUs), no n × n matrix.
 */
export function ppsContributions(
  st: DesignStage,
  tot: Float64Array,
  pps: { readonly method: 'brewer' | 'overton'; readonly variance: 'HT' | 'YG' },
  lonely: LonelyPsu,
  out: Float64Array,
): void {
  const prob = st.clusterProb as Float64Array;
  const H = st.nStrata;
  const cs = st.clusterStratum;
  const n = st.stratumSampled;
  const S = new Float64Array(H); // Σ x
  const T = new Float64Array(H); // Σ π x
  const P = new Float64Array(H); // Σ π
  for (let c = 0; c < st.nClusters; c++) {
    const h = cs[c];
    S[h] += tot[c];
    T[h] += prob[c] * tot[c];
    P[h] += prob[c];
  }
  out.fill(0);
  if (pps.method === 'brewer') {
    const certain = certainStrata(st);
    for (let c = 0; c < st.nClusters; c++) {
      const h = cs[c];
      if (certain[h]) continue;
      const nh = n[h];
      const f = 1 - prob[c];
      if (nh === 1) {
        if (lonely === 'fail')
          throw new RangeError(`variance: stratum "${st.stratumLabels[h]}" has only one PSU`);
        if (lonely === 'average') out[h] = NaN;
        else if (lonely === 'adjust') out[h] += f * tot[c] * tot[c];
        continue;
      }
      const d = tot[c] - S[h] / nh;
      out[h] += ((f * nh) / (nh - 1)) * d * d;
    }
    return;
  }
  const sq = new Float64Array(H); // Σ x²
  const psq = new Float64Array(H); // Σ π x²
  const yg = new Float64Array(H);
  for (let c = 0; c < st.nClusters; c++) {
    const h = cs[c];
    const x = tot[c];
    const p = prob[c];
    sq[h] += x * x;
    psq[h] += p * x * x;
    if (pps.variance === 'YG') {
      const nh = n[h];
      // column sum of Ď for this PSU: its diagonal plus the off-diagonal entries of its stratum
      const off = nh > 1 ? ((P[h] - p) / 2 + ((nh - 1) * p) / 2 - (nh - 1)) / (nh - 1) : 0;
      yg[h] += x * x * (1 - p + off);
    }
  }
  for (let h = 0; h < H; h++) {
    const nh = n[h];
    const diag = sq[h] - psq[h];
    const off = nh > 1 ? (T[h] * S[h] - psq[h] - S[h] * S[h] + sq[h]) / (nh - 1) : 0;
    out[h] = diag + off - yg[h];
  }
}

/**
 * Strata of a PPS stage whose every unit was certain to be sampled (inclusion probability within 1e-7 of 1): they add
 * no variance, even with a single unit (R's `onestrat`: `all(f < 1e-7)` before the lonely-PSU rule).
 */
export function certainStrata(st: DesignStage): Uint8Array {
  const prob = st.clusterProb as Float64Array;
  const certain = new Uint8Array(st.nStrata).fill(1);
  for (let c = 0; c < st.nClusters; c++) if (1 - prob[c] >= 1e-7) certain[st.clusterStratum[c]] = 0;
  return certain;
}
