import { normalQuantile } from './distributions.ts';
import {
  coefficientOfVariation,
  qualityFlags,
  resolveQuality,
  type QualityThresholds,
} from '../quality/quality.ts';
import type { EstimateOptions, EstimateRow } from './estimate.types.ts';

/** Resolved thresholds and confidence level. @throws RangeError for a level outside (0, 1). */
export function resolveCommon(
  options: EstimateOptions,
  fn: string,
): { level: number; quality: QualityThresholds } {
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new RangeError(`${fn}: level must be between 0 and 1, got ${level}`);
  return { level, quality: resolveQuality(options.quality, fn) };
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
    cv: coefficientOfVariation(fields.estimate, fields.se),
    ci,
    n: fields.n,
    flags: qualityFlags(fields.estimate, fields.se, fields.n, quality),
  };
  if (fields.deff !== undefined) row.deff = fields.deff;
  if (fields.quantile !== undefined) row.quantile = fields.quantile;
  return row;
}
