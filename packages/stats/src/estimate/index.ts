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
export {
  normalCdf,
  normalQuantile,
  studentTCdf,
  studentTQuantile,
  betaCdf,
  betaQuantile,
  logGamma,
} from './distributions.ts';
