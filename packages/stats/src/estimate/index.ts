// Public API of this area; re-exported from ../index.ts.
export type {
  EstimateOptions,
  EstimateRow,
  EstimateTable,
  QualityFlag,
  QualityThresholds as EstimateQualityThresholds,
  WhereFilter,
} from './estimate.types.ts';
// Renamed on export: src/migration exports its own DEFAULT_QUALITY, QualityThresholds, normalCdf, normalQuantile.
export { DEFAULT_QUALITY as DEFAULT_ESTIMATE_QUALITY } from './estimate.types.ts';
export { coefficientOfVariation, qualityFlags } from '../quality/quality.ts';
export { estimateTotal, estimateMean, estimateRatio } from './linear.ts';
export { estimateVar } from './svyvar.ts';
export { estimateQuantile, type QuantileOptions } from './quantile.ts';
export { quantileByRule, sortSample, QUANTILE_RULES, type QuantileRule, type SortedSample } from './qrule.ts';
export { estimateCiProp, propInterval, type CiPropOptions, type CiPropMethod } from './ciprop.ts';
export {
  normalCdf as normalDistCdf,
  normalQuantile as normalDistQuantile,
  studentTCdf,
  studentTQuantile,
  betaCdf,
  betaQuantile,
  logGamma,
} from './distributions.ts';
