/**
 * The one implementation of the statistics quality flags, used by the estimators (`src/estimate`) and by the
 * ILMS/SDG table cells (`src/migration`), so that one estimate gets the same flags whichever path computed it.
 */

/** Thresholds for quality flags. Defaults: {@link DEFAULT_QUALITY}. */
export interface QualityThresholds {
  /** Flag an estimate based on fewer unweighted observations than this. */
  readonly minN: number;
  /** Flag an estimate whose coefficient of variation (se / |estimate|) exceeds this. */
  readonly maxCv: number;
}

/** Default quality thresholds: fewer than 30 observations, or a CV above 0.2 (20%), are flagged. */
export const DEFAULT_QUALITY: QualityThresholds = Object.freeze({ minN: 30, maxCv: 0.2 });

/**
 * Quality flags, always in this order: `small_n` (n below `minN`), `high_cv` (CV above `maxCv`, including an
 * estimate of 0 with a positive SE, whose CV is infinite), `undefined` (estimate or SE is NaN: empty domain, n < 2,
 * division by zero), `lonely_psu` (a table cell whose variance left out a stratum with a single PSU).
 */
export type QualityFlag = 'small_n' | 'high_cv' | 'undefined' | 'lonely_psu';

/**
 * The coefficient of variation se / |estimate|: `Infinity` for an estimate of 0 with a positive SE, `NaN` when
 * either is NaN or both are 0.
 *
 * @example
 * coefficientOfVariation(-200, 50); // 0.25
 * coefficientOfVariation(0, 1);     // Infinity
 * coefficientOfVariation(0, 0);     // NaN
 */
export function coefficientOfVariation(estimate: number, se: number): number {
  return se / Math.abs(estimate);
}

/**
 * The quality flags of one estimate.
 *
 * @param estimate - the estimate.
 * @param se - its standard error.
 * @param n - unweighted observations behind it.
 * @param q - thresholds.
 * @param lonelyPsu - whether the variance left out a lonely PSU (table cells only).
 * @example
 * qualityFlags(200, 50, 12, DEFAULT_QUALITY);  // ['small_n', 'high_cv']
 * qualityFlags(0, 0.01, 500, DEFAULT_QUALITY); // ['high_cv']
 * qualityFlags(NaN, NaN, 0, DEFAULT_QUALITY);  // ['small_n', 'undefined']
 */
export function qualityFlags(
  estimate: number,
  se: number,
  n: number,
  q: QualityThresholds,
  lonelyPsu = false,
): QualityFlag[] {
  const flags: QualityFlag[] = [];
  if (n < q.minN) flags.push('small_n');
  if (Number.isNaN(estimate) || Number.isNaN(se)) flags.push('undefined');
  else if (coefficientOfVariation(estimate, se) > q.maxCv) flags.push('high_cv');
  if (lonelyPsu) flags.push('lonely_psu');
  return flags;
}

/**
 * Checks user-given thresholds over the defaults.
 *
 * @throws RangeError naming `fn` when `minN` or `maxCv` is not a number >= 0.
 * @example
 * resolveQuality({ maxCv: 0.3 }, 'estimateMean'); // { minN: 30, maxCv: 0.3 }
 */
export function resolveQuality(given: Partial<QualityThresholds> | undefined, fn: string): QualityThresholds {
  const quality = { ...DEFAULT_QUALITY, ...(given ?? {}) };
  if (!(quality.minN >= 0)) throw new RangeError(`${fn}: quality.minN must be a number >= 0`);
  if (!(quality.maxCv >= 0)) throw new RangeError(`${fn}: quality.maxCv must be a number >= 0`);
  return quality;
}
