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
