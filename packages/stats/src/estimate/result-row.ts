import { normalQuantile } from './distributions.ts';
import {
  DEFAULT_QUALITY,
  type EstimateOptions,
  type EstimateRow,
  type QualityFlag,
  type QualityThresholds,
} from './estimate.types.ts';

/** Resolved thresholds and confidence level. @throws RangeError for a level outside (0, 1). */
export function resolveCommon(
  options: EstimateOptions,
  fn: string,
): { level: number; quality: QualityThresholds } {
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new RangeError(`${fn}: level must be between 0 and 1, got ${level}`);
  const quality = { ...DEFAULT_QUALITY, ...(options.quality ?? {}) };
  if (!(quality.minN >= 0)) throw new RangeError(`${fn}: quality.minN must be a number >= 0`);
  if (!(quality.maxCv >= 0)) throw new RangeError(`${fn}: quality.maxCv must be a number >= 0`);
  return { level, quality };
}

/** Quality flags for an estimate. */
export function qualityFlags(estimate: number, se: number, n: number, q: QualityThresholds): QualityFlag[] {
  const flags: QualityFlag[] = [];
  if (n < q.minN) flags.push('small_n');
  if (Number.isNaN(estimate) || Number.isNaN(se)) flags.push('undefined');
  else if (Math.abs(se / estimate) > q.maxCv) flags.push('high_cv');
  return flags;
}

/** Builds a result row with cv, flags and (unless given) a normal-theory CI as R's `confint` on a `svystat`. */
export function makeRow(
  fields: {
    domain: Readonly<Record<string, string>> | null;
    term: string;
    estimate: number;
    se: number;
    n: number;
    deff?: number;
    quantile?: number;
    ci?: readonly [number, number];
  },
  level: number,
  quality: QualityThresholds,
): EstimateRow {
  const z = normalQuantile(1 - (1 - level) / 2);
  const ci = fields.ci ?? ([fields.estimate - z * fields.se, fields.estimate + z * fields.se] as const);
  const row: { -readonly [K in keyof EstimateRow]: EstimateRow[K] } = {
    domain: fields.domain,
    term: fields.term,
    estimate: fields.estimate,
    se: fields.se,
    cv: fields.se / Math.abs(fields.estimate),
    ci,
    n: fields.n,
    flags: qualityFlags(fields.estimate, fields.se, fields.n, quality),
  };
  if (fields.deff !== undefined) row.deff = fields.deff;
  if (fields.quantile !== undefined) row.quantile = fields.quantile;
  return row;
}
