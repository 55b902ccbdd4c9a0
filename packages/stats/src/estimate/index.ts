// Public API of this area; re-exported from ../index.ts.
export type {
  EstimateOptions,
  EstimateRow,
  EstimateTable,
  QualityFlag,
  QualityThresholds,
  WhereFilter,
} from './estimate.types.ts';
export { DEFAULT_QUALITY } from './estimate.types.ts';
export { estimateTotal, estimateMean, estimateRatio } from './linear.ts';
export { estimateVar } from './svyvar.ts';
export { estimateQuantile, type QuantileOptions } from './quantile.ts';
export { quantileByRule, sortSample, QUANTILE_RULES, type QuantileRule, type SortedSample } from './qrule.ts';
export { estimateCiProp, propInterval, type CiPropOptions, type CiPropMethod } from './ciprop.ts';
export {
  normalCdf,
  normalQuantile,
  studentTCdf,
  studentTQuantile,
  betaCdf,
  betaQuantile,
  logGamma,
} from './distributions.ts';
