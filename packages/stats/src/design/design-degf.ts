import type { DesignStage } from './design.types.ts';

/**
 * Design degrees of freedom as R's `degf`: distinct PSUs minus distinct strata among the rows with nonzero weight
 * (and, when `rows` is given, only those rows — a domain or subset).
 *
 * @example
 * // 3 PSUs in 1 stratum
 * computeDegf(stage, Float64Array.of(1, 1, 1), null); // 2
 */
export function computeDegf(stage: DesignStage, weights: Float64Array, rows: Int32Array | null): number {
  const seenC = new Uint8Array(stage.nClusters);
  const seenH = new Uint8Array(stage.nStrata);
  let nc = 0;
  let nh = 0;
  const m = rows ? rows.length : weights.length;
  for (let k = 0; k < m; k++) {
    const i = rows ? rows[k] : k;
    if (weights[i] === 0) continue;
    const c = stage.cluster[i];
    if (!seenC[c]) {
      seenC[c] = 1;
      nc++;
      const h = stage.clusterStratum[c];
      if (!seenH[h]) {
        seenH[h] = 1;
        nh++;
      }
    }
  }
  return nc - nh;
}
