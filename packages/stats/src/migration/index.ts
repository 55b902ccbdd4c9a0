// Public API of this area; re-exported from ../index.ts.
export type * from './person.types.ts';
export type * from './mapping.types.ts';
export * from './mapping-error.ts';
export { parseMapping, DEFAULT_AGE_BANDS } from './mapping.parse.ts';
export * from './migrant.rules.ts';
export * from './migrant-worker.rules.ts';
export * from './flows.rules.ts';
export { classifyDataset, ICLS_RULES } from './classify-dataset.ts';
export type { ClassifiedDataset, ClassifyOptions, IclsRule } from './classify-dataset.ts';
