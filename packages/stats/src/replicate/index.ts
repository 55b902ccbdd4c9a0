// Public API of this area; re-exported from ../index.ts.
export type { ReplicateDesign, ReplicateDesignOptions, ReplicateType } from './replicate.types.ts';
export { createReplicateDesign, isReplicateDesign } from './create-replicate-design.ts';
export { asReplicateDesign, hadamardFor, type AsReplicateOptions } from './as-replicate-design.ts';
export { replicateVariance, replicateDegf } from './replicate-variance.ts';
