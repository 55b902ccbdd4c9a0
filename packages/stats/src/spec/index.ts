// Public API of this area; re-exported from ../index.ts.
export type {
  StatsSpec,
  DesignSpec,
  AdjustSpec,
  EstimateSpec,
  SpecResult,
  SpecEstimate,
} from './spec.types.ts';
export { runSpec } from './run-spec.ts';
export { validateSpec } from './validate-spec.ts';
export { deriveColumns, type DeriveRule } from './derive.ts';
