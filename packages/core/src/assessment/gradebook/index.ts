/** The gradebook sub-feature: grades per learner and cohort, overrides, essay grading, item analysis, CSV. */
export * from './gradebook.rules.ts';
export * from './gradebook.queries.ts';
export * from './gradebook.commands.ts';
export * from './gradebook-csv.ts';
export * from './gradebook-items.queries.ts';
export * from './item-analysis.rules.ts';
export * from './essay-grading.commands.ts';
