// Public API of this area; re-exported from ../index.ts.
export type {
  StatsSpec,
  DesignSpec,
  AdjustSpec,
  EstimateSpec,
  SpecResult,
  SpecEstimate,
} from './spec.types.ts';
export { runSpec, type RunSpecOptions } from './run-spec.ts';
export { specColumns } from './spec-columns.ts';
export { validateSpec } from './validate-spec.ts';
export { deriveColumns, type DeriveRule } from './derive.ts';
